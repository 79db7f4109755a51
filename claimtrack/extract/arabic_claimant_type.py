"""Claimant validity: is a resolved Arabic speaker a source at all, and of which type?

A claimant is a person, an organisation (or government, country, outlet), a role ("وزير الخارجية") or a
described source ("مصدر عسكري", "المراقبون"). It is never a time expression, a conjunction or particle, a
preposition phrase, a verb or a verbal noun («بقوله», «مقاله»), an auxiliary verb («كانوا», «ومضى»), a pronoun, a
discourse marker («جانبه»), a possessed noun («حسابها»), a bare adjective cut from a longer name («الاقتصادي»,
«المنكر»), a head noun whose name was cut off («شركة», «راديو»), scripture («الله تعالى», a vowelled verse), or an
event. `classify` gives the typed verdict; `Resolver.verdict` adds what needs the document (a family name written
after a first name is a person; an imperfect verb never written after one is not).
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import pycountry

from claimtrack.extract.arabic_lexicon import (
    BLESSINGS,
    DAY_WORDS,
    FIRST_NAMES,
    HONORIFICS,
    MANNER_ADVERBS,
    PARTICIPLE_FORM,
    ROLE_WORDS,
    SOURCE_HEADS,
    VERB_FORM,
)
from claimtrack.extract.arabic_patterns import rule
from claimtrack.extract.base import ActorRef
from claimtrack.extract.gazetteer import gazetteer
from claimtrack.text import fold


class ClaimantType(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    ROLE = "role"
    DESCRIBED = "described source"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Verdict:
    """The type of a claimant and, when it is no source, why."""

    type: ClaimantType
    valid: bool
    reason: str = ""


_TIME = frozenset("""امس اليوم غدا مساء صباح ظهر عصر ليل ليله فجر الساعه ساعه بعد قبل خلال منذ حين عندما اثناء انذاك حينها وقتها
    دقيقه دقائق
    الاسبوع الشهر العام السنه الماضي المقبل الحالي اول امس البارحه مؤخرا حاليا الان""".split()) | DAY_WORDS
_PARTICLES = frozenset("""و ف ثم او لكن بل كما بينما فيما حيث اذ اذا لو لم لن لا ما قد لقد ان انه انها انهم بان
    ولم ولن ولا وما وقد فلم فلا فقد وبعد وفي وعلي ومن وعن والي ايضا كذلك غير سوي الا اما عدم بعدم بشرط شرط
    ثلاثه اربعه خمسه سته سبعه ثمانيه تسعه عشره اثنان اثنين لمن لما الله سبحانه تعالي الاكثر الاقل افضل اكثر
    اقل هل وهل بما مما لما وفيما وبينما فيما بينما عنها عنه عنهم فقط دون بدون فضلا علاوه خاصه بلا اولا ثانيا ثالثا رابعا خامسا
    سادسا سابعا شهريا سنويا يوميا اسبوعيا والا""".split())
_PREPOSITIONS = frozenset("""في علي الي عن من مع لدي عند حول ضد عبر نحو تجاه بين امام وراء خلف فوق تحت
    به بها بهم له لها لهم لنا خلاله خلالها منه منها فيه فيها""".split())  # and with a pronoun: «به مصادر»
_PRONOUNS = frozenset("""هو هي هم هما هن نحن انا انت انتم انتما هذا هذه ذلك تلك هؤلاء اولئك الذي التي الذين اللذان
    اللتان والذي والتي والذين""".split())
# a speech or writing noun, or an attitude noun, with a possessive pronoun: «بقوله», «مقاله», «خطابها», «أمله»
_VERBAL_NOUNS = re.compile(r"^(?:ب|ل|و)?(?:قول|تاكيد|تصريح|تصريحات|حديث|اشار|نفي|اعلان|كلام|مقال|خطاب|بيان|رد|تعليق"
                           r"|جواب|تغريد|استعداد|امل|اسف|قلق|ارتياح|شكر|تقدير|تفهم|تاييد|ترحيب)(?:ه|ها|هم|هما)$")
# discourse markers with a pronoun that open a clause («ومن جانبه، يقول X»): never the speaker
_DISCOURSE = frozenset("""جانبه جانبها جانبهم جهته جهتها جهتهم ناحيته ناحيتها ناحيتهم بدوره بدورها بدورهم نفسه نفسها
    انفسهم ذاته ذاتها""".split())
# auxiliary and narrative verbs («كانوا», «ومضى», «تكن») that the reporting-verb tables do not hold
_AUXILIARY = frozenset("""كان كانت كانوا كنت كنا يكون تكون يكونوا يكن تكن ليس ليست لست ظل ظلت بات باتت اصبح اصبحت
    صار صارت مضي عاد عادت اردف تابع تابعت اختتم اختتمت ختم""".split())
# a conjunction fused to a past verb («وبثت», «وقامت») or an imperfect one («ويرى»): a clause, never a name
CONJOINED_VERB = re.compile(r"^[وف](?:\S{2,3}ت|[يت]\S{3,4})$")
_HARAKAT = re.compile("[\u064b-\u0652]")
_SCRIPTURE = frozenset("تعالي وتعالي سبحانه وجل".split())  # «قال الله تعالى»: scripture quoted, no news source
# a bare head noun whose name was cut off («شركة», «راديو»): it names no one
_BARE_HEADS = frozenset("راديو تلفزيون اذاعه شبكه مجله مدينه مستشفي".split())  # and ORG_HEADS, below
_POSSESSED = re.compile(r"^\S{3,}(?:ها|هم|هما|هن|كم|نا)$|^\S{2,}(?:اءه|ته)$")  # حسابها، لقاءه، كلمته
_POSSESSED_PRONOUN = re.compile(r"^\S{3,}(?:ها|هم|هما|هن)$")
_NISBA = re.compile(r"^(?:ال)\S{2,}(?:ي|يه)$")
_GROUP_PLURAL = re.compile(r"^(?:ال)?\S{3,}(?:ون|ين|يون|يين)$")  # المراقبون، المحتجين، المسؤولين
_EVENTS = frozenset("""قصف هجوم هجمات احداث تطورات حادث حادثه اوضاع ظروف انفجار انفجارات تفجير تفجيرات اشتباكات
    هتافات شعارات اسعار ارتفاع انخفاض تراجع قرعه مباراه مظاهرات تظاهرات احتجاجات مسيرات غارات""".split())
_THINGS = frozenset("""ليره دولار يورو ريال جنيه دينار عمله اسهم سهم اسعار سعر نفط خام سوق اسواق مؤشر مؤشرات
    انتاج صادرات واردات حقول حقل""".split())  # «الليرة التركية» is no source
_FIRST_PERSON_VERB = re.compile(r"^[نا](?:\S{3,})$")
_VERB_WITH_OBJECT = re.compile(r"^ن\S{3,}(?:هم|ها|كم)$")  # «نسمعهم»: "we hear them"
_SECOND_PERSON = frozenset("رايك رايكم كلامك".split())  # «اكتب رأيك» of a share bar: "your opinion"
SOURCE_NOUNS = frozenset("""وكاله الوكاله صحيفه الصحيفه موقع الموقع قناه القناه تلفزيون التلفزيون اذاعه الاذاعه
    بيان البيان بيانات تقرير التقرير تقارير دراسه الدراسه احصاءات الاحصاءات ارقام الارقام معلومات المعلومات
    تقديرات التقديرات شبكه الشبكه مصادر المصادر مصدر المصدر شهود الشهود وثيقه الوثيقه الاحصائيه الشرطه
    البلديه الامانه الاداره العماده الجامعه الرئاسه الحكومه السلطات الجيش الهيئه اللجنه المجلس المحكمه
    النيابه الوزاره الشركه البنك المجموعه الجمعيه النقابه الاتحاد النادي المنتخب المستشفي الصحه""".split())
HUMAN_NOUNS = frozenset("""الضابط الشاهد الطبيب الطبيبه الرجل المراه الشاب الفتاه الطفل المواطن المواطنه الحارس الجندي
    السائق الموظف الموظفه المعلم المعلمه الطالب الطالبه المريض الضحيه المتهم الجاني المبلغ الصحفي المراسل الناشط
    الناشطه المحتج المحامي المحاميه الاب الام الزوج الزوجه الشقيق الشقيقه الاهالي السكان الجيران اللاعب المدرب
    الكاتب الكاتبه الشاعر الشاعره الفنان الفنانه المخرج الممثل الممثله""".split())
_DESCRIBED_HEADS = frozenset("مصدر مصادر شاهد شهود مسؤول مسؤولون مسؤولين خبراء محللون مراقبون ناشطون".split())
ORG_HEADS = frozenset("""وزاره هيئه مجلس لجنه حكومه شركه جمعيه نقابه اتحاد حزب حركه جماعه تنظيم جبهه منظمه مركز مؤسسه
    وكاله صحيفه قناه موقع شرطه جيش قوات سلطات رئاسه اداره اماره امانه بلديه جامعه محكمه نيابه بنك مجموعه ائتلاف
    تحالف مكتب مديريه مرصد خارجيه داخليه""".split())
# an indefinite person noun in -ة or -ات: a described source («قالت امرأة», «أكدت مواطنة»)
_HUMAN_SINGLE = frozenset({w.removeprefix("ال") for w in HUMAN_NOUNS} | set("""امراه سيده فتاه شابه طالبه موظفه
    ممرضه مديره متحدثه باحثه خبيره مسؤوله رئيسه عضوه ناشطه مواطنه طبيبه معلمه قياده قيادات جهات""".split()))
_COLLECTIVES = frozenset("البعض بعضهم كثيرون الكثيرون اخرون الاخرون".split())
_ORG_KINDS = frozenset({"organisation", "government", "country", "media"})


@lru_cache(maxsize=1)
def _imperfect_stems() -> frozenset[str]:
    """Imperfect verb stems ("ؤكد", "توقع") to recognise first-person forms ("نتوقع", "اؤكد")."""
    return frozenset(f[1:] for f in VERB_FORM if f[0] in "يت" and len(f) > 3)


def _is_verb(word: str) -> bool:
    if word in VERB_FORM or word in PARTICIPLE_FORM and not word.endswith("ين") or word in _AUXILIARY:
        return True
    bare = word[1:] if word[:1] in "وف" and len(word) > 3 else ""
    if bare and (bare in VERB_FORM or bare in _AUXILIARY):
        return True  # «ومضى», «وكانوا»
    stem = (bare or word).removesuffix("ن")
    if stem != (bare or word) and stem in VERB_FORM:
        return True  # «وأكدن», «أشرن»: a feminine plural verb
    return bool(_FIRST_PERSON_VERB.match(word)) and word[1:] in _imperfect_stems() or bool(_VERB_WITH_OBJECT.match(word))


def _invalid_word(w0: str, words: list[str]) -> str:
    """Why the first word rules the surface out as a source ("" when it does not)."""
    if w0 in _TIME:
        return "time expression"
    if w0 in _PARTICLES:
        return "conjunction or particle"
    if w0 in _PREPOSITIONS and w0 != "علي" or w0.startswith(("بال", "لل")) and len(words) == 1:
        return "preposition phrase"
    if w0 in _PRONOUNS:
        return "pronoun"
    if w0 in _DISCOURSE:
        return "discourse marker"
    if w0 in MANNER_ADVERBS:
        return "adverb"
    if w0 in BLESSINGS:
        return "blessing"  # «رضي الله عنه»
    if w0 in _SECOND_PERSON:
        return "possessed noun"
    if _VERBAL_NOUNS.match(w0) or any(_VERBAL_NOUNS.match(w) for w in words[1:]):
        return "verbal noun"
    if any(w in _SCRIPTURE for w in words):
        return "scripture"
    if len(words) > 1 and _POSSESSED_PRONOUN.match(w0) and w0 not in FIRST_NAMES:
        return "possessed noun"  # «بدءها مطلع العام»
    if _is_verb(w0) or w0.startswith("م") and w0.endswith("ا") and len(w0) >= 5 and w0 not in FIRST_NAMES:
        return "verb"  # "متحدثاً لوهلة": an accusative participle, not a name
    if w0 in _EVENTS or w0.removeprefix("ال") in _EVENTS:
        return "event"
    if w0.removeprefix("ال") in _THINGS:
        return "thing"
    return ""


# connectives of the writer's own reasoning («ولذلك أعتقد», «ولاشك أن», «لعل»): the voice of the text, no source
WRITER_CONNECTIVES = frozenset("لذلك ولذلك لهذا ولهذا لاشك ولاشك لعل ولعل ربما وربما".split())
COMMON_WORD = "common word, no name"  # a family name only when written right after a first name
# a style of address with no name after it («صاحب السمو», «معالي»): it names no one
_STYLES = frozenset("صاحب السمو الملكي سمو معالي فضيله سعاده سماحه فخامه جلاله".split())
_VERBAL_NOUN_HEAD = re.compile(r"^ت\S{2}ي\S(?:ات)?$")  # «تنويع», «تشكيل», «تعويضات»: form-II verbal nouns
# … except those that name a source: «تقرير المركز», «تحقيقات النيابة», «تسريبات إعلامية»
_REPORT_NOUNS = frozenset("""تقرير تقارير تحقيق تحقيقات تسريب تسريبات تصريح تصريحات تحليل تنظيم تنظيمات تعميم
    تعليم تدريب""".split())  # «تعليم نجران»: the education directorate
_FORM_VIII_PAST = re.compile(r"^[وف]?ا\Sت\S{1,2}ت$")  # «ارتبطت», «اعتقدت», «اشتكت»: a past verb, feminine
_COMMON_NOUN = re.compile(r"^\S{3,}ة$")  # «موافقة», «اجتماعية» (as written): no personal name
_BUT_PRONOUN = re.compile(r"^[وف]?(?:لكن|لان|كان|ان)(?:ه|ها|هم|هما|هن)$")  # «لكنهم», «لأنه», «كأنها»
_LI_POSSESSED = re.compile(r"^[^ا]\S{2,}ي$")  # «لي زميلي»: "to me, my colleague"


@rule("عنوان\nوقال الوزير إن العمل مستمر. وقال لي صديقي إن الطريق مغلق.", off="")
def _no_name(words: list[str], raw: list[str]) -> str:
    """Why a surface that passed the word tests still names no one: a connective of the writer's reasoning
    («ولذلك», «ولاشك»), a style with no name («صاحب السمو»), a
    hadith formula («صلى الله عليه وسلم»), a verbal noun heading it («تنويع الاقتصاد»), «لي» + a possessed noun
    («لي زميلي»), or an unnamed poet («الشاعر»: a verse follows). One word: a conjunction fused to a word
    («وغربه», «واستيفاء»), a feminine past verb («ارتبطت»), a noun in -ة («موافقة», «اجتماعية»; `raw` holds the
    words as written: «علي» is a name, «على» a preposition) unless it names a person («امرأة», «مواطنة»). Family names
    written after a first name are let through by the resolver."""
    w0, first = words[0], raw[0]
    if w0 in WRITER_CONNECTIVES:
        return "the writer's connective"
    if _BUT_PRONOUN.match(w0):
        return "pronoun"  # «لكنهم يقولون»: "but they", the subject named before
    if all(w in _STYLES for w in words):
        return "style without its name"
    if "صلي" in words and "وسلم" in words:
        return "scripture"
    if words == ["الشاعر"]:
        return "unnamed poet"  # a verse follows, unless the resolver finds the poet named earlier
    if _VERBAL_NOUN_HEAD.match(w0) and w0 not in FIRST_NAMES and w0 not in _REPORT_NOUNS and len(words) > 1:
        return "verbal noun"
    if w0 == "لي" and len(words) > 1 and _LI_POSSESSED.match(words[1]) or len(words) > 1 and words[-1] in _PREPOSITIONS \
            and raw[-1] != "علي":
        return "preposition phrase"  # «لي زميلي», «جلست على»: a name never ends on a preposition
    if len(words) > 1 or w0 in FIRST_NAMES or w0 in HONORIFICS or w0 in ORG_HEADS or w0 in _BARE_HEADS:
        return ""
    if w0[0] == "و" and len(w0) >= 4 and w0 not in FIRST_NAMES:
        return COMMON_WORD
    if _FORM_VIII_PAST.match(w0):
        return "verb"
    if _COMMON_NOUN.match(first) and not w0.startswith("ال") and w0 not in _HUMAN_SINGLE and w0 not in SOURCE_NOUNS \
            and w0 not in SOURCE_HEADS:
        return COMMON_WORD
    return ""


def classify(surface: str, actor: ActorRef | None = None) -> Verdict:
    """The typed validity verdict for a claimant written as `surface` and resolved to `actor`."""
    words = fold(surface).replace("«", " ").replace("»", " ").split()
    if not words:
        return Verdict(ClaimantType.UNKNOWN, False, "empty")
    if surface.split()[0] in ("على", "وعلى"):  # folded على is also the name علي
        return Verdict(ClaimantType.UNKNOWN, False, "preposition phrase")
    if len(_HARAKAT.findall(surface)) >= 3:
        return Verdict(ClaimantType.UNKNOWN, False, "scripture")  # «الْمُنَافِقُون»: a fully vowelled verse
    kind = actor.kind if actor is not None else "unknown"
    if kind in _ORG_KINDS and gazetteer().lookup(surface) is not None:
        return Verdict(ClaimantType.ORGANISATION, True)
    reason = _invalid_word(words[0], words) or _no_name(words, surface.split())
    if not reason and (words[0][0].isdigit() or len(words) == 1 and len(words[0]) <= 2):
        reason = "number or fragment"  # "00 تغ", "40 دقيقة", "دا"
    if reason:
        return Verdict(ClaimantType.UNKNOWN, False, reason)
    if len(words) == 1:
        return _single_word(words[0], kind)
    if words[0].removeprefix("ال") in _DESCRIBED_HEADS:
        return Verdict(ClaimantType.DESCRIBED, True)
    if any(w in FIRST_NAMES for w in words[:3]) or kind == "person" and words[0] not in ROLE_WORDS:
        return Verdict(ClaimantType.PERSON, True)
    if words[0] in ROLE_WORDS or words[0] in HONORIFICS:
        return Verdict(ClaimantType.ROLE, True)
    if kind in _ORG_KINDS or words[0].removeprefix("ال") in ORG_HEADS:
        return Verdict(ClaimantType.ORGANISATION, True)
    return Verdict(ClaimantType.DESCRIBED, True)


@lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded Arabic country names (pycountry's ISO 3166 translations) and the gazetteer's countries."""
    ar = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"], fallback=True)
    out = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            if hasattr(c, attr):
                out.add(fold(ar.gettext(getattr(c, attr))))
    for alias, e in gazetteer().alias.items():
        if e.kind == "country":
            out.add(fold(alias))
    return frozenset(n for n in out if n and not n.isascii())


