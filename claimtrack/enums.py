"""claimtrack's enums: plain Python, so the light read paths (the queue, `claims`) can use them without
the database stack. `claimtrack.models` re-exports every one of them."""

from __future__ import annotations

import enum


class ActorKind(str, enum.Enum):
    person = "person"
    organisation = "organisation"
    government = "government"
    country = "country"
    media = "media"
    unknown = "unknown"


class ClaimKind(str, enum.Enum):
    statement = "statement"
    denial = "denial"
    assessment = "assessment"
    prediction = "prediction"
    call = "call"


class ClaimState(str, enum.Enum):
    new = "new"
    triaged = "triaged"
    investigating = "investigating"
    in_review = "in_review"
    published = "published"
    dismissed = "dismissed"
    reopened = "reopened"


class Verdict(str, enum.Enum):
    unrated = "unrated"
    true = "true"
    mostly_true = "mostly_true"
    mixed = "mixed"
    mostly_false = "mostly_false"
    false = "false"
    misleading = "misleading"
    unverifiable = "unverifiable"


class LinkRelation(str, enum.Enum):
    denies = "denies"
    contradicts = "contradicts"
    supports = "supports"
    repeats = "repeats"
    duplicate_of = "duplicate_of"
    updates = "updates"


class LinkOrigin(str, enum.Enum):
    auto = "auto"
    manual = "manual"


class EvidenceKind(str, enum.Enum):
    document = "document"
    url = "url"
    file = "file"
    note = "note"
    image = "image"
    dataset = "dataset"


class Stance(str, enum.Enum):
    supports = "supports"
    refutes = "refutes"
    context = "context"


class Role(str, enum.Enum):
    viewer = "viewer"
    analyst = "analyst"
    reviewer = "reviewer"
    admin = "admin"


class DatePrecision(str, enum.Enum):
    year = "year"
    month = "month"
    day = "day"
