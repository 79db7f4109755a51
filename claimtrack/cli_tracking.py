"""CLI commands of claim tracking: timeline, suggestions, suggestion accept/reject, actor merge/split."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from sqlmodel import Session, col, select

from claimtrack import db
from claimtrack.cli import PlainHelpGroup, app, emit_json, ws
from claimtrack.models import Event, Suggestion, SuggestionStatus
from claimtrack.text import shorten
from claimtrack.tracking import actions
from claimtrack.tracking.timeline import members, timeline

suggestion_app = typer.Typer(cls=PlainHelpGroup, help="Accept or reject a suggested match.", rich_markup_mode=None)
actor_app = typer.Typer(cls=PlainHelpGroup, help="Merge and split actors (one real person or body each).", rich_markup_mode=None)
app.add_typer(suggestion_app, name="suggestion")
app.add_typer(actor_app, name="actor")

MARK = {"first": "FIRST ", "repeat": "repeat", "appearance": "      ", "denied": "DENIED", "evidence": "EVIDNC"}


@app.command("timeline")
def timeline_cmd(ctx: typer.Context, claim_id: Annotated[int, typer.Argument(metavar="ID")],
                 as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """A claim's appearances in date order (first marked, repeats by other outlets), then denials and evidence."""
    with db.session(ws(ctx).ready()) as s:
        entries = timeline(session=s, claim_id=claim_id)
    if as_json:
        emit_json([{"when": e.when, "what": e.what, "claim_id": e.claim_id, "outlet": e.outlet, "text": e.text,
                    "document_id": e.document_id} for e in entries])
        return
    for e in entries:
        typer.echo(f"{e.when or '?':10}  {MARK[e.what]}  {e.outlet or '':24.24}  claim {e.claim_id}  {e.text}")


@app.command()
def suggestions(ctx: typer.Context,
                limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many.")] = 20,
                claim: Annotated[int | None, typer.Option("--claim", help="Only this claim's suggestions.")] = None,
                as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Open suggestions: claims that may be the same claim (or a related one), best first, with their signals."""
    with db.session(ws(ctx).ready()) as s:
        rows = actions.list_suggestions(session=s, limit=limit, claim_id=claim)
    if as_json:
        emit_json([{"id": v.suggestion.id, "claim_id": v.claim.id, "other_id": v.other.id, "score": v.suggestion.score,
                    "relation": v.suggestion.relation, "signals": v.suggestion.signals} for v in rows])
        return
    if not rows:
        typer.echo("No open suggestions.")
    for v in rows:
        sg = v.suggestion
        typer.echo(f"suggestion {sg.id}: {sg.score:.2f} {sg.relation}  claim {v.claim.id} ~ claim {v.other.id}  "
                   f"{signal_text(sg.signals)}")
        typer.echo(f"    {v.claimant or '?'}: {shorten(v.claim.text, 100)}")
        typer.echo(f"    {v.other_claimant or '?'}: {shorten(v.other.text, 100)}")
    if rows:
        typer.echo("Accept with `claimtrack suggestion accept ID`, reject with `claimtrack suggestion reject ID`.")


def signal_text(signals: dict[str, Any]) -> str:
    """The signals behind a score, one short line."""
    return ", ".join(f"{k}={v}" for k, v in signals.items())


@suggestion_app.command("accept")
def suggestion_accept(ctx: typer.Context, suggestion_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Accept a suggestion: a duplicate is merged, a related claim is linked with `repeats`."""
    with ws(ctx).writer() as (s, me):
        typer.echo(f"suggestion {suggestion_id} accepted: " + actions.accept_suggestion(
            session=s, by=me, suggestion_id=suggestion_id))


@suggestion_app.command("reject")
def suggestion_reject(ctx: typer.Context, suggestion_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Reject a suggestion; the pair is never suggested again."""
    with ws(ctx).writer() as (s, me):
        sg = actions.reject_suggestion(session=s, by=me, suggestion_id=suggestion_id)
        typer.echo(f"suggestion {sg.id} rejected: claims {sg.claim_id} and {sg.other_id} stay apart")


@actor_app.command("merge")
def actor_merge(ctx: typer.Context, keep: Annotated[int, typer.Argument(metavar="ID")], duplicate: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Merge the second actor into the first (its claims move; undo with `actor split`)."""
    with ws(ctx).writer() as (s, me):
        actions.merge_actors(session=s, by=me, keep_id=keep, duplicate_id=duplicate)
        typer.echo(f"actor {duplicate} merged into actor {keep}")


@actor_app.command("split")
def actor_split(ctx: typer.Context, actor_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Undo an actor merge: the actor gets its claims and names back."""
    with ws(ctx).writer() as (s, me):
        actions.split_actor(session=s, by=me, actor_id=actor_id)
        typer.echo(f"actor {actor_id} split off again")


def explain(session: Session, claim_id: int) -> list[str]:
    """Why the automatic decisions about this claim were taken: merges, suggestions, merged claims."""
    ids = members(session, claim_id)
    out = []
    for ev in session.exec(select(Event).where(col(Event.claim_id).in_(ids), Event.action == "auto_merge")
                           .order_by(col(Event.id))).all():
        after = ev.after or {}
        out.append(f"  claim {ev.claim_id} merged automatically into claim {after.get('merged_into_id')} "
                   f"(score {after.get('score')}: {signal_text(after.get('signals') or {})})")
    for sg in session.exec(select(Suggestion).where(
            col(Suggestion.claim_id).in_(ids) | col(Suggestion.other_id).in_(ids)).order_by(col(Suggestion.id))).all():
        other = sg.other_id if sg.claim_id in ids else sg.claim_id
        state = "" if sg.status == SuggestionStatus.open else f" [{sg.status.value}]"
        out.append(f"  suggestion {sg.id}: claim {other} ({sg.relation}, score {sg.score:.2f}: "
                   f"{signal_text(sg.signals)}){state}")
    return out
