"""The main screen through the keyboard: what the panes show, how highlighting narrows, the keys, and scale.

Expected values come from the store (the same database the app reads), never typed in by hand.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static

from tests.conftest import plain_title, settle, terminal_text, wait_for
from tui.app import EventsApp
from tui.ingest.builder import atomic_database
from tui.models import City, Official, Quote
from tui.present import citation, one_line
from tui.screens.panes import CITY_COLUMNS, OFFICIAL_COLUMNS, city_row
from tui.search import fold
from tui.store import Store, open_store
from tui.widgets.lazy_list import PAGE_SIZE, LazyList
from tui.widgets.quote_detail import QuoteDetail
from tui.widgets.row_layout import column_widths, layout_row

SIZE = (100, 30)


def make_app(store: Store) -> EventsApp:
    app = EventsApp(store)
    app.animation_level = "none"
    return app


def screen_text(pilot: Pilot) -> str:
    """The characters on the terminal, as a user sees them."""
    return terminal_text(pilot.app)


def pane(pilot: Pilot, name: str) -> LazyList:
    return pilot.app.screen.query_one(f"#{name}", LazyList)


def pane_rows(lst: LazyList) -> list[str]:
    """The text of each painted row of a pane (what render_line gives the compositor)."""
    return [lst.render_line(y).text.rstrip() for y in range(lst.scrollable_content_region.height)]


def title(lst: LazyList) -> str:
    return plain_title(lst)


async def press_until(pilot: Pilot, key: str, done, limit: int = 100) -> None:
    for _ in range(limit):
        if done():
            return
        await pilot.press(key)
        await settle(pilot)
    raise AssertionError(f"pressing {key} {limit} times never got there")


async def test_panes_show_position_and_count(store: Store) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        # The cursors start on the "All" rows, which the counts leave out.
        assert title(pane(pilot, "cities")) == f"Cities all {store.city_count()}"
        assert title(pane(pilot, "officials")) == f"Officials all {store.official_count()}"
        assert title(pane(pilot, "quotes")) == f"Quotes 1 / {store.quote_count()}"
        text = screen_text(pilot)
        assert "All cities" in text and "All officials" in text
        for city in store.cities_page(0, 5):
            assert city.name in text
        # Every official is listed under "All cities", national figures included.
        national = [o for o in store.officials_page(None, 0, 100) if o.city_id is None]
        assert national, "the bundled article names national figures"
        assert all(o.name in text for o in national)
        await pilot.press("j", "j")
        await settle(pilot)
        assert title(pane(pilot, "cities")) == f"Cities 2 / {store.city_count()}"


async def test_highlighting_chicago_narrows_officials_and_quotes(store: Store) -> None:
    chicago = next(c for c in store.cities_page(0, 100) if c.name == "Chicago")
    lightfoot = store.officials_page(chicago.id, 0, 10)
    assert [o.name for o in lightfoot] == ["Lori Lightfoot"]
    async with make_app(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press_until(pilot, "j", lambda: pane(pilot, "cities").highlighted_item == chicago)
        officials = pane(pilot, "officials")
        assert officials.count == 2  # "All officials" and her
        assert pane_rows(officials)[1].startswith("Lori Lightfoot")
        assert title(officials) == "Officials all 1 · Chicago"
        quotes = pane(pilot, "quotes")
        expected = store.quotes_page(0, 100, city_id=chicago.id)
        assert quotes.count == len(expected) > 0
        shown = [row for row in pane_rows(quotes) if row]
        assert len(shown) == len(expected)
        assert all(row.startswith("Lori Lightfoot") for row in shown)
        # The detail area shows the highlighted quote in full.
        assert expected[0].text[:40] in screen_text(pilot).replace("\n", " ").replace("│", "")
        # Passing through Officials changes nothing; highlighting an official narrows Quotes to them.
        await pilot.press("tab")
        await settle(pilot)
        assert title(quotes).endswith("· Chicago")
        await pilot.press("j")
        await settle(pilot)
        assert title(quotes).endswith("· Lori Lightfoot")
        assert quotes.count == store.quote_count(official_id=lightfoot[0].id)


async def test_the_quote_box_wraps_every_quote_at_one_width(store: Store) -> None:
    """A quote in its sentence that overflows the box wraps at the same width as one that fits: with a scrollbar
    that came and went, the overflowing one was painted at the full width and then wrapped again a frame later
    (the (d) PageUp drill took two frames)."""
    async with make_app(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab")  # the Quotes pane, all cities
        await settle(pilot)
        detail = pilot.app.screen.query_one(QuoteDetail)
        seen: list[tuple[bool, int]] = []  # (overflows the box, width the words wrap at), quote by quote
        for _ in range(store.quote_count()):
            await pilot.press("j")
            await settle(pilot)
            overflows = detail.virtual_size.height > detail.scrollable_content_region.height
            seen.append((overflows, detail.query_one(Static).size.width))
        assert {overflows for overflows, _width in seen} == {True, False}, "the bundled quotes have both kinds"
        assert len({width for _overflows, width in seen}) == 1


DRILL_MODULES = ["tui.screens.city", "tui.screens.source", "tui.screens.speaker"]
# Run in a fresh interpreter: this test module has imported every screen already.
IMPORTS_AROUND_THE_FIRST_FRAME = """
import asyncio, json, sys
from textual import app as textual_app
from tui.app import EventsApp
from tui.store import open_store

