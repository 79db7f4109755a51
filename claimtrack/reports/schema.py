"""The report JSON schema (`claimtrack-report`, version 1).

`claimtrack report --format json` and `claimtrack export --format json` write one UTF-8 JSON object::

    {
      "schema": "claimtrack-report", "schema_version": 1,
      "generated_at": ISO datetime (UTC), "lang": "en" | "ar",
      "organisation": {"name": str, "url": str | null},
      "scope": {"claim_id": int} | {"filter": {field: value, ...}}   # the ClaimFilter fields that were set
      "summary": {"claims": int,
                  "by_verdict": {verdict: int}, "by_state": {state: int},   # enum order, non-zero only
                  "claimants": [{"id": int | null, "name": str, "claims": int}]},  # most claims first
      "claims": [Claim, ...]                                          # by claim id
    }

A Claim::

    {"id", "text", "language", "kind", "state", "verdict",
     "rating": {"value": 1-5 | null, "label": str, "worst": 1, "best": 5},   # workflow.RATINGS
     "rationale", "tags": [str], "event_date" (ISO, partial allowed), "checkworthiness": float,
     "first_seen", "published_at", "created_at", "updated_at" (ISO datetimes or null),
     "merged_into": int | null, "version": int,
     "claimant": Actor | null, "affiliations": [Actor],          # nearest first: Kirby -> White House -> US
     "investigator", "reviewer", "assignee": analyst handle | null,
     "appearances": [Appearance],                                  # earliest first; exactly one has first=true
     "links": [Link], "evidence": [Evidence], "comments": [Comment], "events": [Event]}

Actor: ``{"id", "name" (canonical), "name_ar", "name_en", "kind", "title", "same_as"}``.

Appearance: ``{"id", "first": bool, "outlet", "claimant", "claimant_surface", "cue", "quote" (exact),
"start", "end", "direct_quote", "stated_on", "document": {"id", "title", "url", "file", "published",
"language"}}``.

Link: ``{"id", "relation", "direction": "outgoing" | "incoming", "origin", "note", "claim": {"id", "text",
"kind", "state", "verdict", "language", "claimant"}}``; outgoing means *this claim RELATION other*
(a denial's ``denies`` link is outgoing; the denied claim sees it incoming).

Evidence: ``{"id", "title", "kind", "url", "document_id", "file", "sha256", "excerpt", "anchor", "outlet",
"stance", "note", "grade" ("B2"), "reliability" ("A"-"F"), "reliability_label", "credibility" (1-6),
"credibility_label", "retrieved_at", "added_by", "added_at"}`` plus, for an excerpt anchored by offsets,
"start", "end" (in document ``document_id``), "context_before" and "context_after"; labels follow ``lang``.

Comment: ``{"id", "by", "at", "body"}``. Event: ``{"id", "at", "analyst", "entity", "entity_id", "action",
"rationale", "changes": [{"field", "from", "to"}], "before", "after", "hash"}`` (the audit log, oldest first).

Names follow ``lang`` where a name is a plain string (summary claimants, an appearance's ``claimant``, a
link's ``claim.claimant``): the Arabic name for ``ar`` where the actor has one, the English one for ``en``,
else the canonical name. Exports (``claimtrack export``) always use canonical names. Actor objects carry
all three names.

Compatible additions keep the version; renaming or removing a field bumps ``schema_version``.
"""

from __future__ import annotations

SCHEMA_NAME = "claimtrack-report"
SCHEMA_VERSION = 1
