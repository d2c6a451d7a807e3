"""Search finds what the articles say, counts it and reaches all of it (issue 11 item 10, issue 10 items 4 and 11).

Expected hits come from tui.search on the same database; screens are driven through the keyboard.
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from rich.console import Console
from textual import events
from textual.widgets import Input

from tests.conftest import build_from, wait_for
from tests.test_app_main import big_db, settle  # noqa: F401 — big_db is a fixture used below
from tui import search as search_module
from tui.app import EventsApp
from tui.models import SearchHit
from tui.present import hit_json
from tui.screens import search as screen_module
from tui.screens.search import PAGE, SearchScreen
from tui.search import MAX_QUERY_CHARS, match_spans, quote_words, search, search_page
from tui.store import Store, open_store
from tui.widgets.search_hit import INDENT, hit_prompt

T = TypeVar("T")


def test_sanctuary_finds_the_stances_and_the_words_of_the_article(store: Store) -> None:
    hits = search(store, "sanctuary", 30)
    stances = [h for h in hits if h.kind == "stance"]
    assert stances, hits
    for hit in stances:
        stance = store.stance(hit.id)
        assert stance is not None and "sanctuary" in (stance.evidence + (stance.summary or "")).lower()
    # Every stance whose words hold it is found, none missed.
    every = [s for s in store.iter_stances() if "sanctuary" in f"{s.holder} {s.summary} {s.evidence}".lower()]
    assert {h.id for h in stances} == {s.id for s in every}
    assert {hit_json(h)["kind"] for h in hits} <= {"city", "official", "organization", "stance", "claim", "quote"}


def test_a_figure_is_found_by_its_words(store: Store) -> None:
    hits = search(store, "removal orders", 30)
    claims = [h for h in hits if h.kind == "claim"]
    assert [h.name for h in claims] == ["at least 12,780 removal orders"]
    claim = store.claim(claims[0].id)
    assert claim is not None and claim.evidence == claims[0].snippet


def test_words_match_at_the_start_of_a_word_only(store: Store) -> None:
    # 'anctuary' is inside 'sanctuary' but starts no word: as for quotes, nothing.
    assert not [h for h in search(store, "anctuary", 30) if h.kind in ("stance", "claim")]


@pytest.fixture(scope="module")
def alias_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sources with an alias written with stops, as an article may write Los Angeles ('L.A.')."""
    import shutil

    from tests.conftest import SOURCES

    folder = tmp_path_factory.mktemp("alias") / "sources"
    shutil.copytree(SOURCES, folder)
    toml = folder / "2019-06-22-ice-raids.toml"
    text = toml.read_text(encoding="utf-8")
    text = text.replace('name = "Los Angeles"\n', 'name = "Los Angeles"\naliases = ["L.A."]\n', 1)
    toml.write_text(text, encoding="utf-8")
    return build_from(folder, folder.parent / "events.db")


@pytest.mark.parametrize("typed", ["LA", "la", "L.A.", "l.a"])
def test_an_alias_written_with_stops_is_found_exactly(alias_db: Path, typed: str) -> None:
    store = open_store(alias_db)
    try:
        first = search(store, typed, 30)[0]
        assert (first.kind, first.name) == ("city", "Los Angeles"), typed
    finally:
        store.close()


def test_match_spans_fold_case_accents_and_punctuation() -> None:
    text = "São Paulo's Sanctuary-city; sanctuaries"
    spans = match_spans(text, ["sao", "sanctuar"])
    assert [text[a:b] for a, b in spans] == ["São", "Sanctuar", "sanctuar"]
    assert match_spans("cities", ["ties"]) == []  # inside a word: not a match


def test_a_wrapped_result_keeps_its_indent() -> None:
    hit = SearchHit("quote", 1, "Someone", "word " * 60)
    visual = hit_prompt(hit, ["word"])
    console = Console(width=60)
    strips = visual.render_strips(60, None, _style(), _options(console))
    assert len(strips) > 3
    assert strips[0].text.startswith("quote")
    for strip in strips[1:]:
        assert strip.text.startswith(" " * INDENT) and strip.text[INDENT] != " "


def _style():  # type: ignore[no-untyped-def]
    from textual.style import Style

    return Style()


