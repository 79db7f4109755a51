"""Cue filters for the Arabic extractor: reporting-verb look-alikes dropped before attribution.

Each filter is a named rule (`arabic_patterns`): it receives the folded text and a cue match and returns
True when the match is not a reporting cue. `plausible()` runs them all.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from claimtrack.extract import arabic_lexicon as L
from claimtrack.extract.arabic_nonclaims import author_belief
from claimtrack.extract.arabic_patterns import enabled, rule
from claimtrack.extract.arabic_rules import (
    EXPECTED_BEFORE,
    Open,
    relative_ma_subject,
)

_OPINION = frozenset({"راي", "اعتقد", "استبعد", "توقع", "رجح"})
_NEGATION_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:لا|لم|لن)\s*$")
_AMBIG_MID = frozenset({"بين", "تابع", "استبعد"})  # also "between" / "affiliated" / "excluded"
_ASIDE = re.compile(r"(?<!\S)(?:جانبه|جانبها|جانبهم|جهته|جهتها|جهتهم|بدوره|بدورها|بدورهم)\s*$")
_MASDAR_AFTER = re.compile(r"(?<!\S)[وف]?(?:تم|جري|يتم|يجري|سيتم|سيجري)\s+$")
_AN_AFTER = re.compile(r"(?<!\S)عن(?!\S)")
_PART_COMP = re.compile(r"\s*(?:(?:الي|علي|على|من|ب)\s*)?(?:ان|انه|انها|انهم|بان)(?!\S)|\s*:")
WA_ANNA = re.compile(r"(?<!\S)وان(?:ه|ها|هم)?(?!\S)")
PREP_LEMMAS = frozenset({"كشف", "اعرب"})  # "تحدث عن X" names a topic, not a proposition
NEG_PARTICLES = frozenset("لم لن لا ما قد ولم ولن ولا وما وقد فلم فلن فلا فقد".split())


def _lemma(c: re.Match[str]) -> str:
    v = c.group("verb")
    return L.VERB_FORM[v][0] if v else ""


def _prev_char(f: str, s: int) -> str:
    k = s - 1
    while k > 0 and f[k] == " ":
        k -= 1
    return f[k] if k >= 0 else ""


@rule("عنوان\nوأكد سالم العتيبي أن اللجنة اجتمعت، رافضا ذكر أن الموعد تأجل.", off=False)
def _dhikr_verbal_noun(f: str, c: re.Match[str]) -> bool:
    """Bare ذكر right after a word is the verbal noun "mentioning" ("رافضاً ذكر اسمه"), not "he said"."""
    s = c.start("pre")
    return c.group("verb") == "ذكر" and not c.group("pre") and f[max(0, s - 2) : s].strip().isalpha()


_NEED_SUBJECT = re.compile(r"\s+(?:ال)?(?:حاجه|ضروره|ظروف|مصلحه|حاجات)(?![\u0621-\u064A])")


@rule("عنوان\nوقال المدير إن الفرق جاهزة للتدخل متى ما دعت الحاجة لذلك.", off=False)
def _need_calls_for(f: str, c: re.Match[str]) -> bool:
    """ "متى ما دعت الحاجة", "إذا دعت الضرورة إلى ذلك": «دعا» with an abstract need as its subject is the idiom
    "when necessary", not a source calling for something."""
    return "دع" in c.group() and _lemma(c) == "دعا" and bool(_NEED_SUBJECT.match(f, c.end()))


_ADAM_BEFORE = re.compile(r"(?<!\S)(?:عدم|بعدم|لعدم)\s+$")


@rule("عنوان\nوقال الشاهد، الذي طلب عدم كشف اسمه، “سمعنا دوي انفجار قوي”.", off=False)
def _verbal_noun_after_adam(f: str, c: re.Match[str]) -> bool:
    """ "طلب عدم كشف اسمه", "بعدم إعلان النتائج": a bare cue word after «عدم» ("not …-ing") is a verbal noun, not
    a reporting verb; its "subject" («اسمه») is its object."""
    s = c.start("pre")
    return "عدم" in f[max(0, s - 7) : s] and bool(c.group("verb")) and not c.group("pre") \
        and bool(_ADAM_BEFORE.search(f, max(0, s - 7), s))


@rule("عنوان\nوأحالت النيابة 20 متهما إلى المحكمة أن القضية اكتملت.", off=False)
def _accused_not_accusing(f: str, c: re.Match[str]) -> bool:
    """متهماً after a number or a word is "accused" (a noun), not the participle "accusing"."""
    s = c.start("pre")
    return c.group("part") == "متهما" and f[max(0, s - 2) : s].strip() not in ("،", ",")


@rule("عنوان\nوجمع اللقاء بين الوزير والسفير أن التعاون مستمر.", off=False)
def _ambiguous_verb_mid_clause(f: str, c: re.Match[str]) -> bool:
    """بين / تابع / استبعد right after a word, with no و/ف, are "between" / "affiliated" / "excluded"."""
    s = c.start("pre")
    v = c.group("verb")
    if not v or c.group("pre") or _lemma(c) not in _AMBIG_MID or (v in L.IMPERFECT and _lemma(c) == "استبعد"):
        return False
    k = s - 1
    while k > 0 and f[k] == " ":
        k -= 1
    return k >= 0 and (f[k].isalpha() or f[k] in "»”\"") and not _ASIDE.search(f, max(0, s - 12), s)


@rule("عنوان\nومن المنتظر أن يعلن الوزير أن الميزانية اكتملت.", off=False)
def _expected_act(f: str, c: re.Match[str]) -> bool:
    """ "ومن المقرر أن يعلن …", "وينتظر أن يدعو …": an act expected in the future, not a claim made."""
    s = c.start("pre")
    return bool(c.group("verb")) and bool(EXPECTED_BEFORE.search(f, max(0, s - 20), s))


@rule("عنوان\nوقال الوزير إن المصنع يعمل. ولم تعلن أي جهة أن المصنع أغلق.", off=False)
def _negated_cue(f: str, c: re.Match[str]) -> bool:
    """A negated reporting verb ("ولم تعلن أي جهة …", "ولا يتهم أحد …", "لا ينكر أحد أن …") attributes nothing
    to anyone; verbs of opinion keep their negation inside the assessment ("لا يرى أن …")."""
    v = c.group("verb")
    if not v or c.group("pre") or _lemma(c) in _OPINION:
        return False
    s = c.start("pre")
    return bool(_NEGATION_BEFORE.search(f[max(0, s - 6) : s]))


@rule("عنوان\nوقال المدرب إن الفريق جاهز. ويذكر أن المهرجان انطلق قبل عشر سنوات.", off=False)
def _yudhkar_aside(f: str, c: re.Match[str]) -> bool:
    """ "ويذكر أن …" / "يذكر أن …": the journalist's background aside, impersonal, no source."""
    v = c.group("verb")
    return bool(v) and (v == "يذكر" or c.group("pre") + v == "ويذكر") and bool(re.match(r"\s*ان(?!\S)", f[c.end() :]))


