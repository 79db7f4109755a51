"""Arabic attribution: reporting cues → claims with exact offsets, claimant, kind and date windows.

The cue tables are in `arabic_lexicon`; cue filters in `arabic_filters`; a cue's argument frame (where
the subject ends and the content starts) in `arabic_frame`; its speaker in `arabic_speaker`. Every rule
beyond the tables is named and documented in `arabic_patterns`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from claimtrack.extract import arabic_lexicon as L
from claimtrack.extract.arabic_claimant_type import is_place
from claimtrack.extract.arabic_filters import CueFilters
from claimtrack.extract.arabic_frame import CueFrame, FrameFinder
from claimtrack.extract.arabic_headline import (
    after_story_label,
    headline_denials,
    headline_source_end,
    portfolio_ministry,
)
from claimtrack.extract.arabic_material import MaterialSpeech, material_speech
from claimtrack.extract.arabic_nonclaims import headline_slogan, speech_frame_fragment
from claimtrack.extract.arabic_patterns import rule
from claimtrack.extract.arabic_rules import DENIAL_THEN_ANNA, WIRE_PREFIX, pure_emotion, source_end
from claimtrack.extract.arabic_rules import trim as _trim
from claimtrack.extract.arabic_speaker import SpeakerFinder
from claimtrack.extract.base import ActorRef, ExtractedClaim
from claimtrack.extract.claimants import Resolver, Speaker, preceding_subject
from claimtrack.extract.segment import Folded, inside, quote_spans, sentences_outside_quotes, sentences_within
from claimtrack.text import fold

_HEADLINE_SRC = re.compile(r"^\s*([^:\n]{2,40}?)\s*(?:لـ?\s*[«\"“][^»\"”]+[»\"”]\s*)?:\s*(\S.*)$")
_COURTESY = re.compile(r"\s*(?:عن\s+)?(?:\S+\s+){0,3}?(?:ال)?(?:شكر|تقدير|امتنان|تهنئ|تهاني|تعازي|مواسا|ملاحظات|اعجاب|ترحيب)"
                      r"[\u0621-\u064A]*")
_KULL_MIN = re.compile(r"\s*كل\s+من\s+")
_CLAUSE_BREAK = re.compile(r"[،,؛;]|(?:^|\s)و?(?:التي|الذي|الذين|اللذين|اللتين)(?!\S)")


@dataclass(slots=True)
class RawClaim:
    """A claim before the language-neutral stages; offsets index the original text."""

    start: int
    end: int
    cue: str
    kind: str
    direct: bool
    speaker: Speaker | None
    ctx_start: int  # start of the attribution clause (date window for stated_on)
    ctx_end: int


def _subject_reach(f: str, cend: int, end: int, words: int = 8) -> int:
    """Where the subject after a verb with no complementizer may end: 8 words or the first comma."""
    m = re.match(rf"(?:\s*(?:\([^()]*\)|[^\s،,.(]+)){{1,{words}}}", f[cend:end])  # (…) counts as one word
    return cend + (m.end() if m else 0)


@dataclass(slots=True)
class _SentenceState:
    """What carries from one cue to the next inside a sentence."""

    clause_start: int
    speaker: Speaker | None = None
    consumed: set[int] = field(default_factory=set)


def _kind(base: str, content: str, denied: bool) -> str:
    """The claim's kind from its cue's kind and its content; `denied`: the content rejects a claim or report."""
    if denied:
        return "denial"
    if base in ("assessment", "call"):
        return base
    scope = _main_clause(content)
    scope = " " + (content if scope is None else scope)  # the scan patterns eat the character before a word
    if base == "prediction" or _future_in(scope):
        return "prediction"
    return "assessment" if _evaluative(" " + content) else "statement"  # the whole claim: see _evaluative


def _future_in(scope: str) -> bool:
    """A future marker (سوف، لن، سـ/ستـ + verb, من المتوقع …) in `scope` that is not part of a name."""
    m = L.PREDICTION_SCAN.search(scope)
    while m is not None:
        if not _name_not_future(scope, m.start()):
            return True
        m = L.PREDICTION_SCAN.search(scope, m.end())
    return False


# heads that take a proper name in construct: "شركة سيكويا", "أم سياف", "منطقة سيلوبي", "مدينة ستوكتون"
_NAME_HEAD = re.compile(r"(?:^|[\s«“\"(])[وبل]?(?:ام|ابو|ابي|ابن|بن|بنت|شركه|مجموعه|منطقه|مدينه|بلده|قريه|محافظه|ولايه|جزيره"
                        r"|اقليم|مقاطعه|نادي|فندق|مستشفي|جامعه|مطار|ميناء|جبل|نهر|وادي|حي|شارع|صحيفه|مجله|وكاله)\s*[«“\"(]?\s*$")


@rule("عنوان\nوقال المتحدث إن القوات اعتقلت القيادي سعيد في منطقة سيكوتا شمال البلاد.", off=False)
def _name_not_future(scope: str, at: int) -> bool:
    """ "منطقة سيكوتا", "أم سياف", "شركة سيكويا": a word opening with سـ right after an indefinite head that
    takes a name in construct (أم، أبو، شركة، منطقة، مدينة …) is that name, not a future verb; so a report of a past
    act («اعتقلت القيادي سعيد في منطقة سيكوتا») stays a statement. (A future verb follows a definite subject:
    «المنطقة ستشهد».)"""
    return bool(_NAME_HEAD.search(scope, max(0, at - 16), at + 1))


@rule("الشرطة تكشف تفاصيل الحادث\nنص الخبر.", off=False)
def _headline_topic_only(verb: str, rest: str) -> bool:
    """ "الشرطة تكشف تفاصيل الحادث", "المنتخب يختتم معسكره", "الوزارة تتابع تطبيق القرار": in a headline, a verb
    that reports speech only with a complementizer (كشف، تحدث، ذكر، بيّن، تابع، نقل، اختتم …) and has none names a
    topic or an act, not a proposition. (Replaces `headline_speech_verb`, which covered a few of these verbs.)"""
    return L.VERB_FORM[verb][0] in L.NEEDS_COMPLEMENTIZER and not L.COMPLEMENTIZER_RE.search(rest)


@rule("عنوان\nوقال المدير إن الوضع في المستشفى كارثي.", off=False)
def _evaluative(scope: str) -> bool:
    """An evaluation anywhere in the claim ("الوضع كارثي", "يعد خطوة", "…، يعكس التزامنا", "وأن ما قامت به عمل
    إجرامي") makes an assessment (GUIDELINES: an evaluation or interpretation), whatever the reporting verb; unlike
    a future verb, an evaluative word in a later clause still evaluates what the source reports."""
    return bool(L.ASSESSMENT_SCAN.search(scope))


@rule("عنوان\nوكان المكتب قد أعلن أنه رصد تحركات، والتي ستؤدي إلى أزمة.", off=None)
def _main_clause(content: str) -> str:
    """A claim is a prediction when its main clause is about the future; a future verb inside a later
    relative or comma clause ("أعلن أنه رصد …، والتي ستزود …") leaves a past report a statement."""
    m = _CLAUSE_BREAK.search(content)
    if m is None:
        return content
    if _fronted_adjunct(content[: m.start()]):
        n = _CLAUSE_BREAK.search(content, m.end())
        return content[m.end() : n.start() if n else len(content)]
    return content[: m.start()]


_ADJUNCT_OPENER = re.compile(r"\s*[«“\"]?\s*[وف]?(?:بموجب|بناء\s+علي|وفقا\s+ل|في\s+ظل|مع\s+|بعد\s+|قبل\s+|خلال\s+|منذ\s+"
                            r"|بسبب|نظرا\s+ل|اذا|لو|عندما|حين|رغم|بالرغم|علي\s+الرغم)")


@rule("عنوان\nوقال المتحدث إنه بموجب الاتفاق الجديد، ستحصل الشركة على حصة أكبر.", off=False)
def _fronted_adjunct(first: str) -> bool:
    """ "بموجب الاتفاق، ستحصل …", "بناءً على النتائج، سيسمح …": a clause that opens with a fronted adjunct
    (a preposition or a conditional) and has no verb of its own is not the main clause; the next one is."""
    return bool(_ADJUNCT_OPENER.match(first))


_FRAME_TAIL = " \t\n.:،,»”\"'"
_SECOND_PERSON = re.compile(r"(?<!\S)يا(?!\S)|\S(?:كما|كم|كن)(?!\S)")


@rule("عنوان\nوقال الشاهد \"كان الحارس يصيح قائلا .. ابتعدوا عن الباب.. والناس يهربون\".", off=False)
def _speech_frame_only(body: str) -> bool:
    """A quoted sentence that ends on a reporting verb ("وكانت المرأة تقول ..", "يصيح قائلا ..") only frames
    the next one: it states no proposition."""
    words = body.rstrip(_FRAME_TAIL).rsplit(None, 1)
    w = words[-1] if words else ""
    return w in L.VERB_FORM or w in L.PARTICIPLE_FORM


@rule("عنوان\nوقال الضابط للمحتجين: \"ارفعوا أيديكم واخرجوا من المبنى\". وأضاف أن الشارع كان مزدحما.", off=False)
def _imperative(body: str) -> bool:
    """An order or appeal addressed to someone ("أسقطا حقائبكما", "يا شباب اذهبوا", "لا تنتظروا مني الكثير") is
    not a claim: an imperative-shaped first word with a second-person pronoun or a vocative in the sentence, or a
    negative imperative."""
    words = body.strip(" «“\"'.").split()
    if not words:
        return False
    w = words[0]
    if w in ("لا", "ولا") and len(words) > 1 and words[1].startswith("ت") and words[1].endswith("وا"):
        return True  # "لا تنتظروا مني الكثير": a negative imperative (لا + تـ…وا has no third-person reading)
    return not w.startswith(("ال", "و", "ف")) and w.endswith(("وا", "ا", "ي")) and len(w) >= 4 \
        and bool(_SECOND_PERSON.search(body)) or w == "يا"


_URL = re.compile(r"(?:https?://|www\.)\S+")
_ARABIC_WORD = re.compile(r"[\u0621-\u064A]{2,}")


@rule("عنوان\nودعت الجمعية الراغبين في المشاركة التسجيل عبر الرابط التالي : http://example.org/form .\n"
      "وقال المدرب سامي العلي إن الفريق جاهز. واستبعد المدرب «جون سميث» من القائمة.", off=False)
def _link_or_name_only(body: str, before: str, after: str = "") -> bool:
    """A span that is only a web address ("… عبر الرابط: www…"), or only a short quotation («…» of at most three
    words) that is not introduced as speech (after a colon or a speech verb) and does not end its sentence, names
    something ("وذكر راديو “بي بي سي” في …", "استبعد المدرب «لازار بولوني» من …"): it states no proposition."""
    text = _URL.sub(" ", body) if "http" in body or "www" in body else body
    first = _ARABIC_WORD.search(text)
    if first is None or _ARABIC_WORD.search(text, first.end()) is None:  # fewer than two Arabic words
        return True
    inner = body.strip(" .،,:")
    if not (len(inner) > 2 and inner[0] in "«“\"" and inner[-1] in "»”\"" and len(inner[1:-1].split()) <= 3
            and not any(q in inner[1:-1] for q in "«“\"»”")):
        return False
    if body.rstrip().endswith((".", "!", "؟", "?")) or not after.strip() or after.lstrip(" »”\"")[:1] in ".!؟?\n":
        return False  # «لن نتراجع». ends the sentence: the speaker's words
    prev = before.rstrip()
    last = prev.split()[-1] if prev.split() else ""
    return not prev.endswith((":", "：")) and last not in L.VERB_FORM and last not in L.PARTICIPLE_FORM


def _or(value: Any, result: Any) -> Any:
    """A rule's result, or `value` when the rule changes nothing (returned None) or is switched off."""
    return value if result is None else result


_CLAUSE_CUT = re.compile(r"\s*(?:[،,؛;]\s*(?:و|ف|ثم|حيث|ليتم|لي)?|\s(?=و(?:تم|قد|كان|لم)\s))")
_SENTENCE_END = re.compile(r"[.!?؟]\s")
MAX_CLAIM_CHARS = 560  # the scorer's limit is 600: claims are clause-sized, not paragraphs


@rule("عنوان\nوقال المدير إن الإدارة «ستراجع الخطة الشهر المقبل. وستعلن النتائج» بعد ذلك.", off=None)
def _balanced_quotes(f: str, a: int, b: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
    """A span never starts or ends inside a quotation pair it does not close: a pair opened inside the span
    and closed after it takes the span to its close (or the span stops before it, if the close is far); a
    pair closed inside the span and opened before it takes the span back to its opening."""
    for qa, qb in quotes:
        if qa >= b:
            break
        if a < qa and qb > b and qa > a + 1:
            b = qb if qb - b <= 200 else qa
        elif qa < a and a < qb - 1 < b - 1 and a - qa <= 200 and not _SENTENCE_END.search(f, qa, a):
            a = qa
    return a, b


@rule("عنوان\nوأوضح الناطق أن " + "الدورية رصدت المركبة عند المدخل الشمالي للمدينة، " * 13 + "وتم توقيف السائق.",
      off=None)
def _clause_sized(f: str, a: int, b: int) -> int | None:
    """A claim is clause-sized (GUIDELINES): content longer than `MAX_CLAIM_CHARS` is cut at the last clause
    break (a comma, «وتم», «حيث», «ليتم» …) before that length; the rest is the elaboration of the first
    clauses and is not scored as a claim of its own."""
    if b - a <= MAX_CLAIM_CHARS:
        return None
    cut = None
    for m in _CLAUSE_CUT.finditer(f, a + 40, a + MAX_CLAIM_CHARS):
        cut = m.start()
    return cut if cut is not None else a + MAX_CLAIM_CHARS


class ArabicExtractor(CueFilters, FrameFinder, SpeakerFinder):
    """One document; call `run()`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.fx = Folded.of(text)
        self.f = self.fx.text
        self.res = Resolver(text, self.f)
        self.res.to_orig = self.fx.orig
        self.out: list[RawClaim] = []
        self._sa = 0  # start of the sentence being read
        self._lead_start = 0  # start of the first body paragraph
        self._cache: dict[str, Any] = {}
        self._subj_quote: tuple[int, int] | None = None  # a quoted name as the subject of the current cue
        self._quotes: list[tuple[int, int]] = []  # quotation spans of the paragraph being read

    def run(self) -> list[RawClaim]:
        first = True
        for m in re.finditer(r"[^\n]+", self.f):
            if not m.group().strip():
                continue
            if first:
                first = False
                self._headline(m.start(), m.end())
                n_head = len(self.out)
                self._lead_start = m.end()
                continue
            self._paragraph(m.start(), m.end())
        if not first:
            headline_denials(self.text, self.out[:n_head], self.out[n_head:])
        return self.out

    # -- helpers ---------------------------------------------------------------------------------------
    def _orig(self, i: int) -> int:
        return self.fx.orig(i)

    def _emit(self, a: int, b: int, cue: str, kind: str, sp: Speaker | None, ctx: tuple[int, int],
              split: bool = True) -> None:
        pieces = sentences_within(self.f, a, b) if split else [(a, b)]
        done = a  # a piece taken to a later quotation close covers the pieces inside that quotation
        for pa, pb in pieces:
            pa, pb = _trim(self.f, pa, pb)
            pa, pb = _or((pa, pb), _balanced_quotes(self.f, pa, pb, self._quotes))
            pb = _or(pb, _clause_sized(self.f, pa, pb))
            if pa < done:
                continue
            done = pb
            body = self.f[pa:pb]
            if len(body.split(None, 2)) < 2 or body.rstrip(" »”\"'!.").endswith(("؟", "?")):  # no questions ("…؟!")
                continue
            if _speech_frame_only(body) or _imperative(body) or self._frame_fragment(body, sp) \
                    or _link_or_name_only(body, self.f[max(0, pa - 30) : pa], self.f[pb : pb + 3]):
                continue
            denied = kind == "denial" or L.DENIAL_SCAN.search(" " + body) is not None
            if denied and kind != "denial":
                m = DENIAL_THEN_ANNA.search(body)
                if m is not None and L.DENIAL_SCAN.search(" " + body[: m.start()]):
                    self._emit(pa, pa + m.start(), cue, kind, sp, ctx, split=False)  # "لا صحة لـ…، وأن X": two
                    self._emit(pa + m.end(), pb, cue, kind, sp, ctx, split=False)
                    continue
            oa, ob = self.fx.orig(pa), self.fx.orig_end(pb)
            direct = "«" in body or "“" in body or '"' in body
            self.out.append(RawClaim(oa, ob, cue, _kind(kind, body, denied), direct, sp, self.fx.orig(ctx[0]),
                                     self.fx.orig_end(ctx[1])))

    def _frame_fragment(self, body: str, sp: Speaker | None) -> bool:
        return sp is not None and speech_frame_fragment(body, fold(sp.surface))

    # -- headline ------------------------------------------------------------------------------------------
    def _headline(self, a: int, b: int) -> None:
        a = self._wire_desk_prefix(a, b)
        m = _HEADLINE_SRC.match(self.f[a:b])
        src_end = _or(a + m.end(1), headline_source_end(self.f, a + m.start(1), a + m.end(1))) if m else a
        if m and len(self.f[a + m.start(1) : src_end].split()) <= 4:
            sp = self.res.parse(a + m.start(1), src_end, self._orig)
            sp = _or(sp, sp and portfolio_ministry(sp))
            if sp is not None and not self._headline_label(sp) and not headline_slogan(m.group(2)):
                self._emit(a + m.start(2), b, ":", "statement", sp, (a, a + m.start(2)), split=False)
                return
            if sp is not None:
                return
        for c in L.CUE_RE.finditer(self.f, a, b):
            if c.group("verb") in L.IMPERFECT and not _headline_topic_only(c.group("verb"), self.f[c.end() : b]):
                span = preceding_subject(self.f, _or(a, after_story_label(self.f, a, c.start("pre"))), c.start("pre"),
                                         only_last=False)
                sp = self.res.parse(span[0], span[1], self._orig) if span else None
                if sp is not None and self.res.verdict(sp).valid:  # «40 دقيقة تنقل …», «مدينة الملك …»: no source
                    kind = L.VERB_FORM[c.group("verb")][1]
                    self._emit(c.start("verb"), b, c.group("verb"), kind, sp, (a, c.start("pre")), split=False)
                    return

    @rule("عام / الوزير يطالب بزيادة الرقابة\nنص الخبر.", off=None)
    def _wire_desk_prefix_rule(self, a: int, b: int) -> int | None:
        """ "عام / X يطالب …", "رياضي / …": a wire-desk prefix on a headline is the desk, not the source."""
        wp = WIRE_PREFIX.match(self.f, a, b)
        return wp.end() if wp is not None else None

    def _wire_desk_prefix(self, a: int, b: int) -> int:
        end = self._wire_desk_prefix_rule(a, b)
        return a if end is None else end

    @rule("اليمن: مقتل عشرة في غارة على صنعاء\nنص الخبر.", off=False)
    def _headline_label(self, sp: Speaker) -> bool:
        """ "مصر: 21 حالة وفاة", "أستراليا: القبض على …": a place before the colon labels the story; it is
        not a source speaking."""
        return sp.actor.kind in ("place", "country") and len(sp.surface.split()) <= 2 or is_place(sp.surface) \
            or not self.res.verdict(sp).valid  # «الكويتية»: no source at all (claimant-validity hook)

    # -- body ----------------------------------------------------------------------------------------------
    def _paragraph(self, a: int, b: int) -> None:
        f = self.f
        quotes = self._quotes = quote_spans(f, a, b)
        cues = [c for c in L.CUE_SCAN.finditer(f, a - 1, b) if inside(c.start(c.lastgroup or 0), quotes) is None
                and self._plausible(c)]
        if not cues:
            return
        k = 0
        for sa, sb in sentences_outside_quotes(f, a, b, quotes):
            sc = []
            while k < len(cues) and cues[k].start(cues[k].lastgroup or 0) < sb:
                if cues[k].start(cues[k].lastgroup or 0) >= sa:
                    sc.append(cues[k])
                k += 1
            if sc:
                self._sentence(sa, sb, sc, quotes)
                for ms in material_speech(f, sa, sb) or ():
                    self._material(ms)

    def _sentence(self, sa: int, sb: int, cues: list[re.Match[str]], quotes: list[tuple[int, int]]) -> None:
        """Each head cue of the sentence gives a claim from its content to the next head cue."""
        self._sa = sa
        cues = self._drop_embedded(self._drop_bare(cues, sb, quotes))
        heads = [c for c in cues if not c.group("prep")]
        st = _SentenceState(sa)
        for idx, c in enumerate(cues):
            if idx in st.consumed:
                continue
            nxt = next((x.start("pre") for x in heads if x.start("pre") > c.start("pre")), sb)
            if c.group("prep"):
                self._prep(c, sa, sb, st.clause_start, nxt, heads)
                st.clause_start = nxt
            elif self._verb_cue(c, idx, cues, nxt, quotes, st):
                st.clause_start = nxt

    def _verb_cue(self, c: re.Match[str], idx: int, cues: list[re.Match[str]], nxt: int,
                  quotes: list[tuple[int, int]], st: _SentenceState) -> bool:
        """Emit the claim of one verb or participle cue; True when it used up its clause."""
        fr = self.frame(c, nxt, quotes, st.clause_start)
        if fr is None:
            return False
        assert fr.content_start is not None
        for j in range(idx + 1, len(cues)):  # "ذكرت الصحيفة نقلاً عن مصدر …": prep cues in the subject region
            if cues[j].group("prep") and cues[j].start("pre") < fr.subj_end:
                st.consumed.add(j)
        parties = self._parties(fr) if fr.content_start == fr.at else []
        if parties:
            for p in parties:
                self._emit(fr.content_start, nxt, fr.form, fr.kind, p, (st.clause_start, fr.content_start))
            st.speaker = parties[0]
            self.res.remember(parties[0])
            return True
        sp = self.speaker(fr, st.clause_start, st.speaker)
        if sp is None:
            return False
        st.speaker = sp
        if self._courtesy_or_emotion_only(fr):
            return True
        end, ctx_end = self._content_end(fr, quotes)
        if self._subject_only(fr, end):
            return True
        self._emit(fr.content_start, end, fr.form, fr.kind, sp, (st.clause_start, ctx_end))
        return True

    def _content_end(self, fr: CueFrame, quotes: list[tuple[int, int]]) -> tuple[int, int]:
        """Where the content ends (a quotation that opens it ends it, unless only punctuation follows), and
        where the attribution context ends (the subject, for a verb with no complementizer)."""
        assert fr.content_start is not None
        end = fr.nxt
        q = inside(fr.content_start + 1, quotes)
        if q is not None and q[0] == fr.content_start and q[1] <= end \
                and not re.match(r"^\s*(?:[.،,]?\s*$)", self.f[q[1] : end]):
            end = q[1]
        ctx_end = _subject_reach(self.f, fr.cend, end) if fr.bare else fr.content_start
        return end, ctx_end

    @rule("عنوان\nوقال المسؤول إن الخطة جاهزة.\nواستطرد المسؤول", off=False)
    def _subject_only(self, fr: CueFrame, end: int) -> bool:
        """A cue with no complementizer whose span holds only the verb and its subject ("واستطرد المسؤول" at a
        paragraph's end, "أوضح جواد") states nothing."""
        if not fr.bare:
            return False
        assert fr.content_start is not None
        return len(self.f[fr.content_start : end].split(None, 3)) <= 2  # (at most 3 splits: enough to count to 3)

    @rule("عنوان\nوأعرب المدير عن شكره للعاملين على تنظيم المعرض الذي قدم أنشطة كثيرة.", off=False)
    def _courtesy_or_emotion_only(self, fr: CueFrame) -> bool:
        """ "أعرب عن شكره لـ…", "أبدى ملاحظات على التقرير", "أعرب عن تعازيه": thanks, condolences,
        congratulations or remarks state no proposition, whatever they are about; nor does an emotion about an
        unnamed "what happened" ("أبدى السكان استياءهم مما يحدث"). "أبدى قلقه من تراجع الصادرات" stays."""
        if fr.lemma not in ("ابدي", "اعرب") or fr.content_start is None:
            return False
        if fr.bare and pure_emotion(self.f, fr.cend, fr.nxt):
            return True
        return bool(_COURTESY.match(self.f, fr.content_start if fr.content_start > fr.at else fr.cend))

    @rule("عنوان\nوأعلنت كل من السعودية والإمارات دعمهما للاتفاق.", off=[])
    def _parties(self, fr: CueFrame) -> list[Speaker]:
        """ "أعلنت كل من X وY …": each named party is a claimant of the same content."""
        m = _KULL_MIN.match(self.f, fr.cend)
        if m is None:
            return []
        toks = self.f[m.end() : fr.nxt].split()
        ents: list[Any] = []
        i = 0
        while i < len(toks) and len(ents) < 4:
            t = toks[i]
            if t.startswith("و") and i > 0:
                toks[i] = t[1:]
            hit = self.res.gaz.longest_prefix(toks[i:])
            if not hit:
                break
            ents.append(hit[0])
            i += hit[1]
        return [self.res.remember(self.res.entity(e, e.name_ar)) for e in ents]

    def _material(self, ms: MaterialSpeech) -> None:
        """Emit the claim of the person shown in circulated material (`material_speech`); a claim of another
        speaker that ran over it ends at the clause that introduces the material."""
        (pa, pb), (va, vb), (ca, cb) = ms.party, ms.verb, ms.content
        surface = self.text[self._orig(pa) : self.fx.orig_end(pb)].strip()
        sp = self.res.parse_np(pa, pb, self._orig) or self.res.described(surface)
        if sp is None or not self.res.verdict(sp).valid:
            return
        oa = self._orig(ca)
        if any(r.start == oa for r in self.out):
            return  # the general rules found it
        over = [r for r in self.out if r.start < self._orig(pa) < r.end and r.speaker is not None
                and r.speaker.surface != sp.surface]
        for r in over:
            cut = self._material_clause_start(r.start, ms.material)
            if cut is None:  # «أوضحت الشرطة حقيقة ما تم تداوله … لامرأة تذكر …»: its content is the material
                self.out.remove(r)
            else:
                r.end = cut
        self._emit(ca, cb, self.f[va:vb], L.VERB_FORM[self.f[va:vb]][1], sp, (pa, ca), split=False)
        self.out.sort(key=lambda r: r.start)

    def _material_clause_start(self, claim_start: int, material: int) -> int | None:
        """Where the clause introducing the material starts (its last comma after the claim's start), as an
        offset in the original text; None when the material is in the claim's first clause."""
        for k in range(material - 1, 0, -1):
            if self._orig(k) <= claim_start:
                break
            if self.f[k] in "،,":
                return self._orig(k)
        return None

    def _prep(self, c: re.Match[str], sa: int, sb: int, clause_start: int, nxt: int,
              heads: list[re.Match[str]]) -> None:
        """بحسب X / وفقاً لـ X / نقلاً عن X: forward at a sentence start, else the clause before it."""
        f = self.f
        before = f[clause_start : c.start("pre")].strip(" ،,و")
        s_start = c.end()
        s_end, after = source_end(f, s_start, sb)
        if not before:
            if any(sa <= h.start("pre") < sb for h in heads):
                return
            content = (after, nxt)
        else:
            if any(clause_start <= h.start("pre") < c.start("pre") for h in heads):
                return
            content = (clause_start, c.start("pre"))
        sp = self.res.parse_np(s_start, s_end, self._orig, source=True)
        if sp is None and c.group("prep").startswith(("علي ما", "حسبما")) and 0 < len(f[s_start:s_end].split()) <= 4:
            sp = self.res.described(self.text[self._orig(s_start) : self._orig(s_end)].strip())  # "على ما أفادت محاميته"
        if sp is None or not self.res.verdict(sp).valid:
            return
        if sp.actor.canonical == sp.surface and sp.surface.startswith("لل"):  # "وفقاً للبيان": البيان
            sp.actor.canonical = sp.actor.name_ar = "ال" + sp.surface[2:]
        self.res.remember(sp)
        self._emit(content[0], content[1], c.group("prep"), "statement", sp, (c.start("pre"), s_end))


def extract_arabic(text: str) -> list[tuple[RawClaim, ActorRef]]:
    """Arabic claims in document order."""
    return [(r, r.speaker.actor) for r in ArabicExtractor(text).run() if r.speaker is not None]


def to_claims(text: str, raws: list[RawClaim]) -> list[ExtractedClaim]:
    out = []
    for r in raws:
        if r.speaker is None:
            continue
        q = text[r.start : r.end]
        out.append(ExtractedClaim(quote=q, start=r.start, end=r.end, claimant=r.speaker.actor,
                                  claimant_surface=r.speaker.surface, kind=r.kind, cue=r.cue,
                                  direct_quote=r.direct, language="ar",
                                  confidence=0.8 if r.direct else 0.65))
    return out
