"""CLI commands that read and change claims: claims, show, claim set, comment, evidence, link, merge."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack import db, queries, services
from claimtrack.cli import app, claim_app, evidence_app, fail, parse_date, ws
from claimtrack.evidence_finder import excerpt_in_context
from claimtrack.models import ClaimKind, ClaimState, LinkRelation, Stance, Verdict
from claimtrack.queries import ClaimFilter
from claimtrack.quick import print_claims
from claimtrack.text import shorten


def filter_from(state: ClaimState | None, verdict: Verdict | None, kind: ClaimKind | None, claimant: str | None,
                search: str | None, tag: str | None = None, assignee: str | None = None,
                language: str | None = None, since: str | None = None, until: str | None = None,
                document: int | None = None) -> ClaimFilter:
    return ClaimFilter(state=state, verdict=verdict, kind=kind, claimant=claimant, search=search, tag=tag,
                       assignee=assignee, language=language, since=parse_date(since, "--since"),
                       until=parse_date(until, "--until"), document_id=document)


StateOpt = Annotated[ClaimState | None, typer.Option("--state", help="Workflow state.")]
VerdictOpt = Annotated[Verdict | None, typer.Option("--verdict", help="Verdict.")]
KindOpt = Annotated[ClaimKind | None, typer.Option("--kind", help="Claim kind.")]
ClaimantOpt = Annotated[str | None, typer.Option("--claimant", help="Claimant name (part of it, any language).")]
SearchOpt = Annotated[str | None, typer.Option("--search", help="Full-text search (Arabic-folded).")]
TagOpt = Annotated[str | None, typer.Option("--tag", help="Tag.")]
AssigneeOpt = Annotated[str | None, typer.Option("--assignee", help="Assigned analyst.")]
LanguageOpt = Annotated[str | None, typer.Option("--language", help="ar or en.")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="First seen on or after (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="First seen on or before (YYYY-MM-DD).")]
DocumentOpt = Annotated[int | None, typer.Option("--document", help="Claims of this document id.")]


@app.command()
def claims(
    ctx: typer.Context,
    state: StateOpt = None, verdict: VerdictOpt = None, kind: KindOpt = None, claimant: ClaimantOpt = None,
    search: SearchOpt = None, tag: TagOpt = None, assignee: AssigneeOpt = None, language: LanguageOpt = None,
    since: SinceOpt = None, until: UntilOpt = None, document: DocumentOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="At most this many rows.")] = 50,
    sort: Annotated[str, typer.Option("--sort", help="id, first_seen, checkworthiness, appearances or outlets "
                                      "(appearances and outlets: most repeated first).")] = "id",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List claims matching the filters, newest id last (or most repeated first with --sort appearances)."""
    if sort not in queries.SORTS:
        fail(f"--sort must be one of {', '.join(queries.SORTS)}, not {sort!r}")
    engine = ws(ctx).ready()
    filt = filter_from(state, verdict, kind, claimant, search, tag, assignee, language, since, until, document)
    with db.session(engine) as s:
        rows = queries.page_claims(session=s, filt=filt, limit=limit, sort=sort,
                                   descending=sort in ("appearances", "outlets"))
        total = queries.count_claims(session=s, filt=filt)
    print_claims(rows, total, as_json)


