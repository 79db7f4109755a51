"""JSON Lines export: one line per appearance, the contract of DESIGN.md."""

from __future__ import annotations

import json
from typing import IO

from sqlmodel import Session

from claimtrack.queries import ClaimFilter, iter_export_rows
from claimtrack.text import escape_bidi_in_json


def write_jsonl(*, session: Session, out: IO[str], filt: ClaimFilter | None = None) -> int:
    """Stream every appearance as one JSON object a line; returns the number of lines."""
    n = 0
    for row in iter_export_rows(session=session, filt=filt):
        out.write(escape_bidi_in_json(json.dumps(row, ensure_ascii=False)))
        out.write("\n")
        n += 1
    return n
