"""People named without a title: a surname that speaks for an earlier full name, a first-name-only speaker, and
every later surname (see tui.ingest.draft.entities_people)."""

from __future__ import annotations

import re

from tui.ingest.draft import vocab
from tui.ingest.draft.entities import CAP, PARTICLE, ROLES, TOKEN, UP, Entities, Mention, key_tokens
from tui.ingest.draft.entities import NAME as NAME_PATTERN
from tui.ingest.draft.model import Person
from tui.search import fold

NOT_NAMES = frozenset(
    fold(w)
    for w in """The A An In On At But And He She They It We I This That These Those
    Police Officials Democrats Republicans Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December Related Report Copyright Mayor Chief
    President Immigration Customs Department Office Twitter Facebook Instagram Ministry Court Council Agency Bureau
    Commission Committee Association Union Society Service Patrol""".split()
)
TITLE_INSIDE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(t) for t in vocab.TITLES) + r")(?!\w)")
# Capitalised words that open a sentence or a phrase, never the first part of someone's name.
NOT_FIRST = frozenset("The In As At On For By From With And But Said Says According Asked Like Unlike".split())
FULL_NAME = re.compile(rf"(?<![\w.’']){TOKEN}(?:\s+(?:{TOKEN}|{PARTICLE})){{0,3}}\s+{CAP}(?![\w’'])")
SURNAME_SPEAKER = re.compile(
    rf"(?<![\w.’'])(?P<a>{CAP})(?:,[^,.“”\"]{{3,80}},)?\s+(?:said|says|told|added|wrote|tweeted|asked|spoke|talked|explained|argued|"
    rf"insisted|recalled|testified|replied|responded)\b"
    rf"|\b(?:said|says|added|asked)\s+(?P<b>{CAP})\b(?!\s+{UP})"
)


def named_earlier(text: str, regions: list[tuple[int, int]], found: Entities, person) -> None:  # type: ignore[no-untyped-def]
    """ "Reyes said" with no Reyes known yet: the person is the earlier full name ending in Reyes, if there is one
    ("Ana Lucía Reyes has not left the church")."""
    known = {key_tokens(p.name)[-1] for p in found.people}
    words = {w for o in found.orgs for w in o.name.split()} | {w for c in found.cities for w in c.name.split()}
    wanted: list[str] = []
    for start, end in regions:
        for m in SURNAME_SPEAKER.finditer(text, start, end):
            surname = m.group("a") or m.group("b")
            if fold(surname) in known or fold(surname) in NOT_NAMES or surname in words or surname in vocab.TITLES:
                continue
            wanted.append(surname)
    if not wanted:
        return
    # Every run of capitalised words, once; the first that ends in a wanted surname names that person.
    runs = [m for start, end in regions for m in FULL_NAME.finditer(text, start, end)]
    for surname in wanted:
        if fold(surname) in known:
            continue
        for run in runs:
            words_of_run = run.group(0).split()
            lead = 0
            while lead < len(words_of_run) - 2 and words_of_run[lead] in NOT_FIRST:
                lead += 1  # "But Marielena Hincapie of …": the sentence's first word is no part of the name
            words_of_run = words_of_run[lead:]
            if (
                words_of_run[-1] != surname
                or words_of_run[0] in ("The", "A", "In", "On", "At")
                or lead
                and len(words_of_run) < 2
            ):
                continue
            name = " ".join(words_of_run)
            titles = list(TITLE_INSIDE.finditer(name))
            if titles:  # "Deputy Secretary Lorena Iturbe-Santos": the name is what follows the last title
                name = name[titles[-1].end() :].strip()
                if not name or TITLE_INSIDE.search(name) or name.split()[-1] != surname:
                    continue
            a = run.end() - len(name)
            person(name, a, run.end(), run.end(), reason="a full name its later surname speaks for")
            known.add(fold(surname))
            break


