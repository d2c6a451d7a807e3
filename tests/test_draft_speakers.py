"""Speakers, one attribution pattern per test. Every sentence here is made up for the test."""

from __future__ import annotations

from tests.draft_support import draft, said

CHIEF = "Police Chief Omar Haddad met reporters on Monday. "


def test_surname_after_the_quotation() -> None:
    assert said(CHIEF + "“We do not ask about status,” Haddad said.")[0] == (
        "We do not ask about status",
        "Omar Haddad",
    )


def test_inverted_said_name() -> None:
    assert said(CHIEF + "“We do not ask about status,” said Haddad.")[0][1] == "Omar Haddad"


def test_inverted_said_with_title_and_new_name() -> None:
    text = "“Our doors stay open,” said Mayor Dana Whitfield (D), who took office in January."
    assert said(text) == [("Our doors stay open", "Dana Whitfield")]


def test_name_then_colon() -> None:
    assert said(CHIEF + "Haddad was blunt: “We are not immigration agents.”")[0][1] == "Omar Haddad"


def test_said_that_before_the_quotation() -> None:
    assert said(CHIEF + "Haddad said that officers “will keep doing their jobs.”")[0][1] == "Omar Haddad"


def test_title_pointing_back() -> None:
    text = "Mayor Dana Whitfield spoke first. “This is our city,” the mayor said."
    assert said(text) == [("This is our city", "Dana Whitfield")]


def test_pronoun_pointing_back() -> None:
    text = "Sheriff Ana Ruiz answered questions for an hour. “We will not hold anyone for ICE,” she added."
    assert said(text)[0][1] == "Ana Ruiz"


def test_pronoun_skips_a_person_named_as_object() -> None:
    text = "Mayor Dana Whitfield thanked Sheriff Ana Ruiz on Monday. She said the county “has been a partner.”"
    assert said(text)[0][1] == "Dana Whitfield"


def test_aside_between_name_and_verb() -> None:
    text = "Mayor Dana Whitfield (D), who has clashed with the White House before, said the city “will not yield.”"
    assert said(text)[0][1] == "Dana Whitfield"


def test_participle_aside() -> None:
    text = CHIEF + "Haddad, pointing to a drop in reports, said “people are scared to call us.”"
    assert said(text)[0][1] == "Omar Haddad"


def test_appositive_after_a_description() -> None:
    text = "The city’s top lawyer, City Attorney Lena Park, said the order “has no legal force.”"
    assert said(text)[0][1] == "Lena Park"


def test_spokesperson_for_an_organisation_keeps_the_description() -> None:
    text = (
        "The Fairview Police Department has not changed its rules. "
        "“We do not comment on federal operations,” a spokesman for the Fairview Police Department said."
    )
    assert said(text)[0][1] == "a spokesman for the Fairview Police Department"


def test_head_of_a_union_keeps_the_description() -> None:
    text = CHIEF + "“This puts officers in a bind,” said the head of the union that represents Fairview officers."
    assert said(text)[0][1] == "the head of the union that represents Fairview officers"


def test_unnamed_resident_keeps_the_description() -> None:
    text = CHIEF + "One resident, who asked not to be named, said “nobody sleeps well here.”"
    assert said(text)[0][1] == "One resident"


def test_possessive_is_not_the_speaker() -> None:
    text = "Mayor Dana Whitfield was traveling. Whitfield’s spokesman said the mayor “stands by her order.”"
    assert said(text)[0][1] == "Whitfield’s spokesman"


def test_organisation_speaks_for_itself() -> None:
    text = "The Fairview Police Department said in a statement that it “does not enforce immigration law.”"
    assert said(text)[0][1] == "Fairview Police Department"


def test_agency_statement() -> None:
    text = "Immigration and Customs Enforcement said the arrests were “targeted and lawful.”"
    assert said(text)[0][1] == "Immigration and Customs Enforcement"


def test_according_to() -> None:
    text = CHIEF + "According to Haddad, the raids have been “a disaster for trust.”"
    assert said(text)[0][1] == "Omar Haddad"


def test_second_part_of_a_split_quotation() -> None:
    text = CHIEF + "“We are not ICE,” Haddad said. “We never will be.”"
    assert [who for _, who in said(text)] == ["Omar Haddad", "Omar Haddad"]


def test_continuation_inside_one_sentence() -> None:
    text = CHIEF + "“We are not ICE,” he said, “and we never will be.”"
    assert [who for _, who in said(text)] == ["Omar Haddad", "Omar Haddad"]


def test_quotation_paragraph_after_a_colon_introduction() -> None:
    text = CHIEF + "Haddad put it this way:\n\n“Trust takes years to build and a day to lose.”"
    assert said(text)[0][1] == "Omar Haddad"


