"""Claim identity at ingest: each new claim is compared with existing claims found by blocking.

A strong match merges the new claim into the existing one (its appearance then counts for the
existing claim; recorded as an `auto_merge` Event, undone with `claimtrack unmerge`); a weaker one is
stored as a Suggestion with its score and signals; a pair once rejected is never suggested again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from claimtrack import bulk_insert
from claimtrack.extract.base import ActorRef
from claimtrack.models import (
    Actor,
    Appearance,
    Claim,
    Document,
    Suggestion,
    SuggestionStatus,
    table_of,
    utcnow,
)
from claimtrack.text import fold
from claimtrack.tracking.features import TextFeatures, content_terms, features
from claimtrack.tracking.keys import KeyIndex, claim_keys
from claimtrack.tracking.matching import (
    GENERIC_SPEAKERS,
    ClaimInfo,
    Speaker,
    decide,
    score_pair,
    speaker_agreement,
    term_weights,
    verdict_floor,
)
from claimtrack.tracking.translit import actor_name_key

ROLE_WORDS = frozenset(content_terms(
    "المتحدث الناطق الرسمي باسم المسؤول مدير رئيس وزير وزارة الامين العام نائب مساعد عضو المقدم العقيد اللواء "
    "العميد الدكتور الشيخ الامير سمو معالي صاحب السمو الملكي فضيلة المهندس الاستاذ spokesman official minister"))
MAX_SUGGESTIONS = 3  # per new claim, best first
CROSS_SUGGESTIONS = 5  # per new claim across languages (related claims: the same statement restated)
FEATURE_CACHE = 100_000


@dataclass(slots=True)
class Thresholds:
    merge: float = 0.85
    suggest: float = 0.6


@dataclass(slots=True)
class Outcome:
    """What tracking did for one document."""

    merged: list[tuple[int, int, float, dict[str, Any]]] = field(default_factory=list)  # (claim, into, score, signals)
    suggested: int = 0


def speaker_of(actor_id: int | None, names: Sequence[str | None], kind: str = "unknown",
               root_id: int | None = None, key: str | None = None) -> Speaker:
    """A Speaker from an actor's names: folded names, distinctive stems, name skeleton, genericness."""
    clean = [n for n in names if n]
    stems: set[str] = set()
    for n in clean:
        stems |= content_terms(n)
    stems -= ROLE_WORDS
    folded = {fold(n) for n in clean}
    generic = not stems or bool({fold(w) for n in clean for w in n.split()} & GENERIC_SPEAKERS and len(stems) <= 1)
    if kind in ("person",) and stems:
        generic = False
    return Speaker(actor_id=actor_id, root_id=root_id, names=folded, stems=stems,
                   key=key or actor_name_key(*clean), generic=generic)


def speaker_from_ref(actor_id: int, ref: ActorRef) -> Speaker:
    names = [ref.canonical, ref.name_ar, ref.name_en, *ref.aliases]
    return speaker_of(actor_id, names, ref.kind)


class Languages:
    """Which language each claim is in, read once per run: the ids of every claim outside the most common
    language (a few) are kept; everything else is in that language."""

    def __init__(self) -> None:
        self.common: str | None = None
        self.other: dict[int, str] = {}
        self.loaded = False

    def load(self, conn: Connection) -> None:
        if self.loaded:
            return
        t = table_of(Claim)
        counts = conn.execute(sa.select(t.c.language, sa.func.count()).group_by(t.c.language)).all()
        self.common = max(counts, key=lambda r: r[1])[0] if counts else None
        if len(counts) > 1:
            self.other = dict(conn.execute(sa.select(t.c.id, t.c.language).where(t.c.language != self.common)).all())
        self.loaded = True

    def add(self, claim_id: int | None, language: str) -> None:
        if self.common is None:
            self.common = language
        if claim_id is not None and language != self.common:
            self.other[claim_id] = language

    def of(self, claim_id: int) -> str | None:
        return self.other.get(claim_id, self.common)

    def mixed(self, language: str) -> bool:
        """Whether any stored claim is in another language than `language`."""
        return language != self.common or any(lang != language for lang in self.other.values())


