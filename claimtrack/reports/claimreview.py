"""schema.org ClaimReview JSON-LD for published claims.

Every record carries claimReviewed, reviewRating (alternateName, and ratingValue 1-5 with worstRating 1
and bestRating 5 when the verdict has a number; `unverifiable` has only the label), url, author (the
organisation), datePublished and itemReviewed: a Claim with its author (the claimant, with sameAs when
known), datePublished (when the claim was made), appearance and firstAppearance (the articles, each with
its own publication date). A record that would be invalid is refused with a
ReportError naming the claim and the missing field; nothing is written then.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any

from claimtrack.reports.render import ReportError, safe_url
from claimtrack.text import escape_bidi_in_json

PERSON_KINDS = {"person"}


def _actor(actor: dict[str, Any] | None) -> dict[str, Any] | None:
    if not actor or not actor.get("name"):
        return None
    out: dict[str, Any] = {"@type": "Person" if actor.get("kind") in PERSON_KINDS else "Organization",
                           "name": actor["name"]}
    alt = [n for n in (actor.get("name_ar"), actor.get("name_en")) if n and n != actor["name"]]
    if alt:
        out["alternateName"] = alt if len(alt) > 1 else alt[0]
    if safe_url(actor.get("same_as")):
        out["sameAs"] = actor["same_as"]
    return out


def _appearance(a: dict[str, Any]) -> dict[str, Any]:
    doc = a["document"]
    work: dict[str, Any] = {"@type": "CreativeWork"}
    if safe_url(doc.get("url")):
        work["url"] = doc["url"]
    if doc.get("title"):
        work["headline"] = doc["title"]
    if doc.get("published"):  # the article's date; when the claim was made goes on the Claim itself
        work["datePublished"] = doc["published"]
    if a.get("outlet"):
        work["publisher"] = {"@type": "Organization", "name": a["outlet"]}
    if doc.get("language") not in (None, "und"):
        work["inLanguage"] = doc["language"]
    return work


def claim_date(c: dict[str, Any]) -> str | None:
    """When the claim was made: the first appearance's stated date, else its article's publication date."""
    first = next((a for a in c["appearances"] if a["first"]), None)
    if first is None:
        return None
    return first.get("stated_on") or first["document"].get("published")


def claim_review(c: dict[str, Any], *, organisation: str, organisation_url: str) -> dict[str, Any]:
    """The ClaimReview object for one claim dict (schema.py), or ReportError naming what is missing."""
    missing: list[str] = []
    if c["state"] != "published":
        raise ReportError(f"claim {c['id']} is {c['state']}, not published; only published claims get a ClaimReview")
    if not (c["text"] or "").strip():
        missing.append("claimReviewed (the claim has no text)")
    value, label = c["rating"]["value"], c["rating"]["label"]
    if c["verdict"] == "unrated" or not label:
        missing.append("reviewRating (the claim has no verdict)")
    base = safe_url(organisation_url)
    if not base:
        missing.append("url (set organisation_url to the http(s) address of your fact-checks)")
    if not (organisation or "").strip():
        missing.append("author (set organisation to your organisation's name)")
    if missing or base is None:  # (no base is among the missing)
        raise ReportError(f"claim {c['id']}: ClaimReview would be invalid; missing {'; '.join(missing)}")
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": label}
    if value is not None:
        rating.update(ratingValue=value, worstRating=1, bestRating=5)
    if c.get("rationale"):
        rating["ratingExplanation"] = c["rationale"]
    item: dict[str, Any] = {"@type": "Claim"}
    author = _actor(c.get("claimant"))
    if author:
        item["author"] = author
    apps = [_appearance(a) for a in c["appearances"]]
    first = next((w for w, a in zip(apps, c["appearances"], strict=True) if a["first"]), None)
    date = claim_date(c)
    if date:
        item["datePublished"] = date
    if c.get("language") not in (None, "und"):
        item["inLanguage"] = c["language"]
    if apps:
        item["appearance"] = apps
    if first:
        item["firstAppearance"] = first
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base.rstrip('/')}/claim-{c['id']}",
        "claimReviewed": c["text"],
        "author": {"@type": "Organization", "name": organisation, "url": base},
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if c.get("published_at"):
        review["datePublished"] = c["published_at"][:10]
    return review


def write_claimreview(out: IO[str], claims: Iterable[dict[str, Any]], *, organisation: str,
                      organisation_url: str) -> int:
    """A JSON array of ClaimReview objects. Validates everything before writing a byte."""
    reviews = [claim_review(c, organisation=organisation, organisation_url=organisation_url) for c in claims]
    out.write(escape_bidi_in_json(json.dumps(reviews, ensure_ascii=False, indent=2)))
    out.write("\n")
    return len(reviews)
