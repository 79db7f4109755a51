"""Synthetic corpus: N claims with documents, appearances, outlets and actors, inserted in bulk.

    python bench/synth.py DB_PATH_OR_URL [-n 1000000] [--per-doc 10]

Uses SQLAlchemy Core executemany over the migrated schema (one transaction per batch). Every claim
gets Claim.search_text = claimtrack.search.search_text(text, claimant names), so full-text search
works. On SQLite the FTS5 triggers are dropped during the bulk load and the index is rebuilt once at
the end (far faster than a trigger per row); the triggers are then put back. Half the claims are Arabic.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import sqlalchemy as sa

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from claimtrack import db, migrations  # noqa: E402
from claimtrack.models import Actor, Appearance, Claim, Document, Outlet  # noqa: E402
from claimtrack.search import SQLITE_DDL, search_text  # noqa: E402

FTS_TRIGGERS = ("claim_fts_ai", "claim_fts_ad", "claim_fts_au")

AR_SUBJECTS = ["روسيا", "كوريا الشمالية", "البيت الأبيض", "وزارة المالية", "المعارضة", "الحكومة", "الجيش",
               "البنك المركزي", "الأمم المتحدة", "وزارة الصحة"]
AR_VERBS = ["تسعى إلى", "نفت", "أكدت", "رفضت", "أعلنت", "حذرت من", "وقعت", "زادت", "خفضت", "دعت إلى"]
AR_OBJECTS = ["صفقة أسلحة", "اتفاق غذاء مقابل سلاح", "الأرقام الرسمية", "نمو الاقتصاد بنسبة ٣٪", "زيادة الأسعار",
              "إجراء انتخابات مبكرة", "خفض الدعم", "إرسال مساعدات", "فرض عقوبات جديدة", "بناء مستشفيات"]
EN_SUBJECTS = ["Russia", "North Korea", "The White House", "The finance ministry", "The opposition",
               "The government", "The army", "The central bank", "The United Nations", "The health ministry"]
EN_VERBS = ["seeks", "denied", "confirmed", "rejected", "announced", "warned of", "signed", "raised", "cut",
            "called for"]
EN_OBJECTS = ["an arms deal", "a food-for-arms agreement", "the official figures", "3% economic growth",
              "higher prices", "early elections", "subsidy cuts", "aid deliveries", "new sanctions", "new hospitals"]
KINDS = ["statement"] * 6 + ["denial", "assessment", "prediction", "call"]
STATES = ["new"] * 7 + ["triaged", "investigating", "in_review", "published", "dismissed"]
VERDICTS = {"new": "unrated", "triaged": "unrated", "investigating": "unrated", "in_review": "false",
            "published": "mostly_true", "dismissed": "unrated"}


def _sentence(rng: random.Random, arabic: bool, n: int) -> str:
    if arabic:
        return f"{rng.choice(AR_SUBJECTS)} {rng.choice(AR_VERBS)} {rng.choice(AR_OBJECTS)} في الملف رقم {n}"
    return f"{rng.choice(EN_SUBJECTS)} {rng.choice(EN_VERBS)} {rng.choice(EN_OBJECTS)} in file {n}"


def generate(target: str, n: int, per_doc: int = 10, batch: int = 20_000, seed: int = 7, quiet: bool = False) -> None:
    """Insert `n` claims into the database at `target` (created and migrated if needed)."""
    engine = db.make_engine(target)
    migrations.upgrade(engine)
    rng = random.Random(seed)
    now = datetime(2024, 1, 1, tzinfo=UTC)
    t0 = time.perf_counter()
    sqlite = engine.dialect.name == "sqlite"
    if sqlite:
        with engine.begin() as conn:
            for name in FTS_TRIGGERS:
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    with engine.begin() as conn:
        base_outlet = conn.execute(sa.select(sa.func.coalesce(sa.func.max(Outlet.id), 0))).scalar_one()
        base_actor = conn.execute(sa.select(sa.func.coalesce(sa.func.max(Actor.id), 0))).scalar_one()
        base_doc = conn.execute(sa.select(sa.func.coalesce(sa.func.max(Document.id), 0))).scalar_one()
        base_claim = conn.execute(sa.select(sa.func.coalesce(sa.func.max(Claim.id), 0))).scalar_one()
        tag = f"synth{base_claim}"
        conn.execute(sa.insert(Outlet.__table__), [  # type: ignore[attr-defined]
            {"id": base_outlet + i + 1, "name": f"Synthetic Outlet {tag}-{i}", "aliases": [], "reliability": "C"}
            for i in range(20)])
        actors = []
        for i in range(200):
            arabic = i % 2 == 0
            name = (AR_SUBJECTS if arabic else EN_SUBJECTS)[i % 10] + f" {tag}-{i}"
            actors.append({"id": base_actor + i + 1, "canonical_name": name, "aliases": [], "kind": "organisation",
                           "name_ar": name if arabic else None, "name_en": None if arabic else name})
        conn.execute(sa.insert(Actor.__table__), actors)  # type: ignore[attr-defined]
    actor_names = {a["id"]: a["canonical_name"] for a in actors}
    claim_id, doc_id, app_id = base_claim, base_doc, 0
    done = 0
    while done < n:
        size = min(batch, n - done)
        docs, claims, apps = [], [], []
        for _ in range((size + per_doc - 1) // per_doc):
            doc_id += 1
            arabic = doc_id % 2 == 0
            k = min(per_doc, size - len(claims))
            if k <= 0:
                break
            published = date(2020, 1, 1) + timedelta(days=doc_id % 1500)
            sentences = [_sentence(rng, arabic, doc_id * 100 + j) for j in range(k)]
            text = "\n".join(s + "." for s in sentences)
            docs.append({"id": doc_id, "outlet_id": base_outlet + 1 + doc_id % 20, "title": sentences[0][:60],
                         "language": "ar" if arabic else "en", "published": published, "published_precision": "day",
                         "text": text, "sha256": hashlib.sha256(f"{tag}:{doc_id}".encode()).hexdigest(),
                         "origin_name": f"synth-{doc_id}.txt", "source_format": "txt", "meta": {},
                         "ingested_at": now})
            pos = 0
            for s in sentences:
                claim_id += 1
                actor = base_actor + 1 + rng.randrange(100) * 2 + (0 if arabic else 1)
                state = rng.choice(STATES)
                kind = rng.choice(KINDS)
                seen = datetime.combine(published, datetime.min.time(), tzinfo=UTC)
                claims.append({"id": claim_id, "text": s, "language": "ar" if arabic else "en", "kind": kind,
                               "state": state, "verdict": VERDICTS[state], "checkworthiness": rng.random(),
                               "checkworthiness_features": {}, "claimant_id": actor, "tags": [],
                               "event_date": str(published.year), "first_seen": seen,
                               "search_text": search_text(s, actor_names[actor]), "created_at": now,
                               "updated_at": now, "version": 1})
                apps.append({"claim_id": claim_id, "document_id": doc_id, "claimant_id": actor,
                             "claimant_surface": actor_names[actor], "cue": "said", "quote": s, "prefix": "",
                             "suffix": "", "start": pos, "end": pos + len(s), "direct_quote": False,
                             "stated_on": published.isoformat(), "extractor_version": "synth", "confidence": 1.0,
                             "created_at": now})
                pos += len(s) + 2
                app_id += 1
        with engine.begin() as conn:
            conn.execute(sa.insert(Document.__table__), docs)  # type: ignore[attr-defined]
            conn.execute(sa.insert(Claim.__table__), claims)  # type: ignore[attr-defined]
            conn.execute(sa.insert(Appearance.__table__), apps)  # type: ignore[attr-defined]
        done += len(claims)
        if not quiet:
            rate = done / (time.perf_counter() - t0)
            print(f"\r{done:,} claims ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    if sqlite:
        if not quiet:
            print(f"\nrebuilding the full-text index ({time.perf_counter() - t0:.1f}s)", file=sys.stderr)
        with engine.begin() as conn:
            conn.exec_driver_sql("INSERT INTO claim_fts(claim_fts) VALUES('rebuild')")
            for ddl in SQLITE_DDL:  # CREATE ... IF NOT EXISTS: puts the triggers back
                conn.exec_driver_sql(ddl)
        raw = engine.raw_connection()  # outside any transaction: ANALYZE and checkpoint
        try:
            cur = raw.cursor()
            cur.execute("ANALYZE")
            cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            cur.close()
        finally:
            raw.close()
    if not quiet:
        print(f"\n{n:,} claims in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="SQLite path or SQLAlchemy URL")
    parser.add_argument("-n", type=int, default=1_000_000, help="claims to insert")
    parser.add_argument("--per-doc", type=int, default=10, help="claims per document")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.db, args.n, per_doc=args.per_doc, seed=args.seed)


if __name__ == "__main__":
    main()
