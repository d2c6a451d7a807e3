"""The browser on a database that fails under it: another program's write lock, a quote whose source row is gone.

Real databases, real failures (no monkeypatching): a second sqlite3 connection holds `BEGIN EXCLUSIVE` for longer
than the store's half-second busy timeout, and a copy has its source row deleted with foreign keys off. Searching
with `/` and opening a city or a source must show one line in the UI and leave the app running.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import settle, terminal_text, wait_for
from tui.app import EventsApp
from tui.screens.city import CityScreen
from tui.screens.main import MainScreen
from tui.screens.search import SearchScreen
from tui.screens.source import SourceScreen
from tui.screens.speaker import SpeakerScreen
from tui.store import Store, open_store
from tui.widgets.drill_list import DrillList
from tui.widgets.lazy_list import LazyList

SIZE = (110, 32)
LOCKED = "the database is locked"
DANGLING = "is named by another row"  # short enough not to be wrapped in a notification


def make_app(store: Store) -> EventsApp:
    app = EventsApp(store)
    app.animation_level = "none"
    return app


def notifications(app: EventsApp) -> list[str]:
    return app.read_failures


@pytest.fixture
def copy_db(events_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "events.db"
    shutil.copyfile(events_db, target)
    return target


@pytest.fixture
def dangling_store(copy_db: Path) -> Iterator[Store]:
    """A copy whose quotes and stances point at a source row that is no longer there."""
    conn = sqlite3.connect(copy_db)
    conn.execute("PRAGMA foreign_keys = OFF")
    # The article Chicago's quotes come from, so the city screen and a search of their words reach the gap.
    (source_id,) = conn.execute(
        "SELECT q.source_id FROM quotes q JOIN cities c ON c.id = q.city_id WHERE c.name = 'Chicago' LIMIT 1"
    ).fetchone()
    conn.execute("DELETE FROM sources WHERE id = ?", (source_id,))
    conn.commit()
    conn.close()
    store = open_store(copy_db)
    yield store
    store.close()


class WriteLock:
    """Another program's write transaction on `path`, held until released (longer than any busy timeout)."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(path, timeout=0, isolation_level=None)

    def __enter__(self) -> WriteLock:
        self.conn.execute("BEGIN EXCLUSIVE")
        return self

    def __exit__(self, *_exc: object) -> None:
        self.conn.execute("ROLLBACK")
        self.conn.close()


async def search_for(pilot: Pilot, text: str) -> None:
    await pilot.press("slash")
    await settle(pilot)
    await pilot.press(*text)
    await settle(pilot)


async def test_search_while_another_program_holds_a_write_lock(copy_db: Path) -> None:
    store = open_store(copy_db)
    try:
        app = make_app(store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await settle(pilot)
            with WriteLock(copy_db):
                await search_for(pilot, "chicago")
                assert isinstance(app.screen, SearchScreen)  # the dialog is still open, the app still running
                assert LOCKED in terminal_text(app)  # in the dialog's status line
                assert any(LOCKED in n for n in notifications(app))
                assert "Could not read the database" in terminal_text(app)  # the notification's title
                await pilot.press("escape")
                await settle(pilot)
            # The lock is gone: the same search now works.
            app.clear_notifications()
            await search_for(pilot, "chicago")
            assert "Enter opens" in terminal_text(app) and LOCKED not in terminal_text(app)
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, CityScreen)
            await pilot.press("q")
            await pilot.pause()
        assert app.return_code == 0
    finally:
        store.close()


async def test_opening_a_city_and_a_source_while_locked(copy_db: Path) -> None:
    store = open_store(copy_db)
    chicago = next(c for c in store.cities_page(0, 100) if c.name == "Chicago")
    try:
        app = make_app(store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await settle(pilot)
            quote = store.quotes_page(0, 1, city_id=chicago.id)[0]
            with WriteLock(copy_db):
                app.open_city(chicago.id)
                await settle(pilot)
                assert isinstance(app.screen, CityScreen)
                text = terminal_text(app)
                assert "Loading…" not in text and LOCKED in text  # the error in place of "Loading…"
                await pilot.press("escape")
                await settle(pilot)
                app.open_speaker(official_id=quote.official_id)
                await settle(pilot)
                assert isinstance(app.screen, SpeakerScreen)
                text = terminal_text(app)
                assert "Loading…" not in text and LOCKED in text
                assert "not in the database" not in text  # it could not be read: that is not "there is none"
                await pilot.press("escape")
                await settle(pilot)
                app.open_source(quote.excerpt.source_id, quote.excerpt.start, quote.excerpt.end)
                await settle(pilot)
                assert isinstance(app.screen, SourceScreen)
                assert "could not be read from the database" in terminal_text(app)
                assert any(LOCKED in n for n in notifications(app))
                await pilot.press("escape")
                await settle(pilot)
            assert isinstance(app.screen, MainScreen)
            app.clear_notifications()
            app.open_city(chicago.id)
            await settle(pilot)
            assert "Chicago" in terminal_text(app) and LOCKED not in terminal_text(app)
    finally:
        store.close()


async def test_a_dangling_source_id_is_one_line_in_search_city_and_source(dangling_store: Store) -> None:
    chicago = next(c for c in dangling_store.cities_page(0, 100) if c.name == "Chicago")
    app = make_app(dangling_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        # The main screen's Quotes pane says why it is empty (a notification says it too), and the detail under
        # it does not wait for a quote that will not come.
        quotes = app.screen.query_one("#quotes", LazyList)
        assert quotes.error is not None and DANGLING in quotes.error
        assert DANGLING in terminal_text(app)
        assert "Loading…" not in terminal_text(app)
        app.clear_notifications()
        # A word of one of the quotes whose article is gone: the search reads that quote, and fails on it.
        quote_text = dangling_store.conn.execute(
            "SELECT q.text FROM quotes q JOIN cities c ON c.id = q.city_id WHERE c.name = 'Chicago' LIMIT 1"
        ).fetchone()[0]
        await search_for(pilot, max((w for w in quote_text.split() if w.isalpha()), key=len).lower())
        assert isinstance(app.screen, SearchScreen)
        assert DANGLING in terminal_text(app)
        await pilot.press("escape")
        await settle(pilot)
        app.open_city(chicago.id)
        await settle(pilot)
        assert isinstance(app.screen, CityScreen)
        assert DANGLING in terminal_text(app) and "Loading…" not in terminal_text(app)
        assert app.screen.query_one(DrillList).entries  # the screen is drawn and answers keys
        await pilot.press("escape")
        await settle(pilot)
        app.open_source(999_999, 0, 1)  # a source id no row has
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        assert "could not be read from the database" in terminal_text(app)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_palette_says_when_its_search_could_not_read_the_database(copy_db: Path) -> None:
    # Textual's command palette only logs a provider's exception, so a failed read used to look like "no matches".
    from textual.command import CommandPalette

    store = open_store(copy_db)
    try:
        app = make_app(store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await settle(pilot)
            with WriteLock(copy_db):
                await pilot.press("ctrl+p")
                await pilot.pause()
                assert isinstance(app.screen, CommandPalette)
                await pilot.press(*"chicago")
                await wait_for(pilot, lambda: "Could not search" in terminal_text(app))  # the palette's own tasks
                assert "Could not search" in terminal_text(app) and LOCKED in terminal_text(app)
                assert any(LOCKED in n for n in notifications(app))
                await pilot.press("escape")
                await pilot.pause()
            assert app.is_running
    finally:
        store.close()
