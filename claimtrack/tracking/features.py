"""What the matchers compare: clitic-stripped terms, numbers, negation and named entities of a text.

Arabic words are folded (claimtrack.text.fold), then the conjunction/preposition/article clitics
(و ف ب ل ك ال) and common plural/feminine endings are stripped; English words are stemmed with
Snowball. The result is the same for «والأسلحة» and «الأسلحة», for "weapons" and "weapon".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from claimtrack.extract.gazetteer import gazetteer
from claimtrack.text import fold

_WORD = re.compile(r"[\u0621-\u064A]+|[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)?")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_PREFIXES = ("وبال", "وال", "فال", "بال", "كال", "لل", "ال")
_SUFFIXES = ("يات", "ات", "ون", "ين", "ان", "ها", "هم", "يه", "ه")
_EN = snowballstemmer.stemmer("english")

STOP = frozenset("""
في من الي علي عن ان انه انها انهم التي الذي الذين اللذين هذه هذا ذلك تلك هذان هاتان هولاء مع بين كل ما ماذا
هو هي هم هما نحن انا انت ثم او بل حيث بعد قبل عند غير اي ايه اذا اذ لقد قد كان كانت يكون تكون كانوا وقال قال
قالت يقول تقول اكد اكدت يوكد توكد اضاف اضافت يضيف اشار اشارت يشير اوضح اوضحت يوضح ذكر ذكرت افاد افادت
وفق وفقا بحسب حسب خلال منذ حتي كما لكن لان اما امام ضمن نحو لدي لها له لهم منها منه عليه عليها فيه فيها
الان اليوم امس وقد وان فان بان كذلك ايضا جدا عبر الذي هناك هنا وهو وهي ولا ولم ولن
the a an of to in on and or for with that this these those was were is are be been being by as at from it its
their his her they he she we our you your i not no has have had will would said says say told also but if
than then there here which who whom what when where while into about over after before such can could may
might should must do does did just more most very any
""".split())
NEGATIONS = frozenset("لا لم لن ليس ليست لسنا ليسوا غير عدم دون بدون ابدا مطلقا not no never none nor cannot without".split())


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A folded word without its clitics and common endings; English words through Snowball."""
    if word.isascii():
        return _EN.stemWord(word) if word.isalpha() else word
    w = word
    if len(w) > 4 and w[0] in "وف" and w[1] in "بلك":
        w = w[1:]
    for p in _PREFIXES:
        if w.startswith(p) and len(w) - len(p) >= 3:
            w = w[len(p):]
            break
    else:
        if len(w) > 4 and w[0] in "وفبل":
            w = w[1:]
    for s in _SUFFIXES:
        if w.endswith(s) and len(w) - len(s) >= 3:
            w = w[: -len(s)]
            break
    return w


def words(text: str) -> list[str]:
    """Folded word tokens (Arabic, Latin, numbers), in order."""
    return _WORD.findall(fold(text))


def stems(text: str) -> list[str]:
    """Stems of every word, stop words left out, in order (for fuzzy comparison)."""
    return [stem(w) for w in words(text) if w not in STOP]


def _terms(ws: list[str]) -> set[str]:
    out = set()
    for w in ws:
        if w in STOP or w[0].isdigit() or len(w) < 3:
            continue
        s = stem(w)
        if len(s) >= 3 and s not in STOP:
            out.add(s)
    return out


def content_terms(text: str) -> set[str]:
    """Distinct stems of content words (3+ letters, no stop words, no numbers)."""
    return _terms(words(text))


_THOUSANDS = re.compile(r"^\d{1,3}(?:[.,]\d{3})+$")


def _number(n: str) -> str:
    """"204.732" and "204,732" (thousands) → "204732"; "1.50" → "1.5"."""
    if _THOUSANDS.match(n):
        return n.replace(",", "").replace(".", "")
    n = n.replace(",", ".")
    return n.rstrip("0").rstrip(".") if "." in n else n


def _numbers(ws: list[str]) -> set[str]:
    return {_number(n) for n in ws if n[0].isdigit()}


def numbers(text: str) -> set[str]:
    """Numbers written in the text (Arabic-Indic digits folded), as normalised strings ("1,000" → "1000")."""
    return _numbers(words(text))


def negation_count(text: str) -> int:
    """How many negation words the text holds (parity tells a statement from its negation)."""
    return sum(1 for w in words(text) if w in NEGATIONS)


def entities(text: str) -> set[str]:
    """Gazetteer ids of the actors, places and bodies the text names (any script)."""
    return {e.id for e in gazetteer().mentions(text)}


def _entities_with_chain(text: str) -> tuple[set[str], set[str]]:
    """(gazetteer ids named in the text, the same with their affiliations: Kremlin → Russia)."""
    gaz = gazetteer()
    named = gaz.mentions(text)
    return {e.id for e in named}, {a.id for e in named for a in gaz.chain(e)}


@lru_cache(maxsize=1)
def _concept_table() -> dict[str, str]:
    """Stemmed glossary phrase (either language) → its language-neutral id (the first English form): the
    evidence finder's Arabic-English term alignment (claimtrack/data/glossary.tsv), keyed by tracking's stems."""
    from importlib import resources

    table: dict[str, str] = {}
    raw = resources.files("claimtrack").joinpath("data/glossary.tsv").read_text("utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ar, en = (tuple(x.strip() for x in side.split(",") if x.strip()) for side in line.split("\t"))
        for phrase in ar + en:
            key = " ".join(stems(phrase))
            if key:
                table.setdefault(key, en[0])
    return table


def _concepts(stemmed: list[str]) -> set[str]:
    table = _concept_table()
    out = {table[s] for s in stemmed if s in table}
    out |= {table[k] for k in map(" ".join, zip(stemmed, stemmed[1:], strict=False)) if k in table}
    return out


def concepts(text: str) -> set[str]:
    """Language-neutral ids ("arms", "negotiations") of the glossary words and two-word phrases of a text."""
    return _concepts(stems(text))


@dataclass(slots=True)
class TextFeatures:
    """Everything the matchers need about one claim text, computed once."""

    stems: list[str]
    terms: set[str]
    numbers: set[str]
    negations: int
    entities: set[str]
    negated: frozenset[str]  # stems of the words a negation governs ("لا تتدخل" → تتدخل)
    neutral: set[str]  # language-neutral: entity ids with their affiliations, "g:" glossary concepts

    folded: str = ""

    def __post_init__(self) -> None:
        self.folded = " ".join(self.stems)


def features(text: str) -> TextFeatures:
    ws = words(text)
    stemmed = [stem(w) for w in ws if w not in STOP]
    named, chain = _entities_with_chain(text)
    negated = frozenset(stem(ws[i + 1]) for i, w in enumerate(ws[:-1]) if w in NEGATIONS and ws[i + 1] not in STOP)
    return TextFeatures(stems=stemmed, terms=_terms(ws), numbers=_numbers(ws),
                        negations=sum(1 for w in ws if w in NEGATIONS), entities=named,
                        negated=negated, neutral=chain | {"g:" + c for c in _concepts(stemmed)})
