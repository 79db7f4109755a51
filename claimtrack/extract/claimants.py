"""Arabic claimant noun phrases: parse the subject after a reporting verb, resolve it to an ActorRef.

A subject is a person (name + title), a described source ("مصدر قضائي", "المسؤول بالبيت الأبيض"),
or a gazetteer entity. Described speakers and bare titles resolve to the person the document already
introduced when their words overlap; continuations resolve to the last named speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from claimtrack.extract.arabic_claimant_type import (
    COMMON_WORD,
    CONJOINED_VERB,
    HUMAN_NOUNS,
    ORG_HEADS,
    ClaimantType,
    Verdict,
    classify,
)
from claimtrack.extract.arabic_lexicon import (
    FIRST_NAMES,
    HONORIFICS,
    ROLE_WORDS,
    SOURCE_HEADS,
    SUBJECT_STOP,
    VERB_FORM,
)
from claimtrack.extract.arabic_patterns import is_on, register, rule
from claimtrack.extract.arabic_rules import CONSTRUCT_PLURAL
from claimtrack.extract.base import ActorRef
from claimtrack.extract.claimant_np import (
    _collective_len,
    _name_inside,
    _name_len,
    _np_len,
    object_noun,
    phrase_after_name,
)
from claimtrack.extract.claimant_np import preceding_subject as preceding_subject
from claimtrack.extract.claimant_words import COLLECTIVE as _COLLECTIVE
from claimtrack.extract.claimant_words import KANA as _KANA
from claimtrack.extract.claimant_words import PARTICLES as _PARTICLES
from claimtrack.extract.claimant_words import QUANT as _QUANT
from claimtrack.extract.claimant_words import TOKEN as _TOKEN
from claimtrack.extract.claimant_words import tokens as tokens
from claimtrack.extract.gazetteer import Entry, gazetteer
from claimtrack.text import fold

# "نقلت الوكالة عن الرئيس X قوله خلال اللقاء": the source after عن, up to قوله and its circumstance
_REPORTED_FROM = re.compile(r"(?:نقلا\s+)?عن\s+(.+?)(?:\s+ب?(?:قوله|قولها|قولهم|تاكيده|تاكيدها)(?:\s+[^\s،,]+){0,5})?"
                            r"\s*[،,]?\s*$")
QUALIFIED_HEAD = register(
    "qualified_head_is_new_source",
    "A described source whose qualifier differs from an earlier one with the same head is a new source: "
    "«وكالة دوغان» is not the «وكالة الأناضول» named before.",
    "عنوان\nوقالت وكالة الأناضول إن الانفجار وقع ليلا. وقالت وكالة دوغان إن الانفجار وقع فجرا.")
HONORIFIC_LEAD = register(
    "honorific_pronoun_to_lead_subject",
    "An honorific pronoun («سموه») with no person named before refers to the subject of the lead sentence.",
    "عنوان\nرفع صاحب السمو الملكي الأمير خالد بن سعد أمير المنطقة التعازي لأهالي الضحايا في المدينة أمس.\n"
    "وأعلنت وزارة الصحة أن المصابين بخير.\nوقال سموه إن البلاد متماسكة.")
STYLED_TITLE = register(
    "styled_title_before_name",
    "A style of address («صاحب السمو الملكي», «صاحب المعالي») before a subject is skipped: the name follows.",
    "عنوان\nرفع صاحب السمو الملكي الأمير خالد بن سعد أمير المنطقة التعازي لأهالي الضحايا في المدينة أمس.\n"
    "وقال سموه إن البلاد متماسكة.")
OWNED_BY_BODY = register(
    "noun_of_an_indefinite_body",
    "A noun in construct with a body written as head + name («نصيحة وزارة الخارجية», «تقرير هيئة الرقابة») is "
    "one subject, not a person's name followed by a title.",
    "عنوان\nوتشير نصيحة وزارة الخارجية إلى أن السفر آمن.")
OBJECT_AFTER_NAME = register(
    "object_noun_ends_the_subject",
    "A noun that is the verb's usual object («أهمية», «ضرورة», «شركة») ends a subject written as a family name: "
    "«وأكد السالم أهمية الحوار»: the speaker is السالم.",
    "عنوان\nوترأس الاجتماع المهندس إبراهيم الغبان أمس.\nوأكد الغبان أهمية الحوار، مشيرا إلى أن اللجنة ستجتمع.")
NOMINATIVE_PLURAL = register(
    "nominative_plural_is_the_subject",
    "An indefinite plural in -ون right after a verb is its subject, with its في/من phrase («أكد متعاملون في سوق "
    "الخضار أن …»): the participles that follow («مشيرين») continue it.",
    "عنوان\nوقال المدير خالد العمري إن السوق مزدحم.\nوأكد متعاملون في سوق الخضار تراجع الأسعار، مشيرين إلى أن "
    "الطلب ضعيف.")
PLURAL_OBJECT_AFTER_SUBJECT = register(
    "plural_object_after_subject",
    "A definite sound plural in the oblique case («المواطنين», «المستثمرين») after a subject that ends on a "
    "definite singular word is the verb's object, not part of the subject: «ودعت وزارة الصحة المواطنين إلى …» is a "
    "call by وزارة الصحة. Nisba plurals in -يين («السعوديين»), adjectives after a plural («القادة العسكريين "
    "المشاركين») and duals («خادم الحرمين الشريفين») stay in the name.",
    "عنوان\nوحذرت هيئة الغذاء المستهلكين من شراء المنتجات المجهولة.")
# a definite sound masculine plural in the oblique case, not a nisba plural in -يين
_OBLIQUE_OBJECT = re.compile(r"^ال\S{3,}(?<!ي)ين$")
_DEFINITE_SINGULAR = re.compile(r"^ال\S+(?<!ين)(?<!ون)$")  # not a plural the -ين word could agree with
_DUALS = frozenset("الشريفين الحرمين البحرين النهرين الطرفين الجانبين البلدين".split())  # «خادم الحرمين الشريفين»
KNOWN_NAME = register(
    "known_full_name_then_object",
    "A subject that starts with the whole name of a person already named is that person; the words after it "
    "are the verb's object («ودعا الأمير X بن Y المولى أن يحمي …»).",
    "عنوان\nوقال الأمير خالد بن سعد إن البلاد متماسكة.\nوطالب الأمير خالد بن سعد المواطنين بالحذر.")
_WORD = re.compile(r"[^\s،,.:؛;!?؟«»“”\"()][^\s،,.:؛;!?؟«»“”\"()]*")  # […][…]*: `re` skips fast to it
_PART = re.compile(r"[^،,][^،,]*")  # a comma-separated part of a subject region (= [^،,]+, found faster)
_WORD_PUNCT = frozenset("،,.:؛;!?؟«»“”\"()")  # with white space (str.isspace, as `\s`): what ends a `_WORD`


def _words_before(f: str, w: str) -> list[str]:
    """For each `_WORD` token of `f` equal to `w`, the token before it (if any), in order: the same list as the
    pairs of consecutive `_WORD.findall(f)` tokens ending in `w`."""
    if not w or any(ch.isspace() or ch in _WORD_PUNCT for ch in w):
        return []  # no token equals it
    out: list[str] = []
    n, end = len(w), len(f)
    i = f.find(w)
    while i >= 0:
        e = i + n
        if (i == 0 or f[i - 1].isspace() or f[i - 1] in _WORD_PUNCT) and (
                e == end or f[e].isspace() or f[e] in _WORD_PUNCT):
            j = i - 1
            while j >= 0 and (f[j].isspace() or f[j] in _WORD_PUNCT):
                j -= 1
            k = j
            while k >= 0 and not (f[k].isspace() or f[k] in _WORD_PUNCT):
                k -= 1
            if j >= 0:
                out.append(f[k + 1 : j + 1])
        i = f.find(w, i + 1)
    return out
_MEDIA = frozenset("وكاله صحيفه موقع قناه تلفزيون اذاعه شبكه مجله بوابه محطه".split())
_REPRESENTING = re.compile(r"(?<!\S)(?:ال)?(?:محام|محامي|محاميه|ممثل|ممثله|مندوب|متحدث|متحدثه|نائب|نائبه|وكيل)\s*$")
# occasions of speech: "الوزير في مؤتمر صحفي", "في بداية الاستقبال" is the occasion, not part of the title
_SPEECH_EVENTS = frozenset("""كلمه مؤتمر تصريح تصريحات مقابله لقاء حديث بيان اتصال خطاب جلسه اجتماع ندوه تغريده
    تدوينه رساله بدايه نهايه ختام مستهل افتتاح استقبال زياره حفل""".split())
# words that end a subject: the topic ("الحريري حول المواجهات") or a bare ل left by «لـ"عكاظ"» once folded
_VERB_STOPS = frozenset("فضل طلب رفض".split())  # verbs of "رفض الكشف عن اسمه" that are also first names
_TOPIC_STOP = frozenset("حول بشان بخصوص ل".split())
_NAME_BREAKERS = frozenset("""من الي علي عن في مع ان او ثم كما لدي عند حول ضد عبر ما لا لم لن قد هو هي هذا هذه
    ذلك تلك كان كانت وكان وكانت حيث اما بعد قبل خلال منذ امس اليوم""".split())
_RANK_QUALIFIERS = frozenset("ركن طيار بحري متقاعد".split())  # "العميد ركن فضل حسن": part of the rank
_NISBA_ADJ = re.compile(r"^ال\S{3,}ي$")  # "الأردني": a nationality adjective
_LEAD_PARTICLES = frozenset("فيما بينما كما ثم وقد فقد".split())
_GENERIC = frozenset("مسؤول مسؤوله مصدر متحدث متحدثه ناطق ناطقه مندوب".split())
_APPOSITION = re.compile(r"[،,]\s*(?:" + "|".join(sorted(ROLE_WORDS | {"عضو", "رئيس"})) + r")(?!\S)")
_ISSUED = re.compile(r"(?<!\S)[وف]?(?:اصدر|اصدرت|نشر|نشرت|وزع|وزعت)\s+((?:[^\s،,.]+\s+){1,8}?)"
                     r"(?:بيانا|تقريرا|رساله)(?!\S)")
# where a noun phrase after a verb ends: a comma, colon, quote or full stop, but not the dot of an abbreviated
# title ("د. الزياني", "م. خالد")
_NP_STOP = re.compile(r"[،,:«“\"]|(?<!(?<!\S)\S)\.")
_SOURCE_STOP = re.compile(r"[،,:–—]|\s-\s|(?<!(?<!\S)\S)\.")  # "–حسب المصدر – على …": a dash ends the source


_DOC_NOUNS = frozenset("تقديرات بيانات احصاءات ارقام تقرير بيان دراسه معلومات تصريحات".split())
_HONORIFIC_PRONOUNS = frozenset("سموه معاليه سعادته فضيلته سماحته جلالته فخامته دولته".split())
_ANONYMOUS = re.compile(r"(?:رفض|رفضت|رفضوا|طلب|طلبت|طلبوا|فضل|فضلت|فضلوا|مفضلا|رافضا)\s+(?:عدم\s+)?"
                        r"(?:(?:ال)?كشف(?:\s+عن)?|ذكر|نشر|(?:ال)?افصاح\s+عن|تحديد)\s+(?:اسم|اسما[ءئ]|هويت)(?:ه|ها|هم)(?![\u0621-\u064A])")
# nouns that name a source after بحسب / وفقاً لـ / نقلاً عن (besides SOURCE_HEADS and the gazetteer)
_SOURCE_NOUNS = frozenset("""وكاله الوكاله صحيفه الصحيفه موقع الموقع قناه القناه تلفزيون التلفزيون اذاعه الاذاعه
    بيان البيان بيانات تقرير التقرير تقارير دراسه الدراسه احصاءات الاحصاءات ارقام الارقام معلومات المعلومات
    تقديرات التقديرات شبكه الشبكه مصادر المصادر مصدر المصدر شهود وثيقه الوثيقه وسائل مسؤولين مسؤولون""".split())


@lru_cache(maxsize=65536)
def stem(tok: str) -> str:
    """Crude folded stem for overlap tests: drop و/ف, ب/ل and ال prefixes."""
    t = fold(tok)
    if len(t) > 3 and t[0] in "وف" and t[1:3] in ("ال", "لل", "بال"):
        t = t[1:]
    for p in ("بال", "لل", "وال", "فال", "كال", "ال"):
        if t.startswith(p) and len(t) - len(p) >= 2:
            return t[len(p):] if p != "لل" else t[2:]
    if len(t) > 4 and t[0] in "بل":
        return t[1:]
    return t


@dataclass(slots=True)
class Speaker:
    """A resolved claimant inside one document."""

    actor: ActorRef
    surface: str
    head: str = ""  # stem of the described head noun ("مصدر", "جبهه")
    keys: set[str] = field(default_factory=set)  # stems of name + title, for described-speaker matching
    person: bool = False
    intro: tuple[int, int] | None = None  # the sentence that introduced a speaker with no verb of its own
    gender: str | None = None  # "f" when a feminine verb had this person as its subject ("قالت جانيت يلين")


@rule("عنوان\nوقال الوزير إن الخطة جاهزة.\nوعبر المدير خالد قطان عن سعادته بالإنجاز، مؤكدا أن الفريق نجح.",
      off=False)
def verb_before_title(w: str, nxt: str) -> bool:
    """ "وعبّر المدير X عن …، مؤكداً": a و+word that is also a preposition («وعبر» "and via") is the verb
    "expressed" when a title or an honorific follows it; the sentence's subject is the titled person."""
    return (w[1:] in VERB_FORM or w[1:] in ("عبر", "حول")) and (nxt in ROLE_WORDS or nxt in HONORIFICS)


