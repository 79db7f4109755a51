"""Token-level helpers for Arabic claimant parsing: name length, noun-phrase length, preceding subject."""

from __future__ import annotations

import re

from claimtrack.extract.arabic_claimant_type import ORG_HEADS
from claimtrack.extract.arabic_lexicon import (
    BLESSINGS,
    FIRST_NAMES,
    HONORIFICS,
    MANNER_ADVERBS,
    PARTICIPLE_FORM,
    ROLE_WORDS,
    SOURCE_HEADS,
    SUBJECT_STOP,
    VERB_FORM,
)
from claimtrack.extract.arabic_patterns import rule
from claimtrack.extract.claimant_words import KANA as _KANA
from claimtrack.extract.claimant_words import NISBA as _NISBA
from claimtrack.extract.claimant_words import PARTICLES as _PARTICLES
from claimtrack.extract.claimant_words import QUANT as _QUANT
from claimtrack.extract.claimant_words import tokens
from claimtrack.extract.gazetteer import gazetteer


def _name_len(words: list[str], i: int) -> int:
    """Length of a personal name starting at words[i] (0 when it does not look like one)."""
    n = 0
    links = 0  # "بن"/"ابن" do not count towards the four name parts
    while i + n < len(words) and n - links < 4:
        w = words[i + n]
        links += w in ("بن", "ابن", "ال")  # folded «آل» ("آل الشيخ") links a family name like «بن»
        if n and words[i + n - 1] in ("بن", "ابن") and w.isalpha() and w not in ("بن", "ابن"):
            n += 1  # after «بن» comes a father's name, whatever else the word can be («فضل», «طالب»)
            continue
        if w in ROLE_WORDS or w in SOURCE_HEADS or w in _QUANT or w in SUBJECT_STOP or w in MANNER_ADVERBS or w in BLESSINGS \
                or w.startswith(("بال", "وال")):
            break
        if n >= 2 and w == "علي" and words[i + n - 1] not in ("بن", "ابن") or n >= 1 and (
                _accusative(w) or object_noun(w) or phrase_after_name(w, words[i + n + 1] if i + n + 1 < len(words) else "")):
            break  # folded على ("on") after a two-word name; an accusative ("قائلاً", "بياناً") after a name
        if w == "ال" and i + n + 1 < len(words):
            n += 2  # "آل" then the family name ends the name: "معالي آل الشيخ", "محمد بن نايف آل سعود"
            break
        if w.startswith("ال") or w.startswith("لل"):
            prev = words[i + n - 1] if n else ""
            if n == 0 or w.startswith("لل") or _NISBA.search(w) and prev not in ("عبد", "ابو", "بن"):
                if prev in ("عبد", "ابو", "بن", "ابن"):
                    n += 1
                    continue
                if n and not w.startswith("لل") and w not in ROLE_WORDS:
                    n += 1
                break
            n += 1
            if prev not in ("عبد", "ابو", "بن", "ابن"):
                break
            continue
        if links >= 2 and words[i + n - 1] not in ("بن", "ابن", "ال") and w not in ("بن", "ابن", "ال"):
            break  # "محمد بن نايف بن عبدالعزيز ركعتين": a bare word after a full patronymic chain is the object
        n += 1
    while n > 1 and words[i + n - 1] in ("بن", "ابن", "ال"):
        n -= 1  # "جلوي بن عبدالعزيز بن …" cut at four parts: no dangling link
    return n


# accusative nouns and adverbs written right after a speaker's name ("قال X أمس مجدداً", "أصدر X بياناً")
_ACCUSATIVES = frozenset("""بيانا تصريحا حديثا اتصالا خطابا تقريرا سابقا لاحقا حاليا رسميا ايضا شخصيا علنا مجددا اليوم
    واحدا تماما كثيرا دائما ابدا جدا مثلا غالبا احيانا مؤخرا""".split())


# nouns that follow a speaker's name as the verb's object, never as part of the name: "أكد الغبان أهمية …",
# "وطالب الرويس شركة «سالك»", "النائب طلعت سابق" (former)
OBJECT_NOUNS = frozenset("""اهميه ضروره استعداد استعداده رغبه حرص ثقه دعم رفض ترحيب تقدير شكر تعازي نظر عمل
    تنظيم شركه وزاره هيئه مؤسسه جمعيه مجلس لجنه""".split())
