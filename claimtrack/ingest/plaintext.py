"""Plain text and Markdown articles, with or without ``---`` front matter.

* title = first non-empty line (Markdown ``#`` markers dropped), and the text keeps that line;
* an outlet prefix opening the lead (``حصادنيوز-أبدى …``, ``Reuters - The …``) becomes `outlet`
  and is removed from the text;
* Markdown soft-wrapped lines are joined into paragraphs (a hard break or empty line ends one);
* front matter (White House transcripts and the like) supplies title, date, url, author, outlet;
  the body alone is then the text.
"""

from __future__ import annotations

import re
from typing import Any

from claimtrack.ingest.base import IngestError, RawDocument
from claimtrack.ingest.common import ReaderOutput, clean_field, make_document, tidy_text
from claimtrack.ingest.frontmatter import split_front_matter

_AR_WORD = r"[\u0621-\u063A\u0641-\u064A\u066E-\u06D3]+"
_LA_WORD = r"[A-Za-z][A-Za-z0-9.&']*"
# Arabic names: hyphen or dash, spaced or not. Latin names: a spaced hyphen or any dash,
# since "Jean-Pierre" must not read as outlet "Jean".
_AR_PREFIX = re.compile(rf"^(?P<name>{_AR_WORD}(?: {_AR_WORD}){{0,2}})\s*[-\u2013\u2014]\s*(?=\S)")
_LA_PREFIX = re.compile(rf"^(?P<name>{_LA_WORD}(?: {_LA_WORD}){{0,2}})(?:\s+-\s+|\s*[\u2013\u2014]\s*)(?=\S)")
_MIN_LEAD_WORDS = 4  # "نايف عبدالله – عين اليوم" is a byline line, not outlet + lead
_MAX_NAME = 40
_MD_BLOCK = re.compile(r"^\s{0,3}(?:#{1,6}\s|>|[-*+]\s|\d{1,3}[.)]\s|\||```|~~~|(?:[-*_]\s*){3,}$)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_FRONT_TITLE = ("title", "headline")
_FRONT_URL = ("source_url", "url", "link", "canonical_url")
_FRONT_DATE = ("date", "published", "published_time", "pubdate", "date_published")
_FRONT_AUTHOR = ("author", "authors", "byline")
_FRONT_OUTLET = ("outlet", "source", "site", "sitename", "site_name", "publisher")


def split_outlet_prefix(line: str) -> tuple[str | None, str]:
    """(outlet, rest of the line) when the line opens with an outlet prefix; else (None, line)."""
    for pattern in (_AR_PREFIX, _LA_PREFIX):
        m = pattern.match(line)
        if not m:
            continue
        name = m.group("name")
        rest = line[m.end() :]
        if len(name) <= _MAX_NAME and len(rest.split()) >= _MIN_LEAD_WORDS:
            return name, rest
    return None, line


def reflow_markdown(body: str) -> str:
    """Markdown rendered as plain paragraphs: soft-wrapped lines joined with a space, headings unmarked.

    A line ending in two spaces (or a backslash) is a hard break; code fences are kept verbatim.
    """
    out: list[str] = []
    joinable = False  # may the next line continue the last one?
    in_fence = False
    for line in body.split("\n"):
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            in_fence = not in_fence
            out.append(line.rstrip())
            joinable = False
            continue
        if in_fence:
            out.append(line.rstrip())
            continue
        if not stripped:
            out.append("")
            joinable = False
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            out.append(heading.group(1))
            joinable = False
            continue
        hard = line.endswith(("  ", "\\", "\u00a0")) or line.endswith("\t")
        text = line.rstrip()
        if text.endswith("\\"):
            text = text[:-1].rstrip()
        if joinable and not _MD_BLOCK.match(line):
            out[-1] = f"{out[-1]} {text.lstrip()}"
        else:
            out.append(text)
        joinable = not hard
    return "\n".join(out)


def _first(front: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {k.lower(): v for k, v in front.items()}
    for key in keys:
        value = lowered.get(key)
        if value not in (None, "", []):
            return value
    return None


def read_text(text: str, origin: str, origin_name: str, *, markdown: bool = False) -> ReaderOutput:
    """One article from decoded .txt/.md text (see the module docstring)."""
    fmt = "md" if markdown else "txt"
    split = split_front_matter(text)
    if split is not None:
        yield _from_front_matter(split[0], split[1], origin, origin_name)
        return
    if not text.strip():
        yield IngestError(origin, "empty (whitespace only)")
        return
    title_line, _sep, rest = text.lstrip("\n \t").partition("\n")
    title = title_line = title_line.strip()
    if markdown:
        heading = _MD_HEADING.match(title_line)
        title = title_line = heading.group(1) if heading else title
        rest = reflow_markdown(rest)  # before tidying: trailing blanks mark hard breaks
    rest = tidy_text(rest)
    lines = [title_line, *rest.split("\n")] if rest else [title_line]
    title_idx = 0
    meta: dict[str, Any] = {}
    outlet = None
    lead_idx = next((i for i in range(title_idx + 1, len(lines)) if lines[i].strip()), None)
    if lead_idx is not None:
        outlet, rest = split_outlet_prefix(lines[lead_idx].lstrip())
        if outlet is not None:
            meta["outlet_prefix"] = lines[lead_idx][: len(lines[lead_idx]) - len(rest)].strip()
            lines[lead_idx] = rest
    yield make_document(
        "\n".join(lines[title_idx:]),
        origin=origin,
        origin_name=origin_name,
        source_format=fmt,
        title=title,
        outlet=outlet,
        meta=meta,
    )


def _from_front_matter(
    front: dict[str, Any], body: str, origin: str, origin_name: str
) -> RawDocument | IngestError:
    text = tidy_text(reflow_markdown(body))
    if not text:
        return IngestError(origin, "empty (front matter but no body)")
    title = _first(front, _FRONT_TITLE)
    if title is None:
        title = text.split("\n", 1)[0]
    meta = {
        k: v
        for k, v in front.items()
        if k.lower() not in _FRONT_TITLE + _FRONT_URL + _FRONT_AUTHOR + _FRONT_OUTLET
        and isinstance(v, str | int | float | bool | list)
    }
    return make_document(
        text,
        origin=origin,
        origin_name=origin_name,
        source_format="md",
        title=clean_field(title),
        url=_first(front, _FRONT_URL),
        date_value=_first(front, _FRONT_DATE),
        byline=_first(front, _FRONT_AUTHOR),
        outlet=_first(front, _FRONT_OUTLET),
        meta={"front_matter": meta},
    )