def _before_trailing_phrase(f: str, start: int, end: int) -> int:
    """The subject region [start, end) cut before a manner, addressee or relative phrase after its first word,
    when no name or honorific comes later (a title's own phrase can precede the name: «المدير لحملة … بدر»)."""
    toks = [t.group() for t in _TOKEN.finditer(f, start, end)]
    for k, w in enumerate(toks):
        if k and phrase_after_name(w, toks[k + 1] if k + 1 < len(toks) else "") and not any(x in FIRST_NAMES or x in HONORIFICS for x in toks[k + 1 :]):
            return f.index(w, start) if toks.count(w) == 1 else end
    return end


class Resolver:
    """Per-document claimant resolution with memory of introduced speakers."""

    def __init__(self, source: str, folded: str) -> None:
        self.src = source  # original text (for surfaces), same offsets as `folded` via the caller's map
        self.f = folded
        self.seen: list[Speaker] = []
        self.last: Speaker | None = None
        self.gaz = gazetteer()
        self.to_orig: Callable[[int], int] | None = None  # folded → original offsets, set by the extractor
        self._verdicts: dict[tuple[str, str], Verdict] = {}
        self._family: dict[str, bool] = {}
        self._before: dict[str, list[str]] = {}  # word -> the words written right before it (see _words_before)
        self.lead: Callable[[], Speaker | None] | None = None  # the article's lead subject, set by the extractor

    # -- building ----------------------------------------------------------------------------------------
    def _affiliation(self, title: str | None) -> ActorRef | None:
        if not title:
            return None
        ms = self.gaz.mentions(title)
        return self.gaz.actor(ms[0]) if ms else None

    def person(self, name: str, title: str | None) -> Speaker:
        fn = fold(name)
        for sp in reversed(self.seen):
            if sp.person and _same_person(fold(sp.surface).split(), fn.split()):
                if title and not sp.actor.title:
                    sp.actor.title = title
                return sp
        e = self.gaz.lookup(name)
        if e is not None and e.kind == "person":
            actor = self.gaz.actor(e, title)
        else:
            parts = name.split()
            aliases = [parts[-1]] if len(parts) > 1 and len(parts[-1]) > 2 else []
            if title:
                aliases.append(title)
            actor = ActorRef(canonical=name, kind="person", name_ar=name, aliases=aliases, title=title,
                             affiliation=self._affiliation(title))
        keys = {stem(t) for t in (name + " " + (title or "")).split()}
        return Speaker(actor, name, keys=keys, person=True)

    def described(self, desc: str) -> Speaker:
        for a, b in (("«", "»"), ("“", "”")):
            if desc.count(a) > desc.count(b):
                desc += b  # "شركة «النور للطاقة»": the name's closing mark, cut off with the content
        e = self.gaz.lookup(desc)
        if e is not None:
            return Speaker(self.gaz.actor(e), desc, keys={stem(t) for t in desc.split()}, person=e.kind == "person")
        toks = desc.split()
        head = stem(toks[0]) if toks else ""
        actor = ActorRef(canonical=desc, kind="unknown", name_ar=desc, affiliation=self._affiliation(desc))
        if head in _source_person_stems():
            actor.kind = "person" if not head.endswith("ر") or head == "مصدر" else "unknown"
        elif self._org_head(head):
            actor.kind = "organisation"
        return Speaker(actor, desc, head=head, keys={stem(t) for t in toks})

    @staticmethod
    def _org_head(head: str) -> bool:
        return head in _source_head_stems() and head not in {"مصدر", "مصادر", "مسؤول", "مندوب"}

    def entity(self, e: Entry, surface: str) -> Speaker:
        return Speaker(self.gaz.actor(e), surface, head=stem(surface.split()[0]) if surface else "",
                       keys={stem(t) for t in surface.split()}, person=e.kind == "person")

    def remember(self, sp: Speaker) -> Speaker:
        """Make `sp` the last speaker (continuations and pronouns resolve to it), if it is a valid source."""
        if not self.verdict(sp).valid:
            return sp
        self.last = sp
        if sp not in self.seen:
            self.seen.append(sp)
        return sp

    @staticmethod
    def _reporting_from(region: str, m: re.Match[str]) -> bool:
        """ "نقلاً عن X", "عن X" opening the region, or an outlet before عن ("الوكالة عن X قوله")."""
        before = region[: m.start()].split()
        return m.group().lstrip().startswith("نقلا") or not before or before[0] in _SOURCE_NOUNS \
            or before[0].removeprefix("ال") in _MEDIA or bool(re.search(r"قول|تاكيد", m.group()))

    def _note_reporter(self, start: int, end: int, to_orig) -> None:
        """ "ذكرت الصحيفة نقلاً عن مصدر …": the outlet is the source's reporter; a later "وأضافت" with no
        subject may continue it, so it joins the speakers seen (without becoming the last one)."""
        sp = self.parse(start, end, to_orig)
        if sp is not None and sp not in self.seen and self.verdict(sp).valid:
            self.seen.append(sp)

    def verdict(self, sp: Speaker) -> Verdict:
        """The typed validity of a speaker (cached per surface and kind for the document)."""
        key = (sp.surface, sp.actor.kind)
        v = self._verdicts.get(key)
        if v is None:
            v = self._verdicts[key] = self._verdict(sp)
        return v

    def _verdict(self, sp: Speaker) -> Verdict:
        """The typed validity of a speaker; a one-word family name written earlier after a first name
        ("محمد بن عبدالهادي العمري" … "وأفاد العمري") is a person, not a noun cut from a longer name."""
        v = classify(sp.surface, sp.actor)
        if not v.valid and v.reason.endswith("cut from a longer name") and self._family_name(sp.surface):
            return Verdict(ClaimantType.PERSON, True)
        if not v.valid and v.reason == COMMON_WORD and self._after_first_name(sp.surface):
            return Verdict(ClaimantType.PERSON, True)  # «خالد جمعة … وأضاف جمعة»
        word = fold(sp.surface.strip())
        words = word.split()
        if v.valid and len(words) == 2 and words[0][:1] == "ي" and words[1].startswith("ال") \
                and self._imperfect_verb(words[0]):
            return Verdict(ClaimantType.UNKNOWN, False, "verb")  # "طالب يدرس الهندسة": a verb and its object
        if v.valid and " " not in word and CONJOINED_VERB.match(word) and word not in FIRST_NAMES \
                and self.gaz.lookup(sp.surface) is None and not self._family_name(sp.surface):
            return Verdict(ClaimantType.UNKNOWN, False, "verb")  # "وبثت من قناة …": a conjunction and a verb
        if v.valid and v.type is ClaimantType.PERSON and " " not in word and word[:1] in ("ب", "ي") \
                and word not in FIRST_NAMES and self.gaz.lookup(sp.surface) is None:
            if word.startswith("ب") and not self._family_name(sp.surface):
                return Verdict(ClaimantType.UNKNOWN, False, "preposition phrase")  # "وتقول ببرود": never a name
            if word.startswith("ي") and self._imperfect_verb(word):
                return Verdict(ClaimantType.UNKNOWN, False, "verb")  # "بدأ شين يدرك، كما يقول، أن"
        return v

    def _imperfect_verb(self, word: str) -> bool:
        """A word of imperfect-verb shape (ي + 3–5 letters) that is no known name and is never written after a
        first name in the document."""
        return 4 <= len(word) <= 6 and word not in FIRST_NAMES and self.gaz.lookup(word) is None and not any(
            p in FIRST_NAMES or p in ("بن", "ابن") for p in self._words_before(word))

    def _family_name(self, surface: str) -> bool:
        """True when the word is written somewhere in the document right after a name-like word."""
        w = fold(surface.strip())
        if w not in self._family:
            self._family[w] = w in self.f and self._written_after_name(w)
        return self._family[w]

    def _after_first_name(self, surface: str) -> bool:
        """True when the word is written somewhere in the document right after a known first name or «بن»."""
        w = fold(surface.strip())
        return any(p in FIRST_NAMES or p in ("بن", "ابن", "ابو") for p in self._words_before(w))

    def _words_before(self, w: str) -> list[str]:
        """The words (`_WORD` tokens) written right before each occurrence of the word `w` in the document, in
        order; found with str.find from the occurrences of `w`, not by tokenising the whole document."""
        hit = self._before.get(w)
        if hit is None:
            hit = self._before[w] = _words_before(self.f, w)
        return hit

    def _written_after_name(self, w: str) -> bool:
        for prev in self._words_before(w):
            bare = prev[1:] if prev[:1] in "وف" and len(prev) > 3 else prev
            if prev in FIRST_NAMES or prev in ("بن", "ابن", "ابو", "عبد") or (
                    not prev.startswith(("ال", "وال", "بال", "لل")) and len(prev) >= 3 and bare not in VERB_FORM
                    and prev not in VERB_FORM
                    and prev not in SUBJECT_STOP and prev not in ROLE_WORDS and prev not in HONORIFICS
                    and prev not in _NAME_BREAKERS and not prev[-1:].isdigit()):
                return True
        return False

    # -- resolving described speakers ----------------------------------------------------------------------
    def resolve_description(self, desc: str, before: int) -> Speaker:
        """A described speaker or bare title → an earlier speaker when it fits, else a new described one."""
        toks = [stem(t) for t in desc.split()]
        if not toks:
            return self.described(desc)
        head, quals = toks[0], [t for t in toks[1:] if t not in ("رسمي", "باسم", "اسم")]
        if head in ("بيان", "تقرير", "رساله") and desc.startswith("ال") and not quals:
            issuer = self._issuer(before)  # "وأصدر الوزير X بياناً … وقال البيان": X
            if issuer is not None:
                return issuer
        if head in ("مصدر", "مصادر") and desc.startswith("ال") and self.last is not None \
                and all(q in ("نفس", "ذات", "ذاته", "نفسه", "نفسها", "ذاتها") for q in quals):
            return self.last  # "وفق المصدر نفسه": the source just named
        for sp in reversed(self.seen):
            if head in _GENERIC or head in {"مسؤوله"}:
                if quals and all(q in sp.keys for q in quals) and sp.person:
                    return sp
                if not quals and (sp.person or sp.head == head):
                    return sp
            elif sp.person and head in sp.keys:
                overlap = sum(1 for q in toks if q in sp.keys) / len(toks)
                if overlap >= 0.5 and not _other_nationality(quals, sp):
                    return sp
            elif len(toks) <= 2 and sp.head and (sp.head == head or sp.head.rstrip("ه") == head.rstrip("ه")) \
                    and (all(q in sp.keys for q in quals) or not is_on(QUALIFIED_HEAD)):
                return sp
        if len(toks) == 1 and desc.startswith("ال"):
            e = self._mentioned_before(head, before)
            if e is not None:
                return self.entity(e, e.name_ar)
        return self.described(desc)

    def _issuer(self, before: int) -> Speaker | None:
        """Who issued the statement or report mentioned last before `before` ("أصدر X بياناً")."""
        last = None
        for m in _ISSUED.finditer(self.f, max(0, before - 2000), before):
            last = m
        if last is None or self.to_orig is None:
            return None
        sp = self.parse_np(last.start(1), last.end(1), self.to_orig)
        return sp if sp is not None and (sp.person or sp.actor.kind != "unknown" or sp.head) else None

    def _mentioned_before(self, head: str, before: int) -> Entry | None:
        """The gazetteer entity named by a head noun ("الجماعة" → "جماعة الإخوان …") mentioned earlier."""
        aliases = _aliases_by_head().get(head, ())
        if not aliases:
            return None  # (most heads: no fold of the window)
        best: tuple[int, Entry] | None = None
        window = fold(self.f[max(0, before - 3000) : before])
        for alias, e in aliases:
            pos = window.rfind(alias)
            if pos >= 0 and (best is None or pos > best[0]):
                best = (pos, e)
        return best[1] if best else None

    # -- parsing -------------------------------------------------------------------------------------------
    def parse_np(self, start: int, end: int, to_orig, source: bool = False) -> Speaker | None:
        """The noun phrase right after a verb with no complementizer (or after بحسب): find where it ends."""
        f = self.f
        m = (_SOURCE_STOP if source else _NP_STOP).search(f, start, end)  # a source may be «quoted»
        toks = tokens(f, start, m.start() if m else end)
        words = [f[a:b] for a, b in toks]
        if source:
            while words and words[0] in ("بيان", "بيانات", "تقرير", "تصريحات", "مصادر") and len(words) > 1 \
                    and words[1].startswith("ل") and not words[1].startswith("لا"):
                s0 = toks[1][0] + 1
                toks = [(s0, toks[1][1])] + toks[2:]
                words = [f[a:b] for a, b in toks]
            # "وفقاً لتقديرات الأمم المتحدة": the owner of a document noun is the source, when it is an actor
            w0 = words[0][1:] if words and words[0].startswith("ل") and len(words[0]) > 4 else (words[0] if words else "")
            if w0 in _DOC_NOUNS and len(words) > 1 and (
                    self.gaz.longest_prefix(words[1:]) is not None or words[1] in SOURCE_HEADS or words[1] in ROLE_WORDS):
                toks, words = toks[1:], words[1:]
        while len(words) > 1 and words[0] in ("ايضا", "كذلك", "بدوره", "بدورها"):
            toks, words = toks[1:], words[1:]
        n_title = _styled_title_len(words)
        toks, words = toks[n_title:], words[n_title:]
        if words and words[0] in _HONORIFIC_PRONOUNS:
            return self._last_person()
        if self._nationality_first(words):
            toks, words = toks[1:], words[1:]  # "اعتبر الأردني الأمير علي …": a nationality before the name
        if not words or words[0] in _QUANT and words[0] not in _COLLECTIVE or words[0] in SUBJECT_STOP:
            return None
        gz = self.gaz.longest_prefix(words)
        if words[0] in _COLLECTIVE:
            n = _collective_len(words)
        elif gz:
            n = gz[1]
        elif source:
            if not self._plausible_source(words[0]):
                return None  # "وفقاً للقانون", "حسب الخطة": not a source
            n = min(len(words), 6)
        else:
            i = 0
            while i < len(words) - 1 and (words[i] in HONORIFICS or i > 0 and words[i] in _RANK_QUALIFIERS):
                i += 1
            w0 = words[i]
            if w0 in ROLE_WORDS or w0 in SOURCE_HEADS or w0.startswith("ال") and w0 != "ال":  # not «آل»
                n = i + _np_len(words[i:])
                if w0 in ROLE_WORDS and n < len(words) and (words[n] in FIRST_NAMES or words[n] in HONORIFICS):
                    n += (1 if words[n] in HONORIFICS else 0)
                    n += _name_len(words, n)
            elif i == 0 and _nominative_plural(w0) and is_on(NOMINATIVE_PLURAL):
                n = 1  # "أكد متعاملون في سوق الأسماك …": a plural in -ون after the verb is its subject
                if len(words) > 2 and words[1] in ("في", "من"):
                    n = 2 + _np_len(words[2:])
                a, b = toks[0][0], toks[n - 1][1]
                return self.described(self.src[to_orig(a) : to_orig(b - 1) + 1])
            elif i == 0 and CONSTRUCT_PLURAL.match(w0) and len(words) > 1 and w0 not in FIRST_NAMES \
                    and (words[1].startswith("ال") or words[1] in SOURCE_HEADS):
                n = 1 + _np_len(words[1:])  # "أعلن متمردو حركة طالبان …"
            else:
                n = i + _name_len(words, i)
                known = i > 0 or words[i] in FIRST_NAMES or self._seen_key(words[i]) or bool(
                    m and n == len(words) and _APPOSITION.match(f, m.start()))  # "X، مدير …"
                if not known and not (n < len(words) and words[n] in ROLE_WORDS and not words[n].startswith("ال")):
                    return None  # "واستبعد إجراء تعديل": an object, not a name; the caller falls back
                while n < len(words) and words[n] in ROLE_WORDS:
                    n += _np_len(words[n:])
        if n <= 0:
            return None
        sp = self.parse(toks[0][0], toks[min(n, len(toks)) - 1][1], to_orig)
        return self._known_speaker_then_object(sp) if sp is not None else None

    def _known_speaker_then_object(self, sp: Speaker) -> Speaker:
        """ "وطالب الرويس شركة «سالك» بـ…", "ووصف علاوي العبادي بأنه …": a speaker named before, followed by
        the verb's object, is that speaker; the object is not part of the name."""
        if sp in self.seen or not sp.surface:
            return sp
        words = [stem(w) for w in fold(sp.surface).split()]
        if len(words) < 2:
            return sp
        folded = fold(sp.surface).split()
        for known in reversed(self.seen):
            kw = fold(known.surface).split() if known.surface else [""]
            last = stem(kw[-1])
            family = len(kw) < 2 or kw[-2] not in ("بن", "ابن")  # "فيصل بن خالد" ends in a father's name
            if known.person and words[0] == last and family \
                    and not all(w in known.keys for w in words):
                return known  # the NP opens with the known speaker's family name
            whole = fold(known.surface).split()
            if known.person and 1 < len(whole) < len(folded) and folded[: len(whole)] == whole and is_on(KNOWN_NAME):
                return known  # "ودعا الأمير X بن Y المولى أن …": the whole known name, then the verb's object
        return sp

    def _last_person(self) -> Speaker | None:
        """The dignitary an honorific pronoun («سموه», «معاليه») refers to: the last person named, else the
        subject of the article's lead sentence ("رفع الأمير X التعازي … . وقال سموه")."""
        sp = next((sp for sp in reversed(self.seen) if sp.person), None)
        if sp is None and self.lead is not None and is_on(HONORIFIC_LEAD):
            lead, self.lead = self.lead, None  # the lead sentence may itself hold «سموه»: no recursion
            try:
                sp = lead()
            finally:
                self.lead = lead
        return sp

    def _seen_key(self, word: str) -> bool:
        k = stem(word)
        return any(k in sp.keys for sp in self.seen)

    def _plausible_source(self, word: str) -> bool:
        w = word[1:] if word.startswith("ل") and not word.startswith("لا") and len(word) > 3 else word
        w = "ال" + w[1:] if w.startswith("ل") and len(w) > 3 else w  # للوكالة → الوكالة
        return (w in SOURCE_HEADS or w in ROLE_WORDS or w in HONORIFICS or w in FIRST_NAMES or w in _SOURCE_NOUNS
                or self.gaz.longest_prefix([w]) is not None or self._seen_key(w))

    def antecedent(self, clause_start: int, rel_start: int, to_orig) -> Speaker | None:
        """The person or body a relative pronoun refers to ("… مع الدكتور X مدير Y الذي أكد")."""
        f = self.f
        toks = tokens(f, clause_start, rel_start)[-8:]
        for k in range(len(toks) - 1, -1, -1):  # the nearest honorific opens the antecedent ("بالدكتور X")
            w = f[toks[k][0] : toks[k][1]]
            if (w in HONORIFICS or w[1:] in HONORIFICS and w[0] in "وبل") and k + 1 < len(toks):
                sp = self.parse(toks[k + 1][0], toks[-1][1], to_orig)
                if sp is not None and sp.person:
                    return sp
                break
        for k, (a, _b) in enumerate(toks):
            w = f[a:_b]
            if w in HONORIFICS or w in ROLE_WORDS or w in FIRST_NAMES or w in SOURCE_HEADS \
                    or self.gaz.longest_prefix([f[x:y] for x, y in toks[k:]]) is not None:
                sp = self.parse(a, toks[-1][1], to_orig)
                if sp is not None and (sp.person or sp.actor.kind != "unknown" or sp.head):
                    return sp
                return None
        return None

    def main_subject(self, sent_start: int, upto: int, to_orig) -> Speaker | None:
        """Subject of a sentence that opens with و/ف + verb ("وأصدر الرئيس X بياناً …، موضحاً أن")."""
        f = self.f
        toks = tokens(f, sent_start, upto)
        if toks and f[toks[0][0] : toks[0][1]] in _LEAD_PARTICLES:  # "فيما سخر كثيرون …"
            toks = toks[1:]
            w = f[toks[0][0] : toks[0][1]] if toks else ""
            if len(w) < 3 or w.startswith("ال") or w in SUBJECT_STOP or w in _PARTICLES or w in _KANA:
                return None
        else:
            w = f[toks[0][0] : toks[0][1]] if toks else ""
            titled = len(toks) > 1 and verb_before_title(w, f[toks[1][0] : toks[1][1]])
            if len(w) < 4 or w[0] not in "وف" or w[1:] in SUBJECT_STOP and not titled or w[1:].startswith("ال") \
                    or w[1:] in _PARTICLES or w[1:] in _KANA:
                return None
        if len(toks) < 3:
            return None
        if not self.opens_subject([f[a:b] for a, b in toks[1:7]]):
            return None
        return self.parse_np(toks[1][0], upto, to_orig)

    def opens_subject(self, words: list[str]) -> bool:
        """True when `words` (folded, after a verb) open a subject: a title, an honorific, a first name, a
        speaker already named, a human or collective noun, a source head or a known entity."""
        nxt = words[0] if words else ""
        return bool(nxt) and (nxt in ROLE_WORDS or nxt in HONORIFICS or nxt in FIRST_NAMES or self._seen_key(nxt)
                              or nxt in HUMAN_NOUNS or nxt in _COLLECTIVE or nxt in SOURCE_HEADS
                              or self.gaz.longest_prefix(words) is not None)

    def _nationality_first(self, words: list[str]) -> bool:
        """ "الأردني الأمير علي …": a nationality adjective before an honorific or a first name."""
        return len(words) > 2 and bool(_NISBA_ADJ.match(words[0])) and words[0] not in ROLE_WORDS \
            and words[0] not in HONORIFICS and words[0] not in SOURCE_HEADS \
            and (words[1] in HONORIFICS or words[1] in FIRST_NAMES) and self.gaz.longest_prefix(words) is None

    def parse(self, start: int, end: int, to_orig) -> Speaker | None:
        """Parse the folded subject region [start, end) (between a verb and its content)."""
        f = self.f
        first = _TOKEN.search(f, start, end)
        if first and first.group() in _HONORIFIC_PRONOUNS:
            return self._last_person()  # "وأكد سموه": the dignitary just named
        anon = _ANONYMOUS.search(f, start, end)
        if anon:  # "مسؤول رفض الكشف عن اسمه لفرانس برس": the official, not "اسمه"
            end = anon.start()
        end = _before_trailing_phrase(f, start, end)
        region = f[start:end]
        m = _REPORTED_FROM.search(region) if "عن" in region else None  # (the pattern needs «عن»)
        if m and (_REPRESENTING.search(region[: m.start()]) or not self._reporting_from(region, m)):
            m = None  # "وقال محامٍ عن المتهمين", "هيئة … والنهي عن المنكر": no report quoting someone
        if m and m.start() > 0 or (m and region.lstrip().startswith("عن")):
            if m.start() > 0:
                self._note_reporter(start, start + m.start(), to_orig)
            return self.parse(start + m.start(1), start + m.end(1), to_orig)
        parts = self._subject_parts(start, end)
        if not parts:
            return None
        acc = _Subject()
        for toks in parts:
            sp = self._read_part(toks, acc, to_orig)
            if sp is not None:
                return sp
        if acc.name:
            return self._known_speaker_then_object(self.person(acc.name, acc.title))
        if acc.title or acc.desc:
            return self.resolve_description(acc.title or acc.desc or "", start)
        return None

    def _subject_parts(self, start: int, end: int) -> list[list[tuple[int, int]]]:
        """The comma-separated parts of a subject region, each cut at the first word that ends a subject
        (a title part keeps its preposition phrase: "المسؤول في الوزارة", not the occasion "في مؤتمر")."""
        f = self.f
        parts: list[list[tuple[int, int]]] = []
        for seg in _PART.finditer(f[start:end]):
            toks = tokens(f, start + seg.start(), start + seg.end())
            kept: list[tuple[int, int]] = []
            role = bool(toks) and (f[toks[0][0] : toks[0][1]] in ROLE_WORDS or len(parts) > 0
                                   or f[toks[0][0] : toks[0][1]] in ("احد", "احدي"))
            for k, (a, b) in enumerate(toks):
                w = f[a:b]
                if role and w in ("في", "ب", "لدي", "عن", "علي") and kept:
                    nxt = f[toks[k + 1][0] : toks[k + 1][1]] if k + 1 < len(toks) else ""
                    if nxt.removeprefix("ال") in _SPEECH_EVENTS:
                        break  # "الوزير في مؤتمر صحفي": the occasion, not part of the title
                    kept.append((a, b))
                    continue
                if w == "عن" and kept and k + 1 < len(toks) and f[toks[k + 1][0] : toks[k + 1][1]].startswith("ال") \
                        and f[toks[0][0] : toks[0][1]].removeprefix("ال") in ORG_HEADS:
                    kept.append((a, b))  # "هيئة الأمر بالمعروف والنهي عن المنكر": one name
                    continue
                if w in _VERB_STOPS and bool(kept) and (f[kept[-1][0] : kept[-1][1]] in HONORIFICS
                                                        or f[kept[-1][0] : kept[-1][1]] in _RANK_QUALIFIERS):
                    kept.append((a, b))  # "العميد ركن فضل حسن": a name spelled like a verb, after a title
                    continue
                after_bin = bool(kept) and f[kept[-1][0] : kept[-1][1]] in ("بن", "ابن")  # "أسامة بن فضل"
                if not after_bin and (w in SUBJECT_STOP or (w.startswith("لـ") and len(w) <= 3) or w in ("لـ",)
                                      or w in _TOPIC_STOP):
                    break
                if kept and w.startswith("لل") and w.endswith(("ين", "ون")):
                    break  # "قال الضابط للمحتجين": the people addressed
                if kept and not role and object_noun(w) and is_on(OBJECT_AFTER_NAME) \
                        and ((first := f[kept[0][0] : kept[0][1]]).removeprefix("ال") not in ORG_HEADS
                             or first.startswith("ال") and len(kept) == 1 and w.removeprefix("ال") not in ORG_HEADS) \
                        and (first.startswith("ال") or w.removeprefix("ال") not in ORG_HEADS):
                    break  # "وأكد الغبان أهمية …", "وطالب الرويس شركة …", "وأكد المجلس أهمية …": the verb's object
                if kept and w.endswith("ين") and _OBLIQUE_OBJECT.match(w) and _DEFINITE_SINGULAR.match(f[kept[-1][0] : kept[-1][1]]) \
                        and w not in _DUALS and w not in ROLE_WORDS and w not in HONORIFICS and is_on(PLURAL_OBJECT_AFTER_SUBJECT):
                    break  # "ودعت وزارة الصحة المواطنين إلى …": the people addressed

                kept.append((a, b))
            if kept:
                parts.append(kept)
        return parts

    def _read_part(self, toks: list[tuple[int, int]], acc: _Subject, to_orig) -> Speaker | None:
        """Read one part into `acc` (name, title, description); a whole entity or a coordinated name
        ("المستشار … والمحامي علي الغامدي") is returned at once."""
        f = self.f
        words = [f[a:b] for a, b in toks]
        if self._nationality_first(words):
            toks, words = toks[1:], words[1:]
        sur = lambda i, j: self.src[to_orig(toks[i][0]) : to_orig(toks[j - 1][1] - 1) + 1]  # noqa: E731
        gz = self.gaz.longest_prefix(words)
        if gz and gz[1] == len(words):
            return self.entity(gz[0], sur(0, gz[1])) if acc.empty else None
        k = next((j for j in range(1, len(words) - 1) if words[j].startswith("وال")
                  and (words[j][1:] in HONORIFICS or words[j][1:] in ROLE_WORDS)
                  and not words[j + 1].startswith("ال")), None)
        if k is not None and acc.name is None and _name_len(words, k + 1):
            return self.person(sur(k + 1, k + 1 + _name_len(words, k + 1)), sur(0, k + 1))
        if CONSTRUCT_PLURAL.match(words[0]) and len(words) > 1 and words[0] not in FIRST_NAMES \
                and (words[1].startswith("ال") or words[1] in SOURCE_HEADS) and acc.desc is None and acc.name is None:
            acc.desc = sur(0, 1 + _np_len(words[1:]))  # "متمردو حركة طالبان"
            return None
        i = 0
        while i < len(words) and (words[i] in HONORIFICS or i > 0 and words[i] in _RANK_QUALIFIERS) and i + 1 < len(words):
            i += 1
        w0 = words[i]
        if i == 0 and len(words) > 2 and w0 not in FIRST_NAMES and not self._seen_key(w0) and w0 not in ROLE_WORDS \
                and words[1] in ORG_HEADS and words[2].startswith("ال") and is_on(OWNED_BY_BODY):
            if acc.empty:  # "نصيحة وزارة الخارجية": the body's advice speaks for the body
                acc.desc = sur(0, len(words))
            return None
        if i == 0 and len(words) > 1 and w0 not in FIRST_NAMES and not self._seen_key(w0) \
                and words[1].startswith("ال") and (self.gaz.longest_prefix(words[1:]) is not None
                                                   or words[1] in SOURCE_HEADS):
            if acc.empty:  # "تحقيقات النيابة العامة": X of a body
                acc.desc = sur(0, len(words))
            return None
        if self._read_name_or_title(words, i, sur, acc, bool(gz)):
            return None
        if gz and acc.empty:
            return self.entity(gz[0], sur(0, gz[1]))
        if acc.empty and w0 not in _QUANT:
            acc.desc = sur(0, len(words))  # the whole part up to أن: «هيئة الأمر بالمعروف والنهي عن المنكر»
        return None

    @staticmethod
    def _read_name_or_title(words: list[str], i: int, sur, acc: _Subject, gz: bool) -> bool:
        """A personal name (after honorifics), a quantified source ("أحد العاملين") or a title with a name
        inside it; True when the part was consumed."""
        w0 = words[i]
        if i > 0 or (w0 not in ROLE_WORDS and w0 not in SOURCE_HEADS and not w0.startswith("ال")
                     and w0 not in _QUANT and not gz):
            n = _name_len(words, i)
            if n and acc.name is None:
                acc.name = sur(i, i + n)
                if i + n < len(words):
                    acc.title = acc.title or sur(i + n, len(words))
                return True
        if w0 in _COLLECTIVE and i == 0 and acc.empty:
            n = _collective_len(words) if w0 not in ("احد", "احدي") else len(words)
            if n:
                acc.desc = sur(0, n)
            return True
        if w0 in ROLE_WORDS or w0 in HUMAN_NOUNS:
            j = _name_inside(words, i + 1)
            if j is not None and acc.name is None:
                acc.title = acc.title or sur(0, j)
                acc.name = sur(j, j + _name_len(words, j))
            elif acc.title is None:
                acc.title = sur(0, len(words))
            return True
        return False


