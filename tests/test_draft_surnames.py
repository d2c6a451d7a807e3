"""Surnames of several words: a person named in full once and by a two-part surname after (Spanish double
surnames, "de"/"del" particles, hyphens) is one person, and the full name is kept whole. Sentences made up."""

from __future__ import annotations

from tests.draft_support import draft, said


def test_double_surname_later_is_the_full_name() -> None:
    text = (
        "Ana Lucía Ferrer Solís runs a laundromat on the east side. "
        "“We close early now,” Ferrer Solís says. “Nobody wants to be out after dark.”"
    )
    assert [s for _, s in said(text)] == ["Ana Lucía Ferrer Solís", "Ana Lucía Ferrer Solís"]


def test_double_surname_one_person_not_two() -> None:
    text = "Ana Lucía Ferrer Solís runs a laundromat on the east side. “We close early now,” Ferrer Solís says."
    result = draft(text)
    assert [p.name for p in result.people] == ["Ana Lucía Ferrer Solís"]


def test_surname_with_particle_later() -> None:
    text = (
        "Octavio Ruiz de la Peña, a roofer, was stopped on his way to work. "
        "“They asked for my papers twice,” Ruiz de la Peña said."
    )
    assert said(text) == [("They asked for my papers twice", "Octavio Ruiz de la Peña")]


def test_role_before_a_name_keeps_the_second_surname() -> None:
    text = (
        "Night-shift nurse Elena Quintero Vidal has worked at the clinic since 2015. "
        "“Patients stopped coming,” Quintero Vidal says."
    )
    assert said(text) == [("Patients stopped coming", "Elena Quintero Vidal")]


def test_hyphenated_name_with_inner_capital_is_kept_whole() -> None:
    text = "“This is the wrong call,” Sen. Karen Doyle-McAllister wrote on Monday."
    assert said(text) == [("This is the wrong call", "Karen Doyle-McAllister")]


def test_hyphenated_surname_later() -> None:
    text = (
        "Organizer Tomas Birch-Alvarado spoke to the crowd outside city hall. "
        "“We are not going anywhere,” Birch-Alvarado said."
    )
    assert said(text) == [("We are not going anywhere", "Tomas Birch-Alvarado")]


def test_person_of_a_body_is_not_part_of_the_body() -> None:
    text = (
        "The attorney, Kavita Shah-Lindqvist of the Northside Immigrant Tenant Rights Project, visited the shelter. "
        "“Know your rights,” Shah-Lindqvist said."
    )
    result = draft(text)
    assert [o.name for o in result.orgs] == ["Northside Immigrant Tenant Rights Project"]
    assert said(text) == [("Know your rights", "Kavita Shah-Lindqvist")]


def test_two_people_sharing_the_last_word_stay_apart() -> None:
    text = "Rosa Maria Ferrer Solís and her cousin Diego Ferrer both spoke. “We are scared,” Diego Ferrer said."
    assert said(text) == [("We are scared", "Diego Ferrer")]


def test_a_sentence_opening_word_is_no_given_name() -> None:
    text = (
        "“We close early now,” Ferrer Solís says of the laundromat.\n\n"
        "Ask Ferrer Solís about the raids and she goes quiet."
    )
    assert [p.name for p in draft(text).people] == ["Ferrer Solís"]


def test_two_people_with_one_double_surname_leave_it_unresolved() -> None:
    text = (
        "Ana Lucía Ortiz Benítez, 52, runs the bakery with her son, Luis Ortiz Benítez, 30.\n\n"
        "“We stay open,” Ortiz Benítez says."
    )
    assert said(text)[0][1] not in ("Ana Lucía Ortiz Benítez", "Luis Ortiz Benítez")


def test_role_words_do_not_run_across_a_preposition() -> None:
    text = "Ana Lucía Ortiz Benítez runs the bakery with her son, Luis Ortiz Benítez, 30."
    titles = {p.name: p.title for p in draft(text).people}
    assert titles.get("Luis Ortiz Benítez") in (None, "Son")


def test_apostrophe_name_with_a_hyphen_is_kept_whole() -> None:
    text = "Councilwoman Maria O'Neill-Vega said the vote was close. “We barely made it,” O'Neill-Vega said."
    assert said(text)[-1] == ("We barely made it", "Maria O'Neill-Vega")


def test_surname_opening_with_a_small_particle() -> None:
    text = (
        "Lucía van der Berg Soto, a teacher, said her students are scared. "
        "“They ask me every day,” van der Berg Soto said."
    )
    assert said(text) == [("They ask me every day", "Lucía van der Berg Soto")]


def test_a_nickname_later_is_the_person_who_carries_it() -> None:
    text = (
        "Her son, Luis Alberto “Beto” Ortiz, 27, has been held since March.\n\n"
        "Beto's boss says Beto never missed a day. Beto was his best worker, he says."
    )
    assert [p.name for p in draft(text).people] == ["Luis Alberto “Beto” Ortiz"]
