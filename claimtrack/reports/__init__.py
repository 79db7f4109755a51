"""Verification reports and exports: the one entry point the CLI and the TUI call.

`write_report` covers one claim or a dossier (every claim matching a ClaimFilter) as md, html, pdf, json
or csv. `write_export` writes every claim (or a filter's) as json, csv or ClaimReview JSON-LD.
Templates live in claimtrack/reports/templates; the JSON schema is documented in schema.py.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlmodel import Session

from claimtrack.config import SETTINGS, Settings
from claimtrack.models import Claim, ClaimState, utcnow
from claimtrack.queries import ClaimFilter
from claimtrack.reports import claimreview, render, tabular
from claimtrack.reports.data import ClaimLoader, collect_ids, filter_scope, summarise
from claimtrack.reports.labels import LANGS, labels
from claimtrack.reports.render import ReportError
from claimtrack.reports.schema import SCHEMA_NAME, SCHEMA_VERSION

__all__ = ["REPORT_FORMATS", "EXPORT_FORMATS", "ReportError", "write_export", "write_report"]

REPORT_FORMATS = ("md", "html", "pdf", "json", "csv")
EXPORT_FORMATS = ("json", "csv", "claimreview")
_DEFAULTS = {s.key: s.default for s in SETTINGS}


def _organisation(settings: Settings | None) -> tuple[str, str | None]:
    """(name, url) from the settings, or the built-in defaults without settings."""
    get = settings.value if settings is not None else _DEFAULTS.get
    return get("organisation") or "", get("organisation_url") or None


def _header(*, lang: str, now: datetime | None, settings: Settings | None, scope: dict[str, Any],
            summary: dict[str, Any]) -> dict[str, Any]:
    name, url = _organisation(settings)
    return {
        "schema": SCHEMA_NAME, "schema_version": SCHEMA_VERSION,
        "generated_at": (now or utcnow()).isoformat(), "lang": lang,
        "organisation": {"name": name, "url": url},
        "scope": scope, "summary": summary,
    }


def write_report(*, session: Session, filt: ClaimFilter | None, claim_id: int | None, fmt: str, out: IO[Any],
                 lang: str = "en", template: Path | None = None, settings: Settings | None = None,
                 excel: bool = False, now: datetime | None = None) -> None:
    """A report on `claim_id`, or a dossier of every claim matching `filt` (None: every claim).

    `out` is a text file for md, html, json and csv, a binary one for pdf. `template` replaces the
    packaged md/html template (pdf renders the html one).
    """
    fmt = (fmt or "").lower()
    if fmt not in REPORT_FORMATS:
        raise ReportError(f"unknown report format {fmt!r}; use one of: {', '.join(REPORT_FORMATS)}")
    if lang not in LANGS:
        raise ReportError(f"unknown report language {lang!r}; use en or ar")
    if template is not None and fmt not in ("md", "html", "pdf"):
        raise ReportError("--template applies to md, html and pdf reports only")
    scope: dict[str, Any]
    if claim_id is not None:
        if session.get(Claim, claim_id) is None:
            raise ReportError(f"no claim with id {claim_id}")
        ids, scope = [claim_id], {"claim_id": claim_id}
    else:
        filt = filt or ClaimFilter()
        ids, scope = collect_ids(session, filt), {"filter": filter_scope(filt)}
    claims = ClaimLoader(session, lang, events=fmt != "csv").iter_claims(ids)
    if fmt == "csv":  # flat rows: no summary, no history
        tabular.write_csv(out, claims, lang=lang, excel=excel)
        return
    header = _header(lang=lang, now=now, settings=settings, scope=scope, summary=summarise(session, ids, lang=lang))
    if fmt == "json":
        tabular.write_json(out, header, claims)
        return
    L = labels(lang)
    tpl = render.get_template("md" if fmt == "md" else "html", lang, L, template)
    context = {"report": header, "claims": claims, "dossier": claim_id is None}
    if fmt == "pdf":
        render.write_pdf(render.render_string(tpl, context), out)
    else:
        render.render_stream(tpl, context, out)


def write_export(*, session: Session, fmt: str, out: IO[str], filt: ClaimFilter | None = None,
                 settings: Settings | None = None, excel: bool = False, now: datetime | None = None) -> int:
    """Every claim (merged ones too) or those matching `filt`; returns the number of records written.

    json: the report schema (schema.py); csv: one row per claim; claimreview: a JSON-LD array with one
    ClaimReview per *published* claim, refused whole (ReportError) if any record would be invalid.
    """
    fmt = (fmt or "").lower()
    if fmt == "jsonl":
        from claimtrack.reports.jsonl import write_jsonl

        return write_jsonl(session=session, out=out, filt=filt)
    if fmt not in EXPORT_FORMATS:
        raise ReportError(f"unknown export format {fmt!r}; use one of: jsonl, {', '.join(EXPORT_FORMATS)}")
    filt = filt or ClaimFilter(include_merged=True)
    if fmt == "claimreview":
        name, url = _organisation(settings)
        if filt.state not in (None, ClaimState.published):
            return claimreview.write_claimreview(out, [], organisation=name, organisation_url=url or "")
        filt = _with_state(filt, ClaimState.published)
        ids = collect_ids(session, filt)
        return claimreview.write_claimreview(out, ClaimLoader(session, "en", localise_names=False).iter_claims(ids),
                                             organisation=name or "", organisation_url=url or "")
    ids = collect_ids(session, filt)
    claims = ClaimLoader(session, "en", events=fmt != "csv", localise_names=False).iter_claims(ids)
    if fmt == "csv":
        return tabular.write_csv(out, claims, lang=None, excel=excel)
    header = _header(lang="en", now=now, settings=settings, scope={"filter": filter_scope(filt)},
                     summary=summarise(session, ids))
    return tabular.write_json(out, header, claims)


def _with_state(filt: ClaimFilter, state: ClaimState) -> ClaimFilter:
    import dataclasses

    return dataclasses.replace(filt, state=state)


def render_report(**kwargs: Any) -> str | bytes:
    """`write_report` into memory: str for text formats, bytes for pdf (for the TUI and tests)."""
    if kwargs.get("fmt") == "pdf":
        raw = io.BytesIO()
        write_report(out=raw, **kwargs)
        return raw.getvalue()
    text = io.StringIO()
    write_report(out=text, **kwargs)
    return text.getvalue()
