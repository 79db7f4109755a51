"""Transcripts: speaker turns, who the speakers are, and which of their sentences are claims (own sentences)."""

import datetime as dt

from claimtrack.extract import extract
from claimtrack.extract.transcript_cast import Cast, find_turns
from claimtrack.extract.transcript_lines import assertion_kind, is_checkworthy, speaks_as_we, stance_holder

TITLE = "Press Briefing by Press Secretary Maria Okafor and FEMA Administrator Tomas Lindqvist"
BRIEFING = """Briefing Room

MS. OKAFOR:  Good afternoon, everyone.  Happy Monday.

This morning, the storm made landfall in Louisiana with winds of 120 miles per hour.

MR. LINDQVIST:  Thanks, Maria.  We have deployed 2,400 responders to Louisiana and Mississippi.

Our information indicates that the levees in New Orleans held overnight.

Governor Pratt said that 40,000 homes have lost power.

Q  Did the levees fail in New Orleans?

MS. OKAFOR:  Go ahead, Peter.

Q  Is the President going to visit Louisiana this week?

MS. OKAFOR:  I don’t have anything to announce on travel.  The President spoke with Governor Pratt on Sunday.
"""


def test_turns_are_labels_and_reporters_questions():
    turns = find_turns(BRIEFING)
    assert [t.label for t in turns] == ["MS. OKAFOR", "MR. LINDQVIST", "", "MS. OKAFOR", "", "MS. OKAFOR"]
    assert turns[2].is_question and not turns[0].is_question
    assert BRIEFING[turns[1].body:].startswith("Thanks, Maria.")


def test_a_label_after_a_non_breaking_space_still_opens_a_turn():
    text = "MS. OKAFOR:\u00a0 Hello.\n\nQ\u00a0\u00a0 Why?\n\n\u00a0MR. LINDQVIST:\u00a0 We sent 40 crews.\n\nMS. OKAFOR: Thanks.\n"
    assert [t.label for t in find_turns(text)] == ["MS. OKAFOR", "", "MR. LINDQVIST", "MS. OKAFOR"]


def test_plain_news_is_not_a_transcript():
    text = "WASHINGTON: The minister said on Monday that talks would resume.\n\nAMMAN: Officials said prices rose.\n"
    assert find_turns(text) == []


def test_cast_takes_full_names_and_organisations_from_the_title():
    cast = Cast(BRIEFING, TITLE)
    person, org = cast.speaker("MS. OKAFOR")
    assert person.canonical == "Maria Okafor" and person.kind == "person"
    assert org is not None and org.canonical == "White House"
    person, org = cast.speaker("MR. LINDQVIST")
    assert (person.canonical, person.title, org.canonical) == ("Tomas Lindqvist", "FEMA Administrator", "FEMA")


def test_cast_falls_back_to_the_first_mention_in_the_text():
    cast = Cast("MS. OKAFOR:  Today we have Rear Admiral Jonas Whitfield with us.\n", TITLE)
    person, _org = cast.speaker("ADMIRAL WHITFIELD")
    assert person.canonical == "Jonas Whitfield"
    assert cast.speaker("WHITE HOUSE AIDE") is None


def test_speaker_turns_give_the_claims_and_their_claimants():
    claims = extract(BRIEFING, "en", dt.date(2024, 9, 2), title=TITLE)
    by_text = {c.quote: c for c in claims}
    landfall = by_text["This morning, the storm made landfall in Louisiana with winds of 120 miles per hour."]
    assert landfall.claimant.canonical == "Maria Okafor"
    deployed = next(c for c in claims if "2,400 responders" in c.quote)
    assert deployed.claimant.canonical == "FEMA"  # "we" is the speaker's organisation
    levees = next(c for c in claims if "levees in New Orleans held" in c.quote)
    assert levees.claimant.canonical == "FEMA"  # "our information indicates"
    power = next(c for c in claims if "40,000 homes" in c.quote)
    assert "Pratt" in power.claimant.canonical  # reported speech keeps its own claimant
    assert all(c.stated_on is not None and c.stated_on.iso == "2024-09-02" for c in claims)
    assert {c.claimant.kind for c in claims} <= {"person", "organisation"}


