"""Surnames of several words (see tui.ingest.draft.entities_people).

US news names a person in full once and by surname after. A surname may be two words ("Ortiz Benítez", a Spanish
double surname), carry a particle ("Montes de Oca", "Ruiz de la Peña") or a hyphen ("Raman-Holt"). A person first
found by such a surname ("Ortiz Benítez says") is the earlier full name that ends with it ("María Guadalupe Ortiz
Benítez, 52, says"), and every later mention of the surname is theirs.
"""

from __future__ import annotations

import re

from tui.ingest.draft import vocab
from tui.ingest.draft.entities import ROLES, TOKEN, Entities, Mention, key_tokens, slug, unique_id
from tui.ingest.draft.entities_names import NOT_FIRST, NOT_NAMES
from tui.ingest.draft.given_names import FEMALE, MALE
from tui.ingest.draft.model import Person, Span
from tui.search import fold

PARTICLES = frozenset("de del della di du da dos la le van von der bin al".split())
# Capitalised words that open a clause and are no given name ("Among them was …", "Including …").
NOT_GIVEN = NOT_FIRST | frozenset(
    """Among Including Included When After Before Then While If Although Though Because Since Until Meanwhile Also
    Only Even Both Neither Either Every Each Other Another Some Many Most All No Not So Yet Or Nor Now Here There
    Where Why How What Who Whom Whose Which Today Yesterday Tomorrow Last Next Dear Like Was Is Were Are Has Had
    Have Did Does Do Will Would Could Should May Might Must Can Her His Their Our My Your Its""".split()
)
IMPERATIVES = frozenset("Ask Meet Call Tell Let Thank See Say Watch Listen Read Take Give Send Help Follow".split())
GIVEN_WORD = re.compile(rf"{TOKEN}")
ROLE = re.compile(rf"(?i:{ROLES}|practitioner|nurse|mother|father|wife|husband|son|daughter)")


def _given(word: str) -> bool:
    """A word that can be part of a given name before a surname."""
    if not GIVEN_WORD.fullmatch(word) or word in NOT_GIVEN or fold(word) in NOT_NAMES:
        return False
    from tui.ingest.draft.entities_people import ROLE_WORDS  # entities_people imports this module

    if word in ROLE_WORDS or ROLE.fullmatch(word) or word in vocab.TITLES or f"{word}." in vocab.TITLES:
        return False
    if word in vocab.STATES or word in vocab.CITIES:
        return False
    return word not in vocab.MEDIA_NAMES


def _bare_surname(person: Person) -> bool:
    """A name that may be a surname only: two words or more, or one hyphenated, not opening with a given name."""
    words = person.name.split()
    if len(words) == 1:
        return "-" in words[0] and words[0] not in FEMALE and words[0] not in MALE
    return words[0] not in FEMALE and words[0] not in MALE and words[0].lower() not in PARTICLES


def _ends_with(name: str, surname: str) -> bool:
    return name != surname and name.endswith(" " + surname)


def _owned(found: Entities, a: int, b: int) -> bool:
    return any(m.start < b and a < m.end and m.kind != "person" for m in found.mentions)


def _occurrences(text: str, regions: list[tuple[int, int]], words: str) -> list[tuple[int, int]]:
    """Where `words` stands as whole words inside a region (str.find: far cheaper than a regex per name)."""
    spots = []
    at = text.find(words)
    while at != -1:
        a, b = at, at + len(words)
        at = text.find(words, b)
        if (a > 0 and (text[a - 1].isalnum() or text[a - 1] in "’'.-")) or (
            b < len(text) and (text[b].isalnum() or text[b] in "’'-")
        ):
            continue
        if any(s <= a and b <= e for s, e in regions):
            spots.append((a, b))
    return spots


