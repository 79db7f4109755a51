"""The claim detail of the queue's highlighted row, read while the cursor rests on it.

Opening a claim otherwise waits for a worker to read the claim's detail (eight queries) before the claim
screen can be painted. Once the cursor has rested on a row for `DELAY` seconds (the analyst is reading
it), `DetailPrefetch` reads that row's detail in a thread worker, which posts `DetailRead`; Enter then
shows it at once. A detail is used only for the same claim at the same version, and is dropped when the
database changes (the app's change polling), after this analyst's own actions and when the query changes.
Moving on while keys repeat starts no read (the rest timer starts over on every move). The detail also
fills the hidden claim screen (`ClaimtrackApp.prepare_claim`), so Enter only has to show it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual import work
from textual.message import Message
from textual.widget import Widget

if TYPE_CHECKING:
    from claimtrack import queries
    from claimtrack.listing import ClaimRow

DELAY = 0.05  # seconds the cursor rests on a row before its detail is read (key repeat is faster)
MAX_AGE = 60.0  # seconds a prefetched detail stays usable (changes are also caught by the polling)


@dataclass
class DetailRead(Message):
    """A prefetched detail arrived (`detail` None: the claim could not be read)."""

    claim_id: int
    detail: queries.ClaimDetail | None
    generation: int


class DetailPrefetch(Widget):
    """Invisible helper of the queue screen: reads the highlighted claim's detail ahead of Enter."""

    DEFAULT_CSS = "DetailPrefetch { display: none; }"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._held: tuple[int, int, float, queries.ClaimDetail] | None = None  # id, version, read at, detail
        self._wanted: tuple[int, int] | None = None  # (id, version) of the row resting under the cursor
        self._reading: int | None = None  # claim id being read
        self._open_when_read: int | None = None
        self._timer: Any = None
        self._generation = 0  # bumped by `forget`: a read begun before it is not kept

    def follow(self, row: ClaimRow | None) -> None:
        """The cursor is on `row`: read its detail once it rests there (unless held already)."""
        self._wanted = (row.id, row.version) if row is not None else None
        if row is None or self.take(row.id, row.version, peek=True) is not None or self._reading == row.id:
            return
        if self._timer is None:
            self._timer = self.set_timer(DELAY, self._rested)
        else:
            self._timer.reset()

    def _rested(self) -> None:
        self._timer = None
        wanted = self._wanted
        if wanted is not None and self._reading != wanted[0] and self.take(*wanted, peek=True) is None:
            self._reading = wanted[0]
            self.read(wanted[0], self._generation)

    @work(thread=True, group="prefetch")  # not exclusive: every read started posts its DetailRead
    def read(self, claim_id: int, generation: int) -> None:
        try:
            detail = self.app.store.detail(claim_id)  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a read ahead of time: Enter then reads (and reports) it itself
            detail = None
        self.post_message(DetailRead(claim_id, detail, generation))

    def on_detail_read(self, message: DetailRead) -> None:
        message.stop()
        if self._reading == message.claim_id:
            self._reading = None
        d = message.detail if message.generation == self._generation else None
        if self._open_when_read == message.claim_id:
            self._open_when_read = None
            self._open(message.claim_id, d)
        elif d is not None:
            self._held = (message.claim_id, d.claim.version, time.monotonic(), d)
            self.app.prepare_claim(d)  # type: ignore[attr-defined]  # the claim screen, filled while hidden

    def take(self, claim_id: int, version: int, peek: bool = False) -> queries.ClaimDetail | None:
        """The held detail of `claim_id` at `version`, if fresh (`peek`: keep holding it)."""
        held = self._held
        if held is None or held[:2] != (claim_id, version) or time.monotonic() - held[2] > MAX_AGE:
            return None
        if not peek:
            self._held = None  # the claim screen keeps it up to date from here on
        return held[3]

    def open(self, row: ClaimRow) -> None:
        """Open `row`'s claim: at once when its detail is held, when it arrives if it is being read, else
        through the app's own read."""
        self._wanted = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        detail = self.take(row.id, row.version)
        if detail is None and self._reading == row.id:
            self._open_when_read = row.id
            return
        self._open(row.id, detail)

    def _open(self, claim_id: int, detail: queries.ClaimDetail | None) -> None:
        app: Any = self.app
        if detail is not None:
            app.show_claim(detail)
        else:
            app.open_claim(claim_id)

    def forget(self) -> None:
        """The data may have changed (a commit, an action, another query): drop what is held."""
        self._held = None
        self._generation += 1  # a read in flight may predate the change: its detail is not kept
