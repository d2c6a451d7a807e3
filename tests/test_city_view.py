"""`Store.city_view`, read in a few statements however many speakers a city has, gives what each speaker's own
pages give; and the city screen reads only the statements its rows show.

Expected values come from the store's per-speaker reads (`quotes_page`, `quote_count`), never typed in by hand.
"""

from __future__ import annotations

import pytest

from tests.conftest import make_synth_db, settle
from tui.app import EventsApp
from tui.models import CityView
from tui.screens.city import STATEMENTS_PER_SPEAKER, CityScreen
from tui.store import CITY_QUOTES_LIMIT, Store, open_store


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    """Cities of up to 9 officials, some with a hundred quotes, organisations with dozens."""
    out = tmp_path_factory.mktemp("city-view") / "synth.db"
    make_synth_db(out, cities=200, officials=500, quotes=3000, sources=20, seed=7)
    opened = open_store(out)
    yield opened
    opened.close()


def busiest_cities(store: Store, n: int) -> list[int]:
    """The cities with the most officials (the synthetic generator makes low ids the big ones)."""
    ids = [city.id for city in store.cities_page(0, store.city_count())]
    return sorted(ids, key=lambda city_id: -store.official_count(city_id))[:n]


def check_view(store: Store, view: CityView, quotes_each: int) -> None:
    if view.mayor is not None:
        assert view.statements == tuple(store.quotes_page(0, CITY_QUOTES_LIMIT, official_id=view.mayor.id))
        assert view.quotes_total(view.mayor, len(view.statements)) == store.quote_count(official_id=view.mayor.id)
    for official, quotes in view.others:
        assert quotes == tuple(store.quotes_page(0, quotes_each, official_id=official.id))
        assert view.quotes_total(official, len(quotes)) == store.quote_count(official_id=official.id)
    for organization, quotes in view.organizations:
        assert quotes == tuple(store.quotes_page(0, quotes_each, organization_id=organization.id))
        assert view.quotes_total(organization, len(quotes)) == store.quote_count(organization_id=organization.id)


@pytest.mark.parametrize("quotes_each", [CITY_QUOTES_LIMIT, STATEMENTS_PER_SPEAKER, 1])
def test_city_view_gives_each_speakers_latest_quotes_and_totals(synth_store: Store, quotes_each: int) -> None:
    cities = busiest_cities(synth_store, 12)
    views = [synth_store.city_view(city_id, quotes_each=quotes_each) for city_id in cities]
    assert all(view is not None for view in views)
    # The data exercises the cut: some speaker has more quotes than are read.
    counts = [view.quotes_total(o, len(q)) for view in views if view for o, q in (*view.others, *view.organizations)]
    assert max(counts) > quotes_each or quotes_each == CITY_QUOTES_LIMIT
    for view in views:
        assert view is not None
        check_view(synth_store, view, quotes_each)


def test_city_view_reads_a_city_in_statements_that_do_not_grow_with_its_speakers(synth_store: Store) -> None:
    """One page and one count per speaker was 4 ms for a 160-official city and 12 ms for a 300-official one."""
    for source in synth_store.sources():
        synth_store.source(source.id)  # the articles' rows are read once and kept: not what is counted here
    statements: list[str] = []
    synth_store.conn.set_trace_callback(statements.append)
    try:
        read = {}
        for city_id in busiest_cities(synth_store, 60):
            statements.clear()
            view = synth_store.city_view(city_id, quotes_each=STATEMENTS_PER_SPEAKER)
            assert view is not None
            read[len(view.others) + len(view.organizations)] = len(statements)
    finally:
        synth_store.conn.set_trace_callback(None)
    assert max(read) - min(read) >= 4, "cities with many speakers and with few"
    assert max(read.values()) <= 10
    assert read[max(read)] <= read[min(read)] + 1  # at most the mayor's own page more


async def test_the_city_screen_reads_only_the_statements_its_rows_show(synth_store: Store) -> None:
    # A city where a speaker other than the mayor said more than their rows show.
    city_id = next(
        view.city.id
        for view in map(synth_store.city_view, busiest_cities(synth_store, 30))
        if view and any(len(quotes) > STATEMENTS_PER_SPEAKER for _official, quotes in view.others[:15])
    )
    app = EventsApp(synth_store)
    app.animation_level = "none"
    async with app.run_test(size=(100, 32)) as pilot:
        await settle(pilot)
        app.open_city(city_id)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CityScreen) and screen.view is not None
        speakers = [*screen.view.others, *screen.view.organizations]
        assert speakers and all(len(quotes) <= STATEMENTS_PER_SPEAKER for _speaker, quotes in speakers)
        # What is left out is still counted: "N more statements" for every speaker with more.
        lines = [entry.content.plain for entry in screen.rows.entries]
        for speaker, quotes in speakers:
            total = screen.view.quotes_total(speaker, len(quotes))
            if total > STATEMENTS_PER_SPEAKER and speaker in [u for u, _q in screen.view.others[:15]]:
                assert f"{total - STATEMENTS_PER_SPEAKER} more statements: Enter on the name above shows them all" in (
                    lines
                )
        assert any("more statements" in line for line in lines), "the city has a speaker with more than 5"
