"""Attribution patterns found by held-out batch 10 (eval/heldout/batch10), one made-up sentence or two per kind."""

from __future__ import annotations

from tests.draft_support import draft, quotes, said

# --- quotation marks ------------------------------------------------------------------------------


def test_an_outlet_that_sets_quotations_in_single_marks() -> None:
    text = (
        "The board voted on Monday.\n\n"
        "‘We’re not done,’ said Chair Ana Pruitt. ‘The workers’ union agrees with us.’\n\n"
        "Trustee Bo Lind called it ‘a waste’."
    )
    assert said(text) == [
        ("We’re not done", "Ana Pruitt"),
        ("The workers’ union agrees with us.", "Ana Pruitt"),
        ("a waste", "Bo Lind"),
    ]


def test_single_marks_are_not_quotations_where_the_article_uses_double_ones() -> None:
    text = "“It’s over,” Mayor Ed Lamb said of the city’s ‘sanctuary’ debate."
    assert quotes(text) == ["It’s over"]


def test_a_scare_quoted_modifier_before_its_noun_is_not_a_quotation() -> None:
    assert quotes("The agency ended its “safe zones” program. Mayor Ed Lamb said it was “a shame.”") == ["a shame."]


def test_a_word_quoted_as_what_someone_claimed_stays_a_quotation() -> None:
    assert quotes("The senator claimed on Monday that “thousands” would be affected.") == ["thousands"]


# --- who: named people and bodies -----------------------------------------------------------------


def test_pronoun_after_an_appositive_name_goes_to_that_person() -> None:
    text = (
        "Mayor Ron Vick praised the ruling.\n\n"
        "The Dade County sheriff, Alma Reyes, said her deputies never helped. “We stay out of it,” she said."
    )
    assert said(text) == [("We stay out of it", "Alma Reyes")]


def test_lowercase_role_before_a_name_after_said() -> None:
    assert said("“Vote yes,” said council member Ana Ruiz.") == [("Vote yes", "Ana Ruiz")]


def test_appositive_name_after_a_description_with_called() -> None:
    text = "Her Republican rival, Tom Ngata, called the plan “a stunt.”"
    assert said(text) == [("a stunt.", "Tom Ngata")]


def test_the_title_named_later_in_the_article() -> None:
    text = (
        "The council voted to end the deal, a move that supporters called overdue and the sheriff called "
        "“a disaster.”\n\n"
        "Sheriff Ann Pike said the county would lose money."
    )
    assert said(text) == [("a disaster.", "Ann Pike")]


def test_acronym_with_its_place_and_later_alone_is_one_body() -> None:
    text = "The ACLU of Ohio sued in May. “This is a win,” the ACLU said in a statement."
    result = draft(text)
    assert [(o.name, o.abbreviation) for o in result.orgs] == [("ACLU of Ohio", "ACLU")]
    assert said(text) == [("This is a win", "ACLU of Ohio")]


def test_a_body_named_with_the_at_the_head_of_a_sentence() -> None:
    assert said("The United Farmhands Guild called the arrests “a disgrace” on Monday.") == [
        ("a disgrace", "United Farmhands Guild")
    ]


def test_a_statement_from_a_body_whose_name_has_for() -> None:
    text = "A statement from Parents for Safe Streets, which backed the bill, said: “We won.”"
    assert said(text) == [("We won.", "Parents for Safe Streets")]


def test_department_of_something_is_not_a_person() -> None:
    result = draft("The Department of Public Works, which runs the yard, said it “will reopen soon.”")
    assert [p.name for p in result.people] == []
    assert said("The Department of Public Works, which runs the yard, said it “will reopen soon.”") == [
        ("will reopen soon.", "Department of Public Works")
    ]


# --- who: unnamed speakers and groups -------------------------------------------------------------


def test_his_office_is_not_the_man_himself() -> None:
    text = "The mayor, Luke Barrow, will sign it. His office said he “backs the goal” of the bill."
    assert said(text) == [("backs the goal", "His office")]


def test_the_spokesman_is_the_spokesman_described_before() -> None:
    text = "According to a county spokesman, the jail is full. The spokesman said the county “has no more room.”"
    assert said(text) == [("has no more room.", "a county spokesman")]


