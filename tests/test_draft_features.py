"""Features with several people: he/she, a quotation-only paragraph and "her answer:" go to the right one.
Sentences made up for the test."""

from __future__ import annotations

from tests.draft_support import said


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
