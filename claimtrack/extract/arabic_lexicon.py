"""Arabic cue lexicon, in folded spelling (أإآ→ا, ى→ي, ة→ه, no harakat), compiled once.

Every reporting verb is listed once with its kind; its forms (gender, number, tense) are generated.
"""

from __future__ import annotations

import re

# (past 3ms, imperfect stem without the ي/ت prefix, kind); kind "" = statement
_SOUND: list[tuple[str, str, str]] = [
    ("اكد", "ؤكد", ""), ("اشار", "شير", ""), ("اضاف", "ضيف", ""), ("اوضح", "وضح", ""),
    ("اعتبر", "عتبر", "assessment"), ("اعلن", "علن", ""), ("ذكر", "ذكر", ""), ("صرح", "صرح", ""),
    ("كشف", "كشف", ""), ("اتهم", "تهم", ""), ("زعم", "زعم", ""), ("حذر", "حذر", ""),
    ("شدد", "شدد", ""), ("لفت", "لفت", ""), ("طالب", "طالب", "call"), ("اصر", "صر", ""),
    ("تابع", "تابع", ""), ("اعرب", "عرب", ""), ("افاد", "فيد", ""), ("نوه", "نوه", ""),
    ("اردف", "ردف", ""), ("استطرد", "ستطرد", ""), ("اعترف", "عترف", ""), ("اقر", "قر", ""),
    ("توقع", "توقع", "prediction"), ("رجح", "رجح", "prediction"), ("استبعد", "ستبعد", "prediction"),
    ("وصف", "صف", "assessment"), ("حث", "حث", "call"), ("ناشد", "ناشد", "call"),
    ("توعد", "توعد", "prediction"), ("ابدي", "بدي", ""), ("ادعي", "دعي", ""), ("بين", "بين", ""),
    ("اكدا", "ؤكدان", ""), ("قال", "قول", ""), ("نفي", "نفي", "denial"), ("راي", "ري", "assessment"),
    ("دعا", "دعو", "call"), ("نقل", "نقل", ""), ("اعربت", "عرب", ""), ("تحدث", "تحدث", ""),
    ("اشاد", "شيد", "assessment"), ("انتقد", "نتقد", "assessment"), ("استنكر", "ستنكر", "assessment"),
    ("ندد", "ندد", "assessment"), ("تبني", "تبني", ""),
    ("اعتقد", "عتقد", "assessment"), ("تعهد", "تعهد", "prediction"), ("اجمع", "جمع", "assessment"),
    ("اسند", "سند", ""), ("مضي", "مضي", ""), ("اختتم", "ختتم", ""),
    ("اجاب", "جيب", ""), ("كرر", "كرر", ""), ("انكر", "نكر", "denial"), ("كذب", "كذب", "denial"),
    ("زاد", "زيد", ""), ("ابان", "بين", ""), ("عزا", "عزو", "assessment"),
    ("فند", "فند", "denial"),  # "فنّد المتحدث الادعاءات": refuted
]
# irregular past/imperfect forms not produced by the generator
_EXTRA_FORMS: dict[str, list[str]] = {
    "قال": ["قالت", "قالوا", "قالا", "قالتا", "يقول", "تقول", "يقولون", "يقولان", "تقولان"],
    "نفي": ["نفت", "نفوا", "نفيا", "نفتا", "ينفي", "تنفي", "ينفون", "ينفيان", "تنفيان"],
    "راي": ["رات", "راوا", "يري", "تري", "يرون"],
    "دعا": ["دعت", "دعوا", "دعيا", "يدعو", "تدعو", "يدعون"],
    "ابدي": ["ابدت", "ابدوا", "يبدي", "تبدي", "يبدون"],
    "ادعي": ["ادعت", "ادعوا", "يدعي", "تدعي", "يدعون"],
    "اصر": ["اصرت", "اصروا", "يصر", "تصر", "يصرون"],
    "اقر": ["اقرت", "اقروا", "يقر", "تقر"],
    "حث": ["حثت", "حثوا", "يحث", "تحث"],
    "مضي": ["مضت", "مضوا", "يمضي", "تمضي"],  # "ومضى قائلاً", "ومضت المصادر بالقول"
    "زاد": ["زادت"],  # "وزاد الرويس أن …" (past only: يزيد is "exceeds"); see arabic_filters
    "كذب": ["كذبت", "كذبوا"],  # past only: "يكذب على" is "lies to"; see arabic_filters
    "ابان": ["ابانت", "ابانوا"],  # "وأبان المدير أن …" (past only: يبين is بيّن)
    "عزا": ["عزوا", "يعزو", "تعزو", "يعزون"],  # "وعزا الجهاز التراجع إلى …" (not عزت: a name)
    "تبني": ["تبنت", "تبنوا", "تبنته", "تبنتها", "تبناه", "تبناها"],  # claimed responsibility
}
_NOT_VERB_FORMS = ("تبين", "تبني",  # "it turned out" / the verbal noun "adopting", far more often
                   "يجمع", "تجمع", "يجمعون", "يجمعان", "تجمعان")  # "collects" / "gathering": only أجمع (agreed)
