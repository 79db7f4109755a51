"""The public entry point: :func:`iter_documents` streams RawDocuments (or IngestErrors) from paths and URLs.

Format is chosen by content first and extension second (see :func:`sniff_format`). Folders are
walked recursively in sorted order, skipping hidden entries. Every failure is an IngestError
yielded in place of the document, and the batch goes on.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from claimtrack.ingest.base import IngestError, IngestSkip, RawDocument
from claimtrack.ingest.common import ReaderOutput, base_name
from claimtrack.ingest.encoding import declared_charset, decode_bytes
from claimtrack.ingest.feedreader import looks_like_feed, read_feed
from claimtrack.ingest.fetch import DEFAULT_TIMEOUT, is_url, read_url
from claimtrack.ingest.htmlreader import looks_like_html, read_html
from claimtrack.ingest.jsonreader import read_json, read_jsonl
from claimtrack.ingest.plaintext import read_text

__all__ = ["iter_documents", "read_path", "sniff_format", "iter_files", "RawDocument", "IngestError"]

_EXT_FORMAT = {
    ".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
}  # fmt: skip
ARTICLE_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".xml", ".rss", ".atom")


def sniff_format(text: str, ext: str) -> str:
    """txt | md | html | json | jsonl | feed, from the decoded content and the file extension.

    Content wins when it is unambiguous (a feed root, an HTML document, front matter, JSON that
    parses); the extension decides otherwise, and unknown extensions read as plain text.
    """
    by_ext = _EXT_FORMAT.get(ext.lower(), "txt")
    head = text.lstrip()[:4096]
    if head.startswith(("{", "[")):
        if by_ext in ("json", "jsonl"):
            return by_ext
        if _json_parses(text):
            return "json"
    if head.startswith("<"):
        if looks_like_feed(head):
            return "feed"
        if looks_like_html(head):
            return "html"
        if by_ext == "feed":
            return "feed"  # an .xml file that is no feed: the feed reader reports it clearly
    if by_ext in ("json", "jsonl", "feed"):
        return by_ext  # wrong content: the reader says "malformed"
    if by_ext == "html":
        return "html"
    return "md" if by_ext == "md" or text.startswith("---\n") else "txt"


def _json_parses(text: str) -> bool:
    import json

    try:
        json.JSONDecoder().raw_decode(text.lstrip())
    except json.JSONDecodeError:
        return False
    return True


def iter_files(root: Path) -> Iterator[Path | IngestSkip]:
    """Files under a folder, recursively, sorted by name at each level.

    Hidden entries, and files whose extension is not an article format ingest knows, are yielded as
    IngestSkip with the reason, so the summary can say what was left out.
    """
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            yield IngestSkip(entry.path, "hidden")
        elif entry.is_dir(follow_symlinks=False):
            yield from iter_files(Path(entry.path))
        elif not entry.is_file():
            continue
        elif os.path.splitext(entry.name)[1].lower() in _EXT_FORMAT:
            yield Path(entry.path)
        else:
            yield IngestSkip(entry.path, "not an article format (" + ", ".join(ARTICLE_EXTENSIONS) + ")")


def read_path(path: str | Path, *, max_bytes: int = 20_000_000) -> ReaderOutput:
    """Documents from one file: size check, decode, sniff, dispatch to the format's reader."""
    origin = str(path)
    name = base_name(origin)
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            yield IngestError(origin, f"too large ({size:,} bytes > {max_bytes:,})")
            return
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        yield IngestError(origin, f"cannot read: {exc.strerror or exc}")
        return
    if len(data) > max_bytes:
        yield IngestError(origin, f"too large (more than {max_bytes:,} bytes)")
        return
    if not data.strip():
        yield IngestError(origin, "empty file" if not data else "empty (whitespace only)")
        return
    ext = os.path.splitext(name)[1].lower()
    try:
        text = decode_bytes(data, origin, declared=declared_charset(data))
    except IngestError as exc:
        yield exc
        return
    if not text.strip():
        yield IngestError(origin, "empty (whitespace only)")
        return
    fmt = sniff_format(text, ext)
    if fmt == "feed":
        yield from read_feed(data, origin, name)  # feedparser honours the XML encoding itself
        return
    del data  # the decoded text is all that is needed from here on
    if fmt == "html":
        yield from read_html(text, origin, name)
    elif fmt == "json":
        yield from read_json(text, origin, name)
    elif fmt == "jsonl":
        yield from read_jsonl(text, origin, name)
    else:
        yield from read_text(text, origin, name, markdown=fmt == "md")


def _url_lines(urls_file: str) -> Iterator[str | IngestError]:
    try:
        with open(urls_file, encoding="utf-8-sig") as fh:
            for lineno, line in enumerate(fh, 1):
                value = line.strip()
                if not value or value.startswith("#"):
                    continue
                yield value if is_url(value) else IngestError(f"{urls_file}:{lineno}", "not an http(s) URL")
    except (OSError, UnicodeDecodeError) as exc:
        yield IngestError(urls_file, f"cannot read URL list: {exc}")


def iter_documents(
    paths: Sequence[str],
    *,
    max_bytes: int = 20_000_000,
    urls_file: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Iterator[RawDocument | IngestError | IngestSkip]:
    """Yield one RawDocument per article (or an IngestError per failure), lazily, in the order given.

    `paths` holds files, folders (walked recursively, sorted; hidden entries and files that are not an
    article format are skipped, as IngestSkip) and http(s) URLs; a file named explicitly is always tried; `urls_file` names a file with one URL per line (# comments allowed).
    """
    for item in paths:
        if is_url(item):
            yield from read_url(item, timeout=timeout, max_bytes=max_bytes)
            continue
        path = Path(item)
        if path.is_dir():
            for file in iter_files(path):
                if isinstance(file, IngestSkip):
                    yield file
                else:
                    yield from read_path(file, max_bytes=max_bytes)
        elif path.exists():
            yield from read_path(path, max_bytes=max_bytes)
        else:
            yield IngestError(item, "no such file or folder")
    if urls_file is not None:
        for line in _url_lines(urls_file):
            if isinstance(line, IngestError):
                yield line
            else:
                yield from read_url(line, timeout=timeout, max_bytes=max_bytes)
