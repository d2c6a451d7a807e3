"""Roles and titles (eval/heldout batches 10-16 as development data): a title the drafter must know, "the provost"
pointing back to the person of that role, and a lede's "a federal judge" named further down. Made-up sentences."""

from __future__ import annotations

from tests.draft_support import draft, said

# --- titles before a name: the name is the person, the title is their title -------------------------


def test_titles_of_campuses_churches_ranks_and_companies_are_not_part_of_the_name() -> None:
    cases = {
        "Provost Ann Lee": "Ann Lee",
        "Rabbi Ellen Stein": "Ellen Stein",
        "Father Luis Mena": "Luis Mena",
        "Trooper Ben Cage": "Ben Cage",
        "Chief Executive Officer Dan Pike": "Dan Pike",
        "Principal Joan Park": "Joan Park",
    }
    for titled, name in cases.items():
        assert said(f"“Stay calm,” {titled} wrote on Monday.") == [("Stay calm", name)], titled
        assert [p.title for p in draft(f"{titled} said it was “fine.”").people] == [titled[: -len(name) - 1]]


# --- "the provost": the person of that role named before ---------------------------------------------


def test_the_role_word_points_back_to_the_person_with_that_title() -> None:
    text = "Provost Ann Lee wrote to staff on Monday. “Stay calm,” the provost wrote."
    assert said(text) == [("Stay calm", "Ann Lee")]
    text = "U.S. District Judge Ana Pruitt ruled Friday.\n\n“The detention is unlawful,” the judge wrote."
    assert said(text) == [("The detention is unlawful", "Ana Pruitt")]


def test_the_role_word_points_back_to_a_role_given_in_apposition() -> None:
    text = "Omar Bakri, the family's lawyer, called the arrest “unlawful.” “She did nothing,” the lawyer said."
    assert said(text) == [("unlawful.", "Omar Bakri"), ("She did nothing", "Omar Bakri")]


def test_the_role_word_is_the_most_recent_holder() -> None:
    text = (
        "Bishop Tomas Ruiz spoke first. Later, Bishop Hal Ortega took the pulpit.\n\n"
        "“We will shelter anyone,” the bishop said."
    )
    assert said(text) == [("We will shelter anyone", "Hal Ortega")]


def test_the_role_word_after_an_unnamed_holder_stays_unnamed() -> None:
    text = (
        "ICE spokeswoman Dana Fox said the arrests were planned. A second ICE spokeswoman said more would follow.\n\n"
        "“They were targeted,” the spokeswoman said."
    )
    assert said(text) == [("They were targeted", "A second ICE spokeswoman")]


def test_a_role_nobody_named_stays_the_description() -> None:
    assert said("Mayor Tom Hale spoke. “We are worried,” the principal said.") == [("We are worried", "the principal")]


# --- a lede's description, named further down ----------------------------------------------------------


def test_a_judge_described_in_the_lede_and_named_later() -> None:
    text = (
        "A federal judge on Friday ordered the release of a farmworker, saying the arrest was “plainly unlawful.”\n\n"
        "The man had been held for a month.\n\n"
        "U.S. District Judge Ana Pruitt wrote that agents had no warrant."
    )
    assert said(text) == [("plainly unlawful.", "Ana Pruitt")]


def test_a_spokesman_described_first_is_not_the_spokesman_named_later() -> None:
    text = (
        "A police spokesman said officers “did not take part.”\n\n"
        "Police spokesman Carl Diaz later said the department would review the video."
    )
    assert said(text) == [("did not take part.", "A police spokesman")]


def test_a_judge_described_when_two_judges_are_named_stays_described() -> None:
    text = "A federal judge called the policy “cruel.”\n\nJudge Ana Pruitt and Judge Rob Kell both sit in Tucson."
    assert said(text) == [("cruel.", "A federal judge")]


def test_a_noun_ending_in_ly_is_kept_in_the_description() -> None:
    assert said("Lawyers for the family said the arrest was “unlawful.”") == [("unlawful.", "Lawyers for the family")]


def test_a_description_that_holds_a_relative_clause_keeps_its_verb() -> None:
    text = "Residents who were detained the next day said the agents were “rough.”"
    assert said(text) == [("rough.", "Residents who were detained the next day")]


