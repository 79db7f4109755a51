"""Fetch one http(s) URL with urllib: honest User-Agent, timeout, size cap, redirect limit.

:func:`read_url` turns the page into a RawDocument (HTML via trafilatura; the page itself kept in
`raw_html`), or an IngestError with a one-line reason. Nothing else in claimtrack touches the network.
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from http.client import HTTPMessage
from typing import IO
from urllib.parse import urlsplit

from claimtrack.ingest.base import IngestError
from claimtrack.ingest.common import ReaderOutput
from claimtrack.ingest.encoding import declared_charset, guess_decode, normalise_text

USER_AGENT = "claimtrack/0.1 (+offline claim tracker)"
DEFAULT_TIMEOUT = 15.0  # seconds, per socket operation and for the whole download
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_TEXTUAL = re.compile(r"^(?:text/|application/(?:xhtml\+xml|xml|rss\+xml|atom\+xml)$)")


def is_url(value: str) -> bool:
    """True for an http:// or https:// URL with a host."""
    parts = urlsplit(value.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@dataclass(slots=True)
class Fetched:
    """A downloaded page: final URL after redirects, body bytes and the response's content type."""

    url: str
    body: bytes
    content_type: str
    charset: str | None


class FetchError(Exception):
    """A URL that could not be fetched; the message is the one-line reason."""


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS
    max_repeats = 1  # the same URL twice is a loop

    def redirect_request(self, req: urllib.request.Request, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage,
                         newurl: str) -> urllib.request.Request | None:
        if not is_url(newurl):
            raise FetchError(f"redirect to a non-http URL ({newurl[:80]})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _opener() -> urllib.request.OpenerDirector:
    # Only http/https handlers: no file://, ftp:// or data: through this door.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        _LimitedRedirects(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    return opener


def fetch(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = 20_000_000) -> Fetched:
    """Download `url`; FetchError on HTTP errors, timeouts, loops, oversize or non-text bodies."""
    if not is_url(url):
        raise FetchError("not an http(s) URL")
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"}
    )
    deadline = time.monotonic() + timeout
    try:
        with _opener().open(request, timeout=timeout) as resp:
            headers: Message = resp.headers
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"too large ({int(length):,} bytes > {max_bytes:,})")
            ctype = headers.get_content_type()
            if not _TEXTUAL.match(ctype):
                raise FetchError(f"unsupported content type {ctype}")
            chunks: list[bytes] = []
            size = 0
            while True:
                chunk = resp.read1(_CHUNK)  # what has arrived: a server trickling bytes still meets the deadline
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large (more than {max_bytes:,} bytes)")
                if time.monotonic() > deadline:
                    raise FetchError(f"timed out after {timeout:g}s")
                chunks.append(chunk)
            return Fetched(resp.geturl(), b"".join(chunks), ctype, headers.get_content_charset())
    except FetchError:
        raise
    except urllib.error.HTTPError as exc:
        if exc.code in (301, 302, 303, 307, 308):
            raise FetchError(f"redirect loop or too many redirects (HTTP {exc.code})") from None
        raise FetchError(f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError(f"timed out after {timeout:g}s") from None
        raise FetchError(f"cannot connect: {reason}") from None
    except TimeoutError:
        raise FetchError(f"timed out after {timeout:g}s") from None
    except (OSError, ValueError) as exc:  # reset connections, bad status lines, invalid URLs
        raise FetchError(f"fetch failed: {type(exc).__name__}: {exc}".splitlines()[0]) from None


def read_url(url: str, *, timeout: float = DEFAULT_TIMEOUT, max_bytes: int = 20_000_000) -> ReaderOutput:
    """Fetch a page and extract it; RawDocument.source_format is "url" and raw_html holds the page."""
    from claimtrack.ingest.htmlreader import read_html
    from claimtrack.ingest.plaintext import read_text

    url = url.strip()
    try:
        page = fetch(url, timeout=timeout, max_bytes=max_bytes)
    except FetchError as exc:
        yield IngestError(url, str(exc))
        return
    if not page.body.strip():
        yield IngestError(url, "empty (no content)")
        return
    declared = page.charset or (declared_charset(page.body) if "html" in page.content_type else None)
    try:
        text, _enc = guess_decode(page.body, declared)
    except ValueError as exc:
        yield IngestError(url, str(exc))
        return
    text = normalise_text(text)
    if page.content_type == "text/plain":
        for item in read_text(text, url, url):
            if not isinstance(item, IngestError):
                item.source_format, item.url = "url", page.url
            yield item
        return
    for item in read_html(text, url, url, url=page.url, source_format="url", keep_raw=True):
        if not isinstance(item, IngestError) and page.url != url:
            item.meta["requested_url"] = url
        yield item
