"""Who speaks for one Arabic reporting cue: an ordered chain of named speaker rules.

Each rule looks at the cue's frame and the clause and returns a speaker, `DROP` (the cue has no source:
the claim is dropped) or None (the next rule decides). The default after the chain is the noun phrase
right after the verb (VSO), then the sentence's speaker, then the last named speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from claimtrack.extract import arabic_lexicon as L
from claimtrack.extract.arabic_agreement import agrees, speaker_agreement, verb_agreement
from claimtrack.extract.arabic_claimant_type import SOURCE_NOUNS, ClaimantType
from claimtrack.extract.arabic_filters import NEG_PARTICLES
from claimtrack.extract.arabic_frame import KEEP, CueFrame, kept
from claimtrack.extract.arabic_patterns import is_on, register, rule
from claimtrack.extract.arabic_rules import WROTE_POST
from claimtrack.extract.claimant_np import NAMED_AFTER_HEADS
from claimtrack.extract.claimants import Resolver, Speaker, preceding_subject, stem
from claimtrack.extract.segment import quote_spans
from claimtrack.text import fold

DROP = object()
_RELATIVE_BEFORE = re.compile(r"(?<!\S)(?:الذي|التي|الذين|اللذان|اللتان)\s*$")
_SOURCE_HEAD_STEMS = frozenset(stem(h) for h in L.SOURCE_HEADS)
_ALA_VERBS = frozenset({"شدد", "اكد", "اصر", "حث", "نوه", "اشار", "لفت", "دعا"})
_COMP_WORD = re.compile(r"(?<!\S)(?:ان|انه|انها|بان|بانه|بانها)(?!\S)")
_INANIMATE = frozenset("قصف هجوم هجمات احداث تطورات حادث حادثه اوضاع ظروف انفجار انفجارات تفجير تفجيرات اشتباكات"
                       .split())
_KANA_PRE = re.compile(r"^و?(?:كان|كانت|كانوا)\s+")
_KANA_PRE_WORD = re.compile(r"^و?(?:كان|كانت|كانوا)\s+\S+")
_DATELINE = re.compile(r"الموافق|(?<!\S)واس\s*$")  # "عدن 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس"
def _agreement_of(sp: Speaker) -> frozenset[str] | None:
    """The verb agreements a speaker takes: a person's learned gender, else what the surface says."""
    if sp.person and sp.gender is not None:
        return frozenset({sp.gender})
    if sp.actor.kind == "country" and is_on(COUNTRY_FEMININE):
        return frozenset({"f"})  # "أعلنت إيران", "قالت مصر": a country takes a feminine verb
    return speaker_agreement(sp.surface, sp.person)


COUNTRY_FEMININE = register(
    "country_takes_feminine_verbs",
    "A country («إيران», «مصر») takes feminine verbs: a later masculine «وقال» with no subject does not continue it.",
    "عنوان\nوقال الخبير سامي العلي إن الاقتصاد سينمو العام المقبل. وأعلنت إيران أنها ستدعم حلفاءها في المنطقة. "
    "وقال: «لا استثمار ناجحا من دون شفافية في الإنفاق»")


_ASIDE_COMP = re.compile(r"\s*(?:انه|انها|انهم|بان|بانه|بانها)(?!\S)")  # bare أن: the yudhkar_aside filter
# "غير أن الرئيس …", "إلا أن الشرطة …", "يذكر أن المديرية …": أنّ after a connective (not "وأن", which continues
# reported content), then the definite subject of the verb that follows
_ANNA_NP = re.compile(r"(?:^|(?<!\S)(?:غير|الا|يذكر|ويذكر|بالذكر|بيد|رغم|بالرغم)\s+)(?:ان|بان)\s+(ال\S+(?:\s+\S+){0,4})$")
# "وعن حديقة المطار يقول X", "ومن جانبه، يقول X": a fronted topic or discourse marker; X speaks
_PP_FRONT = re.compile(r"^[وف]?(?:(?:عن|حول|بشان|بخصوص)\s|من\s+(?:جانب|جهت|ناحيت)(?:ه|ها|هم)\s*[،,]?\s*$"
                       r"|بدور(?:ه|ها|هم)\s*[،,]?\s*$)")

# "…، فهو يقول إن …": a pronoun as the subject written before an imperfect verb
_PRONOUN_BEFORE = re.compile(r"(?:^|[\s،,])[وف]?(?:هو|هي)\s*$")  # not هم: often "people" in general
# "وأوضحت الدراسة التي نشرها معهد X أن …": the issuer named in a relative clause after a document noun
_ISSUER_RELATIVE = re.compile(r"\s*(?:ال)?(?:دراسه|تقرير|بيان|احصائيه|احصاءات|وثيقه|رساله|مذكره)\s+(?:الذي|التي)\s+"
                              r"(?:نشر|اعد|اصدر|اجري|اجر|وضع|قدم|اطلق)(?:ت)?(?:ها|ه)\s+(\S.*?)\s*$")
# "…، مؤكداً سموه أن …": an honorific pronoun right after the cue, and the dignitary's style before a name
_HONORIFIC_AFTER = re.compile(r"\s*(?:سموه|معاليه|سعادته|فضيلته|سماحته|جلالته|فخامته|دولته)(?!\S)")
_DIGNITARY = re.compile(r"(?<!\S)(?:صاحب\s+(?:السمو|المعالي|الفضيله|السعاده|السماحه)(?:\s+الملكي)?\s+"
                        r"|(?:سمو|معالي|سعاده|فضيله|سماحه|فخامه|جلاله)\s+)(?=\S)")




