"""A drill-down screen whose body is one scrolling column of headings, "not stated" lines and selectable rows.

The city and speaker screens share it: up/down and j/k move between the rows (never wrapping, so the ends are
felt), g/G jump to the first and last, and a heading or a "not stated" line is never a stop on the way. The
column is one `DrillList`; the screen's data is read in a thread started when the screen is made, and the first
frame waits for it a little (`FIRST_FRAME_WAIT`), so a screen whose read is quick opens complete in one frame.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content

from tui.screens.base import DrillScreen
from tui.widgets.drill_item import Entry
from tui.widgets.drill_list import DrillList

T = TypeVar("T")

# How long composing a screen may wait for its data before it shows "Loading…" instead. A city's view takes
# 5–33 ms to read at a million quotes; waiting for it beats painting "Loading…" and then everything again (two
# full frames). A slower read (a cold disk, a giant city) gets a worker, so the screen never freezes for long.
FIRST_FRAME_WAIT = 0.06


def heading(title: str) -> Entry:
    """A section title: 'Police stance on ICE', 'Mayor'."""
    return Entry("heading", Content(title))


def not_stated(sentence: str) -> Entry:
    """What a section shows when the sources say nothing for it, in words: never an empty box."""
    return Entry("note", Content(sentence))


LOADING = "Loading…"


class BackgroundRead(Generic[T]):
    """A read from the store, started in a thread at once, that the screen waits for as long as it can afford."""

    def __init__(self, read: Callable[[], T]) -> None:
        self.result: T | None = None
        self.error: Exception | None = None
        self._done = threading.Event()
        threading.Thread(target=self._run, args=(read,), daemon=True, name="drill-read").start()

    def _run(self, read: Callable[[], T]) -> None:
        try:
            self.result = read()
        except Exception as exc:  # noqa: BLE001 — handed to the screen, which shows it as one line
            self.error = exc
        finally:
            self._done.set()

    def wait(self, timeout: float | None) -> bool:
        """True once the read has finished (with a result or an error)."""
        return self._done.wait(timeout)


class RowsScreen(DrillScreen):
    """A drill screen made of rows; subclasses hand `#rows` their entries once their data has been read."""

    DEFAULT_CSS = """
    RowsScreen #rows {
        height: 1fr;
    }
    """
    BINDINGS = [
        Binding("down,j", "move(1)", "Next", show=False),
        Binding("up,k", "move(-1)", "Previous", show=False),
        Binding("home,g", "edge(0)", "First", show=False),
        Binding("end,G", "edge(-1)", "Last", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        yield DrillList(self.first_entries(), id="rows")

    def first_entries(self) -> list[Entry]:
        """What the column shows in the first frame; subclasses show their data if it has already been read."""
        return [not_stated(LOADING)]

    @property
    def rows(self) -> DrillList:
        return self.query_one("#rows", DrillList)

    def action_move(self, delta: int) -> None:
        self.rows.move(delta)

    def action_edge(self, index: int) -> None:
        self.rows.edge(last=index < 0)
