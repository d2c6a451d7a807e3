"""Quotation spans: which marks pair, what is left out. Every sentence here is made up for the test."""

from __future__ import annotations

import pytest

from tests.draft_support import quotes


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We will not take part,” Sheriff Ana Ruiz said.", ["We will not take part"]),
        ('"We will not take part," Sheriff Ana Ruiz said.', ["We will not take part"]),
        ("“We will not take part,\" Sheriff Ana Ruiz said.", ["We will not take part"]),
        ('He said "we are done" and left.', ["we are done"]),
        ("She called the plan “a disgrace”.", ["a disgrace"]),
        ("She called the plan “a disgrace.”", ["a disgrace."]),
        ("“Nobody here is safe!” Ruiz said.", ["Nobody here is safe!"]),
        ('"We\'re not going anywhere," he said.', ["We're not going anywhere"]),
    ],
    ids=["curly", "straight", "curly-open-straight-close", "mid-sentence", "period-outside", "period-inside",
         "exclamation", "apostrophe-inside"],
)  # fmt: skip
def test_quote_marks_pair(text: str, expected: list[str]) -> None:
    assert quotes(text) == expected


def test_nested_single_quotes_stay_inside_one_quotation() -> None:
    text = "“My neighbor told me, ‘Stay inside,’ and I listened,” said Teresa Molina, a resident."
    assert quotes(text) == ["My neighbor told me, ‘Stay inside,’ and I listened"]


def test_split_quotation_is_two_quotations() -> None:
    text = "“The first part stands alone,” Chief Omar Haddad said, “and the second part follows it.”"
    assert quotes(text) == ["The first part stands alone", "and the second part follows it."]


def test_nickname_in_a_name_is_not_a_quotation() -> None:
    text = "Gov. Edmund Q. “Ned” Harlow signed the order. “It is done,” Harlow said."
    assert quotes(text) == ["It is done"]


def test_title_of_a_work_is_not_a_quotation() -> None:
    text = "The mayor appeared on the program “Morning Town Hall” on Monday and said the city “will not budge.”"
    assert quotes(text) == ["will not budge."]


def test_scare_quotes_in_a_headline_are_not_quotations() -> None:
    text = 'Mayor calls ICE plan "cruel" in sharp reply\n\n“It is cruel,” Mayor Dana Whitfield said on Monday.'
    assert quotes(text) == ["It is cruel"]


def test_furniture_after_the_article_is_ignored() -> None:
    text = (
        "“We stay out of it,” Chief Omar Haddad said.\n"
        "Related topics:\n"
        "“Best pizza in town” readers say\n"
        'Copyright © 2020 Some Station. "All" rights reserved.'
    )
    assert quotes(text) == ["We stay out of it"]


def test_inch_marks_are_not_quotation_marks() -> None:
    assert quotes("The suspect was 5'10\" tall, officers said.") == []


def test_a_stray_opening_mark_yields_nothing() -> None:
    assert quotes('He said "we will never comply and walked out.') == []


def test_quotation_running_over_two_paragraphs() -> None:
    text = "“The first paragraph of a long statement.\n\n“The second paragraph of it,” Chief Omar Haddad said."
    assert quotes(text) == ["The first paragraph of a long statement.", "The second paragraph of it"]


def test_embedded_tweet_with_its_signature() -> None:
    text = (
        "The mayor answered online.\n\n"
        "Our city protects every family. We will not help with raids. https://t.co/abc123 "
        "— Mayor Dana Whitfield (@MayorDanaW) March 4, 2020"
    )
    assert quotes(text) == ["Our city protects every family. We will not help with raids."]


def test_one_word_quotation_after_a_sentence_is_not_a_nickname() -> None:
    text = "“We hold them,” Sheriff Ana Ruiz said Monday. “Period.”\n\nIn Fairview, little has changed."
    assert quotes(text) == ["We hold them", "Period."]


# A copied web page sets ad slots and newsletter promos between the story's paragraphs; they are not its end.
PAGE_WITH_SLOTS = """Harbor Town council backs shelter plan

"We have room, and we have the will," council member Dana Oyelaran said at Tuesday's meeting.

ADVERTISEMENT

"This is the least a port city can do for people who arrive with nothing," Mayor Felix Brandt said.

SIGN UP: Get the Harbor Town Daily newsletter in your inbox every weekday morning

Opponents said the city had not explained how it would pay for the plan. "Show us the budget," resident Al Kemp said.
"""

PAGE_THAT_ENDS = """Harbor Town council backs shelter plan

"We have room, and we have the will," council member Dana Oyelaran said at Tuesday's meeting.

Advertisement
Most popular
'Ghost ship' sighted off the point
Bakery owner says 'enough' to rent hike
"""


def test_an_ad_slot_or_a_promo_between_paragraphs_does_not_end_the_article() -> None:
    assert quotes(PAGE_WITH_SLOTS) == [
        "We have room, and we have the will",
        "This is the least a port city can do for people who arrive with nothing",
        "Show us the budget",
    ]


def test_an_ad_slot_before_lists_of_other_stories_still_ends_the_article() -> None:
    # The headlines after it quote words ('Ghost ship', 'enough'): not the article's quotations.
    assert quotes(PAGE_THAT_ENDS) == ["We have room, and we have the will"]
