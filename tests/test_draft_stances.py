"""Stance candidates with their holders and evidence. Sentences are made up for the test."""

from __future__ import annotations

from tests.draft_support import draft


def stances(text: str) -> list[tuple[str | None, str, str, str]]:
    result = draft(text)
    return [
        (result.name_of(s.holder), s.kind, s.position, result.text[s.evidence.start : s.evidence.end])
        for s in result.stances
    ]


def test_police_department_refuses() -> None:
    text = "The Fairview Police Department said it will not cooperate with ICE in any raids."
    assert stances(text) == [("Fairview Police Department", "police", "refuses", text)]


def test_police_acronym_refuses() -> None:
    text = "In Fairview, the mayor said the FPD won't take part in immigration sweeps."
    holder, kind, position, _ = stances(text)[0]
    assert (holder, kind, position) == ("FPD", "police", "refuses")


def test_police_cooperates() -> None:
    text = "The Fairview Police Department works with ICE on gang investigations, the chief said."
    assert stances(text)[0][1:3] == ("police", "cooperates")


def test_state_law_mandates_cooperation() -> None:
    text = "Texas Gov. Mark Ellison (R) signed a bill that requires local police to cooperate with ICE detainers."
    result = draft(text)
    assert [(s.kind, s.position) for s in result.stances] == [("state law", "mandated")]
    policy = result.policies[0]
    assert policy.kind == "state law" and policy.state == "Texas"
    assert policy.signed_by == result.people[0].id


def test_city_directive_refuses() -> None:
    text = (
        "Mayor Dana Whitfield of Fairview signed an order barring city workers from helping with federal civil "
        "immigration enforcement."
    )
    result = draft(text)
    assert [(s.kind, s.position) for s in result.stances] == [("city policy", "refuses")]


def test_sentence_without_a_holder_gives_no_stance() -> None:
    assert stances("Some police departments have said they will not cooperate with ICE.") == []


def test_sentence_about_something_else_gives_no_stance() -> None:
    assert stances("The Fairview Police Department will not cooperate with the school board on parking.") == []


def test_each_holder_and_position_once() -> None:
    text = (
        "The Fairview Police Department will not cooperate with ICE. "
        "The Fairview Police Department repeated that it will not assist ICE agents."
    )
    assert len(stances(text)) == 1


def test_a_vetoed_bill_mandates_nothing() -> None:
    text = "Gov. Mark Ellison on Monday vetoed a bill that would have required jails to honor ICE detainers."
    assert stances(text) == []


def test_county_sheriff_is_the_holder_nearest_the_cue() -> None:
    text = (
        "The Maple County Board voted to end the jail's contract with ICE, but Sheriff Dale Brenner says he will "
        "keep honoring detainers."
    )
    assert [(holder, kind, position) for holder, kind, position, _ in stances(text)] == [
        ("Maple County Board", "city policy", "refuses"),
        ("Dale Brenner", "police", "cooperates"),
    ]
    text = "Sheriff Dale Brenner, whose jail sits near the city line, said he would keep honoring ICE detainers."
    assert [(holder, kind, position) for holder, kind, position, _ in stances(text)] == [
        ("Dale Brenner", "police", "cooperates")
    ]


def test_ending_a_287g_agreement_refuses() -> None:
    text = "Sheriff Garry Holt ended the county's 287(g) agreement with ICE after taking office."
    assert stances(text)[0][1:3] == ("police", "refuses")
