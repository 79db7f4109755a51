"""Denial links: which claims does a denial reject? Scored, capped, and each link keeps its evidence.

A denial must name or clearly point at what it denies. The signals, for a denial D and a claim C by
another party:
- **object**: the terms of what D rejects (after the denial cue and the words that only say "claims",
  "reports") that C asserts, weighted by rarity: a common word alone is not enough;
- **party**: D names whose allegations it rejects («المزاعم الأميركية», «كما تدعي المرأة», "U.S. claims")
  and C's claimant is that party (or belongs to it); when D names a party and C's claimant is someone
  else, C is not a target;
- **subject**: C names the denier, i.e. C is an allegation about the one who denies;
- **numbers**: D and C share a number or date.
Claims on the denier's own side, other denials and calls are never targets. Only the best-scoring
claims are kept: at or above the threshold, close to the best one, and at most `cap` of them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from claimtrack.extract.base import ActorRef, ExtractedClaim
from claimtrack.extract.gazetteer import gazetteer
from claimtrack.text import fold
from claimtrack.tracking.features import content_terms, numbers, stem, words

DEFAULT_THRESHOLD = 0.26  # the `denial_link_threshold` setting's default (claimtrack.config)
DEFAULT_CAP = 3
RELATIVE_CUT = 0.8  # a kept link scores at least this share of the denial's best link
WEIGHTS = {"object": 0.6, "party": 0.25, "subject": 0.35, "numbers": 0.1}
TOTAL_WEIGHT = sum(WEIGHTS.values())  # scores are divided by it: 1.0 means every signal agrees fully
COMMON_HEAD = 0.25  # a head term this common (rarity below) is not enough on its own ("روسيا", "تحقيق")
HEAD_SHARE = 0.7  # the head of the denied object (its first content word) carries most of the object signal
NOT_TARGETS = frozenset({"denial", "call"})
MIN_OBJECT = 0.3  # inside one article: this much of the denied object (by rarity) must be in the target
FULL_OBJECT = 0.99  # ... or all of it (head and rest), which needs no other anchor

# "the allegations of X", "X's claims", "as X claims": who is accused of claiming what is denied
_ALLEGATION = re.compile(
    r"(?:اتهامات|مزاعم|ادعاءات|اتهام|روايه|allegations?|claims?|accusations?)\s+(\S+(?:\s+\S+)?)"
    r"|(\S+(?:\s+\S+)?)\s+(?:allegations?|claims?|accusations?)"
    r"|كما\s+(?:تدعي|يدعي|يدعون|تزعم|يزعم|يزعمون|زعم|زعمت|ادعي|ادعت|تقول|يقول)\s+(\S+(?:\s+\S+)?)",
    re.IGNORECASE,
)
# a claim that accuses someone: charges, involvement, blame
_ACCUSES = re.compile(r"(?<!\S)[وفبل]?(?:ال)?(?:اتهام|اتهم|تهم|متهم|ضلوع)|accus|\bcharged?\b|\bblame", re.IGNORECASE)
# rumours and media reports: the denied party is "the media", not a claimant of the article
_RUMOUR = re.compile(r"ما\s+(?:تردد|يتردد|اثير|يثار|نشر|ينشر|تناقلته|تداولته|تم تداوله)|شائعات|اشاعات|الاشاعه"
                     r"|الشائعه|تكهنات|وسائل\s+الاعلام|في\s+الاعلام|مواقع\s+التواصل|media\s+reports?|rumou?rs?",
                     re.IGNORECASE)
# words that only say that something was claimed or denied; they are not what is denied
_FRAME = frozenset(content_terms(
    "نفى نفت نفي ينفي تنفي ينفون نافيا نافية رفض رفضت يرفض ترفض رفضه صحة صحه اساس وجود مزاعم ادعاءات اتهامات "
    "تقارير انباء اخبار روايات معلومات تردد اثير نشر شائعات تكهنات الاعلام وسائل مواقع جمله تفصيلا قطعيا "
    "مطلقا اطلاقا كاذبة عارية denied denies deny rejected rejects reject allegations claims reports rumours "
    "rumors false baseless untrue تدعي يدعي تزعم يزعم زعم ادعت صدور حدوث قيام وقوع صلة علاقة بشأن حول بخصوص "
    "نية تتحدث يتحدث كذبت كذب يكذب تكذيب انكر انكرت انكروا ينكر تنكر مؤكدا مؤكدة التهم تهمة charges intention "
    "ليس ليست وليس وليست غير not") | {"مزاعم", "اتهام", "ادعاء", "تقرير", "نفي", "رفض"})
# the denial's correction ("… بل تم إطلاق سراحه بكفالة", "but …") says what is true, not what is denied
_CORRECTION = re.compile(r"\s(?:بل|وانما|انما|لكن|ولكن|وانه|but|rather|instead)\s", re.IGNORECASE)
# «… وليس بالعفو كما تدعي المرأة»: a denial marker after the words it rejects (the accused claims them)
_AS_CLAIMED = re.compile(r"\s(?:كما|مثلما)\s+(?:تدعي|يدعي|يدعون|تزعم|يزعم|يزعمون|زعم|زعمت|ادعي|ادعت|اشيع|يشاع|تردد|يتردد"
                         r"|as\s+(?:\S+\s+)?(?:claim|claims|claimed|alleged|alleges))(?!\S)", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[،,؛;:]|\s(?=و(?:ليس|ليست|لم|لا|غير)\s)")
_AS_CLAIMED_WORDS = 8  # at most this many words before the marker are what it rejects
_SENTENCE_END = re.compile(r"[.!?؟]\s|\n")  # "3.5" and "U.S." are no sentence end
_MEDIA_WORDS = frozenset({"مصادر", "مصدر", "تقارير", "صحيفه", "صحف", "وكاله", "قناه", "موقع", "media", "report"})
_ROLE_WORDS = frozenset(content_terms(
    "المتحدث الناطق الرسمي باسم المسؤول مدير رئيس وزير وزارة الامين العام نائب مساعد عضو المقدم العقيد اللواء "
    "العميد الدكتور الشيخ spokesman spokeswoman official minister ministry director head deputy"))
# parts of compound personal names shared by unrelated people («عبد الرحمن», «ذبيح الله», «أبو بكر»): alone they
# tell no one apart, so they never make two claimants one side
_NAME_PARTS = frozenset(content_terms("عبد الله ابو"))

Rarity = Callable[[str], float]


def uniform(_term: str) -> float:
    """Every term weighs the same (inside one article)."""
    return 1.0


@dataclass(slots=True)
class Party:
    """A claimant as the linker sees it: folded names up its affiliation chain and its name stems."""

    names: set[str] = field(default_factory=set)
    stems: set[str] = field(default_factory=set)
    own: set[str] = field(default_factory=set)  # its own folded names, without the affiliation chain

    @classmethod
    def of(cls, actor: ActorRef | None, surface: str = "") -> Party:
        p = cls()
        depth = 0
        while actor is not None and depth < 5:
            for n in (actor.canonical, actor.name_ar, actor.name_en):
                if n:
                    p.names.add(fold(n))
                    p.stems |= content_terms(n)
            if depth == 0 and actor.title:
                p.stems |= content_terms(actor.title)
            if depth == 0:
                p.names |= {fold(a) for a in actor.aliases if len(a) >= 4}
                p.own = set(p.names)
            actor = actor.affiliation
            depth += 1
        p.stems |= content_terms(surface)
        p.stems -= _ROLE_WORDS | _NAME_PARTS
        return p

    def meets(self, other: Party) -> bool:
        """Same name, or a shared name stem («مراه» meets «امراه»: one ends the other)."""
        return bool(self.names & other.names) or any(
            a == b or min(len(a), len(b)) >= 3 and (a.endswith(b) or b.endswith(a))
            for a in self.stems for b in other.stems)


@dataclass(slots=True)
class DenialProfile:
    """What a denial rejects: its object terms (head first), the accused party, the denier, its numbers."""

    head: str | None
    object_terms: set[str]
    accused: Party
    rumour: bool
    denier: Party
    numbers: set[str]

    @property
    def names_party(self) -> bool:
        return bool(self.accused.names or self.accused.stems) or self.rumour


def _entity_terms(text: str) -> set[str]:
    """Stems of the names of every gazetteer actor the text mentions (they say who, not what)."""
    out: set[str] = set()
    for e in gazetteer().mentions(text):
        for n in (e.canonical, e.name_ar, e.name_en, *e.aliases, *e.adjectives):
            out |= content_terms(n)
    return out


def _ordered_terms(text: str) -> list[str]:
    seen: list[str] = []
    for w in text.split():
        for t in content_terms(w):
            if t not in seen:
                seen.append(t)
    return seen


def profile(text: str, denier: ActorRef, surface: str = "") -> DenialProfile:
    folded = fold(text)
    accused = Party()
    for m in _ALLEGATION.finditer(folded):
        phrase = next(g for g in m.groups() if g)
        ents = gazetteer().mentions(phrase)
        for e in ents:
            accused.names.add(fold(e.canonical))
        if not ents and m.group(3):
            accused.stems |= {stem(w) for w in words(phrase)[:1]}
    party = Party.of(denier, surface)
    denied = _denied_before_marker(folded) or _CORRECTION.split(" " + folded + " ", maxsplit=1)[0]
    drop = _FRAME | _ROLE_WORDS | party.stems | _entity_terms(denied) | accused.stems  # who, not what
    drop |= {s for n in party.names | accused.names for s in content_terms(n)}
    ordered = [t for t in _ordered_terms(denied) if t not in drop]
    return DenialProfile(head=ordered[0] if ordered else None, object_terms=set(ordered), accused=accused,
                         rumour=bool(_RUMOUR.search(folded)), denier=party, numbers=numbers(denied))


def _denied_before_marker(folded: str) -> str | None:
    """ "أطلق بكفالة وليس بالعفو كما تدعي المرأة", "not a bribe, as critics claim": when the denial marker comes
    after what it rejects, the denied object is the clause just before it (from the last comma or negation, at
    most `_AS_CLAIMED_WORDS` words), not the start of the claim; None when there is no such marker."""
    m = _AS_CLAIMED.search(folded)
    if m is None or not folded[: m.start()].strip():
        return None
    before = folded[: m.start()]
    starts = [x.end() for x in _CLAUSE_START.finditer(before)]
    clause = before[starts[-1] :] if starts else before
    return " ".join(clause.split()[-_AS_CLAIMED_WORDS:]) or None


def same_sentence_after(text: str, denial: ExtractedClaim, cand: ExtractedClaim) -> bool:
    """The candidate is reported after the denial in the denial's own sentence («نفت الشرطة … وذلك رداً على مقطع
    لامرأة تذكر فيه …»): the sentence says what the denial answers."""
    if cand.start < denial.end:
        return False
    return _SENTENCE_END.search(text[max(0, denial.end - 1) : cand.start] + " ") is None  # its own full stop too


def same_side(denier: Party, cand: Party) -> bool:
    """The candidate's claimant is the denier, belongs to it, or shares its distinctive name words."""
    return denier.meets(cand)


