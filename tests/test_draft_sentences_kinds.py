"""Where an attribution's sentence ends, and who "he" or "she" can be (eval/heldout batches 10-16 as development
data). Made-up sentences."""

from __future__ import annotations

from tests.draft_support import draft, said


def test_a_quotation_inside_a_sentence_with_its_own_speaker_ends_the_sentence() -> None:
    text = "Republican state Sen. Ray Cole called the law “a gift to lawyers.” He said he expected a lawsuit."
    assert said(text) == [("a gift to lawyers.", "Ray Cole")]


def test_a_fragment_quoted_mid_sentence_is_not_credited_to_the_next_sentence() -> None:
    text = (
        "Chief Executive Officer Dan Pike said the company could open beds “within days.” "
        "Reporters on the call asked how many."
    )
    assert said(text) == [("within days.", "Dan Pike")]


def test_a_quotation_opening_its_sentence_still_takes_the_short_attribution_after_it() -> None:
    text = "Judge Ana Pruitt heard the case. “Why is he still in a cell?” Pruitt asked."
    assert said(text) == [("Why is he still in a cell?", "Ana Pruitt")]


def test_he_is_never_a_plural_group_described_before() -> None:
    text = (
        "Chief Executive Officer Dan Pike spoke on the call.\n\n"
        "Analysts on the call asked how quickly contracts could be signed. “Weeks, not months,” he said."
    )
    assert said(text) == [("Weeks, not months", "Dan Pike")]


def test_she_after_a_singular_unnamed_person_is_still_that_person() -> None:
    text = (
        "Mayor Tom Hale spoke first.\n\n"
        "A nurse at the clinic said agents came at dawn. “They had no warrant,” she said."
    )
    assert said(text) == [("They had no warrant", "A nurse at the clinic")]


def test_according_to_after_the_quotation() -> None:
    assert said("“We are ready,” according to Mayor Tom Hale.") == [("We are ready", "Tom Hale")]
    assert said("The city is “ready,” according to Mayor Tom Hale.") == [("ready", "Tom Hale")]


def test_according_to_an_unnamed_source_after_the_quotation_stays_unnamed() -> None:
    text = "Mayor Tom Hale spoke Monday. The jail is “full,” according to a county official."
    assert said(text) == [("full", "a county official")]


def test_a_paragraph_that_is_only_a_quotation_after_one_about_a_person() -> None:
    text = "Mayor Ana Ruiz spoke first.\n\n“We will not comply.”\n\n“Not now, not ever,” she added."
    assert said(text) == [("We will not comply.", "Ana Ruiz"), ("Not now, not ever", "Ana Ruiz")]


def test_a_paragraph_that_is_only_a_quotation_after_one_about_a_group_stays_unknown() -> None:
    text = "Mayor Ana Ruiz spoke first.\n\nCritics were not convinced.\n\n“This changes nothing.”"
    assert said(text) == [("This changes nothing.", None)]


def test_a_quotation_standing_alone_after_a_person_named_as_an_object_stays_unknown() -> None:
    text = "Reporters waited for Mayor Ana Ruiz outside.\n\n“This changes nothing.”"
    assert said(text) == [("This changes nothing.", None)]


# --- the layout names the speaker: lists of reactions and transcripts -----------------------------------


def test_a_list_of_reactions_each_labelled_with_its_speaker() -> None:
    text = (
        "Reactions came quickly on Monday.\n\n"
        "- Mayor Ana Ruiz, Akron: “We stand with our neighbors.”\n"
        "- Sen. Ray Cole (R-Texas): “This is lawless.”\n"
        "• Tom Hale, a county commissioner: “It's the law.”"
    )
    assert said(text) == [
        ("We stand with our neighbors.", "Ana Ruiz"),
        ("This is lawless.", "Ray Cole"),
        ("It's the law.", "Tom Hale"),
    ]


def test_a_transcript_labelled_with_surnames_in_capitals() -> None:
    text = (
        "Sheriff Tom Hale and Mayor Ana Ruiz debated on Tuesday.\n\n"
        "HALE: “We follow the law.”\n\n"
        "RUIZ: “The law is wrong.”"
    )
    assert said(text) == [("We follow the law.", "Tom Hale"), ("The law is wrong.", "Ana Ruiz")]


def test_a_label_that_is_no_name_gives_no_speaker() -> None:
    text = "The council met on Monday.\n\nThe bottom line: “No deal.”"
    assert said(text) == [("No deal.", None)]


def test_a_q_and_a_whose_questions_are_their_own_paragraphs() -> None:
    text = (
        "We asked immigration lawyer Rosa Quintero to explain the change.\n\n"
        "What changed?\n\n"
        "“Agents no longer avoid courthouses,” Quintero said.\n\n"
        "Should people still go to hearings?\n\n"
        "“Yes. Missing one is worse.”"
    )
    assert said(text) == [
        ("Agents no longer avoid courthouses", "Rosa Quintero"),
        ("Yes. Missing one is worse.", "Rosa Quintero"),
    ]


