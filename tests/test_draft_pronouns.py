"""He and she (eval/heldout batches 10-16 as development data): a pronoun goes to the last person it can mean, and a
given name that is a woman's or a man's rules a person out for the other pronoun. Made-up sentences."""

from __future__ import annotations

from tests.draft_support import draft, said
from tui.ingest.draft.given_names import gender_of


def test_she_skips_a_man_named_after_the_woman() -> None:
    text = "Mayor Ana Ruiz said her city would not help. Chief Tom Hale agreed with her.\n\n“We are not ICE,” she said."
    assert said(text) == [("We are not ICE", "Ana Ruiz")]


def test_he_skips_a_woman_who_was_the_subject() -> None:
    text = "Sheriff Ana Ruiz met with Gov. Tom Hale, who urged her to sign. “She has to,” he said."
    assert said(text) == [("She has to", "Tom Hale")]


def test_she_is_a_woman_named_inside_an_aside() -> None:
    text = "Gov. Tom Hale signed the order. Critics, including Sen. Ana Ruiz, called it cruel. “It hurts,” she said."
    assert said(text) == [("It hurts", "Ana Ruiz")]


def test_the_article_marks_win_over_the_given_name() -> None:
    # "Mr." marks the person; a given name that is usually a woman's in US news (Andrea) does not overrule it.
    text = "Mr. Andrea Bellini runs the clinic. Mayor Ana Ruiz visited on Monday. “We are full,” he said."
    assert said(text) == [("We are full", "Andrea Bellini")]


def test_a_name_both_men_and_women_use_says_nothing() -> None:
    assert gender_of("Ana Ruiz") == "f"
    assert gender_of("J. David Donahue") == "m"
    assert gender_of("Alex Moreno") is None
    assert gender_of("Guadalupe Ortiz") is None


def test_a_pronoun_nobody_fits_leaves_the_speaker_unknown() -> None:
    text = "Gov. Tom Hale signed the order. Sen. Ray Cole praised it. “It hurts families,” she said."
    assert said(text) == [("It hurts families", None)]


# --- never the wrong name -----------------------------------------------------------------------------


def test_she_after_an_unnamed_woman_is_not_a_name_inside_her_description() -> None:
    text = "A woman who lives next door to Mayor Ana Ruiz said agents came at dawn. “They had guns,” she said."
    assert said(text) == [("They had guns", "A woman who lives next door to Mayor Ana Ruiz")]


def test_she_after_an_unnamed_woman_who_shouted() -> None:
    text = "Mayor Tom Hale spoke. A woman in the crowd shouted at him. “Liar!” she yelled."
    assert said(text) == [("Liar!", "A woman in the crowd")]


def test_a_relative_clause_after_the_verb_names_its_own_speaker() -> None:
    text = "Gov. Tom Hale was criticized by Sen. Ana Ruiz, who called the bill “cruel.”"
    assert said(text) == [("cruel.", "Ana Ruiz")]
    text = "Sen. Ana Ruiz wrote to Gov. Tom Hale, who called her concerns “overblown.”"
    assert said(text) == [("overblown.", "Tom Hale")]


def test_he_after_a_man_identified_only_by_his_first_name() -> None:
    text = (
        "One of them, a 40-year-old roofer who asked to be identified only by his first name, Tadeo, said he comes "
        "every day. “Now we are afraid of every car,” he said."
    )
    assert said(text) == [("Now we are afraid of every car", "Tadeo")]


def test_a_participle_after_a_comma_shares_the_sentence_subject() -> None:
    text = (
        "Gov. Ana Ruiz on Friday vetoed a bill that would have limited police, calling it "
        "“a sanctuary policy by another name.”"
    )
    assert said(text) == [("a sanctuary policy by another name.", "Ana Ruiz")]


def test_she_is_never_a_boy_described_just_before() -> None:
    text = (
        "Every afternoon, Lucia Marsh walks her students to the bus.\n\n"
        "On Monday, a boy tugged at her sleeve and asked whether agents would come. “Not today,” she told him."
    )
    assert said(text) == [("Not today", "Lucia Marsh")]


