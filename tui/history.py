"""A claim's history in words: "Investigator: amal", each change once, no internal field names."""

from __future__ import annotations

from typing import Any

from rich.text import Text

FIELDS = {"state": "State", "verdict": "Verdict", "rationale": "Rationale", "assignee_id": "Assignee",
          "investigator_id": "Investigator", "reviewer_id": "Reviewer", "tags": "Tags",
          "merged_into_id": "Merged into"}
ANALYST_FIELDS = ("assignee_id", "investigator_id", "reviewer_id")
ACTIONS = {
    ("document", "ingest"): "Article ingested", ("claim", "create"): "Claim extracted",
    ("claim", "set_state"): "Workflow", ("claim", "set_verdict"): "Verdict", ("claim", "set_rationale"): "Rationale",
    ("claim", "assign"): "Assignment", ("claim", "set_tags"): "Tags", ("claim", "merge"): "Merged",
    ("claim", "unmerge"): "Unmerged", ("claim_link", "link"): "Linked", ("claim_link", "unlink"): "Unlinked",
    ("comment", "create"): "Comment", ("evidence", "add"): "Evidence added",
}
RELATION_WORDS = {"duplicate_of": "duplicate of"}


def _value(key: str, value: Any, handles: dict[int, str]) -> str:
    if value in (None, "", [], {}):
        return "—"
    if key in ANALYST_FIELDS:
        return handles.get(value, f"analyst {value}")
    if key == "merged_into_id":
        return f"claim #{value}"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(getattr(value, "value", value)).replace("_", " ") if key in ("state", "verdict") else str(value)


def changes(before: dict[str, Any], after: dict[str, Any], handles: dict[int, str]) -> list[str]:
    """"State: new → triaged", "Investigator: amal" (a field that was empty shows its new value only)."""
    out = []
    for key, label in FIELDS.items():
        if key not in after or before.get(key) == after.get(key):
            continue
        old, new = _value(key, before.get(key), handles), _value(key, after.get(key), handles)
        out.append(f"{label}: {new}" if old == "—" or key == "rationale" else f"{label}: {old} → {new}")
    return out


def _details(ev: Any, handles: dict[int, str]) -> list[str]:
    before, after = ev.before or {}, ev.after or {}
    if ev.entity == "document":
        title, origin = after.get("title") or "", after.get("origin") or ""
        return [x for x in (f"«{title}»" if title else "", origin) if x]
    if ev.entity == "claim_link":
        rel = str(after.get("relation") or before.get("relation") or "")
        other = after.get("target") or before.get("target")
        origin = " (automatic)" if str(after.get("origin")) in ("auto", "LinkOrigin.auto") else ""
        return [f"{RELATION_WORDS.get(rel, rel)} claim #{other}{origin}"]
    if ev.entity == "evidence":
        source = after.get("url") or after.get("file") or (f"document {after['document_id']}"
                                                           if after.get("document_id") else "") or "note"
        return [f"{after.get('grade', '')} {after.get('stance', '')} · {source}".strip()]
    if ev.entity == "comment":
        return [str(after.get("body", ""))]
    if ev.entity == "claim" and ev.action == "create":
        return [f"{after.get('kind', '')} by {after.get('claimant') or 'unknown claimant'}"]
    return changes(before, after, handles)


def event_summary(ev: Any, handles: dict[int, str] | None = None) -> str:
    """One event in words; its rationale (or comment) once, even when it is also a changed field."""
    handles = handles or {}
    parts = _details(ev, handles)
    shown_rationale = any(p.startswith("Rationale: ") for p in parts) or ev.entity == "comment"
    if ev.rationale and not shown_rationale:
        parts.append(("Comment: " if ev.action == "set_state" else "Rationale: ") + ev.rationale)
    return "; ".join(parts)


def history_text(events: list[Any], handles: dict[int, str]) -> Text:
    t = Text()
    for i, ev in enumerate(events):
        if i:
            t.append("\n")
        t.append(f"{ev.at:%Y-%m-%d %H:%M} ", style="dim")
        t.append(f"{ev.analyst_handle or 'system'} ", style="bold")
        t.append(f"{ACTIONS.get((ev.entity, ev.action), ev.action.replace('_', ' ').capitalize())}: ", style="bold")
        t.append(event_summary(ev, handles))
    return t
