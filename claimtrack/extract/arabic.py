"""Arabic attribution: reporting cues → claims with exact offsets, claimant, kind and date windows."""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimtrack.extract import arabic_lexicon as L
from claimtrack.extract.arabic_filters import NEG_PARTICLES, PREP_LEMMAS, WA_ANNA, CueFilters
from claimtrack.extract.arabic_headline import headline_denials
from claimtrack.extract.arabic_rules import (
    CONFRONTED,
    DENIAL_THEN_ANNA,
    DENIED_NOUN,
    IN_NAFY,
    NAFY_NOUN,
    WIRE_PREFIX,
    WROTE_POST,
    pure_emotion,
    source_end,
)
from claimtrack.extract.arabic_rules import Open as _Open
from claimtrack.extract.arabic_rules import trim as _trim
from claimtrack.extract.base import ActorRef, ExtractedClaim
from claimtrack.extract.claimants import Resolver, Speaker, preceding_subject, stem
from claimtrack.extract.segment import Folded, inside, quote_spans, sentences_outside_quotes, sentences_within
from claimtrack.text import fold

_NEG_BEFORE = re.compile(r"(?:^|\s)(?:لا|لم|لن|ما)\s*$")
_ACCUSATION = re.compile(r"(?:اتهامات|مزاعم|ادعاءات|تقارير|انباء)")
_HEADLINE_SRC = re.compile(r"^\s*([^:\n]{2,40}?)\s*(?:لـ?\s*[«\"“][^»\"”]+[»\"”]\s*)?:\s*(\S.*)$")
_KULL_MIN = re.compile(r"\s*كل\s+من\s+")
_RELATIVE_BEFORE = re.compile(r"(?<!\S)(?:الذي|التي|الذين|اللذان|اللتان)\s*$")
_ATTACK = re.compile(r"هجوم|هجمات|الهجوم|تفجير|اعتداء|عمليه|العمليه|مسؤوليه|اغتيال|خطف|قصف|استهداف")
_SOURCE_HEAD_STEMS = frozenset(stem(h) for h in L.SOURCE_HEADS)
_ALA_VERBS = frozenset({"شدد", "اكد", "اصر", "حث", "نوه", "اشار", "لفت", "دعا"})
_COMP_WORD = re.compile(r"(?<!\S)(?:ان|انه|انها|بان|بانه|بانها)(?!\S)")
_ADDRESSEE = re.compile(r"(?<!\S)(?:لـ?|الي\s)\s*$")  # "لـ«عكاظ»", "إلى "الوطن"": the outlet addressed
_NAMED_HEADS = frozenset("""تحالف ائتلاف حركه جماعه تنظيم حزب جبهه منظمه شركه صحيفه موقع قناه وكاله مجموعه
    اتحاد جمعيه نقابه رابطه هيئه مركز""".split())
_OPEN_Q = ("«", "“", '"')
_ADDR_AFTER = re.compile(r"\s*لـ?\s*(?=[«\"“])")
_INANIMATE = frozenset("قصف هجوم هجمات احداث تطورات حادث حادثه اوضاع ظروف انفجار انفجارات تفجير تفجيرات اشتباكات".split())
_TEMPORAL_AN = ("بعد ", "قبل ", "منذ ")
_PP_FRONT = re.compile(r"^[وف]?(?:عن|حول|بشان|بخصوص)\s")  # "وعن حديقة المطار يقول X": X speaks


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


def _quoted_name_slot(between: str) -> bool:
    """True when a «…» after the verb may be the subject's name: nothing before it, or a collective head
    ("طالب تحالف «فجر ليبيا» بحوار …")."""
    words = between.split()
    return not words or len(words) == 1 and words[0] in _NAMED_HEADS


def _kind(base: str, content: str) -> str:
    if base == "denial" or L.DENIAL_CONTENT_RE.search(content):
        return "denial"
    if base in ("assessment", "call"):
        return base
    if base == "prediction" or L.PREDICTION_RE.search(content):
        return "prediction"
    return "statement"