# --- people named without a title or a reporting verb ------------------------------------------------


def test_she_after_a_full_name_with_no_title_or_reporting_verb() -> None:
    text = "Marta Lopez has lived in Dayton for 20 years. “I am afraid to go out,” she said. “My kids are scared.”"
    assert said(text) == [("I am afraid to go out", "Marta Lopez"), ("My kids are scared.", "Marta Lopez")]


def test_he_in_the_next_paragraph_after_a_name_in_apposition() -> None:
    text = "Marta Lopez said she is afraid.\n\nJuan Ruiz, her neighbor, agreed.\n\n“It's bad,” he said."
    assert said(text) == [("It's bad", "Juan Ruiz")]


def test_a_body_the_article_calls_it_is_no_person() -> None:
    text = "Casa Esperanza runs a shelter in town. Its director said she was “out of beds.”"
    result = draft(text)
    assert [p.name for p in result.people] == []
    assert said(text) == [("out of beds.", "Its director")]


# --- names with initials -----------------------------------------------------------------------------


def test_names_with_initials_are_whole_names() -> None:
    assert said("Gov. JB Kerr said it was “a good day.”") == [("a good day.", "JB Kerr")]
    assert said("“A good day,” said J.D. Kerr, the county executive.") == [("A good day", "J.D. Kerr")]
    assert said("“A good day,” said Executive Director A. Paul Kerr.") == [("A good day", "A. Paul Kerr")]


def test_two_capitals_that_are_an_abbreviation_are_no_initials() -> None:
    result = draft("“No deal,” said DA Lena Ford. US Attorney Rob Kell agreed.")
    assert sorted(p.name for p in result.people) == ["Lena Ford", "Rob Kell"]


def test_a_lowercase_role_of_several_words_before_a_name_with_particles() -> None:
    text = (
        "Board member Ana Ruiz said the plan went too far. “It scares families,” she said.\n\n"
        "Board vice president Marta De La Cruz disagreed. “We follow the law,” she said."
    )
    assert said(text) == [("It scares families", "Ana Ruiz"), ("We follow the law", "Marta De La Cruz")]
    assert "Marta De La Cruz" in [p.name for p in draft(text).people]


# --- "the company said": the body of that kind named before ------------------------------------------


def test_the_company_is_the_company_named_before() -> None:
    text = "The Acme Corp. won the contract. “We follow the law,” the company said in a statement."
    assert said(text) == [("We follow the law", "Acme Corp.")]


def test_the_company_is_a_body_the_article_calls_a_company() -> None:
    text = (
        "Harvest Foods, a meatpacking company, said it “fully cooperated.” ICE declined to comment.\n\n"
        "“We follow the law,” the company said."
    )
    assert said(text) == [("fully cooperated.", "Harvest Foods"), ("We follow the law", "Harvest Foods")]


def test_the_company_with_no_company_named_stays_the_description() -> None:
    text = "ICE raided the plant on Monday. “We follow the law,” the company said."
    assert said(text) == [("We follow the law", "the company")]


def test_the_union_is_never_a_news_outlet_or_an_agency() -> None:
    text = (
        "The Farmworkers Union of Ohio sued ICE, the Dayton Daily News reported.\n\n"
        "“This is a warning to every grower,” the union said."
    )
    assert said(text) == [("This is a warning to every grower", "Farmworkers Union of Ohio")]


def test_a_body_after_of_is_named_without_the_of() -> None:
    result = draft("“Beds are money,” said Rosa Vega, executive director of Detention Watch Network.")
    assert [o.name for o in result.orgs] == ["Detention Watch Network"]


# --- "the Dayton mayor", "the Republican governor" -----------------------------------------------------


def test_the_mayor_of_a_city_named_after_the_name() -> None:
    text = (
        "Mayor Tom Hale of Dayton and Mayor Ana Ruiz of Akron signed the letter. "
        "“We need help,” the Dayton mayor said. “So do we,” the Akron mayor said."
    )
    assert said(text) == [("We need help", "Tom Hale"), ("So do we", "Ana Ruiz")]


def test_a_party_before_the_title_does_not_narrow_who_it_is() -> None:
    text = "Gov. Tom Hale spoke.\n\n“We will not back down,” the Republican governor said."
    assert said(text) == [("We will not back down", "Tom Hale")]


