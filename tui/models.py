"""The domain as frozen dataclasses: what the store returns and the UI and CLI show.

Nothing here imports the rest of the package, so every layer can depend on it.
A field that the sources do not state is ``None``; callers show "not stated in the sources".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Position = Literal["refuses", "cooperates", "mandated", "unclear"]
POSITIONS: tuple[str, ...] = ("refuses", "cooperates", "mandated", "unclear")
SearchKind = Literal["city", "official", "organization", "quote"]


@dataclass(frozen=True, slots=True)
class Excerpt:
    """Where a fact is stated: ``source.text[start:end]`` is the excerpt, character offsets."""

    source_id: int
    source_slug: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Source:
    id: int
    slug: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    contributors: str | None


@dataclass(frozen=True, slots=True)
class City:
    id: int
    slug: str
    name: str
    state: str | None
    # The strongest police stance in the city, for the list badge; None when none is stated.
    police_position: str | None = None


@dataclass(frozen=True, slots=True)
class Official:
    id: int
    slug: str
    name: str
    title: str | None
    party: str | None
    jurisdiction: str | None
    city_id: int | None
    city_name: str | None
    state: str | None
    handle: str | None


@dataclass(frozen=True, slots=True)
class Organization:
    id: int
    slug: str
    name: str
    abbreviation: str | None
    kind: str
    city_id: int | None
    city_name: str | None


@dataclass(frozen=True, slots=True)
class Stance:
    id: int
    holder: str
    kind: str
    toward: str
    position: str
    summary: str | None
    evidence: str
    date: str | None
    date_precision: str | None
    city_id: int | None
    organization_id: int | None
    official_id: int | None
    source: Source
    excerpt: Excerpt


@dataclass(frozen=True, slots=True)
class Quote:
    id: int
    speaker: str
    speaker_title: str | None
    text: str
    medium: str | None
    date: str | None
    date_precision: str | None
    city_id: int | None
    city_name: str | None
    official_id: int | None
    organization_id: int | None
    source: Source
    excerpt: Excerpt


@dataclass(frozen=True, slots=True)
class Claim:
    id: int
    figure: str
    claimant: str | None
    subject: str
    evidence: str
    source: Source
    excerpt: Excerpt


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result; ``id`` is the id of the row of ``kind``."""

    kind: SearchKind
    id: int
    name: str
    snippet: str
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class NameMatch:
    """How a typed name was resolved to one entity, so a reader is told when it was not the name as typed.

    `how` is "exact" (the entity's name), "alias" (an alias, handle or initials), "prefix" (the only entity
    whose name, or a word of it, starts with the text), "typo" (the only close misspelling) or "id".
    """

    kind: SearchKind
    id: int
    name: str
    snippet: str
    query: str
    how: Literal["exact", "alias", "prefix", "typo", "id"]


@dataclass(frozen=True, slots=True)
class CityView:
    """Everything the city screen and ``events-tui city`` show, gathered in one read."""

    city: City
    mayor: Official | None
    police: tuple[Stance, ...]
    statements: tuple[Quote, ...]
    others: tuple[tuple[Official, tuple[Quote, ...]], ...]
    organizations: tuple[tuple[Organization, tuple[Quote, ...]], ...]
    context: tuple[Stance, ...]
    # Totals behind the lists, which stop at the store's limits: "showing N of M" wherever N < M.
    officials_total: int | None = None  # every official of the city, the mayor included; None: as many as shown
    # How many quotes each official and organisation has in all, by ("official" | "organization", id).
    quote_totals: Mapping[tuple[str, int], int] = field(default_factory=dict)

    def quotes_total(self, entity: Official | Organization, shown: int) -> int:
        """How many quotes `entity` has in all; its list holds `shown` of them (the total when not recorded)."""
        kind = "official" if isinstance(entity, Official) else "organization"
        return self.quote_totals.get((kind, entity.id), shown)


@dataclass(frozen=True, slots=True)
class OfficialView:
    official: Official
    quotes: tuple[Quote, ...]
    quotes_total: int | None = None  # all their quotes (`quotes` stops at the store's limit); None: as many as shown

    @property
    def total(self) -> int:
        return len(self.quotes) if self.quotes_total is None else self.quotes_total
