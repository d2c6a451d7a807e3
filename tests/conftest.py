"""Shared fixtures: databases built by the real builder into tmp_path, never the committed file by hand."""

from __future__ import annotations

import argparse
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.app import App
from textual.content import Content
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget

from tui.ingest.builder import build
from tui.ingest.synth import synthesize
from tui.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"
BUNDLED_DB = ROOT / "data" / "events.db"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def dump(path: Path) -> list[str]:
    """A database's whole content as SQL statements, to compare two builds."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def make_synth_db(out: Path, *, cities: int, officials: int, quotes: int, sources: int, seed: int) -> Path:
    """A synthetic database at `out`, made by the real `events-tui synth`: for tests that need more rows than the
    articles hold."""
    synthesize(
        argparse.Namespace(cities=cities, officials=officials, quotes=quotes, sources=sources, seed=seed, out=out)
    )
    return out


def build_from(sources: Path, out: Path) -> Path:
    """Build `out` from an annotated sources folder with the real builder."""
    build(sources, out)
    return out


@pytest.fixture(scope="session")
def events_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh build of the bundled sources (the same content as data/events.db, a test proves it)."""
    return build_from(SOURCES, tmp_path_factory.mktemp("events") / "events.db")


@pytest.fixture
def store(events_db: Path) -> Store:
    opened = open_store(events_db)
    yield opened
    opened.close()


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled sources, for tests that break them on purpose."""
    target = tmp_path / "sources"
    shutil.copytree(SOURCES, target)
    return target


HOSTILE_SOURCES = FIXTURES / "hostile"


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The deliberately hostile article (Rich markup, ANSI escapes, control characters, a 500-letter word, a
    2,000-character quote, CJK, emoji, right-to-left text) built by the real builder."""
    return build_from(HOSTILE_SOURCES, tmp_path_factory.mktemp("hostile") / "events.db")


# --- the app under test: one way to wait for it and one way to read what it shows --------------------------------


async def settle(pilot: Pilot, rounds: int = 100) -> None:
    """Wait until the app is idle: every worker done, every list's rows arrived, the messages they sent handled.

    A highlight can start another list's read, so this loops until nothing is left. Text cursors stop blinking, so
    what is on screen does not depend on when it is looked at. Fails (never hangs) if the app never gets there.
    """
    from textual.widgets import Input
    from textual.worker import WorkerFailed

    from tui.widgets.lazy_list import LazyList

    app = pilot.app
    for _ in range(rounds):
        for field in app.screen.query(Input):
            field.cursor_blink = False
        try:
            await app.workers.wait_for_complete()
        except WorkerFailed:
            pass  # the app's own handler shows it; the test looks at what the user sees
        await pilot.pause()
        if not app.workers and not any(lst.loading_data for lst in app.screen.query(LazyList)):
            return
    raise AssertionError(f"the app was still busy after {rounds} rounds: {list(app.workers)}")


async def wait_for(pilot: Pilot, shown: Callable[[], bool], tries: int = 200) -> None:
    """Poll until `shown()` holds, for what `settle` cannot see: the command palette gathers its hits in asyncio
    tasks of its own, not workers. Returns after `tries` pauses of 50 ms either way; the caller asserts."""
    for _ in range(tries):
        if shown():
            return
        await pilot.pause(0.05)


def terminal_lines(app: App[object]) -> list[Strip]:
    """The lines of the terminal as the user sees them (the active screen, dialogs and toasts included).

    The one place the tests reach into Textual: 8.2.8 has no public call for the characters on screen, and this is
    the call its own `export_screenshot` makes.
    """
    return list(app.screen._compositor.render_strips())


def terminal_text(app: App[object]) -> str:
    return "\n".join(strip.text for strip in terminal_lines(app))


def plain_title(widget: Widget) -> str:
    """A widget's border title as plain text (Textual hands it out as markup)."""
    return Content.from_markup(widget.border_title).plain if widget.border_title else ""
