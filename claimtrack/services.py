"""The use cases. Each runs inside the caller's transaction (`db.atomic`) and writes its audit event.

Every function takes the session as the keyword argument `session`. Neither the CLI nor the TUI
writes SQL of its own: they call these.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, func, select

from claimtrack import audit, workflow
from claimtrack.models import (
    Actor,
    ActorKind,
    Analyst,
    Claim,
    ClaimEvidence,
    ClaimKind,
    ClaimLink,
    ClaimState,
    Comment,
    DatePrecision,
    Evidence,
    EvidenceKind,
    LinkOrigin,
    LinkRelation,
    Outlet,
    Role,
    Stance,
    Verdict,
    pk,
    utcnow,
)
from claimtrack.search import search_text
from claimtrack.text import show_controls
from claimtrack.workflow import RoleError, WorkflowError


class ClaimtrackError(Exception):
    """An error meant for the user: one clear line."""

    def __str__(self) -> str:
        # user text quoted in a message must not break the line or reorder it (Trojan Source)
        text = show_controls("".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in super().__str__()))
        return text if len(text) <= 500 else f"{text[:400]} … {text[-80:]}"  # a 1 MB value is not a clear line


class NotFoundError(ClaimtrackError):
    pass


class ConflictError(ClaimtrackError):
    """Someone else changed the claim since you loaded it."""

    def __init__(self, claim: Claim, expected: int) -> None:
        self.current = claim_snapshot(claim)
        super().__init__(
            f"claim {claim.id} was changed by someone else (you had version {expected}, it is now "
            f"version {claim.version}: state {claim.state.value}, verdict {claim.verdict.value}); reload and try again"
        )


# WorkflowError is user-facing too; re-export for callers.
__all__ = ["ClaimtrackError", "ConflictError", "NotFoundError", "WorkflowError"]

ADMIRALTY_RELIABILITY = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}
ADMIRALTY_CREDIBILITY = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}


def claim_snapshot(claim: Claim) -> dict[str, Any]:
    """The editable fields of a claim, for audit before/after and conflict messages."""
    return {
        "state": claim.state.value,
        "verdict": claim.verdict.value,
        "rationale": claim.rationale,
        "assignee_id": claim.assignee_id,
        "investigator_id": claim.investigator_id,
        "reviewer_id": claim.reviewer_id,
        "tags": list(claim.tags or []),
        "merged_into_id": claim.merged_into_id,
        "version": claim.version,
    }


# --- analysts ------------------------------------------------------------------------------------


def get_analyst(*, session: Session, handle: str) -> Analyst:
    row = session.exec(select(Analyst).where(Analyst.handle == handle)).first()
    if row is None:
        raise NotFoundError(f"no analyst called {handle!r}; add one with `claimtrack analyst add {handle} --role analyst`")
    return row


def ensure_analyst(*, session: Session, handle: str) -> Analyst:
    """The analyst with this handle, created on first use. The first analyst of a database is its admin."""
    handle = handle.strip()
    if not handle:
        raise ClaimtrackError("the analyst name is empty")
    row = session.exec(select(Analyst).where(Analyst.handle == handle)).first()
    if row is not None:
        return row
    first = session.exec(select(func.count()).select_from(Analyst)).one() == 0
    row = Analyst(handle=handle, role=Role.admin if first else Role.analyst)
    session.add(row)
    session.flush()
    audit.record(session, analyst=row, entity="analyst", entity_id=row.id, action="create",
                 after={"handle": handle, "role": row.role})
    return row


def add_analyst(*, session: Session, by: Analyst, handle: str, role: Role, display_name: str | None = None) -> Analyst:
    if by.role != Role.admin and session.exec(select(func.count()).select_from(Analyst)).one() > 0:
        raise RoleError(role_refusal(session, by, RoleError("only an admin can add analysts", Role.admin)), Role.admin)
    if session.exec(select(Analyst).where(Analyst.handle == handle)).first():
        raise ClaimtrackError(f"analyst {handle!r} already exists; use `analyst set-role`")
    row = Analyst(handle=handle, role=role, display_name=display_name)
    session.add(row)
    session.flush()
    audit.record(session, analyst=by, entity="analyst", entity_id=row.id, action="create",
                 after={"handle": handle, "role": role})
    return row


def set_role(*, session: Session, by: Analyst, handle: str, role: Role) -> Analyst:
    if by.role != Role.admin:
        raise RoleError(role_refusal(session, by, RoleError("only an admin can change roles", Role.admin)), Role.admin)
    row = get_analyst(session=session, handle=handle)
    before = {"role": row.role}
    row.role = role
    session.add(row)
    audit.record(session, analyst=by, entity="analyst", entity_id=row.id, action="set_role",
                 before=before, after={"role": role})
    return row


def role_refusal(session: Session, by: Analyst, exc: RoleError) -> str:
    """The refusal with its way forward: which admins can grant the needed role, and the command."""
    admins = session.exec(select(Analyst.handle).where(Analyst.role == Role.admin).order_by(Analyst.handle)).all()
    who = f"an admin ({', '.join(admins)})" if admins else "an admin"
    return f"{exc}; {who} can run `claimtrack analyst set-role {by.handle} {exc.needed.value}`"


def _check_can_edit(session: Session, by: Analyst) -> None:
    try:
        workflow.check_can_edit(by.role)
    except RoleError as exc:
        raise RoleError(role_refusal(session, by, exc), exc.needed) from None


def list_analysts(*, session: Session) -> Sequence[Analyst]:
    return session.exec(select(Analyst).order_by(Analyst.handle)).all()


# --- outlets and actors --------------------------------------------------------------------------


def ensure_outlet(*, session: Session, name: str, domain: str | None = None) -> Outlet:
    row = session.exec(select(Outlet).where(Outlet.name == name)).first()
    if row is None:
        row = Outlet(name=name, domain=domain)
        session.add(row)
        session.flush()
    return row


# --- claims: reading -----------------------------------------------------------------------------


def get_claim(*, session: Session, claim_id: int, for_update: bool = False) -> Claim:
    stmt = select(Claim).where(Claim.id == claim_id)
    if for_update:
        stmt = stmt.with_for_update()
    row = session.exec(stmt).first()
    if row is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    return row


def evidence_count(*, session: Session, claim_id: int) -> int:
    return session.exec(select(func.count()).select_from(ClaimEvidence).where(ClaimEvidence.claim_id == claim_id)).one()


def _locked(session: Session, claim_id: int, expected_version: int | None) -> Claim:
    claim = get_claim(session=session, claim_id=claim_id, for_update=True)
    if expected_version is not None and claim.version != expected_version:
        raise ConflictError(claim, expected_version)
    return claim


def _touch(session: Session, claim: Claim) -> None:
    claim.version += 1
    claim.updated_at = utcnow()
    session.add(claim)
    session.flush()


# --- claims: creating ----------------------------------------------------------------------------


def create_claim(
    *,
    session: Session,
    by: Analyst | None,
    text: str,
    kind: ClaimKind = ClaimKind.statement,
    language: str = "und",
    claimant: Actor | None = None,
    event_date: str | None = None,
    event_date_precision: DatePrecision | None = None,
    first_seen: datetime | None = None,
    checkworthiness: float = 0.0,
    checkworthiness_features: dict[str, Any] | None = None,
    audit_event: bool = True,
) -> Claim:
    """A new claim in state `new`."""
    if not text.strip():
        raise ClaimtrackError("a claim needs text")
    claim = Claim(
        text=text,
        kind=kind,
        language=language,
        claimant_id=claimant.id if claimant else None,
        event_date=event_date,
        event_date_precision=event_date_precision,
        first_seen=first_seen or utcnow(),
        checkworthiness=max(0.0, min(1.0, checkworthiness)),
        checkworthiness_features=checkworthiness_features or {},
        search_text=search_text(text, claimant.canonical_name if claimant else None,
                                claimant.name_ar if claimant else None, claimant.name_en if claimant else None),
    )
    session.add(claim)
    session.flush()
    if audit_event:
        audit.record(session, analyst=by, entity="claim", entity_id=claim.id, claim_id=claim.id, action="create",
                     after={"text": text, "kind": kind, "claimant": claimant.canonical_name if claimant else None})
    return claim


# --- claims: workflow ----------------------------------------------------------------------------


def set_state(
    *,
    session: Session,
    by: Analyst,
    claim_id: int,
    state: ClaimState,
    expected_version: int | None = None,
    comment: str | None = None,
) -> Claim:
    """Move a claim through the workflow; the rules of workflow.py decide."""
    claim = _locked(session, claim_id, expected_version)
    try:
        workflow.check_transition(
            claim.state, state, role=by.role, analyst_id=by.id, investigator_id=claim.investigator_id,
            verdict=claim.verdict, rationale=claim.rationale,
            evidence_count=evidence_count(session=session, claim_id=claim_id), comment=comment,
        )
    except RoleError as exc:
        raise RoleError(role_refusal(session, by, exc), exc.needed) from None
    before = claim_snapshot(claim)
    if state == ClaimState.investigating and claim.investigator_id is None:
        claim.investigator_id = by.id
    if state == ClaimState.published:
        claim.reviewer_id = by.id
        claim.published_at = utcnow()
    claim.state = state
    _touch(session, claim)
    touched: dict[str, list[int]] = {}
    if comment:
        note = Comment(claim_id=claim_id, analyst_id=by.id, body=comment)
        session.add(note)
        session.flush()
        touched["comment"] = [pk(note)]
    audit.record(session, analyst=by, entity="claim", entity_id=claim.id, claim_id=claim.id, action="set_state",
                 before=before, after=claim_snapshot(claim), rationale=comment, touched=touched)
    return claim


def set_verdict(
    *,
    session: Session,
    by: Analyst,
    claim_id: int,
    verdict: Verdict,
    rationale: str | None = None,
    expected_version: int | None = None,
) -> Claim:
    """Record a verdict and its rationale; the analyst becomes the claim's investigator."""
    _check_can_edit(session, by)
    claim = _locked(session, claim_id, expected_version)
    if claim.state in (ClaimState.published, ClaimState.in_review):
        raise WorkflowError(f"the claim is {claim.state.value}; reopen it (or reject the review) to change the verdict")
    workflow.check_verdict_evidence(verdict, evidence_count(session=session, claim_id=claim_id))
    before = claim_snapshot(claim)
    claim.verdict = verdict
    if rationale is not None:
        claim.rationale = rationale
    claim.investigator_id = by.id
    _touch(session, claim)
    audit.record(session, analyst=by, entity="claim", entity_id=claim.id, claim_id=claim.id, action="set_verdict",
                 before=before, after=claim_snapshot(claim), rationale=rationale)
    return claim


