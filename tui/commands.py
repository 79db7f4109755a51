"""Command palette providers: claims by text (full-text search) and actions."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

if TYPE_CHECKING:
    from tui.app import ClaimtrackApp


class ClaimProvider(Provider):
    """Finds claims by their words (Arabic-folded full-text search) or by id; opens the one chosen."""

    async def search(self, query: str) -> Hits:
        app: ClaimtrackApp = self.app  # type: ignore[assignment]
        if len(query.strip()) < 2 and not query.strip().isdigit():
            return
        rows = await asyncio.to_thread(app.store.search, query, 15)
        for rank, r in enumerate(rows):
            plain = f"#{r.id} {r.claimant}: {r.text}".replace("\n", " ")[:120]
            # Content(...) never parses markup: claim text is shown literally
            yield Hit(1.0 - rank / 100, Content(plain), partial(app.open_claim, r.id), text=plain,
                      help=f"{r.state} · {r.verdict} · {r.kind}")


class ActionProvider(Provider):
    """Every action of the app and of the current screen, by name."""

    def _actions(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: ClaimtrackApp = self.app  # type: ignore[assignment]
        screen = app.screen
        found: list[tuple[str, str, Callable[[], object]]] = []
        seen: set[str] = set()
        for owner in (screen, app):
            for binding in owner._bindings.key_to_bindings.values():  # noqa: SLF001
                for b in binding:
                    if b.id in seen or not b.description or b.action in ("command_palette",):
                        continue
                    seen.add(b.id or b.action)
                    found.append((b.description, b.tooltip or f"key {app.get_key_display(b)}",
                                  partial(owner.run_action, b.action)))
        return found

    async def discover(self) -> Hits:
        for name, help_text, run in self._actions():
            yield DiscoveryHit(Content(name), run, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._actions():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, Content(name), run, text=name, help=help_text)
