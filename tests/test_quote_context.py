"""The claim screen's context: the span's sentence and its neighbours, capped, the whole paragraph on request."""

from __future__ import annotations

from tui.quote_context import ELLIPSIS, MAX_AROUND, QUOTE_STYLE, is_shortened, quote_in_context

SENTENCES = ["One starts.", "Two goes on!", "Three holds the SPAN here.", "Four follows?", "Five ends."]
TEXT = "Headline\n" + " ".join(SENTENCES) + "\nNext paragraph."


def _span(text: str, word: str) -> tuple[int, int]:
    i = text.index(word)
    return i, i + len(word)


def _styled(t) -> list[str]:  # type: ignore[no-untyped-def]
    return [t.plain[s.start:s.end] for s in t.spans if s.style == QUOTE_STYLE]


def test_the_span_comes_with_one_sentence_either_side() -> None:
    shown = quote_in_context(TEXT, *_span(TEXT, "SPAN"))
    assert shown.plain == f"{ELLIPSIS}Two goes on! Three holds the SPAN here. Four follows?{ELLIPSIS}"
    assert _styled(shown) == ["SPAN"]
    assert is_shortened(TEXT, *_span(TEXT, "SPAN"))


def test_the_whole_paragraph_on_request() -> None:
    shown = quote_in_context(TEXT, *_span(TEXT, "SPAN"), whole=True)
    assert shown.plain == " ".join(SENTENCES) and _styled(shown) == ["SPAN"]


def test_at_the_edges_of_a_paragraph_nothing_is_marked_as_left_out() -> None:
    first = quote_in_context(TEXT, *_span(TEXT, "One"))
    assert first.plain == f"One starts. Two goes on!{ELLIPSIS}"
    last = quote_in_context(TEXT, *_span(TEXT, "ends"))
    assert last.plain == f"{ELLIPSIS}Four follows? Five ends."
    short = "Only one sentence with the span."
    assert quote_in_context(short, *_span(short, "span")).plain == short and not is_shortened(short, 0, 4)


def test_arabic_question_marks_end_sentences() -> None:
    text = "قال الوزير إن الاقتصاد ينمو. وأضاف أن البطالة تراجعت؟ ثم قال شيئا آخر. ونهاية."
    shown = quote_in_context(text, *_span(text, "البطالة"))
    assert shown.plain == f"قال الوزير إن الاقتصاد ينمو. وأضاف أن البطالة تراجعت؟ ثم قال شيئا آخر.{ELLIPSIS}"


def test_a_paragraph_without_sentence_breaks_is_cut_at_words() -> None:
    words = " ".join(f"w{i}" for i in range(2000))
    start, end = _span(words, "w1000 ")
    shown = quote_in_context(words, start, end - 1)
    before, after = shown.plain.split("w1000", 1)
    assert before.startswith(ELLIPSIS) and after.endswith(ELLIPSIS)
    assert len(before) <= MAX_AROUND + 1 and len(after) <= MAX_AROUND + 1
    assert before[1:].split(" ")[0].startswith("w") and after[:-1].split(" ")[-1].startswith("w")  # whole words
    assert _styled(shown) == ["w1000"]