def full_names(text: str, regions: list[tuple[int, int]], found: Entities, surname: str) -> list[tuple[int, int]]:
    """Every "<given names> <surname>" in the article, as (start, end), in order."""
    spans = []
    for at, end in _occurrences(text, regions, surname):
        if at < 2 or text[at - 1] != " " or not text[at - 2].isalpha():
            continue  # no word right before it
        start = next(s for s, e in regions if s <= at < e)
        words = re.findall(r"(\S+)\s", text[max(start, at - 60) : at])
        given: list[str] = []
        for word in reversed(words):
            if len(given) == 3 or not _given(word):
                break
            given.insert(0, word)
        if not given:
            continue
        a = at - len(" ".join(given)) - 1
        if text[a:at] != " ".join(given) + " " or _owned(found, a, end):
            continue
        opens = not text[max(start, a - 3) : a].strip() or re.search(r"[.!?:”\"]\s*$", text[max(0, a - 3) : a])
        word = given[0]
        if opens and len(given) == 1 and word not in FEMALE and word not in MALE:
            # "Ask Ortiz Benítez …": one capitalised word opening a sentence is no name when the article also
            # writes it in small letters, or when it is a word that opens commands
            if word in IMPERATIVES or re.search(rf"(?<![\w’'-]){re.escape(word.lower())}(?![\w’'-])", text):
                continue
        spans.append((a, end))
    return spans


def ambiguous(text: str, regions: list[tuple[int, int]], found: Entities, surname: str) -> bool:
    """ "Ana Ortiz Benítez … her son, Luis Ortiz Benítez": two people's full names end with the surname."""
    return len({text[a : b - len(surname)].strip() for a, b in full_names(text, regions, found, surname)}) > 1


def lengthen(text: str, regions: list[tuple[int, int]], found: Entities, taken: set[str]) -> None:
    """A person known by a surname only takes the article's full name that ends with it, if there is only one."""
    for person in found.people:
        if not _bare_surname(person):
            continue
        spans = full_names(text, regions, found, person.name)
        if len({text[a : b - len(person.name)].strip() for a, b in spans}) != 1:
            continue  # none, or two people of that surname: "Ortiz Benítez" alone is neither
        full = spans[0]
        a, b = full
        name = text[a:b]
        if any(other is not person and key_tokens(other.name) == key_tokens(name) for other in found.people):
            continue
        old = person.id
        person.aliases.append(person.name)
        person.name = name
        person.mention = Span(a, b)
        taken.discard(old)
        person.id = unique_id(slug(" ".join(key_tokens(name))), taken)
        for mention in found.mentions:
            if mention.id == old:
                mention.id = person.id
        found.mentions.append(Mention(a, b, "person", person.id, text[b : b + 2] in ("’s", "'s")))
        person.reason = (person.reason + "; " if person.reason else "") + "the full name its surname stands for"


def tail_mentions(text: str, regions: list[tuple[int, int]], found: Entities) -> None:
    """Every later "Ortiz Benítez" or "Montes de Oca" for a person named in full: the tail of the full name from a
    capitalised word on, at least two words long, when no one else's name ends with it."""
    tails: dict[str, list[Person]] = {}
    for person in found.people:
        words = person.name.split()
        for i in range(1, len(words) - 1):
            capital = words[i][:1].isupper() and words[i].lower() not in PARTICLES
            # "Lucía van der Berg Soto" … "van der Berg Soto said": a surname may open with a small particle
            particle = words[i] in PARTICLES and words[i - 1][:1].isupper() and words[i - 1].lower() not in PARTICLES
            if capital or particle:
                tails.setdefault(" ".join(words[i:]), []).append(person)
    for tail, owners in sorted(tails.items(), key=lambda kv: -len(kv[0])):
        if len({p.id for p in owners}) != 1:
            continue
        for a, b in _occurrences(text, regions, tail):
            overlap = [x for x in found.mentions if x.start < b and a < x.end]
            if any(x.id != owners[0].id or x.start < a or x.end > b for x in overlap):
                continue
            for x in overlap:  # "van der Berg Soto said" found as "Berg Soto": the mention is the whole surname
                found.mentions.remove(x)
            found.mentions.append(Mention(a, b, "person", owners[0].id, text[b : b + 2] in ("’s", "'s")))