def object_share(p: DenialProfile, cand_text: str, rarity: Rarity = uniform) -> float:
    """How much of what is denied `cand_text` asserts: the `object` signal of `score`, alone (a cheap first test)."""
    return _object(p, content_terms(cand_text), rarity)[0]


def _object(p: DenialProfile, cand_terms: set[str], rarity: Rarity) -> tuple[float, list[str]]:
    """How much of what is denied the candidate asserts: the head, then the other terms by rarity."""
    shared = p.object_terms & cand_terms
    if p.head and p.head not in shared and _bare(p.head) in cand_terms:  # «لعقد» denied, «عقد» asserted
        shared.add(p.head)
    head = p.head is not None and p.head in shared
    rest = [t for t in p.object_terms if t != p.head]
    rest_total = min(2.0, sum(rarity(t) for t in rest)) or 1.0
    rest_hit = min(1.0, sum(rarity(t) for t in shared if t != p.head) / rest_total)
    head_counts = head and rarity(p.head) >= COMMON_HEAD  # type: ignore[arg-type]
    return HEAD_SHARE * head_counts + (1 - HEAD_SHARE) * rest_hit, sorted(shared)


def _bare(term: str) -> str:
    """A four-letter stem without the one-letter clitic the stemmer keeps on short words («لعقد» → «عقد»)."""
    return term[1:] if len(term) == 4 and term[0] in "لبوفك" else term