class Tracker:
    """Matches the claims of each new document against the database. One per ingest run."""

    def __init__(self, thresholds: Thresholds | None = None) -> None:
        self.thresholds = thresholds or Thresholds()
        self.keys = KeyIndex()
        self._speakers: dict[int, Speaker] = {}
        self.last = Outcome()  # what the last `track` call did
        self._features: dict[int, TextFeatures] = {}  # claim id -> features, for claims seen in this run
        self._infos: dict[int, ClaimInfo] = {}  # claims stored in this run, as candidates
        self._fresh: set[int | None] = set()
        self.languages = Languages()

    def features(self, claim_id: int, text: str) -> TextFeatures:
        f = self._features.get(claim_id)
        if f is None:
            if len(self._features) >= FEATURE_CACHE:
                self._features.clear()
            f = self._features[claim_id] = features(text)
        return f

    def clear(self) -> None:
        """Forget cached state (after a rolled-back savepoint)."""
        self.keys.clear()
        self._speakers.clear()
        self._features.clear()
        self._infos.clear()
        self.languages = Languages()

    def speakers(self, conn: Connection, actor_ids: set[int]) -> dict[int, Speaker]:
        missing = [a for a in actor_ids if a not in self._speakers]
        if missing:
            t = table_of(Actor)
            for row in conn.execute(sa.select(t.c.id, t.c.canonical_name, t.c.name_ar, t.c.name_en, t.c.aliases,
                                              t.c.kind, t.c.merged_into_id, t.c.name_key).where(t.c.id.in_(missing))):
                self._speakers[row.id] = speaker_of(row.id, [row.canonical_name, row.name_ar, row.name_en,
                                                             *(row.aliases or [])],
                                                    row.kind.value if hasattr(row.kind, "value") else str(row.kind),
                                                    root_id=row.merged_into_id, key=row.name_key)
        return {a: self._speakers[a] for a in actor_ids if a in self._speakers}

    def track(self, conn: Connection, *, doc_id: int, day: date | None, language: str,
              claims: Sequence[ClaimInfo]) -> Outcome:
        """Match a document's new claims (already inserted, ids set) and store their keys."""
        out = Outcome()
        self._fresh = {c.id for c in claims}  # inserted just now: no suggestion can involve them yet
        feats = [c.features for c in claims]
        for c in claims:
            if c.id is not None:
                self._features[c.id] = c.features
        keys = [claim_keys(f, c.speaker.key) for f, c in zip(feats, claims, strict=True)]
        all_keys = sorted({k for ks in keys for k in ks})
        rarity = self.keys.rarity(conn, all_keys)
        weights = term_weights(rarity)
        least = [1 if len(ks) <= 3 else 2 for ks in keys]  # shared keys a candidate needs
        found = [[(cid, n) for cid, n in cands if n >= 2 or len(ks) <= 3] + self._cross(conn, c.language, ks)
                 for c, ks, cands in zip(claims, keys, self.keys.candidates_many(conn, keys, min_shared=least),
                                         strict=True)]
        existing = self._load(conn, {cid for f in found for cid, _n in f})
        agreement: dict[tuple[int, int], float] = {}  # speaker agreement per pair of Speakers, for the document
        ranked = [self.rank(c, [existing[cid] for cid, _n in cands if cid in existing], rarity, weights, agreement)
                  for c, cands in zip(claims, found, strict=True)]
        kept = _best_per_existing(claims, ranked)
        for c, scored in zip(claims, ranked, strict=True):
            self._match_one(conn, c, scored, kept, out)
        self.keys.add(conn, [(c.id, ks) for c, ks in zip(claims, keys, strict=True)])
        for c in claims:
            self.languages.add(c.id, c.language)
        into = {cid: root for cid, root, _s, _g in out.merged}
        for c in claims:
            if len(self._infos) >= FEATURE_CACHE:
                self._infos.clear()
            self._infos[c.id] = replace(c, id=into.get(c.id, c.id))
        return out

    def rank(self, c: ClaimInfo, cands: list[ClaimInfo], rarity: dict[str, float],
             weights: dict[str, float] | None = None, agreement: dict[tuple[int, int], float] | None = None,
             ) -> list[tuple[bool, float, ClaimInfo, dict[str, Any]]]:
        """(merge?, score, existing claim, signals) for every candidate worth merging or suggesting, best first,
        one per existing claim. `weights`: `term_weights(rarity)`, when already built; `agreement`: speaker
        agreements already computed, by the `id` of both Speakers (kept alive by the caller meanwhile)."""
        scored = []
        if weights is None:
            weights = term_weights(rarity)
        floor = verdict_floor(self.thresholds.merge, self.thresholds.suggest)  # pairs below it are cut short
        if agreement is None:  # candidates share claimants: speaker agreement once per pair of Speakers
            agreement = {}
        own = id(c.speaker)
        for other in cands:
            if other.document_id == c.document_id or other.id == c.id:
                continue
            spk = agreement.get((own, id(other.speaker)))
            if spk is None:
                spk = agreement[(own, id(other.speaker))] = speaker_agreement(c.speaker, other.speaker)
            pair = score_pair(c, other, weights, floor, spk)
            if pair is None:
                continue
            score, signals = pair
            verdict = decide(score, signals, same_language=c.language == other.language,
                             merge_at=self.thresholds.merge, suggest_at=self.thresholds.suggest)
            if verdict:
                scored.append((verdict == "merge", score, other, signals))
        scored.sort(key=lambda x: (-x[0], -x[1]))
        seen: set[int] = set()
        best = []
        for x in scored:
            if x[2].id not in seen:
                seen.add(x[2].id)
                best.append(x)
        return best

    def match(self, conn: Connection, c: ClaimInfo) -> list[tuple[bool, float, ClaimInfo, dict[str, Any]]]:
        """Blocking, loading and ranking for one claim, without writing anything (benchmarks, previews)."""
        keys = claim_keys(c.features, c.speaker.key)
        found = self.keys.candidates(conn, keys)
        existing = self._load(conn, {cid for cid, n in found if n >= 2 or len(keys) <= 3}
                              | {cid for cid, _n in self._cross(conn, c.language, keys)})
        return self.rank(c, list(existing.values()), self.keys.rarity(conn, keys))

    def _cross(self, conn: Connection, language: str, keys: list[str]) -> list[tuple[int, int]]:
        """Candidates in other languages, blocked on the language-neutral keys (none when all is one language)."""
        self.languages.load(conn)
        if not self.languages.mixed(language):
            return []
        of = self.languages.of
        return [(cid, n) for cid, n in self.keys.neutral_candidates(conn, keys, lambda cid: of(cid) != language)
                if n >= 2]

    def _match_one(self, conn: Connection, c: ClaimInfo, scored: list[tuple[bool, float, ClaimInfo, dict[str, Any]]],
                   kept: set[tuple[int | None, int | None]], out: Outcome) -> None:
        if scored and scored[0][0]:
            _merge, score, other, signals = scored[0]
            out.merged.append((c.id, other.id, score, signals))
            scored = scored[1:]  # other claims it may also repeat stay suggestions
        # a claim stored earlier (not one just inserted) may have suggestions already, rejected ones included
        rejected = _rejected(conn, c.id, [o.id for _m, _s, o, _g in scored]) if c.id not in self._fresh else set()
        same = [x for x in scored if x[2].language == c.language][:MAX_SUGGESTIONS]
        cross = [x for i, x in enumerate(y for y in scored if y[2].language != c.language)
                 if i < CROSS_SUGGESTIONS or (c.id, x[2].id) in kept]
        rows = [{"claim_id": c.id, "other_id": o.id, "relation": _relation(sig), "score": s, "signals": sig,
                 "status": SuggestionStatus.open, "created_at": utcnow()}
                for _m, s, o, sig in same + cross if o.id not in rejected]
        if rows:
            bulk_insert.insert(conn, table_of(Suggestion), rows)
            out.suggested += len(rows)

    def _load(self, conn: Connection, ids: set[int]) -> dict[int, ClaimInfo]:
        """Candidate claims (resolved to the claim they are merged into) as ClaimInfo."""
        known = {i: self._infos[i] for i in ids if i in self._infos}
        ids = ids - set(known)
        if not ids:
            return known
        c, a, d = table_of(Claim), table_of(Appearance), table_of(Document)
        rows = conn.execute(sa.select(c.c.id, c.c.text, c.c.kind, c.c.language, c.c.claimant_id, c.c.merged_into_id,
                                      c.c.event_date, sa.func.min(a.c.document_id), sa.func.min(d.c.published))
                            .join(a, a.c.claim_id == c.c.id).join(d, d.c.id == a.c.document_id)
                            .where(c.c.id.in_(ids)).group_by(c.c.id)).all()
        spk = self.speakers(conn, {r.claimant_id for r in rows if r.claimant_id is not None})
        out = known
        for r in rows:
            speaker = spk.get(r.claimant_id) or Speaker(actor_id=None, generic=True)
            kind = r.kind.value if hasattr(r.kind, "value") else str(r.kind)
            out[r.id] = ClaimInfo(id=r.merged_into_id or r.id, text=r.text, kind=kind, language=r.language,
                                  document_id=r[7], speaker=speaker, features=self.features(r.id, r.text), day=r[8],
                                  event_date=r.event_date)
        return out