def test_they_after_a_group_is_the_group_not_a_person_named_before() -> None:
    text = (
        "Rep. Jo Mabry wrote to ICE on Monday.\n\n"
        "Members of the tenants' union said they would return. “We are not leaving,” they said."
    )
    assert said(text) == [("We are not leaving", "Members of the tenants' union")]


def test_they_after_a_person_still_points_to_the_person() -> None:
    text = "Mayor Ras Dunn joined other mayors on Friday. “We stand together,” their statement read."
    assert said(text) == [("We stand together", "Ras Dunn")]


def test_a_coalition_a_named_person_joined_is_credited_to_that_member() -> None:
    text = (
        "Attorney General Rita Osei joined a coalition of 12 states in a letter on Friday. "
        "In the letter, the coalition writes: “Families must be safe.”"
    )
    assert said(text) == [("Families must be safe.", "Rita Osei")]


# --- who: the layout gives the speaker ------------------------------------------------------------


def test_q_and_a_answers_are_the_interviewee() -> None:
    text = (
        "Lee Anand runs the county's legal aid office. Anand spoke with us this week.\n\n"
        "Q: Why this job?\n\n"
        "A: “Because my family needed help once.”\n\n"
        "Q: What next?\n\n"
        "A: “More lawyers. Sheriff Dole agrees.”"
    )
    assert said(text) == [
        ("Because my family needed help once.", "Lee Anand"),
        ("More lawyers. Sheriff Dole agrees.", "Lee Anand"),
    ]


def test_a_statement_read_out_over_paragraphs_without_a_closing_mark() -> None:
    text = (
        "Supervisor Dee Holm, who voted no, read a short statement before the vote.\n\n"
        "“I respect this board.\n\n"
        "“But the money matters, and we cannot ignore it.”"
    )
    assert said(text) == [
        ("I respect this board.", "Dee Holm"),
        ("But the money matters, and we cannot ignore it.", "Dee Holm"),
    ]


# --- kinds found by held-out batch 11 (eval/heldout/batch11) --------------------------------------


def test_a_kinship_word_marks_gender_over_a_later_he() -> None:
    text = (
        "Rod Amis went to his check-in on Monday.\n\n"
        "His wife, Tala Amis, said the family learned he had been deported.\n\n"
        "“We did everything right,” she said."
    )
    assert said(text) == [("We did everything right", "Tala Amis")]


def test_a_sentence_subject_is_never_read_from_inside_a_quotation() -> None:
    text = "“They asked for more papers,” she said."
    assert said(text) == [("They asked for more papers", None)]


def test_a_person_introduced_with_named() -> None:
    text = "The first speaker, a nurse named Dana Oyelaran, spoke of her son. “He was seven,” she told the board."
    assert said(text) == [("He was seven", "Dana Oyelaran")]


def test_the_group_is_the_body_introduced_as_a_group() -> None:
    text = (
        "ICE declined to comment.\n\n"
        "Casa Unida, an immigrant advocacy group, held a vigil. “We will be back,” the group said on Twitter."
    )
    assert said(text) == [("We will be back", "Casa Unida")]


def test_a_body_introduced_as_a_nonprofit_speaks_for_itself() -> None:
    assert said("Open Doors Fund, an Austin-based nonprofit, called it “overdue.”") == [("overdue.", "Open Doors Fund")]


def test_a_report_by_an_office_that_belongs_to_an_agency() -> None:
    text = "The report by the Department of Homeland Security's Office of Inspector General said cells were “unsafe.”"
    assert said(text) == [("unsafe.", "Office of Inspector General")]


def test_from_someone_colon_quotation() -> None:
    text = "Sheriff Lu Park ended the deal. From ICE's Denver field office: “This makes our work harder.”"
    assert said(text) == [("This makes our work harder.", "ICE's Denver field office")]


def test_a_show_title_the_sentence_ends_on_is_not_a_quotation() -> None:
    text = "“We need help,” Mayor Ed Lamb said on CNN's “State of the Union.” “Now.”"
    assert quotes(text) == ["We need help", "Now."]


