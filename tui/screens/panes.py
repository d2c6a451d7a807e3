"""What the main screen's panes show, row by row: the "All" rows, each pane's columns, and the words for empty panes.

Kept apart from the screen (tui/screens/main.py), which wires the panes together; the tests lay rows out with these.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text

from tui.models import City, Official, Quote
from tui.present import stance_look
from tui.widgets.row_layout import Column, cell
from tui.widgets.row_pages import CountFn, PageFn


@dataclass(frozen=True, slots=True)
class AllRow:
    """The first row of Cities or Officials: nothing chosen, so the panes to the right are not narrowed."""

    label: str


ALL_CITIES = AllRow("All cities")
ALL_OFFICIALS = AllRow("All officials")

# Badge colours for a city's police stance on cooperating with ICE.
NO_DATE = "—"
NO_OFFICIALS = "No officials named in the sources"
NO_QUOTES = "No quotes in the sources"
# What Enter on an "All" row says: it has no page of its own, and where the rows it stands for are.
ALL_CITIES_ENTER = "“All cities” has no page of its own: highlight a city and press Enter, or Tab to Officials"
ALL_OFFICIALS_ENTER = "“All officials” has no page of its own: highlight an official, or Tab to the quotes"

# Name, state, police badge; a narrow pane drops the state first, then the badge.
CITY_COLUMNS = (Column(min_width=10), Column(12, drop=2), Column(10, drop=1))
# Name, title, party; the title goes first, then the party: a name is worth more than either.
OFFICIAL_COLUMNS = (Column(min_width=14), Column(14, drop=2), Column(2, drop=1))
# Speaker, date, the start of the quote. The speaker's name grows with the pane (an organisation's name is long, and
# "San Francisco…" cut short reads as the city, not its police department); the quote keeps at least 12 cells.
QUOTE_COLUMNS = (
    Column(min_width=14, weight=2, max_width=32),
    Column(10, drop=2),
    Column(min_width=12, weight=3),
)
PANES = ("cities", "officials", "quotes")


def with_all_row(all_row: AllRow, count_fn: CountFn, page_fn: PageFn) -> tuple[CountFn, PageFn]:
    """A (count, page) data source with `all_row` in front, so row i of the pane is row i - 1 of the data."""

    def page(offset: int, limit: int) -> list[Any]:
        if offset == 0:
            return [all_row, *page_fn(0, limit - 1)]
        return list(page_fn(offset - 1, limit))

    return (lambda: count_fn() + 1), page


def all_row(item: AllRow) -> Text:
    return Text(item.label, style="italic")


def city_row(item: City | AllRow) -> Text | tuple[Text, ...]:
    if isinstance(item, AllRow):
        return all_row(item)
    badge = item.police_position or ""
    return cell(item.name), cell(item.state, "dim"), cell(badge, stance_look(badge).style if badge else "")


def official_row(item: Official | AllRow) -> Text | tuple[Text, ...]:
    if isinstance(item, AllRow):
        return all_row(item)
    return cell(item.name), cell(item.title, "dim"), cell(item.party)


def quote_row(quote: Quote) -> tuple[Text, ...]:
    return cell(quote.speaker), cell(quote.date or NO_DATE, "dim"), cell(quote.text)
