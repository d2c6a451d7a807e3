"""What a closed screen leaves behind: a long session (a reporter's afternoon of searches) must not grow the app.

Counted as Textual's painted lines (`Strip`) still alive after a collection, a number the leak moves by hundreds per
dialog; memory in bytes is measured in the benchmark, not here.
"""

from __future__ import annotations

import gc

from textual.pilot import Pilot
from textual.strip import Strip

from tests.conftest import settle
from tui.app import EventsApp
from tui.screens.search import SearchScreen
from tui.store import Store


def painted_lines_alive() -> int:
    gc.collect()
    return sum(isinstance(thing, Strip) for thing in gc.get_objects())


async def search_and_close(pilot: Pilot, text: str) -> None:
    await pilot.press("slash")
    await settle(pilot)
    assert isinstance(pilot.app.screen, SearchScreen)
    for key in text:
        await pilot.press(key)
    await settle(pilot)
    await pilot.pause(0.05)  # the results are painted, not only read
    await pilot.press("escape")
    await settle(pilot)
    assert not isinstance(pilot.app.screen, SearchScreen)


async def test_closed_search_dialogs_leave_their_painted_lines_behind_no_longer(store: Store) -> None:
    # Each dialog painted ~300 lines that a Textual cache kept alive after it closed (400 KiB each).
    app = EventsApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        for _ in range(2):  # Textual's own caches of colours and styles fill on the first dialogs
            await search_and_close(pilot, "garcia")
        before = painted_lines_alive()
        for _ in range(6):
            await search_and_close(pilot, "garcia")
        grown = painted_lines_alive() - before
    # Six more dialogs used to keep about 1,800 more lines; a few per dialog are Textual's bounded caches filling.
    assert grown < 150, f"{grown} painted lines still alive after six more search dialogs"


async def test_closed_drill_screens_leave_nothing_growing(store: Store) -> None:
    app = EventsApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("down")  # the first city, not "All cities"
        await settle(pilot)

        async def open_and_close() -> None:
            await pilot.press("enter")
            await settle(pilot)
            assert app.screen is not app.get_default_screen()
            await pilot.press("escape")
            await settle(pilot)

        for _ in range(2):
            await open_and_close()
        before = painted_lines_alive()
        for _ in range(6):
            await open_and_close()
        grown = painted_lines_alive() - before
    assert grown < 100, f"{grown} painted lines still alive after six more city screens"
