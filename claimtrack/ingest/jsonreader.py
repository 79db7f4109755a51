"""JSON articles: one object, a list of objects (SaudiNewsNet), a wrapper ``{"articles": [...]}``, or JSON lines.

A list is decoded one element at a time (``raw_decode``), so only the file's text and the current
article are in memory. Items of a list or lines are named ``file.json#N`` (1-based; for JSON lines,
N is the line number); a single-article file keeps its plain name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from claimtrack.ingest.base import IngestError, RawDocument
from claimtrack.ingest.common import ReaderOutput, make_document, with_title
from claimtrack.ingest.htmlreader import fragment_to_text

TITLE_KEYS = ("title", "headline")
TEXT_KEYS = ("content", "text", "body", "maintext", "article", "articlebody", "article_body",
             "full_text", "fulltext", "story")  # fmt: skip
URL_KEYS = ("url", "link", "source_url", "canonical_url", "href")
DATE_KEYS = ("date", "published", "date_extracted", "published_at", "publish_date", "date_published",
             "datepublished", "pubdate", "published_date", "created_at", "datetime")  # fmt: skip
OUTLET_KEYS = ("source", "outlet", "site", "sitename", "site_name", "publisher", "source_name", "domain")
AUTHOR_KEYS = ("author", "authors", "byline", "writer")
WRAPPER_KEYS = ("articles", "items", "data", "entries", "results", "documents", "docs", "posts", "news")

_WS = re.compile(r"[ \t\r\n\ufeff]*")
_MARKUP = re.compile(r"</(?:p|div|span|a|li|h[1-6]|strong|em|b|i)>|<br\s*/?>", re.IGNORECASE)
_DECODER = json.JSONDecoder()


class _Malformed(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _pick(obj: dict[str, Any], keys: tuple[str, ...], *, allow_empty: bool = False) -> tuple[str | None, Any]:
    """(key, value) of the first present, non-empty field among `keys` (case-insensitive).

    With `allow_empty`, a present but empty field is returned when no non-empty one exists.
    """
    lowered = {k.lower(): k for k in obj}
    fallback: tuple[str | None, Any] = (None, None)
    for key in keys:
        real = lowered.get(key)
        if real is not None:
            value = obj[real]
            if value not in (None, "", [], {}):
                return real, value
            if allow_empty and fallback[0] is None:
                fallback = (real, value)
    return fallback


def _where(text: str, pos: int) -> str:
    line = text.count("\n", 0, pos) + 1
    col = pos - text.rfind("\n", 0, pos)
    return f"(line {line}, column {col})"


def _skip_ws(text: str, pos: int) -> int:
    m = _WS.match(text, pos)
    return m.end() if m else pos


def _decode_at(text: str, pos: int) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        raise _Malformed(f"malformed JSON: {exc.msg} {_where(text, exc.pos)}") from None


def _iter_array(text: str, pos: int) -> Iterator[Any]:
    """Elements of the JSON array starting at text[pos] == '[', decoded one at a time."""
    pos = _skip_ws(text, pos + 1)
    if text.startswith("]", pos):
        return
    while True:
        value, pos = _decode_at(text, pos)
        yield value
        pos = _skip_ws(text, pos)
        if text.startswith(",", pos):
            pos = _skip_ws(text, pos + 1)
        elif text.startswith("]", pos):
            break
        else:
            raise _Malformed(f"malformed JSON: expected ',' or ']' {_where(text, pos)}")
    if _skip_ws(text, pos + 1) != len(text):
        raise _Malformed(f"malformed JSON: extra data after the list {_where(text, pos + 1)}")


def article_from_object(
    obj: Any, *, origin: str, origin_name: str, error_origin: str, source_format: str
) -> RawDocument | IngestError:
    """Map one JSON object's fields to a RawDocument; IngestError when it has no text field."""
    if not isinstance(obj, dict):
        return IngestError(error_origin, f"not a JSON object (found {type(obj).__name__})")
    text_key, body = _pick(obj, TEXT_KEYS, allow_empty=True)
    if text_key is None:
        return IngestError(error_origin, "JSON has no text field (content/text/body)")
    if body is None:
        body = ""
    if not isinstance(body, str):
        body = "\n".join(str(p) for p in body) if isinstance(body, list) else str(body)
    if _MARKUP.search(body):
        body = fragment_to_text(body)
    _k, title = _pick(obj, TITLE_KEYS)
    title = " ".join(str(title).split()) if title is not None else None
    date_key, date_value = _pick(obj, DATE_KEYS)
    meta: dict[str, Any] = {"text_field": text_key}
    if not body.strip():
        meta["body_missing"] = True  # headline only: the claim may still sit in it
    if date_key:
        meta["date_field"] = date_key
    return make_document(
        with_title(title, body),
        origin=origin,
        origin_name=origin_name,
        source_format=source_format,
        title=title,
        url=_pick(obj, URL_KEYS)[1],
        date_value=date_value,
        byline=_pick(obj, AUTHOR_KEYS)[1],
        outlet=_pick(obj, OUTLET_KEYS)[1],
        meta=meta,
        error_origin=error_origin,
    )