# --- kinds found by held-out batch 12 (eval/heldout/batch12) --------------------------------------


def test_a_speaker_named_by_first_name_only() -> None:
    text = "Lupe was 20 when she crossed the river.\n\n“Every year the date moves,” Lupe says."
    result = draft(text)
    assert [p.name for p in result.people] == ["Lupe"]
    assert said(text) == [("Every year the date moves", "Lupe")]


def test_a_capitalised_common_noun_is_not_a_first_name() -> None:
    text = "Critics said the plan was “rushed.” They want a vote."
    assert [p.name for p in draft(text).people] == []


def test_a_quotation_after_a_sentence_that_ends_with_its_attribution() -> None:
    text = (
        "“It is hard,” Lupe says. She was 20 when she crossed.\n\n"
        "Her son wants to be a nurse, she says. “He tells everyone. I worry.”"
    )
    assert said(text) == [("It is hard", "Lupe"), ("He tells everyone. I worry.", "Lupe")]


def test_a_hyphen_dateline_is_not_the_speaker() -> None:
    text = (
        "BOSTON (Reuters) - Governor Al Brandt on Thursday defended the flights, saying states must share “the load.”"
    )
    assert said(text) == [("the load.", "Al Brandt")]


def test_the_bill_states_that() -> None:
    text = "The Senate passed a bill on Monday. The bill states that no officer “shall hold anyone for ICE.”"
    assert said(text) == [("shall hold anyone for ICE.", "The bill")]


def test_states_as_a_noun_is_no_reporting_verb() -> None:
    text = "Mayors in Republican-led states, including Mayor Al Voss, who wrote that “this is not partisan.”"
    assert said(text) == [("this is not partisan.", "Al Voss")]


def test_a_pronoun_after_a_relative_with_a_kinship_word_does_not_mark_the_subject() -> None:
    text = (
        "Sen. Ed Park spoke first.\n\n"
        "Among those watching was Ana Voss, whose husband was held past his release date. “Never again,” she said."
    )
    assert said(text) == [("Never again", "Ana Voss")]


def test_his_spokesman_marks_the_man_named_after_it() -> None:
    text = "His spokesman, Lee Park, said the governor “will decide soon.” Rep. Jo Ash disagreed. “No,” she said."
    assert said(text) == [("will decide soon.", "Lee Park"), ("No", "Jo Ash")]


def test_they_after_two_people_named_together_is_the_first() -> None:
    text = (
        "The mayors of Denver and Boston, Mike Lund and Eva Adams, sent a joint letter on Monday. "
        "“Our cities are stretched,” they wrote."
    )
    assert said(text) == [("Our cities are stretched", "Mike Lund")]


def test_the_district_is_the_school_district_named_before() -> None:
    text = (
        "According to Alvin ISD, the arrest was off campus. In a statement, the district said it “does not help ICE.”"
    )
    assert said(text) == [("does not help ICE.", "Alvin ISD")]


def test_a_statement_introduced_by_a_dateline_paragraph_ending_in_a_colon() -> None:
    text = (
        "SAN JOSE – Mayor Ana Reyes issued the following statement today:\n\n"
        "“San Jose welcomes everyone. We need federal help.”"
    )
    assert said(text) == [("San Jose welcomes everyone. We need federal help.", "Ana Reyes")]


# --- kinds found by held-out batch 13 (eval/heldout/batch13) --------------------------------------


def test_he_after_an_unnamed_person_is_that_person_not_a_man_named_earlier() -> None:
    text = (
        "“We ran,” said Tomás, a milker who asked that his last name not be used.\n\n"
        "The owner of one farm, who asked not to be named, said he lost six workers. “I can't milk alone,” he said."
    )
    assert said(text) == [("We ran", "Tomás"), ("I can't milk alone", "The owner of one farm")]


def test_in_someones_words() -> None:
    text = "“No effect,” said Elena Barrios, a professor. In Barrios' words, the program is “a signal.”"
    assert said(text) == [("No effect", "Elena Barrios"), ("a signal.", "Elena Barrios")]


