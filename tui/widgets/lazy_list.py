"""A keyboard-first list over any number of rows, painting only what is visible.

Textual's OptionList and DataTable load every row up front (16-21 s for 100k rows, see PERFORMANCE.md), so this
list is built on the Line API instead: a `ScrollView` whose virtual height is the row count and whose
`render_line` asks a small page cache for the row on that line. Counts and pages are read in thread workers, so a
slow query (a count over a million quotes, a page at the far end of a long list) never freezes typing; until a
page arrives its lines show a placeholder, and after `reset` the old rows stay on screen until the new ones come,
so changing data never flashes an empty pane.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.present import one_line
from tui.widgets.row_layout import Column, Row, layout_row

CountFn = Callable[[], int]
PageFn = Callable[[int, int], Sequence[Any]]
RowRenderer = Callable[[Any], Row]
TitleFn = Callable[[int | None, int | None], Text | str]

PAGE_SIZE = 64
# Pages kept in memory: a few screens either side of the viewport, however long the list.
MAX_PAGES = 32


class LazyList(ScrollView, can_focus=True):
    """A list of `count_fn()` rows, fetched a page at a time with `page_fn(offset, limit)` when they come into view."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("g,home", "first", "Top", key_display="g", tooltip="First row"),
        Binding("G,end", "last", "End", key_display="G", tooltip="Last row"),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("enter", "select", "Open", tooltip="Open what the cursor is on"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {"lazy-list--cursor", "lazy-list--placeholder"}

    DEFAULT_CSS = """
    LazyList {
        overflow-x: hidden;
        overflow-y: auto;
        background: $surface;
        & > .lazy-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .lazy-list--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
        & > .lazy-list--placeholder {
            color: $text-muted;
        }
    }
    """

    class _ItemMessage(Message):
        def __init__(self, lazy_list: LazyList, item: Any, index: int | None) -> None:
            super().__init__()
            self.lazy_list = lazy_list
            self.item = item
            self.index = index

        @property
        def control(self) -> LazyList:
            return self.lazy_list

    class Highlighted(_ItemMessage):
        """The cursor is on `item` at `index`; both are None when the list is empty."""

    class Selected(_ItemMessage):
        """Enter (or a double click) on `item` at `index`."""

    class DataLoaded(Message):
        """A worker's result: the count (after a reset) and/or some pages, for data generation `generation`."""

        bubble = False

        def __init__(
            self, generation: int, count: int | None, pages: dict[int, Sequence[Any]], error: str | None = None
        ) -> None:
            super().__init__()
            self.generation = generation
            self.count = count
            self.pages = pages
            self.error = error

    def __init__(
        self,
        count_fn: CountFn,
        page_fn: PageFn,
        row_renderer: RowRenderer,
        *,
        columns: Sequence[Column] = (Column(),),
        title: TitleFn | None = None,
        empty_text: str = "Nothing here",
        name: str | None = None,
        id: str | None = None,  # noqa: A002 — Textual's own parameter name
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._row_renderer = row_renderer
        self._columns = tuple(columns)
        self._title = title or (lambda index, count: "" if not count else f"{(index or 0) + 1} / {count}")
        self._empty_text = empty_text
        # The data being loaded (generation, fns) and the data on screen; they differ only while a reset loads.
        self._generation = 0
        self._fns: tuple[CountFn, PageFn] = (count_fn, page_fn)
        self._shown_generation = -1
        self._shown_fns: tuple[CountFn, PageFn] = (count_fn, page_fn)
        self._count: int | None = None
        self._pages: OrderedDict[int, Sequence[Any]] = OrderedDict()
        self._pending: set[int] = set()
        self._error: str | None = None
        self._target_cursor = 0
        self.cursor = 0
        self._announced: tuple[int, int | None, Any] | None = None
        self._started = False  # workers start at mount; a reset before that just swaps the data source
        # Painted rows, keyed by everything that changes how they look; a cursor move repaints two rows.
        self._strip_cache: LRUCache[tuple[int, int, bool, bool, int], Strip] = LRUCache(1024)

    # --- public API ------------------------------------------------------------------------------

    @property
    def count(self) -> int | None:
        """How many rows the shown data has; None until the first count arrives."""
        return self._count

    @property
    def empty_text(self) -> str:
        """What the list says when it has no rows: a sentence, e.g. "No quotes from Houston in the sources"."""
        return self._empty_text

    @empty_text.setter
    def empty_text(self, text: str) -> None:
        self._empty_text = text
        self.refresh()

    @property
    def loading_data(self) -> bool:
        """True while a reset or a page is being read."""
        return self._shown_generation != self._generation or bool(self._pending)

    @property
    def highlighted_item(self) -> Any:
        """The item under the cursor, or None if the list is empty or its page has not arrived."""
        return self._item(self.cursor) if self._count else None

    def reset(self, count_fn: CountFn, page_fn: PageFn, cursor: int = 0) -> None:
        """Show other data (e.g. the officials of another city), landing the cursor on row `cursor`."""
        self._generation += 1
        self._fns = (count_fn, page_fn)
        self._target_cursor = max(cursor, 0)
        if self._started:
            self._start_reset()

    def move_to(self, index: int) -> None:
        """Put the cursor on row `index` (clamped), scroll it into view and announce it."""
        if not self._count:
            return
        previous, top = self.cursor, self.scroll_offset.y
        self.cursor = min(max(index, 0), self._count - 1)
        self._scroll_to_cursor()
        if self.scroll_offset.y == top:
            self.refresh_line(previous)
            self.refresh_line(self.cursor)
        else:
            self.refresh()
        self._announce()

    def refresh_title(self) -> None:
        title = self._title(self.cursor if self._count else None, self._count)
        self.border_title = title if isinstance(title, Text) else Text(title)

    # --- loading ---------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._started = True
        self.refresh_title()
        self._start_reset()

    def _start_reset(self) -> None:
        generation, (count_fn, page_fn), target = self._generation, self._fns, self._target_cursor
        # Before the first layout the height is 0: read a page, which covers any first screen.
        visible = self.scrollable_content_region.height or PAGE_SIZE

        def load() -> None:
            try:
                count = count_fn()
                pages: dict[int, Sequence[Any]] = {}
                if count:
                    # The pages a screen around the target row can show, whichever way it is scrolled.
                    first_row = max(min(target, count - 1) - visible + 1, 0)
                    last_row = min(target + visible - 1, count - 1)
                    for page in range(first_row // PAGE_SIZE, last_row // PAGE_SIZE + 1):
                        pages[page] = page_fn(page * PAGE_SIZE, PAGE_SIZE)
            except Exception as exc:  # noqa: BLE001 — shown in the pane; a read error must not end the app
                self.post_message(self.DataLoaded(generation, None, {}, f"Could not read: {exc}"))
                return
            self.post_message(self.DataLoaded(generation, count, pages))

        self.run_worker(load, thread=True, group="lazy-list-reset", exclusive=True, exit_on_error=False)

    def _request_page(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        generation, page_fn = self._shown_generation, self._shown_fns[1]

        def load() -> None:
            try:
                rows = page_fn(page * PAGE_SIZE, PAGE_SIZE)
            except Exception as exc:  # noqa: BLE001 — see _start_reset
                self.post_message(self.DataLoaded(generation, None, {}, f"Could not read: {exc}"))
                return
            self.post_message(self.DataLoaded(generation, None, {page: rows}))

        self.run_worker(load, thread=True, group="lazy-list-page", exit_on_error=False)

    def on_lazy_list_data_loaded(self, message: DataLoaded) -> None:
        message.stop()
        if message.error is not None and message.generation == self._generation:
            self._error = message.error
            self._shown_generation = message.generation
            self._count = None
            self.refresh()
            return
        if message.count is not None and message.generation == self._generation:
            # A reset finished: swap in the new data in one step.
            self._shown_generation = message.generation
            self._shown_fns = self._fns
            self._count = message.count
            self._error = None
            self._pages = OrderedDict(message.pages)
            self._pending.clear()
            self.cursor = min(self._target_cursor, max(self._count - 1, 0))
            self.virtual_size = Size(self.scrollable_content_region.width, self._count)
            self.scroll_to(y=0, animate=False)
            self._scroll_to_cursor()
            self._announced = None
            self.refresh()
            self._announce()
            return
        if message.generation != self._shown_generation:
            return  # a page of data no longer shown
        for page, rows in message.pages.items():
            self._pending.discard(page)
            self._pages[page] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        self.refresh()
        self._announce()

    def _item(self, index: int) -> Any:
        """The row at `index` if its page is cached; otherwise ask for the page and return None."""
        page = index // PAGE_SIZE
        rows = self._pages.get(page)
        if rows is None:
            self._request_page(page)
            return None
        self._pages.move_to_end(page)
        offset = index - page * PAGE_SIZE
        return rows[offset] if offset < len(rows) else None

    def _announce(self) -> None:
        """Post Highlighted for the cursor's row once its data is here, and only when it changed."""
        self.refresh_title()
        if self._count == 0:
            key: tuple[int, int | None, Any] = (self._shown_generation, None, None)
            if key != self._announced:
                self._announced = key
                self.post_message(self.Highlighted(self, None, None))
            return
        item = self.highlighted_item
        if item is None:
            return  # its page is on the way; DataLoaded announces it
        key = (self._shown_generation, self.cursor, item)
        if key != self._announced:
            self._announced = key
            self.post_message(self.Highlighted(self, item, self.cursor))

    # --- painting --------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        count = self._count
        if count and index < count:
            item = self._item(index)
            is_cursor = index == self.cursor
            key = (self._shown_generation, index, is_cursor, self.has_focus, width)
            if item is not None and (strip := self._strip_cache.get(key)) is not None:
                return strip
            style = self.rich_style
            if is_cursor:
                style += self.get_component_rich_style("lazy-list--cursor")
            if item is None:  # its page is on the way; not cached
                return self._strip(Text("…"), width, style + self._placeholder_style, index)
            strip = self._strip(layout_row(self._row_renderer(item), self._columns, width), width, style, index)
            self._strip_cache.set(key, strip)
            return strip
        if count:  # below the last row
            blank = self._strip_cache.get((-1, -1, False, False, width))
            if blank is None:
                blank = Strip.blank(width, self.rich_style)
                self._strip_cache.set((-1, -1, False, False, width), blank)
            return blank
        base = self.rich_style
        # "Loading…", an error, or why the list is empty: wrapped, since it is a sentence, not a row.
        message = self._error or ("Loading…" if count is None else self._empty_text)
        lines = Text(one_line(message)).wrap(self.app.console, max(width, 1))
        if y >= len(lines):
            return Strip.blank(width, base)
        return self._strip(lines[y], width, base + self._placeholder_style)

    @property
    def _placeholder_style(self) -> Style:
        return self.get_component_rich_style("lazy-list--placeholder")

    def _strip(self, text: Text, width: int, style: Style, index: int | None = None) -> Strip:
        text.truncate(width, pad=True)
        segments = [Segment(s.text, style + s.style if s.style else style) for s in text.render(self.app.console)]
        strip = Strip(segments, width).adjust_cell_length(width, style)
        # The row index rides on the segments, so a click knows its row whatever the scroll position.
        return strip.apply_meta({"row": index}) if index is not None else strip

    def notify_style_update(self) -> None:
        # A theme or CSS change alters every painted row.
        self._strip_cache.clear()
        super().notify_style_update()

    def on_resize(self) -> None:
        if self._count is not None:
            self.virtual_size = Size(self.scrollable_content_region.width, self._count)
            self._scroll_to_cursor()
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def _scroll_to_cursor(self) -> None:
        height = self.scrollable_content_region.height
        if height <= 0:
            return
        top = round(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    # --- keys and mouse --------------------------------------------------------------------------

    def action_cursor_down(self) -> None:
        self.move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_to(self.cursor - 1)

    def action_first(self) -> None:
        self.move_to(0)

    def action_last(self) -> None:
        if self._count:
            self.move_to(self._count - 1)

    def action_page_down(self) -> None:
        self.move_to(self.cursor + max(self.scrollable_content_region.height - 1, 1))

    def action_page_up(self) -> None:
        self.move_to(self.cursor - max(self.scrollable_content_region.height - 1, 1))

    def action_select(self) -> None:
        item = self.highlighted_item
        if item is not None:
            self.post_message(self.Selected(self, item, self.cursor))

    def on_click(self, event: events.Click) -> None:
        row = event.style.meta.get("row")
        if row is None:
            return
        self.move_to(row)
        if event.chain >= 2:
            self.action_select()