def surname_mentions(text: str, regions: list[tuple[int, int]], found: Entities) -> None:
    """Every later "Young said", "Acevedo says": the surname alone, when one person carries it."""
    by_surname: dict[str, list[Person]] = {}
    for p in found.people:
        by_surname.setdefault(key_tokens(p.name)[-1], []).append(p)
    covered = [(m.start, m.end) for m in found.mentions]
    for surname_key, owners in by_surname.items():
        if len(owners) != 1:
            continue
        surname = next(w for w in re.findall(r"[\w’'-]+", owners[0].name) if fold(w) == surname_key)
        for start, end in regions:
            at = text.find(surname, start, end)
            while at != -1:
                a, b = at, at + len(surname)
                at = text.find(surname, b, end)
                if (a > 0 and (text[a - 1].isalnum() or text[a - 1] in "’'-")) or (
                    b < len(text) and (text[b].isalnum() or text[b] == "-")
                ):
                    continue
                if any(s <= a < e for s, e in covered):
                    continue
                before = text[max(0, a - 2) : a]
                if re.search(r"[A-Z][a-z]*\s$", text[max(0, a - 20) : a]) and not before.endswith(". "):
                    prev = re.search(r"([A-Z][\w.]*)\s$", text[max(0, a - 20) : a])
                    if prev and prev.group(1) not in vocab.TITLES and prev.group(1) not in NOT_FIRST:
                        continue  # another name's part ("Neil Young" for someone else)
                if re.match(r"\s+(?:[A-Z][a-z]+|Falls|City)\b(?!\s*\()", text[b : b + 20]) and not re.match(
                    r"\s+(?:said|says|told|added|wrote)\b", text[b : b + 12]
                ):
                    continue  # the first word of a longer name ("White Falls", "Cruz Creek")
                found.mentions.append(Mention(a, b, "person", owners[0].id, text[b : b + 2] in ("’s", "'s")))
            # "HALE: “We follow the law.”": a transcript's speaker label, the surname in capitals
            label = text.find(f"{surname.upper()}:", start, end)
            if label != -1 and not text[start:label].strip():
                found.mentions.append(Mention(label, label + len(surname), "person", owners[0].id))


FIRST_NAME_SPEAKER = re.compile(
    r"(?<![\w.’'-])(?P<a>[A-Z][a-zà-ÿ]{2,})(?:,[^,.“”\"]{3,80},)?\s+(?:says|said|told|added)\b"
    # "Guadalupe, 41, has come every week": a first name with the person's age in apposition
    r"|(?:^|(?<=\n)|(?<=[.!?]\s)|(?<=[.!?]”\s))(?P<c>[A-Z][a-zà-ÿ]{2,}),\s+(?:an?\s+)?\d{1,3}(?:-year-old\b)?"
    rf"|\b(?:says|said)\s+(?P<b>[A-Z][a-zà-ÿ]{{2,}})(?=[\s,.])(?!\s+{UP})"
)


def first_names(text: str, regions: list[tuple[int, int]], found: Entities, person) -> None:  # type: ignore[no-untyped-def]
    """ "Rosa says", "Karla said": a speaker the article names by first name only. Only a word that is no known
    name, place, body or title, and that a he/she/her/his follows within the sentence or the next (plural
    nouns that open a sentence, "Critics said", are followed by "they")."""
    known = {w for p in found.people for w in key_tokens(p.name)}
    words = {w for o in found.orgs for w in o.name.split()} | {w for c in found.cities for w in c.name.split()}
    for start, end in regions:
        for m in FIRST_NAME_SPEAKER.finditer(text, start, end):
            name = m.group("a") or m.group("b") or m.group("c")
            if fold(name) in known or fold(name) in NOT_NAMES or name in words or name in vocab.TITLES:
                continue
            if name in vocab.STATES or name in vocab.MEDIA_NAMES or name in vocab.CITIES or f"{name}." in vocab.TITLES:
                continue
            if re.search(rf"(?<![\w’'-]){re.escape(name.lower())}(?![\w’'-])", text):
                continue  # "Family says …" where the article also writes "family": a word, not a name
            at = m.start("a") if m.group("a") else m.start()
            if re.search(r"\b(?:from|in|of|at|near|outside|to|across|around)\s+$", text[max(0, at - 12) : at]):
                continue  # "A caller from Hickman, who …, said": a place after a preposition, not a first name
            spots = [x.start() for x in re.finditer(rf"(?<![\w’'-]){re.escape(name)}(?![\w’'-])", text)]
            if not any(re.search(r"\b(?:she|he|her|his)\b", _unquoted(text, s, s + 220)) for s in spots):
                continue
            first = spots[0]
            person(name, first, first + len(name), first + len(name), reason="a speaker named by first name only")
            known.add(fold(name))


def _unquoted(text: str, start: int, end: int) -> str:
    return re.sub(r"[“\"][^”\"]*[”\"]", " ", text[start:end])


