"""A denial headline ("البلدية تنفي إغلاق السوق") turns the body's negated restatements of it into denials."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

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
