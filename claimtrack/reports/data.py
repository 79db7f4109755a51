"""Claims for reports, loaded in batches as plain JSON-ready dicts (see schema.py).

A dossier of thousands of claims costs a handful of queries per batch, never one query per claim,
and the claims are yielded one at a time so every format can stream.
"""

from __future__ import annotations

import dataclasses
import enum
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session

from claimtrack.models import (
    Actor,
    Analyst,
    Appearance,
    Claim,
    ClaimEvidence,
    ClaimLink,
    ClaimState,
    Comment,
    Document,
    Event,
    Evidence,
    Outlet,
    Verdict,
    table_of,
)
from claimtrack.queries import ClaimFilter, claim_ids
from claimtrack.reports.labels import labels
from claimtrack.workflow import RATINGS

T_CLAIM = table_of(Claim)
T_ACTOR = table_of(Actor)
T_ANALYST = table_of(Analyst)
T_APP = table_of(Appearance)
T_DOC = table_of(Document)
T_OUTLET = table_of(Outlet)
T_LINK = table_of(ClaimLink)
T_EV = table_of(Evidence)
T_CE = table_of(ClaimEvidence)
T_COMMENT = table_of(Comment)
T_EVENT = table_of(Event)

RATINGS_BY_VALUE = {v.value: r for v, r in RATINGS.items()}
ANALYST_FIELDS = ("assignee_id", "investigator_id", "reviewer_id")


def iso(value: datetime | date | str | None) -> str | None:
    """ISO 8601 for a date or an aware datetime; also for SQLite's raw UTC text ("2023-09-01 10:00:00.000000")."""
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) < 19 or value[10] not in " T":
            return value
        frac = value[19:26] if value[19:20] == "." and value[20:26].strip("0") else ""
        return f"{value[:10]}T{value[11:19]}{frac}+00:00"
    return value.isoformat()


def raw(col: sa.ColumnElement[Any]) -> sa.ColumnElement[Any]:
    """A column fetched without result processing (enum values and timestamps as the driver gives them)."""
    return sa.type_coerce(col, sa.String).label(col.name)


def code(value: Any) -> Any:
    """An enum's value; anything else unchanged."""
    return value.value if isinstance(value, enum.Enum) else value


def plain(value: Any) -> Any:
    """A short display value for the timeline: lists joined, dicts as JSON."""
    t = type(value)
    if t is list:
        return ", ".join(str(v) for v in value)
    if t is dict:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value.value if isinstance(value, enum.Enum) else value


_c = T_CLAIM.c
CLAIM_COLS = [_c.id, _c.text, _c.language, raw(_c.kind), raw(_c.state), raw(_c.verdict), _c.rationale, raw(_c.tags),
              _c.event_date, _c.checkworthiness, raw(_c.first_seen), raw(_c.published_at), raw(_c.created_at),
              raw(_c.updated_at), _c.merged_into_id, _c.version, _c.claimant_id, _c.investigator_id,
              _c.reviewer_id, _c.assignee_id]
_e = T_EV.c
EVIDENCE_COLS = [_e.id, _e.title, raw(_e.kind), _e.url, _e.document_id, _e.file_path, _e.sha256, _e.excerpt,
                 _e.anchor, _e.excerpt_start, _e.excerpt_end, _e.reliability, _e.credibility, raw(_e.retrieved_at)]
_v = T_EVENT.c
EVENT_COLS = [_v.id, _v.claim_id, raw(_v.at), _v.analyst_handle, _v.entity, _v.entity_id, _v.action, _v.rationale,
              raw(_v.before), raw(_v.after), _v.hash]  # JSON decoded by _json: cheaper than the type's processor


# the C scanner: no whitespace handling, ~3x faster than json.loads (typeshed leaves the attribute out)
_scan = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def _json(value: Any) -> Any:
    """A JSON column fetched raw: text on SQLite (written by json.dumps), decoded already by psycopg."""
    if type(value) is not str:
        return value
    try:
        obj, end = _scan(value, 0)
    except StopIteration:
        return json.loads(value)
    return obj if end == len(value) else json.loads(value)


