"""How many times a search reads the quotes' full-text index, and that reading it once gives the same answer.

The search dialog counts the matching quotes on a connection of its own while it searches names. When that count is
already known where the quotes are searched, `search_page` uses it instead of reading the index a first time only
to learn whether there are few enough matches to rank: one read instead of two. These tests compare every page and
every count with the path that reads twice (the one the CLI still takes, with no count at hand), on the bundled
database and on a small synthetic one made by `events-tui synth`, and count the statements SQLite runs.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui import search as policy
from tui.search import SearchPage, count_quotes, fold, fts_query, quote_words, search_page, search_quotes_counted
from tui.store import COUNT_CACHE_KIB, Store, open_store
from tui.widgets.background import Prefetch

ROOT = Path(__file__).resolve().parent.parent
# Prefixes as the dialog sees them while a word is typed, words of the bundled articles and of the synthetic
# vocabulary, two-word queries and text that matches nothing.
WORDS = ["sanctuary", "police", "deportation", "immigration", "families", "garcia", "the", "raids", "won"]
PHRASES = ["police de", "the city", "immigration enforcement", "chicago police", "zzzqx", "raids in this"]


def texts() -> list[str]:
    typed = [word[:i] for word in WORDS for i in range(2, len(word) + 1)]
    return typed + PHRASES


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth-reads") / "synth.db"
    command = [sys.executable, "-m", "tui", "synth", "--cities", "120", "--officials", "500", "--quotes", "4000"]
    subprocess.run([*command, "--sources", "10", "--seed", "5", "--out", str(out)], cwd=ROOT, check=True)
    return out


@pytest.fixture(params=["bundled", "synth"])
def each_store(request: pytest.FixtureRequest, store: Store, synth_db: Path) -> Iterator[Store]:
    if request.param == "bundled":
        yield store
        return
    opened = open_store(synth_db)
    yield opened
    opened.close()


class MatchReads:
    """Every statement the store's own connection runs against the quotes' full-text index."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.statements: list[str] = []

    def __enter__(self) -> MatchReads:
        self.store.conn.set_trace_callback(self._seen)
        return self

    def __exit__(self, *exc: object) -> None:
        self.store.conn.set_trace_callback(None)

    def _seen(self, sql: str) -> None:
        if "quotes_fts MATCH" in sql:
            self.statements.append(sql)


def exact_count(store: Store, text: str) -> int:
    """The dialog's own count of the quotes `text` matches (no time limit here)."""
    total = count_quotes(store, fts_query(quote_words(text)), seconds=60)
    assert total is not None
    return total


def same_page(a: SearchPage, b: SearchPage) -> bool:
    return (a.hits, a.more, a.quote_matches, a.expression, a.counts) == (
        b.hits,
        b.more,
        b.quote_matches,
        b.expression,
        b.counts,
    )


@pytest.mark.parametrize("limit", [5, 30])
def test_a_known_count_gives_the_same_page_as_reading_twice(each_store: Store, limit: int) -> None:
    for text in texts():
        twice = search_page(each_store, text, limit)
        total = exact_count(each_store, text)
        once = search_page(each_store, text, limit, counted=lambda total=total: total)  # type: ignore[misc]
        assert same_page(once, twice), text
        # The dialog's status line: the page's own count when it has one, else the separate count.
        status_twice = twice.quote_matches if twice.quote_matches is not None else total
        status_once = once.quote_matches if once.quote_matches is not None else total
        assert status_once == status_twice, text