# --- a name in apposition to a description -------------------------------------------------------------


def test_a_name_in_apposition_before_an_adverb_and_the_verb() -> None:
    text = "President Tom Hale spoke. His press secretary, Ana Ruiz, later said: “The president means it.”"
    assert said(text) == [("The president means it.", "Ana Ruiz")]


def test_said_a_description_then_the_name_in_apposition() -> None:
    text = "Luis Vega was detained in May.\n\n“I miss him every day,” said his daughter, Sofia Vega, 17."
    assert said(text) == [("I miss him every day", "Sofia Vega")]


def test_a_relative_named_by_first_name_in_apposition() -> None:
    text = "Jorge Diaz, 51, was detained in May. His daughter, Sofia, 17, said: “I miss him every day.”"
    assert said(text) == [("I miss him every day.", "Sofia")]


def test_a_possessive_role_before_a_name() -> None:
    assert said("“We're not involved,” sheriff's spokeswoman Ana Ruiz said.") == [("We're not involved", "Ana Ruiz")]


def test_a_body_and_a_role_before_a_name_qualify_the_person() -> None:
    assert said("ICE acting Director Tom Hale said the agency would “keep going.”") == [("keep going.", "Tom Hale")]
    assert said("“Keep going,” border czar Tom Hale told Fox News.") == [("Keep going", "Tom Hale")]


def test_the_project_is_the_body_whose_name_ends_in_project() -> None:
    text = "The Texas Civil Rights Project sued. “This is racial profiling,” the project said."
    assert said(text) == [("This is racial profiling", "Texas Civil Rights Project")]


# --- bodies the vocabulary does not know ----------------------------------------------------------------


def test_an_acronym_that_speaks_is_a_body() -> None:
    assert said("LULAC called the arrests “racial profiling.”") == [("racial profiling.", "LULAC")]
    result = draft("“Racial profiling,” RAICES said in a statement.")
    assert [(o.name, o.abbreviation) for o in result.orgs] == [("RAICES", "RAICES")]
    assert result.quotes[0].speaker == result.orgs[0].id


def test_a_name_the_article_calls_a_group_is_a_body() -> None:
    text = "The advocacy group Casa Verde called the raids “cruel.”"
    assert said(text) == [("cruel.", "Casa Verde")]
    assert [o.name for o in draft(text).orgs] == ["Casa Verde"]


def test_capitals_that_are_no_body_stay_out() -> None:
    result = draft("“It is over,” said Ana Ruiz. NEW YORK officials said the law was “clear.”")
    assert [o.name for o in result.orgs] == []


def test_a_headline_in_title_case_does_not_run_past_the_name() -> None:
    text = (
        "Attorney General Quinn Sues Over Courthouse Arrests\n\n"
        "BOSTON — Attorney General Andrea Quinn filed a lawsuit on Monday.\n\n"
        "“No one should fear a courthouse,” said AG Quinn."
    )
    result = draft(text, None)
    assert [p.name for p in result.people] == ["Andrea Quinn"]
    assert said(text, None) == [("No one should fear a courthouse", "Andrea Quinn")]


def test_calls_in_the_present_before_what_it_calls() -> None:
    text = "Her principal, Ray Dunn, calls her “the heart of this building.” Buses stop for calls as usual."
    assert said(text) == [("the heart of this building.", "Ray Dunn")]


def test_a_body_with_of_in_its_name_before_a_role_and_a_name() -> None:
    text = "Ohio Department of Public Safety spokesman Dale Voss said troopers were “ready.”"
    assert said(text) == [("ready.", "Dale Voss")]


# --- described first, named later: the article ties them ----------------------------------------------


def test_a_description_the_article_later_ties_to_a_name() -> None:
    text = (
        "A Honduran mother of two said agents took her husband. “They came at night,” she said.\n\n"
        "The mother, Ana Ruiz, 34, has no criminal record."
    )
    assert said(text) == [("They came at night", "Ana Ruiz")]