def score(p: DenialProfile, cand_text: str, cand: Party, rarity: Rarity = uniform) -> tuple[float, dict[str, Any]]:
    """Score (0-1; 1 when every signal agrees fully) that the denial profiled in `p` rejects the claim
    `cand_text` by `cand`, and why."""
    if same_side(p.denier, cand):
        return 0.0, {"reason": "same side"}
    party_hit = p.accused.meets(cand) or (p.rumour and bool(cand.stems & _MEDIA_WORDS))
    if p.names_party and not party_hit:
        return 0.0, {"reason": "the denial names another party"}
    cand_terms = content_terms(cand_text)
    obj, shared = _object(p, cand_terms, rarity)
    folded = fold(cand_text)
    subject = any(n in folded for n in p.denier.own if len(n) >= 3)  # the denier itself, not its country
    nums = sorted(p.numbers & numbers(cand_text))
    s = (WEIGHTS["object"] * obj + WEIGHTS["party"] * party_hit + WEIGHTS["subject"] * subject
         + WEIGHTS["numbers"] * bool(nums))
    evidence = {"object_terms": shared[:8], "denied_head": p.head, "object": round(obj, 3),
                "party_match": party_hit, "names_denier": subject, "numbers": nums[:4]}
    return round(s / TOTAL_WEIGHT, 3), evidence