def _best_per_existing(claims: Sequence[ClaimInfo], ranked: Sequence[list[tuple[bool, float, ClaimInfo, Any]]],
                       per_existing: int = MAX_SUGGESTIONS) -> set[tuple[int | None, int | None]]:
    """(new claim, existing claim) pairs across languages where the new claim is among the existing claim's
    best matches in this document: a restated statement is kept for the claim it restates even when the new
    claim has better-scoring related claims of its own."""
    by_existing: dict[int | None, list[tuple[float, int | None]]] = {}
    for c, scored in zip(claims, ranked, strict=True):
        for _m, score, other, _sig in scored:
            if other.language != c.language:
                by_existing.setdefault(other.id, []).append((score, c.id))
    return {(cid, oid) for oid, lst in by_existing.items()
            for _s, cid in sorted(lst, key=lambda x: -x[0])[:per_existing]}


def apply_merges(conn: Connection, merged: Sequence[tuple[int, int, float, dict[str, Any]]]) -> None:
    """Point each merged new claim at the claim it repeats and refresh that claim's counts."""
    point_merges(conn, merged)
    for root in {r for _c, r, _s, _g in merged}:
        refresh_counts(conn, root)


def point_merges(conn: Connection, merged: Sequence[tuple[int, int, float, dict[str, Any]]]) -> None:
    """Point each merged new claim at the claim it repeats (counts are left to `refresh_counts_many`)."""
    c = table_of(Claim)
    if merged and conn.dialect.name == "sqlite":  # one executemany for all of a document's merges
        bulk_insert.executemany(conn, "UPDATE claim SET merged_into_id = ? WHERE id = ?",
                                [(root, claim_id) for claim_id, root, _score, _signals in merged])
    elif merged:
        conn.execute(sa.update(c).where(c.c.id == sa.bindparam("merged_id")).values(
            merged_into_id=sa.bindparam("root_id")),
            [{"merged_id": claim_id, "root_id": root} for claim_id, root, _score, _signals in merged])


