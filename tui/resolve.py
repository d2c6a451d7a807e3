"""Resolving one typed name to one entity: `events-tui city NAME`, `events-tui official NAME`. No SQL, no Textual.

A reporter cites what this resolves to, so it resolves only when the text names one entity, and says how:
1. an exact name or alias ("exact", "alias"); several entities of that name are namesakes, listed with what
   tells them apart (`--city`, `--state` and `--id` pick one);
2. a title ("mayor") is not a name: the officials holding it are listed;
3. the only entity whose name holds the text as whole words ("prefix"): any words of an official's name
   ('blasio', 'eric'), a city's first words ('san', not 'york' for New York: York is another city); after
   whole words the last may be begun ('lori l'), alone a begun word ('chic') is only offered;
4. the only entity the text is a plausible misspelling of ("typo", see `tui.search.plausible_typo`): a real name
   that is merely alike ('boston' and Houston, 'moran' and Morgan) is not taken for a typo.
Text found only inside a word ('mayor' in the handle @chicagosmayor) is offered, never resolved. Anything else
raises NameNotResolved with one line naming the candidates.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from tui.models import NameMatch, Official, SearchHit
from tui.present import describe
from tui.search import (
    MAX_QUERY_CHARS,
    SUBSTRING,
    fold,
    name_score,
    name_similarity,
    plausible_typo,
    search_names,
    typo_candidates,
)

if TYPE_CHECKING:
    from tui.store import Store

NameRow = tuple[str, int, str, str, int]  # kind, entity id, name, folded key, alias weight

# search_names scores: EXACT, PREFIX, WORD_START, SUBSTRING, below 1 a typo (similarity); each less 0.01 per alias
# weight. This bound separates the tiers whatever the weight.
_SUBSTRING_TIER = SUBSTRING - 0.1
# How far to look: the hits of every kind are fetched, then filtered to the kind asked for.
_RESOLVE_POOL = 100
_NAMESAKES_POOL = 1000
# Names holding the text as whole words; more than this and no one of them can be said to be the one.
_WORDS_POOL = 2000
_SUGGEST_FLOOR = 0.5
MAX_CANDIDATES = 5
_KIND_WORDS = {"city": "cities", "official": "officials", "organization": "organisations"}
# '#12': an entity by its id, as the candidates list shows it.
_BY_ID = re.compile(r"\s*#\s*(\d{1,18})\s*")
# Words of titles that are not themselves titles.
_SMALL = frozenset({"of", "the", "and", "for", "a", "an", "s"})


class NameNotResolved(LookupError):
    """No entity of the kind matches the name, or several match equally well; the message is one line.

    `candidates` are the closest names of that kind (the tied ones when `ambiguous`), best first.
    """

    def __init__(self, message: str, candidates: list[SearchHit], ambiguous: bool) -> None:
        super().__init__(message)
        self.candidates = candidates
        self.ambiguous = ambiguous


def resolve_name(store: Store, kind: str, text: str, city: str | None = None, state: str | None = None) -> NameMatch:
    """The one entity of `kind` ("city", "official") that `text` names, or NameNotResolved.

    `city` and `state` narrow officials (and `state` cities) to those of that city or state, so that namesakes
    can be told apart; `text` may also be '#ID'.
    """
    by_id = _BY_ID.fullmatch(text)
    if by_id:
        return resolve_id(store, kind, int(by_id.group(1)), text)
    query = fold(text[:MAX_QUERY_CHARS])
    if not query:
        raise NameNotResolved(f"no {kind} name given", [], ambiguous=False)
    scope = _scope_rows(store, kind, city, state)
    where = _scope_words(city, state)
    if scope is None:
        exact = store.names_with_key(query, kind, _NAMESAKES_POOL)
    else:
        exact = [row for row in scope if row[3] == query]
    exact_ids = list(dict.fromkeys(row[1] for row in exact))
    if len(exact_ids) == 1:
        how = "exact" if any(row[4] == 0 for row in exact) else "alias"
        return _match(store, kind, exact_ids[0], exact[0][2], text, how)
    if exact_ids:
        raise _namesakes(store, kind, text, exact_ids, where, len(exact) >= _NAMESAKES_POOL)
    if kind == "official":
        _refuse_a_title(store, text, query)
    if scope is None:
        every = search_names(store, query, _RESOLVE_POOL)
        hits = [h for h in every if h.kind == kind]
        truncated = len(every) >= _RESOLVE_POOL
        from_start = kind == "city" or len(query) < 3  # the trigram index needs three letters
        rows = store.names_by_words(kind, query, from_start, _partial(query), _WORDS_POOL)
        if len(rows) >= _WORDS_POOL:
            what = _KIND_WORDS.get(kind, kind)
            raise NameNotResolved(
                f"'{text}' is part of too many names of {what} to pick one; give more of it", [], True
            )
        typo_rows = [row for row in typo_candidates(store, query) if row[0] == kind]
    else:
        every, truncated = [], False
        hits = _score(store, query, scope)
        rows = [row for row in scope if _by_words(query, row[3], kind == "city")]
        typo_rows = scope
    starting = _best_per_entity(store, rows)
    if len(starting) == 1:
        return _match(store, kind, starting[0].id, starting[0].name, text, "prefix")
    if starting:
        raise _ambiguous(kind, text, starting, False, where)
    typos = _plausible(store, query, typo_rows)
    inside = [h for h in hits if h.score >= _SUBSTRING_TIER]  # begun words, or text inside a word: offered only
    if len(typos) == 1 and all(h.id == typos[0].id for h in inside):  # 'lightfoo' is begun and misspelt alike
        return _match(store, kind, typos[0].id, typos[0].name, text, "typo")
    if typos or inside:
        found = inside + [t for t in typos if t.id not in {h.id for h in inside}]
        message = f"no {kind} is named '{text}'{where}; it could be {_listing(found, truncated)}; give more of the name"
        raise NameNotResolved(message, found, ambiguous=True)
    raise _not_found(store, kind, text, query, [h for h in every if h.kind != kind], where, scope)


def resolve_id(store: Store, kind: str, entity_id: int, text: str | None = None) -> NameMatch:
    """The entity of `kind` with this id (`--id N`, '#N'), or NameNotResolved."""
    in_range = 0 < entity_id < 2**63  # SQLite's integers; a larger number is no id at all
    entity = None if not in_range else store.city(entity_id) if kind == "city" else store.official(entity_id)
    if entity is None:
        raise NameNotResolved(f"no {kind} has the id {entity_id}", [], ambiguous=False)
    return _match(store, kind, entity_id, entity.name, text or f"#{entity_id}", "id")


def _match(store: Store, kind: str, entity_id: int, name: str, text: str, how: str) -> NameMatch:
    return NameMatch(kind, entity_id, name, describe(store, kind, entity_id), text, how)  # type: ignore[arg-type]


# --- narrowing: --city, --state --------------------------------------------------------------------------------


def _scope_rows(store: Store, kind: str, city: str | None, state: str | None) -> list[NameRow] | None:
    """The names of the entities in the city and state asked for, or None when neither is given."""
    if city is None and state is None:
        return None
    city_ids = None
    if city is not None:
        city_key = fold(city[:MAX_QUERY_CHARS])
        city_ids = list(dict.fromkeys(row[1] for row in store.names_with_key(city_key, "city", _NAMESAKES_POOL)))
        if not city_ids:
            raise NameNotResolved(f"no city is named '{city}' (given with --city)", [], ambiguous=False)
    states = None
    if state is not None:
        state_key = fold(state)
        states = [s for s in store.states() if fold(s) == state_key]
        if not states:
            known = sorted(store.states())
            hint = f"; states named in the sources: {', '.join(known[:8])}" + (" ..." if len(known) > 8 else "")
            raise NameNotResolved(f"no state is named '{state}' (given with --state){hint if known else ''}", [], False)
    return store.names_in_scope(kind, city_ids, states)


def _scope_words(city: str | None, state: str | None) -> str:
    parts = [f"the city '{city}'" if city is not None else "", f"the state '{state}'" if state is not None else ""]
    return (" in " + " and ".join(p for p in parts if p)) if any(parts) else ""


def _partial(query: str) -> bool:
    """A last word may be only begun after whole words ('lori l', 'testville h'); alone it must be whole."""
    return " " in query


def _by_words(query: str, key: str, from_start: bool) -> bool:
    """`names_by_words` in Python, for the names of a --city/--state scope."""
    typed, words = query.split(), key.split()
    n = len(typed)
    for i in [0] if from_start else range(len(words) - n + 1):
        run = words[i : i + n]
        last_ok = run[-1] == typed[-1] or (_partial(query) and run[-1].startswith(typed[-1])) if run else False
        if len(run) == n and run[:-1] == typed[:-1] and last_ok:
            return True
    return False


def _best_per_entity(store: Store, rows: list[NameRow]) -> list[SearchHit]:
    """One hit per entity among `rows`, a name before an alias, described."""
    best: dict[int, NameRow] = {}
    for row in rows:
        if row[1] not in best or row[4] < best[row[1]][4]:
            best[row[1]] = row
    hits = sorted(best.values(), key=lambda r: (r[4], len(r[2]), r[2]))
    return [SearchHit(r[0], r[1], r[2], describe(store, r[0], r[1]), 0.0) for r in hits]  # type: ignore[arg-type]


def _score(store: Store, query: str, rows: list[NameRow]) -> list[SearchHit]:
    """Each entity's best prefix/word/substring score among `rows`, best first (the typo pass is separate)."""
    best: dict[int, SearchHit] = {}
    for kind, entity_id, name, key, weight in rows:
        if query not in key:
            continue
        score = name_score(query, key, weight)
        if score is not None and score > getattr(best.get(entity_id), "score", -1.0):
            best[entity_id] = SearchHit(kind, entity_id, name, "", score)  # type: ignore[arg-type]
    hits = sorted(best.values(), key=lambda h: (-h.score, len(h.name), h.name))
    return [SearchHit(h.kind, h.id, h.name, describe(store, h.kind, h.id), h.score) for h in hits[:_RESOLVE_POOL]]


