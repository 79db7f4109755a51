"""Markdown front matter (``---`` fenced YAML at the top of a file), parsed without PyYAML.

Handles the subset real transcripts use: ``key: value`` with plain, single- and double-quoted
scalars (multi-line folding, backslash escapes and escaped line breaks), flow lists ``[a, b]`` and
block lists (``- item``). Nested mappings are kept as raw text.
"""

from __future__ import annotations

import re
from typing import Any

_KEY = re.compile(r"^([A-Za-z_][\w.-]*)\s*:(?:\s+(.*)|\s*)$")
_ESCAPES = {
    "0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v", "f": "\f",
    "r": "\r", "e": "\x1b", " ": " ", '"': '"', "/": "/", "\\": "\\", "N": "\u0085",
    "_": "\u00a0", "L": "\u2028", "P": "\u2029",
}  # fmt: skip
_HEX_LEN = {"x": 2, "u": 4, "U": 8}


def split_front_matter(text: str) -> tuple[dict[str, Any], str] | None:
    """(front matter, body) when the text opens with a ``---`` fenced block of keys; else None."""
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    while end != -1:
        after = text[end + 4 : end + 5]
        if after in ("", "\n", " ", "\t"):
            break
        end = text.find("\n---", end + 4)
    if end == -1:
        return None
    block = text[4 : end + 1]
    nl = text.find("\n", end + 4)
    body = "" if nl == -1 else text[nl + 1 :]
    data = parse_block(block)
    if not data:
        return None
    return data, body


def parse_block(block: str) -> dict[str, Any]:
    """The top-level keys of a YAML-subset block; empty when no line looks like ``key: value``."""
    entries: list[tuple[str, list[str]]] = []
    for line in block.split("\n"):
        if not line.strip() or line.lstrip().startswith("#") and not entries:
            continue
        m = _KEY.match(line)
        if m and not line[0].isspace():
            entries.append((m.group(1), [m.group(2) or ""]))
        elif entries:
            entries[-1][1].append(line)
        else:
            return {}
    return {key: _value(lines) for key, lines in entries}


def _value(lines: list[str]) -> Any:
    first = lines[0].strip()
    rest = lines[1:]
    if (
        not first
        and rest
        and all(not ln.strip() or ln.strip().startswith("- ") or ln.strip() == "-" for ln in rest)
    ):
        return [_scalar([ln.strip()[1:].strip()]) for ln in rest if ln.strip()]
    if not first and rest:
        return "\n".join(ln.strip() for ln in rest)  # nested mapping or block scalar: raw text
    if first in ("|", ">", "|-", ">-"):
        joiner = "\n" if first.startswith("|") else " "
        return joiner.join(ln.strip() for ln in rest).strip()
    if first.startswith("[") and not rest and first.endswith("]"):
        inner = first[1:-1].strip()
        return [_scalar([p.strip()]) for p in inner.split(",")] if inner else []
    return _scalar([first, *rest])


def _scalar(lines: list[str]) -> Any:
    raw = lines[0]
    if raw.startswith('"'):
        return _double_quoted(lines)
    if raw.startswith("'"):
        joined = _fold([ln.strip() for ln in lines])
        body = joined[1:-1] if joined.endswith("'") and len(joined) > 1 else joined[1:]
        return body.replace("''", "'")
    value = _fold([ln.strip() for ln in lines])
    if " #" in value:
        value = value.split(" #", 1)[0].rstrip()
    lowered = value.lower()
    if lowered in ("true", "false"):
        return lowered == "true"
    if lowered in ("null", "~", ""):
        return None
    if re.fullmatch(r"-?\d+", value):
        return int(value)
    return value


def _fold(lines: list[str]) -> str:
    """YAML line folding: a single break is a space, an empty line a newline."""
    out = ""
    for i, ln in enumerate(lines):
        if i == 0:
            out = ln
        elif not ln:
            out += "\n"
        else:
            out += ("" if out.endswith("\n") or not out else " ") + ln
    return out


def _double_quoted(lines: list[str]) -> str:
    """Unescape a double-quoted scalar that may span lines (``\\`` at a line end joins without space)."""
    pieces: list[str] = []
    for i, ln in enumerate(lines):
        part = ln.strip() if i else ln.rstrip()
        if i == 0:
            part = part[1:]
        if i:
            prev = pieces[-1] if pieces else ""
            if prev.endswith("\\") and not prev.endswith("\\\\"):
                pieces[-1] = prev[:-1]
            elif not part:
                pieces.append("\n")
                continue
            elif prev and not prev.endswith("\n"):
                pieces.append(" ")
        pieces.append(part)
    raw = "".join(pieces)
    out: list[str] = []
    i = 0
    while i < len(raw):
        ch = raw[i]
        if ch == '"':
            break
        if ch == "\\" and i + 1 < len(raw):
            nxt = raw[i + 1]
            if nxt in _HEX_LEN:
                n = _HEX_LEN[nxt]
                try:
                    out.append(chr(int(raw[i + 2 : i + 2 + n], 16)))
                    i += 2 + n
                    continue
                except ValueError:
                    pass
            out.append(_ESCAPES.get(nxt, nxt))
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)