def test_a_statement_paragraph_between_two_quotations_still_breaks_the_run() -> None:
    text = (
        "“Agents no longer avoid courthouses,” lawyer Rosa Quintero said.\n\n"
        "The agency did not answer questions about the change.\n\n"
        "“Yes. Missing one is worse.”"
    )
    assert said(text)[1] == ("Yes. Missing one is worse.", None)


def test_a_line_that_is_only_a_name_labels_the_quotation_after_it() -> None:
    text = (
        "We asked two candidates, Mayor Ana Ruiz and Tom Hale, about ICE.\n\n"
        "Mayor Ana Ruiz:\n\n“We will not cooperate.”\n\n"
        "Tom Hale\n\n“We will follow the law.”"
    )
    assert said(text) == [("We will not cooperate.", "Ana Ruiz"), ("We will follow the law.", "Tom Hale")]


def test_a_persons_message_or_answer_before_a_colon() -> None:
    assert said("Mayor Ana Ruiz's message to ICE: “We will not help.”") == [("We will not help.", "Ana Ruiz")]
    assert said("Mayor Ana Ruiz's answer was short: “No.”") == [("No.", "Ana Ruiz")]


def test_a_persons_office_or_lawyer_is_not_the_person() -> None:
    text = "Mayor Ana Ruiz's office said the city “will not help.”"
    assert said(text) == [("will not help.", "Mayor Ana Ruiz's office")]


def test_a_clause_word_inside_an_appositive_aside_does_not_start_the_subject() -> None:
    text = "Tom Hale spoke first. Hale, a Democrat who took office after a close race, said the city “will not help.”"
    assert said(text)[0][1] != "a close race"


def test_words_reported_inside_a_saying_are_the_inner_speakers() -> None:
    assert said("Ana Ruiz said Tom Hale told her the city “will not help.”") == [("will not help.", "Tom Hale")]
    assert said("Ana Ruiz said agents told her she had “no rights.”") == [("no rights.", "agents")]


def test_a_question_put_to_someone_is_not_the_inner_subject() -> None:
    text = "Asked about critics who say the office is wasteful, Director Lena Okafor was blunt: “Come see it.”"
    assert said(text) == [("Come see it.", "Lena Okafor")]
    assert said("Ana Ruiz said she told agents they had “no right” to enter.") == [("no right", "Ana Ruiz")]


def test_said_x_in_the_present_of_a_feature() -> None:
    text = "“We had seven this year,” explains Sheriff Dale Moore, “and most were gone in a day.”"
    assert said(text) == [("We had seven this year", "Dale Moore"), ("and most were gone in a day.", "Dale Moore")]
    assert said("“It works,” adds Principal Joan Park.") == [("It works", "Joan Park")]


def test_a_full_name_after_a_sentences_first_word_that_its_surname_speaks_for() -> None:
    text = (
        "But Rosalind Okafor of the Immigrant Justice Project said the sheriff still cooperates.\n\n"
        "“The policy is undermined,” Okafor said."
    )
    assert said(text) == [("The policy is undermined", "Rosalind Okafor")]


def test_two_single_marks_typed_for_a_closing_double_mark() -> None:
    text = "“We live in fear,’’ Tomas Reyes said in Spanish. “Every day.”"
    assert said(text) == [("We live in fear", "Tomas Reyes"), ("Every day.", "Tomas Reyes")]
    result = draft(text)
    quote = result.quotes[0]
    assert quote.outer is not None and text[quote.outer.start : quote.outer.end] == "“We live in fear,’’"


def test_a_statement_after_a_sentence_about_an_unnamed_spokesman_is_theirs() -> None:
    text = (
        "President Tom Hale confirmed the operation on Friday.\n\n"
        "An Immigration and Customs Enforcement spokesman would not give details.\n\n"
        "“The agency will not offer specifics,” a statement read."
    )
    assert said(text) == [("The agency will not offer specifics", "An Immigration and Customs Enforcement spokesman")]


def test_said_x_right_after_a_quotation_whose_sentence_runs_into_another() -> None:
    text = (
        "“We'll see you in court,” state Rep. Ana Ruiz said Monday after accusing the governor of signing the bill "
        "in private so he would not have to “answer for it.”"
    )
    assert said(text) == [("We'll see you in court", "Ana Ruiz"), ("answer for it.", "Ana Ruiz")]


def test_the_subject_of_a_clause_after_said_is_no_subject_for_he() -> None:
    text = (
        "Gov. Tom Hale signed the bill on Sunday.\n\n"
        "Rep. Luis Vega called it “hateful” and said Hale was trying to score points.\n\n"
        "“History will judge Gov. Hale,” he said."
    )
    assert said(text)[-1] == ("History will judge Gov. Hale", "Luis Vega")