# attitude nouns that take the speaker's pronoun as the verb's object: "وأكد شتاينماير تفهمه قلق …", "وقدم X شكره …,
# مؤكداً", "وأعرب X عن أمله"
ATTITUDE_NOUNS = frozenset("""شكر تفهم تقدير امل اسف قلق ارتياح ترحيب امتنان اعتزاز تعازي تهاني رفض استياء دعم تاييد
    فخر ثقه حرص استعداد رغبه تمنيات اعجاب تضامن""".split())
_POSSESSIVE = re.compile(r"(?:ه|ها|هم|هما)$")


def object_noun(w: str) -> bool:
    """True for a noun that is the verb's object after a speaker's name: «أهمية», «شركة», or an attitude noun
    with the speaker's pronoun («شكره», «تفهمه», «أملها»)."""
    bare = w.removeprefix("ال")
    if bare in OBJECT_NOUNS:
        return True
    if w[-1:] not in ("ه", "م", "ا"):
        return False
    m = _POSSESSIVE.search(w)
    return m is not None and m.start() >= 3 and (w[: m.start()] in ATTITUDE_NOUNS or w[: m.start()] + "ه" in ATTITUDE_NOUNS)


_RELATIVE = frozenset("والتي والذي والذين واللذين واللتين".split())
# «بوزارة», «لهيئة», «بمنطقة»: a body or place the title belongs to, part of the name
_BELONGING_HEADS = ORG_HEADS | frozenset("منطقه محافظه مدينه سفاره قريه ولايه دوله عاصمه كليه مقاطعه بلده".split())


@rule("عنوان\nوقال الشيخ العثمان بنبرة غاضبة: الفريق جاهز.", off=False)
def phrase_after_name(w: str, nxt: str = "") -> bool:
    """A word that opens a phrase after a speaker's name, never a part of it: a manner phrase, «بـ» and a short
    noun in -ة («بنبرة غاضبة», «بثقة», «بصراحة»), or a relative pronoun with «و» («والتي تنظر», «والذي كان»).
    «بوزارة», «بمنطقة», «بمكة المكرمة» (a definite word follows) name the body or place the title belongs to."""
    if w in _RELATIVE:
        return True
    return 4 <= len(w) <= 6 and w[0] == "ب" and w.endswith("ه") and not w.endswith("يه") and not w.startswith("بال") \
        and not nxt.startswith("ال") \
        and w[1:] not in FIRST_NAMES and w[1:] not in _BELONGING_HEADS and gazetteer().lookup(w[1:]) is None


def _accusative(w: str) -> bool:
    """An accusative after a name («قائلاً», «بياناً», «متحدثاً»), not a family name that ends in alif («معافا»)."""
    return w.endswith("ا") and w not in FIRST_NAMES and (
        w in PARTICIPLE_FORM or w in _ACCUSATIVES or len(w) >= 6 and w[0] in "مت")


def _collective_len(words: list[str]) -> int:
    """Length of a quantified subject: "البعض" / "كثيرون" alone, "أحد العاملين", "كثير من المغردين"."""
    w0 = words[0]
    if w0 in ("البعض", "كثيرون", "الكثيرون", "اخرون"):
        return 1
    if w0 == "كثير":
        return 3 if len(words) > 2 and words[1] == "من" else 0
    return 2 if len(words) > 1 and words[1].startswith("ال") else 0


def _name_inside(words: list[str], j0: int) -> int | None:
    """Where a personal name starts inside a title phrase (after an honorific or at a known first name)."""
    for j in range(j0, len(words)):
        w = words[j][1:] if words[j].startswith("وال") else words[j]
        if w in HONORIFICS and j + 1 < len(words) and not words[j + 1].startswith("ال") \
                and not _named_institution(words, j + 1):
            return j + 1
        if words[j] == "علي" and j == j0:
            continue  # "المشرف على البرنامج": folded على ("on") right after the title, not the name علي
        if words[j] in FIRST_NAMES and (j > j0 or j0 > 0 and words[j0 - 1].startswith("ال")) \
                and not _named_institution(words, j):
            return j  # "وزير الخارجية محمد …", "الوزير خالد …"
        if j > j0 and j + 2 < len(words) and words[j + 1] in ("بن", "ابن") and not words[j].startswith(("ال", "ب")):
            return j  # "المشرف على البرنامج سليمان بن أحمد الشريع": a name with a patronymic
    return None


# heads of institutions and places named after a king or a prince: "جامعة الملك سعود", "مستشفى الملك فهد"
NAMED_AFTER_HEADS = frozenset("""مركز جامعه مدينه مستشفي جائزه شارع طريق مطار ميناء قاعه مسجد مدرسه كليه معهد قاعده
    برج حي مجمع مؤسسه برنامج كرسي ملعب استاد صندوق""".split())


