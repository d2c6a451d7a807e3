"""The invented cast of the synthetic database: cities, officials and organisations (see tui.ingest.synth).

Town names recur across states (Springfield, Franklin), surnames are shared (García, Nguyễn, Smith), names carry
accents, and every city gets a mayor and a police department first, so each city has a stance and someone to quote.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from tui.ingest import synth_vocab as vocab
from tui.search import fold

Span = tuple[int, int, int]  # source_id, start, end


def zipf_cum(n: int, exponent: float = 1.0, shift: float = 1.0) -> list[float]:
    """Cumulative Zipf-Mandelbrot weights 1/(rank+shift)^exponent, for `random.choices(cum_weights=...)`."""
    return list(accumulate(1.0 / (rank + shift) ** exponent for rank in range(n)))


@dataclass(slots=True)
class Place:
    name: str
    state: str
    abbr: str
    mention: Span | None = None
    # Where the state is named; only used when it is in the same article as `mention` (one source per row).
    state_mention: Span | None = None


@dataclass(slots=True)
class Person:
    name: str
    title: str
    party: str | None
    jurisdiction: str
    city: int | None
    state: str | None
    handle: str | None
    aliases: list[str]
    mention: Span | None = None


@dataclass(slots=True)
class Org:
    name: str
    abbreviation: str | None
    kind: str
    city: int | None
    mention: Span | None = None


class Cast:
    """Every entity, invented up front; their first mentions are filled in as the articles are written."""

    def __init__(self, rng: random.Random, cities: int, officials: int) -> None:
        self.rng = rng
        self.first_cum = zipf_cum(len(vocab.FIRST_NAMES), 0.9)
        self.surname_cum = zipf_cum(len(vocab.SURNAMES), 1.0)
        self.state_cum = list(accumulate(weight for _, _, weight in vocab.STATES))
        self.city_name_cum = zipf_cum(len(vocab.CITY_NAMES))
        self.cities = self._make_cities(cities)
        # Bigger cities have more officials and more coverage: a shifted Zipf keeps the largest to a few hundred.
        self.city_cum = zipf_cum(len(self.cities), 1.0, 50.0)
        self.officials = self._make_officials(officials)
        self.orgs = self._make_orgs()

    def weighted(self, pairs: Sequence[tuple[Any, float]]) -> Any:
        return self.rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]

    def _state(self) -> tuple[str, str]:
        name, abbr, _ = self.rng.choices(vocab.STATES, cum_weights=self.state_cum)[0]
        return name, abbr

    def _city_name(self) -> str:
        rng = self.rng
        if rng.random() < 0.4:
            return rng.choices(vocab.CITY_NAMES, cum_weights=self.city_name_cum)[0]
        return rng.choice(vocab.CITY_PREFIXES) + rng.choice(vocab.CITY_ROOTS) + rng.choice(vocab.CITY_SUFFIXES)

    def _make_cities(self, n: int) -> list[Place]:
        cities: list[Place] = []
        taken: set[tuple[str, str]] = set()
        while len(cities) < n:
            name = self._city_name()
            for _ in range(4):  # a common name tries a few states before giving way to another name
                state, abbr = self._state()
                if (name, abbr) not in taken:
                    taken.add((name, abbr))
                    cities.append(Place(name, state, abbr))
                    break
        return cities

    def _surname(self) -> str:
        rng = self.rng
        if rng.random() < 0.6:
            name = rng.choices(vocab.SURNAMES, cum_weights=self.surname_cum)[0]
            if rng.random() < 0.03:
                name += "-" + rng.choices(vocab.SURNAMES, cum_weights=self.surname_cum)[0]
            return name
        syllables = "".join(rng.choice(vocab._SYLLABLES) for _ in range(rng.randint(2, 3)))
        return syllables.capitalize()

    def person_name(self) -> tuple[str, list[str]]:
        """A full name and its aliases: 'Ras J. Baraka' is also found as 'Ras Baraka'."""
        rng = self.rng
        first = rng.choices(vocab.FIRST_NAMES, cum_weights=self.first_cum)[0]
        last = self._surname()
        if rng.random() < 0.25:
            return f"{first} {chr(rng.randrange(65, 91))}. {last}", [f"{first} {last}"]
        return f"{first} {last}", []

    def _make_officials(self, n: int) -> list[Person]:
        rng = self.rng
        people: list[Person] = []
        for i in range(n):
            name, aliases = self.person_name()
            city: int | None = None
            state: str | None = None
            if i < len(self.cities):  # every city gets its mayor first
                title, jurisdiction, city = "Mayor", "city", i
            else:
                roll = rng.random()
                if roll < 0.85 and self.cities:
                    title, jurisdiction = self.weighted(vocab.CITY_TITLES), "city"
                    city = rng.choices(range(len(self.cities)), cum_weights=self.city_cum)[0]
                elif roll < 0.95:
                    title, jurisdiction = self.weighted(vocab.STATE_TITLES), "state"
                    state = self._state()[0]
                else:
                    title, jurisdiction = self.weighted(vocab.NATIONAL_TITLES), "national"
                    if title in ("Representative", "Senator"):
                        state = self._state()[0]
            if city is not None:
                state = self.cities[city].state
            party = None if title in ("Police Chief", "City Manager", "ICE Director") else self.weighted(vocab.PARTIES)
            handle = None
            if rng.random() < 0.25:
                handle = "@" + fold(name).replace(" ", "").title()[:13] + (str(rng.randrange(100)) * (i % 3 == 0))
            people.append(Person(name, title, party, jurisdiction, city, state, handle, aliases))
        return people

    def _make_orgs(self) -> list[Org]:
        orgs = [Org(name, abbr, kind, None) for name, abbr, kind in vocab.FEDERAL_AGENCIES]
        orgs += [Org(f"{c.name} Police Department", None, "police", i) for i, c in enumerate(self.cities)]
        return orgs
