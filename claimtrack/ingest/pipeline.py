"""The ingest pipeline: readers → extraction → database, in batches, one transaction per batch (when a document
fails, the batch is stored again with one savepoint per document, and only that document is left out).

Idempotent: a document is identified by the sha256 of its normalised text, and the same content
twice adds nothing. A bad file is reported and the batch goes on.
"""

from __future__ import annotations

import hashlib
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from claimtrack import audit, passages, search
from claimtrack.audit_rows import row_digest
from claimtrack.bulk_insert import RowIds
from claimtrack.db import atomic, bulk_write_cache
from claimtrack.extract.base import EXTRACTOR_VERSION, ActorRef, ExtractedClaim
from claimtrack.extract.links import DEFAULT_THRESHOLD, link_denials
from claimtrack.ingest.base import IngestError, IngestSkip, RawDocument
from claimtrack.ingest.extraction import BatchExtractor, Prepared
from claimtrack.ingest.linking import DenialIndex, cross_document_denials, later_claim_denials
from claimtrack.models import (
    Actor,
    Analyst,
    Appearance,
    Claim,
    ClaimKind,
    ClaimLink,
    ClaimState,
    Document,
    LinkOrigin,
    LinkRelation,
    Verdict,
    pk,
    table_of,
    utcnow,
)
from claimtrack.services import actor_kind, ensure_analyst, ensure_outlet
from claimtrack.text import detect_language, is_rtl
from claimtrack.tracking import identity
from claimtrack.tracking.actors import ArticleActors
from claimtrack.tracking.matching import Speaker
from claimtrack.tracking.translit import actor_name_key


@dataclass(slots=True)
class IngestOptions:
    """Overrides given on the command line; None means "as detected"."""

    published: date | None = None
    outlet: str | None = None
    language: str = "auto"
    url: str | None = None
    max_bytes: int = 20_000_000
    urls_file: str | None = None
    raw_dir: Path | None = None  # where fetched HTML is kept
    batch_size: int = 100
    denial_link_threshold: float = DEFAULT_THRESHOLD  # the `denial_link_threshold` setting
    merge_threshold: float = 0.85  # the `merge_threshold` setting
    suggest_threshold: float = 0.6  # the `duplicate_threshold` setting
    tracking: bool = True  # match new claims against existing ones
    parallel_extraction: bool = True  # extract the next batch in a worker process while this one is stored


@dataclass(slots=True)
class IngestSummary:
    added: int = 0
    duplicates: int = 0
    claims: int = 0
    links: int = 0
    merged: int = 0
    suggested: int = 0
    errors: list[str] = field(default_factory=list)
    skipped: list[dict[str, str]] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=lambda: {"parse": 0.0, "extract": 0.0, "database": 0.0})
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "added": self.added, "duplicates": self.duplicates, "claims": self.claims, "links": self.links,
            "merged": self.merged, "suggested": self.suggested,
            "errors": self.errors, "skipped": self.skipped, "seconds": round(self.seconds, 3),
            "timings": {k: round(v, 3) for k, v in self.timings.items()}, "documents": self.documents,
        }


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def apply_overrides(raw: RawDocument, opts: IngestOptions) -> RawDocument:
    if opts.published:
        raw.published, raw.published_precision = opts.published, "day"
    if opts.outlet:
        raw.outlet = opts.outlet
    if opts.url:
        raw.url = opts.url
    if opts.language and opts.language != "auto":
        raw.language = opts.language
    elif not raw.language:
        raw.language = detect_language(raw.text)
    return raw


# canonical names written in the other script (a transliteration match is only trusted across scripts)
_OTHER_SCRIPT = {"ar": {"sqlite": "[A-Za-z]*", "postgresql": "^[A-Za-z]"},
                 "latin": {"sqlite": "[^A-Za-z]*", "postgresql": "^[^A-Za-z]"}}


@dataclass(slots=True)
class _ActorRow:
    """An actor row as resolution reads and updates it (kept current by `ActorCache` within a document)."""

    id: int
    aliases: list[str] | None
    affiliation_id: int | None
    name_ar: str | None
    name_en: str | None


