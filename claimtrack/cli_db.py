"""CLI commands that check, back up and restore the database, and set up a PostgreSQL application role."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimtrack import db, dbcheck
from claimtrack.cli import db_app, fail, ws


@db_app.command("check")
def db_check(ctx: typer.Context) -> None:
    """Check the schema, storage integrity, the full-text index and the audit log (chain and data)."""
    w = ws(ctx)
    w.ready()
    checks = dbcheck.run_checks(w.engine, on_mismatch=lambda line: typer.echo(f"  {line}"))
    for c in checks:
        typer.echo(c.line())
    failed = [c.name for c in checks if not c.ok]
    if failed:
        fail(f"{w.describe()} failed the {', '.join(failed)} check{'s' if len(failed) > 1 else ''}")


@db_app.command("backup")
def db_backup(ctx: typer.Context, file: Annotated[Path, typer.Argument(help="Where to write the copy.")]) -> None:
    """Copy a SQLite database consistently while others write (the SQLite online backup API)."""
    w = ws(ctx)
    if db.is_url(w.target):
        fail("backup of PostgreSQL is pg_dump's job: pg_dump -Fc DBNAME > FILE")
    w.ready()
    events = dbcheck.backup_sqlite(Path(w.target).expanduser(), file)
    typer.echo(f"Backed up {w.describe()} to {file} ({events} audit events)")


@db_app.command("restore")
def db_restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A copy made by `claimtrack db backup`.")],
    force: Annotated[bool, typer.Option("--force", help="Overwrite the existing database.")] = False,
) -> None:
    """Replace the SQLite database with a backup copy (refuses to overwrite without --force)."""
    w = ws(ctx)
    if db.is_url(w.target):
        fail("restore of PostgreSQL is pg_restore's job: pg_restore -d DBNAME FILE")
    w.engine.dispose()
    dbcheck.restore_sqlite(file, Path(w.target).expanduser(), force=force)
    checks = dbcheck.run_checks(w.ready())
    for c in checks:
        typer.echo(c.line())
    if not all(c.ok for c in checks):
        fail(f"restored {file} to {w.describe()}, but it fails `claimtrack db check`")
    typer.echo(f"Restored {w.describe()} from {file}")


@db_app.command("grant-app")
def db_grant_app(ctx: typer.Context, role: Annotated[str, typer.Argument(metavar="ROLE")]) -> None:
    """PostgreSQL: let ROLE read and write claims but only append to the audit log (run as the owner)."""
    w = ws(ctx)
    for stmt in dbcheck.grant_app_role(w.ready(), role):
        typer.echo(stmt)
    typer.echo(f"{role} can use {w.describe()} and can never update or delete audit events; "
               "run this again after every `claimtrack db upgrade`")
