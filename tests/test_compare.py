"""Compare cities (issue 11, item 6): the store's rows and orders, `events-tui compare`, and the view on `C`.

Expected values come from the store's other reads (city_view, stances_for_city, quote_count), never typed in.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tests.test_app_main import big_db, settle  # noqa: F401 — big_db is a fixture used below
from tests.test_cli import events_tui
from tui.app import EventsApp
from tui.models import POSITIONS, CityComparison
from tui.present import compare_json, stance_json, stance_look
from tui.store import COMPARE_KINDS, COMPARE_SORTS, Store, _tally, open_store
from tui.widgets.lazy_list import LazyList

RANK = {p: n for n, p in enumerate(POSITIONS)}


def run_cli(*args: str) -> tuple[int, str, str]:
    """The real entry point in a process of its own: (exit code, stdout, stderr)."""
    done = events_tui(*args)
    return done.returncode, done.stdout, done.stderr


def expected_row(store: Store, city_id: int) -> dict[str, object]:
    """What a compare row must say, read through the city's own page."""
    view = store.city_view(city_id)
    assert view is not None
    stances = store.stances_for_city(city_id)
    quotes = store.quotes_page(0, 10_000, city_id=city_id)
    dated = [(q.date, q.date_precision) for q in quotes if q.date] + [
        (s.date, s.date_precision) for s in stances if s.date
    ]
    shown = {}
    for kind in COMPARE_KINDS:
        of_kind = sorted((s for s in stances if s.kind == kind), key=lambda s: (RANK[s.position], s.id))
        shown[kind] = of_kind[0].position if of_kind else None
    return {
        "police": shown["police"],
        "city policy": shown["city policy"],
        "state law": shown["state law"],
        "mayor": view.mayor.name if view.mayor else None,
        "statements": store.quote_count(city_id=city_id),
        "sources": len({q.source.id for q in quotes} | {s.source.id for s in stances}),
        "latest": max(dated)[0] if dated else None,
    }


def position(tally: object) -> str | None:
    return tally.stance.position if tally is not None else None  # type: ignore[attr-defined]


def test_every_row_says_what_the_city_page_says(store: Store) -> None:
    ids = store.compare_order("city")
    assert len(ids) == store.city_count()
    rows = store.compare_rows(ids)
    assert [r.city.id for r in rows] == ids == [c.id for c in store.cities_page(0, 1000)]
    for row in rows:
        want = expected_row(store, row.city.id)
        got = {
            "police": position(row.police),
            "city policy": position(row.city_policy),
            "state law": position(row.state_law),
            "mayor": row.mayor.name if row.mayor else None,
            "statements": row.statements,
            "sources": row.sources,
            "latest": row.latest,
        }
        assert got == want, row.city.name


def test_the_bundled_cities_at_a_glance(store: Store) -> None:
    # The facts the issue names, as the article states them: Miami's state law, Oakland's city policy; a city with
    # nothing stated reads "not stated" in every column.
    rows = {r.city.name: r for r in store.compare_rows(store.compare_order("city"))}
    assert position(rows["Miami"].state_law) == "mandated" and rows["Miami"].police is None
    assert rows["Miami"].latest_precision == "week"
    assert position(rows["Oakland"].city_policy) == "unclear"
    silent = [r for r in rows.values() if not store.stances_for_city(r.city.id)]
    assert silent, "the bundled data has a city with no stance (New York, Newark)"
    for row in silent:
        assert (row.police, row.city_policy, row.state_law) == (None, None, None)
    refusing = {
        c.name for c in store.cities_page(0, 1000)
        if any(s.kind == "police" and s.position == "refuses" for s in store.stances_for_city(c.id))
    }  # fmt: skip
    assert {n for n, r in rows.items() if position(r.police) == "refuses"} == refusing
    assert {"Chicago", "Los Angeles", "San Francisco"} <= refusing


@pytest.mark.parametrize("sort", COMPARE_SORTS)
def test_each_sort_orders_by_what_it_says(store: Store, sort: str) -> None:
    rows = store.compare_rows(store.compare_order(sort))
    assert len(rows) == store.city_count()
    if sort == "police":
        keys = [RANK.get(position(r.police) or "", 9) for r in rows]
        assert keys == sorted(keys)
    elif sort == "statements":
        counts = [r.statements for r in rows]
        assert counts == sorted(counts, reverse=True)
    elif sort == "latest":
        dates = [r.latest for r in rows]
        dated = [d for d in dates if d]
        assert dates[: len(dated)] == sorted(dated, reverse=True)  # dated first, newest first; undated last
    with pytest.raises(ValueError):
        store.compare_order("nonsense")


@pytest.mark.parametrize("stance", POSITIONS)
def test_the_filter_keeps_exactly_the_cities_holding_that_stance(store: Store, stance: str) -> None:
    kept = set(store.compare_order("city", stance))
    holding = {
        c.id
        for c in store.cities_page(0, 1000)
        if any(s.position == stance and s.kind in COMPARE_KINDS for s in store.stances_for_city(c.id))
    }
    assert kept == holding


def test_sources_that_disagree_are_counted_and_never_hidden(store: Store) -> None:
    refuses = next(r.police.stance for r in store.compare_rows(store.compare_order("city")) if r.police)
    other_source = replace(refuses.source, id=999, slug="another")
    cooperates = replace(refuses, id=500, position="cooperates", source=other_source)
    again = replace(refuses, id=501, source=other_source)
    tally = _tally([cooperates, refuses, again], "police")
    assert tally is not None
    assert tally.stance.position == "refuses"  # as the Cities badge picks it
    assert tally.sources == 2  # two articles state the refusal
    assert tally.others == ("cooperates",)
    assert _tally([cooperates], "state law") is None