def _plausible(store: Store, query: str, rows: list[NameRow]) -> list[SearchHit]:
    """The entities among `rows` that `query` is a plausible misspelling of, most alike first."""
    best: dict[int, SearchHit] = {}
    for kind, entity_id, name, key, _weight in rows:
        if entity_id not in best and plausible_typo(query, key, from_start=kind == "city"):
            best[entity_id] = SearchHit(kind, entity_id, name, "", name_similarity(query, key))  # type: ignore[arg-type]
    hits = sorted(best.values(), key=lambda h: (-h.score, h.name))
    return [SearchHit(h.kind, h.id, h.name, describe(store, h.kind, h.id), h.score) for h in hits]


# --- refusals, in words ------------------------------------------------------------------------------------------


def _refuse_a_title(store: Store, text: str, query: str) -> None:
    """'mayor', 'police chief': words of officials' titles and nothing else are a title, never a name."""
    titles = store.official_titles()
    title_words = {w for t in titles for w in fold(t).split()} - _SMALL
    if not set(query.split()) <= title_words:
        return
    held = [t for t in titles if f" {query} " in f" {fold(t)} "]
    officials, total = store.officials_titled(held, MAX_CANDIDATES)
    if not officials:
        return
    hits = [SearchHit("official", o.id, o.name, describe(store, "official", o.id), 0.0) for o in officials]
    shown = [f"{h.name} ({h.snippet})" for h in hits]
    more = f" and {total - len(hits)} more" if total > len(hits) else ""
    holders = f"{total} officials hold it" if total > 1 else "1 official holds it"
    message = f"'{text}' is a title, not a name; {holders}: {', '.join(shown)}{more}; give the name"
    raise NameNotResolved(message, hits, ambiguous=True)


