"""The extractor's fast paths give what the plain forms they replace give (random strings over the characters
that matter, fixed seeds). `bench/extract_identity.py` checks the whole output on the corpora."""

from __future__ import annotations

import importlib
import random
import re

import pytest

from claimtrack.extract.claimant_words import TOKEN
from claimtrack.extract.claimants import _WORD, _words_before
from claimtrack.extract.segment import _MARKS, Folded
from claimtrack.text import _SENT_END, fold, split_sentences

CW = importlib.import_module("claimtrack.extract.checkworthiness")  # the module (the package exports the function)


def _strings(alphabet: list[str], n: int, seed: int, most: int = 12) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, most))) for _ in range(n)]


def test_sentence_ends_match_the_plain_pattern() -> None:
    plain = re.compile(r"\.(?![\d.])|[!?؟]+|\n+")
    for s in _strings(list("a.1!?؟\n ») "), 20000, seed=1):
        assert [m.span() for m in _SENT_END.finditer(s)] == [m.span() for m in plain.finditer(s)], s
    text = "قال الوزير. وأضاف!؟ نعم\n\nلا 1.5 مليون."
    assert [text[a:b] for a, b in split_sentences(text)] == ["قال الوزير.", "وأضاف!؟", "نعم", "لا 1.5 مليون."]


def test_class_then_star_patterns_match_the_plus_forms() -> None:
    marks = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]+")
    token = re.compile(r"[^\s،,:;؛«»“”\"()\[\].!?؟]+")
    word = re.compile(r"[^\s،,.:؛;!?؟«»“”\"()]+")
    for s in _strings(["ب", "\u064b", "\u0640", " ", "،", ".", "«", "x", "\n"], 20000, seed=2):
        for fast, plain in ((_MARKS, marks), (TOKEN, token), (_WORD, word)):
            assert [m.span() for m in fast.finditer(s)] == [m.span() for m in plain.finditer(s)], (s, plain.pattern)


def _pairs(f: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    toks = _WORD.findall(f)
    for a, b in zip(toks, toks[1:], strict=False):
        out.setdefault(b, []).append(a)
    return out


def test_words_before_a_word_match_the_consecutive_token_pairs() -> None:
    for f in _strings(["ab", "a", "b", " ", "،", ".", "\u00a0", "\n", "(", "ba"], 20000, seed=3):
        pairs = _pairs(f)
        for w in ("a", "b", "ab", "ba", "a b", ""):
            assert _words_before(f, w) == pairs.get(w, []), (f, w)


def test_fold_collapses_every_kind_of_white_space() -> None:
    assert fold(" قال\u00a0 الوزير\n\tأمس\u2003") == "قال الوزير امس"
    assert fold("") == ""


@pytest.mark.parametrize("text", ["قتل 3 وسجلت ارتفاعا مهم جدا", "need to think, killed one", "سجلت سلّم % كارثي."])
def test_feature_counts_match_the_flat_alternation(text: str) -> None:
    words = [CW._NUMBERS, CW._FACTUAL, CW._OPINION]
    flat = re.compile(rf"[^\w](?:(?P<numbers>(?:{'|'.join(map(re.escape, words[0]))})(?!\w))"
                      rf"|(?P<factual_verbs>(?:{'|'.join(map(re.escape, words[1]))}))"
                      rf"|(?P<opinion_words>(?:{'|'.join(map(re.escape, words[2]))})(?!\w)))")
    rnd = random.Random(4)
    vocab = [w for ws in words for w in ws] + ["ت", "ة", " ", "،", "x", "need", "to", "ات", "5", text]
    for _ in range(3000):
        s = " " + " ".join(rnd.choice(vocab) for _ in range(rnd.randint(0, 8)))
        got = [(m.start(), m.lastgroup) for m in CW._FEATURES.finditer(s)]
        assert got == [(m.start(), m.lastgroup) for m in flat.finditer(s)], s


def test_folded_offsets_map_back_to_the_original() -> None:
    for s in _strings(["ب", "\u064b", "\u0651", "\u0640", " ", "أ", "ة"], 5000, seed=5):
        fx = Folded.of(s)
        kept = [i for i, ch in enumerate(s) if not _MARKS.fullmatch(ch)]
        assert len(fx.text) == len(kept)
        assert [fx.orig(i) for i in range(len(kept))] == kept, s


def test_fold_keeps_text_with_nothing_to_collapse_and_collapses_the_rest() -> None:
    # fold() skips the split/join when the text is printable with single inner spaces: every other white-space
    # character is unprintable, so that test finds them all
    assert [c for c in map(chr, range(0x110000)) if c.isspace() and c != " " and c.isprintable()] == []
    for s in _strings(["ب", " ", "\u00a0", "\n", "\u200c", "A", "\u2028"], 5000, seed=6, most=8):
        assert fold(s) == " ".join(fold(w) for w in s.split()), repr(s)