def test_compare_json_shape(events_db: Path, store: Store) -> None:
    code, out, err = run_cli("--db", str(events_db), "compare", "--json")
    assert code == 0, err
    rows = json.loads(out)
    by_city = {r.city.name: r for r in store.compare_rows(store.compare_order("city"))}
    assert [r["city"] for r in rows] == list(by_city)
    for row in rows:
        assert set(row) >= {"city", "state", "police", "city_policy", "state_law", "mayor", "statements", "sources",
                            "latest"}  # fmt: skip
        model: CityComparison = by_city[row["city"]]
        assert row == compare_json(model)
        for key, tally in (
            ("police", model.police),
            ("city_policy", model.city_policy),
            ("state_law", model.state_law),
        ):
            if tally is None:
                assert row[key] is None
            else:
                assert row[key] == {**stance_json(tally.stance, model.city.name), "sources": tally.sources,
                                    "other_positions": list(tally.others)}  # fmt: skip


def test_compare_command_sorts_filters_and_says_not_stated(events_db: Path, store: Store) -> None:
    code, out, _err = run_cli("--db", str(events_db), "compare", "--sort", "police")
    assert code == 0
    lines = [line for line in out.splitlines() if line.strip()]
    first_rows = [r.city.name for r in store.compare_rows(store.compare_order("police"))]
    body = [line for line in lines if any(line.startswith(name) for name in first_rows)]
    assert [next(n for n in first_rows if line.startswith(n)) for line in body] == first_rows
    assert "not stated" in out
    for position_name in POSITIONS:
        assert stance_look(position_name).legend in " ".join(out.split())  # the legend, one vocabulary
    for stance in POSITIONS:
        code, out, err = run_cli("--db", str(events_db), "compare", "--stance", stance, "--json")
        wanted = [r.city.name for r in store.compare_rows(store.compare_order("city", stance))]
        assert [r["city"] for r in json.loads(out)] == wanted
        assert code == (0 if wanted else 1), err
        if not wanted:
            assert f"no city with a {stance} stance" in err
    assert "Miami" in [r.city.name for r in store.compare_rows(store.compare_order("city", "mandated"))]
    code, _out, err = run_cli("--db", str(events_db), "compare", "--sort", "size")
    assert code == 2 and err.count("\n") == 1


async def test_the_view_opens_on_C_sorts_filters_and_opens_a_city(store: Store) -> None:
    app = EventsApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("C")
        await settle(pilot)
        screen = app.screen
        assert type(screen).__name__ == "CompareScreen"
        rows = screen.query_one(LazyList)
        assert rows.count == store.city_count()
        text = "\n".join(strip.text for strip in screen._compositor.render_strips())
        assert "Houston" in text and "not stated" in text
        for position_name in POSITIONS:
            assert position_name in text  # the legend names every stance
        await pilot.press("s")  # by police stance
        await settle(pilot)
        assert [rows._data.pages.row(i)[1].city.id for i in range(rows.count or 0)] == store.compare_order("police")
        await pilot.press("f")  # only cities with a refusal
        await settle(pilot)
        assert rows.count == len(store.compare_order("police", "refuses"))
        chosen = rows.highlighted_item
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "CityScreen" and app.screen.city_id == chosen.city.id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and rows.highlighted_item == chosen


async def test_the_view_reads_a_screenful_of_a_big_database(big_db: Path) -> None:  # noqa: F811
    store = open_store(big_db)
    try:
        async with EventsApp(store).run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("C")
            await settle(pilot)
            rows = pilot.app.screen.query_one(LazyList)
            assert rows.count == store.city_count() == 3000
            assert len(rows._data.pages) * 64 < 3000  # pages near the viewport only
            await pilot.press("G")
            await settle(pilot)
            assert rows.highlighted_item.city.id == store.compare_order("city")[-1]
    finally:
        store.close()


def test_help_lists_the_compare_key() -> None:
    from tui.screens.help import key_groups

    groups = dict(key_groups())
    assert any(keys == "C" and "Compare" in what for keys, what in groups["Main screen"])
    assert {"s", "f"} <= {keys for keys, _what in groups["Compare cities (C)"]}


async def test_the_palette_offers_the_compare_view(store: Store) -> None:
    app = EventsApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"compare")
        for _ in range(20):
            await settle(pilot)
            await pilot.pause(0.05)
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "CompareScreen"


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (120, 40)])
async def test_hostile_text_in_the_compare_view_and_the_citation_dialog(
    hostile_db: Path, size: tuple[int, int]
) -> None:
    from tests.test_faults_render import screen_text

    store = open_store(hostile_db)
    try:
        app = EventsApp(store)
        async with app.run_test(size=size) as pilot:
            await settle(pilot)
            await pilot.press("C")
            await settle(pilot)
            text = screen_text(app)  # every line fills the width; no control character reaches the terminal
            assert "Compare" in text
            for key in ("s", "s", "s", "f", "G"):
                await pilot.press(key)
                await settle(pilot)
                screen_text(app)
            await pilot.press("escape")
            await settle(pilot)
            await pilot.press("tab", "tab", "c")  # cite the first quote: the dialog shows the citation literally
            await settle(pilot)
            assert type(app.screen).__name__ == "CitationScreen"
            screen_text(app)
    finally:
        store.close()
