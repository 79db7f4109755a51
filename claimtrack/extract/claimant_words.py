"""Shared word lists and tokenizer for Arabic claimant parsing."""

from __future__ import annotations

import re

# `[^…][^…]*`, not `[^…]+`: a pattern that opens with a character class lets `re` skip fast to a token
TOKEN = re.compile(r"[^\s،,:;؛«»“”\"()\[\].!?؟][^\s،,:;؛«»“”\"()\[\].!?؟]*")
NISBA = re.compile(r"(?:ي|يه|يون|يين|ين)$")
QUANT = frozenset("اي كل هذه هذا ذلك تلك هناك عدد بعض جميع كافه ما من احد البعض بعضهم الاخر الاخرون اخرون جميعهم كلهم اخر اخري".split())
# quantified subjects that name a described source: "أحد العاملين في …", "البعض", "كثير من المغردين"
COLLECTIVE = frozenset("احد احدي بعض البعض كثيرون الكثيرون اخرون كثير".split())
KANA = frozenset("كان كانت كانوا وكان وكانت وكانوا قد وقد".split())
PARTICLES = frozenset("و ف لكن اما ثم كما بينما فيما حين بل او".split())


def tokens(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token spans of text[start:end]."""
    return [m.span() for m in TOKEN.finditer(text, start, len(text) if end is None else end)]