# A full name at the head of a clause, followed by its verb or an aside: "Marta Lopez has lived …",
# "Juan Ruiz, her neighbor, agreed", "Marta Lopez, 42, …".
CLAUSE_HEAD = re.compile(r"(?:^|(?<=[.!?”\"]\s)|(?<=[.!?]”\s)|(?<=,\s)|(?<=\band\s)|(?<=\bsaid\s))")
AFTER_NAME = re.compile(r",\s*(?:\d{1,3}|a|an|the|who|whose|his|her|their)\b|\s+[a-z]{2,}\b")
# The first pronoun after the name; "it", "its", "they", "their" first say it is a body or a group, not a person.
NEXT_PRONOUN = re.compile(r"\b(?:(he|she|his|her|him|himself|herself)|it|its|they|their|them)\b", re.IGNORECASE)
NOT_NAME_WORDS = frozenset(
    """University College School Schools County City State Street Avenue Road Park Church Hospital Center Centre
    North South East West New Fort Saint San Santa Los Las Mount Lake River Valley Beach Island Islands Republican
    Republicans Democrat Democratic Democrats National American Federal Congress Senate House Act Law Program
    Project Coalition Network Group Foundation Fund Institute Council Committee Party Immigration Border Homeland
    Security Customs Enforcement Health Human Services Public Works Justice Police Sheriff Fire Emergency""".split()
)


def clause_heads(text: str, regions: list[tuple[int, int]], found: Entities, person) -> None:  # type: ignore[no-untyped-def]
    """ "Marta Lopez has lived here 20 years. “I am afraid,” she said.": a full name with no title and no
    reporting verb, at the head of a clause, that a he/she/his/her follows before anyone else is named. Without
    it a later pronoun has nobody to point back to, or points to someone named earlier."""
    covered = [(m.start, m.end) for m in found.mentions]
    others = {w for o in found.orgs for w in o.name.split()} | {w for c in found.cities for w in c.name.split()}
    for start, end in regions:
        for run in FULL_NAME.finditer(text, start, end):
            a, b = run.start(), run.end()
            if any(s < b and a < e for s, e in covered) or not CLAUSE_HEAD.match(text, a) and a != start:
                continue
            if not AFTER_NAME.match(text, b):
                continue
            words = run.group(0).split()
            if len(words) > 5 or words[0] in NOT_FIRST or TITLE_INSIDE.search(run.group(0)):
                continue
            if any(fold(w) in NOT_NAMES or w in NOT_NAME_WORDS or w in others or w.endswith(".") for w in words):
                continue
            if any(w in vocab.STATES or w in vocab.CITIES or w in vocab.MEDIA_NAMES for w in words):
                continue
            if run.group(0) in vocab.CITIES or run.group(0) in vocab.STATES or run.group(0) in vocab.MEDIA_NAMES:
                continue
            # The first he/she after the name, outside quotations, before anyone else is named (its sentence or
            # the next): the article is talking about this person.
            window = _unquoted(text, b, min(len(text), b + 240))
            pronoun = NEXT_PRONOUN.search(window)
            if pronoun is None or pronoun.group(1) is None:
                continue
            if any(m.kind == "person" and b < m.start < b + pronoun.start() for m in found.mentions):
                continue
            if not plausible_person(words, text[b : b + 80]):
                continue  # "Catholic Charities has served 400 families, she said": capitals, not a person
            person(run.group(0), a, b, b, reason="a full name the article goes on to call he or she")
            covered.append((a, b))


def kin_first_names(text: str, regions: list[tuple[int, int]], found: Entities, person) -> None:  # type: ignore[no-untyped-def]
    """ "His daughter, Sofia, 17, said": a relative the article names by first name only, in apposition."""
    from tui.ingest.draft.pronouns import FEMALE_KIN, MALE_KIN

    kin = "|".join(sorted(FEMALE_KIN | MALE_KIN | {"wife", "husband", "partner", "cousin", "friend", "neighbor"}))
    pattern = re.compile(
        rf"\b(?:[Hh]is|[Hh]er|[Tt]heir)\s+(?:[\w-]+\s+)?(?:{kin}),?\s+(?P<name>{UP}[a-zà-ÿ]{{2,}})"
        rf"(?=,|\s+(?:said|says|started|began|asked|told|cried|was|is|has|had)\b)"
    )
    known = {w for p in found.people for w in key_tokens(p.name)}
    for start, end in regions:
        for m in pattern.finditer(text, start, end):
            name = m.group("name")
            if fold(name) in NOT_NAMES or name in vocab.TITLES or name in vocab.CITIES or name in vocab.STATES:
                continue
            if fold(name) in known:
                continue  # "His wife, Elena Ruiz" is found whole by the other rules; a first name of a known person
            person(name, m.start("name"), m.end("name"), m.end("name"), reason="a relative named by first name")