@app.command()
def show(ctx: typer.Context, claim_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Show one claim: text, claimant, appearances, links, evidence, comments and history."""
    engine = ws(ctx).ready()
    with db.session(engine) as s:
        d = queries.claim_detail(session=s, claim_id=claim_id)
        contexts = {ev.evidence.id: excerpt_in_context(s, ev.evidence) for ev in d.evidence}
    c = d.claim
    out = typer.echo
    out(f"Claim {c.id} [{c.kind.value}] state={c.state.value} verdict={c.verdict.value} version={c.version}")
    out(f"  {c.text}")
    if d.claimant:
        chain = " → ".join([d.claimant.canonical_name, *[a.canonical_name for a in d.affiliations]])
        out(f"Claimant: {chain}" + (f" ({d.claimant.title})" if d.claimant.title else ""))
    if c.event_date:
        out(f"Event date: {c.event_date}")
    out(f"Check-worthiness: {c.checkworthiness:.2f}   assignee: {d.assignee or '-'}   "
        f"investigator: {d.investigator or '-'}   reviewer: {d.reviewer or '-'}")
    if c.tags:
        out(f"Tags: {', '.join(c.tags)}")
    if c.rationale:
        out(f"Rationale: {c.rationale}")
    out(f"Appearances ({len(d.appearances)} here; {c.appearance_count} with merged claims, "
        f"{c.outlet_count} outlets):")
    for i, a in enumerate(d.appearances):
        mark = "first " if i == 0 else ""
        out(f"  {mark}#{a.appearance.id} doc {a.document.id} {a.outlet or ''} {a.document.published or ''} "
            f"[{a.appearance.start}:{a.appearance.end}] by {a.appearance.claimant_surface or a.claimant} "
            f"stated_on={a.appearance.stated_on or '-'}")
        out(f"    «{a.appearance.quote}»")
    if d.links:
        out("Links:")
        for lv in d.links:
            rel = lv.link.relation.value if lv.outgoing else f"{lv.link.relation.value} (incoming)"
            why = f" score {lv.link.evidence['score']}" if lv.link.evidence.get("score") is not None else ""
            out(f"  {rel} claim {lv.other.id} ({lv.other_claimant or '?'}): {shorten(lv.other.text, 100)}  "
                f"[{lv.link.origin.value}{why}]")
    from claimtrack.cli_tracking import explain

    with db.session(engine) as s:
        why_lines = explain(s, claim_id)
    if why_lines:
        out("Tracking (why):")
        for line in why_lines:
            out(line)
    if d.evidence:
        out("Evidence:")
        for ev in d.evidence:
            e = ev.evidence
            where = e.anchor or e.url or e.file_path or (f"document {e.document_id}" if e.document_id else "note")
            out(f"  {ev.stance} {e.grade} ({services.ADMIRALTY_RELIABILITY[e.reliability]}; "
                f"{services.ADMIRALTY_CREDIBILITY[e.credibility]}) {where}" + (f" — {e.excerpt}" if e.excerpt else ""))
            context = contexts.get(e.id)
            if context:
                out(f"    in context: …{context[0]}«{context[1]}»{context[2]}…")
    if d.comments:
        out("Comments:")
        for cm, who in d.comments:
            out(f"  {cm.created_at:%Y-%m-%d %H:%M} {who or '?'}: {cm.body}")
    out("History:")
    for event in d.events:
        out(f"  {event.at:%Y-%m-%d %H:%M:%S} {event.analyst_handle or 'system'} {event.entity}.{event.action}"
            + (f" — {event.rationale}" if event.rationale else ""))


@claim_app.command("set")
def claim_set(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(metavar="ID")],
    state: StateOpt = None,
    verdict: VerdictOpt = None,
    rationale: Annotated[str | None, typer.Option("--rationale", help="Why the verdict.")] = None,
    assign: Annotated[str | None, typer.Option("--assign", help="Assign to this analyst ('' to unassign).")] = None,
    add_tag: Annotated[list[str] | None, typer.Option("--tag", help="Add a tag (repeatable).")] = None,
    remove_tag: Annotated[list[str] | None, typer.Option("--untag", help="Remove a tag (repeatable).")] = None,
    comment: Annotated[str | None, typer.Option("--comment", help="Comment (needed when rejecting a review).")] = None,
    expect_version: Annotated[int | None, typer.Option("--expect-version", help="Fail if the claim changed since this version.")] = None,
) -> None:
    """Change a claim. Verdict and rationale apply before the state change, in one transaction."""
    if all(v is None for v in (state, verdict, rationale, assign, add_tag, remove_tag)):
        fail("nothing to change: give --state, --verdict, --rationale, --assign, --tag or --untag")
    w = ws(ctx)
    with w.writer() as (s, me):
        version = expect_version
        if verdict is not None:
            version = services.set_verdict(session=s, by=me, claim_id=claim_id, verdict=verdict, rationale=rationale,
                                           expected_version=version).version
        elif rationale is not None:
            version = services.set_rationale(session=s, by=me, claim_id=claim_id, rationale=rationale,
                                             expected_version=version).version
        if assign is not None:
            version = services.assign(session=s, by=me, claim_id=claim_id, assignee=assign or None,
                                      expected_version=version).version
        if add_tag or remove_tag:
            version = services.set_tags(session=s, by=me, claim_id=claim_id, add=add_tag or [], remove=remove_tag or [],
                                        expected_version=version).version
        if state is not None:
            services.set_state(session=s, by=me, claim_id=claim_id, state=state, expected_version=version,
                               comment=comment)
        claim = services.get_claim(session=s, claim_id=claim_id)
        typer.echo(f"claim {claim.id}: state={claim.state.value} verdict={claim.verdict.value} version={claim.version}")


@app.command("comment")
def comment_cmd(ctx: typer.Context, claim_id: Annotated[int, typer.Argument(metavar="ID")],
                text: Annotated[str, typer.Argument(metavar="TEXT")]) -> None:
    """Add a comment to a claim."""
    w = ws(ctx)
    with w.writer() as (s, me):
        row = services.comment(session=s, by=me, claim_id=claim_id, body=text)
        typer.echo(f"comment {row.id} added to claim {claim_id}")


@evidence_app.command("add")
def evidence_add(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(metavar="ID")],
    stance: Annotated[Stance, typer.Option("--stance", help="supports, refutes or context.")],
    url: Annotated[str | None, typer.Option("--url", help="A web page.")] = None,
    file: Annotated[str | None, typer.Option("--file", help="A local file (its sha256 is recorded).")] = None,
    document: Annotated[int | None, typer.Option("--document", help="An ingested document id.")] = None,
    note: Annotated[str | None, typer.Option("--note", help="A note as evidence.")] = None,
    reliability: Annotated[str | None, typer.Option(
        "--reliability", help="Source reliability A-F (Admiralty); default: the outlet's grade, else F.")] = None,
    credibility: Annotated[int, typer.Option("--credibility", help="Information credibility 1-6 (Admiralty).")] = 6,
    excerpt: Annotated[str | None, typer.Option("--excerpt", help="The relevant passage.")] = None,
    title: Annotated[str | None, typer.Option("--title", help="A title for the source.")] = None,
    start: Annotated[int | None, typer.Option("--start", help="Excerpt start offset in the document.")] = None,
    end: Annotated[int | None, typer.Option("--end", help="Excerpt end offset in the document.")] = None,
) -> None:
    """Attach evidence to a claim, graded with the Admiralty code (e.g. B2)."""
    w = ws(ctx)
    with w.writer() as (s, me):
        ev = services.add_evidence(session=s, by=me, claim_id=claim_id, stance=stance, url=url, file=file,
                                   document_id=document, note=note, reliability=reliability, credibility=credibility,
                                   excerpt=excerpt, title=title, start=start, end=end)
        typer.echo(f"evidence {ev.id} ({ev.kind.value}, {ev.grade}) {stance.value} claim {claim_id}")


@app.command()
def link(ctx: typer.Context, source: Annotated[int, typer.Argument(metavar="ID")],
         relation: Annotated[LinkRelation, typer.Argument(metavar="RELATION")],
         target: Annotated[int, typer.Argument(metavar="ID")],
         note: Annotated[str | None, typer.Option("--note", help="Why.")] = None) -> None:
    """Relate two claims: denies, contradicts, supports, repeats, duplicate_of, updates."""
    w = ws(ctx)
    with w.writer() as (s, me):
        row = services.link_claims(session=s, by=me, source_id=source, relation=relation, target_id=target, note=note)
        typer.echo(f"link {row.id}: claim {source} {relation.value} claim {target}")


@app.command()
def merge(ctx: typer.Context, keep: Annotated[int, typer.Argument(metavar="ID")],
          duplicate: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Merge the second claim into the first as a duplicate (reversible with unmerge)."""
    w = ws(ctx)
    with w.writer() as (s, me):
        services.merge(session=s, by=me, keep_id=keep, duplicate_id=duplicate)
        typer.echo(f"claim {duplicate} merged into claim {keep}")


@app.command()
def unmerge(ctx: typer.Context, claim_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
    """Undo a merge: the claim returns to the queue."""
    w = ws(ctx)
    with w.writer() as (s, me):
        services.unmerge(session=s, by=me, claim_id=claim_id)
        typer.echo(f"claim {claim_id} unmerged")