def _actor_columns(t: sa.Table) -> list[sa.Column[Any]]:
    return [t.c.id, t.c.aliases, t.c.affiliation_id, t.c.name_ar, t.c.name_en]


class ActorCache:
    """Resolves extracted claimants to Actor rows, creating new actors as the text introduces them.

    Also caches outlets. Uses Core statements: this runs once per extracted claim. `prefetch` reads the
    rows of a document's claimant names in one query; `forget_prefetched` drops them after the document.
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._names: dict[int, tuple[str, ...]] = {}
        self._outlets: dict[str, int] = {}
        self._rows: dict[str, _ActorRow | None] = {}  # canonical name -> row (None: no such actor), prefetched
        self._speakers: dict[tuple[Any, ...], Speaker] = {}  # the matcher's view of a claimant, per run
        self._names_text: dict[tuple[str, ...], str] = {}  # analysed names, by the names
        t = table_of(Actor)
        self._by_name_key: dict[str, sa.Select[Any]] = {  # the same name in the other script, per dialect
            f"{dialect}:{script}": sa.select(*_actor_columns(t)).where(
                t.c.name_key == sa.bindparam("name_key"), t.c.merged_into_id.is_(None),
                t.c.canonical_name.op("GLOB" if dialect == "sqlite" else "~")(pattern)).order_by(t.c.id).limit(1)
            for script, by_dialect in _OTHER_SCRIPT.items() for dialect, pattern in by_dialect.items()}

    def clear(self) -> None:
        self._ids.clear()
        self._names.clear()
        self._outlets.clear()
        self._rows.clear()
        self._speakers.clear()
        self._names_text.clear()

    def speaker(self, actor_id: int, ref: ActorRef) -> Speaker:
        """`identity.speaker_from_ref`, computed once per claimant spelling and actor in a run."""
        key = (actor_id, ref.canonical, ref.name_ar, ref.name_en, tuple(ref.aliases), ref.kind)
        found = self._speakers.get(key)
        if found is None:
            if len(self._speakers) >= identity.FEATURE_CACHE:
                self._speakers.clear()
            found = self._speakers[key] = identity.speaker_from_ref(actor_id, ref)
        return found

    def names(self, actor_id: int) -> tuple[str, ...]:
        """The names of a resolved actor (canonical, Arabic, English), for the search index."""
        return self._names.get(actor_id, ())

    def names_text(self, actor_id: int) -> str:
        """`search.search_text` of the actor's `names`, analysed once per spelling in a run."""
        names = self.names(actor_id)
        found = self._names_text.get(names)
        if found is None:
            if len(self._names_text) >= identity.FEATURE_CACHE:
                self._names_text.clear()
            found = self._names_text[names] = search.search_text(*names)
        return found

    def outlet(self, session: Session, name: str) -> int:
        if name not in self._outlets:
            self._outlets[name] = pk(ensure_outlet(session=session, name=name))
        return self._outlets[name]

    def prefetch(self, session: Session, refs: Sequence[ActorRef]) -> None:
        """Read the actors named by `refs` (and their affiliations) that are not resolved yet, in one query."""
        keys: set[str] = set()
        for ref in refs:
            depth: int = 0
            cur: ActorRef | None = ref
            while cur is not None and depth <= 5:
                key = _actor_key(cur)
                if key not in self._ids and key not in self._rows:
                    keys.add(key)
                cur, depth = cur.affiliation, depth + 1
        if not keys:
            return
        t = table_of(Actor)
        found = {r.canonical_name: _ActorRow(r.id, r.aliases, r.affiliation_id, r.name_ar, r.name_en)
                 for r in session.connection().execute(sa.select(t.c.canonical_name, *_actor_columns(t))
                                                       .where(t.c.canonical_name.in_(sorted(keys))))}
        for key in keys:
            self._rows[key] = found.get(key)

    def forget_prefetched(self) -> None:
        self._rows.clear()

    def _by_canonical(self, conn: sa.Connection, key: str) -> _ActorRow | None:
        if key in self._rows:
            return self._rows[key]
        t = table_of(Actor)
        r = conn.execute(sa.select(*_actor_columns(t)).where(t.c.canonical_name == key)).first()
        return _ActorRow(r.id, r.aliases, r.affiliation_id, r.name_ar, r.name_en) if r is not None else None

    def _known_row(self, row: sa.Row[Any]) -> _ActorRow:
        """The prefetched record of this actor, if any (so that updates reach it), else a new one."""
        known = next((r for r in self._rows.values() if r is not None and r.id == row.id), None)
        return known or _ActorRow(row.id, row.aliases, row.affiliation_id, row.name_ar, row.name_en)

    def resolve(self, session: Session, ref: ActorRef, depth: int = 0, ids: RowIds | None = None) -> int:
        """The actor id of `ref` (created when new; `ids` counts the new ids within the batch)."""
        key = _actor_key(ref)
        if key in self._ids:
            return self._ids[key]
        t = table_of(Actor)
        conn = session.connection()
        row = self._by_canonical(conn, key)
        seen = replace(row) if row is not None else None  # the row as read before the affiliation's resolution
        parent = self.resolve(session, ref.affiliation, depth + 1, ids) if ref.affiliation and depth < 5 else None
        name_key = actor_name_key(key, ref.name_ar, ref.name_en)
        spelled = [key] if row is None else []  # a new spelling becomes an alias of the actor it matches
        if row is None and name_key and len(name_key.split()) >= 2 and ref.kind in ("person", "unknown") \
                and not ref.title:
            stmt = self._by_name_key[f"{conn.dialect.name}:{'ar' if is_rtl(key) else 'latin'}"]
            found = conn.execute(stmt, {"name_key": name_key}).first()  # the same name in the other script
            row = self._known_row(found) if found is not None else None
            seen = replace(row) if row is not None else None
        if row is None or seen is None:
            new_row = {
                "canonical_name": key, "name_ar": ref.name_ar, "name_en": ref.name_en, "aliases": list(ref.aliases),
                "kind": actor_kind(ref.kind), "title": ref.title, "affiliation_id": parent, "same_as": ref.same_as,
                "name_key": name_key, "scope": ref.canonical[len(ref.title or ""):].strip(" ()")[:120]
                if ref.title and ref.canonical.startswith(ref.title + " (") else None,
            }
            actor_id = ids.insert(conn, t, [new_row])[0] if ids is not None else \
                conn.execute(sa.insert(t).returning(t.c.id), [new_row]).scalar_one()
            names = (key, ref.name_ar, ref.name_en)
        else:
            actor_id = seen.id
            aliases = list(seen.aliases or [])
            new_aliases = [a for a in [*spelled, *ref.aliases] if a not in aliases]
            changes: dict[str, Any] = {"aliases": aliases + new_aliases} if new_aliases else {}
            if seen.affiliation_id is None and parent is not None:
                changes["affiliation_id"] = parent
            if changes:
                conn.execute(sa.update(t).where(t.c.id == actor_id).values(**changes))
                row.aliases = changes.get("aliases", row.aliases)  # the shared record follows the database
                row.affiliation_id = changes.get("affiliation_id", row.affiliation_id)
            names = (key, seen.name_ar, seen.name_en)
        self._ids[key] = actor_id
        self._names[actor_id] = tuple(n for n in names if n)
        return actor_id


