"""Gender and number agreement between a reporting verb with no subject and the earlier speakers.

"وأضافت" (feminine) continues a ministry, a woman or non-human plural sources («المصادر»); "وأضاف"
(masculine) a man or a masculine body («الجيش»); "وأضافوا" human plurals; "وأشارتا" two speakers.
"""

from __future__ import annotations

from claimtrack.extract.arabic_lexicon import FIRST_NAMES
from claimtrack.text import fold

M, F, P, D = "m", "f", "p", "d"
_FEMININE_NAMES = frozenset("فاطمه مريم ساره سارة ليلي هدي منى نوال عائشه خديجه نوره هيفاء ريم اسماء".split())
_HUMAN_PLURAL_ENDINGS = ("ون", "ين", "يون", "يين")
_NONHUMAN_PLURAL = frozenset("مصادر المصادر تقارير التقارير وسائل الوسائل سلطات السلطات قوات القوات جهات الجهات".split())


def verb_agreement(form: str, lemma: str, participle: bool = False) -> str | None:
    """m / f / p / d for a verb or participle form, or None when the form does not say."""
    if participle:
        for suffix, agr in (("تين", D), ("ين", P), ("ان", D), ("ه", F), ("ا", M)):
            if form.endswith(suffix):
                return agr
        return None
    if form == lemma:
        return M
    if form[0] in "يت" and not form.startswith(lemma[:2]):  # imperfect
        return P if form.endswith("ون") else D if form.endswith("ان") else F if form[0] == "ت" else M
    for suffix, agr in (("تا", D), ("وا", P), ("ت", F), ("ا", D)):
        if form.endswith(suffix):
            return agr
    return None


def speaker_agreement(surface: str, person: bool) -> frozenset[str] | None:
    """The verb agreements a speaker takes, or None when unknown."""
    words = fold(surface).split()
    if not words:
        return None
    head = words[0]
    if head in ("و", "ف") or head.removeprefix("ال") in ("مصدر", "مصادر"):
        return None  # a source is often continued by its reporting outlet's verb ("وأضافت" after "نقلاً عن مصدر")
    if person:
        if head in _FEMININE_NAMES or head.endswith("ه") and head not in FIRST_NAMES and len(words) > 1:
            return frozenset({F})
        return frozenset({M})
    if head.endswith(("تان", "تين")) or len(words) > 1 and words[1].endswith(("ان", "ين")) and head.endswith("ان"):
        return frozenset({D, F})
    if head in _NONHUMAN_PLURAL or head.endswith("ات"):
        return frozenset({F, P})
    if head.endswith(_HUMAN_PLURAL_ENDINGS) or head.startswith("ال") and head[2:].endswith(_HUMAN_PLURAL_ENDINGS):
        return frozenset({P, F})
    if head.endswith("ه"):
        return frozenset({F})
    return frozenset({M})


def agrees(verb: str | None, speaker: frozenset[str] | None) -> bool:
    """True unless both are known and disagree."""
    return verb is None or speaker is None or verb in speaker
