"""Shared test helpers: paths, the fixed clock time, sample data and golden-file checks.

Tests import these (`from helpers import …`); no test imports conftest.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from claimtrack import db, services
from claimtrack.models import ClaimKind, Document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FIXED_NOW = datetime(2023, 9, 1, 10, 0, tzinfo=UTC)


def shared_path(*parts: str) -> Path:
    """A path under ../shared. Absent: the test skips, or fails when $CI is set (CI has ../shared)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        require(False, f"{p} not present")
    return p


def require(present: bool, what: str) -> None:
    """Skip when something a test needs is missing; with $CI set, fail instead, so CI never hides it."""
    if present:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI is set, so this fails instead of skipping)")
    pytest.skip(what)


UPDATE_GOLDENS_ENV = "CLAIMTRACK_UPDATE_GOLDENS"


def check_golden(path: Path, actual: str) -> None:
    """Compare with a golden file. A missing or different golden fails unless goldens are being
    updated (`pytest --update-goldens`, or CLAIMTRACK_UPDATE_GOLDENS=1); then it is written."""
    if os.environ.get(UPDATE_GOLDENS_ENV, "").lower() in ("1", "true", "yes"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8", newline="")
        return
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; run `pytest --update-goldens`, review and commit it")
    expected = path.read_bytes().decode("utf-8")
    assert actual == expected, f"{path.name} differs from its golden file (`pytest --update-goldens` rewrites it)"



AR_TEXT = (
    "الوزير: الاقتصاد ينمو بسرعة\n"
    "قال وزير المالية سامي الحربي إن الاقتصاد نما بنسبة ٣٪ العام الماضي.\n"
    "ونفت المعارضة الأرقام الرسمية بشأن النمو.\n"
)
EN_TEXT = (
    "Minister says economy grows\n"
    "Finance minister Sam Harbi said the economy grew 3% last year. "
    "The opposition denied the official growth figures [bold]really[/].\n"
)


def make_sample(engine: Engine) -> dict[str, int]:
    """Two documents (Arabic, English) with claims, a denial link and analysts; returns ids by name."""
    from claimtrack.extract.base import ActorRef, ExtractedClaim, PartialDate
    from claimtrack.ingest.base import RawDocument
    from claimtrack.ingest.pipeline import ActorCache, IngestOptions, store_document

    ids: dict[str, int] = {}
    with db.atomic(engine) as s:
        admin = services.ensure_analyst(session=s, handle="amal")  # first analyst: admin
        services.add_analyst(session=s, by=admin, handle="omar", role=services.Role.analyst)
        services.add_analyst(session=s, by=admin, handle="rana", role=services.Role.reviewer)
        actors = ActorCache()
        gov = ActorRef("Ministry of Finance", kind="government", name_ar="وزارة المالية", name_en="Ministry of Finance")
        minister_ar = ActorRef("Sami al-Harbi", kind="person", name_ar="سامي الحربي", name_en="Sami al-Harbi",
                               title="وزير المالية", affiliation=gov)
        opposition = ActorRef("Opposition", kind="organisation", name_ar="المعارضة", name_en="Opposition")
        for key, text, lang, minister in (("ar", AR_TEXT, "ar", minister_ar), ("en", EN_TEXT, "en", minister_ar)):
            q1 = "الاقتصاد نما بنسبة ٣٪ العام الماضي" if lang == "ar" else "the economy grew 3% last year"
            q2 = "الأرقام الرسمية بشأن النمو" if lang == "ar" else "the official growth figures [bold]really[/]"
            s1, s2 = text.index(q1), text.index(q2)
            claims = [
                ExtractedClaim(quote=q1, start=s1, end=s1 + len(q1), claimant=minister, claimant_surface="سامي الحربي",
                               kind="statement", text=q1, cue="قال" if lang == "ar" else "said", language=lang,
                               event_date=PartialDate("2022", "year"), checkworthiness=0.8),
                ExtractedClaim(quote=q2, start=s2, end=s2 + len(q2), claimant=opposition, claimant_surface="المعارضة",
                               kind="denial", text=q2, cue="نفت" if lang == "ar" else "denied", language=lang,
                               denies=[0], link_evidence={0: {"shared_terms": ["النمو"]}}, checkworthiness=0.4),
            ]
            raw = RawDocument(text=text, origin=f"sample-{key}.txt", origin_name=f"sample-{key}.txt",
                              source_format="txt", title=text.splitlines()[0], language=lang,
                              published=date(2023, 8, 31), published_precision="day", outlet="Sample News")
            ids[f"doc_{key}"], _ = store_document(s, raw, f"{key:0>64}", claims, analyst=admin, actors=actors,
                                                  opts=IngestOptions())
        s.flush()
        rows = s.exec(__import__("sqlmodel").select(services.Claim).order_by(services.Claim.id)).all()
        ids.update({"ar_statement": rows[0].id, "ar_denial": rows[1].id, "en_statement": rows[2].id,
                    "en_denial": rows[3].id})
        assert rows[1].kind == ClaimKind.denial
        assert s.get(Document, ids["doc_ar"]) is not None
    return ids


SQLITE_EVENT_TRIGGERS = ("event_no_update", "event_no_delete")


@contextmanager
def event_protection_bypassed(engine: Engine) -> Iterator[None]:
    """What anyone who owns the database can do: lift the append-only triggers on `event`, then restore them.

    SQLite: drop the triggers and re-create them. PostgreSQL: the table owner disables them.
    """
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            saved = [r[0] for r in conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type='trigger' AND tbl_name='event'")]
            for name in SQLITE_EVENT_TRIGGERS:
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        else:
            conn.execute(sa.text("ALTER TABLE event DISABLE TRIGGER USER"))
    try:
        yield
    finally:
        with engine.begin() as conn:
            if engine.dialect.name == "sqlite":
                for sql in saved:
                    conn.exec_driver_sql(sql)
            else:
                conn.execute(sa.text("ALTER TABLE event ENABLE TRIGGER USER"))


FIRST = ["Laila", "Omar", "Sara", "Khalid", "Maya", "Yusuf", "Nadia", "Tariq", "Huda", "Samir"]
LAST = ["Haddad", "Mansour", "Khoury", "Nasser", "Saleh", "Aziz", "Farah", "Rahman", "Qasim", "Darwish"]
ROLES = ["Transport minister", "Finance minister", "Health minister", "Mayor", "Spokesperson"]
THINGS = ["the port handled {n} million containers", "unemployment fell to {n} percent",
          "the new hospital treated {n} thousand patients", "exports rose by {n} percent",
          "the city planted {n} thousand trees", "inflation reached {n} percent"]


def synthetic_articles(folder, n: int, seed: int = 7) -> list:  # type: ignore[no-untyped-def]
    """`n` distinct English news articles with statements, a denial and a prediction each, as .txt files."""
    import random
    from pathlib import Path

    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        fact = rng.choice(THINGS).format(n=rng.randint(2, 90))
        year = rng.randint(2015, 2023)
        text = (f"Report {i}: officials discuss figures\n"
                f"{rng.choice(ROLES)} {name} said on Monday that {fact} in {year}. "
                f"The opposition party denied that {fact}, calling the figure inflated. "
                f"\"We will double it by {year + 7},\" {name.split()[1]} told reporters in article {i}. "
                f"Analysts at the central bank said growth slowed to {rng.randint(1, 9)} percent.\n")
        path = folder / f"article-{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(path)
    return files


def add_filler_claims(engine: Engine, n: int = 3000) -> None:
    """n more claims whose words the searches never match, so the planner sees a selective search."""
    from claimtrack import search
    from claimtrack.models import Claim

    now = datetime(2023, 9, 1, tzinfo=UTC)
    rows = [{"text": f"filler number {i} about weather", "language": "en", "kind": "statement", "state": "new",
             "verdict": "unrated", "checkworthiness": 0.1, "checkworthiness_features": {}, "tags": [],
             "search_text": search.search_text(f"filler number {i} about weather"), "first_seen": now,
             "created_at": now, "updated_at": now, "version": 1} for i in range(n)]
    with engine.begin() as conn:
        conn.execute(sa.insert(Claim.__table__), rows)  # type: ignore[attr-defined]
        conn.exec_driver_sql("ANALYZE")