def test_a_second_one_described_in_between_breaks_the_tie() -> None:
    text = (
        "A man said agents came at night. “They broke the door,” he said.\n\n"
        "Another man said nothing.\n\n"
        "The man, Tom Hale, 34, has no record."
    )
    assert said(text) == [("They broke the door", "A man")]


def test_the_same_role_named_for_someone_else_is_no_tie() -> None:
    text = "A spokesman said the jail was “full.”\n\nThe mayor's spokesman, Carl Diaz, did not comment."
    assert said(text) == [("full.", "A spokesman")]


# --- "the agency", "it": never the outlet reporting the story --------------------------------------------


def test_the_agency_is_never_the_newspaper_that_asked_it() -> None:
    text = "The Dayton Daily News asked ICE for comment. “We do not comment on operations,” the agency said."
    assert said(text) == [("We do not comment on operations", "ICE")]
    text = "The Dayton Daily News asked ICE for comment. It said it “does not comment on operations.”"
    assert said(text) == [("does not comment on operations.", "ICE")]


def test_the_department_can_be_a_federal_department() -> None:
    text = "The Department of Homeland Security sent a statement. “We enforce the law,” the department said."
    assert said(text) == [("We enforce the law", "Department of Homeland Security")]


def test_more_titles_and_a_title_abbreviation_does_not_end_the_sentence() -> None:
    assert said("“Fine,” Msgr. Tom Hale said.") == [("Fine", "Tom Hale")]
    assert said("Inspector General Ana Ruiz said the jail was “unsafe.”") == [("unsafe.", "Ana Ruiz")]
    text = "Councilor Ana Ruiz voted no. “It was rushed,” the councilor said."
    assert said(text) == [("It was rushed", "Ana Ruiz")]
    text = "“We work with our federal partners,” said Bridgeport Chief of Police Mark Dole."
    assert said(text) == [("We work with our federal partners", "Mark Dole")]


def test_a_judge_described_when_the_article_speaks_of_another_judge_stays_described() -> None:
    text = (
        "A federal judge called the policy “cruel.”\n\n"
        "Another judge upheld it. U.S. District Judge Rob Kell wrote that it was lawful."
    )
    assert said(text) == [("cruel.", "A federal judge")]


def test_a_party_word_before_a_name_marks_a_person_and_is_no_part_of_the_name() -> None:
    assert said("Republican Tom Hale called the bill “long overdue.”") == [("long overdue.", "Tom Hale")]
    text = "Democrat Ana Ruiz, who represents Dayton, said the bill was “cruel.”"
    assert said(text) == [("cruel.", "Ana Ruiz")]


def test_the_role_a_person_is_given_in_apposition_points_back() -> None:
    text = "Rep. Tom Hale, the bill's sponsor, spoke first. “It's overdue,” the sponsor said."
    assert said(text) == [("It's overdue", "Tom Hale")]


def test_the_group_after_a_civic_body_that_opened_the_sentence_before() -> None:
    text = "The ACLU of Ohio sued on Monday. In its complaint, the group said the policy was “unlawful.”"
    assert said(text) == [("unlawful.", "ACLU of Ohio")]


def test_the_group_after_an_agency_stays_the_description() -> None:
    text = "The Department of Homeland Security responded on Monday. The group said the policy was “unlawful.”"
    assert said(text) == [("unlawful.", "The group")]


def test_a_persons_statement_or_letter_is_the_persons() -> None:
    assert said("Mayor Ana Ruiz's statement said the city was “ready.”") == [("ready.", "Ana Ruiz")]
    assert said("Judge Ana Ruiz's order says the policy is “unlawful.”") == [("unlawful.", "Judge Ana Ruiz's order")]


def test_a_plural_title_before_two_names_is_no_part_of_the_first() -> None:
    text = (
        "Commissioners Roy Allen Brooks and Devi Shah opposed the extension.\n\n"
        "“We have created a monster,” Brooks said."
    )
    assert said(text) == [("We have created a monster", "Roy Allen Brooks")]


def test_mayor_of_a_city_before_the_name_leaves_the_city_out_of_the_name() -> None:
    text = "Mayor of Chicago Lori Lind said in a statement that police “will not cooperate.”"
    assert said(text) == [("will not cooperate.", "Lori Lind")]
    assert said("Austin James Reed said it was “fine.”") == [("fine.", "Austin James Reed")]