class ArabicExtractor(CueFilters):
    """One document; call `run()`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.fx = Folded.of(text)
        self.f = self.fx.text
        self.res = Resolver(text, self.f)
        self.res.to_orig = self.fx.orig
        self.out: list[RawClaim] = []
        self._sa = 0  # start of the sentence being read
        self._subj_quote: tuple[int, int] | None = None  # a quoted name as the subject of the current cue

    def run(self) -> list[RawClaim]:
        first = True
        for m in re.finditer(r"[^\n]+", self.f):
            if not m.group().strip():
                continue
            if first:
                first = False
                self._headline(m.start(), m.end())
                n_head = len(self.out)
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
        for pa, pb in pieces:
            pa, pb = _trim(self.f, pa, pb)
            body = self.f[pa:pb]
            if len(body.split()) < 2 or body.rstrip(" »”\"'").endswith(("؟", "?")):  # no questions
                continue
            if kind != "denial" and L.DENIAL_CONTENT_RE.search(body):
                m = DENIAL_THEN_ANNA.search(body)
                if m is not None and L.DENIAL_CONTENT_RE.search(body[: m.start()]):
                    self._emit(pa, pa + m.start(), cue, kind, sp, ctx, split=False)  # "لا صحة لـ…، وأن X": two
                    self._emit(pa + m.end(), pb, cue, kind, sp, ctx, split=False)
                    continue
            oa, ob = self.fx.orig(pa), self.fx.orig_end(pb)
            direct = any(ch in body for ch in "«“\"")
            self.out.append(RawClaim(oa, ob, cue, _kind(kind, body), direct, sp, self.fx.orig(ctx[0]),
                                     self.fx.orig_end(ctx[1])))

    def _comp(self, start: int, end: int, quotes: list[tuple[int, int]]) -> re.Match[str] | _Open | None:
        """The first complementizer in [start, end), or the opening of a straight-quoted span before it."""
        comp = L.COMPLEMENTIZER_RE.search(self.f, start, end)
        while comp is not None and self.f[max(0, comp.start() - 4) : comp.start()] in _TEMPORAL_AN:
            comp = L.COMPLEMENTIZER_RE.search(self.f, comp.end(), end)  # "بعد أن فشل": "after", not "that"
        stop = comp.start() if comp is not None else end
        for qa, _qb in quotes:
            if qa >= stop:
                break
            if qa >= start and self.f[qa] == '"' and len(self.f[qa:_qb].split()) >= 3:
                if re.search("[،,.]", self.f[start:qa]):
                    break  # "…، مشيراً إلى X، "وهو ما …"": a later aside, not the content
                return _Open(qa)  # a one-word «name» ("أوبك") stays in the subject
        return comp

    # -- headline ------------------------------------------------------------------------------------------
    def _headline(self, a: int, b: int) -> None:
        wp = WIRE_PREFIX.match(self.f, a, b)
        a = wp.end() if wp is not None else a  # "عام / X يطالب …": the desk, not the source
        line = self.f[a:b]
        m = _HEADLINE_SRC.match(line)
        if m and len(m.group(1).split()) <= 4:
            sp = self.res.parse(a + m.start(1), a + m.end(1), self._orig)
            if sp is not None:
                self._emit(a + m.start(2), b, ":", "statement", sp, (a, a + m.start(2)), split=False)
                return
        for c in L.CUE_RE.finditer(self.f, a, b):
            if c.group("verb") in L.IMPERFECT:
                span = preceding_subject(self.f, a, c.start("pre"), only_last=False)
                if span:
                    sp = self.res.parse(span[0], span[1], self._orig)
                    if sp is not None:
                        lemma, kind = L.VERB_FORM[c.group("verb")]
                        self._emit(c.start("verb"), b, c.group("verb"), kind, sp, (a, c.start("pre")), split=False)
                        return

    # -- body ----------------------------------------------------------------------------------------------
    def _paragraph(self, a: int, b: int) -> None:
        f = self.f
        quotes = quote_spans(f, a, b)
        cues = [c for c in L.CUE_SCAN.finditer(f, a - 1, b) if inside(c.start(c.lastgroup), quotes) is None
                and not (c.group("pre").startswith("كما") and c.group("verb")
                         and L.VERB_FORM[c.group("verb")][0] in ("زعم", "ادعي")) and self._plausible(c)]
        if not cues:
            return
        k = 0
        for sa, sb in sentences_outside_quotes(f, a, b, quotes):
            sc = []
            while k < len(cues) and cues[k].start(cues[k].lastgroup) < sb:
                if cues[k].start(cues[k].lastgroup) >= sa:
                    sc.append(cues[k])
                k += 1
            if sc:
                self._sentence(sa, sb, sc, quotes)

    def _sentence(self, sa: int, sb: int, cues: list[re.Match[str]], quotes: list[tuple[int, int]]) -> None:
        f = self.f
        self._sa = sa
        cues = self._drop_embedded(self._drop_bare(cues, sb, quotes))
        consumed: set[int] = set()
        heads = [c for c in cues if not c.group("prep")]
        clause_start = sa
        sent_speaker: Speaker | None = None
        for idx, c in enumerate(cues):
            if idx in consumed:
                continue
            nxt = next((x.start("pre") for x in heads if x.start("pre") > c.start("pre")), sb)
            if c.group("prep"):
                self._prep(c, sa, sb, clause_start, nxt, heads)
                clause_start = nxt
                continue
            verb = c.group("verb")
            form = verb or c.group("part")
            lemma, kind = L.VERB_FORM[verb] if verb else L.PARTICIPLE_FORM[form]
            cend = c.end()
            addr = _ADDR_AFTER.match(f, cend)
            if addr is not None and (q := inside(addr.end() + 1, quotes)) is not None and len(f[q[0] : q[1]].split()) <= 3:
                cend = q[1]  # the outlet addressed, then the subject
            # content start: complementizer, or a preposition for some verbs, or the cue itself
            comp = self._comp(cend, min(nxt, cend + 260), quotes)
            if comp and comp.group() == "":
                comp = None
            self._subj_quote = None
            if comp is not None and comp.group() in _OPEN_Q and _ADDRESSEE.search(f, max(0, comp.start() - 6),
                                                                                   comp.start()):
                q = inside(comp.start() + 1, quotes)  # "في تصريح لـ«عكاظ» إن …": the outlet, not the content
                if q is not None:
                    comp = self._comp(q[1], min(nxt, cend + 260), quotes)
            if comp is not None and comp.group() in _OPEN_Q and _quoted_name_slot(f[cend : comp.start()]):
                q = inside(comp.start() + 1, quotes)  # «اسم الجماعة» right after the verb: the subject
                if q is not None and len(f[q[0] : q[1]].split()) <= 7 and not re.match(r"\s*[.:،,]|\s*$",
                                                                                     f[q[1] : nxt]):
                    self._subj_quote = q
                    comp = self._comp(q[1], min(nxt, cend + 260), quotes)
                    if comp is not None and comp.group() in (*_OPEN_Q, ""):
                        comp = None
            nafy = NAFY_NOUN.search(f, cend, min(nxt, cend + 120)) if lemma == "نقل" and comp is None else None
            if comp is None and lemma in L.NEEDS_COMPLEMENTIZER and nafy is None:  # "تذكر … دخول X وأنه تم …"
                comp = WA_ANNA.search(f, cend, min(nxt, cend + 260))
            content_start: int | None = None
            subj_end = cend
            if nafy is not None:  # "ونقلت الوكالة عن X نفيه الهجوم": a denial by X
                subj_end, content_start, kind = nafy.start(), nafy.end(), "denial"
            if comp is not None and (verb or comp.start() - cend <= 60):
                subj_end = comp.start()
                g = comp.group()
                content_start = comp.start() if g in _OPEN_Q else comp.end()
                if g == ":":
                    m2 = re.match(r"\s*(?:انها|انه|ان)?\s*", f[content_start:nxt])
                    content_start += m2.end() if m2 else 0
                dn = DENIED_NOUN.search(f, cend, subj_end) if kind == "denial" else None
                if dn is not None:  # "نفى X علمه أن …": the denied knowledge is the content
                    subj_end = content_start = dn.start()
            elif lemma in PREP_LEMMAS:
                pm = L.PREP_CONTENT_RE.search(f, cend, min(nxt, cend + 120))
                if pm:
                    subj_end, content_start = pm.start(), pm.start()
            if lemma == "تبني":  # "تبنت X الهجوم" / "الهجوم تبنته X" (the clause), when it is about an attack
                if content_start is not None or not _ATTACK.search(f, clause_start, nxt):
                    continue
                content_start = clause_start if verb.endswith(("ه", "ها")) else c.start(c.lastgroup)
            if content_start is None and nafy is None:
                if lemma in L.NEEDS_COMPLEMENTIZER or (lemma in ("بين", "ذكر", "نقل", "طالب") and not c.group("pre")
                                                       and not (lemma == "طالب" and not f[sa : c.start("pre")].strip())):
                    continue
                content_start = c.start(c.lastgroup)
            if lemma == "نقل" and "عن" not in f[cend:subj_end]:
                continue
            if lemma in L.QAWL_ONLY and not (comp is not None and comp.group().startswith("بالقول")
                                              or "حديث" in f[cend:subj_end]):
                continue  # "ومضى عام …", "اختتم المؤتمر أعماله": no speech
            if kind == "denial" and _NEG_BEFORE.search(f, max(sa, c.start("pre") - 6), c.start("pre")):
                kind = "statement"
            nm = IN_NAFY.search(f, cend, subj_end) if subj_end > cend else None
            if nm is not None:  # "وقال X في نفيه للاتهامات إن …": a denial; X ends before في
                kind, subj_end = "denial", nm.start()
            # prep cues inside the subject region are absorbed (ذكرت الصحيفة نقلاً عن مصدر …)
            for j in range(idx + 1, len(cues)):
                if cues[j].group("prep") and cues[j].start("pre") < subj_end:
                    consumed.add(j)
            # speaker
            if _KULL_MIN.match(f, cend) and content_start == c.start(c.lastgroup):
                parties = self._parties(cend, nxt)
                if parties:
                    for p in parties:
                        self._emit(content_start, nxt, form, kind, p, (clause_start, content_start))
                    sent_speaker = parties[0]
                    self.res.remember(parties[0])
                    clause_start = nxt
                    continue
            sp = self._speaker(c, verb, cend, subj_end, content_start, clause_start, sent_speaker)
            if sp is None:
                continue
            sent_speaker = sp
            if lemma in ("ابدي", "اعرب") and content_start <= c.start(c.lastgroup) and pure_emotion(f, cend, nxt):
                clause_start = nxt  # "أبدى البعض استياءهم مما يحدث": an emotion, no proposition
                continue
            # content end
            end = nxt
            q = inside(content_start + 1, quotes)
            if q is not None and q[0] == content_start and q[1] <= end:
                tail = f[q[1]:end]
                if not re.match(r"^\s*(?:[.،,]?\s*$)", tail):
                    end = q[1]
            ctx_end = content_start
            if content_start <= c.start(c.lastgroup):  # no complementizer: the subject lies inside the quote
                ctx_end = _subject_reach(f, cend, end)
            self._emit(content_start, end, form, kind, sp, (clause_start, ctx_end))
            clause_start = nxt

    def _speaker(self, c: re.Match[str], verb: str | None, cend: int, subj_end: int, content_start: int,
                 clause_start: int, sent_speaker: Speaker | None) -> Speaker | None:
        f = self.f
        res = self.res
        cstart = c.start("pre")
        if _RELATIVE_BEFORE.search(f, max(clause_start, cstart - 8), cstart):  # "X الذي أكد": X speaks
            sp = res.antecedent(clause_start, _RELATIVE_BEFORE.search(f, max(clause_start, cstart - 8), cstart).start(),
                                self._orig)
            if sp is not None:
                return res.remember(sp)
        if c.group("part"):
            if sent_speaker is not None:
                return sent_speaker
            sp = res.main_subject(self._sa, cstart, self._orig)
            if sp is not None:
                return res.remember(sp)
            for sp in reversed(res.seen):
                if sp.surface and sp.surface.split()[-1] in self.text[self._orig(clause_start) : self._orig(c.start("pre"))]:
                    return sp
            return res.last
        if verb == "رفض" and not _ACCUSATION.search(f, cend, cend + 60):
            return None
        if verb in L.IMPERFECT and not c.group("pre") and f[max(0, cstart - 2) : cstart].strip() in ("،", ","):
            sp = res.main_subject(self._sa, cstart, self._orig)  # "قدم X بلاغاً …، يتهمه بـ…": X
            if sp is not None:
                return res.remember(sp)
        if verb.endswith("وا") and content_start <= c.start(c.lastgroup):
            conf = list(CONFRONTED.finditer(f, self._sa, cstart))[-1:]
            sp = res.parse(conf[0].start(1), conf[0].end(1), self._orig) if conf else None
            if sp is not None:
                return res.remember(sp)  # "وبمواجهة المبلغ ووالدته … أنكروا": those confronted
        if verb in L.OBJECT_FORMS and re.match(r"\s*(?:ب|ل|الي\s|علي\s|من\s|في\s)", f[cend:cend + 6]):
            return self._continuation(clause_start, cstart)  # "واتهمهم بحيازة …": no subject named
        imperfect = verb in L.IMPERFECT and not c.group("pre").startswith(("و", "ف"))
        pre_text = f[clause_start : c.start("pre")].strip()
        kana = re.match(r"^و?(?:كان|كانت|كانوا)\s+", pre_text) and "قد" in c.group("pre")
        kana = kana or re.match(r"^و?(?:كان|كانت|كانوا)\s+\S+", pre_text) and not c.group("pre")
        if imperfect and not pre_text:  # "… لامرأة تذكر أن": the noun right before an imperfect verb
            span = preceding_subject(f, max(self._sa, cstart - 40), cstart, only_last=True)
            sp = res.parse(span[0], span[1], self._orig) if span is not None else None
            if sp is not None and (sp in res.seen or sp.head in _SOURCE_HEAD_STEMS
                                   or sp.actor.kind not in ("unknown", "person")):
                return res.remember(sp)
        if imperfect and _PP_FRONT.match(pre_text) and not _COMP_WORD.search(pre_text):
            pre_text = ""  # the subject follows the verb
            imperfect = False
        if imperfect and pre_text and not _COMP_WORD.search(pre_text):  # "وغردت X … تقول": X speaks
            sp = res.main_subject(self._sa, cstart, self._orig)
            if sp is not None:
                return res.remember(sp)
        if pre_text.startswith("اما ") or kana or (imperfect and pre_text):
            span = preceding_subject(f, clause_start, c.start("pre"), only_last=imperfect and not (kana or pre_text.startswith("اما ")))
            if span is not None:
                sp = res.parse(span[0], span[1], self._orig)
                if sp is not None:
                    return res.remember(sp)
        region_end = subj_end if subj_end > cend else min(content_start if content_start > cend else cend + 80,
                                                           cend + 80)
        if (content_start <= c.start(c.lastgroup) or f[subj_end : subj_end + 1] in _OPEN_Q) \
                and L.VERB_FORM[verb][0] in _ALA_VERBS and re.match(r"\s*(?:علي|الي)\s", f[cend : cend + 6]):
            return self._continuation(clause_start, cstart)  # "وشدد على …": a preposition, no subject
        if self._subj_quote is not None and content_start <= c.start(c.lastgroup):
            qa, qb = self._subj_quote[0] + 1, self._subj_quote[1] - 1
            sp = res.parse(qa, qb, self._orig)
            if sp is not None and len(sp.surface.split()) < len(f[qa:qb].split()):  # «واشنطن بوست», not "واشنطن"
                sp = res.described(self.text[self._orig(qa) : self._orig(qb)].strip())
        elif content_start <= c.start(c.lastgroup):  # no complementizer: subject is the NP right after the verb
            region_end = cend + 80
            sp = res.parse_np(cend, min(region_end, len(f)), self._orig)
        else:
            sp = res.parse(cend, region_end, self._orig) if region_end > cend else None
        if sp is None and f[cend:subj_end].strip() in ("فيه", "فيها"):
            wp = list(WROTE_POST.finditer(f, self._sa, cstart))[-1:]  # "كتب X تدوينة قال فيها": X
            sp = res.parse(wp[0].start(1), wp[0].end(1), self._orig) if wp else None
        if sp is None:
            prev = f[max(0, cstart - 12) : cstart].split()
            if imperfect and not pre_text and not c.group("pre") and prev and prev[-1].isalpha() \
                    and prev[-1] not in NEG_PARTICLES:
                return None  # "أن هذه الأرقام تؤكد تزايد …": a verb inside reported content, no speaker
            if sent_speaker is not None:  # "…، معتبرين أن …، إلا أنهم أكدوا …": the sentence's speaker
                return sent_speaker
            return self._continuation(clause_start, c.start("pre"))
        lemma = L.VERB_FORM[verb][0]
        if sp.surface and stem(fold(sp.surface.split()[0])) in _INANIMATE:
            if lemma == "وصف" and c.group("pre"):
                return self._continuation(clause_start, cstart)  # "ووصف قصف الانفصاليين بأنه …": the object
            return None  # "كما تشير الهجمات إلى أن …": events are no source
        if lemma == "اتهم" and content_start <= c.start(c.lastgroup) and self._accused(cend, sp):
            return self._continuation(clause_start, cstart)  # "واتهم أوكرانيا بشن …": the accused
        return res.remember(sp)

    def _accused(self, cend: int, sp: Speaker) -> bool:
        """True when the NP after اتهم is directly followed by بـ + a verbal noun: it is the accused."""
        words = self.f[cend : cend + 120].split()
        n = len(fold(sp.surface).split()) if sp.surface else 0
        return 0 < n < len(words) and words[n].startswith("ب") and len(words[n]) >= 3 and words[n] != "بان"

    def _continuation(self, clause_start: int, cue_start: int) -> Speaker | None:
        """No subject: a known actor named earlier in the same sentence, else the last named speaker."""
        prefix = self.text[self._orig(clause_start) : self._orig(cue_start)]
        if len(prefix.split()) >= 2:
            best: tuple[int, Speaker] | None = None
            for sp in self.res.seen:
                last = sp.surface.split()[-1] if sp.surface else ""
                pos = prefix.find(last) if len(last) > 2 else -1
                if pos >= 0 and (best is None or pos < best[0]):
                    best = (pos, sp)
            ms = self.res.gaz.mentions(prefix)
            if ms:
                pos = prefix.find(ms[0].name_ar.split()[0])
                if best is None or 0 <= pos < best[0]:
                    return self.res.remember(self.res.entity(ms[0], ms[0].name_ar))
            if best is not None:
                return self.res.remember(best[1])
        return self.res.last

    def _parties(self, cend: int, end: int) -> list[Speaker]:
        m = _KULL_MIN.match(self.f, cend)
        assert m is not None
        toks = self.f[m.end() : end].split()
        ents = []
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
        if sp is None:
            return
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
