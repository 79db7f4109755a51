"""The `claimtrack` command line (Typer). With no command it opens the TUI on the default database."""

from __future__ import annotations

import json
import sys
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TypedDict

import sqlalchemy as sa
import typer
import typer.core

from claimtrack import db
from claimtrack.cli_help import PlainHelpGroup, UsageError, usage_message
from claimtrack.config import ConfigError
from claimtrack.context import Workspace
from claimtrack.services import ClaimtrackError
from claimtrack.workflow import WorkflowError

USER_ERRORS = (ClaimtrackError, WorkflowError, ConfigError)


class ErrorHandlingGroup(PlainHelpGroup):
    """Turns user errors and database errors into one line on stderr and exit code 1."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except USER_ERRORS as exc:
            typer.echo(f"claimtrack: error: {exc}", err=True)
            raise typer.Exit(1) from None
        except UsageError as exc:
            typer.echo(f"claimtrack: error: {usage_message(exc)}", err=True)
            raise typer.Exit(2) from None
        except sa.exc.OperationalError as exc:
            typer.echo(f"claimtrack: database error: {str(exc.orig).splitlines()[0]}", err=True)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=ErrorHandlingGroup,
    help="claimtrack: track and verify claims in the news. Run with no command to open the terminal UI.",
    no_args_is_help=False,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(cls=PlainHelpGroup, help="Create, upgrade, check and back up the database.", rich_markup_mode=None)
claim_app = typer.Typer(cls=PlainHelpGroup, help="Change a claim: state, verdict, rationale, assignee, tags.", rich_markup_mode=None)
evidence_app = typer.Typer(cls=PlainHelpGroup, help="Attach evidence to claims.", rich_markup_mode=None)
audit_app = typer.Typer(cls=PlainHelpGroup, help="The hash-chained audit log.", rich_markup_mode=None)
analyst_app = typer.Typer(cls=PlainHelpGroup, help="Analysts and their roles.", rich_markup_mode=None)
app.add_typer(db_app, name="db")
app.add_typer(claim_app, name="claim")
app.add_typer(evidence_app, name="evidence")
app.add_typer(audit_app, name="audit")
app.add_typer(analyst_app, name="analyst")


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"claimtrack: error: {message}", err=True)
    raise typer.Exit(code)


def ws(ctx: typer.Context) -> Workspace:
    return ctx.obj


def parse_date(value: str | None, what: str = "date") -> date | None:
    if not value:
        return None
    from dateutil import parser as date_parser

    try:
        return date_parser.isoparse(value).date() if value[:4].isdigit() else date_parser.parse(value).date()
    except (ValueError, OverflowError):
        fail(f"{what} {value!r} is not a date; use YYYY-MM-DD")
    return None


def print_version(value: bool) -> None:
    if value:
        from claimtrack import version

        typer.echo(f"claimtrack {version()}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_callback(
    ctx: typer.Context,
    db_option: Annotated[str | None, typer.Option("--db", help="SQLite path or SQLAlchemy URL (default: $CLAIMTRACK_DB, then ./data/claimtrack.db).")] = None,
    analyst: Annotated[str | None, typer.Option("--analyst", help="Who you are (default: $CLAIMTRACK_ANALYST, then the login name).")] = None,
    _version: Annotated[bool, typer.Option("--version", is_eager=True, callback=print_version,
                                           help="Print the version and exit.")] = False,
) -> None:
    """Pick the database and analyst; with no command, open the TUI."""
    try:
        ctx.obj = Workspace.resolve(db_option, analyst)
    except USER_ERRORS as exc:
        fail(str(exc))
    if ctx.invoked_subcommand is None:
        open_tui(ctx.obj, bidi=None, seed=True)


def open_tui(workspace: Workspace, *, bidi: str | None, seed: bool) -> None:
    engine = workspace.ready()
    if seed:
        seed_if_empty(workspace)
    from tui.app import build_app  # the headless core never imports textual at module level

    build_app(engine=engine, analyst=workspace.analyst, bidi=bidi or workspace.settings.value("bidi"),
              settings=workspace.settings).run()


def seed_if_empty(workspace: Workspace) -> int:
    """Ingest seeds/ into a database that has no documents yet; returns documents added."""
    from sqlmodel import func, select

    from claimtrack.context import seeds_dir
    from claimtrack.ingest.pipeline import ingest
    from claimtrack.models import Document

    engine = workspace.ready()
    with db.session(engine) as s:
        if s.exec(select(func.count()).select_from(Document)).one() > 0:
            return 0
    folder = seeds_dir()
    if folder is None:
        return 0
    added = claims = 0
    for path, opts in seed_plan(folder, raw_dir=workspace.raw_dir):
        summary = ingest(engine, [str(path)], analyst=workspace.analyst, opts=opts)
        added, claims = added + summary.added, claims + summary.claims
    typer.echo(f"Seeded {workspace.describe()}: {added} documents, {claims} claims.", err=True)
    return added


class TrackingOptions(TypedDict):
    """The ingest options that come from settings."""

    denial_link_threshold: float
    merge_threshold: float
    suggest_threshold: float


def tracking_options(settings: Any) -> TrackingOptions:
    """The ingest options that come from settings: link and matching thresholds."""
    return {"denial_link_threshold": float(settings.value("denial_link_threshold")),
            "merge_threshold": float(settings.value("merge_threshold")),
            "suggest_threshold": float(settings.value("duplicate_threshold"))}


def seed_plan(folder: Path, *, raw_dir: Path) -> list[tuple[Path, Any]]:
    """Each seed file with its ingest options, from the folder's hidden `.seeds.toml` metadata."""
    import tomllib

    from claimtrack.ingest.pipeline import IngestOptions

    meta_file = folder / ".seeds.toml"
    meta = tomllib.loads(meta_file.read_text(encoding="utf-8")) if meta_file.is_file() else {}
    plan = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        m = meta.get(path.name, {})
        plan.append((path, IngestOptions(published=parse_date(m.get("published")), outlet=m.get("outlet"),
                                         url=m.get("url"), language=m.get("language", "auto"), raw_dir=raw_dir)))
    return plan