def _actor_key(ref: ActorRef) -> str:
    return ref.canonical.strip()[:300] or "unknown"


def _kind(value: str) -> ClaimKind:
    try:
        return ClaimKind(value)
    except ValueError:
        return ClaimKind.statement


def _store_raw_html(raw: RawDocument, sha: str, opts: IngestOptions) -> str | None:
    if not raw.raw_html or opts.raw_dir is None:
        return None
    opts.raw_dir.mkdir(parents=True, exist_ok=True)
    path = opts.raw_dir / f"{sha}.html"
    path.write_text(raw.raw_html, encoding="utf-8")
    return str(path)


class Deferred:
    """Writes that wait for the end of a batch: the passages of its documents (inserted and indexed with one
    statement each) and the appearance counts of the claims its new claims merged into (counted once).

    A document's items are staged while its savepoint is open; `keep` adds them to the batch, `drop`
    forgets them when the savepoint rolls back."""

    def __init__(self) -> None:
        self.ids = RowIds()  # the ids of the batch's new rows
        self.passages: list[dict[str, object]] = []
        self.roots: set[int] = set()
        self._passages: list[dict[str, object]] = []
        self._roots: set[int] = set()

    def stage(self, passage_rows: list[dict[str, object]], roots: Sequence[int] = ()) -> None:
        self._passages.extend(passage_rows)
        self._roots.update(roots)

    def keep(self) -> None:
        self.passages.extend(self._passages)
        self.roots |= self._roots
        self.drop()

    def drop(self) -> None:
        self._passages, self._roots = [], set()

    def write(self, conn: sa.Connection) -> None:
        self.ids.check(conn)
        passages.add_rows(conn, self.passages)
        if self.roots:
            identity.refresh_counts_many(conn, sorted(self.roots))
        self.passages, self.roots = [], set()


