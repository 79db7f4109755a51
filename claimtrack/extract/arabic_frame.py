"""The argument frame of one Arabic reporting cue: where its subject ends and its content starts.

A cue's frame comes from the lexicon (`NEEDS_COMPLEMENTIZER`, `QAWL_ONLY`, `PREP_LEMMAS`) and from the
text after it: a complementizer (أن/إن/:/«), a quoted outlet or name, a denial noun, a preposition.
The named rules here are registered in `arabic_patterns`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from claimtrack.extract import arabic_lexicon as L
from claimtrack.extract.arabic_claimant_type import HUMAN_NOUNS, ORG_HEADS
from claimtrack.extract.arabic_filters import PREP_LEMMAS, described_as
from claimtrack.extract.arabic_patterns import is_on, register, rule
from claimtrack.extract.arabic_rules import Open as _Open
from claimtrack.extract.segment import inside

_ATTACK = re.compile(r"هجوم|هجمات|الهجوم|تفجير|اعتداء|عمليه|العمليه|مسؤوليه|اغتيال|خطف|قصف|استهداف")
_ADDRESSEE = re.compile(r"(?<!\S)(?:لـ?|الي\s)\s*$")  # "لـ«عكاظ»", "إلى "الوطن"": the outlet addressed
_NAMED_HEADS = frozenset("""تحالف ائتلاف حركه جماعه تنظيم حزب جبهه منظمه شركه صحيفه موقع قناه وكاله مجموعه
    اتحاد جمعيه نقابه رابطه هيئه مركز اذاعه راديو تلفزيون شبكه مجله""".split())
OPEN_Q = ("«", "“", '"')
_ADDR_AFTER = re.compile(r"\s*لـ?\s*(?=[«\"“])")
_TEMPORAL_AN = ("بعد ", "قبل ", "منذ ")
_RELATIVE_MA = re.compile(r"(?<!\S)(?:مما|وهو\s+ما|وهي\s+ما)(?!\S)")
_GOD = re.compile(r"\s*(?:الله|المولي|ربه|ربها)(?!\S)")
_GOD_BEFORE_COMP = re.compile(r"(?<!\S)(?:الله|المولي)(?:\s+(?:القدير|العلي|تعالي|عز\s+وجل|سبحانه(?:\s+وتعالي)?))?"
                              r"\s*[،,]?\s*$")
# a complementizer carrying a subject pronoun: "أنهما", "بأنهم", "إلى أنها" (group 1: the أن… word); not the
# expletive أنه ("أنه تم …")
_PRONOUN_COMP = re.compile(r"(?:(?:ب|على\s+|الي\s+|علي\s+|من\s+)?)((?:ب)?ان(?:ها|هم|هما|نا|ني|كم))")
# nouns a quoted title names: "في ندوة «…»", "كتاب «…»", "بعنوان «…»" (folded, without ال)
_NAMING_NOUNS = frozenset("""ندوه محاضره مؤتمر ملتقي منتدي كتاب كتابه روايه قصيده ديوان برنامج مشروع مبادره حمله
    مسابقه جائزه فيلم مسلسل معرض مهرجان شعار عنوان بعنوان وثيقه تقرير دراسه مقال مقاله هاشتاق وسم""".split())
_FORMULA = re.compile(r"(?:حفظه|حفظها|رحمه|رحمها|رعاه|ايده|يرحمه)\s+الله|صلي\s+الله\s+عليه\s+وسلم|رضي\s+الله\s+عنه|عليه\s+السلام")
_BARE_OBJECT_LEMMAS = ("بين", "ذكر", "نقل", "طالب")
_RELATIVE_BEFORE = re.compile(r"(?<!\S)(?:التي|الذي|الذين|اللذين|اللتين|اللذان|اللتان)\s+$")
_TOPIC_LEMMAS = frozenset({"اوضح", "بين", "ابان", "كشف", "تحدث"})
_IN_IT = re.compile(r"\s*(?:فيها|فيه|خلالها|خلاله)(?!\S)")
KEEP = object()  # what a switched-off rule returns when the value it would change must stay as it is


def kept(value: Any, result: Any) -> Any:
    """`value` when a switched-off rule returned KEEP, else the rule's result."""
    return value if result is KEEP else result