def main() -> None:
    """Console-script entry point: user errors become one line and a non-zero exit, never a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("claimtrack: interrupted", err=True)
        sys.exit(130)


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


# --- database ------------------------------------------------------------------------------------


@app.command()
def init(ctx: typer.Context) -> None:
    """Create the database (if missing) and bring its schema up to date."""
    w = ws(ctx)
    w.ready(upgrade_behind=True)
    typer.echo(f"Database ready: {w.describe()}")
    if not db.is_url(w.target):
        typer.echo("Note: keep SQLite databases on a local disk, never on a network file system; "
                   "teams on several machines should use PostgreSQL (--db postgresql+psycopg://…).")


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context) -> None:
    """Migrate the database to the current schema."""
    from claimtrack import migrations

    w = ws(ctx)
    before = migrations.current_revision(w.engine)
    w.ready(upgrade_behind=True)
    typer.echo(f"{w.describe()}: schema {before or 'empty'} -> {migrations.head_revision()}")


@app.command("config")
def config_cmd(ctx: typer.Context) -> None:
    """Show every setting, its effective value and where it came from."""
    from claimtrack.config import SETTINGS

    w = ws(ctx)
    typer.echo(f"config file: {w.settings.path}{'' if w.settings.path.exists() else ' (not present)'}")
    for s in SETTINGS:
        typer.echo(f"{s.key} = {w.settings.values[s.key]!r}  [{w.settings.sources[s.key]}]")
        typer.echo(f"    {s.doc} (env ${s.env})")


# --- ingest --------------------------------------------------------------------------------------


class Lang(str, Enum):
    ar = "ar"
    en = "en"
    auto = "auto"


@app.command()
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str] | None, typer.Argument(help="Files, folders or http(s) URLs.")] = None,
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for every document.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet name for every document.")] = None,
    language: Annotated[Lang, typer.Option(help="ar, en or auto (detect per document).")] = Lang.auto,
    url: Annotated[str | None, typer.Option(help="Source URL for the document.")] = None,
    urls: Annotated[Path | None, typer.Option("--urls", help="A file listing URLs to fetch, one a line.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", help="No progress and no per-file lines.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Ingest articles; the same content twice adds nothing. Exits 1 if anything failed."""
    from claimtrack.ingest.progress import run_ingest

    if not paths and not urls:
        fail("give at least one file, folder or URL (or --urls FILE)")
    w = ws(ctx)
    engine = w.ready()
    from claimtrack.ingest.pipeline import IngestOptions

    opts = IngestOptions(published=parse_date(published, "--published"), outlet=outlet, language=language.value,
                         url=url, max_bytes=int(w.settings.value("max_ingest_bytes")),
                         urls_file=str(urls) if urls else None, raw_dir=w.raw_dir, **tracking_options(w.settings))
    summary = run_ingest(engine, paths or [], analyst=w.analyst, opts=opts, quiet=quiet or as_json)
    if as_json:
        emit_json(summary.as_dict())
    else:
        for err in summary.errors:
            typer.echo(f"error: {err}", err=True)
        typer.echo(f"{summary.added} added, {summary.duplicates} already present, {summary.claims} claims, "
                   f"{summary.links} links, {len(summary.errors)} errors ({summary.seconds:.1f}s)")
        if summary.skipped:
            typer.echo(skipped_line(summary.skipped))
    if summary.errors:
        raise typer.Exit(1)


def skipped_line(skipped: list[dict[str, str]]) -> str:
    """One line saying how many files a folder ingest skipped, and why (the first few named)."""
    reasons: dict[str, list[str]] = {}
    for item in skipped:
        reasons.setdefault(item["reason"].split(" (")[0], []).append(Path(item["origin"]).name)
    parts = [f"{len(names)} {reason}: {', '.join(names[:3])}{', …' if len(names) > 3 else ''}"
             for reason, names in reasons.items()]
    return f"skipped {len(skipped)} file(s): " + "; ".join(parts) + " (--json lists them)"


from claimtrack import cli_admin as _cli_admin  # noqa: E402,F401  (registers export, report, audit, analyst)
from claimtrack import cli_claims as _cli_claims  # noqa: E402,F401  (registers the claim commands)
from claimtrack import cli_db as _cli_db  # noqa: E402,F401  (registers db check, backup, restore, grant-app)
from claimtrack import cli_evidence as _cli_evidence  # noqa: E402,F401  (registers evidence find, outlet)
from claimtrack import cli_tracking as _cli_tracking  # noqa: E402,F401  (timeline, suggestions, actor merge)

__all__ = ["app", "main"]
