"""English attribution patterns added for unseen articles (eval/english): one sentence of our own per pattern."""

from claimtrack.extract.english import extract_english


def test_doubled_apostrophe_quotes_end_a_sentence():
    """DOUBLED_APOSTROPHE_QUOTE: ''A,'' she added. ''B.'' is one claim running over both quoted sentences."""
    text = ("Ms. Lund said the pier was old.\n\n"
            "''The bridge is safe,'' she added. ''We inspected every cable last spring.''")
    claims = extract_english(text)
    assert [c.claimant.canonical for c in claims] == ["Lund", "Lund"]
    assert claims[1].quote.startswith("''The bridge is safe,''") and claims[1].quote.endswith("last spring.''")


def test_a_trailing_according_to_adds_no_claim():
    """TRAILING_ACCORDING_TO: "…, according to a survey taken in May." only names where the report came from."""
    claims = extract_english("Most residents said they want a new school, according to a city survey taken in May.")
    assert [(c.claimant.canonical, c.quote) for c in claims] == [("Most residents", "they want a new school")]
    claims = extract_english("According to the city survey, most residents want a new school.")
    assert [c.claimant.canonical for c in claims] == ["city survey"]


def test_a_quote_after_a_trailing_according_to_extends_the_claim():
    text = ("Ms. Lund said the pier was old.\n\n''The bridge is safe,'' she said of the repairs, according to a "
            "pool report. ''We inspected every cable.''")
    claims = extract_english(text)
    assert len(claims) == 2 and claims[1].quote.endswith("every cable.''")


def test_a_relative_description_runs_from_the_pronoun():
    """RELATIVE_DESCRIPTION: "Ohio, which he describes as his favourite state" is claimed from "which"."""
    claims = extract_english("Mr. Orr said the trip was long. He toured Ohio, which he describes as his favourite state.")
    assert claims[1].quote == "which he describes as his favourite state."
    assert (claims[1].claimant.canonical, claims[1].kind, claims[1].text) == ("Orr", "assessment", "as his favourite state")
    claims = extract_english('Ms. Lund said the pier was old. She praised the crew, whom she described as "tireless."')
    assert claims[1].quote.startswith("whom she described")


def test_a_progressive_cue_reports_with_its_subject():
    """PROGRESSIVE_CUE: "is insisting", "has been warning" report like "insists", "warned"."""
    claims = extract_english("The council is insisting the budget will balance. "
                             "The utility has been warning that reserves are low.")
    assert [(c.claimant.canonical, c.quote) for c in claims] == [
        ("council", "the budget will balance."), ("utility", "that reserves are low.")]
    assert extract_english("The plan is being described as a failure.") == []


def test_a_sentence_opening_preposition_is_no_source():
    """SENTENCE_PREPOSITION: "Amid …, the coach …, saying" is the coach's claim, never "Amid"'s."""
    claims = extract_english("Amid the noise, the coach made his point, saying the team was ready.")
    assert [c.claimant.canonical for c in claims] == ["coach"]


def test_ever_between_subject_and_cue_is_not_the_source():
    claims = extract_english("It is unclear whether the senator will ever tell his donors to back the plan.")
    assert [c.claimant.canonical for c in claims] == ["senator"]


def test_a_headline_label_never_speaks():
    """HEADLINE_LABEL: "The Latest: …" gives no claim; "Wow: Mayor Lund Just Said …" is Lund's."""
    assert extract_english("The Latest: Flood waters rise in the valley.\n\nRain fell all week.") == []
    claims = extract_english("Wow: Mayor Lund Just Said Something Odd About Bridges.\n\nThe council met.")
    assert [(c.claimant.canonical, c.quote) for c in claims] == [("Lund", "Something Odd About Bridges.")]