def read_json(text: str, origin: str, origin_name: str) -> ReaderOutput:
    """Articles from a .json file: an object, a list, a wrapper object or concatenated objects/lines."""
    pos = _skip_ws(text, 0)
    if pos == len(text):
        yield IngestError(origin, "empty (whitespace only)")
        return
    try:
        if text.startswith("[", pos):
            yield from _items(_iter_array(text, pos), origin, origin_name, "json", empty_list=True)
            return
        first, end = _decode_at(text, pos)
        rest = _skip_ws(text, end)
        if rest < len(text):  # more values follow: JSON lines without the .jsonl extension
            yield from read_jsonl(text, origin, origin_name)
            return
    except _Malformed as exc:
        yield IngestError(origin, exc.message)
        return
    if isinstance(first, dict) and _pick(first, TEXT_KEYS, allow_empty=True)[0] is None:
        key, items = _pick(first, WRAPPER_KEYS)
        if isinstance(items, list):
            yield from _items(iter(items), origin, origin_name, "json", empty_list=True)
            return
    yield article_from_object(first, origin=origin, origin_name=origin_name, error_origin=origin,
                              source_format="json")  # fmt: skip


def _items(
    values: Iterator[Any], origin: str, origin_name: str, fmt: str, *, empty_list: bool
) -> ReaderOutput:
    n = 0
    repeats: dict[str, int] = {}  # an error reason -> how many items had it (each is listed only 3 times)
    try:
        for n, value in enumerate(values, 1):  # noqa: B007 - n is read after the loop
            item = article_from_object(value, origin=origin, origin_name=f"{origin_name}#{n}",
                                       error_origin=f"{origin}#{n}", source_format=fmt)  # fmt: skip
            if isinstance(item, IngestError):
                repeats[item.reason] = repeats.get(item.reason, 0) + 1
                if repeats[item.reason] > 3:
                    continue
            yield item
    except _Malformed as exc:
        yield IngestError(origin if n == 0 else f"{origin}#{n + 1}", exc.message)
        return
    for reason, count in repeats.items():
        if count > 3:
            yield IngestError(origin, f"{count - 3:,} more items: {reason}")
    if n == 0 and empty_list:
        yield IngestError(origin, "empty (JSON list with no items)")


def read_jsonl(text: str, origin: str, origin_name: str) -> ReaderOutput:
    """One article per line; a malformed line is an IngestError for that line and reading goes on."""
    seen = False
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        seen = True
        name, err_origin = f"{origin_name}#{lineno}", f"{origin}#{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(err_origin, f"malformed JSON line: {exc.msg} (column {exc.colno})")
            continue
        yield article_from_object(obj, origin=origin, origin_name=name, error_origin=err_origin,
                                  source_format="jsonl")  # fmt: skip
    if not seen:
        yield IngestError(origin, "empty (whitespace only)")
