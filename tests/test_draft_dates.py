"""Dates of quotations from weekday words and the publication date. Sentences are made up for the test."""

from __future__ import annotations

import pytest

from tests.draft_support import dated, draft

# PUBLISHED is Friday 2020-03-06.


@pytest.mark.parametrize(
    "when, expected",
    [
        ("on Tuesday", ("2020-03-03", "day")),
        ("Tuesday", ("2020-03-03", "day")),
        ("on Friday", ("2020-03-06", "day")),
        ("on Saturday", ("2020-02-29", "day")),
        ("last week", ("2020-02-24", "week")),
        ("earlier this week", ("2020-03-02", "week")),
        ("earlier in the week", ("2020-03-02", "week")),
        ("this week", ("2020-03-02", "week")),
        ("yesterday", ("2020-03-05", "day")),
        ("on Feb. 27", ("2020-02-27", "day")),
        ("on March 2", ("2020-03-02", "day")),
        ("on December 30", ("2019-12-30", "day")),
    ],
)
def test_weekday_and_relative_words(when: str, expected: tuple[str, str]) -> None:
    text = f"Mayor Dana Whitfield said {when} that the city “will not take part.”"
    assert dated(text)[0][1:] == expected


def test_event_to_come_is_not_the_date_of_the_quotation() -> None:
    text = "Mayor Dana Whitfield said raids are expected to start Sunday and called them “a cruel show.”"
    assert dated(text)[0][1:] == (None, None)


def test_no_publication_date_means_no_date() -> None:
    text = "Mayor Dana Whitfield said on Tuesday that the city “will not take part.”"
    assert dated(text, published=None)[0][1:] == (None, None)


def test_date_header_gives_the_publication_date() -> None:
    text = " date 2020-03-06 Whitfield digs in\n\nMayor Dana Whitfield said on Tuesday the city “will not take part.”"
    result = draft(text, published=None)
    assert result.source.published == "2020-03-06"
    assert result.text[result.source.published_evidence.start : result.source.published_evidence.end] == (
        "date 2020-03-06"
    )
    assert result.quotes[0].date == "2020-03-03"


def test_at_the_time_takes_the_earlier_date_of_the_same_speaker() -> None:
    text = (
        "On Feb. 12, Police Chief Omar Haddad announced new rules.\n\n"
        "The rules drew protests for weeks.\n\n"
        "“Our officers are not ICE,” Haddad said at the time."
    )
    assert dated(text)[0][1:] == ("2020-02-12", "day")


def test_lede_sets_the_occasion_for_later_undated_quotations() -> None:
    text = (
        "Mayor Dana Whitfield on Wednesday defended the city’s rules.\n\n"
        "The council has debated them since January.\n\n"
        "Few expected a quick vote.\n\n"
        "“These rules keep people safe,” Whitfield said."
    )
    assert dated(text)[0][1:] == ("2020-03-04", "day")


def test_a_later_paragraph_does_not_inherit_a_non_lede_date() -> None:
    text = (
        "The council debated the rules for hours.\n\n"
        "Police Chief Omar Haddad on Tuesday asked for patience.\n\n"
        "Residents lined up to speak.\n\n"
        "Several left early.\n\n"
        "“We need time,” Haddad said."
    )
    assert dated(text)[0][1:] == (None, None)


def test_quotation_from_an_embedded_tweet_takes_its_date() -> None:
    text = (
        "Mayor Dana Whitfield said the city would offer “legal help for every family” this week.\n\n"
        "We will offer legal help for every family. https://t.co/x1 — Dana Whitfield (@MayorDanaW) March 2, 2020"
    )
    assert [d[1:] for d in dated(text)] == [("2020-03-02", "day"), ("2020-03-02", "day")]


def test_sunday_school_is_no_date() -> None:
    text = "Ana Ruiz moved into a Sunday school room last year. “This is not a life,” Ruiz said."
    assert dated(text)[0][1:] == (None, None)
