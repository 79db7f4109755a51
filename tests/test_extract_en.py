"""English claim attribution (claimtrack.extract.english) on small hand-written sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.extract.english import extract_english, sentences


def one(text: str):
    claims = extract_english(text)
    assert len(claims) == 1, [c.quote for c in claims]
    return claims[0]


def check_offsets(text: str, claims) -> None:
    for c in claims:
        assert text[c.start:c.end] == c.quote
        assert c.language == "en"


def test_source_verb_that():
    text = "Mayor Jane Doe said that the bridge will reopen in May."
    c = one(text)
    assert c.quote == "that the bridge will reopen in May."
    assert c.claimant.canonical == "Jane Doe"
    assert c.cue == "said"
    assert c.text == "the bridge will reopen in May"
    assert c.kind == "prediction"
    check_offsets(text, [c])


def test_quote_then_source_verb():
    text = "“The budget is balanced,” Doe said."
    c = one(text)
    assert c.quote == "“The budget is balanced,”"
    assert c.direct_quote
    assert c.claimant.canonical == "Doe"
    assert c.kind == "statement"


def test_inverted_verb_source():
    text = '"Turnout was the highest in a decade," said Alan Smith, a county clerk.'
    c = one(text)
    assert c.quote.startswith('"Turnout was the highest')
    assert c.claimant.canonical == "Alan Smith"


def test_according_to_front_and_back():
    a = one("According to the city council, the new park cost $4 million.")
    assert a.quote == "the new park cost $4 million."
    assert "city council" in a.claimant.canonical
    b = one("The new park cost $4 million, according to the city council.")
    assert b.quote == "The new park cost $4 million"


def test_parenthetical_source():
    c = one("The plan, the senator said, is too expensive for small towns.")
    assert "too expensive" in c.quote and c.quote.startswith("The plan")


def test_multi_sentence_quote_is_one_span_with_exact_offsets():
    text = ('Officials met on Monday.\n\n“We fixed the pipes. The water is safe now. '
            'Nobody got sick,” said Maria Lopez, the utility director.')
    claims = extract_english(text)
    check_offsets(text, claims)
    assert len(claims) == 1
    assert "The water is safe now" in claims[0].quote
    assert claims[0].claimant.canonical == "Maria Lopez"


def test_quote_continues_after_cue():
    text = "“We won the vote,” Doe said. “The mine will close next year.”"
    c = one(text)
    assert c.quote == text
    assert "said" not in c.text and "mine will close" in c.text


def test_short_name_expands_to_full_name_and_pronoun_resolves():
    text = ("Governor Peter Brandt spoke in Dayton on Friday.\n\n"
            "Brandt said the state had paid off its debt.\n\n"
            "He added that taxes would not rise.")
    claims = extract_english(text)
    assert [c.claimant.canonical for c in claims] == ["Peter Brandt", "Peter Brandt"]
    assert claims[1].claimant_surface == "He"
    assert claims[1].cue == "added"


def test_role_noun_resolves_to_named_speaker():
    text = ("Ports spokesman Tom Reyes said the cranes were repaired.\n\n"
            "The spokesman said that ships were unloading again.")
    claims = extract_english(text)
    assert claims[1].claimant.canonical == "Tom Reyes"
    assert claims[1].claimant_surface == "The spokesman"


def test_continuation_without_source_goes_to_last_speaker():
    text = "Rita Moss said the deal was fair, adding that both sides had compromised."
    claims = extract_english(text)
    assert len(claims) == 2
    assert claims[1].cue == "adding"
    assert claims[1].claimant.canonical == "Rita Moss"
    assert claims[0].quote == "the deal was fair"


@pytest.mark.parametrize("text,kind", [
    ("The minister denied that the army had crossed the border.", "denial"),
    ("Jonas Berg rejected the claim that he had lied.", "denial"),
    ("Critics described the reform as a giveaway to landlords.", "assessment"),
    ("The union leader called it a betrayal of workers.", "assessment"),
    ("Lena Holm predicted that prices would fall next year.", "prediction"),
    ("Pat Quinn said the factory will hire 200 people.", "prediction"),
    ("The mayor urged residents to stay indoors.", "call"),
    ("The group called on the government to release the report.", "call"),
])
def test_kinds(text, kind):
    claims = extract_english(text)
    assert claims, text
    assert claims[0].kind == kind
    check_offsets(text, claims)


def test_questions_and_narration_are_not_claims():
    assert extract_english("The storm hit the coast on Tuesday and cut power to thousands.") == []
    assert extract_english("Why did the council vote against the plan, he asked?") == []
    assert extract_english("Did she say anything?") == []


def test_headline_source_colon():
    c = one("Smith: Tax cuts paid for themselves.\n\nThe debate continues.")
    assert c.claimant.canonical == "Smith"
    assert c.quote == "Tax cuts paid for themselves."


def test_told_with_recipient():
    c = one("Anne Kerr told reporters on Tuesday that the vote was rigged.")
    assert c.quote == "that the vote was rigged."
    assert c.claimant.canonical == "Anne Kerr"


def test_sentences_respect_abbreviations():
    text = "Mr. Smith met Sen. Jones in the U.S. capital on Jan. 5. They talked. Dr. Ames left."
    spans = sentences(text)
    assert [text[a:b] for a, b in spans] == [
        "Mr. Smith met Sen. Jones in the U.S. capital on Jan. 5.", "They talked.", "Dr. Ames left."]


def test_prefix_suffix_context():
    text = "Earlier that week there was a storm. " + "Mayor Jane Doe said that the bridge will reopen."
    c = one(text)
    assert c.prefix == text[c.start - 40:c.start]
    assert c.suffix == ""


_WORDS = st.sampled_from([
    "said", "told", "according to", "he", "she", "Smith", "John", "the", "“", "”", '"', ",", ".", "?",
    "that", "will", "denied", "added", "Mr.", "U.S.", "\n", "economy", "is", "bad", "saying", ":",
    "officials", "called", "on", "it", "a", "—", "''", "(", ")", "urged", "The", "report",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=60))
def test_offsets_property(words):
    text = " ".join(words)
    claims = extract_english(text)
    check_offsets(text, claims)
    for c in claims:
        assert 0 <= c.start < c.end <= len(text)


def test_title_case_headline_verb():
    c = extract_english("Mayor Kim Says Taxes Will Fall Next Year.\n\nThe council met on Monday.")[0]
    assert c.claimant.canonical == "Kim"
    assert c.quote == "Taxes Will Fall Next Year."
    assert c.cue == "Says"


def test_short_name_keeps_written_form_as_alias():
    text = "Senator Ruth Abel spoke first.\n\nMs. Abel said the bill was dead."
    c = one(text)
    assert c.claimant.canonical == "Ruth Abel"
    assert "Ms. Abel" in c.claimant.aliases


def test_appositive_source():
    c = one("Omar Reed, a lawyer for the tenants, said the eviction notices were illegal.")
    assert c.claimant.canonical == "Omar Reed"
    assert c.quote == "the eviction notices were illegal."


def test_described_source_canonical_drops_article_never_bare_determiner():
    c = one("Markup test\nThe spokesman said prices fell by 4% in March.\n")
    assert c.claimant.canonical == "spokesman"
    assert c.claimant_surface == "The spokesman"
    assert "The spokesman" in c.claimant.aliases


def test_indefinite_description_and_pronoun_continuation():
    text = "Headline\nA government spokesman said the plan will cut costs. He added that talks continue.\n"
    claims = extract_english(text)
    assert len(claims) == 2, [c.quote for c in claims]
    assert claims[0].claimant.canonical == "government spokesman"
    assert claims[1].quote == "that talks continue."
    assert claims[1].text == "talks continue"
    assert claims[1].claimant is claims[0].claimant


@pytest.mark.parametrize("text,canonical", [
    ("Officials said the bridge was unsafe.", "Officials"),
    ("Sources said the merger is off.", "Sources"),
    ("The ministry said the road will reopen.", "ministry"),
    ("An aide to the mayor said the vote was close.", "aide to the mayor"),
])
def test_unnamed_sources(text, canonical):
    c = one(text)
    assert c.claimant.canonical == canonical
    assert not c.claimant.canonical.lower().startswith(("the ", "a ", "an "))


def test_colons_inside_content_do_not_end_it():
    a = extract_english("Jane Doe said prices fell by 4% at 10:30 and the bank said rates rose.")
    assert a[0].quote == "prices fell by 4% at 10:30"
    assert a[1].claimant.canonical == "bank"
    b = one("Headline\nJane Doe said prices fell by :warning: 4% in May.")
    assert b.quote == "prices fell by :warning: 4% in May."


def test_continue_needs_reported_speech():
    assert extract_english("Talks continue.") == []
    c = one("“We will win,” Coach Ruiz continued.")
    assert c.cue == "continued"


def test_time_adverbial_between_source_and_cue():
    c = one("The mayor on Tuesday rejected the offer to rename the stadium.")
    assert c.claimant.canonical == "mayor"
    assert c.kind == "denial"
    assert c.quote == "the offer to rename the stadium."


def test_adverb_before_denial_cue():
    c = one("The company, which has strongly denied any role in the leak, lost the case.")
    assert c.kind == "denial" and c.claimant.canonical == "company"
    assert "any role in the leak" in c.quote


def test_backshifted_would_is_not_a_prediction():
    assert one("Lee said the plan would be hard to sell.").kind == "statement"
    assert one("Lee said the plan would collapse next year.").kind == "prediction"
    assert one("Lee said prices would fall if rates rose.").kind == "prediction"


def test_a_pronoun_nothing_resolves_is_no_claimant():
    assert extract_english("Intro.\n\n“We will win,” he continued.") == []
    c = extract_english("“It is over,” she said. Later, Mayor Ana Holt said the count was final.")[0]
    assert c.claimant.canonical == "Ana Holt"  # the next named speaker


def test_modal_and_noun_uses_are_not_cues():
    assert extract_english("He might add a second bridge over the river.") == []
    assert extract_english("The agency would not recommend charges against the driver.") == []


@pytest.mark.parametrize("text,anchor", [
    ("The ministry said the report was not true.", "the report was not true"),
    ("The company said that the allegations were completely false.", "the allegations were completely false"),
    ("Ana Ruiz called the claims baseless.", "the claims baseless"),
])
def test_denial_by_content(text, anchor):
    c = one(text)
    assert c.kind == "denial"
    assert anchor in c.quote


def test_not_a_denial_when_false_word_is_not_the_predicate():
    assert one("Ana Ruiz said it was wrong to compare the two cases.").kind == "statement"


def test_rejected_criticism_keeps_object_span_and_states_the_proposition():
    c = one("The mayor rejected criticism from the union that the budget was unfair.")
    assert c.kind == "denial"
    assert c.quote.startswith("criticism from the union")
    assert c.text == "the budget was unfair"
    assert c.claimant.canonical == "mayor"


def test_passive_denial_takes_subject_as_content_and_agent_as_source():
    c = one("Intro line.\n\nThe toll proposal was rejected by a majority of the council.")
    assert c.kind == "denial"
    assert c.quote == "The toll proposal"
    assert c.claimant.canonical == "majority of the council"


def test_fronted_participle():
    c = one("Warning that fares will rise, the transit agency cut two bus lines.")
    assert c.quote == "that fares will rise"
    assert c.claimant.canonical == "transit agency"


def test_object_relative_clause_includes_the_antecedent():
    c = one("It was a rule that several county clerks said went unenforced for years.")
    assert c.quote == "a rule that several county clerks said went unenforced for years."
    assert c.text == "a rule that went unenforced for years"
    assert c.claimant.canonical == "several county clerks"


def test_colon_then_block_quote_paragraph():
    text = "Intro line.\n\nIn a speech last May, Mayor Holt said:\n\nThe harbour must stay open to every fishing boat.\n"
    c = one(text)
    assert c.quote == "The harbour must stay open to every fishing boat."
    check_offsets(text, [c])


def test_parenthetical_cue_with_double_single_quotes():
    text = "Intro.\n\nNo new tax, Holt said, ''will pass this year.''"
    c = one(text)
    assert c.quote == "No new tax, Holt said, ''will pass this year.''"
    assert c.text == "No new tax will pass this year"


def test_short_prepositional_tail_after_cue():
    c = one('"The levee will hold" for now, county engineer Ana Ruiz said after the storm.')
    assert "The levee will hold" in c.quote
    assert c.claimant.canonical == "Ana Ruiz"


def test_relative_clause_subject_before_quote():
    c = one("Vega, who calls the plan “reckless,” said the vote should wait.")
    assert c.claimant.canonical == "Vega"
    assert c.quote == "the vote should wait."


def test_described_plural_heads_are_descriptions():
    assert one("Harbour board aides said the dock will reopen.").claimant.canonical == "Harbour board aides"
    assert one("The Lopez team said the tally was final.").claimant.canonical == "Lopez team"