# verbs too ambiguous to fire without a following complementizer (أن/إن/:)
NEEDS_COMPLEMENTIZER = frozenset({"ذكر", "بين", "راي", "تابع", "نقل", "تحدث", "كشف", "اكدا",
                                  "اقر", "اعترف", "وصف", "اشاد", "انتقد", "ادعي", "اعتقد", "تعهد", "اجمع",
                                  "اسند", "مضي", "اختتم", "اجاب", "كرر", "زاد", "ابان",
                                  "اضاف"})  # "وتضيف الحقول مئة ألف برميل": "adds", unless أن/:/« follows
# verbs that report speech only with بالقول / حديثه ("واختتم المصدر بالقول", "مختتماً حديثه بأن")
QAWL_ONLY = frozenset({"مضي", "اختتم"})
# verbs whose bare form is also a frequent noun or particle; allowed only with a و/ف prefix or a complementizer
BARE_AMBIGUOUS = frozenset({"بين", "ذكر", "نقل", "طالب", "راي", "تابع", "كذب"})


def _forms(past: str, imp: str) -> list[str]:
    out = [past]
    if past in _EXTRA_FORMS:
        return out + _EXTRA_FORMS[past]
    out += [past + "ت", past + "وا", past + "ا", past + "تا"]
    for p in ("ي", "ت"):
        out += [p + imp, p + imp + "ون", p + imp + "ان"]
    return out


VERB_FORM: dict[str, tuple[str, str]] = {}  # form -> (lemma, kind)
for _past, _imp, _kind in _SOUND:
    for _f in _forms(_past, _imp):
        VERB_FORM.setdefault(_f, (_past, _kind))
OBJECT_FORMS: set[str] = set()
# object pronouns on verbs whose object is a person ("اتهمتهم بـ…", "دعاهم إلى …", "حذرهم من …")
for _past in ("اتهم", "حذر", "طالب", "حث", "ناشد", "دعا"):
    _stem = "دع" if _past == "دعا" else _past
    for _base in ((_stem + "ا", _stem + "ت", _stem + "و") if _past == "دعا" else (_past, _past + "ت", _past + "و")):
        for _suf in ("ه", "ها", "هم", "هما"):
            if _base + _suf not in ("طالبه", "دعوه", "حذره"):  # a student, an invitation, caution
                VERB_FORM.setdefault(_base + _suf, VERB_FORM[_past])
                OBJECT_FORMS.add(_base + _suf)
for _f in ("وصفها", "وصفتها", "وصفه", "وصفته", "وصفوها", "وصفوه"):  # "ووصفتها بأنها …": a new claim
    VERB_FORM.setdefault(_f, VERB_FORM["وصف"])
    OBJECT_FORMS.add(_f)
for _base in ("يتهم", "تتهم", "يتهمون"):  # "…، يتهمه بـ…": the imperfect with an object pronoun
    for _suf in ("ه", "ها", "هم", "هما"):
        VERB_FORM.setdefault(_base + _suf, VERB_FORM["اتهم"])
        OBJECT_FORMS.add(_base + _suf)
for _f in _NOT_VERB_FORMS:
    VERB_FORM.pop(_f, None)
# imperfect forms (يقول، تؤكد، يتوقع); a past form may start with ت too (تابع، توقع، تبنت)
IMPERFECT = frozenset(f for f, (past, _k) in VERB_FORM.items()
                      if f[0] == "ي" or f[0] == "ت" and not f.startswith(past[:2]))