def _options(console: Console):  # type: ignore[no-untyped-def]
    from textual.visual import RenderOptions

    return RenderOptions(lambda _key: None, {}, None)


def test_the_page_knows_whether_more_are_left(big_db: Path) -> None:  # noqa: F811
    store = open_store(big_db)
    try:
        page = search_page(store, "quote", PAGE)
        assert len(page.hits) == PAGE and page.more
        bigger = search_page(store, "quote", 2 * PAGE)
        assert bigger.hits[:PAGE] == page.hits  # a next page extends, never reorders
        quotes = store.quote_match_total(page.expression or "", 5.0)
        assert quotes == store.count_quote_matches(page.expression or "", 10**9)
    finally:
        store.close()


async def test_the_status_gives_the_total_and_the_end_loads_more(big_db: Path) -> None:  # noqa: F811
    store = open_store(big_db)
    try:
        app = EventsApp(store)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("slash")
            await settle(pilot)
            await pilot.press(*"quote")
            await _searched(pilot)
            dialog = app.screen
            assert isinstance(dialog, SearchScreen)
            assert len(dialog.hits) == PAGE
            total = store.count_quote_matches('"quote"*', 10**9)
            status = str(dialog.query_one("#search-status").visual)
            assert f"{total:,}" in status and "Showing 30" in status, status
            await pilot.press("end")
            await _searched(pilot)
            assert len(dialog.hits) == 2 * PAGE
            assert dialog.hits[:PAGE] == search(store, "quote", PAGE)
            highlighted = dialog.results.highlighted_option
            assert highlighted is not None and int(highlighted.id or 0) == PAGE - 1  # the cursor stayed put
            for _ in range(2 * PAGE):
                await pilot.press("down")
            await _searched(pilot)
            assert len(dialog.hits) >= 3 * PAGE
    finally:
        store.close()


async def _searched(pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the dialog shows the answer to what is in the box (its worker loops until then)."""
    dialog = pilot.app.screen
    for _ in range(200):
        await settle(pilot)
        if dialog._shown == (dialog.text, dialog.limit) and not dialog._busy:
            return
    raise AssertionError("the search never finished")


async def test_a_burst_of_keys_runs_a_few_searches_not_one_per_key(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def slow_search(
        store: Store, text: str, limit: int, quotes: bool = True, max_scan: int | None = None, counted=None
    ):  # type: ignore[no-untyped-def]
        calls.append(text)
        time.sleep(0.05)  # a slow database: keys arrive faster than searches finish
        return search_page(store, text, limit, quotes, max_scan, counted)

    monkeypatch.setattr(screen_module, "search_page", slow_search)
    app = EventsApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        typed = "sanctuary cities in the state " * 3
        box = app.screen.query_one(Input)
        for char in typed:  # as a terminal sends a paste without bracketed paste: keys, all at once
            box.post_message(events.Key(char if char != " " else "space", char))
        await _searched(pilot)
        dialog = app.screen
        assert dialog.text == typed
        assert calls[-1] == typed  # the last search is of the whole text
        assert len(calls) < len(typed) / 2, len(calls)
        assert dialog.hits == search(store, typed, PAGE)


async def test_the_box_keeps_what_search_reads_and_a_long_paste_is_cut_not_lost(store: Store) -> None:
    app = EventsApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        box = app.screen.query_one(Input)
        box.post_message(events.Paste("sanctuary " * 1000 + "\nsecond line"))
        await _searched(pilot)
        assert box.value == ("sanctuary " * 1000)[:MAX_QUERY_CHARS]
        await pilot.press(*"abc")  # beyond the limit: refused, nothing else happens
        await settle(pilot)
        assert len(box.value) == MAX_QUERY_CHARS


async def test_search_leaves_garbage_collection_on(store: Store) -> None:
    assert gc.isenabled()
    app = EventsApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"chicago")
        await _searched(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert gc.isenabled()


def record_collections(monkeypatch: pytest.MonkeyPatch, note: Callable[[], T]) -> list[T]:
    """Make every `gc.collect()` call note `note()` in the list returned (and still collect); the dialog's wait
    before collecting is shortened to 0.05 s."""
    noted: list[T] = []
    collect = gc.collect

    def recorded(*args: int) -> int:
        noted.append(note())
        return collect(*args)

    monkeypatch.setattr(gc, "collect", recorded)
    monkeypatch.setattr(screen_module, "IDLE_COLLECT_DELAY", 0.05)
    return noted


async def test_search_collects_garbage_once_typing_pauses(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Left to itself, Python's full collection (tens of ms late in a session) lands on a keystroke or on the
    Enter that opens a result; the dialog collects while the user reads the results instead, with collection
    on all along."""
    collections = record_collections(monkeypatch, gc.isenabled)
    app = EventsApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"chicago")
        await _searched(pilot)
        await wait_for(pilot, lambda: bool(collections))  # the timer's wait, however slow the machine
        assert collections and all(collections)


