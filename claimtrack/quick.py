"""Commands answered before Typer and the database stack load: `claims` and the TUI on a SQLite database.

`answer(argv)` recognises a plain `[--db X] [--analyst Y] claims [options]`, or `[--db X] [--analyst Y]
[tui [--bidi M]]`, whose database is a SQLite file at this claimtrack's schema (listing.BareReader).
Anything else — other commands, --help, a value Typer would reject, a database to create, upgrade, seed
or refuse, PostgreSQL — returns False, and the ordinary CLI runs exactly as before.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import threading
from collections.abc import Sequence
from typing import Any

from claimtrack.enums import ClaimKind, ClaimState, Verdict
from claimtrack.listing import SORT_COLUMNS, BareReader, ClaimFilter, ClaimRow

GLOBAL_OPTIONS = ("--db", "--analyst")
CLAIMS_OPTIONS = {
    "--state": ClaimState, "--verdict": Verdict, "--kind": ClaimKind, "--claimant": str, "--search": str,
    "--tag": str, "--assignee": str, "--language": str, "--document": int, "--limit": int, "--sort": str,
}
TUI_OPTIONS = {"--bidi": str}
BIDI_MODES = ("terminal", "app", "off")


def parse_options(args: Sequence[str], known: dict[str, Any], flags: tuple[str, ...] = ()) -> dict[str, Any] | None:
    """`--name value`, `--name=value` and flags, converted by `known`; None for anything else."""
    out: dict[str, Any] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        name, eq, value = arg.partition("=")
        if name in flags and not eq:
            out[name] = True
            i += 1
            continue
        if name not in known:
            return None
        if not eq:
            if i + 1 >= len(args):
                return None
            value = args[i + 1]
            i += 1
        i += 1
        if value.startswith("-"):
            return None  # Click's reading of such values is its own: let it decide
        try:
            out[name] = known[name](value)
        except ValueError:
            return None
    return out


def split_command(argv: Sequence[str]) -> tuple[dict[str, Any], str | None, list[str]] | None:
    """(global options, command, the command's arguments), or None when the global part is not plain."""
    i, found = 0, []
    while i < len(argv) and argv[i].startswith("-"):
        name = argv[i].partition("=")[0]
        if name not in GLOBAL_OPTIONS:
            return None
        found.append(argv[i])
        if "=" not in argv[i]:
            if i + 1 >= len(argv):
                return None
            found.append(argv[i + 1])
            i += 1
        i += 1
    options = parse_options(found, {n: str for n in GLOBAL_OPTIONS})
    if options is None:
        return None
    return options, (argv[i] if i < len(argv) else None), list(argv[i + 1:])


def claims_filter(opts: dict[str, Any]) -> ClaimFilter:
    return ClaimFilter(state=opts.get("--state"), verdict=opts.get("--verdict"), kind=opts.get("--kind"),
                       claimant=opts.get("--claimant"), search=opts.get("--search"), tag=opts.get("--tag"),
                       assignee=opts.get("--assignee"), language=opts.get("--language"),
                       document_id=opts.get("--document"))


def print_claims(rows: list[ClaimRow], total: int, as_json: bool) -> None:
    """`claimtrack claims` output: JSON, a table, or why there are no rows."""
    if as_json:
        print(json.dumps([{"id": r.id, "state": r.state, "verdict": r.verdict, "kind": r.kind, "claimant": r.claimant,
                           "text": r.text, "language": r.language, "outlet": r.outlet, "assignee": r.assignee,
                           "appearances": r.appearances, "outlets": r.outlets,
                           "first_seen": r.first_seen.isoformat() if r.first_seen else None} for r in rows],
                         ensure_ascii=False, indent=2, default=str))
        return
    if not rows:
        print("No claims match." if total == 0 else f"No claims on this page ({total} match).")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(width=None if sys.stdout.isatty() else 160)
    table = Table(show_lines=False, title=f"{len(rows)} of {total} claims", expand=True)
    for col, opts in (("id", {"justify": "right"}), ("state", {}), ("verdict", {}), ("kind", {}),
                      ("claimant", {"max_width": 24, "overflow": "ellipsis"}),
                      ("claim", {"ratio": 1, "overflow": "ellipsis"}),
                      ("outlet", {"max_width": 16, "overflow": "ellipsis"}), ("date", {})):
        table.add_column(col, no_wrap=True, **opts)
    for r in rows:
        table.add_row(str(r.id), r.state, r.verdict, r.kind, Text(r.claimant), Text(r.text),
                      Text(r.outlet or ""), r.first_seen.date().isoformat() if r.first_seen else "")
    console.print(table)


def open_reader(db_option: str | None) -> BareReader | None:
    """The bare reader of the database the CLI would use, or None (the CLI then decides what to do)."""
    from claimtrack.target import resolve_target

    try:
        target = resolve_target(db_option)
    except Exception:  # noqa: BLE001 - e.g. a broken config file: the ordinary path reports it
        return None
    return BareReader.open(target)


def warn_network_fs(db_option: str | None) -> None:
    """What Workspace.ready says on stderr about a SQLite file on a network file system."""
    from claimtrack.target import network_warning, resolve_target

    message = network_warning(resolve_target(db_option))
    if message:
        sys.stderr.write(message + "\n")


def claims(global_opts: dict[str, Any], args: list[str]) -> bool:
    opts = parse_options(args, CLAIMS_OPTIONS, flags=("--json",))
    if opts is None or opts.get("--limit", 50) < 1 or opts.get("--sort", "id") not in SORT_COLUMNS:
        return False
    sort = opts.get("--sort", "id")
    reader = open_reader(global_opts.get("--db"))
    if reader is None:
        return False
    filt, as_json = claims_filter(opts), bool(opts.get("--json"))
    counted: dict[str, Any] = {}

    def count() -> None:  # sqlite3 lets go of the GIL: the count runs while rich loads
        try:
            counted["total"] = reader.count(filt)
        except sqlite3.Error as exc:
            counted["error"] = exc

    counter = threading.Thread(target=count)
    if not as_json:  # JSON shows no total
        counter.start()
    try:
        rows = reader.page(filt, sort=sort, descending=sort in ("appearances", "outlets"), limit=opts.get("--limit", 50))
    except sqlite3.Error:
        rows = None
    if not as_json:
        import rich.console  # noqa: F401
        import rich.table  # noqa: F401

        counter.join()
    reader.close()
    if rows is None or "error" in counted:
        return False  # the ordinary path reports it (a locked or damaged database) as always
    warn_network_fs(global_opts.get("--db"))
    print_claims(rows, counted.get("total", 0), as_json)
    return True


def tui(global_opts: dict[str, Any], command: str | None, args: list[str]) -> bool:
    """`claimtrack [tui]`: open the TUI on the bare reader; the database stack loads after the first paint."""
    opts = parse_options(args, TUI_OPTIONS) if command == "tui" else (None if args else {})
    if opts is None or opts.get("--bidi", "terminal") not in BIDI_MODES:
        return False
    from claimtrack.config import ConfigError, load_settings

    try:
        settings = load_settings()
    except ConfigError:
        return False
    reader = open_reader(global_opts.get("--db"))
    if reader is None:
        return False
    if command is None and not reader.has_documents():  # the ordinary path seeds an empty database
        reader.close()
        return False
    warn_network_fs(global_opts.get("--db"))
    from claimtrack.target import resolve_target
    from tui.app import build_app  # the headless core never imports textual at module level

    build_app(analyst=global_opts.get("--analyst") or settings.analyst,
              bidi=opts.get("--bidi") or settings.value("bidi"), settings=settings,
              target=resolve_target(global_opts.get("--db")), reader=reader).run()
    return True


def answer(argv: Sequence[str]) -> bool:
    """Run `argv` here if it is one of the commands answered without Typer; False otherwise."""
    parts = split_command(argv)
    if parts is None:
        return False
    global_opts, command, args = parts
    if command == "claims":
        return claims(global_opts, args)
    if command in ("tui", None):
        return tui(global_opts, command, args)
    return False
