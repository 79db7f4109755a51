"""Claim extraction: `extract(text, language, published)` → list[ExtractedClaim].

Stages: segmentation and attribution (Arabic here, English in `english.py`), then language-neutral
post-processing: display text and context, dates, check-worthiness, intra-document denial links.
"""

from __future__ import annotations

import datetime as dt
import re

from claimtrack.extract import date_rules as R
from claimtrack.extract.base import EXTRACTOR_VERSION, ActorRef, ExtractedClaim, PartialDate
from claimtrack.extract.checkworthiness import checkworthiness
from claimtrack.extract.dates import dateline, find_dates, speech_event_date
from claimtrack.extract.links import link_denials
from claimtrack.text import fold

__all__ = ["EXTRACTOR_VERSION", "ActorRef", "ExtractedClaim", "PartialDate", "extract"]

_LEAD = " \t\n\r\u00a0«»“”\"'„:،,.؛;-–"
_TAIL = _LEAD + "!"
_CONTEXT = 40
# "هجوم أمس", "تفجير الاثنين": a date right after an event noun dates the event, not the statement
_EVENT_NOUN = re.compile(r"(?:^|\s)(?:ال)?(?:هجوم|هجمات|تفجير|تفجيرات|اعتداء|اعتداءات|حادث|حادثة|قصف|اشتباكات"
                         r"|انفجار|عملية|غارة|غارات|مجزرة)\s+(?:يوم\s+)?$")


_OPEN = {"«": "»", "“": "”", "„": "“"}
_QUOTE_MARK = re.compile('["«»“”„]')


def _matched(quote: str) -> dict[int, int]:
    """Positions of paired quotation marks, each mapped to its partner."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    straight: int | None = None
    for m in _QUOTE_MARK.finditer(quote):  # only the marks: a Python loop over every character is slow
        i, ch = m.start(), m.group()
        if ch == '"':
            if straight is None:
                straight = i
            else:
                pairs[straight], pairs[i], straight = i, straight, None
        elif ch in _OPEN:
            stack.append(i)
        elif stack and _OPEN[quote[stack[-1]]] == ch:
            j = stack.pop()
            pairs[i], pairs[j] = j, i
    return pairs


def display_text(quote: str) -> str:
    """The quote without leading/trailing punctuation; a quotation mark stays when its partner stays
    («سياسة الهيمنة» التي …), so the text never starts or ends inside a pair it does not close."""
    if not _QUOTE_MARK.search(quote):
        return quote.lstrip(_LEAD).rstrip(_TAIL)
    pairs = _matched(quote)
    a, b = 0, len(quote)
    while True:
        while a < b and quote[a] in _LEAD and not (a in pairs and a < pairs[a] < b):
            a += 1
        while b > a and quote[b - 1] in _TAIL and not (b - 1 in pairs and a <= pairs[b - 1] < b - 1):
            b -= 1
        if a < b and pairs.get(a) == b - 1:  # wrapped in one pair: drop both marks
            a, b = a + 1, b - 1
            continue
        return quote[a:b]


def _as_date(published: dt.date | dt.datetime | str | None) -> dt.date | None:
    if published is None:
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def extract(text: str, language: str = "ar", published: dt.date | dt.datetime | None = None,
            title: str | None = None) -> list[ExtractedClaim]:
    """Attributed claims in `text`, in document order; text[c.start:c.end] == c.quote for each.

    `title` names a transcript's speakers ("Press Briefing by Press Secretary Karine Jean-Pierre …")."""
    pub = _as_date(published)
    windows: list[tuple[int, int]] = []
    intros: list[tuple[int, int] | None] = []
    if language == "ar":
        from claimtrack.extract.arabic import ArabicExtractor, to_claims

        raws = [r for r in ArabicExtractor(text).run() if r.speaker is not None]
        claims = to_claims(text, raws)
        windows = [(r.ctx_start, r.ctx_end) for r in raws]
        intros = [r.speaker.intro for r in raws if r.speaker is not None]  # every one (filtered above)
    elif language == "en":
        from claimtrack.extract.english import extract_english
        from claimtrack.extract.transcript import extract_transcript, find_turns

        turns = find_turns(text)
        if turns:
            claims, windows = extract_transcript(text, turns, title, pub)
        else:
            claims = list(extract_english(text))
            windows = [_sentence_window(text, c) for c in claims]
    else:
        return []
    postprocess(text, claims, windows, (dateline(text, pub) or pub) if claims else pub, intros)
    return claims


def _sentence_window(text: str, c: ExtractedClaim) -> tuple[int, int]:
    """The attribution context of an English claim: its sentence around the quote."""
    a = max(text.rfind(". ", 0, c.start), text.rfind("\n", 0, c.start)) + 1
    b_candidates = [i for i in (text.find(". ", c.end), text.find("\n", c.end)) if i >= 0]
    b = min(b_candidates) if b_candidates else len(text)
    return (a, b)


def _carried(c: ExtractedClaim, last_date: dict[int, tuple[str, PartialDate]]) -> PartialDate | None:
    """The statement date of the claimant's last dated claim: the same speech act goes on ("وأضاف", "وتابع").
    The claimant is the same object or, for a continuation cue, a shorter or longer form of the same name
    ("وأضاف الربيعة" after "وزير الصحة توفيق الربيعة")."""
    hit = last_date.get(id(c.claimant))
    if hit is not None or not last_date:
        return hit[1] if hit is not None else None
    name = fold(c.claimant.canonical)
    for other, d in reversed(list(last_date.values())):
        if len(min(name, other, key=len)) >= 4 and (name in other.split() or other in name.split()
                                                     or name.endswith(" " + other) or other.endswith(" " + name)):
            return d if _continuation_cue(c.cue) else None
    return None


