"""Cross-document denial links: a new denial against earlier claims by other parties.

Candidates come from blocking on the denial's object terms (the rarest first, never a full scan),
within a reporting window before the denial. They are scored by `claimtrack.extract.links` with
rarity weights from the database, and must clear a stricter bar than links inside one article: the
denied object itself (not just shared context) and either the accused party, the denier named, or the
same event: a specific body or person (not a country) both name, with three of the denied object's less
common terms («نفي مندوبين من أوبك وجود أي نية لعقد اجتماع طارئ» against «احتمال عقد اجتماع طارئ لأوبك»).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from claimtrack.extract import links
from claimtrack.extract.base import ActorRef, ExtractedClaim
from claimtrack.extract.gazetteer import gazetteer
from claimtrack.models import Actor, Appearance, Claim, ClaimKind, ClaimLink, Document, LinkRelation, table_of
from claimtrack.text import fold
from claimtrack.tracking.features import content_terms
from claimtrack.tracking.keys import MAX_KEY, KeyIndex

WINDOW_DAYS = 30
CROSS_CAP = 2
CROSS_MARGIN = 0.12  # added to the threshold across documents
MIN_OBJECT = 0.7  # the denied head term, or most of the denied object, must be in the candidate
EVENT_TERMS = 3  # object terms a candidate must share with the denial to count as the same event
EVENT_RARITY = 0.45  # ... each at least this rare (a term held by about 1 claim in 60 or fewer on a 6,000-claim day)


def _parties(conn: Connection, actor_ids: set[int]) -> dict[int, links.Party]:
    """Linker parties (names up the affiliation chain, name stems) for these actors."""
    t = table_of(Actor)
    rows = {r.id: r for r in conn.execute(sa.select(t.c.id, t.c.canonical_name, t.c.name_ar, t.c.name_en, t.c.title,
                                                    t.c.affiliation_id).where(t.c.id.in_(actor_ids)))}
    parents = {r.affiliation_id for r in rows.values() if r.affiliation_id and r.affiliation_id not in rows}
    if parents:
        rows |= {r.id: r for r in conn.execute(sa.select(t.c.id, t.c.canonical_name, t.c.name_ar, t.c.name_en,
                                                         t.c.title, t.c.affiliation_id).where(t.c.id.in_(parents)))}
    out = {}
    for aid in actor_ids:
        p, cur, depth = links.Party(), rows.get(aid), 0
        while cur is not None and depth < 3:
            for n in (cur.canonical_name, cur.name_ar, cur.name_en):
                if n:
                    p.names.add(fold(n))
                    p.stems |= content_terms(n)
            cur, depth = rows.get(cur.affiliation_id), depth + 1
        p.stems -= links._ROLE_WORDS | links._NAME_PARTS
        out[aid] = p
    return out


def cross_document_denials(conn: Connection, keys: KeyIndex, *, ex: ExtractedClaim, claimant_id: int,
                           document_id: int, day: date | None, threshold: float,
                           cap: int = CROSS_CAP) -> list[tuple[int, dict[str, Any]]]:
    """Earlier claims in other documents that the denial `ex` rejects, best first, with evidence."""
    text = ex.text or ex.quote
    p = links.profile(text, ex.claimant, ex.claimant_surface)
    block = [f"t:{t}" for t in sorted(p.object_terms)]
    found = [cid for cid, n in keys.candidates(conn, block, limit=40) if n >= 2 or (p.head and len(block) <= 2)]
    if not found:
        return []
    c, a, d = table_of(Claim), table_of(Appearance), table_of(Document)
    stmt = (sa.select(c.c.id, c.c.text, c.c.kind, c.c.claimant_id, c.c.merged_into_id, sa.func.min(d.c.published))
            .join(a, a.c.claim_id == c.c.id).join(d, d.c.id == a.c.document_id)
            .where(c.c.id.in_(found), a.c.document_id != document_id, c.c.claimant_id != claimant_id)
            .group_by(c.c.id))
    rows = [r for r in conn.execute(stmt) if _kind(r.kind) not in links.NOT_TARGETS and _in_window(r[5], day)]
    if not rows:
        return []
    parties = _parties(conn, {r.claimant_id for r in rows if r.claimant_id is not None})
    rarity = keys.rarity(conn, block)
    named = _specific_entities(text)
    scored = []
    for r in rows:
        s, ev = links.score(p, r.text, parties.get(r.claimant_id, links.Party()), lambda t: rarity.get(f"t:{t}", 0.5))
        event = _same_event(named, r.text, ev, rarity)
        if ev.get("object", 0) >= MIN_OBJECT and (ev.get("party_match") or ev.get("names_denier") or event):
            scored.append((r.merged_into_id or r.id, s, {**ev, **({"event": event} if event else {}),
                                                         "scope": "earlier document"}))
    return links.select(scored, threshold + CROSS_MARGIN, cap)


def _term_rarity(rarity: dict[str, float]) -> Callable[[str], float]:
    """The linker's rarity of a term, from the rarity of its `t:` key (0.5 when unknown)."""
    return lambda t: rarity.get(f"t:{t}", 0.5)