def collect_ids(session: Session, filt: ClaimFilter, page: int = 5000) -> list[int]:
    """Every claim id matching the filter, in id order (keyset pages)."""
    ids: list[int] = []
    while True:
        after = (ids[-1], ids[-1]) if ids else None
        chunk = claim_ids(session=session, filt=filt, limit=page, after=after)
        ids.extend(chunk)
        if len(chunk) < page:
            return ids


def chunks(ids: Sequence[int], size: int) -> Iterator[list[int]]:
    for i in range(0, len(ids), size):
        yield list(ids[i:i + size])


def filter_scope(filt: ClaimFilter | None) -> dict[str, Any]:
    """The filter fields that were set, JSON-ready."""
    if filt is None:
        return {}
    out: dict[str, Any] = {}
    for f in dataclasses.fields(filt):
        v = getattr(filt, f.name)
        if v in (None, "", (), False):
            continue
        if isinstance(v, date):
            v = v.isoformat()
        elif isinstance(v, list | tuple):
            v = list(v)
        out[f.name] = code(v)
    return out


def actor_name(actor: dict[str, Any] | None, lang: str | None) -> str:
    """An actor's name for a report in `lang`: the Arabic or English name where known, else the canonical
    one; `lang=None` (exports) always gives the canonical name."""
    if not actor:
        return ""
    if lang == "ar":
        return actor.get("name_ar") or actor.get("name") or ""
    if lang == "en":
        return actor.get("name_en") or actor.get("name") or ""
    return actor.get("name") or ""


def summarise(session: Session, ids: Sequence[int], batch: int = 5000, lang: str | None = None) -> dict[str, Any]:
    """Counts by verdict and state and the claimants involved (most claims first), named for `lang`."""
    verdicts: Counter[str] = Counter()
    states: Counter[str] = Counter()
    claimants: Counter[tuple[int | None, str]] = Counter()
    a = T_ACTOR.c
    for chunk in chunks(ids, batch):
        rows = session.execute(
            sa.select(T_CLAIM.c.verdict, T_CLAIM.c.state, a.id, a.canonical_name, a.name_ar, a.name_en)
            .select_from(T_CLAIM.outerjoin(T_ACTOR, a.id == T_CLAIM.c.claimant_id))
            .where(T_CLAIM.c.id.in_(chunk))
        ).all()
        for verdict, state, actor_id, name, name_ar, name_en in rows:
            verdicts[code(verdict)] += 1
            states[code(state)] += 1
            if actor_id is not None:
                claimants[(actor_id, actor_name({"name": name, "name_ar": name_ar, "name_en": name_en}, lang))] += 1
    return {
        "claims": len(ids),
        "by_verdict": {v.value: verdicts[v.value] for v in Verdict if verdicts[v.value]},
        "by_state": {s.value: states[s.value] for s in ClaimState if states[s.value]},
        "claimants": [{"id": aid, "name": name, "claims": n}
                      for (aid, name), n in sorted(claimants.items(), key=lambda kv: (-kv[1], kv[0][1]))],
    }


