"""Quotation marks around a quote that may already carry its own («…», “…”, "…").

Extracted spans often start or end at the article's own quotation mark, and sometimes stop before the
mark that closes it. `quoted` adds only what is missing, so a report never shows «« or »».
"""

from __future__ import annotations

from typing import Any

PAIRS = {"«": "»", "“": "”", "‹": "›", '"': '"'}
OPENERS = {close: open_ for open_, close in PAIRS.items()}
TRAILING = ".،,؛;:!?؟…"


def _closing(text: str, i: int) -> int | None:
    """The index of the mark closing the one that opens at `i` (nesting counted), or None."""
    op, cl = text[i], PAIRS[text[i]]
    if op == cl:
        j = text.find(cl, i + 1)
        return j if j >= 0 else None
    depth = 0
    for j in range(i, len(text)):
        if text[j] == op:
            depth += 1
        elif text[j] == cl:
            depth -= 1
            if depth == 0:
                return j
    return None


def _opening(text: str, j: int) -> int | None:
    """The index of the mark opening the one that closes at `j` (nesting counted), or None."""
    cl, op = text[j], OPENERS[text[j]]
    if op == cl:
        i = text.rfind(op, 0, j)
        return i if i >= 0 else None
    depth = 0
    for i in range(j, -1, -1):
        if text[i] == cl:
            depth += 1
        elif text[i] == op:
            depth -= 1
            if depth == 0:
                return i
    return None


def _nested(text: str, inner: str) -> str:
    """The whole text in the pair that differs from the inner quotation's marks."""
    return f"«{text}»" if inner == '"' else f'"{text}"'


def quoted(value: Any) -> str:
    """`value` between «», unless it already starts or ends with its own quotation mark.

    «a» stays «a»; «a (cut before its closing mark) becomes «a»; a» becomes «a»; a text that starts or
    ends with an inner quotation («a» said b) goes between the other pair ("«a» said b").
    """
    text = str(value or "").strip()
    if not text:
        return ""
    body = text.rstrip(TRAILING)
    last = len(body) - 1
    if text[0] in PAIRS:
        j = _closing(text, 0)
        if j is None:
            return text + PAIRS[text[0]]
        return text if j >= last else _nested(text, text[0])
    if last >= 0 and body[last] in OPENERS:
        i = _opening(body, last)
        return OPENERS[body[last]] + text if i is None else _nested(text, body[last])
    return f"«{text}»"
