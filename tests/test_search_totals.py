"""A search's totals and how far its list goes: never a cut list that reads as complete, never a bound as a total.

Found at stop 16: with more than RANK_LIMIT quotes matching, the quotes' page stopped at RANK_LIMIT + 1 newest
ones, and the dialog's line then read "3,003 results ... 44,012 quotes — Enter opens". A kind with more than
COUNT_CAP matches was shown as exactly COUNT_CAP, the dialog offered "↓ or End loads more" at MAX_RESULTS where
nothing more loads, and `events-tui search` cut its list at --limit without a word.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import make_synth_db
from tui import search as policy
from tui import store as store_module
from tui.search import (
    SearchPage,
    count_quotes,
    counted_in_full,
    fold,
    quote_words,
    result_count,
    search_names,
    search_page,
)
from tui.store import Store, open_store
from tui.widgets import search_hit
from tui.widgets.search_hit import MORE_HINT, status_line

ROOT = Path(__file__).resolve().parent.parent
WORD = "immigration"  # in synthetic quotes, stances and claims
COMMON = "the"  # in more than half the synthetic quotes


@pytest.fixture(scope="module")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    out = make_synth_db(
        tmp_path_factory.mktemp("totals") / "synth.db", cities=60, officials=200, quotes=3000, sources=8, seed=11
    )
    opened = open_store(out)
    yield opened
    opened.close()


def every_result(store: Store, text: str) -> dict[str, int]:
    """Each kind's matches counted the long way, with no cap: the answer the totals must give."""
    words = quote_words(text)
    big = 10**9
    return {
        "name": len(search_names(store, fold(text), 100_000)),
        "stance": len(store.stance_match_ids(words, big)),
        "claim": len(store.claim_match_ids(words, big)),
        "quote": count_quotes(store, policy.fts_query(words), 60.0) or 0,
    }


def quote_ids(page: SearchPage) -> list[int]:
    return [h.id for h in page.hits if h.kind == "quote"]


def test_quotes_page_past_the_ranking_limit_newest_first(synth: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(policy, "RANK_LIMIT", 20)  # as 2,000 is at a million quotes
    matches = every_result(synth, COMMON)["quote"]
    assert matches > 200
    deep = search_page(synth, COMMON, 150)
    assert len(deep.hits) == 150 and deep.more
    assert len(quote_ids(deep)) > policy.RANK_LIMIT + 1  # it used to stop at 21 quotes
    for counted in (None, matches):  # the CLI's path (no count) and the dialog's (counted beside the search)
        page = search_page(synth, COMMON, 120, counted=None if counted is None else (lambda n=counted: n))  # type: ignore[misc]
        assert [h.id for h in page.hits] == [h.id for h in deep.hits[:120]]  # each page starts the next one
    ids = quote_ids(deep)
    assert len(ids) == len(set(ids)) and ids == sorted(ids, reverse=True)  # newest (highest id) first


def test_the_status_line_total_is_every_result(synth: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(policy, "RANK_LIMIT", 20)
    counts = every_result(synth, WORD)
    page = search_page(synth, WORD, 30)
    quotes = count_quotes(synth, page.expression, 60.0)
    total, exact = result_count(page, quotes)
    assert exact and total == sum(counts.values())
    assert f"Showing 30 of {total:,}" in status_line(WORD, page, quotes).plain


def test_a_count_past_its_cap_is_a_bound_not_a_total(synth: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    counts = every_result(synth, WORD)
    cap = min(counts["stance"], counts["claim"]) - 1
    assert cap > 0
    monkeypatch.setattr(policy, "COUNT_CAP", cap)
    monkeypatch.setattr(search_hit, "COUNT_CAP", cap)
    page = search_page(synth, WORD, 5)
    assert "stance" not in page.counts and "claim" not in page.counts
    total, exact = result_count(page, count_quotes(synth, page.expression, 60.0))
    assert not exact and len(page.hits) < total <= sum(counts.values())
    line = status_line(WORD, page, count_quotes(synth, page.expression, 60.0)).plain
    assert f"over {cap:,} stances" in line and f"over {cap:,} claims" in line and f"at least {total:,}" in line
    assert f" {cap:,} claims" not in line.replace(f"over {cap:,} claims", "")
    # What the CLI reports: the same page counted in full, exactly.
    full = counted_in_full(synth, WORD, page)
    assert result_count(full, count_quotes(synth, page.expression, 60.0)) == (sum(counts.values()), True)


def test_the_last_page_the_dialog_loads_says_the_list_stops(synth: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(policy, "MAX_RESULTS", 40)
    monkeypatch.setattr(search_hit, "MAX_RESULTS", 40)
    page = search_page(synth, COMMON, 100)
    assert len(page.hits) == 40 and page.more
    line = status_line(COMMON, page, None).plain
    assert MORE_HINT not in line and "the list stops at 40" in line
    assert MORE_HINT in status_line(COMMON, search_page(synth, COMMON, 30), None).plain


def run_search(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "search", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize("query", ["the", "police"])  # "police": names fill the page, the dialog says "3+ names"
def test_the_cli_says_when_its_list_is_cut(events_db: Path, query: str) -> None:
    everything = run_search(query, "--limit", "10000", "--json", "--db", str(events_db))
    assert everything.returncode == 0 and everything.stderr == ""  # all of them: nothing to say
    total = len(json.loads(everything.stdout))
    assert total > 3
    cut = run_search(query, "--limit", "3", "--json", "--db", str(events_db))
    assert cut.returncode == 0 and len(json.loads(cut.stdout)) == 3  # stdout stays a plain list
    assert cut.stderr.strip() == f"events-tui: showing 3 of {total:,} results; --limit shows more (at most 10,000)"
    table = run_search(query, "--limit", "3", "--db", str(events_db))
    assert table.returncode == 0 and f"showing 3 of {total:,} results" in table.stderr


class StopOnSecondClock:
    """time.monotonic for tui.store, that raises KeyboardInterrupt once, when the count's progress handler first
    asks the time: as Ctrl+C lands while the CLI counts."""

    def __init__(self) -> None:
        self.calls = 0

    def monotonic(self) -> float:
        self.calls += 1
        if self.calls == 2:  # the first call sets the deadline
            raise KeyboardInterrupt
        return time.monotonic()


def test_ctrl_c_while_counting_is_a_stop_not_a_count_that_ran_out_of_time(
    synth: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = StopOnSecondClock()
    monkeypatch.setattr(store_module, "time", clock)
    monkeypatch.setattr(store_module, "COUNT_CHECK_STEPS", 50)  # a small database's count is a few thousand steps
    with pytest.raises(KeyboardInterrupt):
        synth.quote_match_total('"the"*', 10.0)  # sqlite3 reports the handler's exception as "interrupted"
    assert clock.calls >= 2
    monkeypatch.undo()
    assert synth.quote_match_total('"the"*', 10.0) == every_result(synth, COMMON)["quote"]  # still usable