def store_document(
    session: Session,
    raw: RawDocument,
    sha: str,
    claims: Sequence[ExtractedClaim],
    *,
    analyst: Analyst,
    actors: ActorCache,
    opts: IngestOptions,
    tracker: identity.Tracker | None = None,
    chain: audit.ChainHead | None = None,
    deferred: Deferred | None = None,
    prepared: Prepared | None = None,
    denials: DenialIndex | None = None,
) -> tuple[int, int]:
    """Write one document, its claims, appearances and automatic links, and one audit event.

    Claims, appearances and links go in as bulk Core inserts: ingest is the hot path. The passages and
    the merged-into claims' counts are staged in `deferred` (written at once when None). `prepared` holds
    the text-only work (passages, claims' analysed text) when it was done beside extraction. `denials`
    (with a `tracker`): the denials stored so far in the run, so that claims they answer get their links.
    """
    if deferred is None:
        deferred = Deferred()
        stored = store_document(session, raw, sha, claims, analyst=analyst, actors=actors, opts=opts,
                                tracker=tracker, chain=chain, deferred=deferred, prepared=prepared, denials=denials)
        deferred.keep()
        deferred.write(session.connection())
        return stored
    outlet_id = actors.outlet(session, raw.outlet.strip()[:300]) if raw.outlet and raw.outlet.strip() else None
    now = utcnow()
    if tracker is not None:
        tracker.last = identity.Outcome()
    doc_row = {
        "outlet_id": outlet_id, "title": raw.title, "url": raw.url, "language": raw.language or "und",
        "published": raw.published, "published_precision": raw.published_precision, "byline": raw.byline,
        "text": raw.text, "sha256": sha, "origin": raw.origin, "origin_name": raw.origin_name,
        "source_format": raw.source_format, "raw_path": _store_raw_html(raw, sha, opts), "meta": raw.meta,
        "ingested_at": now, "ingested_by_id": analyst.id,
    }
    document_t = table_of(Document)
    conn = session.connection()
    doc_id = deferred.ids.insert(conn, document_t, [doc_row])[0]
    digests: dict[str, dict[str, str | None]] = {"document": {str(doc_id): row_digest("document", doc_row)}}
    deferred.stage(passages.rows_for(doc_id, raw.text, prepared.passages if prepared else None))
    if not claims:
        audit.record(session, analyst=analyst, entity="document", entity_id=doc_id, action="ingest", chain=chain,
                     after={"origin": raw.origin, "sha256": sha, "claims": 0, "title": raw.title}, digests=digests)
        return doc_id, 0
    first_seen = datetime.combine(raw.published, datetime.min.time(), tzinfo=UTC) if raw.published else now
    default_stated = raw.published.isoformat() if raw.published else None
    language = raw.language or "und"
    article = ArticleActors([(ex.claimant, ex.claimant_surface) for ex in claims], scope=f"document {doc_id}")
    for ex in claims:
        ex.claimant = article.resolve(ex.claimant, ex.claimant_surface)
    actors.prefetch(session, [ex.claimant for ex in claims])
    claimant_ids = [actors.resolve(session, ex.claimant, ids=deferred.ids) for ex in claims]
    actors.forget_prefetched()
    claim_rows = []
    terms = prepared.claim_terms if prepared else [search.search_text(ex.text or ex.quote) for ex in claims]
    for ex, actor_id, text_terms in zip(claims, claimant_ids, terms, strict=True):
        text = ex.text or ex.quote
        claim_rows.append({
            "text": text, "language": language, "kind": _kind(ex.kind), "state": ClaimState.new,
            "verdict": Verdict.unrated, "checkworthiness": max(0.0, min(1.0, ex.checkworthiness)),
            "checkworthiness_features": ex.checkworthiness_features, "claimant_id": actor_id, "tags": [],
            "event_date": ex.event_date.iso if ex.event_date else None,
            "event_date_precision": ex.event_date.precision if ex.event_date else None,
            "first_seen": first_seen,
            "search_text": search.join_analysed(text_terms, actors.names_text(actor_id)),
            "created_at": now, "updated_at": now, "version": 1,
        })
    ids = deferred.ids.insert(conn, table_of(Claim), claim_rows)
    digests["claim"] = {str(cid): row_digest("claim", row) for cid, row in zip(ids, claim_rows, strict=True)}
    appearance_rows = [{
        "claim_id": cid, "document_id": doc_id, "claimant_id": actor_id, "claimant_surface": ex.claimant_surface,
        "cue": ex.cue, "quote": ex.quote, "prefix": ex.prefix, "suffix": ex.suffix, "start": ex.start, "end": ex.end,
        "direct_quote": ex.direct_quote, "stated_on": ex.stated_on.iso if ex.stated_on else default_stated,
        "stated_on_precision": ex.stated_on.precision if ex.stated_on else raw.published_precision,
        "extractor_version": EXTRACTOR_VERSION, "confidence": max(0.0, min(1.0, ex.confidence)), "created_at": now,
    } for ex, cid, actor_id in zip(claims, ids, claimant_ids, strict=True)]
    _insert_audited(conn, deferred.ids, table_of(Appearance), appearance_rows, digests)
    if opts.denial_link_threshold != DEFAULT_THRESHOLD:  # extraction linked at the default; the setting differs
        link_denials(list(claims), threshold=opts.denial_link_threshold, text=raw.text)
    links: dict[tuple[int, int], dict[str, Any]] = {}
    for i, ex in enumerate(claims):
        for j in ex.denies:
            if 0 <= j < len(ids) and j != i:
                links[(ids[i], ids[j])] = ex.link_evidence.get(j) or {"reason": "same document"}
    outcome = identity.Outcome()
    if tracker is not None:
        feats = prepared.claim_features if prepared else [None] * len(claims)
        infos = [identity.info(cid, ex.text or ex.quote, _kind(ex.kind).value, language, doc_id,
                               actors.speaker(aid, ex.claimant), raw.published,
                               ex.event_date.iso if ex.event_date else None, f)
                 for ex, cid, aid, f in zip(claims, ids, claimant_ids, feats, strict=True)]
        outcome = tracker.track(conn, doc_id=doc_id, day=raw.published, language=language, claims=infos)
        identity.point_merges(conn, outcome.merged)
        deferred.stage([], [root for _c, root, _s, _g in outcome.merged])
        _link_across(conn, tracker, denials, claims, infos, ids, claimant_ids, doc_id, raw, outcome, opts, links)
    if links:
        _insert_audited(conn, deferred.ids, table_of(ClaimLink), [{
            "source_id": src, "target_id": tgt, "relation": LinkRelation.denies, "origin": LinkOrigin.auto,
            "evidence": evidence, "created_at": now,
        } for (src, tgt), evidence in links.items()], digests)
    audit.record(session, analyst=analyst, entity="document", entity_id=doc_id, action="ingest", chain=chain,
                 after={"origin": raw.origin, "sha256": sha, "title": raw.title, "claims": ids,
                        "links": [{"source": s, "relation": "denies", "target": t} for s, t in links],
                        **({"suggested": outcome.suggested} if outcome.suggested else {})},
                 digests=digests)
    row_of = dict(zip(ids, claim_rows, strict=True))
    for claim_id, root, score, signals in outcome.merged:  # the claim's digest, as it stands after the merge
        digest = row_digest("claim", {**row_of[claim_id], "merged_into_id": root})
        audit.record(session, analyst=analyst, entity="claim", entity_id=claim_id, claim_id=claim_id,
                     action="auto_merge", chain=chain, before={"merged_into_id": None},
                     after={"merged_into_id": root, "score": score, "signals": signals},
                     rationale=f"the same claim as claim {root} (score {score:.2f})",
                     digests={"claim": {str(claim_id): digest}})
    if tracker is not None:
        tracker.last = outcome
    return doc_id, len(links)


