"""Realistic synthetic data: N claims with everything around them, written in bulk.

    python bench/synth.py DB_PATH_OR_URL [-n 1000000] [--seed 7]
    python bench/synth.py --pg [-n 200000]          # a throwaway PostgreSQL server, like the tests'

Vocabulary, sentence lengths, article lengths, outlets and claimant names are learnt at run time from
../shared/corpus (bench/corpus_model.py); no corpus text is stored in the repository. Half the
documents are Arabic. The generator writes, in realistic proportions:

- outlets (the corpora's publishers) and documents whose text holds every appearance at its offsets;
- actors with aliases, Arabic/English names and affiliations, claimants drawn Zipf-like;
- claims with kinds, check-worthiness, tags, event dates, and a workflow that obeys workflow.py
  (verdicts have evidence, reviewers are not investigators), some merged as duplicates;
- repeated claims (one claim, several appearances in other outlets' documents);
- denial links to the claims they deny, and a few manual links;
- graded evidence (Admiralty code) with stances, comments, analysts;
- a valid hash-chained audit log (`claimtrack audit verify` passes).

Rows go in through the driver (sqlite3 executemany, PostgreSQL COPY) with secondary indexes and the
full-text index built once at the end.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import corpus_model  # noqa: E402
from bulk import BulkWriter, open_writer  # noqa: E402

from claimtrack import search  # noqa: E402
from claimtrack.audit import event_hash  # noqa: E402

START = date(2021, 1, 1)
DAYS = 1400
KINDS = (("statement", 70), ("denial", 8), ("assessment", 10), ("prediction", 6), ("call", 6))
STATES = (("new", 840), ("triaged", 50), ("investigating", 30), ("in_review", 10), ("published", 25),
          ("dismissed", 40), ("reopened", 5))
VERDICTS = (("false", 25), ("mostly_false", 15), ("misleading", 15), ("mixed", 10), ("mostly_true", 10),
            ("true", 15), ("unverifiable", 10))
RELIABILITY = (("A", 5), ("B", 25), ("C", 35), ("D", 20), ("E", 10), ("F", 5))
CREDIBILITY = ((1, 10), (2, 30), (3, 30), (4, 15), (5, 10), (6, 5))
ROLES = ("admin", "reviewer", "reviewer", "analyst", "analyst", "analyst", "analyst", "analyst", "analyst",
         "analyst", "viewer", "viewer")
REPEAT_SHARE = 0.15  # of appearances that repeat an earlier claim in another document
TAG_SHARE = 0.06


def weighted(pairs: tuple[tuple[Any, int], ...]) -> tuple[list[Any], list[int]]:
    values, weights = zip(*pairs, strict=True)
    cum, total = [], 0
    for w in weights:
        total += w
        cum.append(total)
    return list(values), cum


def draw(rng: random.Random, table: tuple[list[Any], list[int]], k: int) -> list[Any]:
    return rng.choices(table[0], cum_weights=table[1], k=k)


def ts(value: datetime) -> str:
    """A UTC timestamp as SQLAlchemy's SQLite DATETIME stores it (and PostgreSQL parses)."""
    return value.isoformat(" ", "microseconds")[:26]


@dataclass
class Counts:
    """Rows written, by table."""

    rows: dict[str, int] = field(default_factory=dict)

    def add(self, table: str, n: int) -> None:
        self.rows[table] = self.rows.get(table, 0) + n


class Vocab:
    """Sentence pools per language (walks over the corpus bigrams); claims splice two of them."""

    def __init__(self, models: dict[str, corpus_model.Language], rng: random.Random, pool: int) -> None:
        self.models = models
        self.pool = {code: [m.sentence(rng) for _ in range(pool)] for code, m in models.items()}
        self.words = {code: [s.split() for s in sents] for code, sents in self.pool.items()}

    def claim_text(self, rng: random.Random, lang: str) -> str:
        """A new sentence: the head of one pooled sentence and the tail of another (clause length)."""
        words = self.words[lang]
        a, b = rng.choice(words), rng.choice(words)
        cut_a = rng.randint(2, max(2, min(len(a), 18)))
        cut_b = rng.randint(0, max(0, len(b) - 3))
        out = a[:cut_a] + b[cut_b:cut_b + rng.randint(3, 22)]
        return " ".join(out)

    def filler(self, rng: random.Random, lang: str) -> str:
        return rng.choice(self.pool[lang])