class ClaimLoader:
    """Loads claims as dicts, `batch` claims per round of queries; caches actors and analysts.

    Labels follow `lang`; so do the claimant names of appearances and links unless `localise_names` is
    False (exports: canonical names)."""

    def __init__(self, session: Session, lang: str = "en", batch: int = 1000, events: bool = True,
                 localise_names: bool = True) -> None:
        self.session = session
        self.names_lang: str | None = lang if localise_names else None
        self.with_events = events
        self.batch = batch
        self.labels = labels(lang)
        self.analysts: dict[int, str] = dict(session.execute(sa.select(T_ANALYST.c.id, T_ANALYST.c.handle)).all())
        self.actors: dict[int, dict[str, Any]] = {}
        self._affiliation: dict[int, int | None] = {}

    # --- actors ---------------------------------------------------------------------------------

    def _load_actors(self, ids: set[int]) -> None:
        todo = {i for i in ids if i is not None and i not in self.actors}
        for _ in range(6):  # the claimant, then up to five affiliation levels
            if not todo:
                return
            rows = self.session.execute(sa.select(T_ACTOR).where(T_ACTOR.c.id.in_(sorted(todo)))).mappings().all()
            for r in rows:
                self.actors[r["id"]] = {
                    "id": r["id"], "name": r["canonical_name"], "name_ar": r["name_ar"], "name_en": r["name_en"],
                    "kind": code(r["kind"]), "title": r["title"], "same_as": r["same_as"],
                }
                self._affiliation[r["id"]] = r["affiliation_id"]
            todo = {a for a in (self._affiliation.get(i) for i in todo) if a is not None and a not in self.actors}

    def affiliations(self, actor_id: int | None, limit: int = 5) -> list[dict[str, Any]]:
        chain: list[dict[str, Any]] = []
        seen = {actor_id}
        cur = self._affiliation.get(actor_id) if actor_id is not None else None
        while cur is not None and cur not in seen and cur in self.actors and len(chain) < limit:
            chain.append(self.actors[cur])
            seen.add(cur)
            cur = self._affiliation.get(cur)
        return chain

    def _name(self, actor_id: int | None) -> str | None:
        a = self.actors.get(actor_id) if actor_id is not None else None
        return actor_name(a, self.names_lang) if a else None

    # --- claims ---------------------------------------------------------------------------------

    def iter_claims(self, ids: Sequence[int]) -> Iterator[dict[str, Any]]:
        """Yield one complete claim dict per id, in the given order (missing ids are skipped)."""
        for chunk in chunks(ids, self.batch):
            yield from self._batch(chunk)

    def _batch(self, chunk: list[int]) -> list[dict[str, Any]]:
        s = self.session
        rows = {r["id"]: r for r in s.execute(sa.select(*CLAIM_COLS).where(T_CLAIM.c.id.in_(chunk))).mappings().all()}
        apps = self._appearances(chunk)
        links = self._links(chunk)
        actor_ids = {r["claimant_id"] for r in rows.values()} | {a["claimant_id"] for a in apps}
        actor_ids |= {lk["claimant_id"] for lk in links}
        self._load_actors({i for i in actor_ids if i is not None})
        by_claim: dict[int, dict[str, list[dict[str, Any]]]] = {
            cid: {"appearances": [], "links": [], "evidence": [], "comments": [], "events": []} for cid in rows}
        for a in apps:
            by_claim[a.pop("claim_id")]["appearances"].append(a)
        for lk in links:
            mine = lk.pop("mine")
            lk["claim"]["claimant"] = self._name(lk.pop("claimant_id"))
            by_claim[mine]["links"].append(lk)
        events = self._events(chunk) if self.with_events else []
        for key, items in (("evidence", self._evidence(chunk)), ("comments", self._comments(chunk)),
                           ("events", events)):
            for cid, item in items:
                by_claim[cid][key].append(item)
        return [self._claim(rows[cid], by_claim[cid]) for cid in chunk if cid in rows]

    def _claim(self, r: Any, parts: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
        verdict = r["verdict"]
        value, label = RATINGS_BY_VALUE[verdict]
        apps = parts["appearances"]
        apps.sort(key=lambda a: (a["_published"] is None, a["_published"] or date.min, a["id"]))
        for i, a in enumerate(apps):
            del a["_published"]
            a["first"] = i == 0
            a["claimant"] = self._name(a.pop("claimant_id"))
        cid = r["claimant_id"]
        return {
            "id": r["id"], "text": r["text"], "language": r["language"], "kind": r["kind"],
            "state": r["state"], "verdict": verdict,
            "rating": {"value": value, "label": label, "worst": 1, "best": 5},
            "rationale": r["rationale"], "tags": list(_json(r["tags"]) or []), "event_date": r["event_date"],
            "checkworthiness": r["checkworthiness"], "first_seen": iso(r["first_seen"]),
            "published_at": iso(r["published_at"]), "created_at": iso(r["created_at"]),
            "updated_at": iso(r["updated_at"]), "merged_into": r["merged_into_id"], "version": r["version"],
            "claimant": self.actors.get(cid) if cid is not None else None,
            "affiliations": self.affiliations(cid),
            "investigator": self.analysts.get(r["investigator_id"]),
            "reviewer": self.analysts.get(r["reviewer_id"]),
            "assignee": self.analysts.get(r["assignee_id"]),
            **parts,
        }

    def _appearances(self, chunk: list[int]) -> list[dict[str, Any]]:
        a, d, o = T_APP, T_DOC, T_OUTLET
        stmt = (
            sa.select(a.c.id, a.c.claim_id, a.c.claimant_id, a.c.claimant_surface, a.c.cue, a.c.quote, a.c.start,
                      a.c.end, a.c.direct_quote, a.c.stated_on, d.c.id.label("doc_id"), d.c.title, d.c.url,
                      d.c.origin_name, d.c.origin, d.c.published, d.c.language, o.c.name.label("outlet"))
            .select_from(a.join(d, d.c.id == a.c.document_id).outerjoin(o, o.c.id == d.c.outlet_id))
            .where(a.c.claim_id.in_(chunk)).order_by(a.c.id)
        )
        return [{
            "id": r.id, "claim_id": r.claim_id, "first": False, "outlet": r.outlet, "claimant_id": r.claimant_id,
            "claimant_surface": r.claimant_surface, "cue": r.cue, "quote": r.quote, "start": r.start, "end": r.end,
            "direct_quote": bool(r.direct_quote), "stated_on": r.stated_on,
            "document": {"id": r.doc_id, "title": r.title, "url": r.url, "file": r.origin_name or r.origin,
                         "published": iso(r.published), "language": r.language},
            "_published": r.published,
        } for r in self.session.execute(stmt).all()]

    def _links(self, chunk: list[int]) -> list[dict[str, Any]]:
        lk, other = T_LINK, T_CLAIM.alias("other")
        out: list[tuple[int, dict[str, Any]]] = []
        for direction, mine, theirs in (("outgoing", lk.c.source_id, lk.c.target_id),
                                        ("incoming", lk.c.target_id, lk.c.source_id)):
            stmt = (
                sa.select(lk.c.id, raw(lk.c.relation), raw(lk.c.origin), lk.c.note, mine.label("mine"),
                          other.c.id.label("oid"), other.c.text, raw(other.c.kind), raw(other.c.state),
                          raw(other.c.verdict), other.c.language, other.c.claimant_id)
                .select_from(lk.join(other, other.c.id == theirs)).where(mine.in_(chunk))
            )
            for r in self.session.execute(stmt).all():
                out.append((r.id, {
                    "id": r.id, "mine": r.mine, "relation": r.relation, "direction": direction,
                    "origin": r.origin, "note": r.note, "claimant_id": r.claimant_id,
                    "claim": {"id": r.oid, "text": r.text, "kind": r.kind, "state": r.state,
                              "verdict": r.verdict, "language": r.language, "claimant": None},
                }))
        out.sort(key=lambda t: (t[0], t[1]["direction"] != "outgoing"))
        return [d for _, d in out]

    def _evidence(self, chunk: list[int]) -> list[tuple[int, dict[str, Any]]]:
        e, ce, o = T_EV, T_CE, T_OUTLET
        stmt = (
            sa.select(*EVIDENCE_COLS, ce.c.claim_id, raw(ce.c.stance), ce.c.note.label("ce_note"),
                      ce.c.created_by_id.label("ce_by"), raw(ce.c.created_at).label("ce_at"), o.c.name.label("outlet"))
            .select_from(e.join(ce, ce.c.evidence_id == e.c.id).outerjoin(o, o.c.id == e.c.outlet_id))
            .where(ce.c.claim_id.in_(chunk)).order_by(ce.c.id)
        )
        rel, cred = self.labels["reliability_labels"], self.labels["credibility_labels"]
        out = []
        for r in self.session.execute(stmt).mappings().all():
            out.append((r["claim_id"], {
                "id": r["id"], "title": r["title"], "kind": r["kind"], "url": r["url"],
                "document_id": r["document_id"], "file": r["file_path"], "sha256": r["sha256"],
                "excerpt": r["excerpt"], "anchor": r["anchor"], "outlet": r["outlet"], "stance": r["stance"],
                "note": r["ce_note"], "grade": f"{r['reliability']}{r['credibility']}",
                "reliability": r["reliability"], "reliability_label": rel.get(r["reliability"]),
                "credibility": r["credibility"], "credibility_label": cred.get(str(r["credibility"])),
                "retrieved_at": iso(r["retrieved_at"]), "added_by": self.analysts.get(r["ce_by"]),
                "added_at": iso(r["ce_at"]),
                **({"start": r["excerpt_start"], "end": r["excerpt_end"]} if r["excerpt_start"] is not None else {}),
            }))
        self._excerpt_context([d for _, d in out])
        return out

    def _excerpt_context(self, items: list[dict[str, Any]], width: int = 120) -> None:
        """`context_before`/`context_after`: the document text around excerpts anchored by offsets."""
        anchored = [d for d in items if d["document_id"] is not None and d.get("start") is not None]
        if not anchored:
            return
        ids = sorted({d["document_id"] for d in anchored})
        texts = dict(self.session.execute(sa.select(T_DOC.c.id, T_DOC.c.text).where(T_DOC.c.id.in_(ids))).all())
        for d in anchored:
            text = texts.get(d["document_id"]) or ""
            d["context_before"] = " ".join(text[max(0, d["start"] - width):d["start"]].split())
            d["context_after"] = " ".join(text[d["end"]:d["end"] + width].split())

    def _comments(self, chunk: list[int]) -> list[tuple[int, dict[str, Any]]]:
        c = T_COMMENT
        stmt = sa.select(c.c.id, c.c.claim_id, c.c.analyst_id, c.c.body, raw(c.c.created_at)).where(
            c.c.claim_id.in_(chunk)).order_by(c.c.id)
        return [(r["claim_id"], {"id": r["id"], "by": self.analysts.get(r["analyst_id"]), "at": iso(r["created_at"]),
                                 "body": r["body"]})
                for r in self.session.execute(stmt).mappings().all()]

    def _events(self, chunk: list[int]) -> list[tuple[int, dict[str, Any]]]:
        stmt = sa.select(*EVENT_COLS).where(T_EVENT.c.claim_id.in_(chunk)).order_by(T_EVENT.c.id)
        out = []
        changes = self._changes
        for eid, cid, at, handle, entity, entity_id, action, rationale, before, after, h in \
                self.session.execute(stmt).all():
            before, after = _json(before), _json(after)
            out.append((cid, {
                "id": eid, "at": iso(at), "analyst": handle, "entity": entity, "entity_id": entity_id,
                "action": action, "rationale": rationale, "changes": changes(before, after),
                "before": before, "after": after, "hash": h,
            }))
        return out

    def _changes(self, before: dict[str, Any] | None, after: dict[str, Any] | None) -> list[dict[str, Any]]:
        b, a = before or {}, after or {}
        out = []
        for key in dict.fromkeys([*b, *a]) if b else a:
            if key == "version" or key == "evidence":
                continue
            old: Any = b.get(key)
            new: Any = a.get(key)
            if old == new:
                continue
            if key in ANALYST_FIELDS:
                old, new = self.analysts.get(old, old), self.analysts.get(new, new)
            out.append({"field": key, "from": plain(old), "to": plain(new)})
        return out
