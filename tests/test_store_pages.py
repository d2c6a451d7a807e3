"""The Cities pane's pages: the same rows whichever end of the list they are picked from.

The expected rows are the whole list read in one page from its start, sliced; never typed in by hand.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import make_synth_db
from tui import store as store_module
from tui.store import Store, open_store


@pytest.fixture(scope="module")
def cities_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    out = tmp_path_factory.mktemp("pages") / "synth.db"
    make_synth_db(out, cities=300, officials=400, quotes=800, sources=5, seed=3)
    opened = open_store(out)
    yield opened
    opened.close()


@pytest.fixture
def reversed_early(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages past row 20 (not 1,000) may be read from the end, so a 300-city list exercises both ways."""
    monkeypatch.setattr(store_module, "REVERSED_PAGE_OFFSET", 20)


@pytest.mark.usefixtures("reversed_early")
def test_every_page_of_cities_is_the_slice_of_the_whole_list(cities_store: Store) -> None:
    total = cities_store.city_count()
    whole = cities_store.cities_page(0, total + 10)
    assert len(whole) == total == 300
    for offset in [*range(0, total + 5, 7), total - 1, total, total + 1, total // 2, total // 2 + 1]:
        for limit in (1, 5, 64):
            assert cities_store.cities_page(offset, limit) == whole[offset : offset + limit], (offset, limit)


@pytest.mark.usefixtures("reversed_early")
def test_the_last_page_of_cities_skips_no_rows_to_get_there(cities_store: Store) -> None:
    """G on the Cities pane: OFFSET walked every city before the last page (0.5-3 ms at 50,000 cities)."""
    statements: list[str] = []
    cities_store.conn.set_trace_callback(statements.append)
    try:
        total = cities_store.city_count()
        last = cities_store.cities_page(total - 64, 64)
    finally:
        cities_store.conn.set_trace_callback(None)
    assert len(last) == 64
    offsets = [int(n) for statement in statements for n in re.findall(r"OFFSET (\d+)", statement)]
    assert offsets and max(offsets) == 0
