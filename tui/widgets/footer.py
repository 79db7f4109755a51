"""A footer that recomposes only when the keys it shows change.

Textual's Footer rebuilds all its key widgets whenever the bindings *may* have changed: on every focus
change (the search box → the table on Enter, a dialog closing), each rebuild costing tens of milliseconds
of styling and layout on the frame that should show the new rows. The keys shown are usually the same. And when they do change as new rows are on their way (Enter in
the search box gives the keys back to the table), `hold` keeps the old keys until `release`: the rows
are painted first, the footer a frame later.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class StableFooter(Footer):
    """Footer, minus the rebuilds that would draw the same keys again."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._shown: tuple[Any, ...] | None = None
        self._held = False
        self._pending = False

    def hold(self) -> None:
        """Keep the keys on screen as they are until `release` (or a second at most)."""
        self._held = True
        self.set_timer(1.0, self.release)

    def release(self) -> None:
        if self._held:
            self._held = False
            if self._pending:
                self._pending = False
                self.call_after_refresh(self._recompose_if_changed)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    def _keys(self) -> tuple[Any, ...]:
        """Everything `Footer.compose` reads from the bindings."""
        keys = tuple((node_binding.key, node_binding.action, node_binding.description, node_binding.group,
                      node_binding.show, node_binding.tooltip, enabled, tooltip,
                      self.app.get_key_display(node_binding))
                     for _node, node_binding, enabled, tooltip in self.screen.active_bindings.values()
                     if node_binding.show)
        return (*keys, self.show_command_palette, self.app.ENABLE_COMMAND_PALETTE, self.compact)

    async def _recompose_if_changed(self) -> None:
        if not self.is_attached:
            return
        if self._held:
            self._pending = True
            return
        keys = self._keys()
        if keys == self._shown:
            return
        self._shown = keys
        with self._context():  # compose binds to this footer, whoever scheduled the call
            await self.recompose()
