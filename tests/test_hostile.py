"""The hostile-input corpus (tests/hostile/) through ingest, search, every text-taking CLI command, the
report formats and URL fetching. Each input works, or fails with one clear line and leaves the database
exactly as it was (an SQL dump before and after)."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack import db, migrations, services
from claimtrack.cli import app
from claimtrack.ingest.base import IngestError
from claimtrack.ingest.fetch import read_url
from claimtrack.text import BIDI_CONTROLS

sys.path.insert(0, str(Path(__file__).parent / "hostile"))
import generate  # noqa: E402

STRINGS = generate.strings()
RAW_BIDI = tuple(BIDI_CONTROLS)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return generate.write(tmp_path_factory.mktemp("hostile"))


@pytest.fixture
def dbfile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(tmp_path / "no-config.toml"))
    path = str(tmp_path / "hostile.db")
    engine = db.make_engine(path)
    migrations.upgrade(engine)
    with db.atomic(engine) as s:
        services.ensure_analyst(session=s, handle="amal")
    engine.dispose()
    return path


def run(dbfile: str, *args: str, analyst: str = "amal"):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["--db", dbfile, "--analyst", analyst, *args], catch_exceptions=False)


def dump(dbfile: str) -> list[str]:
    con = sqlite3.connect(dbfile)
    try:
        return list(con.iterdump())
    finally:
        con.close()


def assert_clear_failure(result) -> None:  # type: ignore[no-untyped-def]
    """Exit 1 (2 for a usage error); stderr holds only one-line messages (an error line, per-file ingest
    errors), no traceback."""
    assert result.exit_code in (1, 2), result.output
    lines = result.stderr.strip().splitlines()
    assert lines and all(ln.startswith(("claimtrack: error: ", "error: ", "warning: ")) for ln in lines), lines[:5]
    assert sum(ln.startswith("claimtrack: error: ") for ln in lines) <= 1
    assert "Traceback" not in result.output


def checked(dbfile: str, *args: str, analyst: str = "amal"):  # type: ignore[no-untyped-def]
    """Run a command; if it fails, it must fail clearly and change nothing."""
    before = dump(dbfile)
    result = run(dbfile, *args, analyst=analyst)
    if result.exit_code != 0:
        assert_clear_failure(result)
        assert dump(dbfile) == before, f"a failed `{' '.join(a[:30] for a in args)}` changed the database"
    return result


# --- files through ingest ------------------------------------------------------------------------

ACCEPTED = {"cp1256.txt": "الاقتصاد", "utf16_no_bom.txt": "الاقتصاد", "truncated_utf8.txt": "الاقتصاد",
            "trojan_source.txt": "\u202eis not\u202c", "markup.html": "Finance minister",
            "overlong_claimant.txt": "Abdulrahman Abdulrahman"}
REFUSED = {"empty.txt": "empty file", "binary.txt": "binary file", "nul_bytes.txt": "binary file",
           "just_over_limit.txt": "too large", "fifty_mb.txt": "too large", "empty_feed.xml": "no entries",
           "billion_laughs.xml": "malformed feed XML", "external_entity.xml": "empty",
           "nested_10000.html": "no extractable text", "million_tiny_records.json": "no text field"}


@pytest.mark.parametrize("name", sorted(ACCEPTED))
def test_hostile_files_that_are_text_are_ingested_as_given(corpus: dict[str, Path], dbfile: str, name: str) -> None:
    result = checked(dbfile, "ingest", str(corpus[name]))
    assert result.exit_code == 0 and result.stdout.startswith("1 added")
    con = sqlite3.connect(dbfile)
    (text,) = con.execute("SELECT text FROM document").fetchone()
    con.close()
    assert ACCEPTED[name] in text and "\x00" not in text


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_files_are_refused_in_one_line_each(corpus: dict[str, Path], dbfile: str, name: str) -> None:
    result = checked(dbfile, "ingest", str(corpus[name]))
    assert_clear_failure(result)
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error: ")]
    assert 1 <= len(errors) <= 4 and REFUSED[name] in errors[0]  # a million bad records: 3 named, 1 summary
    assert result.stdout.startswith("0 added")


def test_json_with_wrong_types_keeps_the_good_records(corpus: dict[str, Path], dbfile: str) -> None:
    result = run(dbfile, "ingest", str(corpus["wrong_types.json"]))  # a partial success: exit 1, good ones kept
    assert_clear_failure(result)
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error: ")]
    added = int(result.stdout.split()[0])
    assert added + len(errors) == 5 and added >= 1
    assert len(stored(dbfile, "SELECT id FROM document")) == added


# --- text through every command ------------------------------------------------------------------


def seeded(dbfile: str, corpus: dict[str, Path]) -> tuple[int, int]:
    assert run(dbfile, "ingest", str(corpus["trojan_source.txt"]), str(corpus["cp1256.txt"])).exit_code == 0
    con = sqlite3.connect(dbfile)
    ids = [r[0] for r in con.execute("SELECT id FROM claim ORDER BY id")]
    con.close()
    return ids[0], ids[-1]


def stored(dbfile: str, sql: str) -> list[object]:
    con = sqlite3.connect(dbfile)
    try:
        return [r[0] for r in con.execute(sql)]
    finally:
        con.close()


@pytest.mark.parametrize("kind", sorted(STRINGS))
def test_hostile_text_through_every_command(corpus: dict[str, Path], dbfile: str, kind: str) -> None:
    cid, other = seeded(dbfile, corpus)
    for value in STRINGS[kind]:
        # positional text goes after `--` (else Click reads "-2+3" as an option: a usage error, exit 2)
        if checked(dbfile, "comment", str(cid), "--", value).exit_code == 0:
            assert stored(dbfile, "SELECT body FROM comment ORDER BY id DESC LIMIT 1") == [value]  # as given
        checked(dbfile, "claim", "set", str(cid), "--rationale", value, "--tag", value)
        checked(dbfile, "claim", "set", str(cid), "--assign", value)
        checked(dbfile, "evidence", "add", str(cid), "--note", value, "--stance", "context", "--title", value,
                "--excerpt", value)
        checked(dbfile, "evidence", "add", str(cid), "--url", value, "--stance", "supports")
        checked(dbfile, "evidence", "add", str(cid), "--file", value, "--stance", "supports")
        checked(dbfile, "report", "--claim", str(cid), "--template", value)
        checked(dbfile, "link", str(cid), "supports", str(other), "--note", value)
        checked(dbfile, "claims", "--search", value, "--claimant", value)
        checked(dbfile, "claims", "--tag", value, "--assignee", value, "--language", value)
        checked(dbfile, "report", "--search", value, "--format", "json")
        checked(dbfile, "audit", "log", "--analyst", value, "--since", value)
        if len(value) < 1000:
            checked(dbfile, "analyst", "add", "--role", "viewer", "--", value)
            checked(dbfile, "analyst", "list", analyst=value)
    for value in STRINGS[kind][:2]:
        checked(dbfile, "ingest", str(corpus["cp1256.txt"]), "--outlet", value, "--url", value, "--published", value)
        checked(dbfile, "ingest", str(corpus["markup.html"]), "--outlet", value[:300])
    assert checked(dbfile, "audit", "verify").exit_code == 0


# --- what reports show ---------------------------------------------------------------------------


def test_reports_show_bidi_controls_and_never_run_markup_formulas_or_scripts(
        corpus: dict[str, Path], dbfile: str, tmp_path: Path) -> None:
    cid, _ = seeded(dbfile, corpus)
    for value in STRINGS["bidi"] + STRINGS["markup"] + STRINGS["template"] + STRINGS["csv_formula"]:
        assert run(dbfile, "comment", str(cid), "--", value).exit_code == 0
    for value in STRINGS["url"]:
        run(dbfile, "evidence", "add", str(cid), "--note", value, "--title", value, "--stance", "context")
    outputs = {}
    for fmt in ("md", "html", "json", "csv", "pdf"):
        for lang in ("en", "ar"):
            out = tmp_path / f"r-{lang}.{fmt}"
            assert run(dbfile, "report", "--claim", str(cid), "-f", fmt, "--lang", lang, "-o", str(out)).exit_code == 0
            outputs[(fmt, lang)] = out.read_bytes()
    for fmt in ("jsonl", "json", "csv", "claimreview"):
        out = tmp_path / f"export.{fmt}"
        assert run(dbfile, "export", "-f", fmt, "-o", str(out)).exit_code == 0
        outputs[(f"export-{fmt}", "")] = out.read_bytes()
    for (fmt, _lang), data in outputs.items():
        if fmt == "pdf":
            assert data.startswith(b"%PDF")
            continue
        text = data.decode("utf-8-sig")
        assert not any(ch in text for ch in RAW_BIDI), f"{fmt} shows raw bidi controls"
        if fmt in ("html", "md"):
            assert "U+202E RLO" in text and "<script>" not in text and 'href="javascript:' not in text.lower()
            assert "7*7" in text.replace("\\", "")  # template syntax in data is shown, never evaluated
        if fmt in ("csv", "export-csv"):
            for row in csv.reader(io.StringIO(text)):
                assert not [cell for cell in row if cell[:1] in ("=", "+", "-", "@", "\t")], row
        if fmt in ("json", "export-json", "export-jsonl"):  # (ClaimReview lists published claims only: none)
            assert "\\u202e" in text  # escaped, and the value decodes to what was stored
    decoded = json.loads(outputs[("json", "en")].decode("utf-8"))
    assert any("\u202eevil\u202c" in c["body"] for c in decoded["claims"][0]["comments"])


# --- URLs that misbehave -------------------------------------------------------------------------


class Hostile(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            if self.path == "/loop":
                self.send_response(302)
                self.send_header("Location", "/loop")
                self.end_headers()
            elif self.path.startswith("/huge"):
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                if self.path == "/huge-declared":
                    self.send_header("Content-Length", str(100 * 1024 * 1024))
                self.end_headers()
                block = b"<p>" + b"x" * 65_533
                for _ in range(1600):  # 100 MB unless the client hangs up first
                    self.wfile.write(block)
            elif self.path in ("/stall", "/trickle"):
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                for _ in range(20_000):  # 1000 s: far longer than any timeout
                    if self.path == "/trickle":
                        self.wfile.write(b"<")
                        self.wfile.flush()
                    time.sleep(0.05)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.mark.parametrize(("path", "reason"), [("/loop", "redirect"), ("/huge", "too large"),
                                              ("/huge-declared", "too large")])
def test_misbehaving_urls_through_ingest(server: str, dbfile: str, path: str, reason: str) -> None:
    result = checked(dbfile, "ingest", f"{server}{path}")
    assert_clear_failure(result)
    assert reason in result.stderr


@pytest.mark.parametrize("path", ["/stall", "/trickle"])
def test_stalling_urls_time_out(server: str, path: str) -> None:
    (item,) = list(read_url(f"{server}{path}", timeout=1.0))  # a trickle used to hold ingest for ever
    assert isinstance(item, IngestError) and "timed out" in item.reason


# --- the TUI -------------------------------------------------------------------------------------


def test_tui_shows_bidi_controls_and_takes_hostile_text_literally(corpus: dict[str, Path], dbfile: str) -> None:
    import asyncio

    sys.path.insert(0, str(Path(__file__).parent / "tui"))
    from tui_helpers import SIZE, make_app, screen_text, settle

    cid, _ = seeded(dbfile, corpus)
    assert run(dbfile, "comment", str(cid), "--", STRINGS["bidi"][0]).exit_code == 0
    engine = db.make_engine(dbfile)
    typed = "[bold]x[/] {{7*7}} =1+1 <b>"

    async def session() -> tuple[str, str, str]:
        app = make_app(engine, "amal")
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await pilot.press("slash", *'"NEAR(', "enter")  # FTS syntax in the search box: a plain search
            await settle(pilot)
            after_search = screen_text(app)
            await pilot.press("escape")
            app.open_claim(cid)
            await settle(pilot)
            claim_text = screen_text(app)
            await pilot.press("c")
            await settle(pilot)
            await pilot.click("#body")
            await pilot.press(*["space" if ch == " " else ch for ch in typed], "ctrl+s")
            await settle(pilot)
            return after_search, claim_text, screen_text(app)

    after_search, claim_text, after_comment = asyncio.run(session())
    engine.dispose()
    assert "claimtrack" in after_search  # still running, search answered
    raw = [ln for ln in claim_text.splitlines() if any(ch in ln for ch in RAW_BIDI)]
    assert "[U+202E RLO]" in claim_text and raw == []
    assert stored(dbfile, "SELECT body FROM comment ORDER BY id DESC LIMIT 1") == [typed]
    assert typed in after_comment  # shown literally: no markup, no template
