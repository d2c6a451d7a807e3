"""A person introduced by a role, a comma and their name ("her lawyer, Ann Lee,"), whatever verb follows: the
later he/she and quotation go to them, not to someone named before. Sentences made up for the test."""

from __future__ import annotations

from tests.draft_support import draft, said


def test_role_comma_name_then_any_verb() -> None:
    text = (
        "Landlord Petra Vance said the rent would rise. "
        "But the union's lead organizer, Wilma Strand-Okafor, praised the vote, saying it was “a long time coming.”"
    )
    assert said(text)[-1] == ("a long time coming.", "Wilma Strand-Okafor")


def test_role_comma_name_then_pronoun() -> None:
    text = (
        "Judge Harriet Combe signed the order on Monday. The woman was released in May, according to her lawyer, "
        "Benedict Oyelaran. He called the ruling “a rare bit of sense.”"
    )
    assert said(text)[-1] == ("a rare bit of sense.", "Benedict Oyelaran")


def test_indefinite_role_comma_name_then_he_said() -> None:
    text = (
        "Councilor Ruth Amsel disagreed. “We need this,” she said. "
        "A retired firefighter, Oskar Lindqvist, spoke against the plan. “We never needed it,” he said."
    )
    assert said(text) == [("We need this", "Ruth Amsel"), ("We never needed it", "Oskar Lindqvist")]


def test_role_comma_name_with_body_after() -> None:
    text = "The lawyer, Kwame Ashby-Reed of the Harbor Legal Aid Society, spoke first. “Ask for a warrant,” he said."
    result = draft(text)
    assert "Kwame Ashby-Reed" in [p.name for p in result.people]
    assert said(text) == [("Ask for a warrant", "Kwame Ashby-Reed")]


def test_role_comma_plain_words_make_no_person() -> None:
    text = "The mayor, Tuesday, said nothing. “No comment,” a spokesperson said."
    assert [p.name for p in draft(text).people] == []


def test_a_firm_in_apposition_to_a_business_noun_is_no_person() -> None:
    text = (
        "The contractor, Apex Detention Partners, said it follows federal standards. "
        "The builder, Harlan Stone Works, has filed for a permit."
    )
    assert [p.name for p in draft(text).people] == []


def test_a_person_in_apposition_to_a_business_noun_with_a_pronoun() -> None:
    text = "The landlord, Tobias Wrenfield, said he had not been told. “Nobody called me,” he said."
    assert said(text)[-1] == ("Nobody called me", "Tobias Wrenfield")