def _listing(hits: list[SearchHit], truncated: bool) -> str:
    shown = [f"{h.name} ({h.snippet})" if h.snippet else h.name for h in hits[:MAX_CANDIDATES]]
    more = len(hits) - MAX_CANDIDATES
    if truncated:  # the pool was full: the count of the rest would be a guess
        return ", ".join(shown) + " and more"
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _ambiguous(kind: str, text: str, hits: list[SearchHit], truncated: bool, where: str = "") -> NameNotResolved:
    listing = _listing(hits, truncated)
    message = f"'{text}' matches several {_KIND_WORDS.get(kind, kind)}{where}: {listing}; give more of the name"
    return NameNotResolved(message, hits, ambiguous=True)


def _namesakes(store: Store, kind: str, text: str, ids: list[int], where: str, truncated: bool) -> NameNotResolved:
    """Several entities have exactly this name: list them with their ids and what tells them apart."""
    hits = []
    for entity_id in ids[:MAX_CANDIDATES]:
        what = describe(store, kind, entity_id)
        entity = store.city(entity_id) if kind == "city" else store.official(entity_id)
        if isinstance(entity, Official):
            # 'Council Member of Portland' twice says nothing: the state does (the official's, else the city's).
            city = store.city(entity.city_id) if entity.city_id is not None else None
            state = entity.state or (city.state if city else None)
            what += f", {state}" if state and state not in what else ""
        name = entity.name if entity else text
        hits.append(SearchHit(kind, entity_id, name, what, 0.0))  # type: ignore[arg-type]
    shown = ", ".join(f"{h.name} (#{h.id}{', ' + h.snippet if h.snippet else ''})" for h in hits)
    more = len(ids) - len(hits)
    if truncated:
        shown += " and more"
    elif more:
        shown += f" and {more} more"
    count = f"{len(ids)}{'+' if truncated else ''}"
    narrow = "--state or --id N" if kind == "city" else "--city, --state or --id N"
    message = f"{count} {_KIND_WORDS.get(kind, kind)}{where} are named '{text}': {shown}; pick one with {narrow}"
    return NameNotResolved(message, hits, ambiguous=True)


