"""One TUI session open while four other processes write to the same claims: it shows their changes and
never loses what the analyst is typing."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import storm
from textual.widgets import TextArea
from tui_helpers import SIZE, make_app, screen_text, settle, sync

from claimtrack import audit, db, migrations, services

WORKERS, OPS = 4, 100
TYPED = "Checked with the port authority; figures match. "


@sync
async def test_tui_during_a_write_storm(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'storm.db'}"
    engine = db.make_engine(url)
    migrations.upgrade(engine)
    layout = storm.setup(engine, WORKERS)
    with db.atomic(engine) as s:
        services.ensure_analyst(session=s, handle="omar")
    cid = layout.hot[0]
    # fork the writers before the app starts its threads; they wait for `start`
    ctx = mp.get_context("fork")
    start, out = ctx.Event(), ctx.Queue()
    procs = [ctx.Process(target=storm.run_worker, args=(url, layout, w, OPS, 5, start, out)) for w in range(WORKERS)]
    for p in procs:
        p.start()
    app = make_app(engine, "omar")
    typed = ""
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.store.changed()  # prime the watcher, as the first interval tick does
        app.open_claim(cid)
        await settle(pilot)
        await pilot.press("c")  # the comment dialog
        await settle(pilot)
        await pilot.click("#body")
        start.set()
        versions_shown = set()
        while any(p.is_alive() for p in procs) or len(typed) < len(TYPED):
            ch = TYPED[len(typed) % len(TYPED)]
            await pilot.press("space" if ch == " " else ch)
            typed += ch
            if len(typed) % 5 == 0:
                app.poll_changes()  # the other analysts' commits arrive while the dialog is open
                await settle(pilot)
            assert app.screen.query_one("#body", TextArea).text == typed
            versions_shown.add(app.screen_stack[-2].detail.claim.version)  # the claim screen under the dialog
        results = [out.get(timeout=120) for _ in procs]
        app.poll_changes()
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        app.poll_changes()
        await settle(pilot)
        with db.session(engine) as s:
            claim = services.get_claim(session=s, claim_id=cid)
            bodies = [c.body for c in s.exec(services.select(services.Comment).where(services.Comment.claim_id == cid))]
        assert f"{claim.state.value} · verdict {claim.verdict.value}" in screen_text(app)
    assert len(versions_shown) >= 2  # the claim screen followed the storm while the analyst typed
    assert all(r.errors == [] and r.lock_errors == 0 for r in results)
    assert sum(len(r.acked) for r in results) > WORKERS * OPS // 2
    assert typed.strip() in bodies  # saved whole, after the storm
    with db.session(engine) as s:
        assert audit.verify(s).ok
    engine.dispose()
