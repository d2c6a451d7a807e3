"""The main screen: Cities, Officials and Quotes side by side, and the highlighted quote in full below.

Highlighting narrows to the right: a city narrows Officials and Quotes to it, an official narrows Quotes to them.
Cities and Officials each start with an "All" row, so the narrowing is always what the cursors show (national
figures sit under "All cities"; a city's quotes under "All officials"), never a side effect of passing through
a pane with Tab. The Quotes pane's title says whose quotes it holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen

from tui.models import City, Official, Quote
from tui.present import one_line, stance_look
from tui.screens.base import Breadcrumb, KeyFooter
from tui.store import Store
from tui.widgets.lazy_list import LazyList, TitleFn
from tui.widgets.quote_detail import QuoteDetail
from tui.widgets.row_layout import Column, cell
from tui.widgets.row_pages import CountFn, PageFn, PrefetchedCount


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

# Name, state, police badge; a narrow pane drops the state first, then the badge.
CITY_COLUMNS = (Column(min_width=10), Column(12, drop=2), Column(10, drop=1))
# Name, title, party; the title goes first.
OFFICIAL_COLUMNS = (Column(min_width=12), Column(14, drop=2), Column(2, drop=1))
# Speaker, date, the start of the quote; the quote keeps at least 12 cells.
QUOTE_COLUMNS = (Column(14, drop=1), Column(10, drop=2), Column(min_width=12))


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


class MainScreen(Screen):
    """The three panes and the detail area."""

    crumb = "Cities"

    BINDINGS = [
        Binding("c", "copy_citation", "Copy", tooltip="Copy the highlighted quote as a citation"),
        # Not in the footer (at 80 columns it would push out "/ Search"); help and the palette list it.
        Binding(
            "C", "compare", "Compare", show=False, tooltip="Compare cities: stances, mayor, statements, sources, dates"
        ),
        Binding("tab", "app.focus_next", "Pane", key_display="tab", tooltip="Next pane"),
        Binding("shift+tab", "app.focus_previous", "Previous pane", show=False, tooltip="Previous pane"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.city: City | None = None  # None: all cities
        self.official: Official | None = None  # None: all officials (of the city)
        self._land_on: int | None = None  # a city to put the Cities cursor on when this screen shows again
        # The counts behind "All cities" and "All officials", read while the screen is built, and kept.
        self._all_officials = PrefetchedCount(lambda: store.official_count(None))
        self._all_quotes = PrefetchedCount(store.quote_count)

    def compose(self) -> ComposeResult:
        store = self.store
        yield Breadcrumb()
        with Horizontal(id="panes"):
            yield LazyList(
                *with_all_row(ALL_CITIES, store.city_count, store.cities_page),
                city_row,
                columns=CITY_COLUMNS,
                title=self._titler("Cities", leading_all=True),
                empty_text="No cities in the database",
                indexed=True,
                on_highlight=self.city_highlighted,
                id="cities",
            )
            yield LazyList(
                *self._officials_source(None),
                official_row,
                columns=OFFICIAL_COLUMNS,
                title=self._titler("Officials", leading_all=True),
                empty_text=NO_OFFICIALS,
                indexed=True,
                on_highlight=self.official_highlighted,
                id="officials",
            )
            yield LazyList(
                *self._quotes_source(),
                quote_row,
                columns=QUOTE_COLUMNS,
                title=self._titler("Quotes"),
                empty_text=NO_QUOTES,
                indexed=True,
                on_highlight=self.quote_highlighted,
                id="quotes",
            )
        yield QuoteDetail(id="detail", context=store.sentence_around)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#cities", LazyList).focus()
        self.query_one(QuoteDetail).border_title = "Quote"

    def land_on_city(self, city_id: int) -> None:
        """Put the Cities cursor on this city (opened from search or the palette) when this screen shows again.

        Not now: the city's own screen is opening over this one, and should not wait for these panes.
        """
        self._land_on = city_id

    def on_screen_resume(self) -> None:
        if self._land_on is None:
            return
        row = self.store.city_row(self._land_on)  # an index count: a few milliseconds at 50,000 cities
        self._land_on = None
        if row is not None:
            self.query_one("#cities", LazyList).move_to(row + 1)  # row 0 is "All cities"

    def on_resize(self, event: events.Resize) -> None:
        # No height media queries in Textual CSS: classes let app.tcss give the panes room on short terminals.
        self.set_class(event.size.height < 22, "-short")
        self.set_class(event.size.height < 14, "-tiny")

    # --- data sources ----------------------------------------------------------------------------

    def _officials_source(self, city_id: int | None) -> tuple[CountFn, PageFn]:
        store = self.store
        return with_all_row(
            ALL_OFFICIALS,
            self._all_officials if city_id is None else lambda: store.official_count(city_id),
            lambda offset, limit: store.officials_page(city_id, offset, limit),
        )

    def _quotes_source(self) -> tuple[CountFn, PageFn]:
        """The quotes of the highlighted official, else of the highlighted city, else all of them."""
        store = self.store
        if self.official is not None:
            official_id = self.official.id
            return (
                lambda: store.quote_count(official_id=official_id),
                lambda offset, limit: store.quotes_page(offset, limit, official_id=official_id),
            )
        city_id = self.city.id if self.city else None
        return (
            self._all_quotes if city_id is None else lambda: store.quote_count(city_id=city_id),
            lambda offset, limit: store.quotes_page(offset, limit, city_id=city_id),
        )

    def _quotes_scope(self) -> str | None:
        """Whose quotes the Quotes pane holds, for its title and its empty message; None for everyone's."""
        if self.official is not None:
            return self.official.name
        return self.city.name if self.city else None

    # --- titles ----------------------------------------------------------------------------------

    def _titler(self, pane: str, leading_all: bool = False) -> TitleFn:
        """'Quotes 2 / 3 · Lori Lightfoot': the pane, the cursor's position, the count, what it is narrowed to.

        The numbers come before the name, so a narrow pane truncates the name, not the numbers. On a pane's
        "All" row the position reads "all"; the counts never include that row.
        """

        def title(index: int | None, count: int | None) -> Text:
            text = Text(pane, style="bold")
            if count is not None:
                if leading_all:
                    count -= 1
                    position = "all" if not index else f"{index} /"
                else:
                    position = f"{(index or 0) + 1 if count else 0} /"
                text.append(f" {position} {count}")
            scope = self.city.name if pane == "Officials" and self.city else None
            if pane == "Quotes":
                scope = self._quotes_scope()
            if scope:
                text.append(f" · {one_line(scope)}", style="italic")
            return text

        return title

    # --- narrowing -------------------------------------------------------------------------------

    # The panes call these at once when their cursor's row changes (`on_highlight`), not via Highlighted messages:
    # a message would arrive after the cursor's move had been painted, and the narrowing would take a second frame.

    def city_highlighted(self, item: City | AllRow | None, _index: int | None) -> None:
        city = item if isinstance(item, City) else None
        if city == self.city:
            return
        self.city = city
        self.official = None
        officials = self.query_one("#officials", LazyList)
        # Both panes and the detail change in one frame: their reads are indexed, so they are done by the end of
        # this handler (in workers only on a database too slow for that, see LazyList), and the batch holds the
        # repaint until all of them have changed.
        with self.app.batch_update():
            officials.reset(*self._officials_source(city.id if city else None))
            officials.empty_text = (
                f"No officials of {one_line(city.name)} named in the sources" if city else NO_OFFICIALS
            )
            officials.refresh_title()
            self._narrow_quotes()

    def official_highlighted(self, item: Official | AllRow | None, _index: int | None) -> None:
        official = item if isinstance(item, Official) else None
        if official != self.official:
            self.official = official
            with self.app.batch_update():
                self._narrow_quotes()

    def _narrow_quotes(self) -> None:
        quotes = self.query_one("#quotes", LazyList)
        quotes.reset(*self._quotes_source())
        quotes.empty_text = self._no_quotes()
        quotes.refresh_title()

    def _no_quotes(self) -> str:
        scope = self._quotes_scope()
        return f"No quotes from {one_line(scope)} in the sources" if scope else NO_QUOTES

    def quote_highlighted(self, item: Quote | None, _index: int | None) -> None:
        self.query_one(QuoteDetail).show(item, self._no_quotes())

    # --- opening ---------------------------------------------------------------------------------

    @on(LazyList.Selected, "#cities")
    def city_selected(self, message: LazyList.Selected) -> None:
        if isinstance(message.item, City):
            self.app.open_city(message.item.id)
        else:
            self.query_one("#officials", LazyList).focus()  # "All cities" has no page of its own

    @on(LazyList.Selected, "#officials")
    def official_selected(self, message: LazyList.Selected) -> None:
        if isinstance(message.item, Official):
            self.app.open_speaker(official_id=message.item.id)
        else:
            self.query_one("#quotes", LazyList).focus()  # "All officials": their quotes are next door

    @on(LazyList.Selected, "#quotes")
    def quote_selected(self, message: LazyList.Selected) -> None:
        excerpt = message.item.excerpt
        self.app.open_source(excerpt.source_id, excerpt.start, excerpt.end)

    def action_compare(self) -> None:
        from tui.screens.compare import CompareScreen  # imported when first opened, not at start-up

        self.app.push_screen(CompareScreen(self.store))

    def action_copy_citation(self) -> None:
        quote = self.query_one(QuoteDetail).quote
        if quote is None:
            self.notify("No quote highlighted to copy", severity="warning")
        else:
            self.app.copy_citation(quote)