def test_long_quotation_over_two_paragraphs_takes_the_later_attribution() -> None:
    text = "“Families here are afraid.\n\n“They stay home from work,” said Mayor Dana Whitfield."
    assert [who for _, who in said(text)] == ["Dana Whitfield", "Dana Whitfield"]


def test_named_private_person_is_drafted_as_a_speaker() -> None:
    text = "“I have lived here 20 years,” said Teresa Molina, a restaurant owner."
    result = draft(text)
    assert [p.name for p in result.people] == ["Teresa Molina"]
    assert result.people[0].title == "Restaurant owner"  # the article's own words for her role
    assert result.people[0].jurisdiction is None


def test_other_person_named_between_quotations_takes_over() -> None:
    text = (
        "Mayor Dana Whitfield and Sheriff Ana Ruiz spoke. “We are united,” Whitfield said. "
        "Ruiz agreed with her. “We are,” she said."
    )
    assert [who for _, who in said(text)] == ["Dana Whitfield", "Ana Ruiz"]


def test_tweet_speaker_and_handle_from_signature() -> None:
    text = (
        "Mayor Dana Whitfield wrote online on Wednesday.\n\n"
        "We will not help with raids. https://t.co/abc123 — Mayor Dana Whitfield (@MayorDanaW) March 4, 2020"
    )
    result = draft(text)
    assert said(text)[0][1] == "Dana Whitfield"
    assert result.people[0].handle == "@MayorDanaW"


def test_no_attribution_leaves_the_speaker_unknown() -> None:
    text = "The city council met for five hours.\n\nA banner with the words “No raids here.” hung in the hall."
    assert said(text) == [("No raids here.", None)]


def test_statement_read_points_to_the_group_that_issued_it() -> None:
    text = "Mayor Dana Whitfield joined four other mayors in a letter. “We will not be bullied,” their letter read."
    assert said(text)[0][1] == "Dana Whitfield"


def test_told_an_outlet_is_an_interview() -> None:
    text = CHIEF + "Haddad told CNN that officers “are not deportation agents.”"
    result = draft(text)
    assert said(text)[0][1] == "Omar Haddad"
    assert result.quotes[0].medium == "interview (CNN)"


def test_medium_from_the_nearest_cue() -> None:
    text = (
        "In a statement on Monday, Mayor Dana Whitfield called the plan “cruel,” and in a tweet she said it was "
        "“unworthy of us.”"
    )
    result = draft(text)
    assert [q.medium for q in result.quotes] == ["statement", "tweet"]


def test_pronoun_with_nobody_before_is_unknown_not_a_description() -> None:
    assert said("She called the plan a “betrayal” of the city.") == [("betrayal", None)]


def test_unfamiliar_acronym_keeps_the_article_words() -> None:
    assert said("The ACLU said the rule “breaks the law.”") == [("breaks the law.", "The ACLU")]


def test_honorific_surname_points_to_the_full_name() -> None:
    text = "Mayor Bill de Vries spoke at noon. “We are ready,” Mr. de Vries said."
    result = draft(text)
    assert said(text) == [("We are ready", "Bill de Vries")]
    assert [p.title for p in result.people] == ["Mayor"]


def test_tweet_signed_by_an_agency() -> None:
    text = (
        "The agency answered on Twitter.\n\n"
        "Our officers will continue to enforce the law. https://t.co/zz "
        "— U.S. Immigration and Customs Enforcement (@ICEgov) March 5, 2020"
    )
    assert said(text) == [("Our officers will continue to enforce the law.", "Immigration and Customs Enforcement")]


def test_she_skips_a_man_the_article_marks() -> None:
    text = (
        "Every night, the Rev. Tomás Vidal unlocks his church hall.\n\n"
        "Ana, a mother from Honduras who asked that her last name not be used, said she slept there.\n\n"
        "“It was warm,” she said."
    )
    assert said(text) == [("It was warm", "Ana")]


def test_he_still_finds_an_unmarked_man() -> None:
    text = "Sheriff Dale Brenner spoke for an hour. “We hold them,” he said."
    assert said(text)[0][1] == "Dale Brenner"


def test_relative_clause_speaker() -> None:
    text = "The letter was also signed by Tulsa Mayor Ann Reyes, who wrote on Twitter that “this is not partisan.”"
    assert said(text) == [("this is not partisan.", "Ann Reyes")]


def test_relative_clause_after_two_people_takes_the_first() -> None:
    text = (
        "It was led by Mayor Jenny Park of Tacoma and Mayor Sam Ortiz of Fresno, who said in a joint statement "
        "that cities “cannot stay silent.”"
    )
    assert said(text) == [("cannot stay silent.", "Jenny Park")]
