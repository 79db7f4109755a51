"""Every table and enum of claimtrack, in one file.

Enums are stored by value; datetimes are timezone-aware UTC; JSON columns are mutation-tracked.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.ext.mutable import MutableDict, MutableList
from sqlalchemy.orm import Mapped
from sqlmodel import Field, SQLModel

from claimtrack.enums import (  # noqa: F401  (re-exported: the enums belong with the tables)
    ActorKind,
    ClaimKind,
    ClaimState,
    DatePrecision,
    EvidenceKind,
    LinkOrigin,
    LinkRelation,
    Role,
    Stance,
    Verdict,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING_CONVENTION


def _system_clock() -> datetime:
    return datetime.now(UTC)


_clock: Callable[[], datetime] = _system_clock


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC (from the clock set by `set_clock`)."""
    return _clock()


def set_clock(clock: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests and snapshots use a fixed time); None restores the system clock."""
    global _clock
    _clock = clock or _system_clock


class UTCDateTime(sa.types.TypeDecorator):
    """A timestamp stored as UTC and always returned timezone-aware."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; claimtrack stores timezone-aware UTC only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)




def enum_column(enum_cls: type[enum.Enum], name: str, *, nullable: bool = False, default: Any = None) -> Any:
    """A column storing an enum by its value, with a named CHECK constraint."""
    return sa.Column(
        sa.Enum(
            enum_cls,
            name=name,
            native_enum=False,
            create_constraint=True,
            length=24,
            values_callable=lambda e: [m.value for m in e],
            validate_strings=True,
        ),
        nullable=nullable,
        default=default,
    )


def json_list() -> Any:
    return sa.Column(MutableList.as_mutable(sa.JSON()), nullable=False, default=list)


def json_dict(nullable: bool = False) -> Any:
    return sa.Column(MutableDict.as_mutable(sa.JSON()), nullable=nullable, default=dict if not nullable else None)


def ts(nullable: bool = False, index: bool = False) -> Any:
    return sa.Column(UTCDateTime(), nullable=nullable, index=index)


def table_of(model: type[SQLModel]) -> sa.Table:
    """The Core table of a table model (SQLModel sets `__table__` at run time, out of a type checker's sight)."""
    table = sa.inspect(model).local_table
    if not isinstance(table, sa.Table):
        raise TypeError(f"{model.__name__} is not a table model")
    return table


def id_column(model: type[SQLModel]) -> Mapped[int]:
    """`model.id` typed as the ints it holds in the database (the field is Optional for rows not yet inserted)."""
    column: Mapped[int] = sa.inspect(model).attrs["id"].class_attribute
    return column


class Stored(Protocol):
    """A table model row, whose `id` is None until it is inserted."""

    @property
    def id(self) -> int | None: ...


def pk(row: Stored) -> int:
    """The id of a row read from (or flushed to) the database, where it is never None."""
    if row.id is None:
        raise ValueError(f"this {type(row).__name__} has not been stored yet, so it has no id")
    return row.id


# --- tables --------------------------------------------------------------------------------------


class Analyst(SQLModel, table=True):
    """A person who works in claimtrack."""

    __tablename__ = "analyst"
    id: int | None = Field(default=None, primary_key=True)
    handle: str = Field(max_length=80, unique=True, index=True)
    display_name: str | None = Field(default=None, max_length=200)
    role: Role = Field(default=Role.analyst, sa_column=enum_column(Role, "role"))
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts())


class Outlet(SQLModel, table=True):
    """A publisher of documents."""

    __tablename__ = "outlet"
    __table_args__ = (sa.CheckConstraint("reliability IN ('A','B','C','D','E','F')", name="reliability"),)
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=300, unique=True, index=True)
    aliases: list[str] = Field(default_factory=list, sa_column=json_list())
    domain: str | None = Field(default=None, max_length=300, index=True)
    country: str | None = Field(default=None, max_length=80)
    reliability: str | None = Field(default=None, max_length=1)


