"""People, organisations and cities named in the article, and every place each one is mentioned.

People come from titles before names ("Houston police Chief Art Acevedo", "Florida Gov. Ron DeSantis (R)"),
"the mayor of nearby Newark, Ras J. Baraka (D)", "ICE’s new chief, Mark Morgan", tweet signatures and named
speakers ("Maria Ortiz said"). Later mentions by surname point back to them. Organisations are federal agencies,
police departments ("Chicago police", "the LAPD"), media and other capitalised bodies ("... Office", "... Union").
A city's state is drafted only when the article writes it ("HOUSTON, Texas", "(D-Calif.)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.ingest.draft import vocab
from tui.ingest.draft.layout import Paragraph
from tui.ingest.draft.model import City, Org, Person
from tui.ingest.draft.quotes import Tweet
from tui.search import fold

# Capital and small letters, Latin-1 and the Latin Extended blocks (Vietnamese "Phạm", Polish "Łukasz", ...).
UP = r"[A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ]"
LOW = r"[a-zß-öø-ÿĀ-ſḀ-ỿ]"
# Initials too: "J.D. Vance", "JB Pritzker" (two capitals before a capitalised word; not "US", "DA", a state's code).
INITIALS = rf"(?:{UP}\.{UP}\.|(?!(?:US|UN|EU|UK|DC|LA|NY|TV|AP|ID|DA|AG|PD|IT|OK|GOP)\b){UP}{UP}(?=\s+{UP}{LOW}))"
# A hyphen's second part may have its own inner capital ("Stiles-McKee", "Ruiz-O'Neal"): a name is never cut at it.
HYPHEN_PART = rf"(?:-(?:{UP}{LOW}*{UP}{LOW}+|{UP}[’']{UP}{LOW}+|{UP}?{LOW}+))"
WORD = rf"(?:{UP}{LOW}*{UP}{LOW}+{HYPHEN_PART}*|{UP}[’']{UP}{LOW}+{HYPHEN_PART}*|{UP}{LOW}+{HYPHEN_PART}*)"
TOKEN = rf"(?:{WORD}|{INITIALS}|{UP}\.)"
PARTICLE = r"(?:de|De|van|Van|von|Von|der|Der|da|Da|del|Del|della|Della|di|Di|du|Du|la|La|le|Le|dos|Dos|bin|al|St\.)"
NICK = r"(?:“[A-Z][a-z]+”|\"[A-Z][a-z]+\")"
CAP = WORD
# The last word is no particle of a longer name ("Marta De La Cruz", not "Marta De La").
NAME = (
    rf"{TOKEN}(?:\s+(?:{TOKEN}|{PARTICLE}|{NICK})){{0,4}}?\s+(?!{PARTICLE}\s+{UP}){CAP}"
    rf"(?:,?\s+(?:Jr\.|Sr\.|II|III|IV)(?!\w))?"
)
# A titled name does not stop before another capitalised word of it ("Keisha Lance Bottoms", not "Keisha Lance"),
# unless that word is a day or a month ("Mayor Eric Garcetti Tuesday said").
WHOLE = (
    r"(?!\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\b)[A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ][a-zß-öø-ÿĀ-ſḀ-ỿ]+\b(?![’']s))"
)
NAME_OR_SURNAME = rf"(?:{NAME}|(?:{PARTICLE}\s+)?{CAP})"
# A name does not stop before a particle and another part of it ("Aisha Van der Berg", not "Aisha Van").
NAME_END = rf"(?!\s+(?:{PARTICLE}\s+)+{UP})"
PARTY = r"(?:\s*\((?P<party>[DRI])(?:-(?P<pstate>[A-Z][A-Za-z.]*))?\))?"
TITLE_ALT = "|".join(re.escape(t) for t in sorted(vocab.TITLES, key=len, reverse=True))
TITLED = re.compile(rf"(?<![\w.])(?P<title>{TITLE_ALT})\s+(?P<name>{NAME_OR_SURNAME})(?!\w){NAME_END}{WHOLE}{PARTY}")
MAYOR_OF = re.compile(
    rf"\bthe\s+(?P<title>mayor|governor|police chief|chief|police commissioner|sheriff)\s+of\s+(?:nearby\s+)?"
    rf"(?P<place>{UP}[\w.]*(?:\s+{UP}[\w.]*){{0,2}}),\s+(?P<name>{NAME}){PARTY}"
)
ORG_CHIEF = re.compile(
    rf"\b(?P<org>[A-Z][A-Za-z.]+)[’']s\s+(?:new\s+|acting\s+|top\s+|former\s+)?(?P<title>chief|director|head|"
    rf"spokesman|spokeswoman|spokesperson|commissioner|secretary|leader),\s+(?P<name>{NAME}){PARTY}"
)
PARTY_ONLY = re.compile(rf"(?P<name>{NAME})(?P<full>\s*\((?P<party>[DRI])(?:-(?P<pstate>[A-Z][A-Za-z.]*))?\))")
SPEAKER_NAME = re.compile(
    rf"(?<![\w.’'])(?P<name>{NAME})(?:,[^,.“”\"]{{3,80}},)?\s+(?:said|says|told|added|wrote|tweeted)\b"
)
# A role word before a name, capitalised or not: "ICE spokeswoman Gail Porter", "Board Chairwoman Priya Raman".
ROLES = (
    "spokeswoman|spokesman|spokesperson|attorney|lawyer|activist|organizer|organiser|director|executive director|"
    "professor|pastor|the Rev\\.|official|advocate|analyst|researcher|economist|chairwoman|chairman|chair|president|"
    "founder|volunteer|coordinator|deputy|detective|officer|agent|sergeant|lieutenant|captain|trustee|commissioner|"
    "supervisor|administrator|manager|leader|clerk|judge|resident|owner|worker|farmer|teacher|nurse|student|"
    "superintendent|councilor|councillor|alderman|alderwoman|delegate|assemblyman|assemblywoman|legislator|"
    "councilmember|councilman|councilwoman|council member|press secretary|secretary|czar|chaplain|priest|"
    "minister|bishop|rabbi|imam|principal|dean|provost|chancellor|physician|doctor|historian|author|scholar"
)
ROLE_NAME = re.compile(
    rf"(?<![\w.])(?P<role>(?:(?:(?:[A-Z]\.){{2,}}|[A-Z][\w&’'-]*|[a-z]+[’']s|immigration|civil|rights|union|police|county|city|state|federal|"
    rf"community|local|senior|chief|deputy|assistant|longtime|veteran|vice|executive|interim|acting|former|"
    rf"associate|managing|general|board|school|district|campus|university|church|regional|national|"
    rf"(?<=[a-z]\s)of(?=\s+[A-Z]))\s+){{0,5}}"
    rf"(?:(?!(?:said|says|told|added|wrote|and|or|the|a|an|of|for|to|by|with|from|as|at|in|on)\s)[a-z]+\s+)?"
    rf"(?i:{ROLES}))\s+"
    rf"(?P<name>{NAME})(?!\w){NAME_END}{WHOLE}{PARTY}"
)
# A noun for a person by what they do or are ("firefighter", "activist", "immigrant", "librarian", "neighbor"),
# not a thing that ends the same way ("the letter", "the center").
PERSON_NOUN = (
    r"(?!(?:letter|order|center|centre|number|matter|corner|border|water|river|paper|chapter|quarter|other|"
    r"after|under|over|never|either|neither|whether|rather|error|sector|factor|floor|door|color|favor|mirror|"
    r"event|statement|agreement|department|government|movement|amount|moment|point|element|content|president|"
    r"plan|man)\b)"
    r"(?:[a-z-]{2,}(?:er|or|ist|ant|ent|ian|man|woman)|[a-z-]*(?:mother|father|wife|husband|son|daughter|sister|"
    r"brother|cousin|friend|neighbor|neighbour|widow|parent|boss|chef|guard|aide))\b"
)
# A role, a comma and the name in apposition, whatever verb follows ("the county's public defender, Ana Ruiz,
# praised …", "according to his attorney, Ana Ruiz.", "The lawyer, Ana Ruiz of the … Project,").
ROLE_APPOSITIVE = re.compile(
    rf"(?<![\w’'])(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Aa]n?|[Oo]ne)\s+(?P<role>(?:(?!(?:with|of|for|at|in|on|from|and|or|to|by|as|who|that)\s)[\w’'-]+\s+){{0,4}}?"
    rf"(?:(?i:{ROLES}|defender|prosecutor|sheriff|mayor|governor|chief|deputy)|{PERSON_NOUN}))\s*,\s+"
    rf"(?P<name>{NAME})(?!\w){NAME_END}{WHOLE}(?=\s*(?:[,.;]|\s+of\s|\s+\())"
)
# A name and its role in an appositive: "Ken Cuccinelli, the acting director of U.S. Citizenship and ...,".
NAME_THEN_ROLE = re.compile(
    rf"(?<![\w.’'])(?P<name>{NAME}),\s+(?:the|a|an|its|their)\s+(?P<role>(?:[\w.’'-]+\s+){{0,3}}?"
    rf"(?i:{ROLES}|mayor|governor|secretary|chief|head|sheriff|senator|congressman|congresswoman))\b"
)
# The appositive name right before the verb ("A spokesman for ICE, Carlos Mendez, said").
APPOSITIVE_NAME = re.compile(
    rf"(?<=,\s)(?P<name>{NAME}),?\s+(?:later\s+|also\s+|then\s+|\w+ly\s+)?"
    rf"(?:said|says|told|added|wrote|tweeted|called|calls|described|describes|warned|argued|urged)\b"
)
# "said his daughter, Sofia Vega, 17.": the name in apposition to the description after the verb.
SAID_APPOSITIVE = re.compile(
    rf"\b(?:said|says|added|asked)\s+(?:his|her|their|the|a|an|one)\s+[^,.“”\"]{{2,50}},\s+(?P<name>{NAME})"
    rf"(?:,\s*\d{{1,3}})?(?=[,.;]|\s*$)"
)
SAID_NAME = re.compile(rf"\b(?:said|says|added|wrote)\s+(?P<name>{NAME})(?![\w’'])(?!\s+{UP})")
# "Republican Tom Hale called …", "Democrat Ana Ruiz, who …": a party word before a name marks a person.
PARTY_NAME = re.compile(rf"\b(?:Democrat|Republican|Independent|Democratic\s+candidate|Republican\s+candidate)\s+"
                        rf"(?P<name>{NAME})(?![\w’'])(?!\s+{UP})")  # fmt: skip
# "Ana Ruiz, whose husband …": a full name a relative clause about a person hangs on.
WHOSE_NAME = re.compile(rf"(?<![\w.’'])(?P<name>{NAME}),\s+(?:whose|who)\s")
# "The mayors of Denver and New York, Mike Lund and Eva Adams,": two people named in apposition to their roles.
PAIR_NAMES = re.compile(
    rf"\b(?:mayors|senators|governors|sheriffs|chiefs|leaders|officials|lawmakers|commissioners|members)\b"
    rf"[^,.;“”\"]{{0,60}},\s+(?P<name>{NAME})\s+and\s+(?P<name2>{NAME}),"
)
# "a man who gave only his first name, Jorge": the first name the article was given.
GAVE_NAME = re.compile(
    rf"\b(?:(?:gave|gives|give|giving|provided|offered|shared|(?:be\s+)?identified|used|use)\s+only\s+(?:by\s+)?"
    rf"(?:his|her|their)\s+first\s+name,?\s+"
    # "who identified herself only as Teresa"
    rf"|identified\s+(?:herself|himself|themselves|themself)\s+(?:only\s+)?as\s+)"
    rf"(?P<name>{UP}[\w’'-]+)(?![\w’'])"
)
# "a high school junior named Daniela Ortiz": a person introduced by "named".
NAMED = re.compile(
    rf"\b(?:an?|one)\s+(?:[\w-]+\s+){{0,4}}?named\s+(?P<name>{NAME}|{UP}[a-zà-ÿ]{{2,}})(?![\w’'])(?!\s+{UP})"
)


@dataclass
class Mention:
    start: int
    end: int
    kind: str  # "person" | "org" | "city"
    id: str
    possessive: bool = False


class Entities:
    """Everything named, by id, with mentions sorted by position."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.orgs: list[Org] = []
        self.cities: list[City] = []
        self.mentions: list[Mention] = []

    def by_id(self, entity_id: str) -> Person | Org | City | None:
        entities: list[Person | Org | City] = [*self.people, *self.orgs, *self.cities]
        for entity in entities:
            if entity.id == entity_id:
                return entity
        return None

    def kind_of(self, entity_id: str) -> str | None:
        if any(p.id == entity_id for p in self.people):
            return "person"
        if any(o.id == entity_id for o in self.orgs):
            return "org"
        return "city" if any(c.id == entity_id for c in self.cities) else None


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "x"


def key_tokens(name: str) -> list[str]:
    """A person's name without nicknames, initials or suffixes: the words that identify them."""
    name = re.sub(r"[“\"][^”\"]+[”\"]", " ", name)
    words = [w for w in re.findall(r"[\w’'-]+", name) if len(w) > 1 and w not in ("Jr", "Sr", "II", "III", "IV")]
    return [fold(w) for w in words]


def unique_id(base: str, taken: set[str]) -> str:
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def find_entities(text: str, paras: list[Paragraph], tweets: list[Tweet], dateline_city: str | None) -> Entities:
    from tui.ingest.draft import entities_people, entities_places, jurisdiction

    found = Entities()
    taken: set[str] = set()
    regions = [(p.start, p.end) for p in paras if p.kind != "furniture"]
    entities_places.find_cities(text, regions, found, taken)
    entities_places.find_orgs(text, regions, found, taken)
    entities_people.find_people(text, regions, paras, tweets, found, taken)
    jurisdiction.place_people(text, paras, found, dateline_city)
    found.mentions.sort(key=lambda m: (m.start, -m.end))
    return found
