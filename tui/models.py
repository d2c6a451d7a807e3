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
SearchKind = Literal["city", "official", "organization", "stance", "claim", "quote"]


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
    # The city's police stance for the list badge: its position when the sources agree, 'differs' when they do not;
    # None when none is stated.
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
    # A stance held by a state law or city policy (then `holder` is its name), and who signed it if stated.
    policy_id: int | None = None
    signed_by: str | None = None

    @property
    def holder_key(self) -> tuple[str, object]:
        """Who holds the stance, as one entity across sources: the same key in every source that states it."""
        if self.policy_id is not None:
            return ("policy", self.policy_id)
        if self.organization_id is not None:
            return ("organization", self.organization_id)
        if self.official_id is not None:
            return ("official", self.official_id)
        return ("name", self.holder)

    @property
    def as_of(self) -> str:
        """The stance's date if the article states one, else the article's publication date ('' if neither)."""
        return self.date or self.source.published or ""


@dataclass(frozen=True, slots=True)
class StanceGroup:
    """One holder's one position, with every statement of it (one stance row per source), oldest first.

    `disputed` says another group of the same holder and kind states a different position: the sources differ,
    or the stance changed over time, and each is shown with its dates rather than merged into one label.
    """

    stances: tuple[Stance, ...]
    disputed: bool = False

    @property
    def first(self) -> Stance:
        return self.stances[0]

    @property
    def position(self) -> str:
        return self.stances[0].position

    @property
    def source_count(self) -> int:
        return len({s.source.id for s in self.stances})


def group_stances(stances: list[Stance] | tuple[Stance, ...]) -> tuple[StanceGroup, ...]:
    """Stances grouped by holder, kind and position, each group's statements oldest first.

    Groups of one holder stay together, in the order of their first statement, so a change over time reads in
    order; holders come in the order of their first statement too.
    """
    ordered = sorted(stances, key=lambda s: (s.as_of, s.source.id, s.id))
    by_key: dict[tuple[object, ...], list[Stance]] = {}
    for stance in ordered:
        by_key.setdefault((stance.holder_key, stance.kind, stance.position), []).append(stance)
    positions: dict[tuple[object, ...], set[str]] = {}
    for holder, kind, position in by_key:
        positions.setdefault((holder, kind), set()).add(str(position))
    holders = list(dict.fromkeys((key[0], key[1]) for key in by_key))
    groups = []
    for holder_kind in holders:
        for key, members in by_key.items():
            if (key[0], key[1]) == holder_kind:
                groups.append(StanceGroup(tuple(members), disputed=len(positions[holder_kind]) > 1))
    return tuple(groups)


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


@dataclass(frozen=True, slots=True)
class Context:
    """The sentence of the article around an excerpt: ``text`` is ``source.text[start:end]``, and holds the excerpt.

    ``cut_before``/``cut_after``: the sentence runs on past what is shown (a very long sentence is cut at a word).
    """

    source_id: int
    start: int
    end: int
    text: str
    cut_before: bool = False
    cut_after: bool = False

    def parts(self, excerpt: Excerpt) -> tuple[str, str, str]:
        """The sentence split around the excerpt: (before, the excerpt's words, after)."""
        a = min(max(excerpt.start - self.start, 0), len(self.text))
        b = min(max(excerpt.end - self.start, a), len(self.text))
        return self.text[:a], self.text[a:b], self.text[b:]


@dataclass(frozen=True, slots=True)
class StanceTally:
    """A city's stance of one kind (police, city policy, state law) for the compare view.

    ``stance`` is the one shown (the first in the order refuses, cooperates, mandated, unclear, as the Cities
    badge picks it); ``sources`` how many articles state that same position; ``others`` the other positions
    stated for the same kind, so a disagreement between sources is never hidden behind the first one.
    """

    stance: Stance
    sources: int
    others: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CityComparison:
    """One row of the compare view: what the sources state about a city, at a glance. None: not stated."""

    city: City
    police: StanceTally | None
    city_policy: StanceTally | None
    state_law: StanceTally | None
    mayor: Official | None
    statements: int
    sources: int
    latest: str | None
    latest_precision: str | None
