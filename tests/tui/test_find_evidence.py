"""The claim screen's `f`: Find evidence lists passages, `enter` previews one, `a` attaches it (keys only)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from sqlmodel import select
from tui_helpers import SIZE, make_app, screen_text, settle, sync

from claimtrack import db
from claimtrack.ingest.pipeline import IngestOptions, ingest
from claimtrack.models import ClaimEvidence, Document, Evidence, Stance
from tui.screens.claim import ClaimScreen
from tui.screens.find_evidence import AttachPassageModal, FindEvidenceScreen, PassagePreviewScreen

REPORT = ("---\ndate: '2023-08-31'\ntitle: Growth figures confirmed\n---\n\n"
          "The statistics office confirmed that the economy grew 3% last year, as the finance minister "
          "Sami al-Harbi said.\n")


@sync
async def test_find_preview_and_attach_by_keys(sample_db: tuple[Engine, dict[str, int]], tmp_path: Path) -> None:
    engine, ids = sample_db
    (tmp_path / "report.md").write_text(REPORT, encoding="utf-8")
    ingest(engine, [str(tmp_path / "report.md")], analyst="amal", opts=IngestOptions())
    app = make_app(engine, "omar")
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_claim(ids["en_statement"])
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(app.screen, FindEvidenceScreen)
        results = app.screen.results
        wanted = next(i for i, f in enumerate(results) if "statistics office" in f.text)
        assert "(hint)" in screen_text(app)
        for _ in range(wanted):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PassagePreviewScreen)
        await pilot.press("escape")
        await settle(pilot)
        found = results[wanted]
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, AttachPassageModal)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, FindEvidenceScreen)
    with db.session(engine) as s:
        ev, link = s.exec(select(Evidence, ClaimEvidence).join(ClaimEvidence)).one()
        doc = s.get(Document, ev.document_id)
        assert (ev.excerpt_start, ev.excerpt_end) == (found.start, found.end)
        assert ev.excerpt == doc.text[found.start:found.end]  # type: ignore[union-attr]
        expected = {"supports": Stance.supports, "refutes": Stance.refutes, "mentions": Stance.context}[found.stance]
        assert link.stance == expected and ev.reliability == "F"
