"""English denials: a source rejecting a claim; negated or ownerless denials are not denials (own sentences)."""

from claimtrack.extract.english import extract_english


def test_a_denial_of_a_report_or_an_allegation():
    c = extract_english("Mayor Ana Holt has denied the allegations.")[0]
    assert (c.claimant.canonical, c.kind) == ("Ana Holt", "denial")
    c = extract_english("The ministry denied that it had paid the contractor.")[0]
    assert c.kind == "denial" and c.quote.startswith("that it had paid")


def test_a_negated_denial_reports_nothing():
    for text in ("Mayor Ana Holt did not deny the report that the bridge was unsafe.",
                 "Mayor Ana Holt never denied that she had met the contractor.",
                 "Mayor Ana Holt could not deny that the bridge was unsafe.",
                 "The council refused to deny that it had sold the land."):
        assert extract_english(text) == [], text


def test_no_one_denies_is_the_speakers_statement():
    claims = extract_english("No one denies that the bridge was unsafe, Mayor Ana Holt said.")
    assert [(c.claimant.canonical, c.kind) for c in claims] == [("Ana Holt", "statement")]
    assert all(c.claimant.canonical.lower() not in ("no one", "nobody") for c in
               extract_english("Nobody disputes that prices rose, the minister said."))


def test_a_denial_by_content():
    c = extract_english("A spokesman for the port, Omar Diaz, said the report was false.")[0]
    assert c.kind == "denial" and "Omar Diaz" in c.claimant.canonical


def test_a_denied_noun_is_the_object_not_a_cue():
    """DENIED_NOUN: in "rejected claims that …" and "dismissed reports that …" the noun is what is denied."""
    for text, quote in (("The ministry rejected claims that it had cut school budgets.", "claims that it had cut"),
                        ("Mayor Ada Lund dismissed reports that the bridge would close.", "reports that the bridge")):
        claims = extract_english(text)
        assert len(claims) == 1 and claims[0].kind == "denial" and claims[0].quote.startswith(quote), text


def test_called_false_with_words_or_quotes_before_the_verdict():
    """CALLED_FALSE: "called the report “completely false”", "called the claims about the bridge baseless"."""
    for text in ('Mayor Ada Lund called the report "completely false."',
                 "Mayor Ada Lund called the claims about the bridge baseless."):
        assert [c.kind for c in extract_english(text)] == ["denial"], text
    assert [c.kind for c in extract_english("Mayor Ada Lund called the plan a fake solution to a real problem.")] == [
        "assessment"]


def test_a_denial_whose_object_comes_before_it_reports_nothing():
    """OBJECT_BEFORE_DENIAL: "The charge, which Mr. Orr denies, was filed …" has no denied proposition after it."""
    claims = extract_english("Mr. Orr said the trip was long. The charge, which Mr. Orr denies, was filed on Monday.")
    assert [c.kind for c in claims] == ["statement"]
    claims = extract_english("Mr. Orr denied, in a statement on Monday, that he had taken the money.")
    assert [c.kind for c in claims] == ["denial"] and claims[0].quote.endswith("taken the money.")


def test_a_verdict_before_the_denied_claim():
    """VERDICT_FIRST: "rejected as “baseless” reports that …" denies the reports, not the verdict."""
    claims = extract_english('The embassy rejected as "baseless" reports that its staff had been expelled.')
    assert [(c.kind, c.quote) for c in claims] == [("denial", "reports that its staff had been expelled.")]
    claims = extract_english("The embassy dismissed as false the claim that its staff had been expelled.")
    assert claims[0].quote.startswith("the claim that")


def test_a_passive_denial_without_an_agent_is_nobodys():
    """PASSIVE_WITHOUT_AGENT: "A fact is dismissed as false when …" is not the previous speaker's denial."""
    claims = extract_english("Mr. Orr said the trip was long. A fact is dismissed as false when it does not suit.")
    assert [c.kind for c in claims] == ["statement"]
    claims = extract_english("Mr. Orr said the trip was long. The claim was rejected by the council.")
    assert [(c.kind, c.claimant.canonical) for c in claims][1] == ("denial", "council")
