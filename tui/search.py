"""Search policy: how user text becomes a query, how names match, how results are ranked. No Textual, no SQL.

One implementation serves the browser, the command palette and `events-tui search`:
- names (cities, officials, organisations, with aliases and derived initials) match on a folded key:
  exact, then prefix, then substring (trigram index), then typo-tolerant (shared trigrams, re-ranked here);
- quotes match word by word in FTS5, the last word as a prefix; bm25 ranking only for small match sets,
  because FTS5 computes it for every match whatever the LIMIT.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from typing import TYPE_CHECKING

from tui.models import SearchHit

if TYPE_CHECKING:
    from tui.store import Store

# Anything but a letter or digit of any script: punctuation, symbols, emoji, controls and FTS5 syntax all go.
# Not [^0-9a-z]: that would make every name in Chinese, Hebrew, Arabic... unsearchable.
_NOT_WORD = re.compile(r"[\W_]+")
# Words left out of derived initials: "Immigration and Customs Enforcement" -> "ice".
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "at", "to", "a", "an", "u", "s"})
# Above this many quote matches, bm25 ranking costs seconds at a million quotes: order by recency instead.
RANK_LIMIT = 2000
# Longest query we look at: more text cannot make a better name match, and FTS5 cost grows with terms.
MAX_QUERY_CHARS = 200
MAX_QUOTE_TERMS = 8
# Most results one search returns: a larger --limit would overflow SQLite's integers (limit * 4 and all).
MAX_RESULTS = 10_000


def fold(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces collapsed: 'Ras J. Baraka' -> 'ras j baraka'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", stripped).strip()


def initials(name: str) -> str | None:
    """Initials of a name of three or more words, small words left out: 'Los Angeles Police Department' -> 'lapd'.

    A derived search key, not a fact: it lets 'sfpd' find the San Francisco Police Department without
    recording an abbreviation the sources never state.
    """
    words = [w for w in fold(name).split() if w not in _SMALL_WORDS]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


def search_keys(name: str, aliases: list[str], kind: str) -> list[tuple[str, int]]:
    """Every (folded key, weight) under which an entity is found; lower weight ranks first."""
    keys = [(fold(name), 0)] + [(fold(alias), 1) for alias in aliases]
    if kind == "organization":
        derived = initials(name)
        if derived:
            keys.append((derived, 2))
    unique: dict[str, int] = {}
    for key, weight in keys:
        if key and key not in unique:
            unique[key] = weight
    return list(unique.items())


def trigrams(key: str) -> list[str]:
    """The distinct trigrams of a folded key, in order of first appearance."""
    grams = [key[i : i + 3] for i in range(len(key) - 2)]
    return list(dict.fromkeys(g for g in grams if " " not in g))


def quote_words(text: str) -> list[str]:
    """Words of a query for the quotes FTS index: letters and digits only, so no FTS5 syntax gets through."""
    return fold(text[:MAX_QUERY_CHARS]).split()[:MAX_QUOTE_TERMS]


def fts_query(words: list[str], prefix_last: bool = True) -> str | None:
    """An FTS5 MATCH expression that means 'all these words': each word quoted, the last one a prefix.

    The words come from `quote_words`, so they hold only letters and digits (never '"'); quoting each one still
    guards keywords like OR/NEAR.
    """
    if not words:
        return None
    terms = [f'"{w}"' for w in words]
    if prefix_last:
        terms[-1] += "*"
    return " ".join(terms)


def name_similarity(query: str, key: str) -> float:
    """How alike a folded query and key are, 0..1, best over the whole key and each of its word-runs.

    'blasio' against 'bill de blasio' scores 1.0 through the word 'blasio'; 'garcety' against 'eric garcetti'
    scores through 'garcetti'.
    """
    best = difflib.SequenceMatcher(None, query, key).ratio()
    words = key.split()
    n = len(query.split())
    for i in range(len(words)):
        part = " ".join(words[i : i + n])
        best = max(best, difflib.SequenceMatcher(None, query, part).ratio())
    return best


def search(store: Store, text: str, limit: int = 20) -> list[SearchHit]:
    """Names first (best match first), then quotes; never raises on any user text."""
    query = fold(text[:MAX_QUERY_CHARS])
    if not query or limit <= 0:
        return []
    limit = min(limit, MAX_RESULTS)
    hits = search_names(store, query, limit)
    if len(hits) < limit:
        hits += search_quotes(store, text, limit - len(hits))
    return hits


def search_names(store: Store, query: str, limit: int) -> list[SearchHit]:
    """Names matching the folded query: prefix and substring matches, then typo-tolerant ones."""
    scored: dict[tuple[str, int], SearchHit] = {}

    def add(kind: str, entity_id: int, name: str, key: str, weight: int) -> None:
        if key.startswith(query):
            score = 3.0
        elif f" {query}" in f" {key}":
            score = 2.5  # a word of the name starts with the query: 'blasio', 'lightfoot'
        elif query in key:
            score = 2.0
        else:
            score = name_similarity(query, key)
            if score < 0.7:
                return
        score -= weight * 0.01
        hit = SearchHit(kind, entity_id, name, key, score)  # type: ignore[arg-type]
        current = scored.get((kind, entity_id))
        if current is None or hit.score > current.score:
            scored[(kind, entity_id)] = hit

    for row in store.names_with_prefix(query, limit * 4):
        add(*row)
    if len(query) >= 3 and len(scored) < limit:
        for row in store.names_containing(query, limit * 4):
            add(*row)
    if len(query) >= 3 and len(scored) < limit:
        grams = trigrams(query)
        if grams:
            for row in store.names_sharing_trigrams(grams, 200):
                add(*row)
    hits = sorted(scored.values(), key=lambda h: (-h.score, len(h.name), h.name))[:limit]
    return [_with_display(store, h) for h in hits]


def _with_display(store: Store, hit: SearchHit) -> SearchHit:
    """Replace the matched key by a human snippet: what the entity is."""
    return SearchHit(hit.kind, hit.id, hit.name, store.describe(hit.kind, hit.id), hit.score)


def search_quotes(store: Store, text: str, limit: int) -> list[SearchHit]:
    """Quotes containing every word of the query (the last word as a prefix); best first when few match."""
    expression = fts_query(quote_words(text))
    if expression is None:
        return []
    ranked = store.count_quote_matches(expression, RANK_LIMIT + 1) <= RANK_LIMIT
    return [
        SearchHit("quote", q.id, q.speaker, q.text, 0.0)
        for q in store.quotes_matching(expression, limit, ranked=ranked)
    ]


# --- resolving one name (`events-tui city NAME`, `events-tui official NAME`) ---------------------------

# search_names scores: 3 prefix, 2.5 a word of the name starts with the query, 2 substring, below 1 a typo
# (similarity); each less 0.01 per alias weight. These bounds separate the tiers whatever the weight.
_WORD_START_TIER = 2.4
_SUBSTRING_TIER = 1.9
# A typo match resolves only when it is this much more alike than the runner-up.
TYPO_LEAD = 0.1
# How far to look: the hits of every kind are fetched, then filtered to the kind asked for.
_RESOLVE_POOL = 100
_SUGGEST_FLOOR = 0.5
MAX_CANDIDATES = 5
_KIND_WORDS = {"city": "cities", "official": "officials", "organization": "organisations"}


class NameNotResolved(LookupError):
    """No entity of the kind matches the name, or several match equally well; the message is one line.

    `candidates` are the closest names of that kind (the tied ones when `ambiguous`), best first.
    """

    def __init__(self, message: str, candidates: list[SearchHit], ambiguous: bool) -> None:
        super().__init__(message)
        self.candidates = candidates
        self.ambiguous = ambiguous


def resolve_name(store: Store, kind: str, text: str) -> SearchHit:
    """The one entity of `kind` ("city", "official", "organization") that `text` names, or NameNotResolved.

    Case-, accent- and typo-tolerant, through aliases, on the same matcher as search. A clear winner resolves:
    the only entity with an exact folded name or alias; else the only prefix or word-start match; else the
    only substring match; else a typo match `TYPO_LEAD` more alike than the next. Ties are ambiguous.
    """
    query = fold(text[:MAX_QUERY_CHARS])
    if not query:
        raise NameNotResolved(f"no {kind} name given", [], ambiguous=False)
    every = search_names(store, query, _RESOLVE_POOL)
    hits = [h for h in every if h.kind == kind]
    if not hits and len(every) >= _RESOLVE_POOL:
        # Names of other kinds filled the pool, so "no match" would be a guess: ask for more of the name.
        message = f"'{text}' matches too many names to pick one of the {_KIND_WORDS.get(kind, kind)}; give more of it"
        raise NameNotResolved(message, [], ambiguous=True)
    exact_ids = _exact_ids(store, kind, query)
    for tier in (
        [h for h in hits if h.id in exact_ids],
        [h for h in hits if h.score >= _WORD_START_TIER],
        [h for h in hits if h.score >= _SUBSTRING_TIER],
    ):
        if len(tier) == 1:
            return tier[0]
        if tier:
            raise _ambiguous(kind, text, tier, len(every) >= _RESOLVE_POOL)
    if len(hits) == 1 or (len(hits) > 1 and hits[0].score - hits[1].score >= TYPO_LEAD):
        return hits[0]
    if hits:
        raise _ambiguous(kind, text, hits, len(every) >= _RESOLVE_POOL)
    raise _not_found(store, kind, text, query, [h for h in every if h.kind != kind])


def _exact_ids(store: Store, kind: str, query: str) -> set[int]:
    # names_with_prefix orders by key, so every exact key (the shortest with this prefix) comes first.
    return {entity_id for k, entity_id, _n, key, _w in store.names_with_prefix(query, 50) if k == kind and key == query}


def _listing(hits: list[SearchHit], truncated: bool) -> str:
    shown = [f"{h.name} ({h.snippet})" if h.snippet else h.name for h in hits[:MAX_CANDIDATES]]
    more = len(hits) - MAX_CANDIDATES
    if truncated:  # the pool was full: the count of the rest would be a guess
        return ", ".join(shown) + " and more"
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _ambiguous(kind: str, text: str, hits: list[SearchHit], truncated: bool) -> NameNotResolved:
    listing = _listing(hits, truncated)
    message = f"'{text}' matches several {_KIND_WORDS.get(kind, kind)}: {listing}; give more of the name"
    return NameNotResolved(message, hits, ambiguous=True)


def _not_found(store: Store, kind: str, text: str, query: str, elsewhere: list[SearchHit]) -> NameNotResolved:
    """Nothing of `kind` matches: name the closest of that kind, loosely alike, and a match of another kind."""
    scored: dict[int, SearchHit] = {}
    grams = trigrams(query)
    rows = store.names_sharing_trigrams(grams, 200) if grams else []
    for k, entity_id, name, key, _w in rows:
        score = name_similarity(query, key)
        if k == kind and score >= _SUGGEST_FLOOR and score > getattr(scored.get(entity_id), "score", 0.0):
            scored[entity_id] = SearchHit(k, entity_id, name, store.describe(k, entity_id), score)  # type: ignore[arg-type]
    closest = sorted(scored.values(), key=lambda h: (-h.score, h.name))[:3]
    message = f"no {kind} matches '{text}'"
    if closest:
        message += "; closest: " + ", ".join(h.name for h in closest)
    if elsewhere:
        other = elsewhere[0]
        message += f"; {other.name} is {'an' if other.kind[0] in 'aeiou' else 'a'} {other.kind}"
    return NameNotResolved(message, closest, ambiguous=False)
