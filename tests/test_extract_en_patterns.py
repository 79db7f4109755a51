"""English attribution patterns added for unseen articles (eval/english): one sentence of our own per pattern."""

from claimtrack.extract.english import extract_english


def test_doubled_apostrophe_quotes_end_a_sentence():
    """DOUBLED_APOSTROPHE_QUOTE: ''A,'' she added. ''B.'' is one claim running over both quoted sentences."""
    text = ("Ms. Lund said the pier was old.\n\n"
            "''The bridge is safe,'' she added. ''We inspected every cable last spring.''")
    claims = extract_english(text)
    assert [c.claimant.canonical for c in claims] == ["Lund", "Lund"]
    assert claims[1].quote.startswith("''The bridge is safe,''") and claims[1].quote.endswith("last spring.''")