def _named_after(prefix: str, name: str) -> bool:
    """True when the first mention of `name` in `prefix` is part of an institution or place named after it
    ("لمركز الملك سلمان للإغاثة"): the person is not an actor of the sentence."""
    pos = prefix.find(name.split()[0]) if name else -1
    before = fold(prefix[max(0, pos - 20) : pos]).split() if pos > 0 else []
    return bool(before) and before[-1].lstrip("وبل").removeprefix("ال") in NAMED_AFTER_HEADS


# "ودعا المواطنين …": a definite sound masculine plural in the oblique case (-ين), never a nominative subject
_OBLIQUE_PLURAL = re.compile(r"^ال\S{3,}ين$")
_NOT_OBLIQUE = frozenset("الامين الحسين الياسمين البحرين النهرين الفلسطين".split())




def _last_sentences(f: str, a: int, b: int, k: int = 2) -> list[tuple[int, int]]:
    """The last `k` sentences of f[a:b] with three words or more, oldest first; the dot of an abbreviated title
    («د.») does not end one."""
    out: list[tuple[int, int]] = []
    end = search = b
    while end > a and len(out) < k:
        cut = max(f.rfind(".", a, search), f.rfind("!", a, search), f.rfind("?", a, search), f.rfind("؟", a, search),
                  f.rfind("\n", a, search))
        if cut >= a + 2 and f[cut] == "." and not f[cut - 1].isspace() and f[cut - 2].isspace():
            search = cut  # "هنأ د. عبدالعزيز …": one sentence
            continue
        start = cut + 1 if cut >= 0 else a
        if len(f[start:end].split(None, 3)) >= 3:
            out.append((start, end))
        if cut < 0:
            break
        end = search = cut
    return out[::-1]


# "[من جهته،] [و]هنأ الدكتور X …": an optional side marker, a verb (group 1), the next word (group 2)
_ACTOR_SENTENCE = re.compile(r"\s*(?:[وف]?(?:من\s+(?:جهت|جانب|ناحيت)(?:ه|ها)|بدور(?:ه|ها))\s*[،,]?\s*)?"
                             r"[وف]?(\S{3,})\s+(\S+)")


# "ورغم أن …", "وبعد أن …", "ومنذ …": a fronted concessive or temporal clause before an imperfect verb
# a style before a dignitary's title and name: "صاحب السمو الملكي الأمير …", "صاحب المعالي الوزير …"
_STYLE_WORDS = frozenset("صاحب السمو الملكي المعالي الفضيله السعاده السماحه".split())
# the word before a clause's verb: a comma, or a side marker ("من جهته قدم …", "بدوره هنأ …")
_CLAUSE_OPENER = re.compile(r"(?:[،,]|^(?:جهت|جانب|ناحيت|بدور)(?:ه|ها|هم))$")
_SUBORDINATE_FRONT = re.compile(r"^[وف]?(?:رغم|بالرغم|برغم|بعد|قبل|منذ|عندما|حين|حينما|لان|مع\s+ان)(?!\S)")


@dataclass(slots=True)
class Clause:
    """The cue being resolved and the clause around it."""

    fr: CueFrame
    clause_start: int
    sent_speaker: Speaker | None
    imperfect: bool
    pre_text: str
    kana: bool
    cstart: int = field(init=False)  # where the cue starts (its و/ف or particle), kept: read often

    def __post_init__(self) -> None:
        self.cstart = self.fr.c.start("pre")


