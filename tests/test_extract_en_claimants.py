"""English claimants are sources, never junk; hypothetical and relative-clause cues report nothing (own sentences)."""

import pytest

from claimtrack.extract.english import extract_english
from claimtrack.extract.english_claimants import (
    DESCRIBED,
    INVALID,
    NAME,
    PRONOUN,
    actor_kind,
    is_person_or_group,
    names_a_document,
    repair_source,
    source_type,
)


@pytest.mark.parametrize("surface", ["Senator Ruth Adler", "The Daily Ledger", "the Finance Ministry",
                                     "Ledger spokesman Omar Diaz", "Rep. Anne Holt (D-Ore.)"])
def test_names(surface):
    assert source_type(surface) == NAME


@pytest.mark.parametrize("surface", ["a senior official", "officials", "the fund", "restructuring experts"])
def test_described_sources(surface):
    assert source_type(surface) == DESCRIBED


@pytest.mark.parametrize("surface", ["heard us", "you know", "Republicans: that", "What we’ve", "the fact",
                                     "a fancy way of", "suggesting the mayor", "The last thing I’ll", "many cases"])
def test_junk_is_invalid(surface):
    assert source_type(surface) == INVALID


def test_pronouns_are_left_to_resolution():
    assert source_type("she") == PRONOUN and source_type("We’ve") == PRONOUN


def test_junk_is_repaired_to_the_source_inside_it():
    for surface, source in [("though Adler", "Adler"), ("Holt for", "Holt"), ("Democrats: that", "Democrats")]:
        span = repair_source(surface)
        assert span is not None and surface[span[0]:span[1]] == source
    assert repair_source("heard us") is None


def test_no_junk_claimant_in_extracted_text():
    text = ("Mayor Lina Ortiz spoke on Monday. You heard us say it many times: the bridge will reopen in May.\n\n"
            "Republicans: that the budget was balanced, said the report.\n")
    surfaces = {c.claimant_surface for c in extract_english(text)}
    assert not surfaces & {"heard us", "you heard us", "Republicans: that"}


def test_a_cue_in_a_condition_or_a_habit_reports_nothing():
    assert extract_english("If the council rejected the proposal, the mayor would resign.") == []
    assert extract_english("Her supervisors would sometimes dismiss her ideas in meetings.") == []
    assert [c.kind for c in extract_english("The ministry denied that it had paid the contractor.")] == ["denial"]


def test_a_relative_clause_object_is_not_a_report():
    text = "The grant program that the governor announced is open to farmers in 12 counties."
    assert extract_english(text) == []
    said = extract_english("The deal, which officials said is close, would cut tariffs.")
    assert len(said) == 1


@pytest.mark.parametrize("surface", ["cannot", "terms", "all"])
def test_a_lone_common_word_is_no_source(surface):
    assert source_type(surface) == INVALID


def test_people_groups_and_documents():
    assert is_person_or_group("many economists") and is_person_or_group("the ministry")
    assert not is_person_or_group("job opening data")
    assert names_a_document("today’s CPI") and names_a_document("the latest report")
    assert actor_kind("FDA") == "organisation" and actor_kind("Budget Office") == "organisation"
    assert actor_kind("Ruth Adler") == "person"


def test_a_share_of_the_people_polled_is_the_source():
    """SHARE_OF_PEOPLE: "One in five say", "Those over 60 say", "42% say", "nine in 10 said" are their own sources."""
    from claimtrack.extract.english import extract_english

    text = ("Most residents said the pier was old. One in five say that will not last. Those over 60 say they feel "
            "that way. On taxes, 42% say they are liberal. About four out of 10 voters said life would be worse.")
    assert [c.claimant.canonical for c in extract_english(text)] == [
        "Most residents", "One in five", "Those over 60", "42%", "About four out of 10 voters"]


def test_a_name_opening_a_clause_before_its_appositive():
    """CLAUSE_NAME: "…, the Lund rule after Ada Lund, the investor, complained that …" is Lund's claim."""
    from claimtrack.extract.english import extract_english

    text = ("She would set a 30 percent rate, a version of what is known as the Lund rule after Ada Lund, the "
            "investor, complained that she paid too little.")
    assert [c.claimant.canonical for c in extract_english(text)] == ["Ada Lund"]
    assert [c.claimant.canonical for c in extract_english("Ann Lee, the mayor of Dover, a town in Kent, said it "
                                                          "was closed.")] == ["Ann Lee"]


def test_a_full_name_never_runs_over_a_sentence_stop():
    """NAME_EXPANSION: "Clarke" after "…West Virginia. Mr. Clarke said" is "Clarke", not "West Virginia. Mr. Clarke"."""
    from claimtrack.extract.english import extract_english

    claims = extract_english("He moved to West Virginia. Mr. Clarke said the mine would reopen. Later, Clarke said "
                             "it was safe.")
    assert [c.claimant.canonical for c in claims] == ["Clarke", "Clarke"]
