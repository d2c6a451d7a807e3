"""A keyboard-first list over any number of rows, painting only what is visible.

Textual's OptionList and DataTable load every row up front (16-21 s for 100k rows, see PERFORMANCE.md), so this
list is built on the Line API instead: a `ScrollView` whose virtual height is the row count and whose
`render_line` asks a small page cache (`RowData`, in row_pages.py) for the row on that line.

Counts and pages are read in thread workers, so a slow query never freezes typing; until a page arrives its lines
show a placeholder, and after `reset` the old rows stay on screen until the new ones come, so changing data never
flashes an empty pane. A list declared `indexed` reads its count and early pages on the event loop instead (see
`InlineReads`): they cost well under a millisecond, and the next frame is then the complete one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.widgets.background import read_in_background
from tui.widgets.row_layout import Column, Row, RowPainter, text_strip
from tui.widgets.row_pages import PAGE_SIZE, CountFn, Loaded, PageFn, Read, RowData

RowRenderer = Callable[[Any], Row]
TitleFn = Callable[[int | None, int | None], Text | str]
# Called with (item, index) when the highlighted row changes, before Highlighted is posted.
HighlightFn = Callable[[Any, int | None], None]


class LazyList(ScrollView, can_focus=True):
    """A list of `count_fn()` rows, fetched a page at a time with `page_fn(offset, limit)` when they come into view."""

    # The highlighted row: kept within the rows by `validate_cursor`; `watch_cursor` repaints, scrolls, announces.
    cursor: var[int] = var(0, init=False)

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

    def __init__(
        self,
        count_fn: CountFn,
        page_fn: PageFn,
        row_renderer: RowRenderer,
        *,
        columns: Sequence[Column] = (Column(),),
        title: TitleFn | None = None,
        empty_text: str = "Nothing here",
        indexed: bool = False,
        on_highlight: HighlightFn | None = None,
        name: str | None = None,
        id: str | None = None,  # noqa: A002 — Textual's own parameter name
        classes: str | None = None,
    ) -> None:
        """`indexed`: the count and early pages of this list's sources (now and after every `reset`) are index
        lookups, cheap enough to read on the event loop; see `InlineReads`.

        `on_highlight(item, index)` is called as soon as the highlighted row changes, in the same call as the key
        or the data that changed it: what depends on the highlight then changes in the same frame as the cursor.
        The Highlighted message arrives a hop later, often after the cursor's move has been painted on its own.
        """
        super().__init__(name=name, id=id, classes=classes)
        self._painter = RowPainter(row_renderer, columns)
        self._title = title or (lambda index, count: "" if not count else f"{(index or 0) + 1} / {count}")
        self._empty_text = empty_text
        self._on_highlight = on_highlight
        self._data = RowData(count_fn, page_fn, indexed, self._in_worker)
        self._announced: tuple[int, int | None, Any] | None = None
        self._started = False  # reading starts at mount; a reset before that just swaps the data source
        self._base_style: Style | None = None  # the widget's style, worked out once per repaint

    # --- public API ------------------------------------------------------------------------------

    @property
    def count(self) -> int | None:
        """How many rows the shown data has; None until the first count arrives."""
        return self._data.count

    @property
    def empty_text(self) -> str:
        """What the list says when it has no rows: a sentence, e.g. "No quotes from Houston in the sources"."""
        return self._empty_text

    @empty_text.setter
    def empty_text(self, text: str) -> None:
        self._empty_text = text
        self.refresh()

    @property
    def error(self) -> str | None:
        """Why the rows could not be read (one line, shown in the pane), or None."""
        return self._data.error

    @property
    def loading_data(self) -> bool:
        """True while a reset or a page is being read."""
        return self._data.loading

    @property
    def highlighted_item(self) -> Any:
        """The item under the cursor, or None if the list is empty or its page has not arrived."""
        return self._item(self.cursor) if self._data.count else None

    def reset(self, count_fn: CountFn, page_fn: PageFn, cursor: int = 0) -> None:
        """Show other data (e.g. the officials of another city), landing the cursor on row `cursor`."""
        self._data.reset(count_fn, page_fn, cursor)
        if self._started:
            self._start_reset()

    def move_to(self, index: int) -> None:
        """Put the cursor on row `index` (clamped by `validate_cursor`); `watch_cursor` scrolls and announces."""
        if self._data.count:
            self.cursor = index

    def validate_cursor(self, cursor: int) -> int:
        count = self._data.count
        return min(max(cursor, 0), count - 1) if count else 0

    def watch_cursor(self, previous: int, cursor: int) -> None:
        top = self.scroll_offset.y
        self._scroll_to_cursor()
        if self.scroll_offset.y == top:
            self.refresh_line(previous)
            self.refresh_line(cursor)
        else:
            self.refresh()
        self._announce()

    def refresh_title(self) -> None:
        count = self._data.count
        title = self._title(self.cursor if count else None, count)
        self.border_title = title if isinstance(title, Text) else Text(title)

    # --- loading ---------------------------------------------------------------------------------

    def on_mount(self) -> None:
        self._started = True
        self.refresh_title()
        self._start_reset()

    def _start_reset(self) -> None:
        # Before the first layout the height is 0: read a page, which covers any first screen.
        loaded = self._data.start_reset(self.scrollable_content_region.height or PAGE_SIZE)
        if loaded is not None:
            self._apply(loaded)

    def _in_worker(self, read: Read) -> None:
        # A read returns its failure as Loaded.error (shown in the pane), so `failed` is for the unforeseen only.
        read_in_background(self, read.run, self._apply, self._read_failed, group=read.group, exclusive=read.exclusive)

    def _read_failed(self, line: str) -> None:
        self._apply(Loaded(self._data.generation, None, {}, line))

    def _apply(self, loaded: Loaded) -> None:
        outcome = self._data.apply(loaded)
        if outcome == "reset":
            # The new data replaces the old in one step: cursor, scroll position and rows.
            count = self._data.count or 0
            # Set without the watcher: the rows, scroll position and announcement all change below, in one step.
            self.set_reactive(LazyList.cursor, min(self._data.target, max(count - 1, 0)))
            self.virtual_size = Size(self.scrollable_content_region.width, count)
            self.scroll_to(y=0, animate=False)
            self._scroll_to_cursor()
            self._announced = None
            self._painter.forget()  # rows of data never shown again
        if outcome != "stale":
            self.refresh()
        if outcome in ("reset", "pages"):
            self._announce()
        elif outcome == "error":
            # Nothing is highlighted: whatever shows the highlighted row (the quote detail) must not wait for it.
            self._announced = (self._data.shown_generation, None, self._data.error)
            self._highlighted(None, None)

    def _item(self, index: int) -> Any:
        """The row at `index`; None while its page is read in a worker. A page read at once needs no repaint or
        announcement (this runs while painting or announcing), but a failed one must show its error."""
        item = self._data.item(index)
        if self._data.error is not None:
            self.refresh()
        return item

    def _announce(self) -> None:
        """Post Highlighted for the cursor's row once its data is here, and only when it changed."""
        self.refresh_title()
        if self._data.count == 0:
            key: tuple[int, int | None, Any] = (self._data.shown_generation, None, None)
            if key != self._announced:
                self._announced = key
                self._highlighted(None, None)
            return
        item = self.highlighted_item
        if item is None:
            return  # its page is on the way; DataLoaded announces it
        key = (self._data.shown_generation, self.cursor, item)
        if key != self._announced:
            self._announced = key
            self._highlighted(item, self.cursor)

    def _highlighted(self, item: Any, index: int | None) -> None:
        if self._on_highlight is not None:
            self._on_highlight(item, index)
        self.post_message(self.Highlighted(self, item, index))

    # --- painting --------------------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # The widget's style walks every ancestor's styles: work it out once per repaint, not once per row.
        self._base_style = self.rich_style
        try:
            return super().render_lines(crop)
        finally:
            self._base_style = None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        count = self._data.count
        base = self._base_style or self.rich_style
        console = self.app.console
        if count and index < count:
            is_cursor = index == self.cursor
            key = (self._data.shown_generation, index, is_cursor, self.has_focus, width)
            if (strip := self._painter.kept(key)) is not None:
                return strip
            item = self._item(index)
            style = base + self.get_component_rich_style("lazy-list--cursor") if is_cursor else base
            if item is None:  # its page is on the way; not kept
                return text_strip(Text("…"), width, style + self._placeholder_style, console, index)
            return self._painter.row(key, item, width, style, console, index)
        if count:  # below the last row
            return self._painter.blank(width, base)
        message = self._data.error or ("Loading…" if count is None else self._empty_text)
        return self._painter.sentence(message, y, width, base, base + self._placeholder_style, console)

    @property
    def _placeholder_style(self) -> Style:
        return self.get_component_rich_style("lazy-list--placeholder")

    def notify_style_update(self) -> None:
        # A theme or CSS change alters every painted row.
        self._painter.forget()
        super().notify_style_update()

    def on_resize(self) -> None:
        self._painter.fit_screen(self.scrollable_content_region.height)
        if self._data.count is not None:
            self.virtual_size = Size(self.scrollable_content_region.width, self._data.count)
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
        if self._data.count:
            self.move_to(self._data.count - 1)

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