@dataclass(slots=True)
class _Subject:
    """What the parts of a subject region have given so far."""

    name: str | None = None
    title: str | None = None
    desc: str | None = None

    @property
    def empty(self) -> bool:
        return self.name is None and self.title is None and self.desc is None


_STYLES = frozenset("السمو المعالي الفضيله السعاده الجلاله الفخامه السماحه الدوله".split())


_SINGULAR_UN = frozenset("قانون مضمون كانون زيتون ليمون صابون فرعون هارون قارون شمعون مليون بليون تريليون عربون".split())


def _other_nationality(quals: list[str], sp: Speaker) -> bool:
    """ "الوزير الألماني" is not the Saudi minister named before: a nationality adjective (a nisba qualifier) that
    the earlier speaker's name and title do not hold."""
    return any(len(q) > 4 and q.endswith("ي") and q not in sp.keys for q in quals)


def _same_person(seen: list[str], name: list[str]) -> bool:
    """True when a name written now is a person named before: one name ends the other ("أبو زيد" after "ماريو
    أبو زيد", "خالد محمد معافا" after "محمد معافا"), or both share first and family name. Two full names that
    share only the family name ("محمد بن علي الشهري", "عبدالعزيز بن عوض الشهري") are two people."""
    if not seen or not name:
        return False
    short, long_ = sorted((seen, name), key=len)
    return long_[-len(short):] == short or seen[0] == name[0] and seen[-1] == name[-1]


