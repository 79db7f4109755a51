"""CLI commands for finding evidence in the ingested documents and grading outlets."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from claimtrack import db, services
from claimtrack.cli import app, emit_json, evidence_app, ws
from claimtrack.cli_help import PlainHelpGroup
from claimtrack.evidence_finder import find

outlet_app = typer.Typer(cls=PlainHelpGroup, help="Outlets and their default source reliability.", rich_markup_mode=None)
app.add_typer(outlet_app, name="outlet")


class FindLanguage(str, Enum):
    any = "any"
    ar = "ar"
    en = "en"


@evidence_app.command("find")
def evidence_find(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(metavar="ID")],
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many passages.")] = 10,
    language: Annotated[FindLanguage, typer.Option("--language", help="any, ar or en.")] = FindLanguage.any,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Passages of other documents that may support or refute a claim, ranked, with reasons."""
    with db.session(ws(ctx).ready()) as s:
        found = find(s, claim_id, limit=limit, language=language.value)
    if as_json:
        emit_json([f.as_json() for f in found])
        return
    if not found:
        typer.echo(f"No passages found for claim {claim_id}.")
        return
    for i, f in enumerate(found, 1):
        when = f.published.isoformat() if f.published else "undated"
        typer.echo(f"{i}. document {f.document_id} [{f.start}:{f.end}] {f.outlet or (f.title or '?')[:60]} {when} "
                   f"score {f.score:.2f} — {f.stance} (hint)")
        typer.echo(f"   {' · '.join(f.reasons)}")
        typer.echo(f"   {' '.join(f.text.split())[:300]}")


@outlet_app.command("set-reliability")
def outlet_set_reliability(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(metavar="NAME")],
    grade: Annotated[str, typer.Argument(metavar="A-F")],
) -> None:
    """Set an outlet's default Admiralty source reliability (A-F, or none to clear); evidence from it defaults to it."""
    w = ws(ctx)
    with db.atomic(w.ready()) as s:
        me = services.ensure_analyst(session=s, handle=w.analyst)
        value = None if grade.lower() == "none" else grade
        outlet = services.set_outlet_reliability(session=s, by=me, name=name, reliability=value)
        typer.echo(f"outlet {outlet.name}: default reliability {outlet.reliability or 'none'}")


@outlet_app.command("list")
def outlet_list(ctx: typer.Context, as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Outlets with their default reliability and document counts."""
    from sqlmodel import col, func, select

    from claimtrack.models import Document, Outlet

    with db.session(ws(ctx).ready()) as s:
        rows = s.exec(select(Outlet.name, Outlet.reliability, func.count(col(Document.id)))
                      .join(Document, col(Document.outlet_id) == Outlet.id, isouter=True)
                      .group_by(col(Outlet.id)).order_by(Outlet.name)).all()
    if as_json:
        emit_json([{"name": n, "reliability": r, "documents": c} for n, r, c in rows])
        return
    for n, r, c in rows:
        typer.echo(f"{r or '-'}  {c:6d}  {n}")
