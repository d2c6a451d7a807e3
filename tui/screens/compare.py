"""The compare view (`C` on the main screen): every city on one line — police stance, city policy, state law,
mayor, how many statements and sources, the latest date — sortable and filterable by stance.

The at-a-glance answer to "which cities refuse to cooperate, and on whose word". Built like the Cities pane: a
`LazyList` paints only the visible rows and reads them a page at a time in thread workers, so 50,000 cities cost
what a screenful costs. The order for a sort and filter is read once (20-500 ms at 50,000 cities, in a worker)
and kept; a page of rows is then a few queries by id. What the sources do not state reads "not stated".
"""

from __future__ import annotations

import threading

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from tui.models import POSITIONS, CityComparison, StanceTally
from tui.present import COMPARE_MARKS, NOT_STATED_SHORT, date_label, stance_look, tally_label
from tui.screens.base import DrillScreen
from tui.store import COMPARE_SORTS, Store
from tui.widgets.lazy_list import LazyList
from tui.widgets.row_layout import Column, cell, layout_row

# City, state, police, city policy, state law, mayor, statements, sources, latest. A narrow terminal drops the
# state first, then the latest date, the mayor, the sources ("on whose word" outlasts who the mayor is), the state
# law and the city policy.
COLUMNS = (
    Column(min_width=12),
    Column(12, drop=9),
    Column(12),
    Column(12, drop=4),
    Column(12, drop=5),
    Column(16, drop=7),
    Column(6, justify="right", drop=3),
    Column(7, justify="right", drop=6),
    Column(18, drop=8),
)
HEADINGS = ("City", "State", "Police", "City policy", "State law", "Mayor", "Quotes", "Sources", "Latest")
SORT_LABELS = {"city": "city name", "police": "police stance", "statements": "most quotes", "latest": "latest date"}
FILTERS: tuple[str | None, ...] = (None, *POSITIONS)
NOT_STATED_STYLE = "dim italic"


def stance_cell(tally: StanceTally | None) -> Text:
    """'refuses' in the stance's colour; '·2' when two sources state it; '*' when sources disagree."""
    if tally is None:
        return cell(NOT_STATED_SHORT, NOT_STATED_STYLE)
    return cell(tally_label(tally), stance_look(tally.stance.position).style)


def compare_row(row: CityComparison) -> tuple[Text, ...]:
    latest = date_label(row.latest, row.latest_precision) if row.latest else NOT_STATED_SHORT
    return (
        cell(row.city.name, "bold"),
        cell(row.city.state or NOT_STATED_SHORT, "" if row.city.state else NOT_STATED_STYLE),
        stance_cell(row.police),
        stance_cell(row.city_policy),
        stance_cell(row.state_law),
        cell(row.mayor.name if row.mayor else NOT_STATED_SHORT, "" if row.mayor else NOT_STATED_STYLE),
        cell(f"{row.statements:,}"),
        cell(f"{row.sources:,}"),
        cell(latest, "" if row.latest else NOT_STATED_STYLE),
    )


class CompareData:
    """The rows for one sort and filter: the order of city ids read once (in a worker), then pages by id."""

    def __init__(self, store: Store, sort: str, position: str | None) -> None:
        self.store, self.sort, self.position = store, sort, position
        self._order: list[int] | None = None
        self._lock = threading.Lock()

    def order(self) -> list[int]:
        with self._lock:
            if self._order is None:
                self._order = self.store.compare_order(self.sort, self.position)
            return self._order

    def count(self) -> int:
        return len(self.order())

    def page(self, offset: int, limit: int) -> list[CityComparison]:
        return self.store.compare_rows(self.order()[offset : offset + limit])


class CompareHeader(Widget):
    """The column headings, laid out at the width of the rows below them, so they drop the same columns."""

    def render(self) -> Text:
        rows = self.screen.query(LazyList)
        width = rows.first().scrollable_content_region.width if rows else self.size.width
        return layout_row(tuple(Text(h, style="bold") for h in HEADINGS), COLUMNS, width or self.content_size.width)


class CompareScreen(DrillScreen):
    """Every city at a glance; `s` changes the order, `f` shows only cities with one stance, Enter opens one."""

    CSS_PATH = "compare.tcss"
    BINDINGS = [
        Binding("s", "sort", "Sort", tooltip="Sort by city, police stance, most quotes or latest date"),
        Binding("f", "filter", "Stance", tooltip="Only cities with a refuses / cooperates / mandated / unclear stance"),
    ]
    crumb = "Compare"

    def __init__(self, store: Store, sort: str = "city", position: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.sort = sort
        self.position = position
        self._data: dict[tuple[str, str | None], CompareData] = {}

    def data(self) -> CompareData:
        key = (self.sort, self.position)
        if key not in self._data:
            self._data[key] = CompareData(self.store, self.sort, self.position)
        return self._data[key]

    def compose_body(self) -> ComposeResult:
        yield Static(self.settings_line(), id="compare-settings")
        yield CompareHeader(id="compare-header")
        data = self.data()
        yield LazyList(
            data.count,
            data.page,
            compare_row,
            columns=COLUMNS,
            title=self.title_of,
            empty_text=self.empty_text(),
            id="compare-rows",
        )
        yield Static(legend(), id="compare-legend")

    def on_mount(self) -> None:
        self.query_one(LazyList).focus()

    def on_resize(self) -> None:
        self.call_after_refresh(self.query_one(CompareHeader).refresh)  # once the rows have their new width

    def title_of(self, index: int | None, count: int | None) -> Text:
        text = Text("Cities", style="bold")
        if count is not None:
            text.append(f" {(index or 0) + 1 if count else 0} / {count:,}")
        return text

    def settings_line(self) -> Content:
        shown = f"cities with a {self.position} stance" if self.position else "all cities"
        return Content.assemble(
            ("Sorted by ", "$text-muted"),
            (SORT_LABELS[self.sort], "bold"),
            (" (s)   Showing ", "$text-muted"),
            (shown, "bold"),
            (" (f)   Enter opens a city", "$text-muted"),
        )

    def empty_text(self) -> str:
        if self.position:
            return f"No city has a {self.position} police stance, city policy or state law in the sources"
        return "No cities in the database"

    def _reload(self) -> None:
        rows = self.query_one(LazyList)
        data = self.data()
        rows.empty_text = self.empty_text()
        rows.reset(data.count, data.page)
        self.query_one("#compare-settings", Static).update(self.settings_line())

    def action_sort(self) -> None:
        self.sort = COMPARE_SORTS[(COMPARE_SORTS.index(self.sort) + 1) % len(COMPARE_SORTS)]
        self._reload()

    def action_filter(self) -> None:
        self.position = FILTERS[(FILTERS.index(self.position) + 1) % len(FILTERS)]
        self._reload()

    class CityChosen(Message):
        """Enter on a row: the app, which owns navigation, opens the city."""

        def __init__(self, city_id: int) -> None:
            super().__init__()
            self.city_id = city_id

    @on(LazyList.Selected)
    def open_city(self, message: LazyList.Selected) -> None:
        if isinstance(message.item, CityComparison):
            self.post_message(self.CityChosen(message.item.city.id))


def legend() -> Content:
    """The stance colours and the marks of the stance cells, in the one vocabulary of tui.present."""
    pieces: list[tuple[str, str] | str] = []
    for position in POSITIONS:
        look = stance_look(position)
        pieces += [(position, look.style), (f" {look.legend} · ", "$text-muted")]
    pieces.append((COMPARE_MARKS.split(" (")[0], "$text-muted"))
    return Content.assemble(*pieces)
