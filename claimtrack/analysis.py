"""Search analysis shared by index time and query time: clitic stripping, light stemming, folding.

A word becomes a small set of *terms* (all folded with `claimtrack.text.fold`):

- Arabic: every reading of its attached clitics (و ف, then ب ك ل, then the article ال, with لل for
  ل + ال) that leaves a plausible core; the Snowball Arabic stem of each core; and, for cores of three
  letters or more (not stop words), the ISRI root marked with ``r`` (أسلحة and سلاح share the root سلح);
  and, for a core with a broken plural's pattern, the singulars that pattern may have (`BROKEN_PLURALS`:
  الصواريخ is also صاروخ, الشهداء شهيد and شاهد).
- English (Latin script): the word and its Snowball English stem.
- Numbers: as they are (Arabic-Indic digits become ASCII).

The stored text (`analysed_text`) is these terms joined by spaces; a query token matches a word when
their term sets meet (`query_terms` says which of the query's terms may be prefix-matched).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from claimtrack.text import western_digits

_HARAKAT = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
_WORD = re.compile(r"\w+", re.UNICODE)
_ARABIC = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")
_LATIN = re.compile(r"[A-Za-z]")
ROOT_MARK = "r"
_AR_STEM = snowballstemmer.stemmer("arabic")
_EN_STEM = snowballstemmer.stemmer("english")
_WORD_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ك", "ل")


@dataclass(frozen=True)
class QueryTerm:
    """One term of a query token; `prefix` when it may match the start of an indexed term."""

    term: str
    prefix: bool


def fold_word(word: str) -> str:
    """`claimtrack.text.fold` for one token already out of `words` (cheaper: no NFKC, no harakat)."""
    return word.translate(_WORD_FOLD).casefold()


def words(text: str) -> list[str]:
    """Word tokens of `text` without harakat or tatweel, NFKC, digits in ASCII (not folded yet)."""
    text = western_digits(_HARAKAT.sub("", unicodedata.normalize("NFKC", text)))
    return _WORD.findall(text)


def arabic_cores(word: str) -> list[tuple[str, bool]]:
    """Readings of `word` with its proclitics removed, as (core, by_article); the word itself first.

    `by_article` is True when the reading ends in the article ال (a reliable cut); single-letter
    clitics alone are ambiguous (وزير is not و + زير) so both readings are kept.
    """
    out: list[tuple[str, bool]] = [(word, False)]
    for conj in _CONJ:
        if conj and not word.startswith(conj):
            continue
        after_conj = word[len(conj):]
        for prep in _PREP:
            if prep and not after_conj.startswith(prep):
                continue
            rest = after_conj[len(prep):]
            if prep == "ل" and rest.startswith("ل") and len(rest) >= 3:  # لل = ل + ال
                out.append((rest[1:], True))
            if rest.startswith("ال") and len(rest) >= 4:
                out.append((rest[2:], True))
            if (conj or prep) and len(rest) >= 3 and rest != word:
                out.append((rest, False))
    seen: set[str] = set()
    unique = []
    for core, art in out:
        if core not in seen:
            seen.add(core)
            unique.append((core, art))
    return unique


@lru_cache(maxsize=200_000)
def word_terms(word: str, roots: bool = True) -> tuple[QueryTerm, ...]:
    """The terms of one word; `prefix` marks the surface form and article-stripped cores.

    `roots=False` leaves out the ISRI root terms (the passage index: the evidence finder never asks for
    roots, and ISRI is the slowest step)."""
    if _ARABIC.search(word):
        return _arabic_terms(word, roots)
    folded = fold_word(word)
    if _LATIN.search(word):
        stem = _EN_STEM.stemWord(folded)
        return _unique([QueryTerm(folded, True), QueryTerm(stem, False)])
    return (QueryTerm(folded, True),)


def _arabic_terms(word: str, roots: bool) -> tuple[QueryTerm, ...]:
    if roots:  # the root-less terms are cached: the passage index asks for them too
        extra = [QueryTerm(r, False) for c, _ in arabic_cores(word) for r in _core_extras(c)]
        return _unique([*word_terms(word, False), *extra])
    terms: list[QueryTerm] = []
    for i, (core, by_article) in enumerate(arabic_cores(word)):
        folded, stem = _core_forms(core)
        terms.append(QueryTerm(folded, i == 0 or by_article))
        terms.append(QueryTerm(stem, False))
    return _unique(terms)


@lru_cache(maxsize=200_000)
def _core_forms(core: str) -> tuple[str, str]:
    """(folded core, folded Snowball stem); cores recur under many clitics, hence the cache."""
    return fold_word(core), fold_word(_AR_STEM.stemWord(core))


@lru_cache(maxsize=200_000)
def _core_extras(core: str) -> tuple[str, ...]:
    """The extra terms of a core: its ISRI root (marked) and, when it has a broken plural's pattern,
    the singulars that pattern may have."""
    root = _root(core)
    found = singulars(fold_word(core)) if core not in _isri().stop_words else ()
    return ((ROOT_MARK + fold_word(root),) if root else ()) + found


@lru_cache(maxsize=1)
def _isri():  # noqa: ANN202 - imported on first use: NLTK takes ~0.2 s to import
    from nltk.stem.isri import ISRIStemmer

    isri = ISRIStemmer()
    # NLTK wraps these three patterns in its slow ReDoS guard; they are linear, so plain `re` is safe
    # and many times faster.
    isri.re_short_vowels = re.compile(r"[\u064B-\u0652]")
    isri.re_hamza = re.compile(r"[\u0621\u0624\u0626]")
    isri.re_initial_hamza = re.compile(r"^[\u0622\u0623\u0625]")
    return isri


# Broken plurals (جموع التكسير) and the singular patterns that take them, on folded words: ف ع ل stand for
# the three root letters, every other letter must be there as written. A word with a plural's pattern is
# also indexed (and searched) as each singular its pattern may have, so صواريخ meets صاروخ, الشهداء شهيد,
# المدن مدينة and القضاة قاضي. A candidate that is no word matches nothing; ISRI, which strips affixes,
# misses most of these (صواريخ, العلماء, الشهداء) or reads a pattern letter as a root letter (مدينة: دين).
BROKEN_PLURALS = {
    "فواعيل": ("فاعول",),                 # صواريخ → صاروخ
    "مفاعيل": ("مفعول", "مفعال"),         # مشاريع → مشروع، مفاتيح → مفتاح
    "افعلاء": ("فعيل",),                  # اصدقاء → صديق
    "افعال": ("فعل",),                    # اسواق → سوق، الغام → لغم
    "فعلاء": ("فعيل", "فاعل"),            # شهداء → شهيد، علماء → عالم
    "فواعل": ("فاعل", "فاعله"),           # شوارع → شارع، قواعد → قاعده
    "مفاعل": ("مفعل", "مفعله"),           # مساجد → مسجد، مدارس → مدرسه
    "فعائل": ("فعيله", "فعاله"),          # قذائف → قذيفه، رسائل → رساله
    "فعايل": ("فعيله", "فعاله"),          # the same, hamza written ي
    "افعله": ("فعال",),                   # اسلحه → سلاح
    "فعال": ("فاعل", "فعل", "فعيل"),      # ثوار → ثائر، رجال → رجل، كبار → كبير
    "فعول": ("فعل", "فاعل"),              # قلوب → قلب، شهود → شاهد
    "فعلي": ("فعيل",),                    # جرحي (جرحى) → جريح
    "فعاه": ("فاعي",),                    # قضاه → قاضي (فُعَلة of a root whose last letter is weak)
    "فعايا": ("فعيه",),                   # ضحايا → ضحيه
    "فعل": ("فعيله",),                    # مدن → مدينه
}
_WEAK = frozenset("اويءؤئى")


def _compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile("".join("(.)" if ch in "فعل" else re.escape(ch) for ch in pattern))


# the more letters a pattern fixes, the earlier it is tried (قضاه is فعاه before it is فعال)
_PLURALS = tuple((_compile_pattern(p), len(p), forms) for p, forms in
                 sorted(BROKEN_PLURALS.items(), key=lambda kv: -sum(ch not in "فعل" for ch in kv[0])))


def _fill(pattern: str, letters: tuple[str, ...]) -> str:
    """`pattern` with its root letters. A weak middle letter is written ئ after the ا of فاع (ثائر);
    a weak last letter after the ا of فعال is hamza (اغذيه → غذاء)."""
    first, middle, last = (*letters, "ي")[:3]
    if middle in "وي" and pattern.startswith("فاع"):
        middle = "ئ"
    if last in "وي" and pattern.endswith("ال"):
        last = "ء"
    return "".join({"ف": first, "ع": middle, "ل": last}.get(ch, ch) for ch in pattern)


def singulars(folded: str) -> tuple[str, ...]:
    """The singulars a folded word with one of `BROKEN_PLURALS`' patterns may have (the first pattern
    that fits); () for any other word."""
    for regex, size, patterns in _PLURALS:
        if len(folded) != size:
            continue
        m = regex.fullmatch(folded)
        if m is None:
            continue
        letters = m.groups()
        weak = sum(ch in _WEAK for ch in letters)
        if weak > 1 or (weak and (size == 3 or len(letters) == 2)):
            return ()  # too little of a root left to tell words apart (قال is no plural of anything)
        return tuple(dict.fromkeys(_fill(p, letters) for p in patterns))
    return ()


def _root(core: str) -> str | None:
    """The ISRI root of a core of three letters or more (not of a stop word), if it has one."""
    isri = _isri()
    if len(core) < 3 or core in isri.stop_words:
        return None
    root = isri.stem(core)
    return root if len(root) == 3 else None


def is_root(term: str) -> bool:
    """True for an ISRI root term (``r`` + Arabic letters)."""
    return term[:1] == ROOT_MARK and bool(_ARABIC.match(term[1:2]))


def _unique(terms: list[QueryTerm]) -> tuple[QueryTerm, ...]:
    best: dict[str, bool] = {}
    for t in terms:
        if t.term:
            best[t.term] = best.get(t.term, False) or t.prefix
    return tuple(QueryTerm(k, v) for k, v in best.items())


_INDEXED: dict[bool, dict[str, str]] = {True: {}, False: {}}  # word -> its indexed terms (hot: a plain dict)
_INDEXED_MAX = 200_000


def _index_terms(word: str, roots: bool) -> str:
    cache = _INDEXED[roots]
    if len(cache) >= _INDEXED_MAX:
        cache.clear()
    out = cache[word] = " ".join(_term_strings(word, roots) if _ARABIC.search(word)
                                 else (t.term for t in word_terms(word, roots)))
    return out


def _term_strings(word: str, roots: bool) -> list[str]:
    """The terms of an Arabic word as `word_terms` orders them, without building QueryTerms (index time)."""
    if roots:
        base = _INDEXED[False].get(word)
        terms = dict.fromkeys(base.split(" ") if base else _term_strings(word, False))
        for core, _art in arabic_cores(word):
            for extra in _core_extras(core):
                terms[extra] = None
        return [t for t in terms if t]
    terms = {}
    for core, _art in arabic_cores(word):
        folded, stem = _core_forms(core)
        terms[folded] = None
        terms[stem] = None
    return [t for t in terms if t]


def analysed_text(*parts: str | None, roots: bool = True) -> str:
    """The indexed form of `parts`: every term of every word, space separated (see `word_terms`)."""
    cache = _INDEXED[roots]
    out = []
    for part in parts:
        if part:
            for w in words(part):
                terms = cache.get(w)
                out.append(terms if terms is not None else _index_terms(w, roots))
    return " ".join(out)


def query_terms(query: str) -> list[tuple[QueryTerm, ...]]:
    """For each word of a user query, the alternative terms any of which may match."""
    return [word_terms(w) for w in words(query)]
