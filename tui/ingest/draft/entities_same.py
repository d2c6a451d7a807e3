"""Whether two names are one person, and whether a name in apposition is a person at all (see
tui.ingest.draft.entities_people)."""

from __future__ import annotations

import re

from tui.ingest.draft import entities_names as names
from tui.ingest.draft import vocab
from tui.ingest.draft.given_names import FEMALE, MALE
from tui.ingest.draft.model import Person

BODY_ENDINGS = frozenset(vocab.ORG_SUFFIX) | {
    "Church", "Cathedral", "Parish", "University", "College", "School", "Schools", "Hospital", "Clinic", "Center",
    "Centre", "Mosque", "Synagogue", "Temple", "Ministries", "Charities", "Fund", "Trust", "Initiative", "Program",
}  # fmt: skip
KIN_WORD = re.compile(
    r"(?<![\w-])(?:grand|step|god)?(?:mother|father|wife|husband|son|daughter|sister|brother|cousin|friend|neighbou?r|"
    r"widow|parent|aunt|uncle|"
    r"niece|nephew|fianc[ée]e?|partner|boyfriend|girlfriend)$"
)

NOT_PERSON_WORDS = (
    names.NOT_NAME_WORDS
    | BODY_ENDINGS
    | frozenset(
        "Casa Motors Builders Systems Solutions Enterprises Brothers Media Press Studios Labs Bank Market Farm".split()
    )
)


# Nouns for a firm as often as for a person: "The manufacturer, Blue Ridge Motors," is a body.
BUSINESS_NOUN = re.compile(
    r"(?:sub)?contractor|manufacturer|distributor|operator|provider|supplier|vendor|retailer|developer|builder|"
    r"publisher|carrier|lender|insurer|producer|processor|importer|exporter|investor|buyer|seller|partner|"
    r"wholesaler|employer|broker|landlord|servicer|manager"
)


def person_like(text: str, name: str, end: int, role_word: bool) -> bool:
    """Is the name in apposition to a role a person's? No word of a body's name; and for a noun that names a firm
    as often (manufacturer, contractor, landlord), a known given name or a he/she before any it/they."""
    if any(w in NOT_PERSON_WORDS for w in name.split()):
        return False
    if role_word or name.split()[0] in FEMALE or name.split()[0] in MALE:
        return True
    pronoun = names.NEXT_PRONOUN.search(re.sub(r"[“\"][^”\"]*[”\"]", " ", text[end : end + 250]))
    return pronoun is not None and pronoun.group(1) is not None


def nicknamed(people: dict[str, Person], name: str) -> Person | None:
    """ "Luis Alberto “Beto” Ortiz" and "Beto says": the nickname a full name carries is that person."""
    nick = re.search(r"[“\"](\w+)[”\"]", name)
    for candidate in people.values():
        if len(name.split()) == 1 and re.search(rf"[“\"]{re.escape(name)}[”\"]", candidate.name):
            return candidate
        if nick and candidate.name == nick.group(1):
            return candidate
    return None


def same_person(people: dict[str, Person], tokens: list[str]) -> Person | None:
    """'Trump' and 'Donald Trump', 'Ras Baraka' and 'Ras J. Baraka': one person if the names agree."""
    particles = {"de", "van", "von", "der", "da", "del", "della", "di", "du", "la", "le", "bin", "al"}
    tokens = [t for t in tokens if t not in particles] or tokens
    tails: list[Person] = []
    for key, candidate in people.items():
        other = [t for t in key.split() if t not in particles] or key.split()
        if other[-1] != tokens[-1]:
            continue
        if len(other) == 1 or len(tokens) == 1 or other[0] == tokens[0]:
            return candidate
        # "María Guadalupe Ortiz Benítez" … "Ortiz Benítez says": a surname of several words is the tail of the full
        # name (the shorter has at least two words here, so a shared last word alone never joins two people).
        short, full = sorted((tokens, other), key=len)
        if len(short) < len(full) and full[-len(short) :] == short and candidate not in tails:
            tails.append(candidate)
    return tails[0] if len(tails) == 1 else None  # two people of that surname: the surname alone is neither