class People:
    """Outlets, actors (with aliases and affiliations) and analysts, drawn from the corpora's names."""

    def __init__(self, models: dict[str, corpus_model.Language], rng: random.Random, base: dict[str, int]) -> None:
        self.outlets: dict[str, tuple[list[int], list[int]]] = {}
        self.outlet_rows: list[tuple[Any, ...]] = []
        self.actor_rows: list[tuple[Any, ...]] = []
        self.actors: dict[str, tuple[list[int], list[int]]] = {}
        self.names: dict[int, tuple[str, ...]] = {}
        oid, aid = base["outlet"], base["actor"]
        grades = "ABCCDDE"
        for code, m in models.items():
            ids, weights = [], []
            for name, n in m.outlets.most_common():
                oid += 1
                self.outlet_rows.append((oid, f"{name} [{base['tag']}]" if base["tag"] else name, "[]",
                                         None, "SA" if code == "ar" else "US", rng.choice(grades)))
                ids.append(oid)
                weights.append(n)
            self.outlets[code] = (ids, _cumulative(weights))
            ids, weights = [], []
            orgs: list[int] = []
            for surface, n in m.claimants.most_common(2500):
                aid += 1
                canonical = f"{surface} [{base['tag']}]" if base["tag"] else surface
                aliases = _aliases(surface, code)
                person = code == "en" and len(surface.split()) >= 2 or code == "ar" and rng.random() < 0.5
                kind = "person" if person else rng.choice(("organisation", "government", "country"))
                affiliation = rng.choice(orgs) if person and orgs and rng.random() < 0.3 else None
                if not person:
                    orgs.append(aid)
                self.actor_rows.append((aid, canonical, canonical if code == "ar" else None,
                                        canonical if code == "en" else None, json.dumps(aliases, ensure_ascii=False),
                                        kind, affiliation))
                self.names[aid] = (canonical,)
                ids.append(aid)
                weights.append(n)
            self.actors[code] = (ids, _cumulative(weights))
        self.analyst_rows = [(base["analyst"] + i + 1, f"analyst{base['tag']}{i + 1}", None, role)
                             for i, role in enumerate(ROLES)]
        self.analyst_ids = [r[0] for r in self.analyst_rows]
        self.handles = {r[0]: r[1] for r in self.analyst_rows}
        self.reviewers = [r[0] for r in self.analyst_rows if r[3] in ("reviewer", "admin")]
        self.workers = [r[0] for r in self.analyst_rows if r[3] == "analyst"]


def _cumulative(weights: list[int]) -> list[int]:
    out, total = [], 0
    for w in weights:
        total += w
        out.append(total)
    return out


def _aliases(surface: str, lang: str) -> list[str]:
    words = surface.split()
    out = []
    if lang == "en" and len(words) >= 2:
        out.append(words[-1])
    if lang == "ar" and words[0].startswith("ال") and len(words[0]) > 3:
        out.append(" ".join([words[0][2:], *words[1:]]))
    return out


@dataclass
class Batch:
    """Rows for one transaction."""

    document: list[tuple[Any, ...]] = field(default_factory=list)
    claim: list[tuple[Any, ...]] = field(default_factory=list)
    appearance: list[tuple[Any, ...]] = field(default_factory=list)
    claim_link: list[tuple[Any, ...]] = field(default_factory=list)
    evidence: list[tuple[Any, ...]] = field(default_factory=list)
    claim_evidence: list[tuple[Any, ...]] = field(default_factory=list)
    comment: list[tuple[Any, ...]] = field(default_factory=list)
    event: list[tuple[Any, ...]] = field(default_factory=list)


