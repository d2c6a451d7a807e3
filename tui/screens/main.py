"""The main screen: Cities, Officials and Quotes side by side, and the highlighted quote in full below.

Highlighting narrows to the right: a city narrows Officials and Quotes to it, an official narrows Quotes to them.
Cities and Officials each start with an "All" row, so the narrowing is always what the cursors show (national
figures sit under "All cities"; a city's quotes under "All officials"), never a side effect of passing through
a pane with Tab. The Quotes pane's title says whose quotes it holds.
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen

from tui.models import City, Official, Quote
from tui.present import one_line
from tui.screens.base import Breadcrumb, KeyFooter, expected_breakpoints
from tui.screens.panes import (
    ALL_CITIES,
    ALL_CITIES_ENTER,
    ALL_OFFICIALS,
    ALL_OFFICIALS_ENTER,
    CITY_COLUMNS,
    NO_OFFICIALS,
    NO_QUOTES,
    OFFICIAL_COLUMNS,
    PANES,
    QUOTE_COLUMNS,
    AllRow,
    city_row,
    official_row,
    quote_row,
    with_all_row,
)
from tui.store import Store
from tui.widgets.background import read_now
from tui.widgets.lazy_list import LazyList, TitleFn
from tui.widgets.quote_detail import QuoteDetail
from tui.widgets.row_pages import CountFn, PageFn, PrefetchedCount


class MainScreen(Screen):
    """The three panes and the detail area."""

    crumb = "Cities"

    BINDINGS = [
        Binding("c", "copy_citation", "Copy", tooltip="Copy the highlighted quote as a citation"),
        # Not in the footer (at 80 columns it would push out "/ Search"); help and the palette list it.
        Binding(
            "C", "compare", "Compare", show=False, tooltip="Compare cities: stances, mayor, statements, sources, dates"
        ),
        Binding("tab", "pane(1)", "Pane", key_display="tab", tooltip="Next pane"),
        Binding("shift+tab", "pane(-1)", "Previous pane", show=False, tooltip="Previous pane"),
    ]
    # Below 80 columns three panes side by side cut every name: one pane at a time, full width, Tab to the next
    # (its title says which). Short terminals give the panes most of the height and keep a smaller quote box.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-medium"), (120, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (14, "-short"), (22, "-tall")]

    def __init__(self, store: Store) -> None:
        super().__init__(classes=" ".join(expected_breakpoints(self)))
        self.store = store
        self.city: City | None = None  # None: all cities
        self.official: Official | None = None  # None: all officials (of the city)
        self._land_on: int | None = None  # a city to put the Cities cursor on when this screen shows again
        self._land_on_quote: Quote | None = None  # and a quote to put the Quotes cursor on
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
                classes="-current",  # the pane a narrow terminal shows first (set here: a later change restyles)
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

    def land_on_quote(self, quote: Quote) -> None:
        """Put the cursors on this quote (opened from search), its city highlighted, when this screen shows again."""
        self._land_on = quote.city_id
        self._land_on_quote = quote

    def on_screen_resume(self) -> None:
        if self.app.screen is not self:
            # Resumed as the search dialog closed, but what it opened is already on top: landing now would read
            # and narrow all three panes (20-60 ms at a million quotes) while that screen waits for its first
            # frame, and share the database connection with its read. Land when this screen is shown again.
            return
        city_id, quote, self._land_on, self._land_on_quote = self._land_on, self._land_on_quote, None, None
        if city_id is None and quote is None:
            return
        store = self.store
        if city_id is not None:
            # An index count: a few milliseconds at 50,000 cities. A failed read is shown as one line.
            row = read_now(self.app, lambda: store.city_row(city_id), None)
            if row is not None:
                self.query_one("#cities", LazyList).move_to(row + 1)  # row 0 is "All cities"
        elif quote is not None:
            self.query_one("#cities", LazyList).move_to(0)  # a national figure's quote: under "All cities"
        if quote is None:
            return
        officials = self.query_one("#officials", LazyList)
        if officials.cursor != 0:
            officials.move_to(0)  # "All officials": the city's quotes, among which the quote is
        quote_row = read_now(self.app, lambda: store.quote_row(quote.id, self.city.id if self.city else None), None)
        if quote_row is not None:
            # Through reset, so the cursor lands on it whether the pane's rows are read now or in a worker.
            self.query_one("#quotes", LazyList).reset(*self._quotes_source(), cursor=quote_row)

    # --- panes: Tab, and one at a time on a narrow terminal ------------------------------------------

    def action_pane(self, step: int) -> None:
        """Tab: the next pane (then the quote box). When narrow, the pane Tab lands on is the one shown."""
        if not self.has_class("-narrow"):
            if step > 0:
                self.focus_next()
            else:
                self.focus_previous()
            return
        # Hidden panes are out of Textual's focus chain, so the order is walked here.
        order = [*PANES, "detail"]
        focused = self.focused.id if self.focused is not None else None
        at = order.index(focused) if focused in order else 0
        target = order[(at + step) % len(order)]
        if target in PANES:
            self.show_pane(target)
        self.query_one(f"#{target}").focus()

    def show_pane(self, pane: str) -> None:
        """The pane a narrow terminal shows (the others wait, their cursors kept, until Tab reaches them)."""
        for name in PANES:
            self.query_one(f"#{name}").set_class(name == pane, "-current")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # A pane focused any way (a click, a jump from search) is the one shown when narrow.
        if event.widget.id in PANES:
            self.show_pane(event.widget.id)

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
        error = self.query_one("#quotes", LazyList).error
        self.query_one(QuoteDetail).show(item, error or self._no_quotes())

    # --- opening ---------------------------------------------------------------------------------
    # The panes' Selected messages become what was chosen; the app, which owns navigation, opens it.

    class CityChosen(Message):
        def __init__(self, city_id: int) -> None:
            super().__init__()
            self.city_id = city_id

    class OfficialChosen(Message):
        def __init__(self, official_id: int) -> None:
            super().__init__()
            self.official_id = official_id

    class QuoteChosen(Message):
        def __init__(self, quote: Quote) -> None:
            super().__init__()
            self.quote = quote
            self.excerpt = quote.excerpt

    class CitationWanted(Message):
        def __init__(self, quote: Quote) -> None:
            super().__init__()
            self.quote = quote

    @on(LazyList.Selected, "#cities")
    def city_selected(self, message: LazyList.Selected) -> None:
        if isinstance(message.item, City):
            self.post_message(self.CityChosen(message.item.id))
        else:
            # "All cities" has no page of its own; say so rather than do something unasked.
            self.notify(ALL_CITIES_ENTER, title="All cities", timeout=4)

    @on(LazyList.Selected, "#officials")
    def official_selected(self, message: LazyList.Selected) -> None:
        if isinstance(message.item, Official):
            self.post_message(self.OfficialChosen(message.item.id))
        else:
            self.notify(ALL_OFFICIALS_ENTER, title="All officials", timeout=4)

    @on(LazyList.Selected, "#quotes")
    def quote_selected(self, message: LazyList.Selected) -> None:
        if isinstance(message.item, Quote):
            self.post_message(self.QuoteChosen(message.item))

    def action_compare(self) -> None:
        from tui.screens.compare import CompareScreen  # imported when first opened, not at start-up

        self.app.push_screen(CompareScreen(self.store))

    def action_copy_citation(self) -> None:
        quote = self.query_one(QuoteDetail).quote
        if quote is None:
            self.notify("No quote highlighted to copy", severity="warning")
        else:
            self.post_message(self.CitationWanted(quote))
