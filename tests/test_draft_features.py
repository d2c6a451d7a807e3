"""Features with several people: he/she, a quotation-only paragraph and "her answer:" go to the right one.
Sentences made up for the test."""

from __future__ import annotations

from tests.draft_support import draft, said


def test_surname_ending_in_man_says_nothing_about_gender() -> None:
    text = (
        "Deputy Chief Omar Haddad spoke first. Sheriff Lisa Friedman-Ortega, who took office in May, followed him.\n\n"
        "Friedman-Ortega paused. “We will not hold anyone past their release,” she said."
    )
    assert said(text)[-1] == ("We will not hold anyone past their release", "Lisa Friedman-Ortega")


def test_plain_surname_ending_in_man() -> None:
    text = (
        "Pastor Neil Adeyemi opened the meeting.\n\n"
        "Organizer Dana Hoffman spoke next. “Nobody here is a criminal,” she said."
    )
    assert said(text) == [("Nobody here is a criminal", "Dana Hoffman")]


def test_her_answer_colon() -> None:
    text = (
        "Lawyer Ana Wills spoke to the room.\n\n"
        "“Every school asks the same question,” Wills says. “What if they do not listen?”\n\n"
        "Her answer: “Then you write it all down.”"
    )
    assert said(text)[-1] == ("Then you write it all down.", "Ana Wills")


def test_his_answer_with_only_a_woman_named_stays_unknown() -> None:
    text = "Lawyer Ana Wills spoke to the room.\n\nHis answer: “Then you write it all down.”"
    assert said(text)[-1][1] != "Ana Wills"


def test_unnamed_person_just_before_takes_the_pronoun() -> None:
    text = (
        "Lawyer Ana Wills spoke to the room.\n\n"
        "“We prepare,” Wills says.\n\n"
        "Back in the hall, one student raised her hand. “What if they come?” she asked."
    )
    assert said(text)[-1] == ("What if they come?", "one student")


def test_unnamed_person_with_another_gender_does_not_take_the_pronoun() -> None:
    text = (
        "Lawyer Ana Wills spoke to the room.\n\n"
        "“We prepare,” Wills says.\n\n"
        "Back in the hall, one student raised his hand. “Then we go on,” she said."
    )
    assert said(text)[-1] == ("Then we go on", "Ana Wills")


def test_possessive_name_heading_a_description_is_not_the_speaker() -> None:
    text = (
        "Lawyer Ana Wills took the case of Tomas, a cook.\n\n"
        "Tomas's boss at a diner, who asked not to be named, says Tomas never missed a shift. "
        "“I would take him back today,” he says."
    )
    assert said(text)[-1][1] != "Tomas"


def test_bare_one_is_no_speaker() -> None:
    text = (
        "Mayor Ines Varga spoke on Monday.\n\n"
        "By Tuesday, leaflets had appeared on the doors of the clinic. One read: “Stay home if you can.”"
    )
    assert said(text)[-1] == ("Stay home if you can.", None)


def test_the_one_a_video_shows_asking() -> None:
    text = (
        "Mayor Ines Varga spoke on Monday.\n\n"
        "The footage, filmed by a neighbor, shows the guard leaning over the counter and asking, “Where is your card?”"
    )
    assert said(text)[-1] == ("Where is your card?", "the guard")


def test_a_named_person_a_video_shows_saying() -> None:
    text = "The clip shows Sheriff Tom Hale stepping out of the car and saying, “We do this by the book.”"
    assert said(text) == [("We do this by the book.", "Tom Hale")]


def test_in_what_officials_called() -> None:
    text = "Police detained 12 people on Sunday in what city officials called “a routine sweep.”"
    assert said(text) == [("a routine sweep.", "city officials")]


def test_in_what_a_named_person_described_as() -> None:
    text = "Mayor Ines Varga spoke later. The raid came in what Sheriff Tom Hale described as “a joint operation.”"
    assert said(text)[-1] == ("a joint operation.", "Tom Hale")


def test_described_person_then_pronoun_then_named_in_apposition() -> None:
    text = (
        "The man behind the counter, a baker from Puebla, wiped flour from his hands.\n\n"
        "“We open at five, raids or no raids,” he told the visitors.\n\n"
        "The baker, Joaquín Ruelas, has run the shop since 2009."
    )
    assert said(text) == [("We open at five, raids or no raids", "Joaquín Ruelas")]


def test_described_person_across_a_paragraph_needs_the_gender_in_the_description() -> None:
    text = (
        "Mayor Ines Varga arrived late.\n\n"
        "The clerk at the front table checked names.\n\n"
        "“We are full tonight,” she said."
    )
    assert said(text) == [("We are full tonight", "Ines Varga")]


def test_a_person_named_in_between_wins_over_the_description() -> None:
    text = "The woman at the door held a sign.\n\nMayor Ines Varga walked past her. “We hear you,” she said."
    assert said(text) == [("We hear you", "Ines Varga")]


def test_words_on_a_sign_keep_the_articles_description() -> None:
    text = (
        "Mayor Ines Varga spoke to the crowd. “We are with you,” she said.\n\n"
        "One sign in the crowd read: “Families belong together.”"
    )
    assert said(text)[-1] == ("Families belong together.", "One sign in the crowd")


def test_as_opens_a_clause_with_its_own_speaker() -> None:
    text = "The footage shows agents pulling a man from his truck as a bystander shouts, “He has kids!”"
    assert said(text) == [("He has kids!", "a bystander")]


def test_as_inside_commas_is_no_clause() -> None:
    text = "Sheriff Tom Hale, as the county's top officer, said “we follow the law.”"
    assert said(text) == [("we follow the law.", "Tom Hale")]


def test_a_lead_in_sentence_in_the_quotations_paragraph() -> None:
    text = (
        "Sheriff Walter Brandt spoke with Lena Marsh on Thursday.\n\n"
        "“Why sign the agreement now?” Marsh asked.\n\n"
        "“Because the law changed,” Brandt said.\n\n"
        "Marsh pressed him on cost. “Who pays for the extra beds?”"
    )
    assert said(text)[-1] == ("Who pays for the extra beds?", "Lena Marsh")


def test_he_after_a_sentence_that_calls_someone_him() -> None:
    text = (
        "Host Jordan Marsh spoke with Sheriff Walter Brandt on Thursday.\n\n"
        "“Why sign the agreement now?” Marsh asked.\n\n"
        "“Because the law changed,” Brandt said.\n\n"
        "Marsh pressed him on cost.\n\n"
        "“The federal government pays us back,” he answered."
    )
    assert said(text)[-1] == ("The federal government pays us back", "Walter Brandt")


def test_identified_herself_only_as_a_first_name() -> None:
    text = (
        "Sheriff Walter Brandt took calls.\n\n"
        "A caller from Hickman, who identified herself only as Teresa, said her brother was held for three days. "
        "“Nobody called us,” she said."
    )
    result = draft(text)
    assert [p.name for p in result.people] == ["Walter Brandt", "Teresa"]
    assert said(text) == [("Nobody called us", "Teresa")]
