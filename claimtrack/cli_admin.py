"""CLI commands for exports, reports, the audit log, analysts and the TUI."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from claimtrack import db, services
from claimtrack.cli import analyst_app, app, audit_app, fail, open_tui, parse_date, ws
from claimtrack.cli_claims import (
    AssigneeOpt,
    ClaimantOpt,
    DocumentOpt,
    KindOpt,
    LanguageOpt,
    SearchOpt,
    SinceOpt,
    StateOpt,
    TagOpt,
    UntilOpt,
    VerdictOpt,
    filter_from,
)
from claimtrack.models import Role


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    claimreview = "claimreview"


class ReportFormat(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"
    json = "json"
    csv = "csv"


class ReportLang(str, Enum):
    en = "en"
    ar = "ar"


@contextmanager
def output(path: Path | None, binary: bool = False) -> Iterator[IO[Any]]:
    """The -o file (written whole only on success), or stdout."""
    if path is None:
        if binary:
            fail("this format is binary: give -o FILE")
        yield sys.stdout
        return
    if binary:
        raw = io.BytesIO()
        yield raw
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw.getvalue())
    else:
        text = io.StringIO()
        yield text
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.getvalue(), encoding="utf-8", newline="")


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, json, csv or claimreview.")] = ExportFormat.jsonl,
    out: Annotated[Path | None, typer.Option("-o", "--output", help="Write to FILE instead of stdout.")] = None,
    excel: Annotated[bool, typer.Option("--excel", help="CSV only: add a UTF-8 BOM so Excel shows Arabic.")] = False,
) -> None:
    """Export every claim: jsonl (one line per appearance), json, csv or ClaimReview JSON-LD."""
    w = ws(ctx)
    engine = w.ready()
    with db.session(engine) as s, output(out) as fh:
        if fmt == ExportFormat.jsonl:
            from claimtrack.reports.jsonl import write_jsonl

            n = write_jsonl(session=s, out=fh)
        else:
            from claimtrack.reports import write_export

            n = write_export(session=s, fmt=fmt.value, out=fh, settings=w.settings, excel=excel)
    if out is not None:
        typer.echo(f"wrote {n} records to {out}", err=True)


@app.command()
def report(
    ctx: typer.Context,
    claim: Annotated[int | None, typer.Option("--claim", help="Report on this claim only.")] = None,
    state: StateOpt = None, verdict: VerdictOpt = None, kind: KindOpt = None, claimant: ClaimantOpt = None,
    search: SearchOpt = None, tag: TagOpt = None, assignee: AssigneeOpt = None, language: LanguageOpt = None,
    since: SinceOpt = None, until: UntilOpt = None, document: DocumentOpt = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="md, html, pdf, json or csv.")] = ReportFormat.md,
    out: Annotated[Path | None, typer.Option("-o", "--output", help="Write to FILE instead of stdout.")] = None,
    lang: Annotated[ReportLang, typer.Option("--lang", help="Labels in en or ar.")] = ReportLang.en,
    template: Annotated[Path | None, typer.Option("--template", help="Your own Jinja2 template (md/html).")] = None,
    excel: Annotated[bool, typer.Option("--excel", help="CSV only: add a UTF-8 BOM for Excel.")] = False,
) -> None:
    """A verification report on one claim, or a dossier of every claim matching the filters."""
    from claimtrack.reports import write_report

    w = ws(ctx)
    engine = w.ready()
    filt = None if claim is not None else filter_from(state, verdict, kind, claimant, search, tag, assignee,
                                                      language, since, until, document)
    with db.session(engine) as s, output(out, binary=fmt == ReportFormat.pdf) as fh:
        write_report(session=s, filt=filt, claim_id=claim, fmt=fmt.value, out=fh, lang=lang.value,
                     template=template, settings=w.settings, excel=excel)
    if out is not None:
        typer.echo(f"wrote {out}", err=True)


@audit_app.command("verify")
def audit_verify(ctx: typer.Context) -> None:
    """Check that no event was edited, deleted or reordered, and that the data matches the events."""
    from claimtrack.dbcheck import check_audit

    result = check_audit(ws(ctx).ready(), on_mismatch=lambda line: typer.echo(line, err=True))
    if not result.ok:
        fail(f"audit: {result.detail}")
    typer.echo(f"ok: {result.detail}")


@audit_app.command("log")
def audit_log(
    ctx: typer.Context,
    claim: Annotated[int | None, typer.Option("--claim", help="Events about this claim.")] = None,
    analyst: Annotated[str | None, typer.Option("--analyst", help="Events by this analyst.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="Events on or after this date.")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many (newest).")] = 200,
) -> None:
    """Show audit events, oldest first."""
    from datetime import UTC, datetime

    from sqlmodel import col, select

    from claimtrack.models import Event

    day = parse_date(since, "--since")
    with db.session(ws(ctx).ready()) as s:
        stmt = select(Event)
        if claim is not None:
            stmt = stmt.where(Event.claim_id == claim)
        if analyst:
            stmt = stmt.where(Event.analyst_handle == analyst)
        if day:
            stmt = stmt.where(Event.at >= datetime.combine(day, datetime.min.time(), tzinfo=UTC))
        rows = list(s.exec(stmt.order_by(col(Event.id).desc()).limit(limit)).all())
    for ev in reversed(rows):
        target = f"{ev.entity} {ev.entity_id}" if ev.entity_id is not None else ev.entity
        typer.echo(f"{ev.id:>6} {ev.at:%Y-%m-%d %H:%M:%S} {ev.analyst_handle or 'system':12} {ev.action:12} {target}"
                   + (f" — {ev.rationale}" if ev.rationale else ""))


@analyst_app.command("add")
def analyst_add(ctx: typer.Context, name: Annotated[str, typer.Argument(metavar="NAME")],
                role: Annotated[Role, typer.Option("--role", help="viewer, analyst, reviewer or admin.")] = Role.analyst) -> None:
    """Add an analyst (admins only, except for the very first)."""
    w = ws(ctx)
    with w.writer() as (s, me):
        row = services.add_analyst(session=s, by=me, handle=name, role=role)
        typer.echo(f"analyst {row.handle} ({row.role.value}) added")


@analyst_app.command("list")
def analyst_list(ctx: typer.Context) -> None:
    """List analysts and roles."""
    with db.session(ws(ctx).ready()) as s:
        for a in services.list_analysts(session=s):
            typer.echo(f"{a.handle:20} {a.role.value}")


@analyst_app.command("set-role")
def analyst_set_role(ctx: typer.Context, name: Annotated[str, typer.Argument(metavar="NAME")],
                     role: Annotated[Role, typer.Argument(metavar="ROLE")]) -> None:
    """Change an analyst's role (admins only)."""
    w = ws(ctx)
    with w.writer() as (s, me):
        services.set_role(session=s, by=me, handle=name, role=role)
        typer.echo(f"{name} is now {role.value}")


class Bidi(str, Enum):
    terminal = "terminal"
    app = "app"
    off = "off"


@app.command()
def tui(ctx: typer.Context,
        bidi: Annotated[Bidi | None, typer.Option("--bidi", help="terminal (it reorders), app (we reorder) or off.")] = None) -> None:
    """Open the terminal UI."""
    open_tui(ws(ctx), bidi=bidi.value if bidi else None, seed=False)
