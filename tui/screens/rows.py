"""A drill-down screen whose body is one scrolling column of headings, "not stated" lines and selectable rows.

The city and speaker screens share it: up/down and j/k move between the rows (never wrapping, so the ends are
felt), g/G jump to the first and last, and a heading or a "not stated" line is never a stop on the way.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.screens.base import DrillScreen
from tui.widgets.drill_item import focusable_rows


class Heading(Static):
    """A section title: 'Police stance on ICE', 'Mayor'."""

    DEFAULT_CSS = """
    Heading {
        margin: 1 0 0 0;
        padding: 0 1;
        text-style: bold;
        color: $text-accent;
    }
    """

    def __init__(self, title: str) -> None:
        super().__init__(Content(title))


class NotStated(Static):
    """What a section shows when the sources say nothing for it, in words: never an empty box."""

    DEFAULT_CSS = """
    NotStated {
        padding: 0 1 0 2;
        margin: 0 0 1 0;
        color: $text-muted;
        text-style: italic;
    }
    """

    def __init__(self, sentence: str) -> None:
        super().__init__(Content(sentence))


class RowColumn(VerticalScroll, inherit_bindings=False):
    """The scrolling column of rows. It lets up/down/home/end through to the screen, which moves between rows
    rather than scrolling by lines; Page Up/Down still scroll."""

    BINDINGS = [
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
    ]


class RowsScreen(DrillScreen):
    """A drill screen made of rows; subclasses fill `#rows` once their data has been read."""

    DEFAULT_CSS = """
    RowsScreen #rows {
        height: 1fr;
        padding: 0 1;
    }
    RowsScreen #title {
        padding: 1 1 0 1;
    }
    """
    BINDINGS = [
        Binding("down,j", "move(1)", "Next", show=False),
        Binding("up,k", "move(-1)", "Previous", show=False),
        Binding("home,g", "edge(0)", "First", show=False),
        Binding("end,G", "edge(-1)", "Last", show=False),
    ]

    def compose_body(self) -> ComposeResult:
        # The column itself takes no focus: focus always sits on a row, so its keys are the footer's keys.
        with RowColumn(id="rows", can_focus=False):
            yield Static(id="title")
            yield NotStated("Loading…")

    @property
    def rows(self) -> RowColumn:
        return self.query_one("#rows", RowColumn)

    def action_move(self, delta: int) -> None:
        items = focusable_rows(self.rows)
        if not items:
            return
        current = items.index(self.focused) if self.focused in items else (-1 if delta > 0 else len(items))
        self._land(items, max(0, min(len(items) - 1, current + delta)))

    def action_edge(self, index: int) -> None:
        items = focusable_rows(self.rows)
        if items:
            self._land(items, index % len(items))

    def land_on_first_row(self) -> None:
        """Focus the first row once freshly mounted rows have been laid out (their places are unknown before)."""
        self.call_after_refresh(self.action_edge, 0)

    def _land(self, items: list, index: int) -> None:
        items[index].focus()
        if index == 0:
            # The first row's headings and the screen title sit above it; show them too.
            self.call_after_refresh(self.rows.scroll_home, animate=False)
        elif index == len(items) - 1:
            self.call_after_refresh(self.rows.scroll_end, animate=False)
