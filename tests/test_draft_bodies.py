"""A named body the article introduces by its kind ("X, a coalition of …", "the X council") and then calls by that
kind ("the group said", "the coalition wrote"): the quotation is the named body's. Sentences made up for the test."""

from __future__ import annotations

from tests.draft_support import draft, said


def test_body_introduced_as_coalition_of() -> None:
    text = (
        "Towns for Fair Housing, a coalition of more than 40 suburbs, on Monday called the plan "
        "“a giveaway to developers.” In a letter, the group said the plan “ignores renters.” "
        "“We will see them in court,” the coalition wrote."
    )
    result = draft(text)
    assert "Towns for Fair Housing" in [o.name for o in result.orgs]
    assert [s for _, s in said(text)] == ["Towns for Fair Housing"] * 3


def test_network_of_then_the_network_said() -> None:
    text = (
        "Neighbors United, a network of tenant unions in three counties, filed the suit. "
        "“This is a land grab,” the network said."
    )
    assert said(text) == [("This is a land grab", "Neighbors United")]


def test_the_group_without_a_named_group_stays_unnamed() -> None:
    text = "Mayor Ines Varga spoke first. Protesters gathered outside. “Shame,” the group chanted."
    assert said(text)[0][1] != "Ines Varga"


def test_numbered_chapter_then_the_group_said() -> None:
    text = (
        "Mayor Ines Varga defended the officer. Harbor Workers Council 2231, a chapter of the national union, "
        "demanded an apology. “This cannot stand,” the group said in a post."
    )
    result = draft(text)
    assert "Harbor Workers Council 2231" in [o.name for o in result.orgs]
    assert said(text) == [("This cannot stand", "Harbor Workers Council 2231")]


def test_vote_count_is_no_part_of_a_body() -> None:
    text = "The City Council 5-2 vote came late. “We lost,” Mayor Ines Varga said."
    assert all(not o.name.endswith("5") for o in draft(text).orgs)


def test_the_notice_read_after_who_sent_it() -> None:
    text = (
        "Mayor Ines Varga spoke on Monday. The hospital sent a notice to patients that evening. "
        "“Our doors remain open,” the notice read."
    )
    assert said(text) == [("Our doors remain open", "The hospital")]


def test_the_statement_said_after_a_named_body_issued_it() -> None:
    text = (
        "Mayor Ines Varga spoke on Monday. The Riverside Tenants Union issued a statement hours later. "
        "“We stand with families,” the statement said."
    )
    assert said(text) == [("We stand with families", "Riverside Tenants Union")]


def test_a_body_named_for_its_workers_is_the_union() -> None:
    text = (
        "Mayor Ines Varga praised the deal. The United Cannery Workers called it “a start.” "
        "“Our members deserve more,” the union said in a statement."
    )
    assert said(text)[-1] == ("Our members deserve more", "United Cannery Workers")
