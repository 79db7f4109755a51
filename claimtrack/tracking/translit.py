"""Script-neutral name keys: كيربي and Kirby both become "krb".

A name is reduced to its consonant skeleton in Latin letters: Arabic letters map to the Latin
consonants they are usually transliterated with, long vowels, vowels and h (ح ه) are dropped, doubled
letters and the common sound alternations (p/b, v/f, c/k/q, z/s, t/th, d/dh, g/j) are collapsed.
It is deliberately lossy: it finds candidates; the matchers and analysts decide.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from claimtrack.text import fold

_AR = {
    "ا": "", "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "", "خ": "k", "د": "d", "ذ": "d", "ر": "r",
    "ز": "s", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "d", "ع": "", "غ": "g", "ف": "f",
    "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "", "و": "", "ي": "", "ء": "", "ئ": "", "ؤ": "",
    "پ": "b", "چ": "sh", "ڤ": "f", "گ": "g",
}
_LATIN_DIGRAPHS = (("sch", "sh"), ("sh", "sh"), ("ch", "sh"), ("kh", "k"), ("gh", "g"), ("th", "t"), ("dh", "d"),
                   ("ph", "f"), ("ck", "k"), ("qu", "k"), ("ou", ""), ("ee", ""))
_LATIN = str.maketrans({"p": "b", "v": "f", "c": "k", "q": "k", "z": "s", "x": "ks", "g": "j", "w": "", "y": ""})
_VOWELS = re.compile(r"[aeiou]")
_ARTICLE = re.compile(r"^(?:al|el|ال)[-\s]?", re.IGNORECASE)
_PARTICLES = frozenset({"bin", "ibn", "bn", "bint", "abu", "al", "el", "بن", "ابن", "بنت", "ابو", "the", "of"})


@lru_cache(maxsize=50_000)
def word_key(word: str) -> str:
    """The consonant skeleton of one word, in Latin letters ("كيربي" → "krb", "Kirby" → "krb")."""
    w = _ARTICLE.sub("", fold(word))
    if any("\u0621" <= ch <= "\u064a" for ch in w):
        out = "".join(_AR.get(ch, "") for ch in w)
        out = out.replace("g", "j")
    else:
        w = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode().lower()
        w = re.sub(r"[^a-z]", "", w)
        for a, b in _LATIN_DIGRAPHS:
            w = w.replace(a, b)
        w = w.translate(_LATIN).replace("sh", "\0").replace("h", "").replace("\0", "sh")
        out = w[:1] + _VOWELS.sub("", w[1:]) if w[:1] in "aeiou" else _VOWELS.sub("", w)
        out = out.lstrip("aeiou")
    return re.sub(r"(.)\1+", r"\1", out)


def name_key(name: str | None) -> str | None:
    """The skeleton of a whole name, each word's key between spaces (" jn krb "), or None."""
    if not name:
        return None
    keys = [word_key(w) for w in re.split(r"[\s\-]+", name) if w and fold(w) not in _PARTICLES]
    keys = [k for k in keys if len(k) >= 2]
    return (" " + " ".join(keys) + " ") if keys else None


def actor_name_key(*names: str | None) -> str | None:
    """The keys of every name of an actor (canonical, Arabic, English), distinct, in one string."""
    seen: list[str] = []
    for n in names:
        k = name_key(n)
        for part in (k or "").split():
            if part not in seen:
                seen.append(part)
    return (" " + " ".join(seen) + " ") if seen else None