def _specific_entities(text: str) -> set[str]:
    """Gazetteer ids of the bodies and people a text names; countries are too broad to pin an event."""
    return {e.id for e in gazetteer().mentions(text) if e.kind != "country"}


def _same_event(named: set[str], text: str, evidence: dict[str, Any], rarity: dict[str, float]) -> list[str]:
    """The specific entities (not countries) the denial and the candidate both name, when the candidate also
    asserts at least EVENT_TERMS of the denied object's less common terms (the same event: «اجتماع طارئ
    لأوبك»); else []."""
    rare = [t for t in evidence.get("object_terms", ()) if rarity.get(f"t:{t}", 0.5) >= EVENT_RARITY]
    if len(rare) < EVENT_TERMS or not named:
        return []
    return sorted(named & _specific_entities(text))


def _kind(value: Any) -> str:
    return value.value if hasattr(value, "value") else str(value)


def _in_window(published: date | None, day: date | None) -> bool:
    """The candidate was published up to WINDOW_DAYS before the denial (unknown dates pass)."""
    if published is None or day is None:
        return True
    return day - timedelta(days=WINDOW_DAYS) <= published <= day


@dataclass(slots=True)
class KnownDenial:
    """A denial already stored, as a later claim is checked against it."""

    claim_id: int
    document_id: int | None
    claimant_id: int | None
    day: date | None
    profile: links.DenialProfile
    named: set[str]  # the specific entities it names (`_specific_entities`)
    block: list[str]  # the `t:` keys of its denied object
    index_keys: list[str]  # the rarest of them: a claim sharing two (or one, for a short object) is a candidate
    targets: set[int] = field(default_factory=set)  # claims it denies (in any document)
    across: int = 0  # how many of them are in other documents (at most the cap)
    best: float = 0.0  # its best cross-document link score


class DenialIndex:
    """Denials stored before the claims they answer, by the rare terms of their denied objects: a claim
    ingested after a denial of it (earlier in the batch, or in an earlier run) still gets the denial's link,
    scored as `cross_document_denials` scores it, within the denial's cap. Denials of earlier runs are
    read from the database once per publication day of the new documents (those published in the
    reporting window after it, or undated)."""

    def __init__(self) -> None:
        self._by_key: dict[str, list[KnownDenial]] = {}
        self._ids: set[int] = set()
        self._days: set[date | None] = set()

    def clear(self) -> None:
        self._by_key.clear()
        self._ids.clear()
        self._days.clear()

    def add(self, conn: Connection, keys: KeyIndex, d: KnownDenial) -> None:
        if d.claim_id in self._ids:
            return
        self._ids.add(d.claim_id)
        d.index_keys = keys.rare_keys(conn, d.block)
        for k in d.index_keys:
            self._by_key.setdefault(k, []).append(d)

    def new(self, conn: Connection, keys: KeyIndex, *, claim_id: int, document_id: int, claimant_id: int | None,
            day: date | None, text: str, claimant: ActorRef, surface: str, linked: list[tuple[int, dict[str, Any]]],
            targets: set[int]) -> None:
        """Index a denial just stored, with the cross-document links it got (`linked`) and all its targets."""
        p = links.profile(text, claimant, surface)
        self.add(conn, keys, KnownDenial(claim_id, document_id, claimant_id, day, p, _specific_entities(text),
                                         [f"t:{t}" for t in sorted(p.object_terms)], [], targets | {t for t, _e in linked},
                                         len(linked), max((e["score"] for _t, e in linked), default=0.0)))

    def candidates(self, conn: Connection, keys: KeyIndex, terms: Iterable[str], day: date | None,
                   document_id: int) -> list[KnownDenial]:
        """The indexed denials a claim (of `document_id`) with these content terms may answer."""
        self._load(conn, keys, day, document_id)
        shared: dict[int, int] = {}
        found: dict[int, KnownDenial] = {}
        for t in terms:
            for d in self._by_key.get(f"t:{t}"[:MAX_KEY], ()):
                shared[d.claim_id] = shared.get(d.claim_id, 0) + 1
                found[d.claim_id] = d
        return [d for cid, d in found.items() if shared[cid] >= 2 or (d.profile.head and len(d.block) <= 2)]

    def _load(self, conn: Connection, keys: KeyIndex, day: date | None, document_id: int) -> None:
        if day in self._days:
            return
        self._days.add(day)
        for d in _stored_denials(conn, day, document_id):
            self.add(conn, keys, d)