def set_rationale(*, session: Session, by: Analyst, claim_id: int, rationale: str,
                  expected_version: int | None = None) -> Claim:
    _check_can_edit(session, by)
    claim = _locked(session, claim_id, expected_version)
    before = claim_snapshot(claim)
    claim.rationale = rationale
    _touch(session, claim)
    audit.record(session, analyst=by, entity="claim", entity_id=claim.id, claim_id=claim.id, action="set_rationale",
                 before=before, after=claim_snapshot(claim), rationale=rationale)
    return claim


def assign(*, session: Session, by: Analyst, claim_id: int, assignee: str | None,
           expected_version: int | None = None) -> Claim:
    """Assign a claim to an analyst (None or "" unassigns)."""
    _check_can_edit(session, by)
    claim = _locked(session, claim_id, expected_version)
    target = get_analyst(session=session, handle=assignee) if assignee else None
    before = claim_snapshot(claim)
    claim.assignee_id = target.id if target else None
    _touch(session, claim)
    audit.record(session, analyst=by, entity="claim", entity_id=claim.id, claim_id=claim.id, action="assign",
                 before=before, after=claim_snapshot(claim))
    return claim


def set_tags(*, session: Session, by: Analyst, claim_id: int, add: Sequence[str] = (), remove: Sequence[str] = (),
             expected_version: int | None = None) -> Claim:
    _check_can_edit(session, by)
    claim = _locked(session, claim_id, expected_version)
    before = claim_snapshot(claim)
    tags = [t for t in claim.tags if t not in set(remove)]
    tags += [t.strip() for t in add if t.strip() and t.strip() not in tags]
    claim.tags = tags
    _touch(session, claim)
    audit.record(session, analyst=by, entity="claim", entity_id=claim.id, claim_id=claim.id, action="set_tags",
                 before=before, after=claim_snapshot(claim))
    return claim


