"""What a reader hands to the ingest pipeline. Pure Python, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


class IngestError(Exception):
    """A file or URL that cannot be ingested; the message is one clear line naming the reason."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


@dataclass(frozen=True, slots=True)
class IngestSkip:
    """A file in a folder that ingest left alone on purpose (hidden, or not an article format)."""

    origin: str
    reason: str


@dataclass(slots=True)
class RawDocument:
    """One article as a reader found it, before it is stored.

    `text` is NFC-normalised, logical order; offsets of claims index this exact string.
    """

    text: str
    origin: str  # path or URL as given
    origin_name: str  # file name (basename) as ingested; for a list file, "name.json#3"
    source_format: str  # txt | md | html | json | jsonl | feed | url
    title: str | None = None
    url: str | None = None
    language: str | None = None  # ar | en | other; None = detect
    published: date | None = None
    published_precision: str | None = None  # year | month | day
    byline: str | None = None
    outlet: str | None = None
    raw_html: str | None = None  # kept beside the document for URL fetches
    meta: dict[str, Any] = field(default_factory=dict)
