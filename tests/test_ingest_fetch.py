"""URL fetching against a local http.server on 127.0.0.1 (random free port, in a thread)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimtrack.ingest.base import IngestError, RawDocument
from claimtrack.ingest.fetch import USER_AGENT, read_url
from claimtrack.ingest.readers import iter_documents

PAGE = (Path(__file__).parent / "fixtures" / "ingest" / "page.html").read_bytes()
AR_PAGE = (
    "<html><head><meta charset='windows-1256'><title>خبر عاجل</title></head><body><article>"
    "<h1>خبر عاجل</h1><p>قال المتحدث باسم الوزارة إن الحكومة ستخفض الضرائب بنسبة عشرة في المئة "
    "خلال العام المقبل، مؤكداً أن القرار نهائي ولا رجعة فيه.</p></article></body></html>"
).encode("cp1256")
SEEN_AGENTS: list[str] = []


class Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def _send(self, code: int, body: bytes, ctype: str = "text/html; charset=utf-8") -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up: expected
            self._route()

    def _route(self) -> None:
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/article":
            self._send(200, PAGE)
        elif self.path == "/arabic":
            self._send(200, AR_PAGE, "text/html")  # charset only in the <meta>
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", "/article")
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        elif self.path.startswith("/chain"):
            n = int(self.path.removeprefix("/chain") or 0)
            self.send_response(302)
            self.send_header("Location", f"/chain{n + 1}")
            self.end_headers()
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200, PAGE)
        elif self.path == "/big":
            self._send(200, b"<html><body><p>" + b"word " * 50_000 + b"</p></body></html>")
        elif self.path == "/bigchunked":  # no Content-Length: the cap must apply while reading
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"<p>" + b"x" * 10_000 + b"</p>")
            self.close_connection = True
        elif self.path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif self.path == "/empty":
            self._send(200, b"<html><body><nav><a href='/'>home</a></nav></body></html>")
        else:
            self._send(404, b"not found", "text/plain")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def only(items: list[RawDocument | IngestError]) -> RawDocument | IngestError:
    assert len(items) == 1, items
    return items[0]


def error_reason(url: str, **kw: float) -> str:
    item = only(list(read_url(url, **kw)))  # type: ignore[arg-type]
    assert isinstance(item, IngestError), item
    assert "\n" not in str(item) and item.origin == url
    return item.reason


def test_fetch_success_keeps_raw_html(server: str) -> None:
    doc = only(list(read_url(f"{server}/article")))
    assert isinstance(doc, RawDocument)
    assert doc.source_format == "url" and doc.origin == f"{server}/article"
    assert doc.title == "Bridge repairs finished early" and doc.outlet == "Riverside Gazette"
    assert doc.text.startswith("Bridge repairs finished early\nThe transport department")
    assert doc.raw_html is not None and "<nav>" in doc.raw_html
    assert SEEN_AGENTS[-1] == USER_AGENT == "claimtrack/0.1 (+offline claim tracker)"


def test_fetch_declared_arabic_charset(server: str) -> None:
    doc = only(list(read_url(f"{server}/arabic")))
    assert isinstance(doc, RawDocument) and doc.language == "ar"
    assert "قال المتحدث باسم الوزارة" in doc.text


def test_redirect_followed(server: str) -> None:
    doc = only(list(read_url(f"{server}/moved")))
    assert isinstance(doc, RawDocument) and doc.meta["requested_url"] == f"{server}/moved"


def test_404(server: str) -> None:
    assert error_reason(f"{server}/missing") == "HTTP 404 Not Found"


def test_redirect_loop_and_too_many_redirects(server: str) -> None:
    assert "redirect" in error_reason(f"{server}/loop")
    assert "redirect" in error_reason(f"{server}/chain0")


def test_timeout(server: str) -> None:
    assert "timed out" in error_reason(f"{server}/slow", timeout=0.3)


def test_size_cap(server: str) -> None:
    assert "too large" in error_reason(f"{server}/big", max_bytes=10_000)
    assert "too large" in error_reason(f"{server}/bigchunked", max_bytes=100_000)


def test_non_text_and_empty_pages(server: str) -> None:
    assert "unsupported content type image/png" in error_reason(f"{server}/image")
    assert "no extractable text" in error_reason(f"{server}/empty")


def test_connection_refused() -> None:
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    assert "cannot connect" in error_reason(f"http://127.0.0.1:{port}/x", timeout=2)


def test_batch_with_urls_file_goes_on(server: str, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# list\n{server}/missing\n\nnot a url\n{server}/article\n")
    items = list(iter_documents([f"{server}/article"], urls_file=str(urls)))
    kinds = [type(i).__name__ for i in items]
    assert kinds == ["RawDocument", "IngestError", "IngestError", "RawDocument"]
    assert "not an http(s) URL" in items[2].reason  # type: ignore[union-attr]
