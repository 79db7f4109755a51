"""Speech inside circulated material: «مقطع فيديو لامرأة تذكر فيه …», «تغريدة لمواطن يقول فيها …».

A denial or clarification often answers a video, a tweet or a post that circulated, and reports in the same
breath what the person in it alleges. The reporting verb then follows that person's noun («لامرأة تذكر»), which
the general cue filters read as a verb embedded in an earlier claim or as «ذكر» with no «أن» and drop. Those
allegations are what the denial rejects, so they are claims of their own (GUIDELINES: the source alleges it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack.extract import arabic_lexicon as L
from claimtrack.extract.arabic_patterns import rule

# a piece of circulated material (folded; with a clitic or the article): what someone is shown saying in
_MATERIAL_NOUNS = ("مقطع", "فيديو", "تسجيل", "تغريده", "تدوينه", "منشور", "رساله")
_MATERIAL = re.compile(rf"(?<!\S)[وبل]?(?:ال)?(?:{'|'.join(_MATERIAL_NOUNS)})\S*")
# imperfect reporting verbs whose subject is the person in the material ("she mentions / says / alleges")
_SPEECH_LEMMAS = frozenset({"ذكر", "قال", "افاد", "زعم", "ادعي", "اكد", "تحدث", "اتهم"})
# "in it" / "through it" after the verb, and a complementizer, are not content
_AFTER_VERB = re.compile(r"\s*(?:(?:فيه|فيها|خلاله|خلالها|من\s+خلاله|من\s+خلالها)(?![^\s:])\s*:?\s*)?"
                         r"(?:(?:بان|ان|انه|انها|بانه|بانها)(?!\S)\s*)?")
# "… is shown in it": the person comes after it
_SHOWN = re.compile(r"(?<!\S)(?:تظهر|يظهر)\s+(?:فيه|فيها)\s+")
# where the allegation ends: the sentence's end, or a comma that resumes the main clause («، أن …»)
_CONTENT_END = re.compile(r"[.!؟?\n]|[،,]\s*(?:و)?(?:ان|انه|انها|اذ|حيث)(?!\S)")
_NOT_OWNER = frozenset({"لدي", "لكن", "لكنه", "لكنها", "لذلك", "لهذا", "لها", "لهم", "لاحقا", "لمده"})
_MAX_GAP_WORDS = 10  # words between the material noun and the verb
_MAX_PARTY_WORDS = 4


@dataclass(frozen=True, slots=True)
class MaterialSpeech:
    """Offsets in the folded text: the party's noun phrase, the reporting verb, and the content."""

    material: int
    party: tuple[int, int]
    verb: tuple[int, int]
    content: tuple[int, int]


def _party_start(f: str, gap_start: int, verb_start: int) -> int | None:
    """Where the noun phrase of the person in the material starts: after «تظهر فيه», or the last «لـ» word."""
    shown = [m.end() for m in _SHOWN.finditer(f, gap_start, verb_start)]
    if shown:
        return shown[-1]
    words = list(re.finditer(r"\S+", f[gap_start:verb_start]))[-_MAX_PARTY_WORDS:]
    for w in reversed(words):
        if w.group().startswith("ل") and w.group() not in _NOT_OWNER and len(w.group()) >= 4:
            return gap_start + w.start() + 1
    return None


@rule("عنوان\nوعلقت البلدية على تسجيل تداوله السكان لرجل يذكر فيه انقطاع المياه عن الحي منذ أسبوع.",
      off=None)
def material_speech(f: str, a: int, b: int) -> list[MaterialSpeech] | None:
    """«مقطع فيديو … لامرأة تذكر من خلاله …», «تغريدة لمواطن يقول فيها …», «فيديو تظهر فيه امرأة تفيد …»: an
    imperfect reporting verb after the person a piece of circulated material shows is that person's claim (an
    allegation a denial or clarification answers), not a verb embedded in the surrounding clause; its content
    runs to the sentence's end or to a comma that resumes the main clause («، أن الشرطة …»)."""
    if not any(f.find(noun, a, b) >= 0 for noun in _MATERIAL_NOUNS):
        return None  # no material noun: skip the scan (most sentences)
    out = []
    for m in _MATERIAL.finditer(f, a, b):
        words = list(re.finditer(r"[^\s.!؟?]+", f[m.end() : b]))[: _MAX_GAP_WORDS + 1]
        for w in words:
            form = w.group()
            if form not in L.IMPERFECT or L.VERB_FORM[form][0] not in _SPEECH_LEMMAS:
                continue
            vs, ve = m.end() + w.start(), m.end() + w.end()
            if re.search(r"[.!؟?\n]", f[m.end() : vs]):
                break
            ps = _party_start(f, m.end(), vs)
            if ps is None or not f[ps:vs].strip():
                break
            after = _AFTER_VERB.match(f, ve)  # optional parts only: it always matches
            cs = after.end() if after else ve
            stop = _CONTENT_END.search(f, cs, b)
            ce = stop.start() if stop else b
            if len(f[cs:ce].split()) >= 3:
                out.append(MaterialSpeech(m.start(), (ps, vs), (vs, ve), (cs, ce)))
            break
    return out or None