@rule("عنوان\nوقال المدرب إن الفريق جاهز. وقد أخطأ من قال إن المباراة ألغيت.", off=False)
def _whoever_said(f: str, c: re.Match[str]) -> bool:
    """ "كذب من قال …": "whoever said", no source."""
    s = c.start("pre")
    return bool(c.group("verb")) and not c.group("pre") and f[max(0, s - 4) : s].split()[-1:] == ["من"]


@rule("عنوان\nوقال الوزير إن الأسعار ارتفعت. وهو ما يشير إلى أن الطلب تضاعف.", off=False)
def _relative_ma(f: str, c: re.Match[str]) -> bool:
    """ "وهو ما يشير إلى أن …", "مما يؤكد …": the journalist's inference, no source."""
    return bool(c.group("verb")) and not c.group("pre") and relative_ma_subject(f, c.start("pre"))


@rule("عنوان\nوقال المدير إن المخزون كاف. وتم كشف أن بعض المواد فاسدة.", off=False)
def _verbal_noun_after_tamma(f: str, c: re.Match[str]) -> bool:
    """ "تم نقل …", "جرى ذكر …": a verbal noun after تم/جرى, not a finite verb."""
    s = c.start("pre")
    return bool(c.group("verb")) and not c.group("pre") and bool(_MASDAR_AFTER.search(f, max(0, s - 8), s))


@rule("عنوان\nوقال المدير إن العمال نقلوا المعدات إلى الموقع أن العمل انتهى.", off=False)
def _naql_needs_an(f: str, c: re.Match[str]) -> bool:
    """نقل reports speech only as "نقل عن X"; otherwise it is "transported"."""
    return _lemma(c) == "نقل" and not _AN_AFTER.search(f, c.end(), c.end() + 60)