class Document(SQLModel, table=True):
    """One ingested article or transcript. Text is NFC, in logical order."""

    __tablename__ = "document"
    id: int | None = Field(default=None, primary_key=True)
    outlet_id: int | None = Field(default=None, foreign_key="outlet.id", index=True)
    title: str | None = None
    url: str | None = None
    language: str = Field(default="und", max_length=8, index=True)
    published: date | None = Field(default=None, index=True)
    published_precision: DatePrecision | None = Field(
        default=None, sa_column=enum_column(DatePrecision, "published_precision", nullable=True)
    )
    byline: str | None = None
    text: str
    sha256: str = Field(max_length=64, unique=True, index=True)
    origin: str | None = None  # path or URL as ingested
    origin_name: str | None = Field(default=None, index=True)  # file name as ingested
    source_format: str | None = Field(default=None, max_length=16)
    raw_path: str | None = None  # fetched HTML kept beside the document
    meta: dict[str, Any] = Field(default_factory=dict, sa_column=json_dict())
    ingested_at: datetime = Field(default_factory=utcnow, sa_column=ts())
    ingested_by_id: int | None = Field(default=None, foreign_key="analyst.id")


class Passage(SQLModel, table=True):
    """A paragraph or sentence window of a document (exact offsets), indexed for evidence search."""

    __tablename__ = "passage"
    __table_args__ = (sa.CheckConstraint("start >= 0 AND \"end\" > start", name="span"),)
    id: int | None = Field(default=None, primary_key=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    start: int
    end: int
    search_text: str = Field(default="")  # analysed terms (claimtrack.analysis), indexed for full-text search


class Actor(SQLModel, table=True):
    """A claimant or named entity."""

    __tablename__ = "actor"
    id: int | None = Field(default=None, primary_key=True)
    canonical_name: str = Field(max_length=300, unique=True, index=True)
    name_ar: str | None = Field(default=None, max_length=300)
    name_en: str | None = Field(default=None, max_length=300)
    aliases: list[str] = Field(default_factory=list, sa_column=json_list())
    kind: ActorKind = Field(default=ActorKind.unknown, sa_column=enum_column(ActorKind, "actor_kind"))
    title: str | None = None  # role, e.g. "White House national security spokesman"
    affiliation_id: int | None = Field(default=None, foreign_key="actor.id", index=True)
    same_as: str | None = None
    scope: str | None = Field(default=None, max_length=120)  # a bare role title's article or organisation
    name_key: str | None = Field(default=None, max_length=300, index=True)  # script-neutral skeleton (" krb ")
    merged_into_id: int | None = Field(default=None, foreign_key="actor.id", index=True)


class Claim(SQLModel, table=True):
    """The proposition tracked, with its workflow state and verdict."""

    __tablename__ = "claim"
    __table_args__ = (
        sa.CheckConstraint("checkworthiness >= 0 AND checkworthiness <= 1", name="checkworthiness"),
        sa.CheckConstraint("version >= 1", name="version"),
        sa.Index("ix_claim_state_id", "state", "id"),
        sa.Index("ix_claim_first_seen_id", "first_seen", "id"),
        sa.Index("ix_claim_checkworthiness_id", "checkworthiness", "id"),
        sa.Index("ix_claim_verdict_id", "verdict", "id"),
        sa.Index("ix_claim_kind_id", "kind", "id"),
        sa.Index("ix_claim_appearance_count_id", "appearance_count", "id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    text: str
    language: str = Field(default="und", max_length=8, index=True)
    kind: ClaimKind = Field(default=ClaimKind.statement, sa_column=enum_column(ClaimKind, "claim_kind"))
    state: ClaimState = Field(default=ClaimState.new, sa_column=enum_column(ClaimState, "claim_state"))
    verdict: Verdict = Field(default=Verdict.unrated, sa_column=enum_column(Verdict, "verdict"))
    rationale: str | None = None
    checkworthiness: float = Field(default=0.0)
    checkworthiness_features: dict[str, Any] = Field(default_factory=dict, sa_column=json_dict())
    claimant_id: int | None = Field(default=None, foreign_key="actor.id", index=True)
    assignee_id: int | None = Field(default=None, foreign_key="analyst.id", index=True)
    investigator_id: int | None = Field(default=None, foreign_key="analyst.id")
    reviewer_id: int | None = Field(default=None, foreign_key="analyst.id")
    tags: list[str] = Field(default_factory=list, sa_column=json_list())
    event_date: str | None = Field(default=None, max_length=10)  # ISO, partial allowed: 2023, 2023-03
    event_date_precision: DatePrecision | None = Field(
        default=None, sa_column=enum_column(DatePrecision, "event_date_precision", nullable=True)
    )
    first_seen: datetime | None = Field(default=None, sa_column=ts(nullable=True))
    merged_into_id: int | None = Field(default=None, foreign_key="claim.id", index=True)
    search_text: str = Field(default="")  # folded text + claimant names, indexed for full-text search
    published_at: datetime | None = Field(default=None, sa_column=ts(nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts())
    updated_at: datetime = Field(default_factory=utcnow, sa_column=ts(index=True))
    version: int = Field(default=1)
    # appearances and distinct outlets of this claim and every claim merged into it ("most repeated")
    appearance_count: int = Field(default=1, sa_column=sa.Column(sa.Integer, nullable=False, server_default="1"))
    outlet_count: int = Field(default=1, sa_column=sa.Column(sa.Integer, nullable=False, server_default="1"))


class Appearance(SQLModel, table=True):
    """One place a claim is made: a span of a document, attributed to a claimant."""

    __tablename__ = "appearance"
    __table_args__ = (
        sa.CheckConstraint("start >= 0 AND \"end\" >= start", name="span"),
        sa.CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
        sa.UniqueConstraint("document_id", "start", "end", "claimant_surface", name="uq_appearance_span"),
    )
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    document_id: int = Field(foreign_key="document.id", index=True)
    claimant_id: int | None = Field(default=None, foreign_key="actor.id", index=True)
    claimant_surface: str | None = None
    cue: str | None = None
    quote: str
    prefix: str = ""
    suffix: str = ""
    start: int
    end: int
    direct_quote: bool = False
    stated_on: str | None = Field(default=None, max_length=10)
    stated_on_precision: DatePrecision | None = Field(
        default=None, sa_column=enum_column(DatePrecision, "stated_on_precision", nullable=True)
    )
    extractor_version: str = Field(default="manual", max_length=40)
    confidence: float = 1.0
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts())


class ClaimLink(SQLModel, table=True):
    """A directed relation between two claims."""

    __tablename__ = "claim_link"
    __table_args__ = (
        sa.UniqueConstraint("source_id", "target_id", "relation", name="uq_claim_link_triple"),
        sa.CheckConstraint("source_id <> target_id", name="not_self"),
    )
    id: int | None = Field(default=None, primary_key=True)
    source_id: int = Field(foreign_key="claim.id", index=True)
    target_id: int = Field(foreign_key="claim.id", index=True)
    relation: LinkRelation = Field(sa_column=enum_column(LinkRelation, "link_relation"))
    origin: LinkOrigin = Field(default=LinkOrigin.manual, sa_column=enum_column(LinkOrigin, "link_origin"))
    note: str | None = None
    evidence: dict[str, Any] = Field(default_factory=dict, sa_column=json_dict())
    created_by_id: int | None = Field(default=None, foreign_key="analyst.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts())


class Evidence(SQLModel, table=True):
    """A source consulted, graded with the Admiralty code."""

    __tablename__ = "evidence"
    __table_args__ = (
        sa.CheckConstraint("reliability IN ('A','B','C','D','E','F')", name="reliability"),
        sa.CheckConstraint("credibility BETWEEN 1 AND 6", name="credibility"),
    )
    id: int | None = Field(default=None, primary_key=True)
    title: str | None = None
    kind: EvidenceKind = Field(sa_column=enum_column(EvidenceKind, "evidence_kind"))
    url: str | None = None
    document_id: int | None = Field(default=None, foreign_key="document.id", index=True)
    file_path: str | None = None
    sha256: str | None = Field(default=None, max_length=64)
    excerpt: str | None = None
    anchor: str | None = None
    excerpt_start: int | None = None  # offsets of the excerpt in the evidence document's text
    excerpt_end: int | None = None
    outlet_id: int | None = Field(default=None, foreign_key="outlet.id")
    reliability: str = Field(default="F", max_length=1)
    credibility: int = Field(default=6)
    retrieved_at: datetime | None = Field(default=None, sa_column=ts(nullable=True))
    created_by_id: int | None = Field(default=None, foreign_key="analyst.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts())

    @property
    def grade(self) -> str:
        """The Admiralty code, e.g. "B2"."""
        return f"{self.reliability}{self.credibility}"


class ClaimEvidence(SQLModel, table=True):
    """Evidence attached to a claim with a stance."""

    __tablename__ = "claim_evidence"
    __table_args__ = (sa.UniqueConstraint("claim_id", "evidence_id", name="uq_claim_evidence_pair"),)
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    evidence_id: int = Field(foreign_key="evidence.id", index=True)
    stance: Stance = Field(sa_column=enum_column(Stance, "stance"))
    note: str | None = None
    created_by_id: int | None = Field(default=None, foreign_key="analyst.id")
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts())


class Comment(SQLModel, table=True):
    """A note on a claim."""

    __tablename__ = "comment"
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)
    analyst_id: int | None = Field(default=None, foreign_key="analyst.id")
    body: str
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts())


class Event(SQLModel, table=True):
    """The append-only, hash-chained audit log."""

    __tablename__ = "event"
    __table_args__ = (sa.Index("ix_event_entity_entity_id", "entity", "entity_id"),)
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_column=ts(index=True))
    analyst_id: int | None = Field(default=None, foreign_key="analyst.id", index=True)
    analyst_handle: str | None = Field(default=None, max_length=80)
    entity: str = Field(max_length=40)
    entity_id: int | None = None
    claim_id: int | None = Field(default=None, index=True)  # the claim the event concerns, if any
    action: str = Field(max_length=40)
    before: dict[str, Any] | None = Field(default=None, sa_column=json_dict(nullable=True))
    after: dict[str, Any] | None = Field(default=None, sa_column=json_dict(nullable=True))
    rationale: str | None = None
    prev_hash: str = Field(default="", max_length=64)
    hash: str = Field(max_length=64, unique=True)
    # {table: {row id: digest of the row after this event, or null if deleted}}; see claimtrack.audit_rows
    digests: dict[str, Any] | None = Field(default=None, sa_column=json_dict(nullable=True))


class ClaimKey(SQLModel, table=True):
    """Blocking keys of a claim (rare terms, numbers, named entities): where the matchers look for candidates."""

    __tablename__ = "claim_key"
    key: str = Field(max_length=80, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", primary_key=True, index=True)


class SuggestionStatus(str, enum.Enum):
    open = "open"
    accepted = "accepted"
    rejected = "rejected"


class Suggestion(SQLModel, table=True):
    """A possible match between two claims, with its score and signals; rejected pairs are remembered."""

    __tablename__ = "suggestion"
    __table_args__ = (
        sa.UniqueConstraint("claim_id", "other_id", name="uq_suggestion_pair"),
        sa.CheckConstraint("claim_id <> other_id", name="not_self"),
        sa.Index("ix_suggestion_status_score", "status", "score"),
    )
    id: int | None = Field(default=None, primary_key=True)
    claim_id: int = Field(foreign_key="claim.id", index=True)  # the newer claim
    other_id: int = Field(foreign_key="claim.id", index=True)  # the existing claim it may match
    relation: str = Field(default="duplicate", max_length=24)  # duplicate (same source) | related (repeats)
    score: float = 0.0
    signals: dict[str, Any] = Field(default_factory=dict, sa_column=json_dict())
    status: SuggestionStatus = Field(default=SuggestionStatus.open,
                                     sa_column=enum_column(SuggestionStatus, "suggestion_status"))
    decided_by_id: int | None = Field(default=None, foreign_key="analyst.id")
    decided_at: datetime | None = Field(default=None, sa_column=ts(nullable=True))
    created_at: datetime = Field(default_factory=utcnow, sa_column=ts())


ALL_TABLES = [
    Analyst, Outlet, Document, Passage, Actor, Claim, Appearance, ClaimLink, Evidence, ClaimEvidence,
    Comment, Event, ClaimKey, Suggestion,
]