drills, at_first_frame = sys.argv[2:], []
display = textual_app.App._display

def spy(app, screen, update):
    if update is not None and not at_first_frame:
        at_first_frame.append(sorted(m for m in drills if m in sys.modules))
    return display(app, screen, update)

textual_app.App._display = spy

async def main():
    async with EventsApp(open_store(sys.argv[1])).run_test(size=(100, 30)) as pilot:
        for _ in range(40):
            await pilot.pause(0.05)
        print(json.dumps([at_first_frame[0], sorted(m for m in drills if m in sys.modules)]))

asyncio.run(main())
"""


def test_the_drill_screens_are_imported_after_the_first_frame_not_on_the_first_enter(events_db: Path) -> None:
    """Importing the city screen took 4-6 ms of the first city's frame; start-up must not pay for it either."""
    ran = subprocess.run(
        [sys.executable, "-c", IMPORTS_AROUND_THE_FIRST_FRAME, str(events_db), *DRILL_MODULES],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ran.returncode == 0, ran.stderr
    at_first_frame, later = json.loads(ran.stdout.splitlines()[-1])
    assert at_first_frame == []
    assert later == DRILL_MODULES


async def test_city_without_quotes_says_so(store: Store) -> None:
    silent = [c for c in store.cities_page(0, 100) if store.quote_count(city_id=c.id) == 0]
    assert silent, "the bundled article names a city with no quotes (Houston)"
    async with make_app(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await press_until(pilot, "j", lambda: pane(pilot, "cities").highlighted_item == silent[0])
        assert f"No quotes from {silent[0].name} in the sources" in screen_text(pilot)


async def test_g_G_j_k_move_the_cursor(store: Store) -> None:
    total = store.city_count() + 1
    async with make_app(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        cities = pane(pilot, "cities")
        await pilot.press("G")
        await settle(pilot)
        assert cities.cursor == total - 1
        assert cities.highlighted_item == store.cities_page(total - 2, 1)[0]
        assert title(cities).endswith(f"{total - 1} / {total - 1}")
        await pilot.press("k")
        assert cities.cursor == total - 2
        await pilot.press("g")
        assert cities.cursor == 0
        await pilot.press("k")  # already at the top: stays
        assert cities.cursor == 0
        await pilot.press("j", "down")
        await settle(pilot)
        assert cities.cursor == 2
        assert cities.highlighted_item == store.cities_page(1, 1)[0]


async def test_enter_opens_city_official_and_source_and_escape_returns(store: Store) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "CityScreen"
        assert "Cities › " + store.cities_page(0, 1)[0].name in screen_text(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "MainScreen"

        await pilot.press("g", "tab", "j", "enter")  # Officials: the first of all officials
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "SpeakerScreen"
        await pilot.press("backspace")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "MainScreen"

        await pilot.press("tab", "enter")  # Quotes
        await pilot.pause()
        screen = pilot.app.screen
        assert type(screen).__name__ == "SourceScreen"
        assert "Source" in screen_text(pilot).splitlines()[0]
        await pilot.press("escape")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "MainScreen"
        await pilot.press("escape")  # the bottom screen stays
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "MainScreen"


async def test_enter_on_quote_opens_its_excerpt(store: Store) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab")
        await settle(pilot)
        quote = pane(pilot, "quotes").highlighted_item
        assert isinstance(quote, Quote)
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert (screen.source_id, screen.start, screen.end) == (
            quote.excerpt.source_id,
            quote.excerpt.start,
            quote.excerpt.end,
        )


async def test_help_lists_the_keys_and_escape_closes_it(store: Store) -> None:
    from tui.screens.help import HelpScreen, key_groups
    from tui.screens.main import MainScreen

    async with make_app(store).run_test(size=(100, 60)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(pilot.app.screen, HelpScreen)
        text = screen_text(pilot)
        # Generated from the bindings: every key of the main screen and the lists is there, with what it does.
        flat = " ".join(text.replace("│", " ").split())  # a long explanation wraps onto the next line
        for binding in [*MainScreen.BINDINGS, *LazyList.BINDINGS]:
            explanation = binding.tooltip or binding.description
            assert explanation in flat, f"{binding.key}: {explanation!r} is not in help"
        assert any(title == "Main screen" for title, _rows in key_groups())
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(pilot.app.screen, MainScreen)


async def test_q_quits(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.return_code is None  # still running: the check below can fail
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0  # the app is on its way out
    assert app.return_code == 0


async def test_c_copies_the_highlighted_quote_as_a_citation(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "j")
        await settle(pilot)
        quote = pane(pilot, "quotes").highlighted_item
        assert quote == store.quotes_page(1, 1)[0]
        await pilot.press("c")
        await pilot.pause()
        # The citation carries the sentence around the quote (issue 11, item 8) and is shown in a dialog.
        assert app.clipboard == citation(quote, store.sentence_around(quote.excerpt))
        assert quote.text in app.clipboard
        assert type(app.screen).__name__ == "CitationScreen"


async def test_resizing_small_and_large_does_not_crash(store: Store) -> None:
    async with make_app(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for width, height in ((40, 12), (200, 60), (20, 6), (80, 24)):
            await pilot.resize_terminal(width, height)
            await settle(pilot)
            await pilot.press("j", "tab", "j")
            await settle(pilot)
            assert pilot.app.screen.size == (width, height)
        assert "Cities" in screen_text(pilot)


# --- a database of thousands of rows, and hostile text -----------------------------------------------

HOSTILE_CITY = "[bold]Ev\x1b[31mil[/b] 東京😀 City"


def big_database(path: Path, cities: int, officials_per_city: int, quotes_per_official: int) -> Path:
    """A schema-valid database built with the real builder's atomic writer, rows inserted directly."""
    text = "x" * 100
    with atomic_database(path) as db:
        db["sources"].insert({"id": 1, "slug": "synthetic", "text": text})
        db["cities"].insert_all(
            {"id": i, "slug": f"city-{i}", "name": name, "sort_key": fold(name), "source_id": 1, "start": 0, "end": 1}
            for i, name in ((i, HOSTILE_CITY if i == 1 else f"City {i:06d}") for i in range(1, cities + 1))
        )  # fmt: skip
        officials = [
            {"id": c * officials_per_city + k, "slug": f"o-{c}-{k}", "name": f"Official {c}-{k}",
             "sort_key": fold(f"Official {c}-{k}"), "title": "Mayor",
             "city_id": c, "jurisdiction": "city", "source_id": 1, "start": 0, "end": 1}
            for c in range(1, cities + 1) for k in range(officials_per_city)
        ]  # fmt: skip
        db["officials"].insert_all(officials)
        db["quotes"].insert_all(
            {"slug": f"q-{o['id']}-{n}", "official_id": o["id"], "speaker": o["name"], "city_id": o["city_id"],
             "text": f"quote {n} by {o['name']}", "date": f"2019-06-{1 + n % 28:02d}", "date_precision": "day",
             "source_id": 1, "start": 0, "end": 5}
            for o in officials for n in range(quotes_per_official)
        )  # fmt: skip
    return path


@pytest.fixture(scope="module")
def big_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return big_database(tmp_path_factory.mktemp("big") / "big.db", 3000, 2, 2)


async def test_thousands_of_rows_mount_no_widget_per_row(big_db: Path) -> None:
    store = open_store(big_db)
    try:
        assert store.city_count() == 3000 and store.quote_count() == 12000
        async with make_app(store).run_test(size=SIZE) as pilot:
            await settle(pilot)
            widgets = list(pilot.app.screen.query(Widget))
            assert len(widgets) < 60, f"{len(widgets)} widgets: one per row?"
            cities = pane(pilot, "cities")
            assert cities.count == 3001  # and "All cities"
            # Only pages near the viewport are read, never the whole table.
            assert len(cities._data.pages) * PAGE_SIZE < 3000
            await pilot.press("G")
            await settle(pilot)
            last = store.cities_page(2999, 1)[0]
            assert cities.highlighted_item == last
            assert one_line(last.name) in screen_text(pilot)
            await pilot.press("pageup", "k")
            await settle(pilot)
            height = cities.scrollable_content_region.height
            assert cities.cursor == 3000 - (height - 1) - 1
            assert len(cities._data.pages) * PAGE_SIZE < 3000
    finally:
        store.close()


async def test_database_text_is_shown_literally(big_db: Path) -> None:
    store = open_store(big_db)
    try:
        async with make_app(store).run_test(size=(160, 30)) as pilot:
            await settle(pilot)
            await pilot.press("j")  # sorted by fold(name), 'bold ev…' comes before 'city…': it is the first city
            await settle(pilot)
            cities = pane(pilot, "cities")
            city = cities.highlighted_item
            assert isinstance(city, City) and city.name == HOSTILE_CITY
            row = pane_rows(cities)[cities.cursor - round(cities.scroll_offset.y)]
            # Markup is not parsed and the escape is made visible instead of obeyed.
            assert row.startswith("[bold]Ev␛[3")
            assert "\x1b" not in screen_text(pilot)
            # Wide characters are cropped by cells: every row fills the pane exactly, no more.
            width = cities.scrollable_content_region.width
            for y in range(cities.scrollable_content_region.height):
                assert cities.render_line(y).cell_length == width
            for narrow in range(1, 40):
                assert layout_row(city_row(city), CITY_COLUMNS, narrow).cell_len == narrow
            official = store.officials_page(city.id, 0, 1)[0]
            assert isinstance(official, Official)
            await pilot.press("enter")
            await pilot.pause()
            first_line = screen_text(pilot).splitlines()[0]
            assert "Cities › [bold]Ev␛[31mil[/b] 東京😀 City" in first_line
    finally:
        store.close()


def test_big_database_is_never_written(big_db: Path) -> None:
    """The store's connection is read-only: the UI cannot write even by mistake."""
    store = open_store(big_db)
    try:
        with pytest.raises(sqlite3.OperationalError):
            store.conn.execute("DELETE FROM cities")
    finally:
        store.close()


# --- search, palette and mouse: the app's side of them ------------------------------------------------


async def test_slash_search_then_enter_opens_the_speaker(store: Store) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "SearchScreen"
        await pilot.press(*"lightfoot")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        screen = pilot.app.screen
        assert type(screen).__name__ == "SpeakerScreen"
        await settle(pilot)
        assert "Lori Lightfoot" in screen_text(pilot).splitlines()[0]  # the breadcrumb
        await pilot.press("escape")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "MainScreen"


async def test_command_palette_finds_a_name_despite_a_typo(store: Store) -> None:
    from textual.command import CommandPalette

    garcetti = next(o for o in store.officials_page(None, 0, 100) if o.name == "Eric Garcetti")
    async with make_app(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(pilot.app.screen, CommandPalette)
        await pilot.press(*"garcety")
        await wait_for(pilot, lambda: garcetti.name in screen_text(pilot))  # the palette searches in its own tasks
        assert garcetti.name in screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "SpeakerScreen"
        await settle(pilot)
        assert f"Cities › {garcetti.name}" in screen_text(pilot).splitlines()[0]


async def test_mouse_click_highlights_and_double_click_opens(store: Store) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        cities = pane(pilot, "cities")
        # offset is from the pane's corner: row 2 of the content is y = 1 (border) + 2.
        await pilot.click("#cities", offset=(3, 3))
        await settle(pilot)
        assert cities.cursor == 2
        assert cities.highlighted_item == store.cities_page(1, 1)[0]
        await pilot.click("#cities", offset=(3, 3), times=2)
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "CityScreen"


async def test_a_city_opened_from_search_is_highlighted_back_on_the_main_screen(store: Store) -> None:
    chicago = next(c for c in store.cities_page(0, 100) if c.name == "Chicago")
    async with make_app(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        await settle(pilot)
        await pilot.press(*"chicago")
        await settle(pilot)
        main = pilot.app.screen_stack[0]
        await pilot.press("enter")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "CityScreen"
        # Not while the city's screen opens over it: the panes are narrowed when the main screen shows again.
        assert main.query_one("#cities", LazyList).cursor == 0
        await pilot.press("escape")
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "MainScreen"
        assert pane(pilot, "cities").highlighted_item == chicago
        assert title(pane(pilot, "officials")).endswith("· Chicago")


# --- the first frame and a jump are complete at once: indexed reads, no worker round trip ----------------


def record_reads(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record every read the panes make: (the Store method, the name of the thread it ran on).

    A read slower than SLOW_READ_SECONDS sends the list's later reads to workers (tested in test_lazy_list); on a
    busy test machine a small read can take that long, so these tests of the fast path raise the bar.
    """
    from tui.widgets import row_pages

    monkeypatch.setattr(row_pages, "SLOW_READ_SECONDS", 5.0)
    seen: list[tuple[str, str]] = []

    def recording(name: str, read: Callable[..., object]) -> Callable[..., object]:
        def recorded(*args: object, **kwargs: object) -> object:
            seen.append((name, threading.current_thread().name))
            return read(*args, **kwargs)

        return recorded

    for name in ("city_count", "cities_page", "official_count", "officials_page", "quote_count", "quotes_page"):
        monkeypatch.setattr(store, name, recording(name, getattr(store, name)))
    return seen


# Where a read may run without a worker round trip: on the event loop, or in the thread that reads the counts behind
# "All cities" while the screen is built (PrefetchedCount).
NO_ROUND_TRIP = {threading.main_thread().name, "prefetch-count"}


async def test_start_up_reads_the_first_rows_without_workers(big_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(big_db)
    try:
        reads = record_reads(store, monkeypatch)
        async with make_app(store).run_test(size=SIZE) as pilot:
            await settle(pilot)
            # A count and a page per pane, all before the first frame.
            assert sorted(name for name, _thread in reads) == sorted(
                ["city_count", "cities_page", "official_count", "officials_page", "quote_count", "quotes_page"]
            )
            assert {thread for _name, thread in reads} <= NO_ROUND_TRIP
            assert all(thread == threading.main_thread().name for name, thread in reads if name.endswith("_page"))
            text = screen_text(pilot)
            assert "Loading…" not in text
            # The detail shows the first quote inside its sentence (issue 11, item 8): its words are all there.
            detail = pilot.app.screen.query_one(QuoteDetail)
            first = store.quotes_page(0, 1)[0]
            assert detail.quote == first
            assert first.text in detail.query_one(Static).visual.plain
    finally:
        store.close()


async def test_g_narrows_every_pane_in_the_same_call(big_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(big_db)
    try:
        reads = record_reads(store, monkeypatch)
        async with make_app(store).run_test(size=SIZE) as pilot:
            await settle(pilot)
            reads.clear()
            await pilot.press("G")
            await settle(pilot)
            # The cursor's page and both narrowed panes were read as the key was handled, not in workers.
            assert reads and {thread for _name, thread in reads} == {threading.main_thread().name}
            last = store.cities_page(store.city_count() - 1, 1)[0]
            assert pane(pilot, "cities").highlighted_item == last
            officials = pane(pilot, "officials")
            assert title(officials).endswith(f"· {last.name}")
            assert officials.count == store.official_count(last.id) + 1
            assert pane(pilot, "quotes").count == store.quote_count(city_id=last.id)
    finally:
        store.close()


# --- the footer ---------------------------------------------------------------------------------------


def footer_text(pilot: Pilot) -> str:
    return screen_text(pilot).splitlines()[-1]


async def test_footer_shows_the_focused_panes_keys_and_a_click_presses_one(store: Store) -> None:
    async with make_app(store).run_test(size=SIZE) as pilot:
        await settle(pilot)
        footer = footer_text(pilot)
        for keys in ("g Top", "G End", "⏎ Open", "tab Pane", "c Copy", "q Quit", "? Help", "/ Search", "^p palette"):
            assert keys in footer
        await pilot.press("tab", "tab", "tab")  # the detail area: no list keys
        await settle(pilot)
        footer = footer_text(pilot)
        assert "G End" not in footer and "? Help" in footer
        column = footer.index("/ Search")
        await pilot.click("KeyFooter", offset=(column + 1, 0))
        await settle(pilot)
        assert type(pilot.app.screen).__name__ == "SearchScreen"


# --- keys the trial found missing ---------------------------------------------------------------------


async def test_q_quits_from_help(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen" and app.return_code is None
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0


async def test_help_lists_enter_and_c_where_they_work(store: Store) -> None:
    from tui.screens.help import key_groups

    groups = dict(key_groups())
    rows = groups["On a row of the city and speaker screens"]
    keys = [keys for keys, _what in rows]
    assert keys.count("Enter") >= 2 and "c" in keys  # open the article / a speaker's statements; copy
    assert ("Enter", "Open the highlighted result") in groups["Search (/)"]
    assert {"j", "k", "g", "G"} <= {keys for keys, _what in groups["Source screen"]}
    async with make_app(store).run_test(size=(100, 80)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        flat = " ".join(screen_text(pilot).replace("│", " ").split())
        assert "Show the article with this passage highlighted" in flat
        assert "Open the highlighted result" in flat


async def test_enter_on_all_cities_says_why_it_opens_nothing(store: Store) -> None:
    from tui.screens.panes import ALL_CITIES_ENTER, ALL_OFFICIALS_ENTER

    app = make_app(store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        cities = pane(pilot, "cities")
        assert cities.cursor == 0 and cities.has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen" and cities.has_focus  # nothing moved behind the user's back
        assert ALL_CITIES_ENTER[:40] in " ".join(screen_text(pilot).replace("│", " ").replace("▎", " ").split())
        await pilot.press("tab", "enter")
        await settle(pilot)
        assert pane(pilot, "officials").has_focus and type(app.screen).__name__ == "MainScreen"
        assert ALL_OFFICIALS_ENTER[:30] in " ".join(screen_text(pilot).replace("│", " ").replace("▎", " ").split())


async def test_a_quote_opened_from_search_is_highlighted_on_return(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # A quote that is not the first row anywhere, so landing on it is not an accident of defaults.
        quotes = store.quotes_page(0, 100)
        target = next(q for q in quotes[3:] if q.city_id is not None and len(q.text.split()) > 4)
        await pilot.press("slash")
        await settle(pilot)
        word = max((w for w in target.text.split() if w.isalpha()), key=len)
        await pilot.press(*word)
        await settle(pilot)
        hits = app.screen.hits
        index = next(i for i, h in enumerate(hits) if h.kind == "quote" and h.id == target.id)
        results = app.screen.results
        while results.highlighted is None or results.get_option_at_index(results.highlighted).id != str(index):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        assert type(app.screen).__name__ == "SourceScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"
        assert pane(pilot, "quotes").highlighted_item == target
        assert pane(pilot, "cities").highlighted_item.id == target.city_id


# --- small terminals: nothing important cut ----------------------------------------------------------------


async def test_small_terminals_keep_names_whole_and_the_quote_box(store: Store) -> None:
    cities = [c.name for c in store.cities_page(0, 100)]
    officials = [o.name for o in store.officials_page(None, 0, 100)]
    first_quote = store.quotes_page(0, 1)[0]
    async with make_app(store).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = screen_text(pilot)
        # Side by side at 80 columns: every city with its badge, every official's full name up to the 17 cells the
        # Officials pane has for it (a longer one ends in "…": cut, and saying so), the quote box.
        assert all(name in text for name in cities), text
        officials_pane = pane(pilot, "officials")
        room = column_widths(OFFICIAL_COLUMNS, officials_pane.scrollable_content_region.width)[0]
        assert room >= 15  # "Lori Lightfoot", "Bill de Blasio" (it was 13 before the breakpoints)
        rows = pane_rows(officials_pane)[1:]  # under "All officials", in the store's order
        shown = list(zip(officials, [row for row in rows if row], strict=False))
        assert len(shown) >= 10
        for name, row in shown:
            assert row.startswith(name if len(name) <= room else name[: room - 1] + "…"), (name, row)
        assert sum(len(name) <= room for name, _row in shown) >= 8  # most names are whole, or this proves little
        assert "refuses" in text and "Quote" in text and first_quote.text[:30] in text.replace("\n", " ")
        await pilot.resize_terminal(40, 12)
        await settle(pilot)
        # Below 80 columns one pane at a time, the whole width; Tab walks the panes and shows each in turn.
        for pane_name, label in (("cities", "Cities"), ("officials", "Officials"), ("quotes", "Quotes")):
            shown = [lst.id for lst in pilot.app.screen.query(LazyList) if lst.display]
            assert shown == [pane_name] and pane(pilot, pane_name).has_focus
            assert pane(pilot, pane_name).outer_size.width == 40
            text = screen_text(pilot)
            assert f"╭─ {label}" in text
            assert "╭─ Quote ─" in text and "“" in text  # the quote box stays, with the quote's first words
            assert "? Help" in text.splitlines()[-1] and "q Quit" in text.splitlines()[-1]
            await pilot.press("tab")
            await settle(pilot)
        assert pilot.app.focused.id == "detail"  # after the panes, the quote box (the last pane stays shown)
        await pilot.press("tab")
        await settle(pilot)
        assert pilot.app.focused.id == "cities"


async def test_a_wide_quotes_pane_shows_whole_speaker_names(store: Store) -> None:
    speakers = {q.speaker for q in store.quotes_page(0, 100)}
    async with make_app(store).run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        rows = pane_rows(pane(pilot, "quotes"))
        longest = max((s for s in speakers if len(s) <= 20), key=len)  # "Justice Department" and the like
        assert any(row.startswith(longest) for row in rows), rows
        assert len(longest) > 14  # longer than the old fixed column, else this proves nothing