def _link_across(conn: sa.Connection, tracker: identity.Tracker, denials: DenialIndex | None,
                 claims: Sequence[ExtractedClaim], infos: Sequence[Any], ids: Sequence[int], claimant_ids: Sequence[int],
                 doc_id: int, raw: RawDocument, outcome: identity.Outcome, opts: IngestOptions,
                 links: dict[tuple[int, int], dict[str, Any]]) -> None:
    """Denies links across documents: the document's claims answered by denials stored before them (with
    `denials`), then its denials against earlier claims (which are then indexed for later claims)."""
    into = {cid: root for cid, root, _s, _g in outcome.merged}
    if denials is not None:
        for i, c in enumerate(infos):
            for source, evidence in later_claim_denials(
                    conn, tracker.keys, denials, text=c.text, terms=c.features.terms, kind=c.kind,
                    target_id=into.get(ids[i], ids[i]), claimant_id=claimant_ids[i], document_id=doc_id,
                    day=raw.published, threshold=opts.denial_link_threshold):
                links.setdefault((source, into.get(ids[i], ids[i])), evidence)
    for i, ex in enumerate(claims):
        if ex.kind != "denial":
            continue
        found = [(target, evidence) for target, evidence in cross_document_denials(
            conn, tracker.keys, ex=ex, claimant_id=claimant_ids[i], document_id=doc_id, day=raw.published,
            threshold=opts.denial_link_threshold) if target != ids[i]]
        for target, evidence in found:
            links.setdefault((ids[i], target), evidence)
        if denials is not None:
            denials.new(conn, tracker.keys, claim_id=ids[i], document_id=doc_id, claimant_id=claimant_ids[i],
                        day=raw.published, text=ex.text or ex.quote, claimant=ex.claimant,
                        surface=ex.claimant_surface, linked=found,
                        targets={tgt for src, tgt in links if src == ids[i]})


