"""Is a new claim the same claim as an existing one? Scores with the signals behind them.

"The same claim" is the same source asserting the same proposition (README, "What counts as the same
claim"). Signals: rapidfuzz similarity of the folded, clitic-stripped texts; token overlap weighted
by rarity; claimant agreement (same actor, alias or affiliation, name variants in any script);
numbers and dates agreeing or conflicting; negation agreement; denial against allegation.
Across languages the texts cannot be compared, so the score counts agreeing signals instead:
claimant, entities, numbers and the time window.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from itertools import repeat
from typing import Any

from rapidfuzz import fuzz

from claimtrack.tracking.features import TextFeatures

GENERIC_SPEAKERS = frozenset({
    "مصادر", "مصدر", "مسؤول", "مسؤولون", "مسوول", "مسوولون", "متحدث", "المتحدث", "مراقبون", "خبراء", "محللون",
    "sources", "source", "official", "officials", "spokesman", "spokeswoman", "analysts", "experts",
})
WINDOW_DAYS = 30
CROSS_LANGUAGE_AGREEING = 3  # agreeing signals (entities, concepts, source, numbers) across languages
NUMBER_BONUS = 0.1  # a suggestion sharing a distinctive figure needs this much less score
MIN_LENGTH_RATIO = 0.6  # a merge needs the shorter text to be at least half the longer one


@dataclass(slots=True)
class Speaker:
    """A claimant as the matcher compares it."""

    actor_id: int | None
    root_id: int | None = None  # the actor it was merged into, if any
    names: set[str] = field(default_factory=set)  # folded names (canonical, Arabic, English, aliases, chain)
    stems: set[str] = field(default_factory=set)  # distinctive name stems
    key: str | None = None  # translit skeleton " jn krb "
    generic: bool = False  # a described or bare-role source ("مصادر", "المتحدث")

    @property
    def identity(self) -> int | None:
        return self.root_id or self.actor_id


@dataclass(slots=True)
class ClaimInfo:
    id: int  # a stored claim (the root it is merged into, if any)
    text: str
    kind: str
    language: str
    document_id: int | None
    speaker: Speaker
    features: TextFeatures
    day: date | None = None
    event_date: str | None = None


def speaker_agreement(a: Speaker, b: Speaker) -> float:
    """1 same actor, 0.8 name variants of one actor, 0.5 when either is a generic source, else 0."""
    if a.identity is not None and a.identity == b.identity:
        return 1.0
    if a.names & b.names or _stems_meet(a.stems, b.stems) or _keys_meet(a.key, b.key):
        return 0.8
    if a.generic or b.generic:
        return 0.5
    return 0.0


def _stems_meet(a: set[str], b: set[str]) -> bool:
    if a & b:
        return True
    # no equal pair is left: only stems of 4+ letters where one ends the other count
    long_b = [y for y in b if len(y) >= 4]
    return bool(long_b) and any(x.endswith(y) or y.endswith(x) for x in a if len(x) >= 4 for y in long_b)


def _keys_meet(a: str | None, b: str | None) -> bool:
    """Two name skeletons share a distinctive word key (4+ letters, or 3 letters when both are short)."""
    if not a or not b:
        return False
    shared = set(a.split()) & set(b.split())
    return any(len(k) >= 4 for k in shared) or len(shared) >= 2 or bool(shared and len(a.split()) == 1
                                                                         and len(b.split()) == 1)


def conflicts(a: ClaimInfo, b: ClaimInfo) -> list[str]:
    """Reasons the two cannot be one claim even if worded alike."""
    out = []
    if (a.kind == "denial") != (b.kind == "denial"):
        out.append("allegation against denial")
    if a.language == b.language and _negation_differs(a.features, b.features):
        out.append("negation differs")
    short, long_ = sorted((a.features.numbers, b.features.numbers), key=len)
    if short and long_ and not (short & long_):
        out.append("different figures")
    if a.event_date and b.event_date and not (a.event_date.startswith(b.event_date)
                                              or b.event_date.startswith(a.event_date)):
        out.append("different event dates")
    return out


def _negation_differs(a: TextFeatures, b: TextFeatures) -> bool:
    """One text negates a word the other asserts ("لا تتدخل" against "تتدخل"); negations of words the other
    text does not hold (a paraphrase's own clause) do not count."""
    if a.negated == b.negated:
        return False
    b_stems, a_stems = set(b.stems), set(a.stems)
    return bool((a.negated - b.negated) & b_stems) or bool((b.negated - a.negated) & a_stems)


def distinctive_numbers(numbers: set[str]) -> set[str]:
    """Numbers of three or more digits that are not years (Gregorian or Hijri): figures worth agreeing on."""
    return {n for n in numbers if len(n.replace(".", "")) >= 3 and not (len(n) == 4 and n[:2] in ("19", "20", "14"))}


def term_weights(rarity: dict[str, float]) -> dict[str, float]:
    """The rarity of each `t:` key, by its term: what `weighted_overlap` looks up (built once per document)."""
    return {k[2:]: v for k, v in rarity.items() if k.startswith("t:")}


def weighted_overlap(a: set[str], b: set[str], weights: dict[str, float]) -> float:
    """Rarity-weighted share of the smaller term set found in the other (containment); `weights` from
    `term_weights` (0.5 for a term without one)."""
    if not a or not b:
        return 0.0
    small = a if len(a) <= len(b) else b
    get = weights.get
    total = sum(map(get, small, repeat(0.5, len(small))))
    shared = a & b
    return sum(map(get, shared, repeat(0.5, len(shared)))) / total if total else 0.0


def same_claim(a: ClaimInfo, b: ClaimInfo, rarity: dict[str, float]) -> tuple[float, dict[str, Any]]:
    """Score 0-1 that `a` and `b` are the same claim, and the signals (with any conflicts)."""
    scored = score_pair(a, b, term_weights(rarity))
    assert scored is not None  # no floor: always scored
    return scored


_FLOOR_MARGIN = 0.002  # scores are rounded to 3 places: a pair is cut only well below the floor


def score_pair(a: ClaimInfo, b: ClaimInfo, weights: dict[str, float], floor: float | None = None,
               spk: float | None = None) -> tuple[float, dict[str, Any]] | None:
    """`same_claim` with the term weights of `term_weights` (and `speaker_agreement` of the two claimants when
    already known). With a `floor`, a same-language pair whose score cannot reach it is None: the cheap signals
    come first and bound the rapidfuzz similarity it would need, which is then computed with that cutoff (or
    not at all). Pairs that can reach it score exactly as without."""
    if spk is None:
        spk = speaker_agreement(a.speaker, b.speaker)
    same_language = a.language == b.language
    if same_language:
        ov = weighted_overlap(a.features.terms, b.features.terms, weights)
        if floor is not None and _fuzz_needed(floor, ov, spk, False) > 1.0:
            return None  # out of reach even without a conflict (which only halves the score)
    bad = conflicts(a, b)
    if same_language:
        cutoff = 0.0 if floor is None else _fuzz_needed(floor, ov, spk, bool(bad))
        if cutoff > 1.0:
            return None
        fz = 0.0
        if a.features.stems and b.features.stems:
            fz = fuzz.token_set_ratio(a.features.folded, b.features.folded, score_cutoff=cutoff * 100) / 100
        if cutoff > 0 and fz < cutoff:
            return None
        text = 0.5 * fz + 0.5 * ov
        score = 0.8 * text + 0.2 * spk
        na, nb = len(a.features.stems), len(b.features.stems)
        signals: dict[str, Any] = {"fuzz": round(fz, 3), "overlap": round(ov, 3), "claimant": spk,
                                   "length_ratio": round(min(na, nb) / max(na, nb, 1), 2)}
    else:
        score, signals = _cross_language(a, b, spk)
    shared_numbers = sorted(a.features.numbers & b.features.numbers)
    if shared_numbers:
        signals["numbers"] = shared_numbers[:5]
    if bad:
        signals["conflicts"] = bad
        score *= 0.5
    return round(score, 3), signals


def _fuzz_needed(floor: float, overlap: float, speaker: float, conflicting: bool) -> float:
    """The least rapidfuzz similarity (0-1) with which a same-language score (0.4 fuzz + 0.4 overlap + 0.2
    claimant, halved on a conflict) can reach `floor` (less a rounding margin); above 1: none can."""
    target = (floor - _FLOOR_MARGIN) * (2 if conflicting else 1)
    return max(0.0, (target - 0.4 * overlap - 0.2 * speaker) / 0.4)


def verdict_floor(merge_at: float, suggest_at: float) -> float:
    """The least score `decide` can act on (a merge, a suggestion, or one with an agreeing figure)."""
    return min(merge_at, suggest_at - NUMBER_BONUS)


def _cross_language(a: ClaimInfo, b: ClaimInfo, spk: float) -> tuple[float, dict[str, Any]]:
    """Across scripts the texts cannot be compared: count the agreeing signals. Each shared entity (with its
    affiliations: Kremlin → Russia) and each shared glossary concept (arms = سلاح) counts one; the same source
    (aligned names: كيربي meets Kirby) and shared numbers count two each; the time window must hold."""
    shared = a.features.neutral & b.features.neutral
    ents = sorted(x for x in shared if not x.startswith("g:"))
    terms = sorted(x[2:] for x in shared if x.startswith("g:"))
    nums = a.features.numbers & b.features.numbers
    window = a.day is None or b.day is None or abs((a.day - b.day).days) <= WINDOW_DAYS
    agree = len(ents) + len(terms) + 2 * (spk >= 0.8) + 2 * bool(nums)
    return agree / (agree + 4), {"claimant": spk, "entities": ents[:8], "terms": terms[:8], "window": window,
                                 "agreeing": agree, "cross_language": True}


def _cross_language_enough(signals: dict[str, Any]) -> bool:
    """A cross-language suggestion needs the time window, a shared entity, something beyond entities (a
    concept, the source or a number) and CROSS_LANGUAGE_AGREEING agreeing signals in all."""
    beyond = bool(signals.get("terms")) or signals.get("claimant", 0) >= 0.8 or bool(signals.get("numbers"))
    return (bool(signals.get("window")) and bool(signals.get("entities")) and beyond
            and signals.get("agreeing", 0) >= CROSS_LANGUAGE_AGREEING and not signals.get("conflicts"))


def decide(score: float, signals: dict[str, Any], *, same_language: bool, merge_at: float,
           suggest_at: float) -> str | None:
    """"merge", "suggest" or None. Merges need one source, one language and no conflict."""
    clean = not signals.get("conflicts")
    whole = signals.get("length_ratio", 1.0) >= MIN_LENGTH_RATIO  # not one sentence of a longer quote
    if same_language and clean and whole and signals.get("claimant", 0) >= 0.8 and score >= merge_at:
        return "merge"
    if same_language and clean and distinctive_numbers(set(signals.get("numbers", ()))):
        suggest_at -= NUMBER_BONUS  # an agreeing figure (204,732 boxes) is itself evidence of one claim
    if not same_language:
        return "suggest" if _cross_language_enough(signals) else None
    if score >= suggest_at:
        return "suggest"
    return None