def test_as_someone_put_it() -> None:
    text = "As one sheriff in rural Ohio put it, “The money talks.”"
    assert said(text) == [("The money talks.", "one sheriff in rural Ohio")]


def test_heard_asking() -> None:
    text = "The video shows agents at a store. “Where are you taking him?” a woman can be heard asking."
    assert said(text) == [("Where are you taking him?", "a woman can be heard")]


# --- kinds found by held-out batch 14 (eval/heldout/batch14) --------------------------------------


def test_a_quotation_then_a_new_sentence_by_someone_else() -> None:
    text = (
        "Chief Ron Baca said officers would enforce it “like any other law.” "
        "Chief Wen Ford said his department would not make it a priority this year at all."
    )
    assert said(text) == [("like any other law.", "Ron Baca")]


def test_a_short_attribution_after_a_quotation_still_belongs_to_it() -> None:
    assert said("“Why now?” Mayor Ed Lamb asked reporters on Monday.") == [("Why now?", "Ed Lamb")]


def test_a_pull_quote_signed_with_a_dash() -> None:
    text = (
        "The groups sued today.\n\n“Sheriffs should decide. This law takes that away.” — Sheriff Pat Lee, Fulton County"
    )
    assert said(text) == [("Sheriffs should decide. This law takes that away.", "Pat Lee")]


def test_she_after_a_description_that_names_the_person() -> None:
    text = (
        "Mayor Doug Nix declared an emergency.\n\n"
        "One volunteer, a teacher named Carol Hugh, says the work changed her. “You stop arguing,” she says."
    )
    assert said(text) == [("You stop arguing", "Carol Hugh")]


def test_a_ministry_is_a_body_not_a_person() -> None:
    result = draft("Mexico's Foreign Ministry said it “rejects” the law.")
    assert [p.name for p in result.people] == []
    assert [o.name for o in result.orgs] == ["Mexico's Foreign Ministry"]


def test_a_society_is_a_body() -> None:
    assert said("In a filing, the Legal Aid Society said conditions were “degrading.”") == [
        ("degrading.", "Legal Aid Society")
    ]


def test_a_court_on_a_weekday_is_the_court() -> None:
    assert [o.name for o in draft("The Supreme Court on Thursday let the law stand.").orgs] == ["Supreme Court"]


def test_a_place_word_before_an_accented_name_is_no_first_name() -> None:
    text = "“We voted no,” said Fort Ángel City Council Member José Varga (R) on Monday. He left."
    assert [p.name for p in draft(text).people] == ["José Varga"]


# --- kinds found by held-out batch 15 (eval/heldout/batch15) --------------------------------------


def test_the_first_name_a_speaker_gave() -> None:
    text = "“Now maybe two days,” said a man who gave only his first name, Jorge. He has lived here 12 years."
    assert said(text) == [("Now maybe two days", "Jorge")]


def test_according_to_a_document_then_the_person_who_said_it() -> None:
    text = "According to the minutes from May, Sheriff Tom Lyle had said the numbers were “available to anyone.”"
    assert said(text) == [("available to anyone.", "Tom Lyle")]


def test_they_after_a_group_that_did_something() -> None:
    text = "WASHINGTON — A report came out.\n\nThe groups reviewed 52 deaths. In 47, they concluded, “care failed.”"
    assert said(text) == [("care failed.", "The groups")]


def test_a_heading_in_capitals_is_no_call_sign() -> None:
    result = draft("WASHINGTON (AP) — A report came out.\n\nWHAT DID THE REPORT FIND?\n\nWHO WROTE IT?\n\nDoctors did.")
    assert [o.name for o in result.orgs] == ["AP"]


def test_a_translation_between_dashes_continues_the_chant() -> None:
    text = "Marchers chanted “¡Sí se puede!” — “Yes we can!” — as they walked to the federal building."
    assert said(text) == [("¡Sí se puede!", "Marchers"), ("Yes we can!", "Marchers")]


def test_a_company_is_a_body() -> None:
    text = "The plant's owner, Prairie Premium Meats, said it “follows all the rules.”"
    assert said(text) == [("follows all the rules.", "Prairie Premium Meats")]