def test_reactions_each_under_a_line_with_the_speakers_title_and_name() -> None:
    text = (
        "Here are other reactions around the state:\n\n"
        "Akron Mayor Dale Voss\n\n“This bill will make it harder to catch criminals.”\n\n"
        "State Rep. Ines Marlow\n\n“The purpose of this law is to protect residents.”"
    )
    assert said(text) == [
        ("This bill will make it harder to catch criminals.", "Dale Voss"),
        ("The purpose of this law is to protect residents.", "Ines Marlow"),
    ]


def test_president_pro_tem_is_a_title() -> None:
    text = "“It sends a clear message,” said Senate President Pro Tem Kevin Dela Cruz."
    assert said(text) == [("It sends a clear message", "Kevin Dela Cruz")]


def test_a_statement_posted_after_a_colon_with_a_place_of_before_the_title() -> None:
    text = (
        "Village of Pine Hollow Mayor Sara Quill posted the following statement on social media on Friday:\n\n"
        "“Our police department is not ICE.”"
    )
    assert said(text) == [("Our police department is not ICE.", "Sara Quill")]


def test_a_woman_named_by_first_name_only_with_named() -> None:
    text = (
        "Reporters spoke to a woman named Yanira, whose father was detained on Thursday.\n\n"
        "“We thought it was a routine checkup,” she said."
    )
    assert said(text) == [("We thought it was a routine checkup", "Yanira")]


def test_supporters_of_a_person_are_not_the_person() -> None:
    assert said("Supporters of Mayor Ana Ruiz chanted “Sí se puede.”") == [
        ("Sí se puede.", "Supporters of Mayor Ana Ruiz")
    ]


def test_a_body_named_before_the_role_in_apposition_is_no_person() -> None:
    text = "In the nave of St. Brigid Catholic Church, the pastor shouted over the pews. “Have mercy,” she cried."
    result = draft(text)
    assert [p.name for p in result.people] == []
    assert said(text) == [("Have mercy", "the pastor")]


def test_a_quotation_alone_after_a_paragraph_attributed_at_its_end() -> None:
    text = (
        "Pastor Juana Reyes met the family on Sunday.\n\n"
        "The mother was too upset to speak, the pastor recounted to reporters.\n\n"
        "“She has to be strong for her children.”"
    )
    assert said(text) == [("She has to be strong for her children.", "Juana Reyes")]


def test_he_after_according_to_someone_is_that_person() -> None:
    text = (
        "“It is like having a baby,” Pastor Mark Dunn said.\n\n"
        "That is according to Rev. Saul Ortega, who leads a network of churches.\n\n"
        "“These are our members,” he said."
    )
    assert said(text)[-1] == ("These are our members", "Saul Ortega")


def test_mr_without_a_period_and_a_bare_name_after_a_quotation() -> None:
    text = "Officials met on Monday. Mr Kidd said: “We will use as many buses as we need.”"
    assert said(text) == [("We will use as many buses as we need.", "Kidd")]
    text = (
        "“The system is broken,” said Laredo Mayor Pete Salas.\n\n"
        "“We are fighting a battle unarmed,” said County Judge Tano Rios.\n\n"
        "“We cannot test these folks,” Salas."
    )
    assert said(text)[-1] == ("We cannot test these folks", "Pete Salas")


def test_a_response_or_statement_from_someone_before_a_colon() -> None:
    text = "UPDATE: And here's the response, from Sergeant Bo Lind: “We contact ICE as standard protocol.”"
    assert said(text) == [("We contact ICE as standard protocol.", "Bo Lind")]
    text = (
        "Sheriff Dale Moore spoke on Monday.\n\n"
        "Here is the full statement sent to the station from an ICE spokeswoman regarding the arrests:\n\n"
        "“ICE responds only to requests that meet its priorities.”"
    )
    assert said(text) == [("ICE responds only to requests that meet its priorities.", "an ICE spokeswoman")]


def test_short_capitalised_words_said_by_someone_are_a_quotation_not_a_title() -> None:
    text = "“Thank God,” Rosa Vidal said. “God carried us this far.”"
    assert said(text) == [("Thank God", "Rosa Vidal"), ("God carried us this far.", "Rosa Vidal")]
    text = "“Full. Full. Full,” Capt. Ivan Soto said in Spanish. “There isn't enough food.”"
    assert said(text) == [("Full. Full. Full", "Ivan Soto"), ("There isn't enough food.", "Ivan Soto")]


def test_a_show_title_before_said_with_its_own_subject_is_still_a_title() -> None:
    text = "Mayor Ana Ruiz, appearing on CNN's “State of the Union,” said the city “will not help.”"
    assert said(text) == [("will not help.", "Ana Ruiz")]


def test_an_attribution_after_the_quotation_with_an_appositive_aside() -> None:
    text = (
        "“She was told she would be eligible for asylum,” a spokesperson for Open Doors Coalition, an Austin-based "
        "criminal justice and immigration advocacy group, told the Daily Herald."
    )
    assert said(text) == [("She was told she would be eligible for asylum", "a spokesperson for Open Doors Coalition")]
