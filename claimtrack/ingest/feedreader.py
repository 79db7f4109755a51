"""RSS, Atom and RDF feeds via feedparser: one RawDocument per entry."""

from __future__ import annotations

import io
import re
from typing import Any

from claimtrack.ingest.base import IngestError
from claimtrack.ingest.common import ReaderOutput, clean_field, make_document, with_title
from claimtrack.ingest.htmlreader import fragment_to_text

_FEED_ROOT = re.compile(r"<(?:rss[\s>]|feed[\s>]|rdf:RDF[\s>])", re.IGNORECASE)
_MAIL_NAME = re.compile(r"^\S+@\S+\s+\((.+)\)$")
_TOLERATED = ("CharacterEncodingOverride", "NonXMLContentType", "CharacterEncodingUnknown")


def looks_like_feed(head: str) -> bool:
    """True when the start of a text holds an <rss>, Atom <feed> or <rdf:RDF> root."""
    start = head.lstrip("\ufeff \t\r\n")[:2048]
    return start.startswith("<") and bool(_FEED_ROOT.search(start))


def _entry_body(entry: Any) -> str:
    """The richest text of an entry: full content, else the summary; markup turned into text."""
    contents = entry.get("content") or []
    values = [c.get("value", "") for c in contents if c.get("value")]
    html = max(values, key=len) if values else entry.get("summary", "") or entry.get("description", "")
    return fragment_to_text(html) if html else ""


def _author(value: str | None) -> str | None:
    """RSS writes "mail@host (Name)"; keep the name."""
    if not value:
        return None
    m = _MAIL_NAME.match(value.strip())
    return m.group(1) if m else value


def read_feed(data: bytes | str, origin: str, origin_name: str) -> ReaderOutput:
    """Entries of a feed; malformed XML or a feed without entries is one IngestError."""
    import feedparser  # only when a feed is met

    raw = data.encode("utf-8") if isinstance(data, str) else data
    parsed = feedparser.parse(io.BytesIO(raw))  # a stream: never read as a URL or a file name
    if parsed.get("bozo"):
        exc = parsed.get("bozo_exception")
        kind = type(exc).__name__
        if kind not in _TOLERATED:
            reason = " ".join(str(exc).replace("<unknown>:", "at line ").split()) or kind
            yield IngestError(origin, f"malformed feed XML: {reason}")
            return
    entries = parsed.get("entries") or []
    if not entries:
        yield IngestError(origin, "empty (feed has no entries)")
        return
    feed = parsed.get("feed", {})
    outlet = clean_field(feed.get("title"))
    for n, entry in enumerate(entries, 1):
        title = clean_field(fragment_to_text(entry.get("title", ""))) if entry.get("title") else None
        meta: dict[str, Any] = {}
        if entry.get("id"):
            meta["entry_id"] = entry["id"]
        tags = [t.get("term") for t in entry.get("tags", []) if t.get("term")]
        if tags:
            meta["tags"] = tags
        yield make_document(
            with_title(title, _entry_body(entry)),
            origin=origin,
            origin_name=f"{origin_name}#{n}",
            source_format="feed",
            title=title,
            url=entry.get("link"),
            date_value=entry.get("published") or entry.get("updated") or entry.get("created"),
            byline=_author(entry.get("author")),
            outlet=outlet,
            meta=meta,
            error_origin=f"{origin}#{n}",
        )