def test_a_place_appositive_is_no_source():
    """PLACE_APPOSITIVE: "Dana Ruiz, 34, of Akron, Ohio, said" is Dana Ruiz's claim, not Ohio's."""
    claims = extract_english("Dana Ruiz, 34, of Akron, Ohio, said she would vote early.")
    assert [c.claimant.canonical for c in claims] == ["Dana Ruiz"]
    claims = extract_english("The mayor's spokesman, Tom Hale, said the road would reopen.")
    assert [c.claimant.canonical for c in claims] == ["Tom Hale"]


def test_a_subject_interrupted_by_a_comma_clause_speaks():
    """INTERRUPTED_SUBJECT: "The port authority, which has faced questions for months, said that …"."""
    text = ("Mr. Orr said the trip was long. The port authority, which has faced questions for months, said that "
            "the cranes were safe.")
    claims = extract_english(text)
    assert [(c.claimant.canonical, c.quote) for c in claims][1] == ("port authority", "that the cranes were safe.")
    text = ("Mr. Orr said the trip was long. One pastor backing the plan, Ann Lee of Grace Church in Dover, said "
            "she had called every member.")
    claims = extract_english(text)
    assert claims[1].quote == "she had called every member." and claims[1].claimant.canonical != "Orr"


def test_a_participle_with_its_own_subject_is_not_the_previous_speaker():
    """WITH_SUBJECT: "…, with Senator Ana Ruiz telling reporters …" is Ruiz's claim; "…, adding" stays the same."""
    text = ("Mr. Orr said the city was ready for floods, with Senator Ana Ruiz telling reporters the levees "
            "were too low.")
    claims = extract_english(text)
    assert [c.claimant.canonical for c in claims] == ["Orr", "Ana Ruiz"]
    claims = extract_english("Mr. Orr said the trip was long, adding that the roads were poor.")
    assert [c.claimant.canonical for c in claims] == ["Orr", "Orr"]
    claims = extract_english("Mr. Orr said the city was ready, with Senator Ana Ruiz saying the levees were low.")
    assert claims[0].quote == "the city was ready"


def test_a_source_close_to_or_familiar_with_someone():
    """CLOSE_TO: "Those close to him", "People familiar with the talks", "A source close to the mayor" are sources."""
    lead = "Mr. Orr said the trip was long. "
    for text, who in (("Those close to him say that he will resign.", "Those close to him"),
                      ("People familiar with the talks said the deal was near.", "People familiar with the talks"),
                      ("A source close to the mayor said the deal was near.", "source close to the mayor")):
        assert extract_english(lead + text)[1].claimant.canonical == who, text


def test_an_inverted_source_after_a_comma():
    """INVERTED_SOURCE: "P, said one council source in the room." — the source follows the cue."""
    claims = extract_english("The talks went badly, and the meeting broke up early, said one council source in the room.")
    assert [(c.claimant.canonical, c.quote) for c in claims] == [
        ("one council source", "The talks went badly, and the meeting broke up early")]
    claims = extract_english("Ann Lee, a pastor in Dover, said the rule in the town was fair.")
    assert [c.claimant.canonical for c in claims] == ["Ann Lee"]
    claims = extract_english("“We are ready,” Ann Lee, a pastor in Dover, told the Dover Herald.")
    assert [c.claimant.canonical for c in claims] == ["Ann Lee"]


def test_a_participle_after_a_closing_quote():
    """PARTICIPLE_AFTER_QUOTE: 'the port said: "A," adding that …' gives the port two claims."""
    claims = extract_english('In a statement, the port said: "The cranes are safe," adding that inspections would go on.')
    assert [(c.claimant.canonical, c.quote) for c in claims] == [
        ("port", '"The cranes are safe,"'), ("port", "that inspections would go on.")]


def test_a_relative_pronoun_before_any_cue_opens_the_claim():
    """RELATIVE_DESCRIPTION also for statements: "the mine, which Mr. Lee says he will keep open"."""
    claims = extract_english("Mr. Lee spoke on Monday. He toured the mine, which Mr. Lee says he will keep open.")
    assert claims[0].quote == "which Mr. Lee says he will keep open." and claims[0].text.startswith("he will keep")


