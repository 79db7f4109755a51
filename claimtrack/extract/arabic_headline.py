"""A denial headline ("البلدية تنفي إغلاق السوق") turns the body's negated restatements of it into denials."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from claimtrack.extract.arabic_claimant_type import is_place
from claimtrack.extract.arabic_lexicon import FIRST_NAMES
from claimtrack.extract.arabic_patterns import rule
from claimtrack.extract.arabic_rules import negated_restatement
from claimtrack.extract.base import ActorRef
from claimtrack.extract.claimants import Speaker, stem
from claimtrack.text import fold

# portfolio words that stand for their ministry in a headline («العمل: …» = وزارة العمل)
_PORTFOLIOS = frozenset("""العمل الصحه التعليم الحج الاسكان التجاره الداخليه الخارجيه العدل الماليه الزراعه النقل
    الاعلام الثقافه الدفاع الطاقه الاقتصاد""".split())
_QUOTE_MARKS = " «»\"“”"


@rule("العمل: ضبط 300 مخالفة في أسبوع\nنص الخبر.", off=None)
def portfolio_ministry(sp: Speaker) -> Speaker | None:
    """ "العمل: ضبط مخالفات …", "«الصحة»: …": a headline source that is one portfolio word stands for its
    ministry (وزارة العمل, وزارة الصحة); the surface stays as written."""
    word = sp.surface.strip(_QUOTE_MARKS)
    if " " in word or fold(word) not in _PORTFOLIOS:
        return None
    return Speaker(ActorRef(canonical=f"وزارة {word}", kind="government"), sp.surface, keys=set(sp.keys))


# an imperfect verb's shape: ي/ت + 3–5 letters, not a form-II verbal noun («تعليم») nor a noun in -ة/-ا/-ات
_IMPERFECT_SHAPE = re.compile(r"(?![ت]\S\Sي\S$)[يت][\u0621-\u064A]{2,4}[^\sةاه]")
_LABEL_BREAK = re.compile(r"\.\.+|…")


@rule("خالد النجمي يهاجم إعلاميا مصريا: قطر لن ترد على مستواكم\nنص الخبر.", off=None)
def headline_source_end(f: str, a: int, b: int) -> int | None:
    """ "النجيمي يهاجم إعلامياً مصرياً: …": a headline source region with an imperfect verb after its first word
    is said by the subject before that verb; the source ends there."""
    for k, m in enumerate(re.finditer(r"\S+", f[a:b])):
        if k and _IMPERFECT_SHAPE.fullmatch(m.group()) and m.group() not in FIRST_NAMES and not is_place(m.group()):
            return a + m.start()
    return None


@rule("العراق.. الجبوري يطالب الحكومة بإقالة وزراء\nوقال سليم الجبوري إن الوزراء فاسدون.", off=None)
def after_story_label(f: str, a: int, b: int) -> int | None:
    """ "اسطنبول.. مظاهرات تطالب …", "العراق.. الجبوري يطالب …": the words before «..» in a verb headline label
    the story (a place, a topic); the verb's subject starts after the last «..»."""
    ends = [m.end() for m in _LABEL_BREAK.finditer(f, a, b)]
    return ends[-1] if ends else None


def headline_denials(text: str, heads: Sequence[Any], body: Sequence[Any]) -> None:
    """In place: a body claim that negates a denial headline's content is a denial. The tie is looser for a
    speaker linked to the headline's source (the same speaker, its spokesman, a name inside its title):
    one shared content word; any other speaker needs two ("رئاسة الحرمين تنفي …" / "نائب الرئيس العام …")."""
    for h in heads:
        if h.kind != "denial" or h.speaker is None:
            continue
        hc = fold(text[h.start : h.end])
        hs = fold(h.speaker.surface)
        hk = {stem(w) for w in hs.split()}
        for r in body:
            sp = r.speaker
            if sp is None or r.kind == "denial":
                continue
            same = sp is h.speaker or hk <= sp.keys or hs in fold(sp.surface)
            if negated_restatement(hc, fold(text[r.start : r.end]), same):
                r.kind = "denial"
