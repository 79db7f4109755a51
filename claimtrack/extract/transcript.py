"""Claims of an English transcript (briefings, speeches, debates): the speaker of the turn is the claimant.

Transcripts are primary sources: a check-worthy sentence of a turn is a claim by the turn's speaker, with no
"said" needed. Reported speech inside a turn ("the President said that …") keeps its own claimant; what the
speaker asserts as "we" ("we assess", "our information indicates") is the speaker's organisation's.
Reporters' questions (`Q`) and procedural lines ("Go ahead, Peter.") are never claims. Every claim is dated
to the transcript (`stated_on` = its date).
"""

from __future__ import annotations

import datetime as dt
import re

from claimtrack.extract.base import ActorRef, ExtractedClaim, PartialDate
from claimtrack.extract.english import extract_english
from claimtrack.extract.english_claimants import (
    DESCRIBED,
    NAME,
    actor_kind,
    is_person_or_group,
    names_a_document,
    source_type,
)
from claimtrack.extract.english_segment import sentences
from claimtrack.extract.transcript_cast import Cast, Turn, find_turns
from claimtrack.extract.transcript_lines import assertion_kind, is_checkworthy, speaks_as_we, stance_holder

__all__ = ["extract_transcript", "find_turns"]

_WE = re.compile(r"\b(?:we|we[’']\w+|us|our|ours|ourselves)\b", re.I)
_NEGATION = re.compile(r"\b(?:didn[’']t|did not|never|not|don[’']t|do not|haven[’']t|have not)\s+(?:\w+\s+){0,2}\w+\W*$",
                       re.I)


def extract_transcript(text: str, turns: list[Turn], title: str | None,
                       published: dt.date | None) -> tuple[list[ExtractedClaim], list[tuple[int, int]]]:
    """(claims, their turns' spans) for a transcript whose speaker turns are `turns`."""
    cast = Cast(text, title)
    stated = PartialDate(published.isoformat(), "day") if published else None
    claims: list[ExtractedClaim] = []
    windows: list[tuple[int, int]] = []
    preamble = text[:turns[0].start]
    if preamble.strip():  # a news article quoting an interview: its own narrative is ordinary news
        for c in extract_english(preamble):
            claims.append(c)
            windows.append((0, turns[0].start))
    for turn in turns:
        who = None if turn.is_question else cast.speaker(turn.label)
        if who is None:
            continue
        for c in _turn_claims(text, turn, *who):
            c.stated_on = stated
            c.claimant = cast.known(c.claimant)
            if c.claimant.kind not in ("person", "organisation") or c.claimant.canonical.isupper():
                c.claimant.kind = actor_kind(c.claimant.canonical)
            claims.append(c)
            windows.append((turn.start, turn.end))
    return claims, windows


def _turn_claims(text: str, turn: Turn, person: ActorRef, org: ActorRef | None) -> list[ExtractedClaim]:
    """Reported speech of the turn with its own claimants, then the speaker's own check-worthy sentences."""
    reported = [c for c in (_reported(text, turn, c, person, org) for c in _english_claims(text, turn)) if c]
    taken = [(c.start, c.end) for c in reported]
    own: list[ExtractedClaim] = []
    for a, b in sentences(text[turn.body:turn.end]):
        s, e = turn.body + a, turn.body + b
        if any(x < e and s < y for x, y in taken) or not is_checkworthy(text[s:e]):
            continue
        own.append(_own(text, s, e, person, org))
    return sorted(reported + own, key=lambda c: c.start)


def _english_claims(text: str, turn: Turn) -> list[ExtractedClaim]:
    """English attributions inside one turn, with offsets into the whole text."""
    out = extract_english(text[turn.body:turn.end], resolve_pronouns=False)
    for c in out:
        c.start += turn.body
        c.end += turn.body
    return out


def _reported(text: str, turn: Turn, c: ExtractedClaim, person: ActorRef,
              org: ActorRef | None) -> ExtractedClaim | None:
    """A reported claim of the turn with its claimant settled, or None to leave the sentence to `_own`.

    A named or described source keeps its claim. "We said …" is the organisation's. The speaker's own "I'll say
    this:", "I didn't say that" and unresolved pronouns are talk about talk: the sentence is judged on its own."""
    surface = c.claimant_surface.strip()
    quote = text[c.start:c.end]
    if len(quote.split()) < 4 or quote.rstrip().endswith("?"):
        return None
    if _WE.search(surface):
        return _assign(c, org, surface) if org is not None and not _negated(text, turn.body, c) else None
    kind = source_type(surface)
    if (kind == NAME and not names_a_document(surface)) or (kind == DESCRIBED and is_person_or_group(surface)):
        return c  # not "job opening data" or "today's CPI": a document is not a speaker here
    if surface.lower() in ("who", "which") and source_type(c.claimant.canonical) == NAME:
        return c  # "Leader McConnell, who said, “…”"
    return None


def _negated(text: str, floor: int, c: ExtractedClaim) -> bool:
    """"We didn't say we were going to …": the cue before the content is negated."""
    before = text[max(floor, c.start - 60):c.start]
    return bool(_NEGATION.search(before))


def _assign(c: ExtractedClaim, ref: ActorRef, surface: str) -> ExtractedClaim:
    c.claimant = ref
    c.claimant_surface = surface
    return c


def _own(text: str, s: int, e: int, person: ActorRef, org: ActorRef | None) -> ExtractedClaim:
    """The speaker's own assertion in text[s:e]: the organisation's when said as "we", a third party's when the
    speaker reports its stance ("The governor expressed that …")."""
    while e > s and text[e - 1] in " \t\n":
        e -= 1
    sentence = text[s:e]
    holder = stance_holder(sentence)
    if holder and source_type(holder) in (NAME, DESCRIBED):
        surface = holder
        ref = ActorRef(canonical=re.sub(r"^[Tt]he ", "", holder).strip(), kind="unknown")
        ref.canonical = ref.canonical[:1].upper() + ref.canonical[1:]
    else:
        ref = org if org is not None and speaks_as_we(sentence) else person
        surface = ref.canonical
    return ExtractedClaim(
        quote=sentence, start=s, end=e, claimant=ref, claimant_surface=surface,
        kind=assertion_kind(sentence), cue=None, direct_quote=True, language="en", confidence=0.7)