def test_an_opener_ending_in_a_quoted_title_is_not_the_claim():
    """TITLED_OPENER: 'On this week's episode of “Morning Talk,” Lund said P' claims P, not the show's name."""
    for text in ("On this week's episode of “Morning Talk,” Mayor Ada Lund said the levees would hold.",
                 "In his 2002 book, ''Make Your Own Luck,'' Mr. Lee suggested the levees would hold."):
        assert [c.quote for c in extract_english(text)] == ["the levees would hold."], text
    assert extract_english("In the end, “we will rebuild,” Mayor Ada Lund said.")[0].quote.endswith("rebuild,”")


def test_a_dateline_and_an_appositive_name_before_a_participle():
    """DATELINE and APPOSITIVE_SUBJECT: the lead's subject speaks through "…, saying …"."""
    text = ("OSLO, May 3 (Reuters) - The party's leader, Ann Lee, voiced support for the mayor on Monday, saying "
            "the port would reopen.")
    assert [c.claimant.canonical for c in extract_english(text)] == ["Ann Lee"]
    text = "The party's leader voiced support for the mayor on Monday, saying the port would reopen."
    assert [c.claimant.canonical for c in extract_english(text)] == ["party's leader"]


def test_a_question_opener_is_the_circumstance_not_the_claim():
    """QUESTION_OPENER: 'Asked why …, on "City Desk," Mr. Orr said P' claims P."""
    text = 'Asked why he had yet to endorse the mayor during an appearance on "City Desk," Mr. Orr said he had not decided.'
    assert [c.quote for c in extract_english(text)] == ["he had not decided."]


def test_a_quote_then_its_speaker_with_a_prepositional_tail():
    """QUOTE_THEN_SPEAKER: '“… NOW!” Mr. Orr said on Twitter.' claims the quotation, not "on Twitter"."""
    claims = extract_english('The mayor spoke first. "We need a new bridge - and we need it NOW!" Mr. Orr said on Twitter.')
    assert [c.quote for c in claims] == ['"We need a new bridge - and we need it NOW!"']


def test_a_cue_noun_after_an_adjective_is_not_a_report():
    """NOUN_AFTER_ADJECTIVE: "In a subsequent tweet, Orr said …" and "in his opening remarks" are Orr's claims."""
    for text in ("In a subsequent tweet, Mr. Orr said the bridge was safe.",
                 "Moments earlier, in his opening remarks, Mr. Orr said the bridge was safe."):
        assert [(c.claimant.canonical, c.quote) for c in extract_english(text)] == [("Orr", "the bridge was safe.")]
    assert [c.cue for c in extract_english("The senator claims that the bridge was safe.")] == ["claims"]


def test_an_object_before_a_participle_is_not_the_source():
    """OBJECT_THEN_PARTICIPLE: "Ruiz is making a pitch to farm voters saying …" is Ruiz's claim."""
    for text in ("Senator Ana Ruiz is making a pitch to farm voters saying the levees are too low.",
                 "Senator Ana Ruiz posted a series of messages early Friday saying that the levees were too low."):
        assert [c.claimant.canonical for c in extract_english(text)] == ["Ana Ruiz"], text


def test_according_to_inside_the_claim():
    """ACCORDING_TO_INSIDE: "The bridge, according to the engineers, needs new cables." is one claim."""
    claims = extract_english("The bridge, according to the engineers, needs new cables.")
    assert [(c.claimant.canonical, c.quote, c.text) for c in claims] == [
        ("engineers", "The bridge, according to the engineers, needs new cables.", "The bridge needs new cables")]
    claims = extract_english("The bridge is safe, according to the engineers, and the road will reopen.")
    assert claims[0].quote == "The bridge is safe"


