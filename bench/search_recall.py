"""Arabic search recall on labelled query → claim pairs, and query time on a large database.

    python bench/search_recall.py [--db DAY_DB] [--timing-db BIG_DB] [--src CHECKOUT] [--repeat 5]

Recall: `bench/data/search_recall.tsv` lists (query, source, document, surface form). The expected
claims are the claims of that document (seed file name or article url) whose text has the surface form
as a word; a pair is found when every expected claim is among the search results. The day database is
built on first use from the seed and the SaudiNewsNet day (`../shared/corpus`).

Timing: the median time of the queue's first page (50 rows) for each query on `--timing-db` (e.g. made
by `bench/synth.py`). `--src` times another checkout's claimtrack (e.g. main) for a before/after figure.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAIRS = ROOT / "bench" / "data" / "search_recall.tsv"
CORPUS = ROOT.parent / "shared" / "corpus"
TIMING_QUERIES = ["غذاء", "أسلحة", "سلاح", "نفت", "الأرقام", "بالأرقام", "عقوبات", "مستشفى", "الغذ",
                  "arms", "denied", "hospital", "Russia sanctions", "صفقة أسلحة"]


def _load_pairs(path: Path = PAIRS) -> list[tuple[str, str, str, str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            q, source, doc, surface = line.split("\t")
            rows.append((q, source, doc, surface))
    return rows


def build_day_db(path: Path) -> None:
    """Seed (published 2023-08-31) plus the SaudiNewsNet day, through the CLI."""
    exe = [sys.executable, "-m", "claimtrack", "--db", str(path), "ingest"]
    subprocess.run([*exe, str(ROOT / "seeds"), "--published", "2023-08-31"], check=True)
    # the day holds three empty articles, which ingest reports as errors (exit 1): not a failure here
    subprocess.run([*exe, str(CORPUS / "saudinewsnet" / "2015-08-11.json"), "--quiet"], check=False)


def _expected(session, source: str, doc: str, surface: str) -> set[int]:  # noqa: ANN001
    import sqlmodel

    from claimtrack.models import Appearance, Claim, Document

    col = Document.origin_name if source == "seed" else Document.url
    rows = session.exec(sqlmodel.select(Claim.id, Claim.text).join(Appearance, Appearance.claim_id == Claim.id)
                        .join(Document, Document.id == Appearance.document_id).where(col == doc)).all()
    word = re.compile(r"(?<!\w)" + re.escape(surface) + r"(?!\w)")
    return {cid for cid, text in rows if word.search(text)}


def matches(db_path: Path) -> dict[str, list[int]]:
    """Every claim each distinct query of the pairs finds (for the precision cost of a change)."""
    import sqlmodel

    from claimtrack import db, search
    from claimtrack.models import Claim

    engine = db.make_engine(str(db_path))
    out: dict[str, list[int]] = {}
    with db.session(engine) as s:
        for q in dict.fromkeys(p[0] for p in _load_pairs()):
            clause = search.match_clause(engine.dialect.name, q, Claim.id)  # type: ignore[arg-type]
            out[q] = sorted(s.exec(sqlmodel.select(Claim.id).where(clause)).all())
    return out


def compare_matches(before: dict[str, list[int]], after: dict[str, list[int]], db_path: Path) -> None:
    """Print, per query, the claims found after and not before (with their text), and the totals."""
    import sqlmodel

    from claimtrack import db
    from claimtrack.models import Claim

    engine = db.make_engine(str(db_path))
    gained = lost = 0
    with db.session(engine) as s:
        for q, ids in after.items():
            extra = sorted(set(ids) - set(before.get(q, [])))
            gone = set(before.get(q, [])) - set(ids)
            gained, lost = gained + len(extra), lost + len(gone)
            if extra or gone:
                print(f"  {q}: {len(before.get(q, []))} → {len(ids)} claims (+{len(extra)} −{len(gone)})")
            for cid in extra:
                text = s.exec(sqlmodel.select(Claim.text).where(Claim.id == cid)).one()
                print(f"      + #{cid} {text[:110]!r}")
    total_before = sum(len(v) for v in before.values())
    total_after = sum(len(v) for v in after.values())
    print(f"matches over {len(after)} queries: {total_before} → {total_after} (+{gained} −{lost})")


def recall(db_path: Path, pairs_path: Path = PAIRS) -> tuple[int, int, list[str]]:
    """(found, total, misses) over the labelled pairs."""
    import sqlmodel

    from claimtrack import db, search
    from claimtrack.models import Claim

    engine = db.make_engine(str(db_path))
    found, misses = 0, []
    pairs = _load_pairs(pairs_path)
    with db.session(engine) as s:
        for q, source, doc, surface in pairs:
            want = _expected(s, source, doc, surface)
            if not want:
                misses.append(f"{q} → {surface}: no expected claim (check the label)")
                continue
            clause = search.match_clause(engine.dialect.name, q, Claim.id)  # type: ignore[arg-type]
            got = set(s.exec(sqlmodel.select(Claim.id).where(clause, Claim.id.in_(want))).all())  # type: ignore[union-attr]
            if got == want:
                found += 1
            else:
                misses.append(f"{q} → {surface}: {len(got)}/{len(want)}")
    return found, len(pairs), misses


TIMED = {  # what is timed per query: the queue's first page (its default sort: by id), another sort, the count
    "page": lambda s, q, queries: queries.page_claims(session=s, filt=queries.ClaimFilter(search=q), limit=50),
    "newest": lambda s, q, queries: queries.page_claims(session=s, filt=queries.ClaimFilter(search=q), limit=50,
                                                        sort="first_seen", descending=True),
    "count": lambda s, q, queries: queries.count_claims(session=s, filt=queries.ClaimFilter(search=q)),
}


def timing(db_path: str, repeat: int, what: str = "page") -> dict[str, float]:
    """Median ms per query of `what` (`TIMED`: the first queue page of 50 rows by default)."""
    from claimtrack import db, queries

    engine = db.make_engine(db_path)
    out = {}
    with db.session(engine) as s:
        for q in TIMING_QUERIES:
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                TIMED[what](s, q, queries)
                times.append((time.perf_counter() - t0) * 1000)
            out[q] = statistics.median(times)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, default=Path("/tmp/claimtrack-search-day.db"))
    ap.add_argument("--timing-db", help="large database (SQLite path or URL) for query time")
    ap.add_argument("--src", type=Path, default=ROOT, help="checkout whose claimtrack is timed")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--timed", nargs="+", choices=list(TIMED), default=["page"], help="what to time per query")
    ap.add_argument("--no-recall", action="store_true")
    ap.add_argument("--pairs", type=Path, default=PAIRS, help="labelled pairs (TSV; default: %(default)s)")
    ap.add_argument("--save-matches", type=Path, help="write every query's matches (JSON) for --compare")
    ap.add_argument("--compare", type=Path, help="matches saved before a change: print what each query gained")
    args = ap.parse_args()
    sys.path.insert(0, str(args.src))
    if not args.no_recall:
        if not args.db.exists():
            build_day_db(args.db)
        found, total, misses = recall(args.db, args.pairs)
        print(f"recall: {found}/{total} pairs found ({found / total:.1%})")
        for m in misses:
            print("  missed:", m)
        if args.save_matches or args.compare:
            found_now = matches(args.db)
            if args.save_matches:
                args.save_matches.write_text(json.dumps(found_now, ensure_ascii=False), encoding="utf-8")
            if args.compare:
                compare_matches(json.loads(args.compare.read_text(encoding="utf-8")), found_now, args.db)
    for what in args.timed if args.timing_db else []:
        t = timing(args.timing_db, args.repeat, what)
        for q, ms in t.items():
            print(f"  {what:<7} {q:<18} {ms:8.1f} ms")
        print(f"query time ({what}): median {statistics.median(t.values()):.1f} ms, mean {statistics.mean(t.values()):.1f} ms,"
              f" max {max(t.values()):.1f} ms over {len(t)} queries")


if __name__ == "__main__":
    main()