def comment(*, session: Session, by: Analyst, claim_id: int, body: str) -> Comment:
    if by.role == Role.viewer:
        raise RoleError(role_refusal(session, by, RoleError("a viewer cannot comment", Role.analyst)), Role.analyst)
    if not body.strip():
        raise ClaimtrackError("the comment is empty")
    get_claim(session=session, claim_id=claim_id)
    row = Comment(claim_id=claim_id, analyst_id=by.id, body=body)
    session.add(row)
    session.flush()
    audit.record(session, analyst=by, entity="comment", entity_id=row.id, claim_id=claim_id, action="create",
                 after={"body": body})
    return row


# --- evidence ------------------------------------------------------------------------------------


def _file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def add_evidence(
    *,
    session: Session,
    by: Analyst,
    claim_id: int,
    stance: Stance,
    url: str | None = None,
    file: str | None = None,
    document_id: int | None = None,
    note: str | None = None,
    reliability: str | None = None,
    credibility: int = 6,
    excerpt: str | None = None,
    title: str | None = None,
    kind: EvidenceKind | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Evidence:
    """Attach a source to a claim with a stance and Admiralty grades (reliability A-F, credibility 1-6).

    A document may be cited by an excerpt anchored at `start`-`end` (character offsets in its text). The
    reliability defaults to the document outlet's default grade, else F.
    """
    _check_can_edit(session, by)
    sources = [x for x in (url, file, document_id, note) if x not in (None, "")]
    if len(sources) != 1:
        raise ClaimtrackError("give exactly one of --url, --file, --document or --note")
    if (start is not None or end is not None) and document_id is None:
        raise ClaimtrackError("--start and --end anchor an excerpt of a document: give --document too")
    if document_id is not None and reliability is None:
        reliability = _outlet_reliability(session, document_id)
    reliability = (reliability or "F").upper()
    if reliability not in ADMIRALTY_RELIABILITY:
        raise ClaimtrackError(f"source reliability must be one of A-F, got {reliability!r}")
    if credibility not in ADMIRALTY_CREDIBILITY:
        raise ClaimtrackError(f"information credibility must be 1-6, got {credibility!r}")
    claim = get_claim(session=session, claim_id=claim_id)
    ev = Evidence(kind=kind or EvidenceKind.note, reliability=reliability, credibility=credibility,
                  excerpt=excerpt, title=title, created_by_id=by.id, retrieved_at=utcnow())
    if url:
        if not url.startswith(("http://", "https://")):
            raise ClaimtrackError(f"not an http(s) URL: {url}")
        ev.kind, ev.url = kind or EvidenceKind.url, url
    elif file:
        path = Path(file)
        try:
            found = path.is_file()
        except (OSError, ValueError):  # a name too long for the file system, a NUL byte
            found = False
        if not found:
            raise ClaimtrackError(f"no such file: {file}")
        ev.kind, ev.file_path, ev.sha256 = kind or EvidenceKind.file, str(path.resolve()), _file_sha256(path)
        ev.title = title or path.name
    elif document_id is not None:
        from claimtrack.models import Document

        doc = session.get(Document, document_id)
        if doc is None:
            raise NotFoundError(f"no document with id {document_id}")
        ev.kind, ev.document_id, ev.url = EvidenceKind.document, doc.id, doc.url
        ev.title = title or doc.title
        ev.outlet_id = doc.outlet_id
        if start is not None or end is not None:
            _anchor_excerpt(ev, doc.text, start, end)
    else:
        ev.kind, ev.excerpt = EvidenceKind.note, excerpt or note
        ev.title = title or (note or "")[:80]
    session.add(ev)
    session.flush()
    link = ClaimEvidence(claim_id=pk(claim), evidence_id=pk(ev), stance=stance, created_by_id=by.id)
    session.add(link)
    session.flush()
    audit.record(session, analyst=by, entity="evidence", entity_id=ev.id, claim_id=claim.id, action="add",
                 touched={"claim_evidence": [pk(link)]},
                 after={"kind": ev.kind, "stance": stance, "grade": ev.grade, "url": ev.url,
                        "file": ev.file_path, "document_id": ev.document_id, "excerpt": ev.excerpt,
                        **({"start": ev.excerpt_start, "end": ev.excerpt_end} if ev.excerpt_start is not None else {})})
    return ev


def _outlet_reliability(session: Session, document_id: int) -> str | None:
    from claimtrack.models import Document

    doc = session.get(Document, document_id)
    outlet = session.get(Outlet, doc.outlet_id) if doc is not None and doc.outlet_id else None
    return outlet.reliability if outlet else None


def _anchor_excerpt(ev: Evidence, text: str, start: int | None, end: int | None) -> None:
    if start is None or end is None:
        raise ClaimtrackError("give both --start and --end")
    if not 0 <= start < end <= len(text):
        raise ClaimtrackError(f"the excerpt {start}-{end} is not inside the document (0-{len(text)})")
    ev.excerpt, ev.excerpt_start, ev.excerpt_end = text[start:end], start, end
    ev.anchor = f"document {ev.document_id} [{start}:{end}]"


def set_outlet_reliability(*, session: Session, by: Analyst, name: str, reliability: str | None) -> Outlet:
    """Set (or clear, with None) an outlet's default Admiralty source reliability; audited."""
    _check_can_edit(session, by)
    grade = reliability.upper() if reliability else None
    if grade is not None and grade not in ADMIRALTY_RELIABILITY:
        raise ClaimtrackError(f"source reliability must be one of A-F, got {reliability!r}")
    outlet = session.exec(select(Outlet).where(Outlet.name == name)).first()
    if outlet is None:
        raise NotFoundError(f"no outlet named {name!r}")
    before = outlet.reliability
    outlet.reliability = grade
    session.add(outlet)
    session.flush()
    audit.record(session, analyst=by, entity="outlet", entity_id=outlet.id, action="set_reliability",
                 before={"reliability": before}, after={"reliability": grade})
    return outlet


# --- links and merges ----------------------------------------------------------------------------


def link_claims(
    *,
    session: Session,
    by: Analyst | None,
    source_id: int,
    relation: LinkRelation,
    target_id: int,
    note: str | None = None,
    origin: LinkOrigin = LinkOrigin.manual,
    evidence: dict[str, Any] | None = None,
) -> ClaimLink:
    """Relate two claims (source RELATION target); an existing identical link is returned as is."""
    if by is not None:
        _check_can_edit(session, by)
    if source_id == target_id:
        raise ClaimtrackError("a claim cannot be linked to itself")
    get_claim(session=session, claim_id=source_id)
    get_claim(session=session, claim_id=target_id)
    existing = session.exec(select(ClaimLink).where(
        ClaimLink.source_id == source_id, ClaimLink.target_id == target_id, ClaimLink.relation == relation)).first()
    if existing:
        return existing
    row = ClaimLink(source_id=source_id, target_id=target_id, relation=relation, origin=origin, note=note,
                    evidence=evidence or {}, created_by_id=by.id if by else None)
    session.add(row)
    session.flush()
    audit.record(session, analyst=by, entity="claim_link", entity_id=row.id, claim_id=source_id, action="link",
                 after={"source": source_id, "relation": relation, "target": target_id, "origin": origin,
                        "evidence": evidence})
    return row


def unlink(*, session: Session, by: Analyst, link_id: int) -> None:
    _check_can_edit(session, by)
    row = session.get(ClaimLink, link_id)
    if row is None:
        raise NotFoundError(f"no link with id {link_id}")
    source_id = row.source_id
    before = {"source": source_id, "relation": row.relation, "target": row.target_id}
    session.delete(row)
    session.flush()
    audit.record(session, analyst=by, entity="claim_link", entity_id=link_id, claim_id=source_id,
                 action="unlink", before=before)


def unlink_pair(*, session: Session, by: Analyst, source_id: int, relation: LinkRelation, target_id: int) -> None:
    """Remove the link source → target of this relation (see `unlink`)."""
    row = session.exec(select(ClaimLink).where(ClaimLink.source_id == source_id, ClaimLink.relation == relation,
                                               ClaimLink.target_id == target_id)).first()
    if row is None:
        raise NotFoundError(f"claim {source_id} has no {relation.value} link to claim {target_id}")
    unlink(session=session, by=by, link_id=pk(row))


def merge(*, session: Session, by: Analyst, keep_id: int, duplicate_id: int) -> Claim:
    """Merge `duplicate_id` (and whatever was merged into it) into `keep_id`. Nothing is deleted: every
    appearance, link, evidence item, comment, tag and event stays on the claim it came from, and the
    merged claim leaves the queue. Refused when both claims carry different verdicts. Undo with unmerge."""
    from claimtrack.tracking.identity import refresh_counts

    _check_can_edit(session, by)
    if keep_id == duplicate_id:
        raise ClaimtrackError("a claim cannot be merged into itself")
    # both rows locked, in id order, before any event takes the chain lock (PostgreSQL deadlocked otherwise:
    # refresh_counts below updates `keep`, which an editor may hold while waiting for the chain)
    locked = {cid: _locked(session, cid, None) for cid in sorted((keep_id, duplicate_id))}
    keep = locked[keep_id]
    if keep.merged_into_id is not None:
        raise ClaimtrackError(f"claim {keep_id} is itself merged into {keep.merged_into_id}; merge into that one")
    dup = locked[duplicate_id]
    if dup.merged_into_id is not None:
        raise ClaimtrackError(f"claim {duplicate_id} is already merged into {dup.merged_into_id}")
    rated = {Verdict.unrated}
    if keep.verdict not in rated and dup.verdict not in rated and keep.verdict != dup.verdict:
        raise ClaimtrackError(f"claims {keep_id} and {duplicate_id} have different verdicts ({keep.verdict.value} and "
                              f"{dup.verdict.value}); settle the verdict before merging")
    before = claim_snapshot(dup)
    children = list(session.exec(select(Claim).where(Claim.merged_into_id == duplicate_id)).all())
    had_link = session.exec(select(ClaimLink.id).where(
        ClaimLink.source_id == duplicate_id, ClaimLink.target_id == keep_id,
        ClaimLink.relation == LinkRelation.duplicate_of)).first() is not None
    link = link_claims(session=session, by=by, source_id=duplicate_id, relation=LinkRelation.duplicate_of,
                       target_id=keep_id)
    for child in children:
        child.merged_into_id = keep_id
        session.add(child)
    dup.merged_into_id = keep_id
    _touch(session, dup)
    refresh_counts(session.connection(), keep_id)
    refresh_counts(session.connection(), duplicate_id)
    audit.record(session, analyst=by, entity="claim", entity_id=dup.id, claim_id=dup.id, action="merge",
                 before=before, after={**claim_snapshot(dup), "children": [c.id for c in children],
                                       "link_id": None if had_link else link.id},
                 touched={"claim": [pk(c) for c in children]})
    return dup


def _last_merge(session: Session, claim_id: int) -> dict[str, Any]:
    from claimtrack.models import Event

    ev = session.exec(select(Event).where(Event.claim_id == claim_id, Event.entity == "claim",
                                          col(Event.action).in_(("merge", "auto_merge")))
                      .order_by(col(Event.id).desc())).first()
    return dict(ev.after or {}) if ev else {}


def unmerge(*, session: Session, by: Analyst, claim_id: int) -> Claim:
    """Undo a merge (manual or automatic): the claim and the claims that were merged into it come back."""
    from claimtrack.tracking.identity import refresh_counts

    _check_can_edit(session, by)
    dup = _locked(session, claim_id, None)
    if dup.merged_into_id is None:
        raise ClaimtrackError(f"claim {claim_id} is not merged")
    root = dup.merged_into_id
    before = claim_snapshot(dup)
    last = _last_merge(session, claim_id)
    touched: dict[str, list[int]] = {"claim": []}
    if last.get("link_id"):
        link = session.get(ClaimLink, last["link_id"])
        if link is not None:
            session.delete(link)
            touched["claim_link"] = [pk(link)]
    for child_id in last.get("children") or []:
        child = session.get(Claim, child_id)
        if child is not None and child.merged_into_id == root:
            child.merged_into_id = claim_id
            session.add(child)
            touched["claim"].append(child_id)
    dup.merged_into_id = None
    _touch(session, dup)
    refresh_counts(session.connection(), root)
    refresh_counts(session.connection(), claim_id)
    audit.record(session, analyst=by, entity="claim", entity_id=dup.id, claim_id=dup.id, action="unmerge",
                 before=before, after=claim_snapshot(dup), touched=touched)
    return dup


def actor_kind(value: str | None) -> ActorKind:
    try:
        return ActorKind(value or "unknown")
    except ValueError:
        return ActorKind.unknown


# --- suggestions: accept and reject, both undoable -------------------------------------------------


def reject_link_suggestion(*, session: Session, by: Analyst, first_id: int, second_id: int,
                           undo: bool = False) -> None:
    """Record that the automatic link first → second is wrong (or, with `undo`, withdraw that)."""
    _check_can_edit(session, by)
    get_claim(session=session, claim_id=first_id)
    get_claim(session=session, claim_id=second_id)
    audit.record(session, analyst=by, entity="link_suggestion", entity_id=None, claim_id=second_id,
                 action="restore" if undo else "reject", after={"first": first_id, "second": second_id})


def confirm_link(*, session: Session, by: Analyst, link_id: int, undo: bool = False) -> ClaimLink:
    """An analyst confirms an automatic link (it becomes manual); `undo` makes it automatic again."""
    _check_can_edit(session, by)
    row = session.get(ClaimLink, link_id)
    if row is None:
        raise NotFoundError(f"no link with id {link_id}")
    before = {"origin": row.origin}
    row.origin = LinkOrigin.auto if undo else LinkOrigin.manual
    session.add(row)
    session.flush()
    audit.record(session, analyst=by, entity="claim_link", entity_id=link_id, claim_id=row.source_id,
                 action="unconfirm" if undo else "confirm", before=before, after={"origin": row.origin})
    return row
