"""Where an attribution's sentence ends, and who "he" or "she" can be (eval/heldout batches 10-16 as development
data). Made-up sentences."""

from __future__ import annotations

from tests.draft_support import said


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