def _insert_audited(conn: sa.Connection, ids: RowIds, table: sa.Table, new_rows: list[dict[str, Any]],
                    digests: dict[str, dict[str, str | None]]) -> None:
    """Bulk-insert rows and add their digests (computed from the inserted values) for the audit event."""
    new_ids = ids.insert(conn, table, new_rows)
    digests[table.name] = {str(rid): row_digest(table.name, row) for rid, row in zip(new_ids, new_rows, strict=True)}


@dataclass(slots=True)
class _Batch:
    """Documents read for one flush, the reader's other outcomes before them, and their extraction."""

    notes: list[tuple[str, Any, str]] = field(default_factory=list)  # (kind, payload, progress origin)
    docs: list[tuple[RawDocument, str, str]] = field(default_factory=list)  # raw, sha, extraction language
    future: Any = None


def ingest(
    engine: Engine,
    paths: Sequence[str],
    *,
    analyst: str,
    opts: IngestOptions | None = None,
    on_progress: Callable[[str, str], None] | None = None,
    extractor: Callable[..., list[ExtractedClaim]] | None = None,
) -> IngestSummary:
    """Ingest files, folders and URLs. `on_progress(origin, status)` is called once per item.

    Documents are read and extracted a batch ahead of the database writes (extraction in a worker
    process when the run has more than one batch, see `claimtrack.ingest.extraction`); what each batch
    reports is applied in reading order, so the summary is the same as a one-at-a-time run's."""
    from claimtrack.ingest.readers import iter_documents

    opts = opts or IngestOptions()
    summary = IngestSummary()
    t_start = time.perf_counter()
    actors = ActorCache()
    tracker = identity.Tracker(identity.Thresholds(merge=opts.merge_threshold, suggest=opts.suggest_threshold)) \
        if opts.tracking else None
    denials = DenialIndex() if tracker is not None else None  # denials stored so far, for the claims they answer
    with atomic(engine) as s:
        analyst_id = ensure_analyst(session=s, handle=analyst).id
    runner = BatchExtractor(extractor, parallel=opts.parallel_extraction)
    inflight: deque[_Batch] = deque()

    def flush(pending: list[tuple[RawDocument, str, Prepared]]) -> None:
        if not pending:
            return
        t0 = time.perf_counter()
        for raw, status, payload in _BatchWriter(engine, analyst_id, actors, tracker, denials, opts).store_batch(pending):
            _apply_outcome(summary, on_progress, raw, status, payload)
        summary.timings["database"] += time.perf_counter() - t0

    def finish(batch: _Batch) -> None:
        for kind, payload, origin in batch.notes:
            _apply_note(summary, on_progress, kind, payload, origin)
        t0 = time.perf_counter()
        prepared = runner.result(_jobs(batch), batch.future)
        summary.timings["extract"] += time.perf_counter() - t0
        flush([(raw, sha, p) for (raw, sha, _lang), p in zip(batch.docs, prepared, strict=True)])

    def begin(batch: _Batch) -> None:
        batch.future = runner.start(_jobs(batch))
        inflight.append(batch)
        while len(inflight) > runner.depth:
            finish(inflight.popleft())

    try:
        batch = _Batch()
        for note, item in _read(iter_documents(list(paths), max_bytes=opts.max_bytes, urls_file=opts.urls_file),
                                opts, summary):
            if note is not None:
                batch.notes.append(note)
                continue
            batch.docs.append(item)
            if len(batch.docs) >= opts.batch_size:
                begin(batch)
                batch = _Batch()
        begin(batch)
        while inflight:
            finish(inflight.popleft())
    finally:
        runner.close()
    summary.seconds = time.perf_counter() - t_start
    return summary