COLUMNS = {
    "outlet": ("id", "name", "aliases", "domain", "country", "reliability"),
    "actor": ("id", "canonical_name", "name_ar", "name_en", "aliases", "kind", "affiliation_id"),
    "analyst": ("id", "handle", "display_name", "role", "created_at"),
    "document": ("id", "outlet_id", "title", "url", "language", "published", "published_precision", "text",
                 "sha256", "origin", "origin_name", "source_format", "meta", "ingested_at", "ingested_by_id"),
    "claim": ("id", "text", "language", "kind", "state", "verdict", "rationale", "checkworthiness",
              "checkworthiness_features", "claimant_id", "assignee_id", "investigator_id", "reviewer_id", "tags",
              "event_date", "event_date_precision", "first_seen", "merged_into_id", "search_text", "published_at",
              "created_at", "updated_at", "version"),
    "appearance": ("id", "claim_id", "document_id", "claimant_id", "claimant_surface", "cue", "quote", "prefix",
                   "suffix", "start", "end", "direct_quote", "stated_on", "stated_on_precision",
                   "extractor_version", "confidence", "created_at"),
    "claim_link": ("id", "source_id", "target_id", "relation", "origin", "note", "evidence", "created_by_id",
                   "created_at"),
    "evidence": ("id", "title", "kind", "url", "document_id", "excerpt", "outlet_id", "reliability", "credibility",
                 "retrieved_at", "created_by_id", "created_at"),
    "claim_evidence": ("id", "claim_id", "evidence_id", "stance", "note", "created_by_id", "created_at"),
    "comment": ("id", "claim_id", "analyst_id", "body", "created_at"),
    "event": ("id", "at", "analyst_id", "analyst_handle", "entity", "entity_id", "claim_id", "action", "before",
              "after", "rationale", "prev_hash", "hash"),
}
CUES = {"ar": ("قال", "أكد", "أعلن", "نفى", "أوضح", "أضاف"), "en": ("said", "told", "claimed", "denied", "argued")}