@rule("عنوان\nوفرضت الشرطة حراسة مشددة على المبنى أن أحدا لم يدخل.", off=False)
def _participle_as_adjective(f: str, c: re.Match[str]) -> bool:
    """A feminine or plural participle ("مشددة", "مؤكدين") with no comma before it and no complementizer
    after it is an adjective ("حراسة مشددة"), unless كما/ثم opens it."""
    part = c.group("part")
    if not part or part.endswith("ا"):
        return False
    if _PART_COMP.match(f, c.end()) or _prev_char(f, c.start("pre")) in "،,":
        return False
    return c.group("pre") in ("", "و", "ف")


@rule("عنوان\nوقالت الشركة إن الأرباح تراجعت، كما زعم المحلل أن السوق انهار.", off=False)
def _kama_zaama(f: str, c: re.Match[str]) -> bool:
    """ "كما زعم/ادعى …": "as X claimed" marks the content of a rejection, it is not a new claim."""
    return c.group("pre").startswith("كما") and bool(c.group("verb")) and _lemma(c) in ("زعم", "ادعي")


_REPORT_NOUN = re.compile(r"(?:\S+\s+){0,4}?(?:[وب]?ال)?(?:انباء|اخبار|خبر|تقارير|تقرير|شائعات|شائعه|ادعاءات|مزاعم"
                          r"|اتهامات|روايه|تصريحات|ما\s+(?:نشر|تردد|اشيع|تداول|ورد|ذكر))(?!\S)")


@rule("عنوان\nوقال المحلل إن الكذب لا يدوم. كذب الشاعر في قصيدته أن البحر هادئ.", off=False)
def _lie_not_belie(f: str, c: re.Match[str]) -> bool:
    """Bare كذب is mostly the noun "a lie" or "he lied"; it denies ("وكذّب المتحدث الأنباء عن …") only when
    a report (الأنباء، التقارير، الشائعات، ما نشر …) is its object within a few words."""
    return c.group("verb") == "كذب" and not _REPORT_NOUN.match(f, c.end() + 1)


_CONDITIONAL_BEFORE = re.compile(r"(?:^|\s)[وف]?(?:(?:اذا|لو)(?:\s+(?:كان|كانت|كانوا))?|ان\s+(?:كان|كانت|كانوا))\s+(?:من\s+)?$")


@rule("عنوان\nوقال المدير إن المساجد ستبقى عامرة. وإذا كانوا يعتقدون أننا سنخاف فهم مخطئون.", off=False)
def _conditional_cue(f: str, c: re.Match[str]) -> bool:
    """ "وإذا كانوا يعتقدون أن …", "لو قال أحد إن …", "إذا كان من يعتقد أن …": a reporting verb inside a
    condition is a hypothetical, not a claim anyone made."""
    if not c.group("verb") or c.group("pre"):
        return False
    s = c.start("pre")
    before = f[max(0, s - 20) : s]
    return ("اذا" in before or "لو" in before or "كان" in before) and bool(_CONDITIONAL_BEFORE.search(before))


CUE_FILTERS = (_dhikr_verbal_noun, _verbal_noun_after_adam, _need_calls_for, _accused_not_accusing, _ambiguous_verb_mid_clause, _expected_act, _negated_cue,
               _yudhkar_aside, _whoever_said, _relative_ma, _verbal_noun_after_tamma, _naql_needs_an,
               _participle_as_adjective, _kama_zaama, _lie_not_belie, _conditional_cue, author_belief)
# the filters that can reject a verb cue, and those that can reject a participle (prepositions have none)
_VERB_FILTERS = tuple(f for f in CUE_FILTERS if f not in (_accused_not_accusing, _participle_as_adjective))
_PART_FILTERS = (_accused_not_accusing, _participle_as_adjective)


def plausible(f: str, c: re.Match[str]) -> bool:
    """True when no filter rejects the cue."""
    kind = c.lastgroup
    if kind == "prep":
        return True
    for flt in enabled(_VERB_FILTERS if kind == "verb" else _PART_FILTERS):  # noqa: SIM110 (a loop: no generator, hot)
        if flt(f, c):
            return False
    return True


