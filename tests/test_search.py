"""The search policy (tui.search): name tiers in order, when the typo pass runs and what it finds, the quotes' order.

Every expectation is computed from the store's own names and quotes (brute force over the whole `names` table, or
the FTS index asked another way), never written down by hand, so the tests follow the data.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import make_synth_db
from tui import search as policy
from tui.search import (
    EXACT,
    PREFIX,
    SUBSTRING,
    TYPO_FLOOR,
    WORD_START,
    fold,
    fts_query,
    name_similarity,
    quote_words,
    search,
    search_names,
    search_quotes,
    typo_candidates,
    typo_grams,
)
from tui.store import Store, open_store

NameRow = tuple[str, int, str, str, int]


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A small synthetic database: shared surnames and accents, enough names for ranking to matter."""
    out = tmp_path_factory.mktemp("synth-search") / "synth.db"
    make_synth_db(out, cities=150, officials=600, quotes=3000, sources=10, seed=3)
    opened = open_store(out)
    yield opened
    opened.close()


@pytest.fixture(params=["bundled", "synth"])
def any_store(request: pytest.FixtureRequest, store: Store, synth_store: Store) -> Store:
    return store if request.param == "bundled" else synth_store


def all_names(store: Store) -> list[NameRow]:
    return store.names_with_prefix("", 10**7)  # every key sorts between "" and U+FFFF


def expected_tier(query: str, key: str) -> float | None:
    """The tier a key falls in for a query, worked out here independently of tui.search's scoring."""
    if key == query:
        return EXACT
    if key.startswith(query):
        return PREFIX
    if any(word.startswith(query) for word in key.split()) or f" {query}" in f" {key}":
        return WORD_START
    if query in key:
        return SUBSTRING
    return None


def best_tiers(store: Store, query: str) -> dict[tuple[str, int], float]:
    """Each entity's best tier over all its keys (name, aliases, initials), before alias weights."""
    best: dict[tuple[str, int], float] = {}
    for kind, entity_id, _name, key, _weight in all_names(store):
        tier = expected_tier(query, key)
        if tier is not None:
            best[(kind, entity_id)] = max(tier, best.get((kind, entity_id), 0.0))
    return best


def tier_of(score: float) -> float:
    """Undo the alias weight (at most a few hundredths): the tier a hit's score belongs to, 0 for a typo."""
    return next((t for t in (EXACT, PREFIX, WORD_START, SUBSTRING) if score > t - 0.1), 0.0)


def misspellings(store: Store, count: int) -> list[tuple[str, tuple[str, int]]]:
    """Deterministic one-letter typos of the store's own surnames (a middle letter dropped, or two swapped)."""
    typos: list[tuple[str, tuple[str, int]]] = []
    for kind, entity_id, _name, key, weight in all_names(store):
        words = key.split()
        if kind != "official" or weight or len(words) < 2 or len(words[-1]) < 6 or not words[-1].isalpha():
            continue
        word, middle = words[-1], len(words[-1]) // 2
        if entity_id % 2:
            typo = word[:middle] + word[middle + 1 :]
        else:
            typo = word[:middle] + word[middle + 1] + word[middle] + word[middle + 2 :]
        typos.append((typo, (kind, entity_id)))
        if len(typos) == count:
            break
    return typos


# --- names: the tiers ---------------------------------------------------------------------------------------------