TABANNA_CLAUSE = register(
    "tabanna_clause_before",
    "«الهجوم تبنته X»: with an object pronoun on تبنى, the claimed attack is the clause before the verb.",
    "عنوان\nوالهجوم على الحاجز تبنته جماعة مسلحة في بيان.")


@dataclass(slots=True)
class CueFrame:
    """One verb or participle cue with its frame; offsets index the folded text."""

    c: re.Match[str]
    verb: str | None
    form: str
    lemma: str
    kind: str
    cend: int  # end of the cue (after an addressed outlet)
    nxt: int  # start of the next head cue, or the sentence end
    subj_end: int = 0
    content_start: int | None = None
    at: int = field(init=False)  # start of the cue word itself (read often: kept, not recomputed)

    def __post_init__(self) -> None:
        self.at = self.c.start(self.c.lastgroup or 0)

    @property
    def bare(self) -> bool:
        """True when no complementizer was found: the content starts at the cue."""
        assert self.content_start is not None
        return self.content_start <= self.at


def quoted_name_slot(between: str) -> bool:
    """True when a «…» after the verb may be the subject's name: nothing before it, or a collective head
    ("طالب تحالف «فجر ليبيا» بحوار …")."""
    words = between.split()
    return not words or len(words) == 1 and words[0] in _NAMED_HEADS


def _naming_noun(word: str) -> bool:
    """ "ندوة", "بعنوان", "ديوانه" (a possessive suffix), "كتابها": a noun that a quoted title names."""
    w = word.lstrip("وب").removeprefix("ال")
    return w in _NAMING_NOUNS or any(w.endswith(s) and w[: -len(s)] in _NAMING_NOUNS for s in ("ها", "هم", "ه"))


