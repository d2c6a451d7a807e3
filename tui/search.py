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

_NOT_WORD = re.compile(r"[^0-9a-z]+")
# Words left out of derived initials: "Immigration and Customs Enforcement" -> "ice".
_SMALL_WORDS = frozenset({"and", "of", "the", "for", "in", "on", "at", "to", "a", "an", "u", "s"})
# Above this many quote matches, bm25 ranking costs seconds at a million quotes: order by recency instead.
RANK_LIMIT = 2000
# Longest query we look at: more text cannot make a better name match, and FTS5 cost grows with terms.
MAX_QUERY_CHARS = 200
MAX_QUOTE_TERMS = 8


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

    The words come from `quote_words`, so they hold only [0-9a-z]; quoting still guards keywords like OR/NEAR.
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
