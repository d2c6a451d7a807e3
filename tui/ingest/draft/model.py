"""What a draft holds: the article and every item found in it, each with its offsets, confidence and reason.

Offsets are character offsets into the article text exactly as read (no newline translation), end exclusive, so
`text[start:end]` is the item's excerpt. Nothing here is a fact until a person reviews the annotation file.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Span:
    """An excerpt of the article: `text[start:end]`."""

    start: int
    end: int


@dataclass
class City:
    id: str
    name: str
    mention: Span
    state: str | None = None
    state_evidence: Span | None = None
    confidence: float = 0.8
    reason: str = ""


@dataclass
class Person:
    """A named person: an official when the article gives a title, else a named speaker (listed as an official)."""

    id: str
    name: str
    mention: Span
    title: str | None = None
    party: str | None = None
    city: str | None = None  # a City id
    state: str | None = None
    jurisdiction: str | None = None
    handle: str | None = None
    aliases: list[str] = field(default_factory=list)
    confidence: float = 0.8
    reason: str = ""


@dataclass
class Org:
    id: str
    name: str
    kind: str
    mention: Span
    abbreviation: str | None = None
    city: str | None = None
    aliases: list[str] = field(default_factory=list)
    confidence: float = 0.8
    reason: str = ""


@dataclass
class Policy:
    id: str
    name: str
    kind: str  # "state law" | "city policy"
    mention: Span
    city: str | None = None
    state: str | None = None
    signed_by: str | None = None  # a Person id
    confidence: float = 0.6
    reason: str = ""


@dataclass
class Quote:
    span: Span
    marks: str  # "curly", "straight", "mixed", "tweet", "unclosed"
    speaker: str | None = None  # a Person or Org id
    speaker_description: str | None = None
    medium: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_evidence: Span | None = None
    confidence: float = 0.0
    reason: str = ""
    tweet: bool = False
    paragraph: int = 0
    # The quotation with its marks (for a tweet: the whole embedded tweet); attribution reads around it.
    outer: Span | None = None


@dataclass
class Stance:
    holder: str  # a Person, Org or Policy id
    kind: str  # "police" | "city policy" | "state law"
    position: str
    evidence: Span
    city: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_evidence: Span | None = None
    confidence: float = 0.5
    reason: str = ""


@dataclass
class Source:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: str | None = None
    published_evidence: Span | None = None


@dataclass
class Draft:
    text: str
    source: Source
    cities: list[City] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    orgs: list[Org] = field(default_factory=list)
    policies: list[Policy] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)

    def name_of(self, entity_id: str | None) -> str | None:
        entities: list[Person | Org | Policy | City] = [*self.people, *self.orgs, *self.policies, *self.cities]
        for entity in entities:
            if entity.id == entity_id:
                return entity.name
        return None
