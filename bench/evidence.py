"""Evidence finder benchmark: cross-language, same-language (labelled) and speed.

    python bench/evidence.py [--cross] [--same] [--speed N_DOCS] [--workdir DIR]

--cross  fresh database with the seed (published 2023-08-31) and the four White House transcripts: for the
         seed's claims by John Kirby or the White House, is a passage of the 2023-08-30 transcript in the top 3,
         and where does the "actively advancing" passage rank for the claim that quotes it.
--same   the SaudiNewsNet day; `bench/data/evidence_labels.tsv` lists claims (article url + words of the
         quote) with the passages of other articles that support them (article url + words of the passage),
         labelled before the finder was written. Reports recall@5 (a labelled passage in the top 5) and MRR
         (first labelled passage in the top 10).
--speed  about N documents from bench/synth.py (CLAIMS_PER_DOC claims each on average), passages rebuilt, then the median and p95 time of
         `find` for 40 claims.
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = ROOT / "bench" / "data" / "evidence_labels.tsv"
CLAIMS_PER_DOC = 6  # about what bench/synth.py draws from the corpus day; the document count is printed
CROSS_CLAIMANTS = ("White House", "John Kirby", "جون كيربي", "كيربي")


def _fresh(path: Path, paths: list[tuple[str, str | None]]) -> tuple[object, float]:
    from datetime import date

    from claimtrack import db, migrations
    from claimtrack.ingest.pipeline import IngestOptions, ingest

    engine = db.make_engine(str(path))
    migrations.upgrade(engine)
    t0 = time.perf_counter()
    for p, published in paths:
        ingest(engine, [p], analyst="bench", opts=IngestOptions(
            published=date.fromisoformat(published) if published else None))
    return engine, time.perf_counter() - t0


def cross_language(workdir: Path) -> None:
    from sqlmodel import select

    from claimtrack import db
    from claimtrack.evidence_finder import find
    from claimtrack.models import Actor, Claim, Document

    engine, _ = _fresh(workdir / "cross.db", [(str(ROOT / "seeds"), "2023-08-31"),
                                               (str(CORPUS / "whitehouse"), None)])
    hits, total, lines = 0, 0, []
    with db.session(engine) as s:
        target = s.exec(select(Document.id).where(Document.published == "2023-08-30")).one()
        rows = s.exec(select(Claim.id, Claim.text, Actor.canonical_name).join(Actor, Actor.id == Claim.claimant_id)
                      .where(Claim.language == "ar").order_by(Claim.id)).all()
        for cid, text, claimant in rows:
            if not any(c in (claimant or "") for c in CROSS_CLAIMANTS):
                continue
            t0 = time.perf_counter()
            found = find(s, cid, limit=3)
            ms = (time.perf_counter() - t0) * 1000
            total += 1
            ok = any(f.document_id == target for f in found)
            hits += ok
            rank = next((i for i, f in enumerate(find(s, cid, limit=10), 1) if "actively advancing" in f.text), None)
            lines.append(f"  claim {cid:3d} {'top3' if ok else 'miss'} advancing-passage rank {rank} "
                         f"{ms:5.0f} ms  {claimant}: {text[:50]}")
    print(f"cross-language: {hits}/{total} Kirby/White House claims have a 2023-08-30 passage in the top 3")
    print("\n".join(lines))


def _norm(text: str) -> str:
    from claimtrack.text import fold

    return " ".join(re.findall(r"\w+", fold(text)))


def _labels() -> dict[tuple[str, str], list[tuple[str, str]]]:
    out: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for line in LABELS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            c_url, c_anchor, _stance, p_url, p_anchor = line.split("\t")
            out.setdefault((c_url, c_anchor), []).append((p_url, p_anchor))
    return out


def same_language(workdir: Path) -> None:
    from sqlmodel import select

    from claimtrack import db
    from claimtrack.evidence_finder import find
    from claimtrack.models import Appearance, Document

    engine, secs = _fresh(workdir / "day.db", [(str(CORPUS / "saudinewsnet" / "2015-08-11.json"), None)])
    with db.session(engine) as s:
        n_docs = len(s.exec(select(Document.id)).all())
        print(f"ingest with the passage index: {n_docs} articles in {secs:.1f}s ({n_docs / secs:.0f} articles/s)")
        url_of = dict(s.exec(select(Document.id, Document.url)).all())
        hits5, rr, times, missing = 0, [], [], 0
        labels = _labels()
        for (c_url, c_anchor), wanted in labels.items():
            apps = s.exec(select(Appearance).join(Document, Document.id == Appearance.document_id)
                          .where(Document.url == c_url)).all()
            claim = next((a.claim_id for a in apps if _norm(c_anchor) in _norm(a.quote)), None)
            if claim is None:
                missing += 1
                continue
            t0 = time.perf_counter()
            found = find(s, claim, limit=10)
            times.append((time.perf_counter() - t0) * 1000)
            good = [i for i, f in enumerate(found, 1) if any(
                url_of[f.document_id] == u and _norm(a) in _norm(f.text) for u, a in wanted)]
            hits5 += bool(good and good[0] <= 5)
            rr.append(1 / good[0] if good else 0.0)
    n = len(rr)
    print(f"same-language: {n} labelled claims ({missing} not found in the database): recall@5 {hits5 / n:.2f}, "
          f"MRR {statistics.mean(rr):.2f}; find median {statistics.median(times):.0f} ms")


def speed(workdir: Path, n_docs: int) -> None:
    import sqlalchemy as sa

    from bench.synth import generate
    from claimtrack import db, passages
    from claimtrack.evidence_finder import find

    path = workdir / f"speed-{n_docs}.db"
    if not path.exists():
        generate(str(path), n_docs * CLAIMS_PER_DOC, quiet=True)
        engine = db.make_engine(str(path))
        t0 = time.perf_counter()
        with engine.begin() as conn:
            count = passages.rebuild(conn)
        print(f"passages: {count:,} built in {time.perf_counter() - t0:.0f}s")
    engine = db.make_engine(str(path))
    rng = random.Random(3)
    with engine.connect() as conn:
        top = conn.execute(sa.text("SELECT max(id) FROM claim")).scalar_one()
        n_docs = conn.execute(sa.text("SELECT count(*) FROM document")).scalar_one()
    ids = [rng.randrange(1, top) for _ in range(40)]
    times = []
    with db.session(engine) as s:
        for cid in ids:
            t0 = time.perf_counter()
            find(s, cid, limit=10)
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    print(f"speed at {n_docs:,} documents: median {statistics.median(times):.0f} ms, "
          f"p95 {times[int(len(times) * 0.95) - 1]:.0f} ms, max {times[-1]:.0f} ms over {len(times)} claims")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cross", action="store_true")
    ap.add_argument("--same", action="store_true")
    ap.add_argument("--speed", type=int, metavar="N_DOCS")
    ap.add_argument("--workdir", type=Path)
    args = ap.parse_args()
    everything = not (args.cross or args.same or args.speed)
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for stale in ("cross.db", "day.db"):
            for f in workdir.glob(stale + "*"):
                f.unlink()
        if args.cross or everything:
            cross_language(workdir)
        if args.same or everything:
            same_language(workdir)
        if args.speed or everything:
            speed(workdir, args.speed or 100_000)


if __name__ == "__main__":
    main()