def test_he_after_a_woman_described_just_before_is_not_her() -> None:
    text = "Gov. Tom Hale spoke first. A woman in the front row asked about her son. “He is safe,” he said."
    assert said(text) == [("He is safe", "Tom Hale")]


def test_a_first_name_with_an_age_in_apposition_is_a_person() -> None:
    text = (
        "Most of the people in line are women.\n\n"
        "Araceli, 41, has come every week since. She asked that her last name not be used.\n\n"
        "“Nobody tells us anything,” she said."
    )
    assert said(text) == [("Nobody tells us anything", "Araceli")]


def test_a_capitalised_word_and_a_number_is_not_always_a_name() -> None:
    text = "Mayor Ana Ruiz spoke. Tuesday, 12 people were detained. “We are not told,” she said."
    assert said(text) == [("We are not told", "Ana Ruiz")]


def test_capitals_with_no_sign_of_a_person_are_no_name_for_she() -> None:
    text = (
        "Mayor Ana Ruiz toured the pantry.\n\n"
        "Catholic Charities has served 400 families, she said. “We need help,” she said."
    )
    assert said(text) == [("We need help", "Ana Ruiz")]


def test_a_line_or_label_that_is_no_name_gives_no_speaker() -> None:
    text = "Mayor Ana Ruiz spoke on Monday.\n\nBreaking News\n\n“The jail is closed.”"
    assert said(text)[0][1] in (None, "Ana Ruiz")
    assert "Breaking News" not in [p.name for p in draft(text).people]


def test_she_after_a_sentence_that_introduces_an_unnamed_woman() -> None:
    text = (
        "Rep. Tom Hale toured the center on Friday.\n\n"
        "One of the detainees was a young woman who had been arrested at a bakery. She told the lawmakers she was "
        "afraid, and said they get no “outdoor time.”"
    )
    assert said(text) == [("outdoor time.", "a young woman")]


def test_an_introduced_man_is_not_she() -> None:
    text = (
        "Rep. Ana Ruiz toured the center on Friday.\n\n"
        "One of the detainees was a young man who had been arrested at a bakery. She said the cells were “cold.”"
    )
    assert said(text) == [("cold.", "Ana Ruiz")]


def test_he_after_a_name_the_sentence_is_about_after_was() -> None:
    text = (
        "Rep. Tony Ruiz welcomed the workers.\n\n"
        "But the main speaker was United Farmhands President Arturo Leal, who lobbied all week.\n\n"
        "“We are honored to be here,” he said."
    )
    assert said(text)[-1] == ("We are honored to be here", "Arturo Leal")


def test_he_after_a_ward_number_before_the_title_and_name() -> None:
    text = "Ward 3 Alderman Jake Moll said he would vote no.\n\n“There are pieces of this that wander loose,” he said."
    assert said(text) == [("There are pieces of this that wander loose", "Jake Moll")]


def test_she_followed_by_a_verb_and_a_second_verb_before_the_quotation() -> None:
    text = (
        "Council President Amanda Bakay spoke last.\n\n"
        "She expressed disappointment at the vote and contended it rested on a claim “which is false.”"
    )
    assert said(text) == [("which is false.", "Amanda Bakay")]


def test_a_relatives_words_reported_inside_anothers_recollection_are_the_relatives() -> None:
    text = (
        "Lena Ortiz was in the car with her husband.\n\n"
        "Ortiz recalled that her 4-year-old son Mateo started crying and questioned, “Where is Daddy going?”"
    )
    assert said(text) == [("Where is Daddy going?", "Mateo")]


def test_he_after_this_witness_described_is_that_witness() -> None:
    text = (
        "Mayor Tom Hale spoke on Monday.\n\n"
        "This witness did not want to be identified, but said the man was his neighbor.\n\n"
        "“They just want to take you away because of your papers,” he said."
    )
    assert said(text)[-1][1] == "This witness did not want to be identified"


def test_said_the_man_to_a_station_keeps_the_station_out_of_the_description() -> None:
    text = "A station spoke to a man who saw it. “They knew who he was,” said the man to the station."
    assert said(text) == [("They knew who he was", "a man")]
