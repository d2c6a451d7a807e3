"""One entity across sources: match an article's cities, officials, organisations and policies to those of earlier
articles through their names and aliases, refusing any match the data cannot settle.

Annotation ids are local to their file, so they say nothing across articles. Two entries are one entity when
- they are of the same kind, and a stated name of one (name, alias, abbreviation, handle) folds to a stated name of
  the other ('Eric Garcetti' = 'Eric Garcetti'; 'Trump' = an alias 'Trump'), or, for organisations, one's stated
  name is the other's initials ('LAPD' = 'Los Angeles Police Department') and both state the same city;
- no attribute both state differs (a city's state; an official's title, party, jurisdiction, state or city; an
  organisation's kind or city; a policy's kind, state or city);
- and exactly one earlier entity passes: two 'Springfield's with no state to choose between stay apart.
Anything short of that keeps the entries apart and records an `Uncertain` match for a reviewer: a wrong merge
would credit one person's words to another, while two rows for one entity only lose a link.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tui.search import fold, initials

# The attributes that, stated differently by two sources, show they are two entities. City references are row ids
# of cities already matched, so 'los-angeles' in one file and in another compare as the same city.
DISTINGUISHING: dict[str, tuple[str, ...]] = {
    "city": ("state",),
    "official": ("title", "party", "jurisdiction", "state", "city_id"),
    "organization": ("kind", "city_id"),
    "policy": ("kind", "state", "city_id"),
}


@dataclass
class Entity:
    """One row-to-be of cities/officials/organizations/policies, gathered from every source that names it."""

    kind: str
    row_id: int
    slug: str
    name: str
    attrs: dict[str, Any]
    keys: set[str]  # folded names the sources state (name, aliases, abbreviation, handle)
    initials: str | None  # derived from the name: a search aid, used to match only with a city to confirm it
    names: list[str] = field(default_factory=list)  # every stated name and alias, first seen first
    sources: set[int] = field(default_factory=set)
    # Where the row's name is stated: (source_id, start, end) of the mention whose name the row shows.
    excerpt: tuple[int, int, int] = (0, 0, 0)
    # (source_id, start, end) of the state's evidence, from whichever source stated the state.
    state_excerpt: tuple[int | None, int | None, int | None] = (None, None, None)


@dataclass(frozen=True)
class Uncertain:
    """A new entry whose name matches an earlier entity that the rules would not merge it with."""

    kind: str
    entity: Entity  # the new entry's own row
    other: Entity  # the earlier entity it was not merged with
    reason: str


def stated_keys(name: str, aliases: list[str]) -> set[str]:
    return {key for key in (fold(n) for n in [name, *aliases]) if key}


def _differences(kind: str, old: dict[str, Any], new: dict[str, Any], cities: list[Entity]) -> list[str]:
    """Attributes both state and state differently ("state: 'Texas' vs 'Ohio'"); titles compare folded."""
    found = []
    for attr in DISTINGUISHING[kind]:
        a, b = old.get(attr), new.get(attr)
        if a is None or b is None:
            continue
        same = fold(a) == fold(b) if isinstance(a, str) and isinstance(b, str) else a == b
        if not same:
            if attr == "city_id":  # say which cities, not their row numbers
                a, b = (f"{cities[i - 1].name} (row {i})" for i in (a, b))
            found.append(f"{attr.removesuffix('_id')}: {a!r} vs {b!r}")
    return found


def _fuller(old: str, new: str, new_aliases: list[str]) -> bool:
    """Whether `new` names the entity more fully than `old`: 'Donald Trump' for 'Trump', the full name for 'LAPD'."""
    old_key, new_key = fold(old), fold(new)
    if old_key == new_key:
        return False
    old_words, new_words = set(old_key.split()), set(new_key.split())
    return old_words < new_words or old_key == initials(new) or old_key in {fold(a) for a in new_aliases}


class Registry:
    """Entities of every kind met so far, in the order their rows are numbered."""

    def __init__(self) -> None:
        self.entities: dict[str, list[Entity]] = {kind: [] for kind in DISTINGUISHING}
        self.uncertain: list[Uncertain] = []
        self._slugs: dict[str, set[str]] = {kind: set() for kind in DISTINGUISHING}

    def add(
        self,
        kind: str,
        source_id: int,
        source_slug: str,
        local_id: str,
        name: str,
        aliases: list[str],
        attrs: dict[str, Any],
        mention: tuple[int, int],
    ) -> Entity:
        """The entity this entry is: an earlier one it certainly matches (updated), or a new one."""
        keys = stated_keys(name, aliases)
        derived = initials(name) if kind == "organization" else None
        good: list[Entity] = []
        doubtful: list[tuple[Entity, str]] = []
        for other in self.entities[kind]:
            if source_id in other.sources:
                continue  # one article's entries are distinct entities by construction
            by_name = bool(keys & other.keys)
            by_initials = kind == "organization" and (
                (other.initials is not None and other.initials in keys)
                or (derived is not None and derived in other.keys)
            )
            if not (by_name or by_initials):
                continue
            differences = _differences(kind, other.attrs, attrs, self.entities["city"])
            if differences:
                doubtful.append((other, "names match but " + "; ".join(differences)))
            elif not by_name and (attrs.get("city_id") is None or other.attrs.get("city_id") is None):
                doubtful.append((other, "initials match but no city on both sides confirms it"))
            else:
                good.append(other)
        if len(good) > 1:
            doubtful += [
                (other, f"names match {len(good)} entities with nothing to choose between them") for other in good
            ]
            good = []
        if good:
            entity = good[0]
            self._merge(entity, source_id, name, aliases, attrs, keys, mention)
            return entity
        entity = self._new(kind, source_id, source_slug, local_id, name, aliases, attrs, keys, derived, mention)
        self.uncertain += [Uncertain(kind, entity, other, reason) for other, reason in doubtful]
        return entity

    def _new(
        self,
        kind: str,
        source_id: int,
        source_slug: str,
        local_id: str,
        name: str,
        aliases: list[str],
        attrs: dict[str, Any],
        keys: set[str],
        derived: str | None,
        mention: tuple[int, int],
    ) -> Entity:
        # Slugs are unique per table; an id an earlier article used for another entity gets its article's prefix.
        slug = local_id if local_id not in self._slugs[kind] else f"{source_slug}/{local_id}"
        self._slugs[kind].add(slug)
        entity = Entity(
            kind=kind,
            row_id=len(self.entities[kind]) + 1,
            slug=slug,
            name=name,
            attrs=dict(attrs),
            keys=set(keys),
            initials=derived,
            names=list(dict.fromkeys([name, *aliases])),
            sources={source_id},
            excerpt=(source_id, *mention),
        )
        self.entities[kind].append(entity)
        return entity

    def _merge(
        self,
        entity: Entity,
        source_id: int,
        name: str,
        aliases: list[str],
        attrs: dict[str, Any],
        keys: set[str],
        mention: tuple[int, int],
    ) -> None:
        for attr, value in attrs.items():
            if entity.attrs.get(attr) is None and value is not None:
                entity.attrs[attr] = value
        if _fuller(entity.name, name, aliases):
            entity.name = name
            entity.excerpt = (source_id, *mention)
            if entity.kind == "organization":
                entity.initials = initials(name)
        entity.keys |= keys
        entity.names = list(dict.fromkeys([*entity.names, name, *aliases]))
        entity.sources.add(source_id)
