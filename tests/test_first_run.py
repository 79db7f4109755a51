"""What a new user meets first: paths, folder ingest, role refusals, help and error wording."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer.main
from helpers import ROOT
from typer.testing import CliRunner

from claimtrack.cli import app

PYTHONISH = re.compile(r"<(str|int|float|path|bool|list|Path)\b|\{[A-Z_]+\}|list\[|\bNoneType\b")


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CLAIMTRACK_CONFIG", str(tmp_path / "no-config.toml"))
    monkeypatch.delenv("CLAIMTRACK_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def invoke(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), catch_exceptions=False)

    return invoke


def _walk(group, prefix=()):  # type: ignore[no-untyped-def]
    yield prefix
    for name, cmd in sorted(getattr(group, "commands", {}).items()):
        yield from _walk(cmd, (*prefix, name))


def test_db_in_a_missing_folder_is_one_clear_error_and_creates_nothing(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("--db", str(tmp_path / "no" / "such" / "x.db"), "claims")
    assert result.exit_code != 0
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "does not exist" in lines[0] and "Traceback" not in result.output
    assert not (tmp_path / "no").exists()


def test_the_default_data_folder_is_still_created(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("--analyst", "amal", "claims")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "data" / "claimtrack.db").exists()


def _corpus_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "LICENSE").write_text("Creative Commons Affirmer said that the licence is not a contract.\n")
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not an article")
    (folder / ".hidden.txt").write_text("Officials said that this must never be ingested.\n")
    (folder / "sub" / "article.txt").write_text("Minister says\nThe minister said that prices fell 3% in May.\n")
    return folder


def test_folder_ingest_takes_known_formats_and_says_what_it_skipped(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = _corpus_folder(tmp_path)
    result = run("--db", "x.db", "--analyst", "amal", "ingest", str(folder), "--json")
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["added"] == 1
    skipped = {Path(item["origin"]).name: item["reason"] for item in summary["skipped"]}
    assert set(skipped) == {"LICENSE", "notes.docx", ".hidden.txt"}
    assert skipped[".hidden.txt"] == "hidden" and "not an article format" in skipped["LICENSE"]
    text = run("--db", "y.db", "--analyst", "amal", "ingest", str(folder)).output
    assert "skipped 3 file(s)" in text and "LICENSE" in text


def test_a_file_named_explicitly_is_still_tried(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    licence = _corpus_folder(tmp_path) / "LICENSE"
    summary = json.loads(run("--db", "x.db", "--analyst", "amal", "ingest", str(licence), "--json").output)
    assert summary["added"] == 1 and summary["skipped"] == []


def _publishable_claim(run) -> None:  # type: ignore[no-untyped-def]
    seed = ROOT / "seeds"
    assert run("--db", "t.db", "--analyst", "root", "ingest", str(seed), "--published", "2023-08-31").exit_code == 0
    for args in (("claim", "set", "5", "--state", "investigating"),
                 ("evidence", "add", "5", "--note", "briefing", "--stance", "supports"),
                 ("claim", "set", "5", "--verdict", "mostly_true", "--rationale", "r", "--state", "in_review")):
        assert run("--db", "t.db", "--analyst", "root", *args).exit_code == 0


def test_publish_refusal_names_the_admin_and_the_command(run) -> None:  # type: ignore[no-untyped-def]
    _publishable_claim(run)
    refused = run("--db", "t.db", "--analyst", "rana", "claim", "set", "5", "--state", "published")
    assert refused.exit_code == 1
    assert "only a reviewer or an admin can publish" in refused.output
    assert "an admin (root) can run `claimtrack analyst set-role rana reviewer`" in refused.output


def test_a_refused_command_still_registers_the_analyst(run) -> None:  # type: ignore[no-untyped-def]
    _publishable_claim(run)
    run("--db", "t.db", "--analyst", "rana", "claim", "set", "5", "--state", "published")
    granted = run("--db", "t.db", "--analyst", "root", "analyst", "set-role", "rana", "reviewer")
    assert granted.exit_code == 0, granted.output
    published = run("--db", "t.db", "--analyst", "rana", "claim", "set", "5", "--state", "published")
    assert "state=published" in published.output


def test_four_eyes_refusal_is_a_whole_sentence(run) -> None:  # type: ignore[no-untyped-def]
    _publishable_claim(run)
    refused = run("--db", "t.db", "--analyst", "root", "claim", "set", "5", "--state", "published")
    assert refused.output.strip().endswith("another reviewer or admin must publish it")


def test_help_shows_words_not_python_types(run) -> None:  # type: ignore[no-untyped-def]
    offenders = []
    for path in _walk(typer.main.get_command(app)):
        output = run(*path, "--help").output
        offenders += [f"{' '.join(path)}: {m.group(0)}" for m in PYTHONISH.finditer(output)]
    assert offenders == []
    claims_help = run("claims", "--help").output
    assert "--since DATE" in claims_help and "--limit N" in claims_help and "--search TEXT" in claims_help


def test_a_bad_choice_is_one_plain_line(run) -> None:  # type: ignore[no-untyped-def]
    result = run("--db", "x.db", "claim", "set", "5", "--state", "done")
    assert result.exit_code == 2
    (line,) = [line for line in result.output.splitlines() if line.strip()]
    assert line.startswith("claimtrack: error: invalid value for '--state': 'done' is not one of")
    assert "Value error" not in line and "Usage:" not in result.output


def test_db_check_speaks_for_itself(run) -> None:  # type: ignore[no-untyped-def]
    run("--db", "x.db", "init")
    output = run("--db", "x.db", "db", "check").output
    assert output.startswith("ok: schema") and "upgrade operations" not in output


def test_timeline_cuts_quotes_between_words_with_an_ellipsis(run) -> None:  # type: ignore[no-untyped-def]
    run("--db", "t.db", "ingest", str(ROOT / "seeds"), "--published", "2023-08-31")
    lines = [line for line in run("--db", "t.db", "timeline", "3").output.splitlines() if "«" in line]
    assert lines, "the timeline shows the claim's appearance"
    for line in lines:
        quote = line[line.index("«") + 1: line.rindex("»")]
        assert quote.endswith(" …") or len(quote) <= 80
