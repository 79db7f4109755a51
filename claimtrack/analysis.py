"""Search analysis shared by index time and query time: clitic stripping, light stemming, folding.

A word becomes a small set of *terms* (all folded with `claimtrack.text.fold`):

- Arabic: every reading of its attached clitics (و ف, then ب ك ل, then the article ال, with لل for
  ل + ال) that leaves a plausible core; the Snowball Arabic stem of each core; and, for cores of three
  letters or more (not stop words), the ISRI root marked with ``r`` (so broken plurals meet their singular: أسلحة and
  سلاح share the root سلح) .
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
        extra = [QueryTerm(r, False) for c, _ in arabic_cores(word) for r in _core_roots(c)]
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
def _core_roots(core: str) -> tuple[str, ...]:
    """The root terms of a core: its ISRI root and, when it has the shape of a broken plural (or of
    a singular that takes one), the root read from that pattern."""
    folded = fold_word(core)
    roots = (_root(core), pattern_root(folded) if core not in _isri().stop_words else None)
    return tuple(dict.fromkeys(ROOT_MARK + fold_word(r) for r in roots if r))


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


# Patterns (awzan) of the common broken plurals and of the singulars that take them, on folded words:
# ف ع ل stand for the three root letters, every other letter must be there as written. ISRI, which
# strips affixes, misses most of them (صواريخ, العلماء, الشهداء, القضاة), or reads a singular's
# pattern letter as a root letter (مدينة → دين); a plural and its singular give the same root here.
BROKEN_PLURAL_PATTERNS = (
    # plurals
    "فواعيل", "مفاعيل", "افعلاء",            # صواريخ مشاريع اصدقاء
    "افعال", "فعلاء", "فواعل", "مفاعل", "فعائل", "فعايل", "افعله",  # اسواق علماء شوارع مدارس رسائل اسلحه
    "فعال", "فعول", "فعاه", "فعلي", "فعايا",  # ثوار (فُعّال) رجال، قلوب، قضاه، جرحي (فَعْلى)، ضحايا
    # singulars
    "فاعول", "مفعول", "فعيله", "مفعله",      # صاروخ مشروع مدينه مدرسه
    "فاعل", "فعيل", "فاعي", "فعيه",          # عالم ثائر، شهيد، قاضي، ضحيه
)
_WEAK = frozenset("اويءؤئى")
_HAMZA = frozenset("ءؤئ")


def _compile_pattern(pattern: str) -> tuple[str, re.Pattern[str]]:
    return pattern, re.compile("".join("(.)" if ch in "فعل" else re.escape(ch) for ch in pattern))


# the more letters a pattern fixes, the earlier it is tried (قضاه is فعاه before it is فعال)
_PATTERNS = tuple(_compile_pattern(p) for p in
                  sorted(BROKEN_PLURAL_PATTERNS, key=lambda p: -sum(ch not in "فعل" for ch in p)))


def pattern_root(folded: str) -> str | None:
    """The three root letters of a folded core that has one of `BROKEN_PLURAL_PATTERNS`; None if it
    has none. Hamza is written ا (as ISRI writes it, folded: رئيس gives راس), except the hamza that
    stands for the weak middle letter of a فاعل (ثائر and ثوار give ثور); a weak last letter is ي
    (قاضي and قضاه give قضي)."""
    for pattern, regex in _PATTERNS:
        if len(folded) != len(pattern):
            continue
        m = regex.fullmatch(folded)
        if m is None:
            continue
        if sum(ch in _WEAK for ch in m.groups()) > 1:
            return None  # too little left of the root to tell words apart
        if len(m.groups()) == 2:  # فعاه, فاعي, فعايا, فعيه: the last radical is the weak letter itself
            first, middle, last = m.group(1), m.group(2), "ي"
        else:
            first, middle, last = m.groups()
        if pattern == "فاعل" and middle in _HAMZA:
            middle = "و"
        first, middle = ("ا" if ch in _HAMZA else ch for ch in (first, middle))
        last = "ي" if last in _WEAK - {"و"} else last
        return first + middle + last
    return None


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
    out = cache[word] = " ".join(t.term for t in word_terms(word, roots))
    return out


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