def test_many_matches_give_the_same_newest_page_with_a_known_count(
    each_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With a low limit for ranking, common words take the "too many to rank, newest first" path.
    monkeypatch.setattr(policy, "RANK_LIMIT", 3)
    seen_unranked = 0
    for text in texts():
        total = exact_count(each_store, text)
        seen_unranked += total > 3
        twice = search_page(each_store, text, 30)
        once = search_page(each_store, text, 30, counted=lambda total=total: total)  # type: ignore[misc]
        assert same_page(once, twice), text
    assert seen_unranked > 5  # the path was taken, not skipped


def test_a_known_count_makes_one_read_of_the_index(each_store: Store) -> None:
    ranked = unranked = 0
    for text in texts():
        total = exact_count(each_store, text)
        with MatchReads(each_store) as without:
            page = search_page(each_store, text, 30)
        with MatchReads(each_store) as known:
            same = search_page(each_store, text, 30, counted=lambda total=total: total)  # type: ignore[misc]
        assert same_page(same, page), text
        if not without.statements:  # the page was full of names, stances and claims before the quotes
            assert not known.statements and page.quote_matches is None, text
            continue
        # Without a count, one word: a first read to learn how many match, a second to rank them when few enough.
        if len(quote_words(text)) == 1:
            assert len(without.statements) == (2 if 0 < total <= policy.RANK_LIMIT else 1), text
        # With it: the one read that gives the page (none when nothing matches).
        assert len(known.statements) == (1 if total else 0), text
        ranked += 0 < total <= policy.RANK_LIMIT
        unranked += total > policy.RANK_LIMIT
    assert ranked > 5 and unranked + ranked > 10


def quoted_phrases(store: Store) -> list[str]:
    """Two words of a quote and the start of the next, as typed mid-word: few quotes hold the two words."""
    phrases = []
    for quote in store.quotes_page(0, 60):
        words = [w for w in fold(quote.text).split() if len(w) > 2]
        if len(words) > 3:
            phrases += [f"{words[0]} {words[1]} {words[2][:2]}", f"{words[1]} {words[3][:1]}{words[3][1:2]}"]
    return phrases


def two_reads(store: Store, text: str, limit: int) -> tuple[list[int], int | None]:
    """The quotes' page and total as search_quotes_counted found them before (written out here): the newest
    RANK_LIMIT + 1 first, then, if no more than RANK_LIMIT match, the best by rank."""
    expression = fts_query(quote_words(text))
    if expression is None:
        return [], 0
    ids = store.quote_match_ids(expression, policy.RANK_LIMIT + 1, ranked=False)
    total = len(ids) if len(ids) <= policy.RANK_LIMIT else None
    if total is not None:
        ids = store.quote_match_ids(expression, limit, ranked=True) if ids else []
    return ids[:limit], total


def test_few_matches_of_the_first_words_make_one_ranked_read_with_the_same_answer(each_store: Store) -> None:
    one_read = 0
    for text in quoted_phrases(each_store) + texts():
        for limit in (5, 31):
            with MatchReads(each_store) as reads:
                hits, total = search_quotes_counted(each_store, text, limit)
            assert ([h.id for h in hits], total) == two_reads(each_store, text, limit), text
            newest_first = [sql for sql in reads.statements if "ORDER BY f.rowid DESC" in sql]
            words = quote_words(text)
            if len(words) > 1 and total is not None:
                # Known to be few from the words before the last: no read of the newest first.
                # A count of the first words, and the ranked read unless none hold them.
                assert not newest_first and len(reads.statements) in (1, 2), (text, reads.statements)
                assert (
                    f"LIMIT {policy.RANK_LIMIT + 1}" in reads.statements[0]
                    and "*" not in reads.statements[0].split("MATCH")[1]
                )
                one_read += 1
    assert one_read > 20


def test_a_count_not_yet_known_takes_the_path_that_reads_twice(each_store: Store) -> None:
    tried = 0
    for text in texts():
        with MatchReads(each_store) as plain:
            page = search_page(each_store, text, 30)
        if len(plain.statements) != 2:
            continue
        with MatchReads(each_store) as reads:
            same = search_page(each_store, text, 30, counted=lambda: None)
        assert reads.statements == plain.statements and same_page(same, page), text
        tried += 1
    assert tried > 5


def test_the_counting_connection_keeps_a_small_page_cache(store: Store) -> None:
    # The count reads every page of the matching words' lists; SQLite's default cache (2,000 KiB) kept them all.
    assert count_quotes(store, fts_query(["police"]), seconds=5) == store.count_quote_matches('"police"*', 10**6)
    conn = store._count_conn
    assert conn is not None
    assert conn.execute("PRAGMA cache_size").fetchone()[0] == -COUNT_CACHE_KIB < 0
    assert COUNT_CACHE_KIB < 2000


def test_a_prefetch_peeks_without_waiting() -> None:
    release = threading.Event()
    running = Prefetch(lambda: release.wait(5) and 7)
    assert running.peek() is None  # still reading: no answer, and no wait
    release.set()
    assert running.get() == 7 and running.peek() == 7

    def fail() -> int:
        raise RuntimeError("locked")

    failed = Prefetch(fail)
    failed.wait(5)
    assert failed.peek() is None  # a failure is not a count; get() still raises it for the worker to report
    with pytest.raises(RuntimeError):
        failed.get()