def _nominative_plural(w: str) -> bool:
    """A sound masculine plural in the nominative («متعاملون», «مسؤولون»): only a subject ends in -ون."""
    return len(w) >= 6 and w.endswith("ون") and not w.startswith("ال") and w not in _SINGULAR_UN \
        and w not in FIRST_NAMES


def _styled_title_len(words: list[str]) -> int:
    """Words of a style of address opening a subject («صاحب السمو الملكي الأمير X»): the name follows it."""
    if not is_on(STYLED_TITLE) or len(words) < 3 or words[0] not in ("صاحب", "صاحبه") or words[1] not in _STYLES:
        return 0
    return 3 if words[2] == "الملكي" else 2


@lru_cache(maxsize=1)
def _source_person_stems() -> frozenset[str]:
    """Stems of the heads of a described source that is a person or an official."""
    return frozenset(stem(h) for h in ("مصدر", "مصادر", "مسؤول", "مندوب", "شاهد"))


@lru_cache(maxsize=1)
def _source_head_stems() -> frozenset[str]:
    return frozenset(stem(h) for h in SOURCE_HEADS)


@lru_cache(maxsize=1)
def _aliases_by_head() -> dict[str, list[tuple[str, Entry]]]:
    """Multi-word gazetteer aliases keyed by the stem of their first word ("جماعه" → جماعة الإخوان …)."""
    out: dict[str, list[tuple[str, Entry]]] = {}
    for alias, e in gazetteer().alias.items():
        if len(alias.split()) > 1:
            out.setdefault(stem(alias.split()[0]), []).append((alias, e))
    return out


def speaker_from_entry(e: Entry) -> ActorRef:
    return gazetteer().actor(e)