class SpeakerFinder:
    """Mixin over `self.f`, `self.text`, `self.res`, `self._sa`, `self._orig`, `self._subj_quote`."""

    f: str
    text: str
    res: Resolver
    _sa: int
    _lead_start: int
    _cache: dict[str, Any]
    _subj_quote: tuple[int, int] | None

    _orig: Callable[[int], int]

    def speaker(self, fr: CueFrame, clause_start: int, sent_speaker: Speaker | None) -> Speaker | None:
        """The speaker of the cue, remembered by the resolver; None when the cue has no source."""
        if self.res.lead is None:
            self.res.lead = self._lead_subject
        cl = self._clause(fr, clause_start, sent_speaker)
        sp = self._chain(cl)
        if sp is None or self.res.verdict(sp).valid:
            return sp
        return kept(sp, self._invalid_claimant_fallback(cl, sp))

    @rule("عنوان\nوقال الوزير إن الخطة جاهزة. وأوضح بقوله إن التنفيذ يبدأ غدا.", off=KEEP)
    def _invalid_claimant_fallback(self, cl: Clause, sp: Speaker) -> Speaker | None:
        """A claimant that is no source (a particle «ولم», a verbal noun «بقوله», a time «وبعد», a noun cut
        from a longer name) is replaced by the earlier speaker the verb agrees with, or the claim is dropped."""
        reason = self.res.verdict(sp).reason
        if reason in ("event", "thing") and not (cl.fr.lemma == "وصف" and cl.fr.c.group("pre")):
            return None  # "كما تشير الهجمات إلى أن …": an event named as the subject; nobody speaks
        if reason in ("scripture", "the writer's connective"):
            return None  # «قال الشاعر:», «ولاشك أن …»: a verse or the writer's own voice; nobody earlier speaks it
        alt = self._subject_after_complementizer(cl) or self.continuation(cl.clause_start, cl.cstart, cl.fr)
        return alt if alt is not None and self.res.verdict(alt).valid else None

    @rule("عنوان\nوقال المدير خالد العمري إن العمل بدأ.\nيذكر أن المديرية العامة للجوازات أعلنت عن بدء تطبيق "
          "الخدمة مطلع العام.")
    def _subject_after_complementizer(self, cl: Clause) -> Speaker | None:
        """ "يذكر أن المديرية العامة للجوازات أعلنت عن …": a definite noun phrase between أن and the verb is the
        verb's subject (after أنّ the subject comes first), when the verb has none of its own."""
        m = _ANNA_NP.search(cl.pre_text)
        if m is None or cl.fr.c.group("pre") or cl.fr.verb is None or cl.fr.verb in L.IMPERFECT:
            return None
        a = cl.clause_start + self.f[cl.clause_start : cl.cstart].find(cl.pre_text) + m.start(1)
        sp = self.res.parse_np(a, cl.cstart, self._orig)
        if sp is None or not self.res.verdict(sp).valid:
            return None
        va = verb_agreement(cl.fr.form, cl.fr.lemma, participle=cl.fr.verb is None)
        return self.res.remember(sp) if agrees(va, _agreement_of(sp)) else None

    def _chain(self, cl: Clause) -> Speaker | None:
        for step in (self._background_aside, self._honorific_pronoun, self._relative_antecedent, self._participle_speaker,
                     self._fronted_topic, self._fronted_subordinate_clause, self._imperfect_after_comma,
                     self._pronoun_before_imperfect, self._sentence_subject_before_imperfect, self._subject_before_verb, self._subject_before_bare_verb):
            r = step(cl)
            if r is DROP:
                return None
            if r is not None:
                return r
        return self._subject_after_verb(cl)

    def _clause(self, fr: CueFrame, clause_start: int, sent_speaker: Speaker | None) -> Clause:
        c = fr.c
        verb = fr.verb or ""
        pre_text = self.f[clause_start : c.start("pre")].strip()
        kana = bool(_KANA_PRE.match(pre_text)) and "قد" in c.group("pre")
        kana = kana or bool(_KANA_PRE_WORD.match(pre_text)) and not c.group("pre")
        imperfect = verb in L.IMPERFECT and not c.group("pre").startswith(("و", "ف"))
        return Clause(fr, clause_start, sent_speaker, imperfect, pre_text, kana)

    def _subject_after_verb(self, cl: Clause) -> Speaker | None:
        """The default: the noun phrase after the verb (VSO), a quoted name, a post's writer; with none, the
        sentence's speaker or the last named speaker."""
        fr, f, res = cl.fr, self.f, self.res
        sp = self._np_after_verb(cl)
        if sp is not None and not fr.bare:
            sp = self._document_issuer(cl) or sp
        if sp is None and f[fr.cend : fr.subj_end].strip() in ("فيه", "فيها"):
            sp = self._post_writer(cl)
        if sp is None:
            if self._verb_inside_content(cl):
                return None
            sp = self._subject_after_complementizer(cl)
            if sp is not None:
                return sp
            if cl.sent_speaker is not None:  # "…، معتبرين أن …، إلا أنهم أكدوا …": the sentence's speaker
                return cl.sent_speaker
            return self.continuation(cl.clause_start, cl.cstart, cl.fr)
        r = self._accused_object(cl, sp)
        r = self._oblique_plural_object(cl, sp) if r is None else r
        if r is DROP:
            return None
        if r is None:
            self._learn_gender(sp, cl.fr)
        return r if r is not None else res.remember(sp)

    @rule("عنوان\nوقالت جانيت يلين إن الدين مرتفع. وقال الوزير خالد العمري إن الخطة جاهزة. وأضافت أن الحل ممكن.",
          off=None)
    def _learn_gender(self, sp: Speaker, fr: CueFrame) -> None:
        """A person named as the subject of a feminine verb ("وقالت جانيت يلين") is a woman, whatever the name's
        form: a later feminine verb with no subject ("وأضافت") can continue her past a man named after her."""
        words = sp.surface.split()
        if sp.person and sp.gender is None and fr.verb is not None and len(words) >= 2 \
                and self.res.verdict(sp).type is ClaimantType.PERSON and not words[0].endswith(("ات", "ون", "ين")) \
                and verb_agreement(fr.form, fr.lemma) == "f":
            sp.gender = "f"

    def _np_after_verb(self, cl: Clause) -> Speaker | None:
        fr, f, res = cl.fr, self.f, self.res
        assert fr.content_start is not None
        if self._subj_quote is not None and fr.bare:
            qa, qb = self._subj_quote[0] + 1, self._subj_quote[1] - 1
            sp = res.parse(qa, qb, self._orig)
            if sp is not None and len(sp.surface.split()) < len(f[qa:qb].split()):  # «واشنطن بوست», not "واشنطن"
                sp = res.described(self.text[self._orig(qa) : self._orig(qb)].strip())
            if sp is not None and not res.verdict(sp).valid:  # "تحالف «الأمل»": the head with its quoted name
                sp = res.described(self.text[self._orig(fr.cend) : self._orig(qb) + 1].strip())
            return sp
        if fr.bare:  # no complementizer: the subject is the NP right after the verb
            sp = res.parse_np(fr.cend, min(fr.cend + 80, len(f)), self._orig)
        else:
            cs = fr.content_start
            region_end = fr.subj_end if fr.subj_end > fr.cend else min(cs if cs > fr.cend else fr.cend + 80,
                                                                        fr.cend + 80)
            sp = res.parse(fr.cend, region_end, self._orig) if region_end > fr.cend else None
        return sp

    @rule("عنوان\nوأوضحت الدراسة التي أعدها مركز الخليج للأبحاث أن الإنفاق على الغذاء ارتفع.", off=None)
    def _document_issuer(self, cl: Clause) -> Speaker | None:
        """ "وأوضحت الدراسة التي نشرها معهد X أن …": a document is the subject, but the body that issued it, named
        in the relative clause, is the source."""
        fr = cl.fr
        assert fr.content_start is not None
        m = _ISSUER_RELATIVE.match(self.f, fr.cend, fr.content_start)
        if m is None:
            return None
        sp = self.res.parse(m.start(1), m.end(1), self._orig)
        return self.res.remember(sp) if sp is not None and self.res.verdict(sp).valid else None

    # -- named rules ---------------------------------------------------------------------------------------
    @rule("عنوان\nوقال المدير خالد العمري إن العمل بدأ.\nيذكر أنه افتتح فرع جديد للشركة العام الماضي.")
    def _background_aside(self, cl: Clause) -> Any:
        """ "يذكر أنه …", "ويذكر أنها …": the journalist's impersonal background aside; nobody speaks."""
        fr = cl.fr
        if fr.verb == "يذكر" and fr.c.group("pre") in ("", "و") and not cl.pre_text \
                and _ASIDE_COMP.match(self.f, fr.cend):
            return DROP
        return None

    @rule("عنوان\nوقال المواطنون إن الخدمات تحسنت كثيرا في الحي.\nوبعد أن زار سمو الأمير فيصل بن خالد أمس مستشفى المدينة "
          "اطلع على الأقسام، مؤكداً سموه أن المشروع سيكتمل.")
    def _honorific_pronoun(self, cl: Clause) -> Speaker | None:
        """ "…، مؤكداً سموه أن …", "وأكد معاليه أن …": an honorific pronoun after the cue names the dignitary styled
        «سمو»/«معالي» (or «صاحب السمو الملكي») earlier in the sentence, else the last person named; never the sentence's other speakers."""
        if not _HONORIFIC_AFTER.match(self.f, cl.fr.cend):
            return None
        styled = list(_DIGNITARY.finditer(self.f, self._sa, cl.cstart))
        if styled:
            m = styled[-1]
            a = m.end() if m.group().startswith("صاحب") else m.start()  # "صاحب السمو الملكي الأمير X": from الأمير
            sp = self.res.parse_np(a, min(cl.cstart, a + 80), self._orig)
            if sp is not None and sp.person and self.res.verdict(sp).valid:
                return self.res.remember(sp)
        return None

    @rule("عنوان\nوالتقى الوزير بالدكتور سعيد الحارثي مدير المستشفى الذي أكد أن الأجهزة وصلت.")
    def _relative_antecedent(self, cl: Clause) -> Speaker | None:
        """ "… مع الدكتور X مدير Y الذي أكد أن …": the relative pronoun's antecedent speaks."""
        f = self.f
        m = _RELATIVE_BEFORE.search(f, max(cl.clause_start, cl.cstart - 8), cl.cstart)
        sp = self.res.antecedent(cl.clause_start, m.start(), self._orig) if m else None
        return self.res.remember(sp) if sp is not None else None

    @rule("عنوان\nوقال الوزير إن الخطة جاهزة.\nوافتتح الأمير سلطان المعرض أمس، مؤكدا أن الصناعة الوطنية تتقدم.")
    def _participle_speaker(self, cl: Clause) -> Any:
        """A participle (مؤكداً، مشيراً) has the sentence's speaker, else the subject of a و+verb sentence,
        else an earlier speaker named in the clause, else the last speaker."""
        if not cl.fr.c.group("part"):
            return None
        if cl.sent_speaker is not None:
            return cl.sent_speaker
        res = self.res
        sp = res.main_subject(self._sa, cl.cstart, self._orig)
        if sp is not None:
            return res.remember(sp)
        sp = self._clause_verb_subject(cl)
        if sp is not None:
            return sp
        clause = self.text[self._orig(cl.clause_start) : self._orig(cl.cstart)]
        for sp in reversed(res.seen):
            if sp.surface and sp.surface.split()[-1] in clause:
                return sp
        return res.last if res.last is not None else DROP

    @rule("عنوان\nقال المدير إن الطلب ارتفع.\nوفي ختام الحفل سلم الوكيل سعد العتيبي الجوائز للفائزين، "
          "متمنيا لهم التوفيق، مشيرا إلى أن المسابقة ستقام كل عام.")
    def _clause_verb_subject(self, cl: Clause) -> Speaker | None:
        """ "زار اللواء X المصابين …، مشيراً إلى أن …", "من جهته قدم المدير شكره …، مؤكداً أن …", "وفي الختام سلم
        الوكيل X الجوائز …، مشيراً": a participle continues the subject of the nearest verb clause before it in the
        sentence, when the participle agrees with its subject: a verb opening the sentence or a clause (after a
        side marker, a comma or و) followed by a title, a name or a source head, or any word followed by a title
        or an honorific ("سلم الوكيل"); the verb itself need not report speech."""
        res = self.res
        if _HONORIFIC_AFTER.match(self.f, cl.fr.cend):
            return None  # "مؤكداً سموه": the dignitary styled «سمو» (honorific_pronoun), not a clause's subject
        va = verb_agreement(cl.fr.form, cl.fr.lemma, participle=True)
        for a, b, opener in self._clause_subjects(cl.cstart):
            sp = res.parse_np(a, b, self._orig)
            if sp is None or not res.verdict(sp).valid or not opener and not sp.person:
                continue
            return res.remember(sp) if agrees(va, _agreement_of(sp)) else None
        return None

    def _clause_subjects(self, upto: int) -> list[tuple[int, int, bool]]:
        """The regions (start, end, verb opens a clause) where the subject of each verb clause of the sentence
        before `upto` may be, clause openers first and nearest first (see `_clause_verb_subject`). After a verb
        that opens no clause only a named person is taken ("مهمة تدريب الفريق" is no subject); a style «صاحب
        السمو الملكي» is skipped; a bare surname stands for the full name given earlier in the text."""
        toks = [(m.start() + self._sa, m.group()) for m in re.finditer(r"\S+", self.f[self._sa : upto])]
        out: tuple[list[tuple[int, int, bool]], list[tuple[int, int, bool]]] = ([], [])
        for k in range(len(toks) - 2, -1, -1):
            w = toks[k][1]
            opener = k == 0 or w[0] in "وف" or bool(_CLAUSE_OPENER.search(toks[k - 1][1]))
            verb = w[1:] if w[0] in "وف" and len(w) > 3 else w
            if len(verb) < 3 or verb.startswith("ال") or verb in L.SUBJECT_STOP or verb in L.FIRST_NAMES:
                continue
            j = k + 1
            while j < len(toks) - 1 and toks[j][1] in _STYLE_WORDS:
                j += 1
            nxt = toks[j][1]
            if not opener:
                if nxt in L.ROLE_WORDS or nxt in L.HONORIFICS or j > k + 1:
                    out[1].append((toks[j][0], upto, False))
            elif j > k + 1 or self.res.opens_subject([t for _, t in toks[j : j + 6]]) or nxt in SOURCE_NOUNS \
                    or "ال" + nxt in SOURCE_NOUNS:
                out[0].append((toks[j][0], upto, True))
            elif (full := self._full_name_before(nxt)) is not None:
                out[0].append((*full, True))
        return out[0] + out[1]

    def _full_name_before(self, word: str) -> tuple[int, int] | None:
        """Where a first name and `word` were written together earlier in the text ("مدير الجمعية أحمد السروي …
        قدم السروي"): the full name a bare surname stands for."""
        if len(word) < 4 or word in L.SUBJECT_STOP:
            return None
        f = self.f
        pos = f.find(word, 0, self._sa)
        while pos >= 0:
            end = pos + len(word)
            if pos > 1 and f[pos - 1] == " " and (end >= len(f) or not f[end].isalpha()):
                a = f.rfind(" ", max(0, pos - 24), pos - 1) + 1
                first = f[a : pos - 1]
                bare = first.lstrip("وب")
                if bare in L.FIRST_NAMES or first in L.FIRST_NAMES:
                    return a + (len(first) - len(bare) if bare in L.FIRST_NAMES else 0), end
            pos = f.find(word, end, self._sa)
        return None

    @rule("عنوان\nوعن سوق الخضار يقول ناصر الدوسري إن الأسعار تضاعفت.")
    def _fronted_topic(self, cl: Clause) -> None:
        """ "وعن حديقة المطار يقول X", "ومن جانبه، يقول X": a fronted عن/حول phrase (the topic) or a discourse
        marker with a pronoun opens the clause; the subject follows the verb."""
        if cl.imperfect and _PP_FRONT.match(cl.pre_text) and not _COMP_WORD.search(cl.pre_text):
            cl.pre_text, cl.imperfect = "", False

    @rule("عنوان\nوقال الوزير خالد العمري إن السوق مستقر.\nوفي ظل تراجع الطلب على النفط، يتوقع خبراء الطاقة أن "
          "تنخفض الأسعار.")
    def _imperfect_after_comma(self, cl: Clause) -> None:
        """ "وفيما تتم عملية التصحيح، تتوقع مجموعة X بأن …", "ويتضمن الكتاب فصولاً …، يقول محرره الدكتور X:": an
        imperfect verb right after a comma opens a clause of its own; when a title, a name or a source head
        follows it, that is its subject (VSO), not a noun of the clause before the comma."""
        if cl.imperfect and cl.pre_text.endswith(("،", ",")) \
                and self.res.opens_subject(self.f[cl.fr.cend : cl.fr.cend + 60].split()[:6]):
            cl.pre_text, cl.imperfect = "", False

    @rule("عنوان\nوقال الوزير خالد العمري إن السوق مستقر.\nورغم أن الأسعار تراجعت منذ اجتماع أوبك يستبعد مسؤولون "
          "في المنظمة خفض الإنتاج.")
    def _fronted_subordinate_clause(self, cl: Clause) -> None:
        """ "ورغم أن الأسعار تراجعت منذ اجتماع أوبك يستبعد مسؤولون …": a fronted concessive or temporal clause is
        no subject; the subject follows the imperfect verb (its last word, «أوبك», does not speak)."""
        if cl.imperfect and _SUBORDINATE_FRONT.match(cl.pre_text):
            cl.pre_text, cl.imperfect = "", False

    @rule("عنوان\nوقالت الوزيرة سارة العلي إن الحملة نجحت. وقال المدير خالد السالم إن العمل بدأ.\n"
          "وتفخر العلي بالمتطوعين في الحملة، فهي تقول إن الأسر تفاعلت معها.")
    def _pronoun_before_imperfect(self, cl: Clause) -> Speaker | None:
        """ "…، فهو يقول إن …", "وهي تؤكد أن …": a singular pronoun before an imperfect verb is no speaker; it refers
        to the actor named earlier in the sentence, else the latest speaker of its gender."""
        if not (cl.imperfect and _PRONOUN_BEFORE.search(cl.pre_text)):
            return None
        return self.continuation(cl.clause_start, cl.cstart, cl.fr)

    @rule("عنوان\nوغردت الوزيرة سارة العلي على حسابها تقول إن الحملة نجحت.")
    def _sentence_subject_before_imperfect(self, cl: Clause) -> Speaker | None:
        """ "وغردت X … تقول": an imperfect verb later in a و+verb sentence has that sentence's subject."""
        if not (cl.imperfect and cl.pre_text and not _COMP_WORD.search(cl.pre_text)):
            return None
        sp = self.res.main_subject(self._sa, cl.cstart, self._orig)
        return self.res.remember(sp) if sp is not None else None

    @rule("عنوان\nوقال الوزير إن الخطة جاهزة.\nوكان النائب خالد الفالح قد أكد أن الإنتاج متوقف.")
    def _subject_before_verb(self, cl: Clause) -> Speaker | None:
        """SVO: "أما X فقال", "وكان X قد أكد", "X يؤكد": the subject written before the verb."""
        amma = cl.pre_text.startswith("اما ")
        if not (amma or cl.kana or (cl.imperfect and cl.pre_text)):
            return None
        only_last = cl.imperfect and not (cl.kana or amma)
        span = preceding_subject(self.f, cl.clause_start, cl.cstart, only_last=only_last)
        sp = self.res.parse(span[0], span[1], self._orig) if span is not None else None
        return self.res.remember(sp) if sp is not None else None

    @rule("عنوان\nأفرجت السلطات عن عدد من المعتقلين أمس في العاصمة بعد أسابيع من الاحتجاز.\n"
          "لكن المرصد الوطني لحقوق الإنسان وناشطين على مواقع التواصل ذكروا أن المعتقل لم يفرج عنه.")
    def _subject_before_bare_verb(self, cl: Clause) -> Speaker | None:
        """ "لكن X وY … ذكروا أن …": nothing between the verb and أن, so the noun phrase opening the clause is
        the subject (SVO), not a country named inside it."""
        fr, f = cl.fr, self.f
        if fr.bare or f[fr.cend : fr.subj_end].strip() or not cl.pre_text or cl.kana:
            return None
        m = re.match(r"\s*(?:(?:لكن|ولكن|بينما|فيما|كما|اما)\s+)?", f[cl.clause_start : cl.cstart])
        a = cl.clause_start + (m.end() if m else 0)
        words = f[a : cl.cstart].split()
        if not words or not words[0].startswith("ال") or len(words) > 12:
            return None
        sp = self.res.parse_np(a, cl.cstart, self._orig)
        return self.res.remember(sp) if sp is not None and self.res.verdict(sp).valid else None

    @rule("عنوان\nوقال الوزير إن الخطة جاهزة.\nكتب النائب خالد السالم تدوينة قال فيها إن العمل متوقف.")
    def _post_writer(self, cl: Clause) -> Speaker | None:
        """ "كتب X تدوينة قال فيها …": the writer of the post speaks."""
        wp = list(WROTE_POST.finditer(self.f, self._sa, cl.cstart))[-1:]
        return self.res.parse(wp[0].start(1), wp[0].end(1), self._orig) if wp else None

    @rule("عنوان\nوأعلن الوزير أرقاما جديدة تؤكد أن الطلب تضاعف.", off=False)
    def _verb_inside_content(self, cl: Clause) -> bool:
        """ "أن هذه الأرقام تؤكد تزايد …": an imperfect verb after a noun, with no subject, is inside reported
        content; it has no speaker of its own."""
        prev = self.f[max(0, cl.cstart - 12) : cl.cstart].split()
        return cl.imperfect and not cl.pre_text and not cl.fr.c.group("pre") and bool(prev) \
            and prev[-1].isalpha() and prev[-1] not in NEG_PARTICLES

    @rule("عنوان\nوقال الوزير إن الحدود آمنة. واتهم إيران بدعم المتمردين.")
    def _accused_object(self, cl: Clause, sp: Speaker) -> Any:
        """ "واتهم أوكرانيا بشن …": the NP after اتهم followed by بـ + verbal noun is the accused."""
        fr = cl.fr
        if not (fr.lemma == "اتهم" and fr.bare):
            return None
        words = self.f[fr.cend : fr.cend + 120].split()
        n = len(fold(sp.surface).split()) if sp.surface else 0
        if 0 < n < len(words) and words[n].startswith("ب") and len(words[n]) >= 3 and words[n] != "بان":
            return self.continuation(cl.clause_start, cl.cstart, cl.fr) or DROP
        return None

    @rule("عنوان\nوأعلنت إدارة المستشفى أن بنك الدم يحتاج إلى متبرعين.\nودعا المواطنين للتوجه إلى بنك الدم للتبرع "
          "خلال الأسبوع.", off=None)
    def _oblique_plural_object(self, cl: Clause, sp: Speaker) -> Any:
        """ "ودعا المواطنين للتوجه إلى …": a sound plural in -ين right after the verb is in the accusative, the
        verb's object (a subject would be «المواطنون»); the speaker is the earlier one."""
        first = sp.surface.split(None, 1)[0] if sp.surface else ""
        if not first.endswith("ين"):
            return None
        w = fold(first)
        if not (_OBLIQUE_PLURAL.match(w) and w not in L.ROLE_WORDS and w not in _NOT_OBLIQUE) \
                or self.res.gaz.lookup(sp.surface) is not None or sp.person:
            return None
        return self.continuation(cl.clause_start, cl.cstart, cl.fr) or DROP

    def continuation(self, clause_start: int, cue_start: int, fr: CueFrame | None = None) -> Speaker | None:
        """No subject: a known actor named earlier in the same sentence, else the earlier speaker the verb
        agrees with."""
        prefix = self._unquoted(self.text[self._orig(clause_start) : self._orig(cue_start)])
        topic = self._sentence_topic(cue_start, fr)
        if topic is not None:
            return topic
        if len(prefix.split(None, 2)) >= 2:
            best: tuple[int, Speaker] | None = None
            for sp in self.res.seen:
                last = sp.surface.split()[-1] if sp.surface else ""
                pos = prefix.find(last) if len(last) > 2 else -1
                if pos >= 0 and (best is None or pos < best[0]):
                    best = (pos, sp)
            ms = [m for m in self.res.gaz.mentions(prefix) if m.kind != "country"  # "بالليرة التركية، وأكدت"
                  and not _named_after(prefix, m.name_ar)]
            if ms:
                pos = prefix.find(ms[0].name_ar.split()[0])
                if best is None or 0 <= pos < best[0]:
                    return self.res.remember(self.res.entity(ms[0], ms[0].name_ar))
            if best is not None:
                return self.res.remember(best[1])
            subject = self._verb_subject_of_sentence(cue_start) if fr is not None and fr.verb is not None else None
            if subject is not None:
                return subject
        return self._previous_sentence_actor(cue_start, fr) or self._agreeing_speaker(fr)

    @rule("عنوان\nوقال المتحدث باسم الجمعية إن الزيارة ناجحة.\nمن جهته، هنأ الدكتور سامي الحربي الطلاب بالنجاح. "
          "وقال: \"النجاح ثمرة جهد طويل\".", off=None)
    def _previous_sentence_actor(self, cue_start: int, fr: CueFrame | None) -> Speaker | None:
        """ "من جهته، هنأ الدكتور X الطلاب … . وقال: «…»": a subjectless speech verb right after a sentence whose
        subject is a person (with a verb that reports nothing) continues that person, not an earlier speaker."""
        if fr is None or fr.verb is None:
            return None
        base = max(0, self._sa - 700)
        kept_sentences = self._cache.setdefault("last_sentences", {})  # per sentence start: cues of one sentence
        if self._sa not in kept_sentences:
            kept_sentences[self._sa] = _last_sentences(self.f, base, self._sa)
        for a, b in reversed(kept_sentences[self._sa]):
            if self._reporting_sentence(a, b):
                return None  # a reporting sentence: its speaker is already the last one
            sp = self._sentence_actor(a, b)
            v = self.res.verdict(sp) if sp is not None else None
            if sp is not None and v is not None and v.valid and (sp.person or v.type is ClaimantType.ROLE):
                va = verb_agreement(fr.form, fr.lemma)
                return self.res.remember(sp) if agrees(va, _agreement_of(sp)) else None
        return None

    def _reporting_sentence(self, a: int, b: int) -> bool:
        """True when f[a:b] has a reporting cue and a complementizer (kept per span: the sentences before the
        cues of one sentence, and of the next one, are the same)."""
        seen = self._cache.setdefault("reporting", {})
        hit = seen.get((a, b))
        if hit is None:
            piece = self.f[a:b]
            hit = seen[(a, b)] = L.CUE_SCAN.search(" " + piece) is not None and bool(L.COMPLEMENTIZER_RE.search(piece))
        return hit

    def _sentence_actor(self, a: int, b: int) -> Speaker | None:
        """The person a sentence opens with after its verb, by title: "[من جهته،] [و]هنأ الدكتور X …" → X."""
        m = _ACTOR_SENTENCE.match(self.f, a, b)
        if m is None:
            return None
        v, w = m.group(1), m.group(2).rstrip(".")
        if v in L.FIRST_NAMES or v.startswith("ال") or not (w in L.HONORIFICS or w in L.ROLE_WORDS):
            return None
        return self.res.parse_np(m.start(2), min(b, m.start(2) + 80), self._orig)

    @rule("عنوان\nوقال المتحدث باسم الجمعية إن الزيارة ناجحة.\nوأشاد الوزير سامي الحربي بالزيارة، وقال "
          "\"اطلعت على أعمال المركز الكبيرة\".", off=None)
    def _verb_subject_of_sentence(self, cue_start: int) -> Speaker | None:
        """ "وعبر الوزير X عن سعادته …، وقال «…»": a speech verb with no subject later in a sentence that opens
        with و + verb + subject has that subject, not the previous sentence's speaker."""
        sp = self.res.main_subject(self._sa, cue_start, self._orig)
        return self.res.remember(sp) if sp is not None and self.res.verdict(sp).valid else None

    @rule("عنوان\nكتب وزير الخارجية مقالا بعنوان \"جيراننا\" جاء فيه: \" أن إيران والغرب يسعون للاستفادة من الفرصة "
          "المتاحة الآن\" وأضاف: \" الحوار يبدأ الآن مع الجميع\".", off=None)
    def _quoted_names_are_topics(self, prefix: str) -> str | None:
        """Names inside a quotation of more than four words are what the speaker talks about, not speakers: they
        are blanked before a continuation («… إيران والغرب …» وأضاف) looks for an actor named in its sentence."""
        out = prefix
        for a, b in quote_spans(prefix):
            if len(prefix[a:b].split()) > 4:
                out = out[:a] + " " * (b - a) + out[b:]
        return out

    def _unquoted(self, prefix: str) -> str:
        r = self._quoted_names_are_topics(prefix)
        return prefix if r is None else r

    @rule("عنوان\nوقال الوزير خالد السالم إن الاتفاق جاهز.\n"
          "الخارجية الليبية هي الأخرى خرجت في بيان مشابه، واعتبرت دعوته بمثابة تدخل في الشأن الداخلي.")
    def _sentence_topic(self, cue_start: int, fr: CueFrame | None) -> Speaker | None:
        """ "الخارجية المصرية هي الأخرى خرجت في بيان …، واعتبرت أن …": a sentence that opens with a noun phrase
        (a topic, SVO) gives its verbs with no subject that noun phrase, when they agree with it."""
        a = self._sa
        words = self.f[a:cue_start].split(None, 3)  # the first word, and whether there are three
        if len(words) < 3 or not words[0].startswith("ال") or fr is None:
            return None
        sp = self.res.parse_np(a, min(cue_start, a + 80), self._orig)
        if sp is None or not self.res.verdict(sp).valid:
            return None
        va = verb_agreement(fr.form, fr.lemma, participle=fr.verb is None)
        agreement = _agreement_of(sp)
        return self.res.remember(sp) if va is not None and agreement is not None and va in agreement else None

    def _agreeing_speaker(self, fr: CueFrame | None) -> Speaker | None:
        last = self.res.last
        if last is None:
            return self._lead_subject() or self._lead_writer(fr.c.start("pre") if fr is not None else len(self.f))
        if fr is None:
            return last
        return kept(last, self._agreement(fr, last))

    @rule("عنوان\nوأعلنت الوزارة أن المشروع اكتمل. وقال المدير خالد العمري إن العمل بدأ. وأضافت أن التكلفة انخفضت.",
          off=KEEP)
    def _agreement(self, fr: CueFrame, last: Speaker) -> Speaker:
        """A verb with no subject continues the latest speaker it agrees with in gender and number ("وأضافت"
        after a ministry and then a man: the ministry)."""
        va = verb_agreement(fr.form, fr.lemma, participle=fr.verb is None)
        if agrees(va, _agreement_of(last)):
            return last
        for sp in reversed(self.res.seen):
            if agrees(va, _agreement_of(sp)) and _agreement_of(sp):
                return self.res.remember(sp)
        return last

    @rule("عنوان\nزارت الأخصائيتان الاجتماعيتان الصحيفة أمس. وأوضحتا أن القسم يعنى بالمرضى.", off=None)
    def _lead_subject(self) -> Speaker | None:
        """With no earlier speaker, a verb with no subject continues the subject of the article's lead
        sentence ("زارت الأخصائيتان … . وأوضحتا أن …")."""
        if "lead" not in self._cache:
            self._cache["lead"] = self._lead_subject_parse()
        sp = self._cache["lead"]
        return self.res.remember(sp) if sp is not None else None

    @rule("عنوان\nفي العام الماضي كتب وزير الخارجية مقالا في صحيفة محلية. وأضاف: \"الحوار يبدأ الآن مع الجميع\".",
          off=None)
    def _lead_writer(self, before: int) -> Speaker | None:
        """With no earlier speaker, a lead that says who wrote the text being quoted ("في 2013 كتب الوزير X
        مقالاً …") gives that writer to the speech that follows ("وأضاف: …")."""
        m = WROTE_POST.search(self.f, self._lead_start, min(before, self._lead_start + 600))
        sp = self.res.parse(m.start(1), m.end(1), self._orig) if m is not None else None
        return self.res.remember(sp) if sp is not None and self.res.verdict(sp).valid else None

    def _lead_subject_parse(self) -> Speaker | None:
        """Parse the lead sentence's subject once per document."""
        lead = next((p for p in re.finditer(r"[^\n]+", self.f[self._lead_start : self._lead_start + 600])
                     if len(p.group().split()) >= 8 and not _DATELINE.search(p.group())), None)
        if lead is None:
            return None
        a = self._lead_start + lead.start()
        m = re.match(r"\s*(\S+)\s+", self.f[a : a + 120])
        if m is None or m.group(1).startswith("ال") or m.group(1) in L.FIRST_NAMES:
            return None
        sp = self.res.parse_np(a + m.end(), min(a + m.end() + 80, len(self.f)), self._orig)
        if sp is None or not self.res.verdict(sp).valid:
            return None
        sp.intro = (self._orig(a), self._orig(a + len(lead.group()) - 1) + 1)  # its date is the speech act's
        return sp
