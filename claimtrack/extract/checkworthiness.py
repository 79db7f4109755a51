"""Check-worthiness: a 0–1 score from explainable features of a claim's text."""

from __future__ import annotations

import re
from typing import Any

from claimtrack.extract.base import ExtractedClaim
from claimtrack.extract.gazetteer import gazetteer

_DIGIT = re.compile(r"[\d٠-٩]")
_NUMBER = (r"(?:ألف|آلاف|مليون|ملايين|مليار|عشرات|مئات|أربعة|ثلاث|خمس|ستة|عشرة|"
           r"one|two|three|four|five|ten|hundred|thousand|million|billion|percent|%)(?!\w)")
_FACTUAL = (r"(?:قتل|مقتل|أصيب|اعتقل|سلّم|سلم|وقع|بلغ|سجل|سجلت|ارتفع|انخفض|نفذ|هاجم|أطلق|"
            r"killed|arrested|delivered|signed|rose|fell|attacked|launched|recorded|reached|sent)")
_OPINION = (r"(?:نشعر|نأمل|نعتقد|أعتقد|يجب|ينبغي|علينا|ضرورة|أهمية|مهم|كارثي|"
            r"feel|hope|believe|think|should|must|important|need to)(?!\w)")
# the leading class eats the character before a word (text is scanned with a space prepended): it lets `re`
# skip ahead fast, where a look-behind would be tried at every position
_FEATURES = re.compile(rf"[^\w](?:(?P<numbers>{_NUMBER})|(?P<factual_verbs>{_FACTUAL})|(?P<opinion_words>{_OPINION}))")
_CAPS = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]{2,}")


def checkworthiness(c: ExtractedClaim) -> tuple[float, dict[str, Any]]:
    """Score and features: numbers, named entities, factual verbs, opinion words, dates, length."""
    t = c.text or c.quote
    ents = [e.canonical for e in gazetteer().mentions(t)]
    counts = {"numbers": len(_DIGIT.findall(t)), "factual_verbs": 0, "opinion_words": 0}
    for m in _FEATURES.finditer(" " + t):  # one pass for the three counted word features
        counts[m.lastgroup or "numbers"] += 1
    feats: dict[str, Any] = {
        **counts,
        "entities": ents[:6] + ([] if c.language != "en" else _CAPS.findall(t)[:4]),
        "has_date": bool(c.event_date),
        "words": len(t.split()),
        "kind": c.kind,
    }
    s = 0.2
    s += min(0.25, 0.12 * feats["numbers"])
    s += min(0.2, 0.07 * len(feats["entities"]))
    s += min(0.15, 0.08 * feats["factual_verbs"])
    s += 0.1 if feats["has_date"] else 0.0
    s += 0.1 if c.kind in ("statement", "denial") else 0.0
    s -= min(0.25, 0.1 * feats["opinion_words"])
    s -= 0.15 if feats["words"] < 5 else 0.0
    return round(max(0.0, min(1.0, s)), 3), feats
