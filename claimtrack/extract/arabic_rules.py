"""Arabic cue filters on folded text: reporting-verb look-alikes that attribute no proposition."""

from __future__ import annotations

import re
from dataclasses import dataclass

_W = r"[\u0621-\u064A\w]"
# emotion nouns after أبدى / أعرب (عن): "أبدى استياءه", "أعرب عن قلقه"
_EMOTION = re.compile(
    rf"\s*(?:عن\s+)?(?:\S+\s+){{0,4}}?(?:ال)?(?:استياء|اسف|ارتياح|تفاول|تفاؤل|قلق|سعاد|ترحيب|اعتزاز|امتنان|حزن"
    rf"|غضب|انزعاج|دهش|استغراب|فخر|سرور|تشاؤم|تشاوم|خشي|غبط|اسي|تعاطف|تضامن){_W}*"
)
# what the emotion is about when it names no proposition: "مما يحدث", "إلى ما وصلت إليه", "لما جرى"
_VAGUE_OBJECT = re.compile(rf"\s*(?:\S+\s+)?(?:مما|لما|عما|(?:من|الي|ل|ازاء|حيال|تجاه)\s+ما)(?!{_W})")
# a relative ما as the subject of the cue: "وهو ما يشير إلى أن", "مما يؤكد": the journalist's inference
_RELATIVE_MA = re.compile(r"(?<!\S)(?:(?:و?(?:هو|هي|هذا)\s+)ما|مما)\s+$")


def pure_emotion(f: str, cend: int, end: int) -> bool:
    """True when a أبدى/أعرب cue ending at `cend` expresses an emotion about an unnamed "what happened"
    ("أبدى البعض استياءهم مما يحدث"): no proposition, so no claim. "أبدى قلقه من تراجع الصادرات" stays."""
    m = _EMOTION.match(f, cend, end)
    if m is None:
        return False
    rest = f[m.end() : end]
    return len(rest.split()) <= 1 or bool(_VAGUE_OBJECT.match(rest))


def relative_ma_subject(f: str, cue_start: int) -> bool:
    """True when the cue's subject is a relative ما ("وهو ما يعني/يشير إلى أن …")."""
    return bool(_RELATIVE_MA.search(f, max(0, cue_start - 12), cue_start))


_SRC_END = re.compile(r"[،,.]|(?<!\S)ف?ان(?:ه|ها|هم)?(?!\S)|$")


def source_end(f: str, start: int, end: int) -> tuple[int, int]:
    """Where a source named after بحسب / وفقاً لـ ends, and where the content after it starts:
    a comma or full stop, or فإن ("ووفقاً لشبكة X فإن الصفقة …")."""
    m = _SRC_END.search(f, start, end)
    assert m is not None
    return m.start(), m.end()


_TRIM_TAIL = re.compile(r"[\s،,؛;:\-–]+$|(?:[\s،,]+(?:و|ف|كما|ثم|بل|لكن|فيما|بينما|في\s+حين))+\s*$")


@dataclass(slots=True)
class Open:
    """A straight quotation mark opening the content, shaped like a complementizer match."""

    at: int

    def group(self) -> str:
        return '"'

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at + 1


def trim(f: str, a: int, b: int) -> tuple[int, int]:
    """Drop trailing punctuation and dangling conjunctions (، و / ثم / لكن …) and leading commas."""
    while b > a:
        m = _TRIM_TAIL.search(f, max(a, b - 12), b)  # the tail only: searching all of [a, b) is slow
        if not m or m.start() == m.end():
            break
        b = m.start()
    while a < b and f[a] in " \t،,:":
        a += 1
    return a, b


# -- headline, denial and subject patterns (used by the named rules in arabic_frame / arabic_speaker) ---------
# a wire-desk prefix on a headline: "عام / …", "رياضي / …"
WIRE_PREFIX = re.compile(r"^\s*[^\s/]{2,8}\s*/\s*")
# "…، وأن …" after a denied report: a new proposition, asserted rather than denied
DENIAL_THEN_ANNA = re.compile(r"[،,]\s*وان(?:ه|ها|هم)?(?!\S)")
# "وينتظر أن يدعو …", "ومن المقرر أن يعلن …": an expected act, not a claim
EXPECTED_BEFORE = re.compile(
    r"(?<!\S)(?:و|ف)?(?:ينتظر|يتوقع|يرتقب|يفترض|تنتظر|تتوقع|المنتظر|المتوقع|المقرر|المرتقب|المفترض|المزمع)\s+ان\s*$")
# "متمردو حركة طالبان", "مسؤولو الوزارة": a construct plural heading a described source
CONSTRUCT_PLURAL = re.compile(r"^م\S{3,}و$")
# "كتب X تدوينة قال فيها …": the writer of the post speaks
WROTE_POST = re.compile(r"(?<!\S)[وف]?(?:كتب|كتبت|نشر|نشرت|اصدر|اصدرت|وجه|وجهت|القي|القت)\s+(\S.{2,80}?)\s+"
                        r"(?:تدوينه|تغريده|رساله|بيانا|مقالا|منشورا|كلمه|خطابا)(?!\S)")
_NEGATION = re.compile(r"(?<!\S)(?:لم|لا|لن|ليس|ليست|غير|عدم)(?!\S)")


def skeleton(words: str) -> set[str]:
    """Rough consonant skeletons of the content words (folded text): "اعتقال" and "تعتقل" both give "عقل"."""
    out = set()
    for w in words.split():
        w = re.sub(r"^(?:و|ف)?(?:ال|بال|لل|ب|ل)?", "", w)
        sk = re.sub(r"[اويته]", "", w)
        if len(sk) >= 3:
            out.add(sk)
    return out


def negated_restatement(head_content: str, body_content: str, same_source: bool) -> bool:
    """True when a body claim negates what a denial headline says: a negation and a shared content word
    (two for a speaker not tied to the headline's source: "رئاسة الحرمين تنفي …" / "نائب الرئيس العام …")."""
    shared = skeleton(head_content) & skeleton(body_content)
    return bool(_NEGATION.search(body_content)) and len(shared) >= (1 if same_source else 2)
