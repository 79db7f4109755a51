"""Data passed between extraction stages and out to the services. Pure Python, no database."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EXTRACTOR_VERSION = "rules-0.1"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """An ISO date that may be partial: "2023", "2023-03" or "2023-03-31"."""

    iso: str
    precision: str  # "year" | "month" | "day"


@dataclass(slots=True)
class ActorRef:
    """A claimant as extraction resolved it; the services turn it into an Actor row."""

    canonical: str
    kind: str = "unknown"  # person | organisation | government | country | media | unknown
    name_ar: str | None = None
    name_en: str | None = None
    aliases: list[str] = field(default_factory=list)
    title: str | None = None  # role, e.g. "منسّق الاتصالات الاستراتيجية بالبيت الأبيض"
    affiliation: ActorRef | None = None
    same_as: str | None = None


@dataclass(slots=True)
class ExtractedClaim:
    """One attributed claim found in a document's text.

    `start`/`end` index the document text exactly: text[start:end] == quote.
    """

    quote: str
    start: int
    end: int
    claimant: ActorRef
    claimant_surface: str
    kind: str = "statement"  # statement | denial | assessment | prediction | call
    text: str = ""  # the proposition, cleaned for display (quote marks trimmed etc.)
    cue: str | None = None
    direct_quote: bool = False
    language: str = "und"
    stated_on: PartialDate | None = None
    event_date: PartialDate | None = None
    confidence: float = 0.5
    checkworthiness: float = 0.0
    checkworthiness_features: dict[str, Any] = field(default_factory=dict)
    prefix: str = ""
    suffix: str = ""
    # indexes into the same extraction result that this claim denies, with the reason for each link
    denies: list[int] = field(default_factory=list)
    link_evidence: dict[int, dict[str, Any]] = field(default_factory=dict)
