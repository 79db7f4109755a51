"""Bytes to text: BOM, strict UTF-8, declared charset, an Arabic code-page check, then charset-normalizer.

Every reader gets its text from :func:`decode_bytes`, which returns NFC text with LF line ends
or raises :class:`IngestError` with a one-line reason (binary, undecodable).
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from claimtrack.ingest.base import IngestError
from claimtrack.text import nfc

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ARABIC_CODEPAGES = ("cp1256", "iso8859_6")
_DECLARED = re.compile(
    rb"""(?:<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)["'])|(?:<meta[^>]*?charset\s*=\s*["']?([\w.:-]+))""",
    re.IGNORECASE,
)
_CONTROL_OK = {"\t", "\n", "\r", "\f", "\v"}


def _codec(name: str | None) -> str | None:
    """The Python codec name for a charset label, or None when unknown."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def declared_charset(data: bytes) -> str | None:
    """The charset an XML declaration or HTML <meta> names in the first 4 KB, if any."""
    m = _DECLARED.search(data[:4096])
    if not m:
        return None
    return _codec((m.group(1) or m.group(2)).decode("ascii", "ignore"))


def arabic_score(text: str) -> float:
    """Share of plausible Arabic among the non-ASCII characters (1.0 = all Arabic).

    An Arabic-block character glued to a Latin letter (``cafى``) counts against: that is what
    Latin-1 text looks like when decoded as an Arabic code page. Harakat are neutral.
    """
    good = bad = 0
    last = len(text) - 1
    for i, ch in enumerate(text):
        if ch < "\x80" or ch.isspace():
            continue
        if "\u0600" <= ch <= "\u06ff":
            if unicodedata.category(ch) == "Mn":
                continue
            glued = (i > 0 and text[i - 1].isascii() and text[i - 1].isalpha()) or (
                i < last and text[i + 1].isascii() and text[i + 1].isalpha()
            )
            if glued:
                bad += 1
            else:
                good += 1
        else:
            bad += 1
    return good / (good + bad) if good + bad else 0.0


def _best_arabic(data: bytes) -> tuple[str, str, float] | None:
    """Decode with each Arabic single-byte code page; the best (codec, text, score), or None."""
    best: tuple[str, str, float] | None = None
    for enc in _ARABIC_CODEPAGES:
        try:
            s = data.decode(enc)
        except UnicodeDecodeError:
            continue
        score = arabic_score(s)
        if best is None or score > best[2]:  # ties keep cp1256, by far the commoner
            best = (enc, s, score)
    return best


def _looks_binary(text: str) -> bool:
    """True when more than 1% of the characters are control characters."""
    sample = text[:20000]
    if not sample:
        return False
    ctrl = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in _CONTROL_OK)
    return ctrl > max(2, len(sample) // 100)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a byte-order mark: NULs on one byte parity only (the high bytes of ASCII)."""
    sample = data[:20000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    for enc, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= half * 0.2 and others == 0:
            try:
                text = data[: len(data) - len(data) % 2].decode(enc)
            except UnicodeDecodeError:
                continue
            if not _looks_binary(text):
                return text, enc
    return None


def normalise_text(text: str) -> str:
    """NFC with LF line ends (CRLF and lone CR become LF); a leading BOM character is dropped."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def guess_decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """(text, codec) without normalisation; raises ValueError with a reason when it cannot decode."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as exc:
                raise ValueError(f"undecodable text: bad {enc} after its byte-order mark") from exc
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise ValueError("binary file (NUL bytes)")
        return utf16
    try:  # strict UTF-8 first: non-UTF-8 text almost never passes, and declarations do lie
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared_codec = _codec(declared)
    if declared_codec and declared_codec not in ("utf-8", "ascii"):
        try:
            return data.decode(declared_codec), declared_codec
        except UnicodeDecodeError:
            pass  # a wrong declaration: fall through to detection
    arabic = _best_arabic(data)
    if arabic and arabic[2] >= 0.85:
        return arabic[1], arabic[0]
    import charset_normalizer  # imported late: only non-UTF-8 input needs it

    match = charset_normalizer.from_bytes(data).best()
    if match is None:
        raise ValueError("undecodable text (no known encoding fits)")
    return str(match), match.encoding


def decode_bytes(data: bytes, origin: str, *, declared: str | None = None) -> str:
    """Decode a file's bytes to NFC text with LF line ends, or raise IngestError (binary, undecodable)."""
    try:
        text, _enc = guess_decode(data, declared)
    except ValueError as exc:
        raise IngestError(origin, str(exc)) from None
    if _looks_binary(text):
        raise IngestError(origin, "binary file (control characters)")
    return normalise_text(text)
