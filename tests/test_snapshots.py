"""SVG snapshots of the browser's screens at a fixed size (pytest-textual-snapshot).

Update the baselines with `pytest tests/test_snapshots.py --snapshot-update`, then look at the SVGs in
tests/__snapshots__/ before accepting them. Each screenshot is taken once workers have finished and with the
cursor blink off, so runs are identical.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import settle  # also stops cursors blinking: the picture must not depend on timing
from tui.app import EventsApp
from tui.models import Quote
from tui.store import Store, open_store
from tui.widgets.drill_list import DrillList

SIZE = (100, 32)


async def open_search(pilot: Pilot, text: str) -> None:
    await settle(pilot)
    await pilot.press("slash")
    await settle(pilot)
    await pilot.press(*text)
    await settle(pilot)


async def open_chicago(pilot: Pilot) -> None:
    await open_search(pilot, "chicago")
    await pilot.press("enter")
    await settle(pilot)


@pytest.fixture
def app_store(events_db: Path) -> Store:
    opened = open_store(events_db)
    yield opened
    opened.close()


class TestScreens:
    def test_main_screen(self, snap_compare, app_store: Store) -> None:
        assert snap_compare(EventsApp(app_store), run_before=settle, terminal_size=SIZE)

    def test_city_view_chicago(self, snap_compare, app_store: Store) -> None:
        assert snap_compare(EventsApp(app_store), run_before=open_chicago, terminal_size=SIZE)

    def test_source_view(self, snap_compare, app_store: Store) -> None:
        async def run_before(pilot: Pilot) -> None:
            await open_chicago(pilot)
            while not (isinstance(pilot.app.focused, DrillList) and isinstance(pilot.app.focused.highlighted, Quote)):
                await pilot.press("down")
            await pilot.press("enter")
            await settle(pilot)

        assert snap_compare(EventsApp(app_store), run_before=run_before, terminal_size=SIZE)

    def test_search_garcety(self, snap_compare, app_store: Store) -> None:
        async def run_before(pilot: Pilot) -> None:
            await open_search(pilot, "garcety")

        assert snap_compare(EventsApp(app_store), run_before=run_before, terminal_size=SIZE)

    def test_help(self, snap_compare, app_store: Store) -> None:
        async def run_before(pilot: Pilot) -> None:
            await settle(pilot)
            await pilot.press("question_mark")
            await settle(pilot)

        assert snap_compare(EventsApp(app_store), run_before=run_before, terminal_size=SIZE)