def is_place(surface: str) -> bool:
    """True when the surface is a country's name ("أستراليا", "مصر"), not an institution of it."""
    return fold(surface).strip() in place_names()


def _single_word(w: str, kind: str) -> Verdict:
    if w in _BARE_HEADS or w in ORG_HEADS:  # a gazetteer entity was accepted before: this is a head the parser guessed a kind for
        return Verdict(ClaimantType.UNKNOWN, False, "head noun without its name")
    if kind in _ORG_KINDS:
        return Verdict(ClaimantType.ORGANISATION, True)
    if kind == "person" and not _NISBA.match(w):
        return Verdict(ClaimantType.PERSON, True)
    if w in ROLE_WORDS or w in HUMAN_NOUNS:
        return Verdict(ClaimantType.ROLE, True)
    if w in SOURCE_HEADS or w in SOURCE_NOUNS or w in _COLLECTIVES or _GROUP_PLURAL.match(w):
        return Verdict(ClaimantType.DESCRIBED, True)
    if w.startswith("ال"):
        if _NISBA.match(w):
            return Verdict(ClaimantType.UNKNOWN, False, "adjective cut from a longer name")
        return Verdict(ClaimantType.DESCRIBED, True) if kind != "unknown" else \
            Verdict(ClaimantType.UNKNOWN, False, "noun cut from a longer name")
    if _POSSESSED.match(w) and w not in FIRST_NAMES:
        return Verdict(ClaimantType.UNKNOWN, False, "possessed noun")
    return Verdict(ClaimantType.PERSON, True)
