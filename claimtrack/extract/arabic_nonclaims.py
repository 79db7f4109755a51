"""Spans that carry a reporting cue but state no claim: the writer's own belief and headline labels or slogans.
Each test reads only the few characters around a cue or a headline (no scans)."""

from __future__ import annotations

import re

from claimtrack.extract.arabic_patterns import rule

# what stands right before a first-person «أعتقد» (folded to «اعتقد», the spelling of the past "he believed")
_AUTHOR_BEFORE = re.compile(r"(?:^|\s)(?:[وف]?(?:لا|لذلك|لهذا|انا|لكني|لكنني|انني|اني|لعلي)|شخصيا)\s*$")


@rule("عنوان\nوقال المدرب إن الفريق جاهز. ولذلك أعتقد أن المباراة ستكون صعبة.", off=False)
def author_belief(f: str, c: re.Match[str]) -> bool:
    """ "ولذلك أعتقد أن …", "ولا أعتقد أن …", "شخصياً أعتقد أن …": the writer's own belief. A first-person
    «أعتقد» after a connective, a negation or a first-person word is the column's voice, not a source's claim
    (the past «واعتقد الوزير أن» has its subject after the verb and is kept)."""
    if c.group("verb") != "اعتقد" or c.group("pre"):
        return False
    s = c.start("verb")
    return bool(_AUTHOR_BEFORE.search(f, max(0, s - 14), s))


_LABEL_OPENING = re.compile(r"(?:بين|في|من|مع|عن|علي|الي|حول|بعد|قبل)(?!\S)")


@rule("شباب الحي: بين الأمل والعمل!\nنص الخبر.", off=False)
def headline_slogan(rest: str) -> bool:
    """ "X: بين الكابوس والحلم!", "X: في انتظار المطر": a short headline after a colon that exclaims or opens
    with a preposition is the story's label or slogan, not a source's proposition ("الجبير: الأسد فقد شرعيته"
    stays)."""
    words = rest.split()
    if not words or len(words) > 4:
        return False
    return rest.rstrip().endswith(("!", "؟", "?")) or _LABEL_OPENING.match(words[0]) is not None


# speech verbs whose content is a clause (never a noun phrase): with only a speaker after them, a span is a frame
_SAY_ONLY = frozenset("قال قالت قالوا اضاف اضافت تابع تابعت صرح صرحت ذكر ذكرت افاد افادت".split())
_FRAME_REST = re.compile(r"[\s،,.:(«\"]*(?:(?:في|الذي|التي|والذي|والتي|وهو|وهي|ولي|عضو|رئيس|مدير)(?!\S)|\(|$)")


@rule("عنوان\n«الطريق مفتوح أمام الجميع»، وقال شاهد عيان.\nوقال المدير إن العمل مستمر.", off=False)
def speech_frame_fragment(body: str, speaker: str) -> bool:
    """ "قال شاهد عيان", "وقال المصدر، الذي طلب عدم …", "قالت امرأة مقيمة في …": a span that is only a «قال»-type
    verb and its speaker (a word of the speaker's name within the next eight words, then at most an aside)
    frames a quotation given elsewhere; it states nothing. `body` and `speaker` are folded."""
    words = [w.strip(".،,:؛»”\"") for w in body.split()]
    if len(words) < 2 or words[0] not in _SAY_ONLY and words[0][1:] not in _SAY_ONLY or not speaker:
        return False
    names = set(speaker.split())
    hits = [i for i, w in enumerate(words[1:9], 1) if w in names]
    if not hits:
        return False
    k = hits[-1] + 1
    tail = " ".join(words[k:])
    return len(words) - k <= 6 and _FRAME_REST.match(tail) is not None
