"""What the queue shows, without the database stack (the queue's first page is painted before it loads)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from claimtrack.listing import ClaimFilter

PAGE_SIZE = 100


@dataclass(slots=True)
class QueueQuery:
    """What the queue shows: a filter, a sort and the analyst's 'my claims' switch."""

    filt: ClaimFilter = field(default_factory=ClaimFilter)
    sort: str = "id"
    descending: bool = False

    def copy(self, **changes: Any) -> QueueQuery:
        return QueueQuery(filt=replace(self.filt, **changes.pop("filt_changes", {})), **{
            "sort": self.sort, "descending": self.descending, **changes})