def test_questions_and_procedural_lines_are_never_claims():
    claims = extract(BRIEFING, "en", dt.date(2024, 9, 2), title=TITLE)
    quotes = " ".join(c.quote for c in claims)
    for line in ("Did the levees fail", "Go ahead, Peter", "Good afternoon", "anything to announce", "Thanks, Maria"):
        assert line not in quotes
    assert any("spoke with Governor Pratt on Sunday" in c.quote for c in claims)


def test_checkworthy_sentences_name_count_or_rank_something():
    assert is_checkworthy("Unemployment fell to 3.4 percent in May.")
    assert is_checkworthy("Crimea is Ukraine.")
    assert is_checkworthy("Inflation is at its lowest level in two years.")
    assert is_checkworthy("So, look, the negotiations between Atlantis and Oceania are advancing.")
    assert is_checkworthy("That said — and I’ve said this many times before — Oceania is a strategic partner.")
    assert is_checkworthy("So, first, I want to be very clear: The ministry does not set curricula in Ohio.")
    assert not is_checkworthy("Happy Friday, everybody.")
    assert not is_checkworthy("I would refer you to the Department of Justice on that.")
    assert not is_checkworthy("Please stay indoors and listen to local officials.")
    assert not is_checkworthy("Are the talks with Oceania advancing?")
    assert not is_checkworthy("You saw those announcements in Geneva today.")
    assert not is_checkworthy("It should not be used as a bargaining chip in Congress.")
    assert not is_checkworthy("So, on the details of the contract, I would refer you to the Pentagon.")
    assert not is_checkworthy("It is Thursday.")
    assert not is_checkworthy("— explain what the county did in Marin.")
    assert not is_checkworthy("If you are registered.")
    assert not is_checkworthy("I — I’ll come to you next, Lisa.")


def test_we_is_the_subject_after_openers_and_framing():
    assert speaks_as_we("Today, we shared new information that the talks are advancing.")
    assert speaks_as_we("What I can tell you, Peter, is that we continue to assess that the dam held.")
    assert speaks_as_we("As we have said publicly, Oceania delivered the rockets in May.")
    assert speaks_as_we("It’s — we recognize that the need is urgent.")
    assert not speaks_as_we("While we were there, the governor toured the shelters.")
    assert not speaks_as_we("Our partners at the Army Corps of Engineers have 30 generators in place.")


def test_a_reported_stance_names_its_holder():
    assert stance_holder("The governor expressed that all of his requests have been met.") == "The governor"
    assert stance_holder("And we’re — the President has been clear that we will not allow it.") == "the President"
    assert stance_holder("We know the bridge was closed.") is None


def test_kinds_of_own_assertions():
    assert assertion_kind("The Treasury will designate the group next week.") == "prediction"
    assert assertion_kind("We assess that the group has 5,000 fighters.") == "assessment"
    assert assertion_kind("We urge Oceania to stop these deliveries.") == "call"
    assert assertion_kind("That report is simply false.") == "denial"
    assert assertion_kind("The bridge reopened on Tuesday.") == "statement"


def test_an_article_quoting_an_interview_keeps_its_own_attributions():
    text = ("The senator defended the bill on Sunday. Her spokesman, Dan Reyes, said that the vote would take place "
            "in March, and aides said the whip count was close. The exchange on the program went as follows.\n\n"
            "ANNA COLE:  Will the bill pass the Senate?\n\nSENATOR MARSH:  We have 52 votes for the bill in the "
            "Senate.\n\nANNA COLE:  Are you sure?\n\nSENATOR MARSH:  The leader counted them on Friday in Ohio.\n")
    claims = extract(text, "en", dt.date(2024, 3, 3))
    assert any(c.claimant.canonical == "Dan Reyes" and "vote would take place" in c.quote for c in claims)
    assert any("52 votes" in c.quote for c in claims)