def _not_found(
    store: Store,
    kind: str,
    text: str,
    query: str,
    elsewhere: list[SearchHit],
    where: str,
    scope: list[NameRow] | None,
) -> NameNotResolved:
    """Nothing of `kind` matches: name the closest of that kind, loosely alike, and matches of another kind."""
    scored: dict[int, SearchHit] = {}
    rows = typo_candidates(store, query) if scope is None else scope
    for k, entity_id, name, key, _w in rows:
        score = name_similarity(query, key, _SUGGEST_FLOOR)
        if k == kind and score >= _SUGGEST_FLOOR and score > getattr(scored.get(entity_id), "score", 0.0):
            scored[entity_id] = SearchHit(k, entity_id, name, "", score)  # type: ignore[arg-type]
    closest = sorted(scored.values(), key=lambda h: (-h.score, h.name))[:3]
    closest = [SearchHit(h.kind, h.id, h.name, describe(store, h.kind, h.id), h.score) for h in closest]
    message = f"no {kind} matches '{text}'{where}"
    if closest:
        message += "; closest: " + ", ".join(h.name for h in closest)
    if elsewhere:
        kinds = {h.kind for h in elsewhere}
        if len(elsewhere) == 1:
            other = elsewhere[0]
            message += f"; {other.name} is {'an' if other.kind[0] in 'aeiou' else 'a'} {other.kind}"
        else:
            what = " and ".join(_KIND_WORDS.get(k, k) for k in sorted(kinds))
            message += f"; it matches {what}: {_listing(elsewhere, False)}"
    return NameNotResolved(message, closest, ambiguous=False)
