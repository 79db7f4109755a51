"""Evidence finder: the passages of other documents that support, refute or mention a claim.

Query: the claim's rarer words (analysed like search), its numbers, the entities it names and its claimant,
each entity also in its other-language forms from the gazetteer (شويغو → Shoigu, كوريا الشمالية → DPRK).
Candidates come from the passage index (FTS5 on SQLite, GIN on PostgreSQL); each is scored by BM25
(computed here, the same on both databases) plus entity, number and date agreement, source type
(a transcript or official statement above a report), the outlet's reliability and the time window.
Every result carries its reasons and a stance *hint* (supports, refutes, mentions): the analyst decides.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlmodel import Session, col, select

from claimtrack.analysis import QueryTerm, is_root, query_terms, words
from claimtrack.models import (
    Actor,
    Appearance,
    Claim,
    ClaimLink,
    Document,
    LinkRelation,
    Outlet,
    Passage,
    id_column,
)
from claimtrack.search import fts5_expression, tsquery_expression
from claimtrack.text import fold

MAX_GROUPS = 14  # query words kept (the rarest)
CANDIDATES = 200  # passages taken from the index per query (BM25 computed for each)
RESCORED = 60  # the best of them by BM25 get every other signal
PG_RANKED = 1500  # PostgreSQL: matches ranked per query
DF_CAP = 3000  # document frequencies are counted up to this
MIN_WORD = 3
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_TRANSCRIPT = re.compile(r"briefing|transcript|remarks|press conference|interview|hearing|مؤتمر صحفي|"
                         r"إيجاز|نص كلمة|مقابلة", re.IGNORECASE)
_OFFICIAL = re.compile(r"\.gov\b|spa\.gov\.sa|statement|بيان", re.IGNORECASE)
_DENIAL_CUES = tuple(fold(w) for w in (
    "نفى", "نفت", "ينفي", "تنفي", "نفي", "أنكر", "ينكر", "كذب", "تكذيب", "غير صحيح", "عار عن الصحة",
    "لا أساس", "مزاعم", "ادعاءات", "deny", "denied", "denies", "denial", "false", "untrue", "baseless",
    "not true", "rejected", "refuted", "no evidence"))
RELIABILITY_SCORE = {"A": 1.0, "B": 0.8, "C": 0.6, "D": 0.4, "E": 0.2, "F": 0.5}
WEIGHTS = {"bm25": 0.4, "entities": 0.15, "numbers": 0.1, "time": 0.2, "source": 0.1, "reliability": 0.05}
DAYS_BEFORE = 30  # a passage this many days before the claim was seen scores 0 on time
DAYS_AFTER = 7  # later passages (follow-ups, not sources) fade faster


@dataclass
class ClaimQuery:
    """What is searched for: analysed word groups, entities (with all their names), numbers, a date."""

    groups: list[tuple[QueryTerm, ...]]  # the claim's own words
    name_groups: list[tuple[QueryTerm, ...]]  # the words of the entities' names, in every language
    entities: list[tuple[str, tuple[str, ...]]]  # (label "Shoigu = شويغو", folded names in any language)
    concepts: list[tuple[str, tuple[tuple[str, ...], ...]]]  # glossary words: (label, forms as key terms)
    numbers: set[str]
    when: date | None
    exclude_documents: set[int]
    claim_is_denial: bool


@dataclass
class FoundPassage:
    passage_id: int
    document_id: int
    start: int
    end: int
    text: str
    title: str | None
    outlet: str | None
    published: date | None
    language: str
    score: float
    stance: str  # supports | refutes | mentions (a hint)
    reliability: str | None
    reasons: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {"passage_id": self.passage_id, "document_id": self.document_id, "start": self.start,
                "end": self.end, "text": self.text, "title": self.title, "outlet": self.outlet,
                "published": self.published.isoformat() if self.published else None, "language": self.language,
                "score": round(self.score, 4), "stance_hint": self.stance, "reliability": self.reliability,
                "reasons": self.reasons}


# --- the query ----------------------------------------------------------------------------------


def _entities(text: str, claimant: Actor | None) -> list[tuple[str, tuple[str, ...]]]:
    from claimtrack.extract.gazetteer import gazetteer

    gaz = gazetteer()
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for e in gaz.mentions(text):
        names = tuple(dict.fromkeys(fold(n) for n in (e.name_en, e.name_ar, *e.aliases) if n and len(n) >= 3))
        out[e.id] = (f"{e.name_en} = {e.name_ar}", names)
    if claimant is not None:
        entry = gaz.lookup(claimant.canonical_name) or gaz.lookup(claimant.name_en or "") \
            or gaz.lookup(claimant.name_ar or "")
        if entry is None or entry.id not in out:
            names = tuple(dict.fromkeys(fold(n) for n in (claimant.canonical_name, claimant.name_ar,
                                                          claimant.name_en, *claimant.aliases) if n))
            label = " = ".join(dict.fromkeys(n for n in (claimant.name_en or claimant.canonical_name,
                                                          claimant.name_ar) if n))
            out[f"claimant:{claimant.id}"] = (label, names)
    return list(out.values())


def _claim_date(session: Session, claim: Claim) -> date | None:
    stated = session.exec(select(Appearance.stated_on).where(Appearance.claim_id == claim.id)
                          .order_by(Appearance.stated_on)).first()
    if stated and len(stated) == 10:
        return date.fromisoformat(stated)
    return claim.first_seen.date() if claim.first_seen else None


@lru_cache(maxsize=1)
def _glossary() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Key of a glossary phrase → (label "arms = سلاح", the other language's forms), both directions."""
    from importlib import resources

    table: dict[str, tuple[str, tuple[str, ...]]] = {}
    raw = resources.files("claimtrack").joinpath("data/glossary.tsv").read_text("utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ar, en = (tuple(x.strip() for x in side.split(",") if x.strip()) for side in line.split("\t"))
        label = f"{en[0]} = {ar[0]}"
        for side, other in ((ar, en), (en, ar)):
            for phrase in side:
                key = _phrase_key(phrase)
                _, known = table.get(key, (label, ()))
                table[key] = (table.get(key, (label, ()))[0], known + tuple(o for o in other if o not in known))
    return table


def _phrase_key(phrase: str) -> str:
    """A phrase's key: the main term (the most stripped core) of each word."""
    return " ".join(_main_term(w) for w in words(phrase))


def _main_term(word: str) -> str:
    terms = [t.term for t in query_terms(word)[0] if t.prefix]
    return min(terms, key=len) if terms else fold(word)


def _translations(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """(label, other-language forms) for glossary words and two-word phrases of `text`."""
    table = _glossary()
    keys = [_main_term(w) for w in words(text)]
    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for n in (2, 1):
        for i in range(len(keys) - n + 1):
            key = " ".join(keys[i:i + n])
            if key in table and key not in out:
                out[key] = table[key]
    return list(out.values())


def _word_groups(texts: Sequence[str], seen: set[str]) -> list[tuple[QueryTerm, ...]]:
    groups = []
    for w in (w for t in texts for w in words(t)):
        key = fold(w)
        if key in seen or (len(w) < MIN_WORD and not w.isdigit()):
            continue
        seen.add(key)
        group = tuple(t for t in query_terms(w)[0] if not is_root(t.term))
        if group:
            groups.append(group)
    return groups


def build_query(session: Session, claim: Claim) -> ClaimQuery:
    claimant = session.get(Actor, claim.claimant_id) if claim.claimant_id else None
    entities = _entities(claim.text, claimant)
    seen: set[str] = set()
    groups = _word_groups([claim.text], seen)
    translations = _translations(claim.text)
    name_groups = _word_groups([n for _, names in entities for n in names]
                               + [f for _, forms in translations for f in forms], seen)
    docs = set(session.exec(select(Appearance.document_id).where(Appearance.claim_id == claim.id)).all())
    return ClaimQuery(groups=groups, name_groups=name_groups, entities=entities,
                      concepts=[(label, tuple(tuple(_phrase_key(f).split()) for f in forms))
                                for label, forms in translations], numbers=set(_NUMBER.findall(fold(claim.text))),
                      when=_claim_date(session, claim), exclude_documents=docs,
                      claim_is_denial=claim.kind.value == "denial")


# --- retrieval ------------------------------------------------------------------------------------


def _match_sql(dialect: str, limit: int) -> str:
    """Passages matching :q, best first (FTS5's bm25; on PostgreSQL ts_rank over at most PG_RANKED matches,
    since ts_rank re-parses each row's text)."""
    if dialect == "sqlite":
        return ("SELECT rowid FROM passage_fts WHERE passage_fts MATCH :q ORDER BY rank LIMIT " + str(limit))
    return ("SELECT id FROM (SELECT id, search_text FROM passage "
            "WHERE to_tsvector('simple', search_text) @@ to_tsquery('simple', :q) LIMIT " + str(PG_RANKED) + ") m "
            "ORDER BY ts_rank(to_tsvector('simple', search_text), to_tsquery('simple', :q)) DESC LIMIT " + str(limit))


def _postgres_count_sql(limit: int) -> str:
    return ("SELECT id FROM passage WHERE to_tsvector('simple', search_text) @@ to_tsquery('simple', :q) LIMIT "
            + str(limit))


def _expression(dialect: str, groups: Sequence[Sequence[QueryTerm]]) -> str | None:
    if dialect == "sqlite":
        return fts5_expression(groups, op="OR", prefix=False)
    return tsquery_expression(groups, op="|", prefix=False)


def _sqlite_dfs(conn: sa.Connection, terms: Sequence[str]) -> dict[str, int]:
    """Passage frequency of each term, from the FTS5 vocabulary table (one indexed lookup per term)."""
    stmt = sa.text("SELECT term, doc FROM passage_fts_vocab WHERE term IN :terms").bindparams(
        sa.bindparam("terms", expanding=True))
    return dict(conn.execute(stmt, {"terms": list(terms)}).all()) if terms else {}


def _postgres_df(conn: sa.Connection, group: Sequence[QueryTerm]) -> int:
    sql = _postgres_count_sql(DF_CAP)
    return conn.execute(sa.text(f"SELECT count(*) FROM ({sql}) AS m"),
                        {"q": _expression("postgresql", [group])}).scalar_one()


def _own_terms(conn: sa.Connection, exclude: set[int]) -> list[set[str]]:
    """The term sets of the passages of the claim's own documents."""
    if not exclude:
        return []
    stmt = sa.text("SELECT search_text FROM passage WHERE document_id IN :docs").bindparams(
        sa.bindparam("docs", expanding=True))
    return [set(t.split()) for (t,) in conn.execute(stmt, {"docs": sorted(exclude)})]


def _group_dfs(conn: sa.Connection, dialect: str, groups: Sequence[tuple[QueryTerm, ...]],
               own: list[set[str]]) -> list[tuple[tuple[QueryTerm, ...], int, int]]:
    """(group, passage frequency, frequency outside the claim's own documents) for each group."""
    if dialect == "sqlite":
        dfs = _sqlite_dfs(conn, sorted({t.term for g in groups for t in g}))
        totals = [max((dfs.get(t.term, 0) for t in g), default=0) for g in groups]
    else:
        totals = [_postgres_df(conn, g) for g in groups]
    out = []
    for g, df in zip(groups, totals, strict=True):
        inside = sum(1 for terms in own if any(t.term in terms for t in g))
        out.append((g, df, df - inside))
    return out


def _rare_groups(conn: sa.Connection, dialect: str, q: ClaimQuery) -> list[tuple[tuple[QueryTerm, ...], int]]:
    """The rarest of the claim's words and of the entities' names that occur outside its own documents."""
    own = _own_terms(conn, q.exclude_documents)
    picked = []
    for groups in (q.groups, q.name_groups):
        counted = _group_dfs(conn, dialect, groups, own)
        kept = sorted(((g, df) for g, df, outside in counted if outside > 0 and df < DF_CAP), key=lambda x: x[1])
        picked += kept[:MAX_GROUPS]
    return picked


@dataclass
class _Candidate:
    passage_id: int
    document_id: int
    start: int
    end: int
    terms: list[str]


def _candidates(session: Session, q: ClaimQuery, language: str) -> tuple[list[_Candidate], dict[str, float]]:
    conn = session.connection()
    dialect = conn.dialect.name
    rare = _rare_groups(conn, dialect, q)
    if not rare:
        return [], {}
    ids = list(conn.execute(sa.text(_match_sql(dialect, CANDIDATES * 2)),
                            {"q": _expression(dialect, [g for g, _ in rare])}).scalars())
    if not ids:
        return [], {}
    stmt = (sa.select(id_column(Passage), col(Passage.document_id), col(Passage.start), col(Passage.end),
                      col(Passage.search_text))
            .join(Document, col(Document.id) == Passage.document_id)
            .where(col(Passage.id).in_(ids), col(Passage.document_id).not_in(q.exclude_documents or {-1})))
    if language != "any":
        stmt = stmt.where(col(Document.language) == language)
    order = {pid: i for i, pid in enumerate(ids)}  # keep the index's ranking
    rows = sorted(conn.execute(stmt).all(), key=lambda r: order[r[0]])[:CANDIDATES]
    total = conn.execute(sa.text("SELECT max(id) FROM passage")).scalar_one() or 1
    idf: dict[str, float] = {}
    for g, df in rare:
        weight = math.log(1 + (total - df + 0.5) / (df + 0.5))
        for t in g:
            idf[t.term] = max(idf.get(t.term, 0.0), weight)
    return [_Candidate(r[0], r[1], r[2], r[3], r[4].split()) for r in rows], idf


def _bm25(terms: list[str], idf: dict[str, float], avg_len: float, k1: float = 1.2, b: float = 0.75) -> float:
    counts: dict[str, int] = {}
    for t in terms:
        if t in idf:
            counts[t] = counts.get(t, 0) + 1
    norm = k1 * (1 - b + b * len(terms) / avg_len)
    return sum(idf[t] * c * (k1 + 1) / (c + norm) for t, c in counts.items())


# --- scoring ----------------------------------------------------------------------------------------


def source_type(doc: Any) -> str:
    """transcript, official or report, from the document's title, origin and url."""
    hay = " ".join(x for x in (doc.title, doc.origin_name, doc.url, " ".join(doc.meta.get("tags", []))
                               if isinstance(doc.meta.get("tags"), list) else str(doc.meta.get("tags") or ""))
                   if x)
    if _TRANSCRIPT.search(hay):
        return "transcript"
    return "official" if _OFFICIAL.search(hay) else "report"


def _time_score(when: date | None, published: date | None) -> float:
    if when is None or published is None:
        return 0.3
    days = (published - when).days
    return max(0.0, 1.0 - (-days / DAYS_BEFORE if days <= 0 else days / DAYS_AFTER))


def _stance(text: str, linked: str | None, claim_is_denial: bool, strong: bool) -> str:
    if linked:
        return linked
    denial = any(cue in text for cue in _DENIAL_CUES)
    if denial:
        return "supports" if claim_is_denial else "refutes"
    return "supports" if strong else "mentions"


def _linked_stances(session: Session, claim_id: int, doc_ids: set[int]) -> dict[tuple[int, int, int], str]:
    """(document, start, end) of appearances of claims linked to this one → the stance the link implies."""
    refuting = {LinkRelation.denies, LinkRelation.contradicts}
    rows = session.exec(select(ClaimLink).where(sa.or_(col(ClaimLink.source_id) == claim_id,
                                                       col(ClaimLink.target_id) == claim_id))).all()
    out: dict[tuple[int, int, int], str] = {}
    for link in rows:
        other = link.target_id if link.source_id == claim_id else link.source_id
        stance = "refutes" if link.relation in refuting else "supports" if link.relation in (
            LinkRelation.supports, LinkRelation.repeats, LinkRelation.duplicate_of) else None
        if stance is None:
            continue
        for app in session.exec(select(Appearance).where(Appearance.claim_id == other,
                                                         col(Appearance.document_id).in_(doc_ids))).all():
            out[(app.document_id, app.start, app.end)] = stance
    return out


def _score_one(c: _Candidate, text: str, doc: sa.Row, outlet: tuple[str, str | None] | None, q: ClaimQuery,
               bm25: float, top: float, linked: str | None) -> FoundPassage:
    folded = fold(text)
    ents = [label for label, names in q.entities if any(n in folded for n in names)]
    terms = set(c.terms)
    concepts = [label for label, forms in q.concepts if any(all(t in terms for t in f) for f in forms)]
    possible = len(q.entities) + len(q.concepts)
    nums = sorted(n for n in q.numbers if re.search(rf"(?<![\d.]){re.escape(n)}(?![\d])", folded))
    kind = source_type(doc)
    rel = outlet[1] if outlet else None
    tscore = _time_score(q.when, doc.published)
    signals = {"bm25": bm25 / top, "entities": (len(ents) + len(concepts)) / possible if possible else 0.0,
               "numbers": len(nums) / len(q.numbers) if q.numbers else 0.0, "time": tscore,
               "source": {"transcript": 1.0, "official": 0.7}.get(kind, 0.3),
               "reliability": RELIABILITY_SCORE.get(rel or "F", 0.5)}
    score = sum(WEIGHTS[k] * v for k, v in signals.items())
    reasons = [*ents, *concepts, *nums]
    if doc.published and tscore > 0:
        reasons.append(doc.published.isoformat())
    reasons += [kind, f"BM25 {bm25:.1f}"] + ([f"outlet {rel}"] if rel else [])
    stance = _stance(folded, linked, q.claim_is_denial, signals["bm25"] >= 0.6 and signals["entities"] >= 0.5)
    return FoundPassage(c.passage_id, c.document_id, c.start, c.end, text, doc.title, outlet[0] if outlet else None,
                        doc.published, doc.language, score, stance, rel, reasons)


def _documents(session: Session, ids: set[int]) -> dict[int, sa.Row]:
    """Document metadata (not the text) by id."""
    stmt = sa.select(col(Document.id), col(Document.title), col(Document.url), col(Document.origin_name),
                     col(Document.meta), col(Document.published), col(Document.language), col(Document.outlet_id))
    return {r.id: r for r in session.connection().execute(stmt.where(col(Document.id).in_(ids))).all()}


def _passage_texts(session: Session, cands: Sequence[_Candidate]) -> dict[int, str]:
    """The exact text of each passage, cut from its document by the database."""
    start, end = col(Passage.start), col(Passage.end)
    stmt = (sa.select(col(Passage.id), sa.func.substr(col(Document.text), start + 1, end - start))
            .join(Document, col(Document.id) == Passage.document_id)
            .where(col(Passage.id).in_([c.passage_id for c in cands])))
    return dict(session.connection().execute(stmt).all())


def find(session: Session, claim_id: int, *, limit: int = 10, language: str = "any") -> list[FoundPassage]:
    """Ranked passages from documents other than the claim's own appearances."""
    claim = session.get(Claim, claim_id)
    if claim is None:
        from claimtrack.services import NotFoundError

        raise NotFoundError(f"no claim with id {claim_id}")
    q = build_query(session, claim)
    cands, idf = _candidates(session, q, language)
    if not cands:
        return []
    avg = sum(len(c.terms) for c in cands) / len(cands)
    raw = {c.passage_id: _bm25(c.terms, idf, avg) for c in cands}
    cands = sorted(cands, key=lambda c: -raw[c.passage_id])[:RESCORED]
    top = max(raw.values()) or 1.0
    docs = _documents(session, {c.document_id for c in cands})
    outlets = {r[0]: (r[1], r[2]) for r in session.connection().execute(
        sa.select(col(Outlet.id), col(Outlet.name), col(Outlet.reliability)).where(
            col(Outlet.id).in_({d.outlet_id for d in docs.values() if d.outlet_id}))).all()}
    texts = _passage_texts(session, cands)
    links = _linked_stances(session, claim_id, set(docs))
    found = []
    for c in cands:
        linked = next((s for (d, a, b), s in links.items() if d == c.document_id and a < c.end and b > c.start), None)
        doc = docs[c.document_id]
        found.append(_score_one(c, texts[c.passage_id], doc, outlets.get(doc.outlet_id), q, raw[c.passage_id], top,
                                linked))
    found.sort(key=lambda f: (-f.score, f.passage_id))
    return found[:limit]


def excerpt_in_context(session: Session, evidence: object, width: int = 80) -> tuple[str, str, str] | None:
    """(before, excerpt, after) for evidence anchored by offsets in a document, else None."""
    start, end = getattr(evidence, "excerpt_start", None), getattr(evidence, "excerpt_end", None)
    doc_id = getattr(evidence, "document_id", None)
    if start is None or end is None or doc_id is None:
        return None
    doc = session.get(Document, doc_id)
    if doc is None:
        return None
    squash = lambda t: " ".join(t.split())  # noqa: E731
    return squash(doc.text[max(0, start - width):start]), doc.text[start:end], squash(doc.text[end:end + width])
