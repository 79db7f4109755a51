"""Check-worthiness: a 0–1 score from explainable features of a claim's text."""

from __future__ import annotations

import re
from typing import Any

from claimtrack.extract.arabic_lexicon import trie_regex
from claimtrack.extract.base import ExtractedClaim
from claimtrack.extract.gazetteer import gazetteer

_DIGIT = re.compile(r"[\d٠-٩]")
_NUMBERS = ("ألف آلاف مليون ملايين مليار عشرات مئات أربعة ثلاث خمس ستة عشرة "
            "one two three four five ten hundred thousand million billion percent %").split()
_FACTUAL = ("قتل مقتل أصيب اعتقل سلّم سلم وقع بلغ سجل سجلت ارتفع انخفض نفذ هاجم أطلق "
            "killed arrested delivered signed rose fell attacked launched recorded reached sent").split()
_OPINION = ("نشعر نأمل نعتقد أعتقد يجب ينبغي علينا ضرورة أهمية مهم كارثي "
            "feel hope believe think should must important").split() + ["need to"]
# the leading class eats the character before a word (text is scanned with a space prepended): it lets `re`
# skip ahead fast, where a look-behind would be tried at every position; each word list is a prefix trie (the
# counts are those of the flat alternation: the same matches start at the same places)
_FEATURES = re.compile(rf"[^\w](?:(?P<numbers>{trie_regex(_NUMBERS)}(?!\w))|(?P<factual_verbs>{trie_regex(_FACTUAL)})"
                       rf"|(?P<opinion_words>{trie_regex(_OPINION)}(?!\w)))")
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
