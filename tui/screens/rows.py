"""A drill-down screen whose body is one scrolling column of headings, "not stated" lines and selectable rows.

The city and speaker screens share it: up/down and j/k move between the rows (never wrapping, so the ends are
felt), g/G jump to the first and last, and a heading or a "not stated" line is never a stop on the way. The
column is one `DrillList`; the screen's data is read in a thread started when the screen is made, and the first
frame waits for it a little (`FIRST_FRAME_WAIT`), so a screen whose read is quick opens complete in one frame.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content

from tui.screens.base import DrillScreen
from tui.widgets.drill_item import Entry
from tui.widgets.drill_list import DrillList

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


class RowsScreen(DrillScreen):
    """A drill screen made of rows; subclasses hand `#rows` their entries once their data has been read."""

    CSS_PATH = "rows.tcss"
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

    def show_failure(self, line: str) -> None:
        """A read failed (the app has shown it as a notification too): the line takes the place of "Loading…"."""
        rows = self.rows
        kept = [entry for entry in rows.entries if entry.kind == "title"]
        rows.show([*kept, not_stated(f"Could not read this from the database. {line}")])

    @property
    def rows(self) -> DrillList:
        return self.query_one("#rows", DrillList)

    def action_move(self, delta: int) -> None:
        self.rows.move(delta)

    def action_edge(self, index: int) -> None:
        self.rows.edge(last=index < 0)
