"""Helpers every reader shares: tidy text, title-plus-body, building a RawDocument."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from typing import Any

from claimtrack.ingest.base import IngestError, RawDocument
from claimtrack.ingest.dates import parse_date
from claimtrack.text import detect_language, nfc

ReaderOutput = Iterator[RawDocument | IngestError]

_BLANK_RUNS = re.compile(r"\n{3,}")
_TRAILING_WS = re.compile(r"[ \t\u00a0\u200b]+\n")
_WS = re.compile(r"\s+")


def tidy_text(text: str) -> str:
    """NFC; LF line ends; no trailing blanks on lines; at most one empty line in a row; stripped."""
    text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _TRAILING_WS.sub("\n", text + "\n")
    text = _BLANK_RUNS.sub("\n\n", text)
    return text.strip()


def clean_field(value: Any) -> str | None:
    """A metadata string on one line (whitespace, NBSP included, collapsed), or None when empty.

    Lists (several authors) are joined with ", ".
    """
    if value is None:
        return None
    if isinstance(value, list | tuple):
        parts = [clean_field(v) for v in value]
        value = ", ".join(p for p in parts if p)
    elif isinstance(value, dict):
        value = value.get("name") or value.get("title") or ""
    if not isinstance(value, str):
        value = str(value)
    value = _WS.sub(" ", nfc(value)).strip()
    return value or None


def with_title(title: str | None, body: str) -> str:
    """The text as stored: the title line, then the body (unless the body already opens with it)."""
    body = tidy_text(body)
    if not title:
        return body
    first = _WS.sub(" ", body.split("\n", 1)[0]).strip()
    if first.startswith(_WS.sub(" ", title).strip()):
        return body
    return f"{title}\n{body}" if body else title


def base_name(origin: str) -> str:
    """The file name of a path (the whole string for something without a separator)."""
    return os.path.basename(origin.rstrip("/\\")) or origin


def make_document(
    text: str,
    *,
    origin: str,
    origin_name: str,
    source_format: str,
    title: str | None = None,
    url: str | None = None,
    date_value: Any = None,
    byline: Any = None,
    outlet: Any = None,
    raw_html: str | None = None,
    meta: dict[str, Any] | None = None,
    error_origin: str | None = None,
) -> RawDocument | IngestError:
    """A RawDocument with NFC text, detected language and parsed date; IngestError when the text is empty."""
    text = nfc(text)
    if not text.strip():
        return IngestError(error_origin or origin, "empty (no text)")
    published, precision = parse_date(date_value)
    return RawDocument(
        text=text,
        origin=origin,
        origin_name=origin_name,
        source_format=source_format,
        title=clean_field(title),
        url=clean_field(url),
        language=detect_language(text),
        published=published,
        published_precision=precision,
        byline=clean_field(byline),
        outlet=clean_field(outlet),
        raw_html=raw_html,
        meta=meta or {},
    )