# participial adverbials (حال): مؤكداً، مشيراً …, stems; forms + ا / ين / ه / تين
_PARTICIPLES: list[tuple[str, str, str]] = [
    ("مؤكد", "اكد", ""), ("مشير", "اشار", ""), ("معتبر", "اعتبر", "assessment"), ("داعي", "دعا", "call"),
    ("محذر", "حذر", ""), ("مضيف", "اضاف", ""), ("موضح", "اوضح", ""), ("مشدد", "شدد", ""),
    ("لافت", "لفت", ""), ("مطالب", "طالب", "call"), ("نافي", "نفي", "denial"), ("معرب", "اعرب", ""),
    ("منوه", "نوه", ""), ("واصف", "وصف", "assessment"), ("معلن", "اعلن", ""), ("كاشف", "كشف", ""),
    ("مبدي", "ابدي", ""), ("قائل", "قال", ""), ("مرجح", "رجح", "prediction"), ("متوقع", "توقع", "prediction"),
    ("مبين", "بين", ""), ("مفيد", "افاد", ""), ("مستبعد", "استبعد", "prediction"), ("متهم", "اتهم", ""),
    ("مضيف", "اضاف", ""), ("مردف", "اردف", ""), ("حاث", "حث", "call"), ("مناشد", "ناشد", "call"),
    ("معتقد", "اعتقد", "assessment"), ("مختتم", "اختتم", ""),
]
PARTICIPLE_FORM: dict[str, tuple[str, str]] = {}
for _stem, _lemma, _kind in _PARTICIPLES:
    for _suf in ("ا", "ين", "ه", "تين", "ان"):
        PARTICIPLE_FORM.setdefault(_stem + _suf, (_lemma, _kind))
PARTICIPLE_FORM.pop("متهمين", None)  # "the accused" far more often than "accusing"
PARTICIPLE_FORM.pop("متهمان", None)
PARTICIPLE_FORM.pop("متهمه", None)

# source phrases: the source follows them (بحسب X، وفقاً لـ X، نقلاً عن X)
SOURCE_PREPS = ("بحسب", "حسب", "وفقا ل", "وفقا لـ", "وفق", "طبقا ل", "نقلا عن", "استنادا الي", "على حد قول")

_W = r"[\u0621-\u064A\w]"