async def test_a_stance_result_opens_the_article_at_its_evidence(store: Store) -> None:
    app = EventsApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"sanctuary")
        await _searched(pilot)
        dialog = app.screen
        first = dialog.hits[0]
        assert first.kind == "stance"
        await pilot.press("enter")
        await settle(pilot)
        stance = store.stance(first.id)
        assert stance is not None
        assert (app.screen.start, app.screen.end) == (stance.excerpt.start, stance.excerpt.end)


def test_the_dialog_leaves_out_unindexed_big_tables_and_says_so(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(type(store), "row_count", lambda self, table: 10**6)
    page = search_page(store, "sanctuary", PAGE, max_scan=10_000)
    assert page.skipped == ("stances", "claims")
    assert not [h for h in page.hits if h.kind in ("stance", "claim")]
    line = str(screen_module.status_line("sanctuary", page, page.quote_matches))
    assert "not searched" in line
    assert search_module.search(store, "sanctuary", PAGE)[0].kind == "stance"  # the command line still scans


def test_quote_words_are_what_is_highlighted() -> None:
    assert quote_words("Sanctuary, cities!") == ["sanctuary", "cities"]
    assert threading.current_thread() is threading.main_thread()


async def test_keys_typed_in_a_burst_right_after_slash_land_in_the_box(store: Store) -> None:
    # A terminal delivers "/garcety" typed fast (or pasted without bracketed paste) as one read: the letters were
    # routed to the main screen's list before the search opened, and were lost (the box read "" and found nothing).
    app = EventsApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        for key, character in [("slash", "/"), *((c, c) for c in "garcety")]:
            app.post_message(events.Key(key, character))  # as the driver posts them: no wait between keys
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SearchScreen)
        assert dialog.text == "garcety"
        assert dialog.hits and dialog.hits[0].name == "Eric Garcetti", dialog.hits[:3]
        # Quitting, copying and the main screen's other letters did nothing on the way: the app still runs here.
        assert app.is_running


async def test_the_status_line_changes_without_laying_the_dialog_out_again(store: Store) -> None:
    """Its size is fixed (one row, the box's width); a layout of the whole dialog for each new total cost 5-8 ms a
    keystroke. The line still shows each new total, on its one row."""
    app = EventsApp(store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SearchScreen)
        status = dialog.query_one("#search-status")
        layouts: list[bool] = []
        refresh = status.refresh

        def recorded(*args: object, layout: bool = False, **kwargs: object):  # type: ignore[no-untyped-def]
            layouts.append(layout)
            return refresh(*args, layout=layout, **kwargs)  # type: ignore[arg-type]

        status.refresh = recorded  # type: ignore[method-assign]
        lines = []
        for text in ("p", "po", "pol", "poli"):
            await pilot.press(text[-1])
            await _searched(pilot)
            lines.append(str(status.visual))
        assert layouts and not any(layouts)
        assert len(set(lines)) > 1 and all(line.strip() for line in lines), lines
        assert status.size.height == 1


async def test_search_collects_garbage_when_it_opens_before_the_first_key(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the session allocated before the dialog opened set off Python's full collection on the first key's
    results; the dialog collects while the user starts typing instead."""
    app = EventsApp(store)
    collections = record_collections(
        monkeypatch, lambda: app.screen.query_one(Input).value if isinstance(app.screen, SearchScreen) else ""
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        await wait_for(pilot, lambda: bool(collections))  # the timer's wait, however slow the machine
        assert isinstance(app.screen, SearchScreen)
        assert collections and collections[0] == ""  # before any key was typed
        assert gc.isenabled()