def _named_institution(words: list[str], j: int) -> bool:
    """ "بجامعة الملك عبدالعزيز الدكتور X", "بجامعة الملك عبدالعزيز بجدة علي عشقي": a first name after «الملك» /
    «الأمير» names an institution when an honorific follows or an institution's head («جامعة», «مستشفى») comes
    before; the person's name starts later."""
    return j > 0 and words[j - 1] in ("الملك", "الامير") and (
        any(w in HONORIFICS for w in words[j + 1 : j + 4])
        or j > 1 and words[j - 2].lstrip("بل").removeprefix("ال") in NAMED_AFTER_HEADS)  # "بجامعة الملك عبدالعزيز"


def _np_len(words: list[str]) -> int:
    """Length of a described noun phrase: head, one genitive, then nisba adjectives (max 6)."""
    n = 1
    idafa = not words[0].startswith("ال")
    while n < len(words) and n < 6:
        w = words[n]
        if w in _QUANT or w in SUBJECT_STOP:
            break
        if _NISBA.search(w) and len(w) > 4 or (w.startswith("«") or w.startswith('"')):
            n += 1
            idafa = idafa and not _NISBA.search(w)  # "مستشار قانوني صحة الزواج": the adjective ends the head
            continue
        known = gazetteer().longest_prefix(words[n:]) if idafa else None
        if known is not None:
            n += known[1]
            idafa = False
            continue
        if idafa:
            n += 1
            idafa = not w.startswith("ال")
            continue
        if w in ("العام", "العامه") and n == 1:
            n += 1  # "المديرية العامة للجوازات": the adjective and the body it serves belong to the name
            if n < len(words) and words[n].startswith("لل") and len(words[n]) > 4:
                n += 1
            continue
        break
    return n


def _construct_head(f: str, toks: list[tuple[int, int]], a: int, cue_start: int) -> int:
    """ "رجال الأعمال يعتقدون", "علماء النفس يقولون", "شيخ أهالي العوص يقول": a definite genitive right before an
    imperfect verb is governed by the bare noun(s) before it; the subject starts at the head noun."""
    k = next((j for j, t in enumerate(toks) if t[0] == a), len(toks))
    if k == len(toks) or not f[a:].startswith("ال") or f[toks[-1][1] : cue_start].strip():
        return a  # not a definite noun, or punctuation before the verb ("…السوق، تتوقع مجموعة X")
    for _ in range(2):
        if k == 0 or f[toks[k - 1][1] : toks[k][0]].strip():
            break  # no previous word, or punctuation between
        w = f[toks[k - 1][0] : toks[k - 1][1]]
        if not _construct_head_word(w):
            break
        k -= 1
        a = toks[k][0]
    return a


_NOT_HEADS = frozenset("مثل غير كل بعض جميع ان فان لان بان وان اذ اذا لكن هذه هذا بهذه بهذا لهذه لهذا".split())


def _construct_head_word(w: str) -> bool:
    """A bare noun that can govern the genitive after it: not a particle, a verb, a first name or a quantifier."""
    bare = w[1:] if w[:1] in "وف" and len(w) > 3 else w
    return not (w.startswith(("ال", "لل")) or len(w) < 3 or not w.isalpha() or w in _NOT_HEADS or bare in _NOT_HEADS
                or w in _PARTICLES or bare in _PARTICLES or w in _KANA or w in SUBJECT_STOP or w in _QUANT
                or bare in _QUANT or w in VERB_FORM or w in PARTICIPLE_FORM or w in FIRST_NAMES
                or w.startswith(("ي", "ت")) and w.endswith(("ون", "ان")))


def preceding_subject(f: str, clause_start: int, cue_start: int, only_last: bool) -> tuple[int, int] | None:
    """Subject written before the verb (SVO; أما X فقال; indefinite noun + imperfect verb)."""
    toks = tokens(f, clause_start, cue_start)
    while toks and (f[toks[0][0] : toks[0][1]] in _PARTICLES or f[toks[0][0] : toks[0][1]] in _KANA):
        toks = toks[1:]
    if not toks:
        return None
    if only_last:
        a, b = toks[-1]
        w = f[a:b]
        if w in _PARTICLES or w in SUBJECT_STOP or w in _QUANT or len(w) < 3:
            return None
        if w.startswith("ل") and len(w) > 4 and w[1] == "ا":
            a += 1
        return (_construct_head(f, toks, a, cue_start), b)
    toks = [t for t in toks if f[t[0] : t[1]] not in _KANA]
    return (toks[0][0], toks[-1][1]) if toks and len(toks) <= 8 else None