class Generator:
    """Writes documents with their claims, appearances, links, evidence, comments and events."""

    def __init__(self, writer: BulkWriter, n: int, seed: int, quiet: bool) -> None:
        self.writer, self.n, self.quiet = writer, n, quiet
        self.rng = random.Random(seed)
        t = time.perf_counter()
        models = corpus_model.load()
        self.vocab = Vocab(models, self.rng, pool=max(2000, min(40_000, n // 10)))
        self.base = writer.bases()
        self.people = People(models, self.rng, self.base)
        self.ids = {k: v for k, v in self.base.items() if k != "tag"}
        self.prev_hash = writer.last_event_hash()
        self.kinds, self.states, self.verdicts = weighted(KINDS), weighted(STATES), weighted(VERDICTS)
        self.reliability, self.credibility = weighted(RELIABILITY), weighted(CREDIBILITY)
        self.beta = [round(self.rng.betavariate(2, 5), 4) for _ in range(4096)]  # check-worthiness, skewed low
        self.recent: dict[str, list[tuple[int, int, str]]] = {"ar": [], "en": []}  # (claim, actor, text)
        self.counts = Counts()
        self.tags = {code: sorted({w for s in self.vocab.words[code][:300] for w in s if len(w) > 4})[:40]
                     for code in ("ar", "en")}
        self.learn_seconds = time.perf_counter() - t
        self.insert_seconds = 0.0

    def next_id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def event(self, batch: Batch, at: datetime, analyst: int | None, entity: str, entity_id: int | None,
              claim_id: int | None, action: str, before: dict[str, Any] | None = None,
              after: dict[str, Any] | None = None, rationale: str | None = None) -> None:
        handle = self.people.handles.get(analyst) if analyst else None
        row = {"at": at, "analyst_handle": handle, "entity": entity, "entity_id": entity_id, "claim_id": claim_id,
               "action": action, "before": before, "after": after, "rationale": rationale}
        digest = event_hash(self.prev_hash, row)
        batch.event.append((self.next_id("event"), ts(at), analyst, handle, entity, entity_id, claim_id, action,
                            None if before is None else json.dumps(before, ensure_ascii=False),
                            None if after is None else json.dumps(after, ensure_ascii=False), rationale,
                            self.prev_hash, digest))
        self.prev_hash = digest

    # --- the whole run ----------------------------------------------------------------------------

    def run(self) -> Counts:
        w, p = self.writer, self.people
        t0 = time.perf_counter()
        w.begin_load()
        w.insert("outlet", COLUMNS["outlet"], p.outlet_rows)
        w.insert("actor", COLUMNS["actor"], p.actor_rows)
        setup = Batch()
        created = datetime.combine(START, datetime.min.time(), tzinfo=UTC) - timedelta(days=30)
        w.insert("analyst", COLUMNS["analyst"], [(*r, ts(created)) for r in p.analyst_rows])
        for r in p.analyst_rows:
            self.event(setup, created, r[0], "analyst", r[0], None, "create", after={"handle": r[1], "role": r[3]})
        self.flush(setup)
        w.commit()
        done = 0
        per_day = max(1, self.n // DAYS)
        while done < self.n:
            batch = Batch()
            goal = min(self.n, done + 20_000)
            while done < goal:
                done += self.document(batch, min(goal - done, self.claims_per_doc()), done // per_day)
            self.flush(batch)
            w.commit()
            if not self.quiet:
                rate = done / (time.perf_counter() - t0)
                print(f"\r{done:,} claims ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
        self.insert_seconds = round(time.perf_counter() - t0, 2)
        if not self.quiet:
            print(f"\nindexes and full-text index ({self.insert_seconds:.1f}s)", file=sys.stderr)
        w.end_load()
        return self.counts

    def claims_per_doc(self) -> int:
        return max(1, min(30, int(self.rng.gauss(8, 4))))

    def flush(self, batch: Batch) -> None:
        for table in ("document", "claim", "appearance", "claim_link", "evidence", "claim_evidence", "comment",
                      "event"):
            rows = getattr(batch, table)
            if rows:
                self.writer.insert(table, COLUMNS[table], rows)
                self.counts.add(table, len(rows))

    # --- one document -----------------------------------------------------------------------------

    def document(self, batch: Batch, k: int, day: int) -> int:
        """One document with k appearances (most of them new claims); returns the new claims made."""
        rng, p = self.rng, self.people
        lang = "ar" if rng.random() < 0.5 else "en"
        published = START + timedelta(days=min(day, DAYS - 1))
        ingested = datetime.combine(published, datetime.min.time(), tzinfo=UTC) + timedelta(
            hours=8, seconds=rng.randrange(36_000))
        doc_id = self.next_id("document")
        outlet = rng.choices(p.outlets[lang][0], cum_weights=p.outlets[lang][1])[0]
        actors = rng.choices(p.actors[lang][0], cum_weights=p.actors[lang][1], k=k)
        parts: list[str] = []
        pos = 0
        spans: list[tuple[int, int, int, str, str]] = []  # claim id or 0, actor, start, quote, cue
        new_claims: list[tuple[int, int, str]] = []
        recent = self.recent[lang]
        for actor in actors:
            filler = self.vocab.filler(rng, lang) + ". "
            if recent and rng.random() < REPEAT_SHARE:  # another outlet reports an earlier claim
                claim_id, actor, quote = rng.choice(recent)
            else:
                claim_id, quote = 0, self.vocab.claim_text(rng, lang)
            cue = rng.choice(CUES[lang])
            lead = f"{filler}{p.names[actor][0]} {cue}: "
            parts.append(lead)
            pos += len(lead)
            spans.append((claim_id, actor, pos, quote, cue))
            parts.append(quote + ". ")
            pos += len(quote) + 2
        text = "".join(parts)
        stamp = ts(ingested)
        title = self.vocab.claim_text(rng, lang)[:120]
        batch.document.append((doc_id, outlet, title, f"https://example.org/{lang}/{doc_id}", lang,
                               published.isoformat(), "day", text, f"{doc_id:064x}",
                               None, f"synth-{doc_id}.txt", "txt", "{}", stamp, p.analyst_ids[0]))
        seen = ts(datetime.combine(published, datetime.min.time()))
        made: list[int] = []
        for claim_id, actor, start, quote, cue in spans:
            if claim_id == 0:
                claim_id = self.next_id("claim")
                made.append(claim_id)
                new_claims.append((claim_id, actor, quote))
            batch.appearance.append((self.next_id("appearance"), claim_id, doc_id, actor, p.names[actor][0], cue,
                                     quote, text[max(0, start - 32):start], text[start + len(quote):start + len(quote) + 32],
                                     start, start + len(quote), rng.random() < 0.4, published.isoformat(), "day",
                                     "synth", round(rng.uniform(0.5, 1.0), 3), stamp))
        links = self.claims(batch, new_claims, lang, seen, stamp, published)
        self.event(batch, ingested, p.analyst_ids[0], "document", doc_id, None, "ingest",
                   after={"origin": f"synth-{doc_id}.txt", "sha256": batch.document[-1][8], "title": title,
                          "claims": made, "links": links})
        self.work(batch, new_claims, ingested)
        recent.extend(new_claims)
        if len(recent) > 5000:
            del recent[:2500]
        return len(made)

    def claims(self, batch: Batch, new: list[tuple[int, int, str]], lang: str, seen: str, at: str,
               published: date) -> list[dict[str, Any]]:
        """Claim rows for the document's new claims; denials get a link to what they deny."""
        rng, p = self.rng, self.people
        kinds = draw(rng, self.kinds, len(new))
        links = []
        recent = self.recent[lang]
        for (claim_id, actor, quote), kind in zip(new, kinds, strict=True):
            tags = json.dumps(rng.sample(self.tags[lang], rng.randint(1, 2)), ensure_ascii=False) \
                if rng.random() < TAG_SHARE else "[]"
            event_date = (published.isoformat(), "day") if rng.random() < 0.3 else (None, None)
            batch.claim.append([claim_id, quote, lang, kind, "new", "unrated", None,
                                self.beta[int(rng.random() * 4096)], "{}", actor, None, None, None, tags, *event_date,
                                seen, None, search.search_text(quote, *p.names[actor]), None, at, at, 1])
            if kind == "denial" and recent:
                target, target_actor, _ = rng.choice(recent)
                if target_actor != actor:
                    batch.claim_link.append((self.next_id("claim_link"), claim_id, target, "denies", "auto", None,
                                             '{"reason": "synthetic"}', None, at))
                    links.append({"source": claim_id, "relation": "denies", "target": target})
        return links

    # --- the analysts' work on some claims --------------------------------------------------------

    def work(self, batch: Batch, new: list[tuple[int, int, str]], at: datetime) -> None:
        """Move some claims through the workflow, with the evidence, comments and events it takes."""
        rng = self.rng
        states = draw(rng, self.states, len(new))
        by_id = {row[0]: row for row in batch.claim[-len(new):]} if new else {}
        for (claim_id, _actor, _quote), state in zip(new, states, strict=True):
            if state == "new":
                continue
            row = by_id[claim_id]
            when = at + timedelta(minutes=rng.randint(5, 600))
            self.walk(batch, row, state, when)
        if new and rng.random() < 0.02 and len(self.recent["ar"]) + len(self.recent["en"]) > 10:
            self.merge_one(batch, by_id, at)

    def walk(self, batch: Batch, row: list[Any], target: str, when: datetime) -> None:
        rng, p = self.rng, self.people
        claim_id = row[0]
        worker = rng.choice(p.workers)
        path = {"triaged": ["triaged"], "dismissed": ["dismissed"], "investigating": ["triaged", "investigating"],
                "in_review": ["triaged", "investigating", "in_review"],
                "published": ["triaged", "investigating", "in_review", "published"],
                "reopened": ["triaged", "investigating", "in_review", "published", "reopened"]}[target]
        row[10] = worker  # assignee
        for state in path:
            if state == "in_review":
                self.verdict(batch, row, worker, when)
            before = self.snapshot(row)
            if state == "investigating":
                row[11] = worker
            if state == "published":
                row[12] = rng.choice([r for r in p.reviewers if r != row[11]])
                row[19] = ts(when)
            row[4] = state
            row[22] += 1
            by = row[12] if state in ("published", "reopened") else worker
            self.event(batch, when, by, "claim", claim_id, claim_id, "set_state", before, self.snapshot(row))
            when += timedelta(minutes=rng.randint(1, 240))
            if rng.random() < 0.3:
                self.comment(batch, claim_id, by, row[2], when)
        row[21] = ts(when)

    def verdict(self, batch: Batch, row: list[Any], worker: int, when: datetime) -> None:
        rng = self.rng
        verdict = draw(rng, self.verdicts, 1)[0]
        if verdict != "unverifiable" or rng.random() < 0.5:
            for _ in range(rng.randint(1, 3)):
                self.evidence(batch, row[0], verdict, worker, when)
        before = self.snapshot(row)
        row[5], row[6], row[11] = verdict, self.vocab.claim_text(rng, row[2]), worker
        row[22] += 1
        self.event(batch, when, worker, "claim", row[0], row[0], "set_verdict", before, self.snapshot(row), row[6])

    def evidence(self, batch: Batch, claim_id: int, verdict: str, by: int, when: datetime) -> None:
        rng = self.rng
        ev_id = self.next_id("evidence")
        kind = rng.choices(("url", "document", "note"), weights=(60, 20, 20))[0]
        doc = rng.randint(self.base["document"] + 1, self.ids["document"]) if kind == "document" else None
        url = f"https://example.org/source/{ev_id}" if kind == "url" else None
        grade = draw(rng, self.reliability, 1)[0], draw(rng, self.credibility, 1)[0]
        excerpt = self.vocab.filler(rng, "en" if rng.random() < 0.5 else "ar")[:200]
        batch.evidence.append((ev_id, excerpt[:60], kind, url, doc, excerpt, None, grade[0], grade[1], ts(when), by,
                               ts(when)))
        stance = ("refutes" if "false" in verdict or verdict == "misleading" else "supports") \
            if rng.random() < 0.8 else "context"
        batch.claim_evidence.append((self.next_id("claim_evidence"), claim_id, ev_id, stance, None, by, ts(when)))
        self.event(batch, when, by, "evidence", ev_id, claim_id, "add",
                   after={"kind": kind, "stance": stance, "grade": f"{grade[0]}{grade[1]}", "url": url, "file": None,
                          "document_id": doc, "excerpt": excerpt})

    def comment(self, batch: Batch, claim_id: int, by: int, lang: str, when: datetime) -> None:
        body = self.vocab.filler(self.rng, lang)
        comment_id = self.next_id("comment")
        batch.comment.append((comment_id, claim_id, by, body, ts(when)))
        self.event(batch, when, by, "comment", comment_id, claim_id, "create", after={"body": body})

    def merge_one(self, batch: Batch, by_id: dict[int, list[Any]], at: datetime) -> None:
        """Merge one new claim into an earlier one by the same claimant language (a duplicate)."""
        rng = self.rng
        row = rng.choice(list(by_id.values()))
        keep = rng.choice(self.recent[row[2]])[0] if self.recent[row[2]] else None
        if keep is None or keep == row[0] or row[4] != "new":
            return
        by = rng.choice(self.people.workers)
        before = self.snapshot(row)
        row[17], row[22] = keep, row[22] + 1
        batch.claim_link.append((self.next_id("claim_link"), row[0], keep, "duplicate_of", "manual", None, "{}", by,
                                 ts(at)))
        self.event(batch, at, by, "claim", row[0], row[0], "merge", before, self.snapshot(row))

    @staticmethod
    def snapshot(row: list[Any]) -> dict[str, Any]:
        return {"state": row[4], "verdict": row[5], "rationale": row[6], "assignee_id": row[10],
                "investigator_id": row[11], "reviewer_id": row[12], "tags": json.loads(row[13]),
                "merged_into_id": row[17], "version": row[22]}


def generate(target: str, n: int, seed: int = 7, quiet: bool = False) -> dict[str, Any]:
    """Write n claims (and everything around them) into the database at `target`; returns a summary."""
    t0 = time.perf_counter()
    with open_writer(target) as writer:
        gen = Generator(writer, n, seed, quiet)
        counts = gen.run()
        size = writer.size_bytes()
        steps = {"generate and insert": gen.insert_seconds, **writer.steps}
    seconds = time.perf_counter() - t0
    summary = {"claims": n, "seconds": round(seconds, 1), "learn_seconds": round(gen.learn_seconds, 1),
               "steps": steps, "rows": counts.rows, "db_bytes": size, "bytes_per_claim": round(size / max(1, n)),
               "vocabulary": {c: m.vocabulary for c, m in gen.vocab.models.items()}}
    if not quiet:
        print(f"{n:,} claims in {seconds:.1f}s; {size / 1e6:,.0f} MB, {size / max(1, n):,.0f} bytes per claim",
              file=sys.stderr)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?", help="SQLite path or SQLAlchemy URL")
    parser.add_argument("-n", type=int, default=1_000_000, help="claims to insert")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--pg", action="store_true", help="start a throwaway PostgreSQL server (like the tests')")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args()
    if args.pg:
        from bulk import throwaway_postgres

        with throwaway_postgres() as url:
            summary = generate(url, args.n, seed=args.seed)
    elif args.db:
        summary = generate(args.db, args.n, seed=args.seed)
    else:
        parser.error("give a database (path or URL) or --pg")
    if args.json:
        print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
