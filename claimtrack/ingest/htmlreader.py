"""HTML pages: main text and metadata by trafilatura; plus a small stdlib HTML-to-text for fragments."""

from __future__ import annotations

import html as _html
import re
from html.parser import HTMLParser
from typing import Any

from claimtrack.ingest.base import IngestError, RawDocument
from claimtrack.ingest.common import ReaderOutput, clean_field, make_document, tidy_text, with_title

_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
     "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
     "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
)  # fmt: skip
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "head", "svg"})
_MIN_WORDS = 3  # fewer extracted words is a menu or a stray link, not an article
_TAG = re.compile(r"<\s*/?\s*[A-Za-z][\w:-]*[^>]*>")


class _TextParser(HTMLParser):
    """Collects text; block elements become line breaks, script/style are dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def fragment_to_text(fragment: str) -> str:
    """Text of an HTML fragment (feed summaries, JSON fields holding markup); plain text passes through."""
    if not _TAG.search(fragment):
        return tidy_text(_html.unescape(fragment))
    parser = _TextParser()
    parser.feed(fragment)
    parser.close()
    lines = (re.sub(r"[ \t\u00a0]+", " ", ln).strip() for ln in "".join(parser.parts).split("\n"))
    return tidy_text("\n".join(ln for ln in lines if ln))


def looks_like_html(head: str) -> bool:
    """True when the start of a text is an HTML document or clearly HTML markup."""
    low = head[:4096].lower()
    if re.search(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", low):
        return True
    return len(re.findall(r"</?(?:p|div|span|a|article|section|h[1-6]|br|li|table)[\s>/]", low)) >= 3


def extract_html(html: str, url: str | None = None) -> dict[str, Any] | None:
    """trafilatura's main text and metadata as a dict (text, title, date, sitename, author, url, …), or None."""
    import trafilatura  # heavy import, only when HTML is met

    doc = None
    for recall in (False, True):  # a second, more generous pass for short pages
        try:
            doc = trafilatura.bare_extraction(
                html, url=url, with_metadata=True, include_comments=False, favor_recall=recall
            )
        except Exception:  # trafilatura raises assorted lxml/parser errors on broken markup
            doc = None
        if doc is not None and len((getattr(doc, "text", None) or "").split()) >= _MIN_WORDS:
            break
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return data if len((data.get("text") or "").split()) >= _MIN_WORDS else None


def read_html(
    html: str,
    origin: str,
    origin_name: str,
    *,
    url: str | None = None,
    source_format: str = "html",
    keep_raw: bool = False,
) -> ReaderOutput:
    """One article from an HTML page; IngestError when no main text can be extracted."""
    if not html.strip():
        yield IngestError(origin, "empty (whitespace only)")
        return
    if "<" not in html:
        yield IngestError(origin, "malformed HTML (no markup)")
        return
    data = extract_html(html, url=url)
    if data is None:
        yield IngestError(origin, "no extractable text (malformed or empty HTML)")
        return
    yield _document(data, html, origin, origin_name, url, source_format, keep_raw)


def _document(
    data: dict[str, Any],
    html: str,
    origin: str,
    origin_name: str,
    url: str | None,
    source_format: str,
    keep_raw: bool,
) -> RawDocument | IngestError:
    title = clean_field(data.get("title"))
    body = tidy_text(data.get("text") or "")
    meta: dict[str, Any] = {}
    for key in ("description", "hostname", "categories", "tags", "license", "image"):
        value = data.get(key)
        if value:
            meta[key] = value
    return make_document(
        with_title(title, body),
        origin=origin,
        origin_name=origin_name,
        source_format=source_format,
        title=title,
        url=data.get("url") or url,
        date_value=data.get("date"),
        byline=data.get("author"),
        outlet=data.get("sitename"),
        raw_html=html if keep_raw else None,
        meta=meta,
    )