def select(scored: Iterable[tuple[Any, float, dict[str, Any]]], threshold: float, cap: int) -> list[tuple[Any, dict]]:
    """The best links: score ≥ threshold, ≥ RELATIVE_CUT × the best score, at most `cap`, best first."""
    kept = sorted((x for x in scored if x[1] >= threshold), key=lambda x: -x[1])
    if not kept:
        return []
    floor = kept[0][1] * RELATIVE_CUT
    return [(key, {**ev, "score": s}) for key, s, ev in kept[:cap] if s >= floor]


def anchored(evidence: dict[str, Any], target: str) -> bool:
    """A link needs more than shared words: the whole denied object (its head and the rest, FULL_OBJECT), or
    an anchor on who or when — the accused party, the denier named by the claim, a shared number or date —
    with some of the denied object (MIN_OBJECT); a claim reported in the denial's own sentence after it, with the
    denied head (`same_sentence_after`); a claim that accuses the denier by name («أحالت ... جماعة
    الإخوان ... بتهمة»), or one by the accuser the denial names that names the denier («المزاعم الأميركية» against
    a White House claim about Iran), needs no shared object word."""
    if evidence.get("object", 0) >= FULL_OBJECT and len(evidence.get("object_terms", ())) >= 2:
        return True  # the claim asserts the denied object itself: its head and the rest of it
    obj = evidence.get("object", 0) >= MIN_OBJECT
    if evidence.get("party_match") and evidence.get("names_denier"):
        return True  # the party the denial names as its accuser, speaking about the denier
    if evidence.get("same_sentence") and evidence.get("object", 0) >= HEAD_SHARE:
        return True  # reported in the denial's own sentence, with the denied head: what the denial answers
    if evidence.get("names_denier") and (obj or _ACCUSES.search(fold(target))):
        return True
    return obj and bool(evidence.get("party_match") or evidence.get("numbers"))


def _co_deniers(i: int, claims: list[ExtractedClaim], profiles: dict[int, DenialProfile],
                parties: list[Party]) -> Party:
    """The denier of claim i together with everyone else in the article who denies the same thing (a
    shared head of the denied object): their statements are the denier's side, never targets."""
    side = Party(names=set(parties[i].names), stems=set(parties[i].stems))
    head = profiles[i].head
    for j, p in profiles.items():
        if j != i and head is not None and (p.head == head or head in p.object_terms):
            side.names |= parties[j].names
            side.stems |= parties[j].stems
    return side


def link_denials(claims: list[ExtractedClaim], threshold: float = DEFAULT_THRESHOLD, cap: int = DEFAULT_CAP,
                 text: str | None = None) -> None:
    """Fill `denies` / `link_evidence` within one document's claims (in place; earlier links are replaced).
    `text`: the document, for the same-sentence signal (without it that signal is off)."""
    if not any(c.kind == "denial" for c in claims):
        return  # most documents: nothing to link, so no party is built
    parties = [Party.of(c.claimant, c.claimant_surface) for c in claims]
    profiles = {i: profile(d.text or d.quote, d.claimant, d.claimant_surface)
                for i, d in enumerate(claims) if d.kind == "denial"}
    for i, d in enumerate(claims):
        if d.kind != "denial":
            continue
        p = profiles[i]
        side = _co_deniers(i, claims, profiles, parties)
        scored = []
        for j, c in enumerate(claims):
            if j == i or c.kind in NOT_TARGETS or c.quote == d.quote or side.meets(parties[j]):
                continue
            s, ev = score(p, c.text or c.quote, parties[j])
            if text is not None and same_sentence_after(text, d, c):
                ev["same_sentence"] = True
            if anchored(ev, c.text or c.quote):
                scored.append((j, s, ev))
        chosen = select(scored, threshold, cap)
        d.denies = [j for j, _ in chosen]
        d.link_evidence = {j: {**ev, "scope": "same document"} for j, ev in chosen}
