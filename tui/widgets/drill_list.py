"""The body of the city and speaker screens: one scrolling column of facts with one cursor, drawn line by line.

A widget per row (a card per stance, a row per statement) cost ~100 ms of mounting and two layouts before a
busy city showed. This is one Line-API widget instead: the screen hands it `Entry`s (a title, headings, "not
stated" sentences and selectable rows), it wraps them at its width by character offsets (`tui.widgets.wrap`,
cached per width), and it paints only the visible lines. The cursor moves between selectable entries (a stance,
a quote, a speaker, an "N more" row); Enter and `c` act on the one under it, and the footer shows the keys that
apply to it. Every piece of database text arrives inside a `Content`, so none of it is parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.models import Claim, Official, Organization, Quote, Stance
from tui.widgets.drill_item import PLACE, STYLED_KINDS, Entry, MorePages, MoreUnits, entry_line
from tui.widgets.wrap import predicted_width

# Which rows each Enter (or `c`) binding applies to; the footer shows only those for the row under the cursor.
TARGETS: dict[str, tuple[type, ...]] = {
    "open_source": (Quote, Stance, Claim),
    "copy_citation": (Quote, Stance, Claim),
    "open_speaker": (Official, Organization),
    "show_more": (MoreUnits,),
    "load_more": (MorePages,),
}


class DrillList(ScrollView, can_focus=True, inherit_bindings=False):
    """Entries in a column; the cursor is on a selectable one. Up/down and g/G come from the screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open_source", "Open source", tooltip="Show the article with this passage highlighted"),
        Binding("c", "copy_citation", "Copy citation", tooltip="Copy speaker, title, date, source and words"),
        Binding("enter", "open_speaker", "Statements", tooltip="Show everything this speaker said"),
        Binding("enter", "show_more", "Show more", tooltip="Show the next rows of this section"),
        Binding("enter", "load_more", "Load more", tooltip="Read the next page of statements"),
        Binding("tab", "cycle(1)", "Next", show=False),
        Binding("shift+tab", "cycle(-1)", "Previous", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]
    COMPONENT_CLASSES: ClassVar[set[str]] = {"drill-list--heading", "drill-list--note"}
    DEFAULT_CSS = """
    DrillList {
        & > .drill-list--heading {
            color: $text-accent;
            text-style: bold;
        }
        & > .drill-list--note {
            color: $text-muted;
            text-style: italic;
        }
        overflow-x: hidden;
        /* Always a scrollbar: the width never depends on whether the column overflows (so the lines wrapped for
           the first frame hold), and the scrollbar is placed in the first layout rather than a frame later. */
        overflow-y: scroll;
    }
    """

    # What the rows ask for; the app, which owns navigation, answers them (the widget never opens a screen).
    class QuoteChosen(Message):
        """Enter on a quote, a stance or a claim: show the article at its excerpt."""

        def __init__(self, item: Quote | Stance | Claim) -> None:
            super().__init__()
            self.item = item
            self.excerpt = item.excerpt

    class OfficialChosen(Message):
        """Enter on an official: show everything they said."""

        def __init__(self, official_id: int) -> None:
            super().__init__()
            self.official_id = official_id

    class OrganizationChosen(Message):
        """Enter on an organisation: show everything it said."""

        def __init__(self, organization_id: int) -> None:
            super().__init__()
            self.organization_id = organization_id

    class CitationWanted(Message):
        """`c` on a quote, a stance or a claim: copy its citation."""

        def __init__(self, item: Quote | Stance | Claim) -> None:
            super().__init__()
            self.item = item

    class MoreRequested(Message):
        """Enter on a `MorePages` row: the screen should read the next page and `replace` the row with it."""

        def __init__(self, more: MorePages) -> None:
            super().__init__()
            self.more = more

    # A position in `selectable` (-1 when nothing is selectable), kept there by `validate_cursor`; `watch_cursor`
    # scrolls it into view, repaints the two rows and tells the footer when the kind of row changes.
    cursor: var[int] = var(-1, init=False)

    def __init__(self, entries: Sequence[Entry] = (), *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.entries: list[Entry] = list(entries)
        self.selectable: list[int] = []
        self._width = 0
        self._lines: list[tuple[int, int]] = []  # per virtual line: (entry index, part), (-1, -1) for a gap
        self._first: list[int] = []  # per entry: its first line
        self._strips: LRUCache[tuple[int, int, int, bool], Strip] = LRUCache(1024)
        # The width, visual and rich style, and the styles of headings and notes, of the current paint.
        self._paint: tuple[int, Any, Any, dict[str, Any]] = (0, None, None, {})
        self._index_entries()

    # --- the entries -----------------------------------------------------------------------------

    def _index_entries(self) -> None:
        self.selectable = [i for i, entry in enumerate(self.entries) if entry.target is not None]
        # Set without the watcher: the entries changed under the cursor, and the caller repaints and announces.
        self.set_reactive(DrillList.cursor, self.validate_cursor(self.cursor))
        self._width = 0  # lay out again
        self._strips.clear()
        if self.is_mounted:
            self._layout(self.scrollable_content_region.width or predicted_width(self))
            self.refresh()

    def show(self, entries: Sequence[Entry]) -> None:
        """Replace every entry; the cursor lands on the first selectable one, at the top."""
        self.entries = list(entries)
        self.set_reactive(DrillList.cursor, 0)
        self._index_entries()
        self.scroll_to(y=0, animate=False, immediate=True)
        self._announce()

    def replace(self, entry: Entry, entries: Sequence[Entry]) -> None:
        """Put `entries` where `entry` is (an "N more" row making way for its rows); the cursor lands on the
        first selectable one of them, where reading continues."""
        at = self.entries.index(entry)
        self.entries[at : at + 1] = entries
        self._index_entries()
        first = next((i for i, e in enumerate(self.entries[at : at + len(entries)], at) if e.target is not None), None)
        if first is not None:
            self.move_to(self.selectable.index(first))

    @property
    def highlighted(self) -> Any:
        """The target under the cursor: a Quote, Stance, Official, Organization, MoreUnits or MorePages."""
        return self.entries[self.selectable[self.cursor]].target if self.cursor >= 0 else None

    # --- layout ----------------------------------------------------------------------------------

    def _layout(self, width: int) -> None:
        """Place every entry's lines at `width` (wrapping each entry once per width)."""
        width = max(width, 1)
        if width == self._width:
            return
        self._width = width
        lines: list[tuple[int, int]] = []
        first: list[int] = []
        below = 0
        for index, entry in enumerate(self.entries):
            _left, _right, top, bottom = PLACE[entry.kind]
            lines += [(-1, -1)] * max(top, below)
            first.append(len(lines))
            lines += [(index, part) for part in range(entry.height(width))]
            below = bottom
        self._lines, self._first = lines, first
        self._strips.clear()
        self.virtual_size = Size(width, len(lines))

    def on_mount(self) -> None:
        # Lay out now, at the width the layout will give, so the first frame is the complete one.
        self._layout(predicted_width(self))

    def on_resize(self, event: events.Resize) -> None:
        self._layout(self.scrollable_content_region.width)
        self._scroll_to_cursor()

    def render_lines(self, crop):  # type: ignore[no-untyped-def]  # Widget.render_lines(crop: Region)
        width = self.scrollable_content_region.width
        if width and width != self._width:
            self._layout(width)  # the prediction was wrong (or the size changed): correct before painting
        # Computed once per paint rather than per line (each is a walk up the DOM).
        self._paint = self._paint_styles(width)
        return super().render_lines(crop)

    def _paint_styles(self, width: int) -> tuple[int, Any, Any, dict[str, Any]]:
        kinds = {kind: self.get_visual_style(f"drill-list--{kind}", partial=True) for kind in STYLED_KINDS}
        return width, self.visual_style, self.rich_style, kinds

    # --- painting --------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        if self._paint[1] is None:  # called outside a paint
            self._paint = self._paint_styles(self.scrollable_content_region.width)
        width, visual_style, rich_style, _kinds = self._paint
        number = self.scroll_offset.y + y
        if number >= len(self._lines) or width <= 0 or self._lines[number][0] < 0:
            return Strip.blank(width, rich_style)
        index, part = self._lines[number]
        is_cursor = self.cursor >= 0 and self.selectable[self.cursor] == index
        key = (index, part, width, is_cursor)
        if (strip := self._strips.get(key)) is None:
            line = entry_line(self.entries[index], part, width, is_cursor, self._paint[3])
            strip = Strip(line.render_segments(visual_style), line.cell_length)
            strip = strip.crop_extend(0, width, rich_style).apply_meta({"entry": index})
            self._strips.set(key, strip)
        return strip

    def notify_style_update(self) -> None:
        # A theme or CSS change recolours every line.
        self._strips.clear()
        self._paint = (0, None, None, {})
        super().notify_style_update()

    # --- the cursor ------------------------------------------------------------------------------

    def move_to(self, position: int) -> None:
        """Put the cursor on selectable entry `position` (clamped; the ends are felt, not wrapped)."""
        if not self.selectable:
            return
        if self.validate_cursor(position) == self.cursor:
            self._scroll_to_cursor()  # it stays, but is brought back into view (G after paging up)
        else:
            self.cursor = position

    def validate_cursor(self, position: int) -> int:
        return min(max(position, 0), len(self.selectable) - 1) if self.selectable else -1

    def watch_cursor(self, previous: int, cursor: int) -> None:
        self._scroll_to_cursor()
        for old in {previous, cursor}:
            if 0 <= old < len(self.selectable):
                index = self.selectable[old]
                if index < len(self._first):
                    self.refresh_lines(self._first[index], self.entries[index].height(self._width or 1))
        self._announce(previous)

    def move(self, delta: int) -> None:
        """The next or previous selectable row; with none (a city the sources say nothing about), scroll."""
        if self.selectable:
            self.move_to(self.cursor + delta)
        else:
            self.scroll_to(y=self.scroll_offset.y + delta, animate=False, immediate=True)

    def edge(self, last: bool) -> None:
        """The first or last selectable row (and the top or bottom of the column)."""
        if self.selectable:
            self.move_to(len(self.selectable) - 1 if last else 0)
        else:
            self.scroll_to(y=self.max_scroll_y if last else 0, animate=False, immediate=True)

    def _announce(self, previous: int = -1) -> None:
        # The footer shows the keys of the kind of row under the cursor; tell it when the kind changes.
        before = self.entries[self.selectable[previous]].target if 0 <= previous < len(self.selectable) else None
        if type(before) is not type(self.highlighted):
            self.refresh_bindings()

    def _scroll_to_cursor(self) -> None:
        if self.cursor < 0 or not self._first:
            return
        height = self.scrollable_content_region.height
        if self.cursor == 0:
            self.scroll_to(y=0, animate=False, immediate=True)  # the title and headings above it too
            return
        if self.cursor == len(self.selectable) - 1:
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
            return
        index = self.selectable[self.cursor]
        first, size = self._first[index], self.entries[index].height(self._width or 1)
        top = round(self.scroll_offset.y)
        if first < top or size > height:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif first + size > top + height:
            self.scroll_to(y=first + size - height, animate=False, immediate=True)

    def first_line(self, index: int) -> int:
        """The virtual line on which entry `index` starts (for clicks in tests)."""
        return self._first[index]

    # --- keys and mouse --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        needs = TARGETS.get(action)
        return needs is None or isinstance(self.highlighted, needs)

    def action_cycle(self, delta: int) -> None:
        # Tab and Shift+Tab go round, as focus does between widgets; up and down stop at the ends.
        if self.selectable:
            self.move_to((self.cursor + delta) % len(self.selectable))

    def action_page(self, direction: int) -> None:
        """Scroll a page and put the cursor on the first row that is then in view."""
        height = max(self.scrollable_content_region.height - 1, 1)
        self.scroll_to(y=self.scroll_offset.y + direction * height, animate=False, immediate=True)
        top = self.scroll_offset.y
        visible = [p for p, i in enumerate(self.selectable) if top <= self._first[i] < top + height + 1]
        if visible:
            self.move_to(visible[0] if direction > 0 else visible[-1])

    def action_open_source(self) -> None:
        if isinstance(target := self.highlighted, (Quote, Stance, Claim)):
            self.post_message(self.QuoteChosen(target))

    def action_copy_citation(self) -> None:
        if isinstance(target := self.highlighted, (Quote, Stance, Claim)):
            self.post_message(self.CitationWanted(target))

    def action_open_speaker(self) -> None:
        target = self.highlighted
        if isinstance(target, Official):
            self.post_message(self.OfficialChosen(target.id))
        elif isinstance(target, Organization):
            self.post_message(self.OrganizationChosen(target.id))

    def action_show_more(self) -> None:
        if isinstance(more := self.highlighted, MoreUnits):
            self.replace(self.entries[self.selectable[self.cursor]], more.next_page())

    def action_load_more(self) -> None:
        if isinstance(more := self.highlighted, MorePages):
            self.post_message(self.MoreRequested(more))

    def action_open(self) -> None:
        """Whatever Enter does on the row under the cursor."""
        for action in ("open_source", "open_speaker", "show_more", "load_more"):
            if self.check_action(action, ()):
                getattr(self, f"action_{action}")()
                return

    # As in the main screen's lists: a click highlights, a double click opens ("N more" rows open at once).
    def on_click(self, event: events.Click) -> None:
        index = event.style.meta.get("entry")
        if index is None or index not in self.selectable:
            return
        self.move_to(self.selectable.index(index))
        if event.chain >= 2 or isinstance(self.highlighted, (MoreUnits, MorePages)):
            self.action_open()
