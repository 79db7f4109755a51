"""Messages posted by database workers back to the UI thread."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual.message import Message


@dataclass
class DatabaseChanged(Message):
    """Another analyst (or this one) committed: visible data may be stale."""


@dataclass
class ActionFinished(Message):
    """A write finished: `ok`, a message for the analyst, and the conflict snapshot if stale."""

    ok: bool
    text: str
    conflict: dict[str, Any] | None = None
    claim_id: int | None = None