def trie_regex(words: list[str]) -> str:
    """A regex alternation shaped as a prefix trie (much faster than a flat alternation in `re`)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


_VERB_ALT = trie_regex(list(VERB_FORM))
_PART_ALT = trie_regex(list(PARTICIPLE_FORM))
# "بحسب ما أوردته وكالة X", "وفقاً لما نقله موقع X": the source is the subject of a relative ما clause
_REPORTED_MA = r"(?:ب?حسب|وفقا\s*ل|طبقا\s*ل)\s*ما\s+(?:ذكر|قال|اعلن|افاد|اورد|نقل|نشر|كشف|اكد|اوضح|بث|اظهر)(?:ته|تها|ه|ت|وا)?"
_PREP_ALT = _REPORTED_MA + r"|علي\s+ما\s+(?:افاد|ذكر|قال|اعلن|اكد|اوضح)(?:ت|ه|وا)?|حسبما\s+(?:افاد|ذكر|قال|اعلن|اكد|اوضح|نقل|كشف)(?:ت|ه|وا)?|ب?حسب|وفق(?:ا)?(?:\s*لـ?|\s+ما\s+(?:ذكر|قال|اعلن|افاد)ه?ت?)?|طبقا\s*لـ?|نقلا\s+عن|استنادا\s+(?:الي|ل)"
_CUE_BODY = (rf"(?P<pre>[وف]?(?:لكن\s+|قد\s+|كما\s+|ثم\s+)?)"
             rf"(?:(?P<verb>{_VERB_ALT})|(?P<part>{_PART_ALT})|(?P<prep>{_PREP_ALT}))(?!{_W})")
CUE_RE = re.compile(rf"(?<!{_W}){_CUE_BODY}")
# the same, eating the character before the cue (a leading class lets `re` skip ahead fast): scan from
# one character before the region; use the group offsets (start("pre")), never start()
CUE_SCAN = re.compile(rf"[^\u0621-\u064A\w]{_CUE_BODY}")

# what may introduce the content after the subject
COMPLEMENTIZER_RE = re.compile(
    rf"(?<![\w.])(?:(?:ب|على\s+|الي\s+|علي\s+|من\s+)?ان(?:ه|ها|هم|هما|نا|ني|كم)?(?![\w.])"  # not "دي.إيه.إن"
    rf"|ب?ما\s+(?:وصفه|اسماه|سماه)(?!{_W})|بالقول(?!{_W})\s*:?)|:|«|“"
)
# content introduced directly by a preposition (كشف عن، أعرب عن، دعا إلى، طالب بـ)
PREP_CONTENT_RE = re.compile(rf"(?<!{_W})عن(?!{_W})")

ROLE_WORDS = frozenset(
    """وزير وزيره الوزير رئيس الرئيس رئيسه نائب النائب عضو العضو الامين امين المتحدث متحدث الناطق ناطق
    مدير المدير سفير السفير مستشار المستشار قائد القائد زعيم الزعيم مندوب المندوب منسق المنسق محافظ المحافظ
    مسؤول المسؤول مسؤوله المسؤوله الملك ولي امير الامير سكرتير المبعوث مبعوث رئيسه مساعد المساعد المفوض مفوض
    مدعي المدعي النائب ممثل الممثل المنسق حاكم الحاكم عمده العمده قاضي القاضي مفتي المفتي مرشد المرشد
    المديره مديره المتحدثه متحدثه الناطقه خبير الخبير محلل المحلل باحث الباحث لاعب اللاعب مدرب المدرب
    مشرف المشرف مختص المختص متخصص المتخصص وكيل الوكيل عميد العميد
    استشاري الاستشاري اخصائي الاخصائي ملحق الملحق مهاجم المهاجم مدافع المدافع حارس الحارس محترف المحترف
    كابتن الكابتن محرر المحرر مؤلف المؤلف استاذ""".split()
)
ROLE_WORDS = ROLE_WORDS | {w + "ه" for w in ROLE_WORDS if not w.endswith("ه")}
HONORIFICS = frozenset(
    """المقدم العقيد اللواء العميد الفريق العماد الرائد النقيب الدكتور د الدكتوره المهندس المحامي الشيخ
    الاستاذ السيد السيده الامير الاميره القاضي النائب الحاج المستشار السفير الجنرال الادميرال البروفيسور
    الرئيس الملك السلطان المشير معالي فضيله سعاده سماحه فخامه جلاله سمو""".split()
)
# adverbs of manner that follow a speech verb or a name («قال نصاً», «هكذا يؤكد X», «قال X بهدوء»): never the speaker
MANNER_ADVERBS = frozenset("نصا حرفيا هكذا وهكذا صراحه بصراحه بوضوح بهدوء بحزم بحسره بثقه بفخر بغضب بكل بشكل بصوره بطريقه"
                           .split())
# blessings written after a name («الشيخ ابن باز رحمه الله», «حذيفة رضي الله عنه»): never part of it
BLESSINGS = frozenset("رحمه يرحمه رحمها رضي حفظه حفظها يحفظه".split())
# heads of described sources: not personal names
SOURCE_HEADS = frozenset(
    """مصدر مصادر المصدر المصادر مسؤول مسؤولون مسؤولين المسؤول مندوب مندوبان مندوبين المندوب شاهد شهود
    خبراء خبير محللون محلل دبلوماسي دبلوماسيون وسائل تقارير تقرير بيان البيان صحيفه الصحيفه وكاله الوكاله
    مكتب المكتب وزاره الوزاره شرطه الشرطه سلطات السلطات هيئه الهيئه مديريه المديريه جبهه الجبهه حزب الحزب
    حركه الحركه منظمه المنظمه جماعه الجماعه الحكومه حكومه قوات القوات الجيش جيش ناشطون ناشط مراقبون
    مجلس المجلس لجنه اللجنه محكمه المحكمه النيابه نيابه مركز المركز قياده القياده الحزبان الطرفان
    مجموعه المجموعه شركه الشركه ائتلاف الائتلاف تحالف التحالف اتحاد الاتحاد نقابه النقابه جمعيه الجمعيه امراه المراه رجل الرجل مواطن مواطنون سكان السكان اهالي عائله العائله اسره الاسره مصدرا مسؤولا""".split()
)
# words that end the subject noun phrase: adverbials, prepositions, particles
SUBJECT_STOP = frozenset(
    """في خلال اليوم امس امس، عقب بعد قبل مساء صباح ظهر عصر ليل ليله امام عبر لدي حيث التي الذي الذين
    يوم الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد اول البارحه مؤخرا ايضا كذلك بدوره بدورها الاسبوع
    لـ لـ« لوكاله لصحيفه لقناه لموقع لفرانس لرويترز للصحفيين للصحافيين لوسائل لتلفزيون لاذاعه رفض فضل طلب
    عن على الي مع ان انه انها بان بانه بانها اليوم، منذ و ثم قد فيه فيها فيهم عليه عليها له لها به بها بهم وفقا وفق بحسب حسب نقلا طبقا
    البالغ البالغه وهو وهي صدور وجود حدوث وقوع""".split()
)
DAY_WORDS = frozenset("الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت الاحد".split())

# content-level denial cues (rejecting a claim or a report)
_DENIAL_ALTS = (
    rf"(?:لا\s+صحه|عار(?:يه|ي)?\s+(?:تماما\s+)?(?:من|عن)\s+الصحه|لا\s+اساس\s+(?:له|لها|لهم)?\s*من\s+الصحه"
    rf"|مجرد\s+(?:شائعات|اشاعات|شائعه|اشاعه|ادعاءات|مزاعم|اكاذيب)"
    # "غير صحيحة" denies only a report or a claim ("ما تورده وسائل الإعلام … غير صحيح"), not "بيانات غير صحيحة"
    rf"|[وف]?(?:ما|(?:ال)?(?:خبر|اخبار|نبا|انباء|تقارير|تصريحات|توقعات|معلومات|شائعات|ادعاء|ادعاءات|مزاعم|روايه|اتهام"
    rf"|اتهامات|كلام))(?!{_W})"
    rf"[^.]{{0,160}}?(?:هو\s+|هي\s+)?غير\s+(?:صحيح|دقيق)(?:ه)?"
    rf"|كما\s+(?:تدعي|يدعي|يدعون|تزعم|يزعم|يزعمون|زعم|زعمت|ادعي|ادعت|اشيع|يشاع|تردد|يتردد)"
    rf"|(?:رفض|رفضت|رفضوا|يرفض|ترفض)\s+(?:ال)?(?:اتهامات|مزاعم|ادعاءات|اتهام|تقارير|انباء)"
    rf"|علي\s+عكس\s+(?:ما\s+(?:تردد|اشيع|نشر|ذكر|تداول)|(?:بعض\s+)?(?:ال)?(?:تقارير|انباء|شائعات))"
    rf"|خلافا\s+ل(?:ما\s+(?:تردد|اشيع|نشر|ذكر|تداول)|ل?(?:تقارير|انباء|شائعات)))"
)
_DENIAL_AT_START = r"^\s*ما\s+(?:اثير|تردد|يتردد|يشاع|اشيع|نشر|ينشر|تناقلته|تداولته|تداول)"
DENIAL_CONTENT_RE = re.compile(rf"(?<!{_W}){_DENIAL_ALTS}|{_DENIAL_AT_START}")
# the same for `" " + text`: eats the character before the word, which `re` finds faster than a look-behind
DENIAL_SCAN = re.compile(rf"[^\u0621-\u064A\w]{_DENIAL_ALTS}|{_DENIAL_AT_START}")
DENIAL_OBJECT_RE = re.compile(rf"^\s*(?:كل\s+)?(?:ال)?(?:اتهامات|مزاعم|ادعاءات|اتهام|تقارير|انباء|شائعات)(?!{_W})")
# سـ/ستـ/سيـ/سنـ futures; the look-aheads leave out nouns and names that start the same way (سياسة، سيارة،
# سياحة، سيلفا، سيتي، سيجارة …)
PREDICTION_RE = re.compile(
    rf"(?<!{_W})(?:سوف|لن(?!{_W})|ست(?!ه|ين|ار|ون|وك|ال|ر)(?={_W}{{2}})|سي(?!اس|اق|ار|طر|د|نا|ول|ف|ر|ن|ء|قان|ما(?!{_W})|احي|احه|لفا|تي(?!{_W})|ج(?:ار|ائر))(?={_W}{{2}})|سن(?!ه|وات|وي|د|ين|ت)(?={_W}{{3}})|يتوقع|من\s+المتوقع|من\s+المقرر|من\s+المحتمل|من\s+المرجح|من\s+المنتظر)"
)
# evaluative words of GUIDELINES' "assessment" (an evaluation or interpretation): praise and blame adjectives,
# condemnations, "the importance of", and first-person opinion markers ("في ظني", "أعتقد"); a prefix trie, so that
# scanning a whole claim stays cheap
def _with_endings(stems: str, endings: tuple[str, ...] = ("", "ه", "ا")) -> list[str]:
    return [w + e for w in stems.split() for e in endings]


_EVALUATIVE = trie_regex([
    *_with_endings("جيد رائع ممتاز مميز ايجابي سلبي"), *_with_endings("اجرامي بشع اثم الاثم شنيع دنيء الدنيء مشين مرموق",
                                                                      ("", "ه")),
    "افضل", "الافضل", "اسوا", "الاسوا", "فخر", "بفخر", "شرف كبير", "جبان", "اهميه", "يتنافي", "تتنافي",
    "يفتخر", "تفتخر", "نفتخر", "اعتقد", "نعتقد", "اظن", "في ظني", "في رايي", "شديد الخطوره", "شديده الخطوره",
    *(f"{neg} {w}" for neg in ("ليس", "غير") for w in ("مستغرب", "مستغربا", "بمستغرب", "مستغربه", "بغريب")),
    "غير مجد", "غير مجدي",
])
ASSESSMENT_RE = re.compile(
    rf"(?<!{_W})(?:مؤشرا|دليلا|(?:مؤشر|دليل|علامه)\s+علي|يعد|تعد|يعتبر|تعتبر|يعكس|تعكس|كارثي(?:ه)?|خطير(?:ه)?|طبيعي(?:ه)?|صعب(?:ه)?"
    rf"|مخطئ(?:ه|ون|ين)?|من\s+الواضح|لا\s+مناص|{_EVALUATIVE})(?!{_W})"
)
# the same, eating the character before the word (search " " + text): `re` skips ahead faster than with a
# look-behind tried at every position
PREDICTION_SCAN = re.compile(r"[^\u0621-\u064A\w]" + PREDICTION_RE.pattern.removeprefix(rf"(?<!{_W})"))
ASSESSMENT_SCAN = re.compile(r"[^\u0621-\u064A\w]" + ASSESSMENT_RE.pattern.removeprefix(rf"(?<!{_W})"))
CALL_RE = re.compile(rf"(?<!{_W})(?:يجب|ينبغي|لا\s+بد|ضروره|علينا|على\s+\S+\s+ان)(?!{_W})")
CONTINUATION_LEMMAS = frozenset({"اضاف", "تابع", "اردف", "استطرد"})

FIRST_NAMES = frozenset(
    """محمد احمد علي حسن حسين خالد عمر عمرو عبد ابو مسعود محمود مصطفي ابراهيم اسماعيل يوسف سعيد سعد
    عادل سامي صالح سلمان فيصل فهد عبدالله عبدالعزيز طارق ماجد نبيل هشام وليد ياسر زياد رامي كريم مراد
    جمال كمال منصور ناصر عماد رائد رياض سمير شريف عصام فؤاد مجدي اشرف ايمن حازم حمد راشد سلطان تركي
    بندر نايف مشعل جون جو دونالد باراك هيلاري فلاديمير سيرغي سيرجي ديمتري بنيامين رجب جواد راجح رافت
    برهم مدحت شهاب امين حيدر نوري مقتدي اياد جلال هوشيار فؤاد نوال فاطمه مريم سارة ليلي هدي منى
    اسامه حمزه عائشه خديجه طلحه عبيده معاويه حذيفه عطيه هبه نوره منيره سميره اميره لطيفه حصه رقيه وائل وفاء وجدي وداد
    توفيق وهيب""".split()
)
# compound first names written as one word: عبد + a divine name («عبدالرحمن», «عبدالغني», «عبدالإله»)
FIRST_NAMES = FIRST_NAMES | {"عبدال" + n for n in """رحمن رحيم كريم غني لطيف مجيد حميد رزاق ملك محسن هادي اله حكيم
    وهاب خالق ناصر باسط جبار قادر فتاح سلام منعم حليم صمد واحد معين عليم قدوس مطلب منان رووف عظيم حفيظ مالك
    حي""".split()}