def test_tiers_come_in_order_exact_prefix_word_start_substring(any_store: Store) -> None:
    names = all_names(any_store)
    # Queries from the data: whole keys, their first letters, a later word, a piece from inside a word.
    queries = set()
    for _kind, _id, _name, key, _weight in names[:: max(1, len(names) // 25)]:
        words = key.split()
        queries |= {key, key[:3], words[-1], words[-1][1:5]}
    checked = 0
    for query in sorted(q for q in queries if len(q) >= 3):
        expected = best_tiers(any_store, query)
        hits = search_names(any_store, query, 1000)
        tiers = [tier_of(h.score) for h in hits]
        assert tiers == sorted(tiers, reverse=True), query
        assert {(h.kind, h.id): tier_of(h.score) for h in hits} == expected, query
        checked += bool(expected)
    assert checked > 20


def test_an_exact_alias_comes_before_a_longer_primary_name(store: Store) -> None:
    # An alias weighs a little (0.01) against its entity, never enough to drop it below a prefix match.
    aliases = [row for row in all_names(store) if row[4] > 0]
    assert aliases
    for kind, entity_id, _name, key, _weight in aliases:
        hits = search_names(store, key, 50)
        assert (hits[0].kind, hits[0].id) == (kind, entity_id) or tier_of(hits[0].score) == EXACT, key


# --- names: the typo pass ---------------------------------------------------------------------------------------------


def brute_force_best(store: Store, query: str) -> float:
    return max(name_similarity(query, key) - weight * 0.01 for _k, _i, _n, key, weight in all_names(store))


def test_a_misspelt_name_finds_the_most_alike_name(synth_store: Store) -> None:
    """Checked against every name in the store. The candidates are the names holding the most weight of rare
    pieces, so a typo that leaves only a common piece ('marber' -> 'marer' keeps 'mar') can miss: allow 1 in 10."""
    typos = [(t, e) for t, e in misspellings(synth_store, 60) if not best_tiers(synth_store, t)]
    assert len(typos) >= 30
    keys = {(k, i): key for k, i, _n, key, w in all_names(synth_store) if not w}
    misses = []
    for typo, entity in typos:
        hits = search_names(synth_store, typo, 30)
        assert hits and all(tier_of(h.score) == 0.0 for h in hits), typo  # only typo matches: nothing else matched
        best = hits[0].score == pytest.approx(brute_force_best(synth_store, typo))
        # The name it was made from is listed, unless 30 names at least as alike fill the list.
        own = name_similarity(typo, keys[entity])
        listed = entity in {(h.kind, h.id) for h in hits} or (len(hits) == 30 and hits[-1].score >= own)
        if not (best and listed):
            misses.append(typo)
    assert len(misses) <= len(typos) // 10, misses


@pytest.mark.parametrize(("typed", "kind", "name"), [("garcety", "official", "Eric Garcetti"),
                                                     ("schaf", "official", "Libby Schaaf"),
                                                     ("lightfot", "official", "Lori Lightfoot")])  # fmt: skip
def test_bundled_typos_still_find_their_names(store: Store, typed: str, kind: str, name: str) -> None:
    hits = search(store, typed, 20)
    assert hits[0].kind == kind and hits[0].name == name


def test_no_typo_pass_when_the_text_matches_a_name(any_store: Store) -> None:
    for *_ids, key, _weight in all_names(any_store)[:50]:
        piece = key.split()[-1][:5]
        if len(piece) < 4:
            continue
        hits = search_names(any_store, piece, 100)
        assert hits and all(tier_of(h.score) > 0 for h in hits), piece


def test_no_typo_pass_below_four_letters(store: Store) -> None:
    names = all_names(store)
    typos = [key[:2] + "q" for _k, _i, _n, key, _w in names if len(key) > 3]  # three letters matching nothing
    unmatched = [t for t in typos if not best_tiers(store, t)]
    assert unmatched
    for typo in unmatched:
        assert search_names(store, typo, 20) == [], typo


def test_every_name_alike_enough_is_a_candidate_on_a_small_database(store: Store) -> None:
    # With every piece held by fewer names than the cap, the candidates are all the names sharing a piece.
    for typo, _entity in misspellings(store, 20) + [("garcety", ("official", 0)), ("chiago", ("city", 0))]:
        candidates = {(k, i) for k, i, *_ in typo_candidates(store, typo, 10_000)}
        alike = {
            (k, i)
            for k, i, _n, key, _w in all_names(store)
            if name_similarity(typo, key) >= TYPO_FLOOR and any(g in key for g in typo_grams(typo))
        }
        assert alike <= candidates, typo


def test_gram_counts_match_the_names(synth_store: Store) -> None:
    keys = [key for *_rest, key, _w in all_names(synth_store)]
    grams = typo_grams("martinez") + typo_grams("nguyen") + ["zzzq"]
    for cap in (3, 10_000):
        counts = synth_store.name_gram_counts(grams, cap)
        assert counts == [min(cap, sum(g in key for key in keys)) for g in grams]


def test_candidates_come_by_summed_weight(synth_store: Store) -> None:
    names = all_names(synth_store)
    weighted = [("gar", 1.0), ("rci", 2.5), ("nguy", 4.0), ("mart", 0.5)]
    typical = 16.0
    rows = synth_store.names_sharing_grams(weighted, 10_000, 10_000, 10_000, typical)

    def weight_of(key: str) -> float:
        return sum(w for g, w in weighted if g in key)

    per_length = [weight_of(key) / (0.25 + 0.75 * len(key) / typical) for *_rest, key, _w in rows]
    assert per_length == sorted(per_length, reverse=True)
    assert len(rows) == sum(1 for *_rest, key, _w in names if weight_of(key) > 0)
    # The pool is taken by weight alone, before lengths count.
    pooled = synth_store.names_sharing_grams(weighted, 10_000, 20, 10_000, typical)
    assert len(pooled) == 20
    weights = sorted((weight_of(row[3]) for row in rows), reverse=True)
    assert sorted((weight_of(row[3]) for row in pooled), reverse=True) == weights[:20]


def test_a_capped_piece_reads_no_further_than_the_cap(synth_store: Store) -> None:
    common = max(typo_grams("son martinez garcia"), key=lambda g: synth_store.name_gram_counts([g], 10_000)[0])
    total = synth_store.name_gram_counts([common], 10_000)[0]
    assert total > 5
    assert len(synth_store.names_sharing_grams([(common, 1.0)], 5, 10_000, 10_000, 16.0)) == 5


@settings(max_examples=300, deadline=None)
@given(
    query=st.text("abcdeo ", min_size=1, max_size=12),
    key=st.text("abcdeo ", min_size=1, max_size=20),
    floor=st.sampled_from([0.0, 0.5, TYPO_FLOOR, 0.9]),
)
def test_pruned_similarity_is_exact_above_its_floor(query: str, key: str, floor: float) -> None:
    words, n = key.split(), len(query.split())
    parts = [key, *(" ".join(words[i : i + n]) for i in range(len(words)))]
    reference = max(difflib.SequenceMatcher(None, query, p).ratio() for p in parts)
    got = name_similarity(query, key, floor)
    if reference >= floor:
        assert got == reference
    else:
        assert got < floor


# --- quotes ------------------------------------------------------------------------------------------------------


def matches(store: Store, word: str) -> int:
    return store.count_quote_matches(fts_query([word]) or "", 10**6)


def test_few_matching_quotes_come_best_first(synth_store: Store) -> None:
    word = next(w for w in ("families", "police", "raids", "immigration") if 1 < matches(synth_store, w) <= 2000)
    hits = search_quotes(synth_store, word, 10)
    assert [h.id for h in hits] == synth_store.quote_match_ids(fts_query([word]) or "", 10, ranked=True)


def test_many_matching_quotes_come_newest_first(synth_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    word = "the"
    monkeypatch.setattr(policy, "RANK_LIMIT", matches(synth_store, word) // 2)  # as for "the" at a million quotes
    ids = [h.id for h in search_quotes(synth_store, word, 10)]
    assert len(ids) == 10 and ids == sorted(ids, reverse=True)
    for quote in synth_store.quotes_by_id(ids):
        assert any(w.startswith(word) for w in fold(f"{quote.text} {quote.speaker}").split())


def test_a_one_letter_last_word_waits_for_the_next(synth_store: Store) -> None:
    assert quote_words("deportation s") == ["deportation"]
    assert quote_words("city’s police") == ["city", "s", "police"]
    assert quote_words("s") == ["s"]
    with_letter = [h.id for h in search_quotes(synth_store, "police s", 20)]
    assert with_letter == [h.id for h in search_quotes(synth_store, "police", 20)]


def test_quotes_by_id_keeps_the_order_given(store: Store) -> None:
    ids = [q.id for q in store.quotes_page(0, 10)][::-1]
    assert [q.id for q in store.quotes_by_id([*ids, 10**9])] == ids
    assert store.quotes_by_id([]) == []
    many = [*ids, *range(10**9, 10**9 + 1200), *ids]  # more ids than one statement may bind on older SQLite
    assert [q.id for q in store.quotes_by_id(many)] == ids + ids


def test_names_only_search_reads_no_quotes(store: Store) -> None:
    # The palette's search: the same names in the same order, nothing the articles say (quotes, stances,
    # claims) even when the names leave room.
    for text in ("deportation", "chicago", "garcety", "la"):
        everything = search(store, text, 30)
        names_only = search(store, text, 30, quotes=False)
        assert names_only == [h for h in everything if h.kind in ("city", "official", "organization")], text
    assert any(h.kind == "quote" for h in search(store, "deportation", 30))
