"""Cross-document denial links: a new denial against earlier claims by other parties.

Candidates come from blocking on the denial's object terms (the rarest first, never a full scan),
within a reporting window before the denial. They are scored by `claimtrack.extract.links` with
rarity weights from the database, and must clear a stricter bar than links inside one article: the
denied object itself (not just shared context) and either the accused party, the denier named, or the
same event: a specific body or person (not a country) both name, with three of the denied object's less
common terms («نفي مندوبين من أوبك وجود أي نية لعقد اجتماع طارئ» against «احتمال عقد اجتماع طارئ لأوبك»).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from claimtrack.extract import links
from claimtrack.extract.base import ExtractedClaim
from claimtrack.extract.gazetteer import gazetteer
from claimtrack.models import Actor, Appearance, Claim, Document, table_of
from claimtrack.text import fold
from claimtrack.tracking.features import content_terms
from claimtrack.tracking.keys import KeyIndex

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
        p.stems -= links._ROLE_WORDS
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
