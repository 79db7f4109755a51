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
