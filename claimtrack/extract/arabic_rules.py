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


_TRIM_TAIL = re.compile(r"[\s،,؛;:\-–]+$|(?:[\s،,]+(?:و|ف|كما|ثم|بل|لكن))+\s*$")


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