def _continuation_cue(cue: str | None) -> bool:
    """أضاف / تابع / أردف / استطرد, or a participle (مضيفاً، مؤكداً): the cue goes on with a speech already begun."""
    from claimtrack.extract import arabic_lexicon as L

    if not cue:
        return False
    verb = L.VERB_FORM.get(cue)
    return cue in L.PARTICIPLE_FORM or verb is not None and verb[0] in L.CONTINUATION_LEMMAS


def _event_date(c: ExtractedClaim, events: list[tuple[str, PartialDate]]) -> PartialDate | None:
    """The date of an earlier reporting event the claimant took part in ("في مؤتمر صحافي مع المتحدث … أمس")."""
    words = [w for w in fold(c.claimant_surface).split() if len(w) > 3]
    if len(words) < 2:
        return None
    for window, d in reversed(events):
        fw = fold(window)
        if sum(w in fw for w in words) >= 0.6 * len(words):
            return d
    return None


def _date_roles(text: str, c: ExtractedClaim, window: tuple[int, int], dates: list[tuple[int, int, PartialDate]],
                published: dt.date | None) -> tuple[list[PartialDate], list[PartialDate]]:
    """(dates of the speech act, dates of the claimed event) of one claim, each in text order.

    A date in the attribution window dates the speech act ("وقال الوزير أمس إن …", "said on Monday"), wherever it
    sits in the window, unless an event noun precedes it ("هجوم أمس"); a date inside the claimed content dates the
    event, unless a speech-event phrase precedes it ("…، وذلك في كلمة ألقاها أمس"). An English window is the
    whole sentence, so it is attribution only outside the claim; an Arabic window is the attribution clause, which
    may run into the claim (a verb with no complementizer: the claim runs from the verb, «أعلن أمس حالة …»)."""
    if not dates:
        return [], []  # (most documents)
    wa, wb = window
    holds_claim = c.language != "ar" and wa <= c.start and wb >= c.end

    def attribution(a: int, b: int) -> bool:
        return wa <= a and b <= wb and (not (c.start <= a < c.end) or not holds_claim)

    inside = [(a, b, d) for a, b, d in dates if c.start <= a and b <= c.end]
    event_noun = [x for x in inside if _EVENT_NOUN.search(text, max(0, x[0] - 24), x[0])]
    speech = [x for x in inside if speech_event_date(text, x[0])]
    told = [x for x in inside if not attribution(x[0], x[1]) and x not in speech] or event_noun
    said = [x for x in dates if attribution(x[0], x[1]) and x not in event_noun]
    if c.language == "ar":
        told = [x for x in told if not _compared(text, c, x[0])]
        said = [x for x in said if not (x[1] <= c.start and R.earlier_clause_date(text[x[1] : c.start], c.cue))]
    future = c.kind == "prediction"
    told_d = [R.future_forward(text, a, b, d, future, published) or d for a, b, d in told]
    said_d = [d for *_, d in said] or [d for *_, d in speech]
    return [d for d in said_d if not _after(d, published)], told_d


def _compared(text: str, c: ExtractedClaim, at: int) -> bool:
    """True when the date at `at` follows a comparison in its clause of the claim (rule `comparison_date`)."""
    seg = text[c.start : at]
    cut = max(seg.rfind("،"), seg.rfind(","), seg.rfind("."))
    return R.comparison_date(seg[cut + 1 :])


def _after(d: PartialDate, published: dt.date | None) -> bool:
    """True when `d` lies after publication: a claim cannot be made after it is printed ("غداً" in the window
    dates the event, not the statement)."""
    return published is not None and d.iso > published.isoformat()[: len(d.iso)]


def postprocess(text: str, claims: list[ExtractedClaim], windows: list[tuple[int, int]],
                published: dt.date | None, intros: list[tuple[int, int] | None] | None = None) -> None:
    """Language-neutral stages, in place: display text, context, dates, check-worthiness, links. `intros`: per
    claim, the sentence that introduced a speaker whose verb has no subject; its date dates the speech act."""
    spans = [(min(wa, c.start), max(wb, c.end)) for c, (wa, wb) in zip(claims, windows, strict=False)]
    spans += [w for w in intros or [] if w is not None]
    dates = find_dates(text, published, spans) if claims else []
    last_date: dict[int, tuple[str, PartialDate]] = {}  # id(claimant) -> (its folded name, its last stated_on)
    events: list[tuple[str, PartialDate]] = []  # (window text, stated_on) of dated reporting events
    for i, (c, (wa, wb)) in enumerate(zip(claims, windows, strict=False)):
        if not c.text:
            c.text = display_text(c.quote)
        c.prefix = c.prefix or text[max(0, c.start - _CONTEXT) : c.start]
        c.suffix = c.suffix or text[c.end : c.end + _CONTEXT]
        said, told = _date_roles(text, c, (wa, wb), dates, published)
        if c.event_date is None and told:
            c.event_date = told[0]
        if c.stated_on is None:
            if said:
                c.stated_on = said[-1]
                events.append((text[wa:wb], said[-1]))
            else:
                intro = intros[i] if intros else None
                lead = [d for a, b, d in dates if intro and intro[0] <= a and b <= intro[1]]
                c.stated_on = _carried(c, last_date) or _event_date(c, events) or (lead[0] if lead else None)
        if c.stated_on is not None and _after(c.stated_on, published):
            c.stated_on = None  # carried from a window that only named a coming day
        if c.stated_on is not None:
            last_date.pop(id(c.claimant), None)  # re-inserted last: the values stay in order of recency
            last_date[id(c.claimant)] = (fold(c.claimant.canonical), c.stated_on)
        c.checkworthiness, c.checkworthiness_features = checkworthiness(c)
    link_denials(claims, text=text)
