"""Text utilities: NFC normalisation, Arabic folding for search and matching, language detection."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_HARAKAT = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")  # marks + tatweel
_WS = re.compile(r"\s+")
_ARABIC_CHAR = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_CHAR = re.compile(r"[A-Za-z]")
_HAS_INDIC = re.compile("[٠-٩۰-۹]")
_INDIC_PAIRS = tuple(zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True))
_FOLD_CACHE_MAX = 96  # fold() results for strings up to this length are memoised


def nfc(text: str) -> str:
    """Unicode NFC, the form every stored text takes."""
    return unicodedata.normalize("NFC", text)


def western_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII digits (same length, so offsets hold)."""
    if not _HAS_INDIC.search(text):
        return text
    for a, b in _INDIC_PAIRS:  # str.replace per digit is far faster than str.translate on non-ASCII
        if a in text:
            text = text.replace(a, b)
    return text


def fold(text: str) -> str:
    """Fold text for search and matching: no harakat or tatweel, alef/ya/ta-marbuta unified, lower case.

    Not offset-preserving; never store the result in place of the original.
    """
    return _fold_short(text) if len(text) <= _FOLD_CACHE_MAX else _fold(text)


@lru_cache(maxsize=65536)
def _fold_short(text: str) -> str:
    return _fold(text)


def _fold(text: str) -> str:
    s = unicodedata.normalize("NFKC", text)
    s = _HARAKAT.sub("", s)
    for a in "أإآٱ":
        if a in s:
            s = s.replace(a, "ا")
    s = s.replace("ى", "ي").replace("ة", "ه")
    s = western_digits(s)
    if not (s.isprintable() and "  " not in s and s[:1] != " " and s[-1:] != " "):  # white space to collapse
        s = " ".join(s.split())  # = _WS.sub(" ", s).strip(): str.split and \s agree on white space
    return s.casefold()


def detect_language(text: str, sample: int = 4000) -> str:
    """"ar", "en" or "other", from the share of Arabic and Latin letters in a sample."""
    head = text[:sample]
    ar = len(_ARABIC_CHAR.findall(head))
    la = len(_LATIN_CHAR.findall(head))
    if ar == 0 and la == 0:
        return "other"
    if ar >= la:
        return "ar"
    return "en" if la > 0 else "other"


def is_rtl(text: str) -> bool:
    """True when the first strong character is right-to-left."""
    for ch in text:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return True
        if bidi == "L":
            return False
    return False


# --- sentence splitting with offsets -------------------------------------------------------------------

# = r"\.(?![\d.])|[!?؟]+|\n+", written to start with a character class so that `re` skips fast to the candidates
_SENT_END = re.compile(r"[.!?؟\n](?:(?<=\.)(?![\d.])|(?<=[!?؟])[!?؟]*|(?<=\n)\n*)")
_WORD_BEFORE = re.compile(r"(\w+)\.?$")
_ABBREV = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "no", "co", "gen", "col", "lt", "sgt", "rep", "sen", "gov", "inc", "ltd", "prof", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "etc", "u.s", "u.n", "u.k", "a.m", "p.m"]
)
_OUTLET_PREFIX = re.compile(r"\A([^\S\n]*)[^\s\-–—:]{2,30}[-–—](?=\S)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over `text`, end exclusive, trimmed of surrounding white space.

    Splits at . ! ? ؟ and line breaks; a full stop inside a number (1.5), an initialism (U.S.)
    or after a common English abbreviation (Mr., Dr., Jan.) does not end a sentence.
    Closing quotation marks right after the stop stay with the sentence.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    for m in _SENT_END.finditer(text):
        if m.group()[0] == "." and _is_abbrev(text, m.start()):
            continue
        end = m.end()
        while end < n and text[end] in "»”\"’)":
            end += 1
        _push_span(text, pos, end, spans)
        pos = end
    _push_span(text, pos, n, spans)
    return spans


_WORD_BEFORE_AR = re.compile(r"[\u0621-\u064A]*$")
_INITIAL_AFTER_AR = re.compile(r"[\u0621-\u064A]{1,3}\.")


def _is_abbrev(text: str, dot: int) -> bool:
    """True when the full stop at `dot` closes an abbreviation or an initial, not a sentence."""
    nxt = text[dot + 1 : dot + 2]
    if nxt.isalpha() and nxt.isascii():  # U.S.A, e.g
        return True
    if nxt.isalpha():  # (the word before matters only then: most full stops end a sentence)
        found = _WORD_BEFORE_AR.search(text, max(0, dot - 6), dot)  # `*$` matches, if only the empty string
        wb = found.group() if found else ""
    else:
        wb = ""
    if nxt.isalpha() and 0 < len(wb) <= 3 and (text[dot - len(wb) - 1 : dot - len(wb)] == "."
                                               or _INITIAL_AFTER_AR.match(text, dot + 1)):
        return True  # an Arabic initialism: "دي.إيه.إن", "أ.ف.ب" (no space after the stop)
    prev = text[dot - 1 : dot]
    if not (prev.isascii() and prev.isalpha()):  # every abbreviation ends in a Latin letter
        return False
    w = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not w:
        return False
    word = w.group(1)
    if len(word) == 1 and word.isupper():  # initial: "J. Smith"
        return True
    tail = text[w.start(1) : dot].lower()
    return tail in _ABBREV or tail.split(".")[-1] in _ABBREV and "." in tail


def _push_span(text: str, a: int, b: int, out: list[tuple[int, int]]) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b > a:
        out.append((a, b))


def strip_outlet_prefix(text: str) -> str:
    """Drop an outlet tag glued to the start of the lead line ("حصادنيوز-أبدى …" → "أبدى …").

    The lead line is the first non-empty line after the headline (the first line).
    """
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if lines[i].strip():
            lines[i] = _OUTLET_PREFIX.sub(r"\1", lines[i], count=1)
            break
    return "\n".join(lines)


def shorten(text: str, width: int) -> str:
    """`text` on one line, at most `width` characters, cut between words and ended with … when cut."""
    import textwrap

    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = textwrap.shorten(flat, width=width, placeholder=" …")
    return cut if cut != "…" and cut.strip() != "…" else flat[: width - 1] + "…"


# --- Trojan Source: bidirectional embedding, override and isolate controls -------------------------

BIDI_CONTROLS = {"\u202a": "LRE", "\u202b": "RLE", "\u202c": "PDF", "\u202d": "LRO", "\u202e": "RLO",
                 "\u2066": "LRI", "\u2067": "RLI", "\u2068": "FSI", "\u2069": "PDI"}
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_SHOWN = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f-\x9f]")


def has_bidi_controls(text: str) -> bool:
    return _BIDI_CONTROL.search(text) is not None


def show_controls(text: str) -> str:
    """Text for display: each bidi control (and each other control character but tab and newline)
    replaced by a visible marker such as `[U+202E RLO]` or `[U+001B]`.

    Stored text keeps the characters as given; only what is shown (TUI, reports) is marked, so a
    reordering trick (CVE-2021-42574) or a terminal escape cannot make text read differently."""
    if not _SHOWN.search(text):
        return text
    return _SHOWN.sub(lambda m: f"[U+{ord(m.group()):04X}{' ' + BIDI_CONTROLS[m.group()] if m.group() in BIDI_CONTROLS else ''}]",
                      text)


def escape_bidi_in_json(encoded: str) -> str:
    """JSON text with each bidi control written as a \\uXXXX escape (the decoded value is unchanged)."""
    if not has_bidi_controls(encoded):
        return encoded
    return _BIDI_CONTROL.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded)