_STORE_ERRORS = (sa.exc.SQLAlchemyError, ValueError, OSError)  # a document that cannot be stored


@dataclass(slots=True)
class _Stored:
    doc_id: int
    claims: int
    links: int
    merged: int
    suggested: int


class _BatchWriter:
    """Stores one batch of documents in one write transaction."""

    def __init__(self, engine: Engine, analyst_id: int | None, actors: ActorCache,
                 tracker: identity.Tracker | None, denials: DenialIndex | None, opts: IngestOptions) -> None:
        self.engine, self.analyst_id, self.actors, self.tracker, self.opts = engine, analyst_id, actors, tracker, opts
        self.denials = denials

    def store_batch(self, pending: Sequence[tuple[RawDocument, str, Prepared]]) -> list[tuple[RawDocument, str, Any]]:
        """`store` without savepoints, the batch committing at once; if a document fails, the batch is rolled
        back and stored again with one savepoint a document (the failing one left out)."""
        claimants = [[ex.claimant for ex in p.claims] for _r, _s, p in pending]  # store_document resolves them
        try:
            return self.store(pending, careful=False)
        except _STORE_ERRORS:
            self.forget()
            for (_r, _s, p), refs in zip(pending, claimants, strict=True):
                for ex, ref in zip(p.claims, refs, strict=True):
                    ex.claimant = ref
            return self.store(pending, careful=True)

    def forget(self) -> None:
        """Drop the caches that may hold rows of a rolled-back transaction."""
        self.actors.clear()
        if self.tracker is not None:
            self.tracker.clear()
        if self.denials is not None:
            self.denials.clear()

    def store(self, pending: Sequence[tuple[RawDocument, str, Prepared]],
              careful: bool) -> list[tuple[RawDocument, str, Any]]:
        """(document, "duplicate" | "added" | "error", _Stored or the error) for each document, in order.

        careful=False: the first failing document raises (the transaction rolls back); True: each document
        has its own savepoint, and one that fails is reported and left out."""
        out: list[tuple[RawDocument, str, Any]] = []
        with atomic(self.engine) as session, search.claims_indexed_in_bulk(session.connection()):
            bulk_write_cache(session.connection())
            who = session.get_one(Analyst, self.analyst_id)
            chain = audit.ChainHead(buffered=True)
            deferred = Deferred()
            shas = [sha for _r, sha, _c in pending]
            existing = set(session.exec(select(Document.sha256).where(col(Document.sha256).in_(shas))).all())
            for raw, sha, prepared in pending:
                if sha in existing:
                    out.append((raw, "duplicate", None))
                    continue
                existing.add(sha)
                if not careful:
                    out.append((raw, "added", self._one(session, raw, sha, prepared, who, chain, deferred)))
                    deferred.keep()
                    continue
                nested, mark = session.begin_nested(), chain.mark()
                try:
                    stored = self._one(session, raw, sha, prepared, who, chain, deferred)
                    nested.commit()
                    deferred.keep()
                except _STORE_ERRORS as exc:
                    nested.rollback()
                    deferred.drop()
                    deferred.ids.reset()
                    chain.rollback_to(mark)
                    self.forget()
                    out.append((raw, "error", exc))
                    continue
                out.append((raw, "added", stored))
            deferred.write(session.connection())
            chain.write(session.connection())
        return out

    def _one(self, session: Session, raw: RawDocument, sha: str, prepared: Prepared, who: Analyst,
             chain: audit.ChainHead, deferred: Deferred) -> _Stored:
        doc_id, links = store_document(session, raw, sha, prepared.claims, analyst=who, actors=self.actors,
                                       opts=self.opts, tracker=self.tracker, chain=chain, deferred=deferred,
                                       prepared=prepared, denials=self.denials)
        last = self.tracker.last if self.tracker is not None else identity.Outcome()
        return _Stored(doc_id, len(prepared.claims), links, len(last.merged), last.suggested)


