"""Command palette providers: claims by text (full-text search) and actions."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from tui import bidi

if TYPE_CHECKING:
    from tui.app import ClaimtrackApp


PALETTE_GUTTER = 6  # the palette's option padding (2 + 2) and its scrollbar


class ClaimProvider(Provider):
    """Finds claims by their words (Arabic-folded full-text search) or by id; opens the one chosen."""

    async def search(self, query: str) -> Hits:
        app: ClaimtrackApp = self.app  # type: ignore[assignment]
        if len(query.strip()) < 2 and not query.strip().lstrip("#").isdigit():
            return
        rows = await asyncio.to_thread(app.store.search, query, 15)
        for rank, r in enumerate(rows):
            plain = f"#{r.id} {r.claimant}: {r.text}".replace("\n", " ")[:120]
            yield Hit(1.0 - rank / 100, _shown(plain, app), partial(app.open_claim, r.id), text=plain,
                      help=f"{r.state} · {r.verdict} · {r.kind}")


def _shown(plain: str, app: ClaimtrackApp) -> Content:
    """A hit as displayed: in ``app`` bidi mode wrapped to the palette's width first, then each line
    shaped and reordered, so a long claim reads from its first line on (never markup)."""
    if app.bidi_mode != "app":
        return Content(plain)
    width = max(20, app.size.width - PALETTE_GUTTER)
    return Content.from_rich_text(bidi.layout(Text(plain), "app", width))


class ActionProvider(Provider):
    """Every action of the screen the palette was opened on (its focused widget, the screen, the app),
    by its description; only claimtrack's own bindings (they all carry an id), each once."""

    def _actions(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: ClaimtrackApp = self.app  # type: ignore[assignment]
        screen = self.screen  # the screen under the palette, never the palette itself
        focused = screen.focused
        owners = list(focused.ancestors_with_self) if focused is not None else [screen, app]
        found: list[tuple[str, str, Callable[[], object]]] = []
        seen = {command.title for command in app.get_system_commands(screen)}  # listed by Textual's provider
        for owner in owners:
            for bindings in owner._bindings.key_to_bindings.values():  # noqa: SLF001
                for b in bindings:
                    if not b.id or not b.description or b.action == "command_palette" or b.description in seen:
                        continue
                    seen.add(b.description)
                    keys = ", ".join(app.get_key_display(Binding(k, b.action)) for k in b.key.split(","))
                    help_text = f"{b.tooltip} ({keys})" if b.tooltip else f"key {keys}"
                    found.append((b.description, help_text, partial(app.run_action, b.action, owner)))
        return found

    async def discover(self) -> Hits:
        for name, help_text, run in self._actions():
            yield DiscoveryHit(Content(name), run, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._actions():
            score = max(matcher.match(name), matcher.match(help_text) * 0.5)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, text=name, help=help_text)
