"""Benchmark: render a 10,000-claim dossier (with evidence, appearances, links, comments and history).

Usage: python bench/reports.py [--claims N] [--db FILE]
Builds its own SQLite database in a temp dir with bulk inserts, then times every format writing to a file.
Targets (reports issue): html <= 5 s, json <= 2 s, csv <= 1 s for 10,000 claims.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"html": 5.0, "json": 2.0, "csv": 1.0}

AR_WORDS = "قال الوزير إن الاقتصاد نما بنسبة العام الماضي ونفت المعارضة الأرقام الرسمية بشأن النمو والتضخم".split()
EN_WORDS = "the minister said economy grew percent last year opposition denied official figures growth".split()


def populate(engine, n: int, seed: int = 7) -> None:  # type: ignore[no-untyped-def]
    """n claims, each with 1-2 appearances, 1-2 pieces of evidence, 4 events; 10% denials, 20% commented."""
    from claimtrack.models import (
        Actor,
        Analyst,
        Appearance,
        Claim,
        ClaimEvidence,
        ClaimLink,
        Comment,
        Document,
        Event,
        Evidence,
        Outlet,
    )

    rnd = random.Random(seed)
    now = datetime(2024, 1, 1, tzinfo=UTC)
    verdicts = ["true", "mostly_true", "mixed", "mostly_false", "false", "misleading", "unverifiable", "unrated"]
    states = ["new", "triaged", "investigating", "in_review", "published", "dismissed"]

    def text(lang: str, k: int = 12) -> str:
        return " ".join(rnd.choice(AR_WORDS if lang == "ar" else EN_WORDS) for _ in range(k))

    def ins(table, rows: list[dict]) -> None:  # type: ignore[no-untyped-def]
        if rows:
            conn.execute(table.__table__.insert(), rows)

    with engine.begin() as conn:
        ins(Analyst, [{"id": i, "handle": h, "role": r, "created_at": now}
                      for i, (h, r) in enumerate([("amal", "admin"), ("omar", "analyst"), ("rana", "reviewer")], 1)])
        ins(Outlet, [{"id": i, "name": f"Outlet {i}", "aliases": [], "reliability": "B"} for i in range(1, 21)])
        ins(Actor, [{"id": i, "canonical_name": f"Actor {i}", "name_ar": f"الجهة {i}", "name_en": f"Actor {i}",
                     "aliases": [], "kind": "person" if i > 10 else "government",
                     "affiliation_id": (i % 10) + 1 if i > 10 else None} for i in range(1, 201)])
        n_docs = max(1, n // 20)
        ins(Document, [{"id": i, "outlet_id": i % 20 + 1, "title": f"Article {i}", "url": f"https://news.example/{i}",
                        "language": "ar" if i % 2 else "en", "published": date(2023, 1, 1) + timedelta(days=i % 365),
                        "published_precision": "day", "text": text("ar", 200), "sha256": f"{i:064x}",
                        "origin_name": f"a{i}.txt", "meta": {}, "ingested_at": now} for i in range(1, n_docs + 1)])
        claims, apps, evs, ces, links, comments, events = [], [], [], [], [], [], []
        prev = ""
        for cid in range(1, n + 1):
            lang = "ar" if cid % 2 else "en"
            body = text(lang)
            state = rnd.choice(states)
            # a claim in review or published always carries a rated verdict (the workflow guarantees it)
            verdict = rnd.choice(verdicts[:-1] if state in ("in_review", "published") else verdicts)
            claims.append({"id": cid, "text": body, "language": lang, "kind": "denial" if cid % 10 == 0 else "statement",
                           "state": state, "verdict": verdict,
                           "rationale": text(lang, 30), "checkworthiness": 0.5, "checkworthiness_features": {},
                           "claimant_id": rnd.randint(11, 200), "investigator_id": 2, "reviewer_id": 3,
                           "tags": ["economy"] if cid % 3 == 0 else [], "event_date": "2023",
                           "first_seen": now, "search_text": body, "created_at": now, "updated_at": now, "version": 3})
            for k in range(1 + cid % 2):
                start = 10 * k
                apps.append({"claim_id": cid, "document_id": rnd.randint(1, n_docs), "claimant_id": claims[-1]["claimant_id"],
                             "claimant_surface": "الوزير", "cue": "قال", "quote": body, "start": start + cid * 7,
                             "end": start + cid * 7 + len(body), "stated_on": "2023-05-01", "confidence": 0.9,
                             "extractor_version": "bench", "created_at": now, "direct_quote": False})
            for _ in range(1 + cid % 2):
                eid = len(evs) + 1
                evs.append({"id": eid, "title": f"Source {eid}", "kind": "url", "url": f"https://evidence.example/{eid}",
                            "excerpt": text(lang, 20), "reliability": rnd.choice("ABCDEF"), "credibility": rnd.randint(1, 6),
                            "created_by_id": 2, "created_at": now, "retrieved_at": now})
                ces.append({"claim_id": cid, "evidence_id": eid, "stance": rnd.choice(["supports", "refutes", "context"]),
                            "created_by_id": 2, "created_at": now})
            if cid % 10 == 0:
                links.append({"source_id": cid, "target_id": cid - 1, "relation": "denies", "origin": "auto",
                              "evidence": {}, "created_at": now})
            if cid % 5 == 0:
                comments.append({"claim_id": cid, "analyst_id": 3, "body": text(lang, 15), "created_at": now})
            for j, (action, before, after) in enumerate([
                ("create", None, {"text": body, "kind": "statement"}),
                ("set_state", {"state": "new"}, {"state": "investigating", "investigator_id": 2}),
                ("add", None, {"kind": "url", "stance": "refutes", "grade": "B2"}),
                ("set_verdict", {"verdict": "unrated"}, {"verdict": "false", "rationale": "r"}),
            ]):
                h = hashlib.sha256(f"{prev}{cid}{j}".encode()).hexdigest()
                events.append({"at": now, "analyst_id": 2, "analyst_handle": "omar", "entity": "claim", "entity_id": cid,
                               "claim_id": cid, "action": action, "before": before, "after": after, "prev_hash": prev,
                               "hash": h})
                prev = h
        for table, rows in ((Claim, claims), (Appearance, apps), (Evidence, evs), (ClaimEvidence, ces),
                            (ClaimLink, links), (Comment, comments), (Event, events)):
            ins(table, rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--claims", type=int, default=10_000)
    ap.add_argument("--db", help="database file (default: a temp file)")
    ap.add_argument("--formats", default="html,json,csv,md,pdf-skip")
    a = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from claimtrack import db, migrations
    from claimtrack.reports import write_export, write_report

    out: dict[str, object] = {"claims": a.claims}
    with tempfile.TemporaryDirectory() as tmp:
        target = a.db or str(Path(tmp) / "bench.db")
        engine = db.make_engine(target)
        migrations.upgrade(engine)
        t0 = time.perf_counter()
        populate(engine, a.claims)
        out["build_s"] = round(time.perf_counter() - t0, 2)
        times: dict[str, float] = {}
        cpu: dict[str, float] = {}
        sizes: dict[str, int] = {}
        for fmt in [f for f in a.formats.split(",") if f and not f.endswith("-skip")]:
            path = Path(tmp) / f"dossier.{fmt}"
            with db.session(engine) as s, path.open("w", encoding="utf-8", newline="") as fh:
                t0, c0 = time.perf_counter(), time.process_time()
                write_report(session=s, filt=None, claim_id=None, fmt=fmt, out=fh)
                times[fmt] = round(time.perf_counter() - t0, 2)
                cpu[fmt] = round(time.process_time() - c0, 2)
            sizes[fmt] = path.stat().st_size
        path = Path(tmp) / "claimreview.json"
        with db.session(engine) as s, path.open("w", encoding="utf-8") as fh:
            t0 = time.perf_counter()
            try:
                n = write_export(session=s, fmt="claimreview", out=fh)
            except Exception as exc:  # noqa: BLE001 - synthetic data may hold an unrated published claim
                n = f"refused: {exc}"  # type: ignore[assignment]
            times["claimreview"] = round(time.perf_counter() - t0, 2)
            out["claimreview_records"] = n
        out["seconds"] = times
        out["cpu_seconds"] = cpu
        out["bytes"] = sizes
        out["targets_s"] = TARGETS
        out["ok"] = all(times.get(k, 0) <= v for k, v in TARGETS.items())
        out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        engine.dispose()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