def _apply_outcome(summary: IngestSummary, on_progress: Callable[[str, str], None] | None, raw: RawDocument,
                   status: str, payload: Any) -> None:
    if status == "duplicate":
        summary.duplicates += 1
        summary.documents.append({"origin": raw.origin_name, "status": "duplicate"})
        _report(on_progress, raw.origin_name, "already present")
    elif status == "error":
        summary.errors.append(f"{raw.origin}: could not store: {payload.__class__.__name__}: {payload}".splitlines()[0])
        _report(on_progress, raw.origin_name, "error")
    else:
        summary.added += 1
        summary.claims += payload.claims
        summary.links += payload.links
        summary.merged += payload.merged
        summary.suggested += payload.suggested
        summary.documents.append({"origin": raw.origin_name, "status": "added", "document_id": payload.doc_id,
                                  "claims": payload.claims})
        _report(on_progress, raw.origin_name, f"{payload.claims} claims")


def _jobs(batch: _Batch) -> list[tuple[str, str, date | None, str | None]]:
    return [(raw.text, lang, raw.published, raw.title) for raw, _sha, lang in batch.docs]


def _read(items: Any, opts: IngestOptions, summary: IngestSummary) -> Any:
    """(note, None) for each skipped, failed or repeated item, (None, (raw, sha, language)) for each document
    to store, in reading order; parse time goes to `summary.timings`."""
    seen_in_run: set[str] = set()
    items = iter(items)
    while True:
        t0 = time.perf_counter()
        item = next(items, None)
        summary.timings["parse"] += time.perf_counter() - t0
        if item is None:
            return
        if isinstance(item, IngestSkip):
            yield ("skip", item, item.origin), None
            continue
        if isinstance(item, IngestError):
            yield ("error", item, item.origin), None
            continue
        raw = apply_overrides(item, opts)
        sha = sha256_text(raw.text)
        if sha in seen_in_run:
            yield ("duplicate", raw, raw.origin_name), None
            continue
        seen_in_run.add(sha)
        lang = raw.language if raw.language in ("ar", "en") else "ar" if raw.language == "und" else raw.language
        yield None, (raw, sha, lang)


def _apply_note(summary: IngestSummary, on_progress: Callable[[str, str], None] | None, kind: str, payload: Any,
                origin: str) -> None:
    if kind == "skip":
        summary.skipped.append({"origin": payload.origin, "reason": payload.reason})
    elif kind == "error":
        summary.errors.append(str(payload))
        _report(on_progress, origin, "error")
    else:
        summary.duplicates += 1
        summary.documents.append({"origin": origin, "status": "duplicate"})
        _report(on_progress, origin, "already present")


def _report(cb: Callable[[str, str], None] | None, origin: str, status: str) -> None:
    if cb is not None:
        cb(origin, status)