# "• Ana Ruiz, executive director of Casa Verde: “…”": a list of reactions, each labelled with its speaker.
LABEL = re.compile(rf"[-–—•*·]?\s*(?P<name>{NAME_PATTERN})(?:\s*\([^)]*\))?(?:,[^:“”\"\n]{{1,80}})?:\s*[“\"‘']")


# A line that is only a name (maybe a title and a colon) before the paragraph it labels.
NAME_LINE = re.compile(rf"[-–—•*·]?\s*(?P<name>{NAME_PATTERN})\s*:?\s*")


def labels(text: str, regions: list[tuple[int, int]], found: Entities, person) -> None:  # type: ignore[no-untyped-def]
    """A paragraph that opens with a name, maybe its role, a colon and a quotation names its speaker; so does a
    line that is only a name, when a paragraph opening with a quotation follows it."""
    for start, end in regions:
        m = LABEL.match(text, start, end)
        line = NAME_LINE.fullmatch(text, start, end)
        if line is not None and re.match(r"\s*[“\"]", text[end : end + 8]):
            m = line
        if m is None or any(x.kind == "person" and x.start < m.end("name") and m.start("name") < x.end
                            for x in found.mentions):  # fmt: skip
            continue
        words = m.group("name").split()
        if words[0] in NOT_FIRST or any(fold(w) in NOT_NAMES or w in NOT_NAME_WORDS for w in words):
            continue
        if TITLE_INSIDE.search(m.group("name")) or m.group("name") in vocab.CITIES or m.group("name") in vocab.STATES:
            continue
        if m is line and not plausible_person(words, ""):
            continue  # "Breaking News" on a line of its own is no speaker's name
        role_given = re.match(r"\s*(?:\([^)]*\)\s*)?,", text[m.end("name") : m.end("name") + 40])
        if not role_given and not plausible_person(words, text[m.end("name") : m.end("name") + 80]):
            continue  # "Ana Ruiz, executive director of …:" gives a role; "Breaking News:" gives nothing
        person(m.group("name"), m.start("name"), m.end("name"), m.end("name"), reason="a speaker's label in a list")


PERSON_NOUNS = (
    r"man|woman|mother|father|boy|girl|teenager|student|worker|farmworker|laborer|driver|resident|victim|neighbor|"
    r"wife|husband|daughter|son|sister|brother|grandmother|grandfather|detainee|migrant|immigrant|refugee|"
    r"asylum seeker|judge|officer|agent|deputy|trooper|lawyer|attorney|pastor|priest|teacher|nurse|doctor|owner|"
    r"official|spokesman|spokeswoman|spokesperson|organizer|volunteer|activist|veteran|plaintiff|defendant"
)
# "The mother, Ana Ruiz, 34, …": the article ties a description to a name (see roles.named_later).
THE_NOUN_NAME = re.compile(
    rf"\b[Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?:{PERSON_NOUNS}),\s+(?:identified\s+as\s+)?(?P<name>{NAME_PATTERN})(?=[,.;]|\s+\()"
)


def linked_names(text: str, regions: list[tuple[int, int]], found: Entities, person) -> None:  # type: ignore[no-untyped-def]
    """A name in apposition to "the man", "the judge", "the mother": a person, with no title needed."""
    for start, end in regions:
        for m in THE_NOUN_NAME.finditer(text, start, end):
            a, b = m.start("name"), m.end("name")
            if any(x.kind == "person" and x.start < b and a < x.end for x in found.mentions):
                continue
            words = m.group("name").split()
            if words[0] in NOT_FIRST or any(fold(w) in NOT_NAMES or w in NOT_NAME_WORDS for w in words):
                continue
            if TITLE_INSIDE.search(m.group("name")):
                continue
            person(m.group("name"), a, b, b, reason="a name in apposition to “the <person>”")


PERSON_APPOSITION = re.compile(
    rf",\s+(?:\d{{1,3}}\b|(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){{0,3}}?(?:{PERSON_NOUNS}|{ROLES})\b)"
)


def plausible_person(words: list[str], after: str) -> bool:
    """Capitals with no title are a person's name only with some sign of it: a given name the drafter knows, or
    an age or a person's role in apposition ("Marta Lopez, 42,", "Xiomara Vega, a nurse,")."""
    from tui.ingest.draft.given_names import FEMALE, MALE

    return words[0] in FEMALE or words[0] in MALE or bool(PERSON_APPOSITION.match(after))