def refresh_counts_many(conn: Connection, roots: Sequence[int], chunk: int = 500) -> None:
    """`refresh_counts` for many claims: one grouped count per chunk and one executemany update."""
    c, a, d = table_of(Claim), table_of(Appearance), table_of(Document)
    roots = sorted(set(roots))
    for i in range(0, len(roots), chunk):
        part = roots[i:i + chunk]
        members = sa.union_all(  # a claim and the claims merged into it, as (root, member)
            sa.select(c.c.id.label("root"), c.c.id.label("member")).where(c.c.id.in_(part)),
            sa.select(c.c.merged_into_id.label("root"), c.c.id.label("member")).where(c.c.merged_into_id.in_(part)),
        ).subquery()
        counts = {r.root: (r.n, r.outlets) for r in conn.execute(
            sa.select(members.c.root, sa.func.count().label("n"), sa.func.count(sa.distinct(sa.func.coalesce(
                d.c.outlet_id, -d.c.id))).label("outlets"))
            .select_from(members.join(a, a.c.claim_id == members.c.member).join(d, d.c.id == a.c.document_id))
            .group_by(members.c.root))}
        conn.execute(sa.update(c).where(c.c.id == sa.bindparam("root_id")).values(
            appearance_count=sa.bindparam("n"), outlet_count=sa.bindparam("outlets")),
            [{"root_id": r, "n": counts.get(r, (0, 0))[0], "outlets": counts.get(r, (0, 0))[1]} for r in part])


def refresh_counts(conn: Connection, root: int) -> None:
    """Recount the appearances and distinct outlets of a claim and everything merged into it."""
    c, a, d = table_of(Claim), table_of(Appearance), table_of(Document)
    group = sa.select(c.c.id).where(sa.or_(c.c.id == root, c.c.merged_into_id == root))
    n, outlets = conn.execute(sa.select(sa.func.count(), sa.func.count(sa.distinct(sa.func.coalesce(
        d.c.outlet_id, -d.c.id)))).select_from(a.join(d, d.c.id == a.c.document_id))
        .where(a.c.claim_id.in_(group))).one()
    conn.execute(sa.update(c).where(c.c.id == root).values(appearance_count=n, outlet_count=outlets))


def _relation(signals: dict[str, Any]) -> str:
    return "duplicate" if signals.get("claimant", 0) >= 0.8 else "related"


def _rejected(conn: Connection, claim_id: int, others: list[int]) -> set[int]:
    """Of `others`, those already suggested with `claim_id` in either direction (any status)."""
    if not others:
        return set()
    t = table_of(Suggestion)
    rows = conn.execute(sa.select(t.c.claim_id, t.c.other_id).where(sa.or_(
        sa.and_(t.c.claim_id == claim_id, t.c.other_id.in_(others)),
        sa.and_(t.c.other_id == claim_id, t.c.claim_id.in_(others))))).all()
    return {r.other_id if r.claim_id == claim_id else r.claim_id for r in rows}


def info(claim_id: int, text: str, kind: str, language: str, document_id: int, speaker: Speaker,
         day: date | None, event_date: str | None, text_features: TextFeatures | None = None) -> ClaimInfo:
    """`text_features`: `features(text)` when already computed (the ingest does it beside extraction)."""
    return ClaimInfo(id=claim_id, text=text, kind=kind, language=language, document_id=document_id,
                     speaker=speaker, features=text_features or features(text), day=day, event_date=event_date)


__all__ = ["Outcome", "Thresholds", "Tracker", "info", "speaker_from_ref", "speaker_of", "TextFeatures"]