class CueFilters:
    """Mixin over `self.f` (folded text) and `self._comp`: the cue-list filters that need the sentence."""

    f: str
    _comp: Callable[[int, int, list[tuple[int, int]]], re.Match[str] | Open | None]

    def _plausible(self, c: re.Match[str]) -> bool:
        return plausible(self.f, c)

    def _drop_bare(self, cues: list[re.Match[str]], sb: int, quotes: list[tuple[int, int]]) -> list[re.Match[str]]:
        """Drop a verb that needs a complementizer and has none before the sentence ends ("تكهنات تتحدث عن
        فقدان …", "وبين قيادة …"): it attributes nothing, so it must not cut the claim before it."""
        kept = []
        for i, c in enumerate(cues):
            v = c.group("verb")
            if v and L.VERB_FORM[v][0] in L.NEEDS_COMPLEMENTIZER and L.VERB_FORM[v][0] not in PREP_LEMMAS:
                # a complementizer after the next head cue belongs to that cue ("الأخبار التي تحدثت عن …، وأوضح أن")
                lim = min(sb, c.end() + 260,
                          *(x.start("pre") for x in cues[i + 1 :] if x.group("verb") or x.group("part")))
                if self._comp(c.end(), lim, quotes) is None and not described_as(self.f, c, lim):
                    continue
            kept.append(c)
        return kept

    def _drop_embedded(self, cues: list[re.Match[str]]) -> list[re.Match[str]]:
        """Drop an imperfect verb right after a noun inside an earlier claim's content ("إن الأرقام تؤكد …")."""
        f = self.f
        kept: list[re.Match[str]] = []
        for c in cues:
            v, s = c.group("verb"), c.start("pre")
            head = next((h for h in reversed(kept) if not h.group("prep")), None)
            if v in L.IMPERFECT and not c.group("pre") and head is not None \
                    and L.COMPLEMENTIZER_RE.search(f, head.end(), s) and embedded_verb(f, s):
                continue
            if head is not None and v and c.group("pre").strip() in ("", "قد") and head.group("verb") \
                    and inside_colon_speech(f, head.end(), s):
                continue
            kept.append(c)
        return kept


@rule("عنوان\nوقال الوزير إن الأرقام تؤكد أن الاقتصاد تعافى.", off=False)
def embedded_verb(f: str, s: int) -> bool:
    """An imperfect verb right after a noun inside an earlier claim's content ("إن الأرقام تؤكد أن …",
    "أن الحركة لن تبدي …") is part of that content, not a new attribution."""
    prev = f[max(0, s - 30) : s].split()
    if prev and prev[-1].isalpha() and prev[-1] not in NEG_PARTICLES:
        return True
    return len(prev) >= 2 and prev[-1] in ("لا", "لن", "لم") and prev[-2].isalpha() \
        and prev[-2] not in NEG_PARTICLES and prev[-2] not in ("ان", "انه", "انها")





_SPEECH_COLON = re.compile(r"(?:\s*\S+){0,5}?\s*:(?!\S)")
_QUOTE_AFTER_COLON = re.compile(r"\s*(?:(?:ان|انه|انها)\s*)?[«“\"]")


@rule("عنوان\nوقال الأمير فيصل بن خالد إن المنطقة آمنة.\nوأضاف سموه : قد وصف العلماء هؤلاء المجرمين بأنهم "
      "أعداء الدين، ولن نتوقف عن ملاحقتهم.", off=False)
def inside_colon_speech(f: str, head_end: int, s: int) -> bool:
    """ "وأضاف سموه : قد وصف العلماء هؤلاء بأنهم …": unquoted speech after a colon runs to the end of the
    sentence; a reporting verb inside it with no conjunction of its own (the narrator's "وقال"/"مشيراً" start a
    new attribution) is part of what the speaker says."""
    m = _SPEECH_COLON.match(f, head_end, s)
    return m is not None and m.end() < s and not _QUOTE_AFTER_COLON.match(f, m.end(), s)


_BI_DESCRIPTION = re.compile(r"(?<!\S)(?:بال|بان)\S{2,}")


@rule("عنوان\nووصف المتحدث الرسمي الهجوم على القرية بالعمل الإجرامي الجبان.", off=False)
def described_as(f: str, c: re.Match[str], end: int) -> bool:
    """ "وصف X الهجوم بالعمل الإجرامي": وصف with a بـ + definite description (or بأنه) has its whole frame
    without أن; the claim runs from the verb."""
    v = c.group("verb")
    return bool(v) and L.VERB_FORM[v][0] == "وصف" and bool(_BI_DESCRIPTION.search(f, c.end(), end))