def _stored_denials(conn: Connection, day: date | None, document_id: int) -> list[KnownDenial]:
    """Denials in the database published in the reporting window after `day` (or undated), with their links;
    not those of `document_id`, being stored (`DenialIndex.new` indexes them)."""
    c, a, d, lk = table_of(Claim), table_of(Appearance), table_of(Document), table_of(ClaimLink)
    published = sa.func.min(d.c.published)
    stmt = (sa.select(c.c.id, c.c.text, c.c.claimant_id, sa.func.min(a.c.document_id), published,
                      sa.func.min(a.c.claimant_surface))
            .join(a, a.c.claim_id == c.c.id).join(d, d.c.id == a.c.document_id)
            .where(c.c.kind == ClaimKind.denial, a.c.document_id != document_id).group_by(c.c.id))
    if day is not None:
        stmt = stmt.having(sa.or_(published.is_(None), published.between(day, day + timedelta(days=WINDOW_DAYS))))
    rows = conn.execute(stmt).all()
    if not rows:
        return []
    refs = _actor_refs(conn, {r.claimant_id for r in rows if r.claimant_id is not None})
    linked: dict[int, list[tuple[int, float | None]]] = {}  # (target, score when across documents)
    for src, tgt, ev in conn.execute(sa.select(lk.c.source_id, lk.c.target_id, lk.c.evidence).where(
            lk.c.relation == LinkRelation.denies, lk.c.source_id.in_([r.id for r in rows]))):
        across = (ev or {}).get("scope") in ("earlier document", "later document")
        linked.setdefault(src, []).append((tgt, float((ev or {}).get("score", 0.0)) if across else None))
    out = []
    for r in rows:
        p = links.profile(r.text, refs.get(r.claimant_id) or ActorRef("unknown"), r[5] or "")
        got = linked.get(r.id, [])
        scores = [s for _t, s in got if s is not None]
        out.append(KnownDenial(r.id, r[3], r.claimant_id, r[4], p, _specific_entities(r.text),
                               [f"t:{t}" for t in sorted(p.object_terms)], [], {t for t, _s in got}, len(scores),
                               max(scores, default=0.0)))
    return out


def _actor_refs(conn: Connection, actor_ids: set[int]) -> dict[int, ActorRef]:
    """ActorRefs (names, title, affiliation chain) of stored actors, as a denial's profile reads its denier."""
    t = table_of(Actor)
    rows: dict[int, Any] = {}
    wanted = set(actor_ids)
    for _depth in range(4):
        wanted -= set(rows)
        if not wanted:
            break
        for r in conn.execute(sa.select(t.c.id, t.c.canonical_name, t.c.kind, t.c.name_ar, t.c.name_en, t.c.aliases,
                                        t.c.title, t.c.affiliation_id).where(t.c.id.in_(sorted(wanted)))):
            rows[r.id] = r
        wanted = {r.affiliation_id for r in rows.values() if r.affiliation_id and r.affiliation_id not in rows}

    def ref(aid: int | None, depth: int = 0) -> ActorRef | None:
        r = rows.get(aid) if aid is not None else None
        if r is None or depth > 4:
            return None
        return ActorRef(r.canonical_name, _kind(r.kind), r.name_ar, r.name_en, list(r.aliases or []), r.title,
                        ref(r.affiliation_id, depth + 1))

    return {aid: found for aid in actor_ids if (found := ref(aid)) is not None}


def later_claim_denials(conn: Connection, keys: KeyIndex, index: DenialIndex, *, text: str, terms: Iterable[str],
                        kind: str, target_id: int, claimant_id: int, document_id: int, day: date | None,
                        threshold: float, cap: int = CROSS_CAP) -> list[tuple[int, dict[str, Any]]]:
    """Denials stored earlier, in other documents, that reject this newly stored claim: (denial claim id,
    evidence), with the bar, cap and relative cut `cross_document_denials` applies."""
    if kind in links.NOT_TARGETS:
        return []
    found = [d for d in index.candidates(conn, keys, terms, day, document_id)
             if d.document_id != document_id and d.claimant_id != claimant_id and _in_window(day, d.day)
             and target_id not in d.targets and d.across < cap]
    if not found:
        return []
    party: links.Party | None = None  # read for the first denial whose object the claim asserts
    out = []
    for d in found:
        rarity = keys.rarity(conn, d.block)
        if links.object_share(d.profile, text, _term_rarity(rarity)) < MIN_OBJECT:
            continue  # `score` could not pass the bar below
        if party is None:
            party = _parties(conn, {claimant_id}).get(claimant_id, links.Party())
        s, ev = links.score(d.profile, text, party, _term_rarity(rarity))
        event = _same_event(d.named, text, ev, rarity)
        if ev.get("object", 0) < MIN_OBJECT or not (ev.get("party_match") or ev.get("names_denier") or event):
            continue
        kept = links.select([(d, s, {**ev, **({"event": event} if event else {}), "scope": "later document"})],
                            threshold + CROSS_MARGIN, 1)
        if kept and s >= d.best * links.RELATIVE_CUT:
            d.targets.add(target_id)
            d.across += 1
            d.best = max(d.best, s)
            out.append((d.claim_id, kept[0][1]))
    return out