def test_a_nested_cue_that_would_leave_a_fragment_stays_in_the_content():
    """NESTED_FRAGMENT: "notes that the Commission on Debates announced …" and "saying anybody who complains …"."""
    claims = extract_english("Mr. Orr notes that the Commission on Presidential Debates announced on Friday that the "
                             "sound was fine.")
    assert [c.cue for c in claims] == ["notes"] and claims[0].quote.endswith("the sound was fine.")
    claims = extract_english("Ms. Lund mocked the complaint, saying anybody who complains about a microphone is "
                             "not having a good night.")
    assert [c.cue for c in claims] == ["saying"]
    claims = extract_english("Ms. Lund said the pier was old and Mr. Orr said it was new.")
    assert [c.claimant.canonical for c in claims] == ["Lund", "Orr"]


def test_a_cue_in_an_infinitive_after_a_verb_is_the_subjects():
    """INFINITIVE_CUE: "Orr took to Twitter overnight to accuse …", "Orr appeared to suggest that …"."""
    for text in ("Mr. Orr took to Twitter overnight to accuse the council of being duped.",
                 "Later, Mr. Orr appeared to suggest that the bridge was unsafe."):
        assert [c.claimant.canonical for c in extract_english(text)] == ["Orr"], text


def test_idioms_of_the_writers_voice_report_nothing():
    """IDIOM_CUE: "Having said that", "It goes without saying", "worth noting", "said as much", "Additional reporting"."""
    for text in ("Having said that, the bridge is safe.", "It goes without saying that the pier is old.",
                 "It is worth noting that the road is closed.", "Mr. Orr said as much in an interview.",
                 "Additional reporting by Ann Lee."):
        assert extract_english(text) == [], text
    claims = extract_english("Mr. Orr said the pier was old. Those talks are continuing, he said.")
    assert [c.quote for c in claims] == ["the pier was old.", "Those talks are continuing"]


def test_an_inverted_source_with_its_appositive_and_said_of():
    """INVERTED_SOURCE with an appositive to the end; QUOTE_THEN_SPEAKER with "said of …"."""
    text = "Even as the campaign moves north, the race will be tight, said Dan Lee, director of the Kent Institute."
    claims = extract_english(text)
    assert [(c.claimant.canonical, c.quote) for c in claims] == [
        ("Dan Lee", "Even as the campaign moves north, the race will be tight")]
    text = ('Mr. Orr met the mayor. "We need a bridge. How do we pay?" Ann Lee, the council chair, said of the '
            'meeting she had with the mayor.')
    assert [c.quote for c in extract_english(text)] == ['"We need a bridge. How do we pay?"']


def test_a_relative_clause_after_a_claim_opens_the_next_claim():
    """RELATIVE_DESCRIPTION after a claim: "…, which he said were at his side." is its own claim from "which"."""
    claims = extract_english("Mr. Orr also said the videos do not show whether Lee held anything, which he said were "
                             "at his side.")
    assert [c.quote for c in claims] == ["the videos do not show whether Lee held anything",
                                         "which he said were at his side."]


def test_went_on_to_explain():
    claims = extract_english("Mr. Orr went on to explain how he believes the cuts hurt the army.")
    assert [(c.claimant.canonical, c.quote) for c in claims] == [("Orr", "how he believes the cuts hurt the army.")]


def test_a_subordinate_clause_before_a_nested_cue_is_no_content_of_its_own():
    """NESTED_FRAGMENT: "According to her account, after examining the leg, she insisted that …" is one claim."""
    claims = extract_english("According to her account, after examining the leg, she insisted that the patient see "
                             "a doctor.")
    assert len(claims) == 1 and claims[0].quote.startswith("after examining the leg, she insisted that")


def test_progressive_and_relative_patterns_stay_narrow():
    """PROGRESSIVE_CUE skips "is considering a ban" and "are telling you to stay"; RELATIVE_DESCRIPTION with "what"
    needs a describing cue and a content ("beyond what the mayor has said yesterday" reports nothing)."""
    assert extract_english("The state is considering an even stricter ban on the books.") == []
    assert extract_english("Stay inside if your local officials are telling you to do so.") == []
    claims = extract_english("Mr. Orr said the trip was long. I will not go beyond what the mayor has said yesterday.")
    assert [c.quote for c in claims] == ["the trip was long."]
