"""Nested JSON (schema.py) and flat CSV (one row per claim), both streamed."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from claimtrack.reports.data import actor_name
from claimtrack.reports.labels import CSV_COLUMNS, csv_header, labels
from claimtrack.text import escape_bidi_in_json, show_controls

FORMULA_START = frozenset("=+-@\t\r\n＝＋－＠")
_SPACES = frozenset(" \u00a0\u3000")


def neutralise(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP: prefix a quote).

    Cells starting with = + - @ (or their full-width forms), tab, CR or LF, also after leading spaces.
    """
    if type(value) is not str or not value:
        return value
    value = show_controls(value)
    first = value[0]
    if first in FORMULA_START or (first in _SPACES and value.lstrip()[:1] in FORMULA_START):
        return "'" + value
    return value


_encode_raw = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode


def _encode(value: Any) -> str:
    return escape_bidi_in_json(_encode_raw(value))


def write_json(out: IO[str], header: dict[str, Any], claims: Iterable[dict[str, Any]]) -> int:
    """The report object: header fields pretty-printed, then one claim per line."""
    head = escape_bidi_in_json(json.dumps(header, ensure_ascii=False, indent=2))
    out.write(head[:-2].rstrip() + ',\n  "claims": [')
    n = 0
    for c in claims:
        out.write("\n    " if n == 0 else ",\n    ")
        out.write(_encode(c))
        n += 1
    out.write("\n  ]\n}\n" if n else "]\n}\n")
    return n


def csv_row(c: dict[str, Any], L: dict[str, Any], lang: str | None = None) -> list[Any]:
    """The flat row for one claim, in CSV_COLUMNS order; actors named for `lang` (None: canonical names).

    An Arabic report (lang="ar") shows kind, state, verdict and stance in Arabic; English reports and exports
    keep the stable codes."""
    def code(group: str, value: str) -> str:
        return L[group].get(value, value) if lang == "ar" else value

    first = next((a for a in c["appearances"] if a["first"]), None)
    doc = first["document"] if first else {}
    claimant = c["claimant"]
    links = c["links"]
    row = {
        "id": c["id"], "text": c["text"], "language": c["language"], "kind": code("kinds", c["kind"]),
        "state": code("states", c["state"]), "verdict": code("verdicts", c["verdict"]), "rating_value": c["rating"]["value"] if c["rating"]["value"] is not None else "",
        "rating_label": L["verdicts"].get(c["verdict"], c["rating"]["label"]), "rationale": c["rationale"],
        "claimant": actor_name(claimant, lang),
        "affiliation": " > ".join(actor_name(a, lang) for a in c["affiliations"]),
        "investigator": c["investigator"], "reviewer": c["reviewer"], "assignee": c["assignee"],
        "tags": "; ".join(c["tags"]), "event_date": c["event_date"], "first_seen": c["first_seen"],
        "published_at": c["published_at"],
        "first_outlet": first["outlet"] if first else "",
        "first_date": (first["stated_on"] or doc.get("published")) if first else "",
        "first_quote": first["quote"] if first else "",
        "first_source": (doc.get("url") or doc.get("file")) if first else "",
        "appearances": len(c["appearances"]), "evidence": len(c["evidence"]),
        "evidence_grades": "; ".join(f"{e['grade']} {code('stances', e['stance'])}" for e in c["evidence"]),
        "denies": " ".join(str(lk["claim"]["id"]) for lk in links
                           if lk["relation"] == "denies" and lk["direction"] == "outgoing"),
        "denied_by": " ".join(str(lk["claim"]["id"]) for lk in links
                              if lk["relation"] == "denies" and lk["direction"] == "incoming"),
        "comments": len(c["comments"]), "merged_into": c["merged_into"] or "",
    }
    return [neutralise("" if row[k] is None else row[k]) for k in CSV_COLUMNS]


def write_csv(out: IO[str], claims: Iterable[dict[str, Any]], *, lang: str | None = None, excel: bool = False) -> int:
    """One row per claim; `excel` adds the UTF-8 BOM so Excel reads Arabic correctly."""
    if excel:
        out.write("\ufeff")
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(csv_header(lang))
    L = labels(lang or "en")
    n = 0
    for c in claims:
        w.writerow(csv_row(c, L, lang))
        n += 1
    return n
