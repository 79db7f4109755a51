"""Denial links: does a denial reject another party's claim about the same subject?

Evidence combines (1) the party whose allegations are denied ("المزاعم الأميركية", "U.S. claims",
"كما تدعي المرأة") against the candidate's claimant and its affiliation chain, (2) shared subject
terms, (3) whether the candidate names the denier. Same rule within a document and across documents.
"""

from __future__ import annotations

import re
from typing import Any

from claimtrack.extract.base import ActorRef, ExtractedClaim
from claimtrack.extract.claimants import stem
from claimtrack.extract.gazetteer import gazetteer
from claimtrack.text import fold

DENIAL_LINK_THRESHOLD: float = 0.45

_ALLEGATION = re.compile(
    r"(?:اتهامات|مزاعم|ادعاءات|اتهام|تقارير|انباء|روايه|allegations?|claims?|accusations?|reports?)\s+(\S+(?:\s+\S+)?)"
    r"|(\S+(?:\s+\S+)?)\s+(?:allegations?|claims?|accusations?)"
    r"|كما\s+(?:تدعي|يدعي|يدعون|تزعم|يزعم|يزعمون|زعم|زعمت|ادعي|ادعت)\s+(\S+(?:\s+\S+)?)",
    re.IGNORECASE,
)
_STOP = frozenset(
    """في من الي علي على عن ان انه انها التي الذي الذين هذه هذا ذلك تلك مع بين كل ما لا لم لن قد كان كانت
    هو هي هم ثم او بل حيث بعد قبل عند غير اي وقال قال the a an of to in on and or for with that this was were is
    are be by as at from it its their his her they he she not no has have had will would said""".split()
)
_TOKEN = re.compile(r"[\u0621-\u064Aa-zA-Z0-9]+")


def terms(text: str) -> set[str]:
    """Content-word stems of `text` (folded; ال/و/ب/ل prefixes and plural/feminine endings dropped)."""
    out = set()
    for t in _TOKEN.findall(fold(text)):
        if t in _STOP or len(t) < 3:
            continue
        s = stem(t)
        for suf in ("ات", "ون", "ين", "ه", "s"):
            if s.endswith(suf) and len(s) - len(suf) >= 3:
                s = s[: -len(suf)]
                break
        if len(s) >= 3 and s not in _STOP:
            out.add(s)
    return out


def _names(actor: ActorRef | None) -> set[str]:
    """Folded names of an actor and everything up its affiliation chain."""
    out: set[str] = set()
    depth = 0
    while actor is not None and depth < 5:
        for n in (actor.canonical, actor.name_ar, actor.name_en):
            if n:
                out.add(fold(n))
        actor = actor.affiliation
        depth += 1
    return out


def _actor_from_name(name: str) -> ActorRef:
    e = gazetteer().lookup(name) if name else None
    return gazetteer().actor(e) if e is not None else ActorRef(canonical=name)


def _targets(denial_text: str) -> tuple[set[str], set[str]]:
    """(folded gazetteer names, surface stems) of the parties whose allegations the denial rejects."""
    gz = gazetteer()
    names: set[str] = set()
    stems: set[str] = set()
    for m in _ALLEGATION.finditer(fold(denial_text)):
        phrase = next(g for g in m.groups() if g)
        for e in gz.mentions(phrase):
            names |= {fold(x.canonical) for x in [e]}
        if m.group(3):
            stems |= {stem(w) for w in phrase.split()[:1]}
    return names, stems


_DENIAL_CUE = re.compile(r"^(?:[وف]?(?:نفي|نفت|نفوا|ينفي|تنفي|ينفون|رفض|رفضت|يرفض|ترفض|denied|denies|rejected))\s+",
                         re.IGNORECASE)


def _stems_meet(a: set[str], b: set[str]) -> bool:
    """Stems equal, or one ends the other ("مراه" / "امراه")."""
    return any(x == y or len(x) >= 3 and len(y) >= 3 and (x.endswith(y) or y.endswith(x)) for x in a for y in b)


def _object_head(denial_text: str) -> str | None:
    """The first content term of what is denied ("تنفي العفو عن متهم" → "عفو")."""
    body = _DENIAL_CUE.sub("", fold(denial_text).strip(), count=1)
    for t in _TOKEN.findall(body)[:4]:
        ts = terms(t)
        if ts:
            return next(iter(ts))
    return None


def score_pair(denial_text: str, denier: ActorRef, cand_text: str, cand: ActorRef,
               cand_kind: str = "statement") -> tuple[float, dict[str, Any]]:
    """Score that a denial rejects a candidate claim; 0 for the denier's own side."""
    denier_names, cand_names = _names(denier), _names(cand)
    if fold(denier.canonical) in cand_names or fold(cand.canonical) in denier_names:
        return 0.0, {}
    t_names, t_stems = _targets(denial_text)
    cand_stems = {stem(w) for w in fold(cand.canonical + " " + (cand.name_ar or "")).split()}
    if t_names or t_stems:  # noqa: SIM108
        party = 1.0 if (t_names & cand_names or _stems_meet(t_stems, cand_stems)) else 0.0
    else:
        party = 0.5
    cand_terms = terms(cand_text)
    shared = sorted(terms(denial_text) & cand_terms)
    head = _object_head(denial_text)
    head_hit = head is not None and head in cand_terms
    gz = gazetteer()
    mentioned = [e.canonical for e in gz.mentions(cand_text) if fold(e.canonical) in denier_names]
    if not mentioned and denier.name_ar and fold(denier.name_ar) in fold(cand_text):
        mentioned = [denier.canonical]
    score = 0.4 * party + 0.3 * min(1.0, len(shared) / 2) + 0.3 * (1.0 if mentioned else 0.0)
    if head_hit:  # the denied object itself ("نفى … العفو") is what the candidate asserts
        score += 0.15
    if cand_kind in ("assessment", "call"):
        score *= 0.7
    evidence: dict[str, Any] = {"shared_terms": shared[:8], "denier_mentioned": mentioned, "denied_object": head_hit,
                                "denied_party": sorted(t_names | t_stems), "party_match": party == 1.0}
    return round(score, 3), evidence


def denial_match(denial_text: str, denial_claimant: str, candidate_text: str, candidate_claimant: str,
                 language: str) -> tuple[float, dict]:
    """Score 0..1 that the denial rejects the candidate claim, and the evidence (shared terms/actors)."""
    return score_pair(denial_text, _actor_from_name(denial_claimant), candidate_text,
                      _actor_from_name(candidate_claimant))


def link_denials(claims: list[ExtractedClaim]) -> None:
    """Fill `denies` / `link_evidence` within one document's claims (in place)."""
    for i, d in enumerate(claims):
        if d.kind != "denial":
            continue
        for j, c in enumerate(claims):
            if j == i or c.kind == "denial" or c.quote == d.quote:
                continue
            s, ev = score_pair(d.text or d.quote, d.claimant, c.text or c.quote, c.claimant, c.kind)
            if s >= DENIAL_LINK_THRESHOLD:
                d.denies.append(j)
                d.link_evidence[j] = {**ev, "score": s}