class FrameFinder:
    """Mixin over `self.f` (folded text): the frame of a cue."""

    f: str
    _sa: int
    _subj_quote: tuple[int, int] | None

    def _comp(self, start: int, end: int, quotes: list[tuple[int, int]]) -> Any:
        """The first complementizer in [start, end), or the opening of a straight-quoted span before it."""
        comp = L.COMPLEMENTIZER_RE.search(self.f, start, end)
        while comp is not None and self.f[max(0, comp.start() - 4) : comp.start()] in _TEMPORAL_AN:
            comp = L.COMPLEMENTIZER_RE.search(self.f, comp.end(), end)  # "بعد أن فشل": "after", not "that"
        if comp is not None and self._relative_clause_between(start, comp.start()):
            comp = None
        stop = comp.start() if comp is not None else end
        for qa, _qb in quotes:
            if qa >= stop:
                break
            if qa >= start and self.f[qa] == '"' and len(self.f[qa:_qb].split()) >= 3:
                if re.search("[،,.]", self.f[start:qa]):
                    break  # "…، مشيراً إلى X، "وهو ما …"": a later aside, not the content
                return _Open(qa)  # a one-word «name» ("أوبك") stays in the subject
        return comp

    @rule("عنوان\nوهاجم الكاتب الحكومة التي تنكر الأزمة مما يجب أن يكون سببا للقلق.", off=False)
    def _relative_clause_between(self, start: int, comp_start: int) -> bool:
        """ "تنكر المحرقة مما يجب أن …": a relative «مما / وهو ما» opens a new clause; the أن after it is not
        the cue's complementizer."""
        return bool(_RELATIVE_MA.search(self.f, start, comp_start))

    def frame(self, c: re.Match[str], nxt: int, quotes: list[tuple[int, int]], clause_start: int) -> CueFrame | None:
        """The cue's frame, or None when it attributes nothing here."""
        verb = c.group("verb")
        form = verb or c.group("part")
        lemma, kind = L.VERB_FORM[verb] if verb else L.PARTICIPLE_FORM[form]
        fr = CueFrame(c, verb, form, lemma, kind, kept(c.end(), self._outlet_after_verb(c.end(), quotes)), nxt)
        fr.subj_end = fr.cend
        comp = self._complementizer(fr, quotes)
        if comp is not None and (verb or comp.start() - fr.cend <= 60):
            self._content_after_comp(fr, comp)
        elif lemma in PREP_LEMMAS:
            pm = L.PREP_CONTENT_RE.search(self.f, fr.cend, min(nxt, fr.cend + 120))
            if pm:
                fr.subj_end, fr.content_start = pm.start(), pm.start()
        if not self._content_or_bare(fr, clause_start):
            return None
        if not self._speech_frame(fr):
            return None
        if self._prayer(fr) or self._passive_considered(fr) or self._topic_of_a_speech(fr) or self._relative_act(fr):
            return None
        return fr

    def _content_after_comp(self, fr: CueFrame, comp: Any) -> None:
        f = self.f
        fr.subj_end = comp.start()
        g = comp.group()
        fr.content_start = comp.start() if g in OPEN_Q else comp.end()
        fr.content_start = kept(fr.content_start, self._pronoun_subject(comp))
        if g == ":":
            m2 = re.match(r"\s*(?:انها|انه|ان)?\s*", f[fr.content_start : fr.nxt])
            fr.content_start += m2.end() if m2 else 0

    def _content_or_bare(self, fr: CueFrame, clause_start: int) -> bool:
        """With no complementizer the content is the clause from the cue on ("أعلن X مسؤوليته عن …"), except
        for verbs whose frame needs one; تبنى («تبنت X الهجوم») must be about an attack."""
        f, c = self.f, fr.c
        if fr.lemma == "تبني":
            if fr.content_start is not None or not _ATTACK.search(f, clause_start, fr.nxt):
                return False
            object_first = fr.verb is not None and fr.verb.endswith(("ه", "ها"))
            if object_first and not is_on(TABANNA_CLAUSE):
                return False
            fr.content_start = clause_start if object_first else fr.at
        if fr.content_start is None:
            if fr.lemma in L.NEEDS_COMPLEMENTIZER and not described_as(f, c, fr.nxt) or (fr.lemma in _BARE_OBJECT_LEMMAS and not c.group("pre") and not (
                    fr.lemma == "طالب" and not f[self._sa : c.start("pre")].strip())):
                return False
            fr.content_start = fr.at
        return True

    def _speech_frame(self, fr: CueFrame) -> bool:
        """نقل reports only "نقل عن X"; مضى/اختتم only with بالقول or حديثه ("ومضى عام …" is no speech)."""
        f = self.f
        if fr.lemma == "نقل" and "عن" not in f[fr.cend : fr.subj_end]:
            return False
        if fr.lemma in L.QAWL_ONLY:
            said = f[fr.subj_end : fr.subj_end + 7].startswith("بالقول") or "حديث" in f[fr.cend : fr.subj_end]
            return said
        return True

    # -- named rules ---------------------------------------------------------------------------------------
    @rule("عنوان\nوذكرت المصادر أنهما من القارة الآسيوية.", off=KEEP)
    def _pronoun_subject(self, comp: Any) -> Any:
        """ "ذكرت المصادر أنهما من القارة …": a pronoun on the complementizer is the subject of the claim, so
        the content starts at the complementizer word («أنهما من …», not «من …»)."""
        m = _PRONOUN_COMP.fullmatch(comp.group())
        return KEEP if m is None else comp.start() + m.start(1)

    @rule("عنوان\nوأكد الباحث، في ندوة «الخط العربي في ميزان التاريخ»، أن المخطوط قديم.", off=None)
    def _named_quote(self, at: int, quotes: list[tuple[int, int]]) -> tuple[int, int] | None:
        """A quotation that names something (ندوة «…», كتاب «…», بعنوان «…», ديوانه الجديد «…», the noun one or two
        words before it) or is a formula of blessing («حفظه الله», «رحمه الله») is part of the sentence, not the
        content: the content starts later."""
        q = inside(at + 1, quotes)
        if q is None:
            return None
        before = re.split(r"[\n.،,:]", self.f[max(0, at - 30) : at])[-1].split()[-2:]
        if any(_naming_noun(w) for w in before) or _FORMULA.fullmatch(self.f[q[0] + 1 : q[1] - 1].strip()):
            return q
        return None

    @rule("عنوان\nوقال الطبيب إن الفحص ضروري. ويعتبر التصوير بالرنين أدق أنواع التصوير.", off=False)
    def _passive_considered(self, fr: CueFrame) -> bool:
        """ "يعتبر/يعد X Y" with no أن is the passive "X is considered Y", not a source's assessment."""
        if not (fr.bare and fr.verb in ("يعتبر", "تعتبر", "يعد", "تعد")):
            return False
        nxt = self.f[fr.cend : fr.cend + 40].split()[:1]
        w = nxt[0] if nxt else ""
        return not (w in L.SOURCE_HEADS or w in L.ROLE_WORDS or w.removeprefix("ال") in ORG_HEADS
                    or w in HUMAN_NOUNS)  # "وتعتبر السلطات التركية …": the authorities consider

    @rule("عنوان\nوقال المدرب إن الفريق جاهز. وبدأ المدرب الحصة بكلمة قصيرة أوضح فيها برنامج المرحلة المقبلة.",
          off=False)
    def _topic_of_a_speech(self, fr: CueFrame) -> bool:
        """ "ألقى كلمة أوضح فيها البرنامج", "فيديو يوضح فيه سبب …": an explaining verb (أوضح، بيّن، أبان، كشف،
        تحدث) in a relative clause on a speech (فيها / خلالها) with no complementizer names the speech's topic; it
        states no proposition. An asserting verb ("كلمة أكد فيها أهمية …") keeps its claim."""
        return fr.bare and fr.lemma in _TOPIC_LEMMAS and bool(_IN_IT.match(self.f, fr.cend))

    @rule("عنوان\nوقال الضابط إن البلاغ وصل مساء. واستجوبت الشرطة الأسرة التي أنكرت علاقتها بالمتهم.", off=False)
    def _relative_act(self, fr: CueFrame) -> bool:
        """ "الأسرة التي أنكرت علاقتها به", "الوزير الذي أعلن استقالته": a cue right after a relative pronoun with no
        complementizer of its own (none, or one only past a comma) is the journalist's description of an act, not a
        claim. "الذي أكد أن …", a forecast ("الحكومة التي توقعت انكماشا") and a relative on a speech ("تصريحاته
        التي أكد فيها التزام …") stay claims."""
        if fr.c.group("pre") or fr.kind == "prediction" or _IN_IT.match(self.f, fr.cend) \
                or not _RELATIVE_BEFORE.search(self.f, max(0, fr.at - 10), fr.at):
            return False
        assert fr.content_start is not None  # a complementizer past a comma belongs to a later clause
        return fr.bare or bool(re.search("[،,]", self.f[fr.cend : fr.content_start]))

    @rule("عنوان\nوقال مدير الأمن إن الحادث عرضي، داعيا الله أن يحفظ البلاد.", off=False)
    def _prayer(self, fr: CueFrame) -> bool:
        """دعا / داعياً + الله ("داعياً الله أن يحفظ …"): a prayer, not a call on anyone; it still ends the
        claim before it."""
        if fr.lemma != "دعا":
            return False
        return bool(_GOD.match(self.f, fr.c.end())) or self._god_addressed(fr)

    @rule("عنوان\nوقال الإمام خالد العمري إن الحادث مؤلم للجميع في المدينة.\nودعا إمام المسجد المولى القدير أن يحفظ "
          "البلاد من كل سوء.", off=False)
    def _god_addressed(self, fr: CueFrame) -> bool:
        """ "ودعا إمام المسجد المولى القدير أن …": God named right before the complementizer,
        after the subject, makes the cue a prayer too."""
        return fr.subj_end > fr.cend and bool(_GOD_BEFORE_COMP.search(self.f, fr.cend, fr.subj_end))

    @rule("عنوان\nوقال لـ«الوطن» خالد السالم إن المشروع تأخر.", off=KEEP)
    def _outlet_after_verb(self, cend: int, quotes: list[tuple[int, int]]) -> int:
        """ "وقال لـ«الوطن» X إن …": a short quoted outlet right after the verb is skipped; the subject follows."""
        addr = _ADDR_AFTER.match(self.f, cend)
        if addr is not None and (q := inside(addr.end() + 1, quotes)) is not None \
                and len(self.f[q[0] : q[1]].split()) <= 3:
            return q[1]
        return cend

    def _complementizer(self, fr: CueFrame, quotes: list[tuple[int, int]]) -> Any:
        comp = self._comp(fr.cend, min(fr.nxt, fr.cend + 260), quotes)
        if comp and comp.group() == "":
            comp = None
        while comp is not None and comp.group() in OPEN_Q and (q := self._named_quote(comp.start(), quotes)):
            comp = self._comp(q[1], min(fr.nxt, fr.cend + 260), quotes)
        self._subj_quote = None
        if comp is not None and comp.group() in OPEN_Q:
            comp = kept(comp, self._outlet_addressed(fr, comp, quotes))
        if comp is not None and comp.group() in OPEN_Q and quoted_name_slot(self.f[fr.cend : comp.start()]):
            comp = kept(comp, self._quoted_subject(fr, comp, quotes))
        while comp is not None and comp.group() in OPEN_Q \
                and (q := self._quoted_phrase_in_sentence(comp.start(), quotes, fr.nxt)):
            comp = self._comp(q[1], min(fr.nxt, fr.cend + 260), quotes)
        return comp

    @rule("عنوان\nوقال مدير شركة «النور للتجارة» إن المبيعات ارتفعت.", off=None)
    def _quoted_phrase_in_sentence(self, at: int, quotes: list[tuple[int, int]], nxt: int) -> tuple[int, int] | None:
        """A short quoted phrase (four words at most) that the sentence goes on after is a name («الشرق الأوسط»,
        شركة «أدنوك للتوزيع») or a scare quote («بغير وجه حق») inside the sentence, not the content: the content
        is found after it. After a colon («قائلاً: «هو يشبهني»، …») or at the sentence end it is the content."""
        q = inside(at + 1, quotes)
        if q is None or len(self.f[q[0] : q[1]].split()) > 4 or self.f[max(0, at - 3) : at].rstrip().endswith(":"):
            return None
        return None if re.match(r"[\s.!؟?،,]*$", self.f[q[1] : nxt]) else q

    @rule("عنوان\nوقال الوزير في تصريح لـ«برنامج صباح الخير من جدة» إن المشروع تأخر.", off=KEEP)
    def _outlet_addressed(self, fr: CueFrame, comp: Any, quotes: list[tuple[int, int]]) -> Any:
        """ "في تصريح لـ«عكاظ» إن …": a quote after لـ/إلى is the outlet addressed, not the content."""
        q = inside(comp.start() + 1, quotes)
        if q is None or not _ADDRESSEE.search(self.f, max(0, comp.start() - 6), comp.start()):
            return comp
        return self._comp(q[1], min(fr.nxt, fr.cend + 260), quotes)

    @rule("عنوان\nوطالب «تجمع المهنيين» بإطلاق سراح المعتقلين.", off=KEEP)
    def _quoted_subject(self, fr: CueFrame, comp: Any, quotes: list[tuple[int, int]]) -> Any:
        """«اسم الجماعة» right after the verb (or after a collective head) is the subject's name, not the
        content, when the sentence goes on after it; the content is what follows."""
        q = inside(comp.start() + 1, quotes)
        if q is None or len(self.f[q[0] : q[1]].split()) > 7 or re.match(r"\s*[.:،,]|\s*$", self.f[q[1] : fr.nxt]):
            return comp
        self._subj_quote = q
        nc = self._comp(q[1], min(fr.nxt, fr.cend + 260), quotes)
        return None if nc is None or nc.group() in (*OPEN_Q, "") else nc

