"""User and article text is never parsed as markup: it appears literally in every widget."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from tui_helpers import make_app, screen_text, settle, sync

from claimtrack import db, services
from claimtrack.models import Actor, Appearance, Document, Stance
from tui.screens.claim import ClaimScreen
from tui.screens.document import DocumentScreen

NASTY = r"[bold]x[/] [/] [@click=app.quit]y :warning: C:\temp\ "
PIECES = ("[bold]x[/]", "[/]", "[@click=app.quit]y", ":warning:", "C:\\temp\\")


def nasty_claim(engine: Engine) -> int:
    text = f"Said {NASTY.strip()} today."
    with db.atomic(engine) as s:
        me = services.get_analyst(session=s, handle="omar")
        actor = Actor(canonical_name="[red]Evil[/] :warning:", name_en="[red]Evil[/] :warning:")
        s.add(actor)
        s.flush()
        doc = Document(title=f"Title {NASTY}", language="en", text=text, sha256="f" * 64, origin_name="n.txt")
        s.add(doc)
        s.flush()
        claim = services.create_claim(session=s, by=me, text=NASTY.strip(), language="en", claimant=actor)
        start = text.index(NASTY.strip())
        s.add(Appearance(claim_id=claim.id, document_id=doc.id, claimant_id=actor.id, quote=NASTY.strip(),
                         start=start, end=start + len(NASTY.strip()), claimant_surface="[b]surface[/b]"))
        services.set_rationale(session=s, by=me, claim_id=claim.id, rationale=f"because {NASTY}")
        services.comment(session=s, by=me, claim_id=claim.id, body=f"comment {NASTY}")
        services.add_evidence(session=s, by=me, claim_id=claim.id, stance=Stance.context, note=f"note {NASTY}",
                              excerpt=f"excerpt {NASTY}")
        return claim.id  # type: ignore[return-value]


def assert_literal(text: str) -> None:
    for piece in PIECES:
        assert piece in text, f"{piece!r} not shown literally"
    assert "⚠" not in text


@sync
async def test_markup_in_user_text_is_shown_literally(sample_db: tuple[Engine, dict[str, int]]) -> None:
    engine, _ = sample_db
    cid = nasty_claim(engine)
    app = make_app(engine, "omar")
    async with app.run_test(size=(220, 60)) as pilot:
        await settle(pilot)
        text = screen_text(app)
        assert_literal(text)  # queue table
        assert "[red]Evil[/]" in text
        assert "[bold]really[/]" in text  # the sample's English denial
        app.open_claim(cid)
        await settle(pilot)
        assert isinstance(app.screen, ClaimScreen)
        text = screen_text(app)
        for part in ("because", "comment", "note", "excerpt"):
            assert part in text
        assert_literal(text)
        assert "[b]surface[/b]" in text
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, DocumentScreen)
        assert_literal(screen_text(app))
        assert app.is_running  # [@click=app.quit] did nothing
        app.notify(NASTY, markup=False)
        await pilot.press("escape", "escape")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"temp")
        await settle(pilot)
        await settle(pilot)
        text = screen_text(app)
        assert f"#{cid} [red]Evil[/] :warning:: [bold]x[/]" in text  # the palette's claim hit
        assert_literal(text)
