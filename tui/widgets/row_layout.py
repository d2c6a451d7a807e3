"""Rows of a list laid out in columns, cropped by terminal cells, from DB text shown literally. No widgets here.

Cells are measured in terminal cells, not characters, so wide CJK characters and emoji (two cells each) never push
a column out of line; a narrow list drops its least important fixed columns instead of squeezing them all.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual.cache import LRUCache
from textual.strip import Strip

from tui.present import one_line

# A row is one Text (spanning the row), or one Text per column.
Row = Text | Sequence[Text]
# Painted rows kept, in screens: a cursor move repaints two rows, a page up and back is two screens. Each painted
# row (a Strip) keeps caches of its own, so keeping more costs memory for nothing.
KEPT_SCREENS = 3
# A flexible column narrower than this is useless; fixed columns are dropped until it fits.
MIN_FLEX_WIDTH = 8


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a row: a fixed width in cells, or `None` to share the width the fixed columns leave.

    When the list is too narrow, fixed columns are dropped, highest `drop` first (then rightmost first).
    """

    width: int | None = None
    justify: Literal["left", "right"] = "left"
    drop: int = 0
    # For a flexible column: the fewest cells worth showing before fixed columns make way for it.
    min_width: int = MIN_FLEX_WIDTH
    # For a flexible column: its share, against the other flexible columns', of the cells beyond their minimums,
    # and the most it ever takes (what it leaves goes to the others): a speaker's name grows with a wide pane.
    weight: int = 1
    max_width: int | None = None


def cell(text: str | None, style: str | Style = "") -> Text:
    """A cell of DB text: one line, escapes and control characters removed, never parsed as markup."""
    return Text(one_line(text or ""), style=style, no_wrap=True)


def column_widths(columns: Sequence[Column], width: int) -> list[int]:
    """Cell widths of the columns in `width` (0 for a column dropped because the list is too narrow).

    One space separates visible columns. Fixed columns are dropped (see `Column.drop`) until the flexible ones get
    their `min_width`, so a narrow pane keeps the name and loses the state rather than truncating everything.
    """
    return list(_column_widths(tuple(columns), width))


@lru_cache(maxsize=64)
def _column_widths(columns: tuple[Column, ...], width: int) -> tuple[int, ...]:
    # Every row of a list at one width has the same widths: worked out once, not once per painted row.
    visible = list(range(len(columns)))
    flex = [i for i in visible if columns[i].width is None]
    while True:
        fixed = sum(columns[i].width or 0 for i in visible) + max(len(visible) - 1, 0)
        rest = width - fixed
        droppable = sorted((columns[i].drop, i) for i in visible if columns[i].width is not None)
        if rest >= sum(columns[i].min_width for i in flex) or not droppable or len(visible) == 1:
            break
        visible.remove(droppable[-1][1])
    widths = [0] * len(columns)
    for i in visible:
        widths[i] = columns[i].width or 0
    for i, flex_width in zip(flex, _share(rest, [columns[i] for i in flex]), strict=True):
        widths[i] = flex_width
    return tuple(widths)


def _share(rest: int, flex: list[Column]) -> list[int]:
    """Split `rest` cells between flexible columns: each its minimum, then the extra by weight, each capped at its
    `max_width` (a capped column's leftover goes to the others). Too little for the minimums: split by minimum."""
    rest = max(rest, 0)
    if not flex:
        return []
    minimums = [c.min_width for c in flex]
    if rest <= sum(minimums):
        total = sum(minimums) or 1
        widths = [rest * m // total for m in minimums]
    else:
        widths = list(minimums)
        extra = rest - sum(minimums)

        def below_cap(n: int) -> bool:
            cap = flex[n].max_width
            return cap is None or cap > widths[n]

        open_ = [n for n in range(len(flex)) if below_cap(n)]
        while extra > 0 and open_:
            weights = sum(flex[n].weight for n in open_) or 1
            given = 0
            for n in open_:
                grant = extra * flex[n].weight // weights
                cap = flex[n].max_width
                if cap is not None:
                    grant = min(grant, cap - widths[n])
                widths[n] += grant
                given += grant
            extra -= given
            open_ = [n for n in open_ if below_cap(n)]
            if given == 0:
                break
        if extra > 0:  # what rounding left over goes to the last column still open, else the last one
            widths[open_[-1] if open_ else -1] += extra
    return widths


def layout_row(row: Row, columns: Sequence[Column], width: int) -> Text:
    """Lay the cells of `row` into exactly `width` cells, cropping by cell width (wide CJK and emoji count 2).

    A row given as one Text spans the whole width, whatever the columns.
    """
    if isinstance(row, Text):
        return _fit(row, width, "left")
    # Built as one string with a span per cell: appending a Text per cell copies each one's spans again.
    plain: list[str] = []
    spans: list[Span] = []
    at = 0
    for column, cell_width, content in zip(columns, _column_widths(tuple(columns), width), row, strict=False):
        if cell_width <= 0:
            continue
        if at:
            plain.append(" ")
            at += 1
        fitted = _fit(content, cell_width, column.justify)
        plain.append(fitted.plain)
        spans += [Span(at + span.start, at + span.end, span.style) for span in _spans(fitted)]
        at += len(fitted.plain)
    out = Text("".join(plain), no_wrap=True, end="", spans=spans)
    out.truncate(width, pad=True)
    return out


def _spans(text: Text) -> list[Span]:
    """The text's styles as spans: its base style over all of it, then its own spans."""
    base = [Span(0, len(text.plain), text.style)] if text.style and text.plain else []
    return base + text.spans


def _fit(content: Text, width: int, justify: str) -> Text:
    plain = content.plain
    if not plain.isprintable():  # newlines, tabs, escapes and other control characters are not printable
        # The renderer passed raw text: rebuild it safely, keeping only its base style.
        content = Text(one_line(plain), style=content.style)
        plain = content.plain
    if not content.spans:  # a cell as `cell()` makes it: cropped and padded as a plain string, no Text copies
        return Text(_fit_plain(plain, width, justify), style=content.style, end="")
    fitted = content.copy()
    fitted.truncate(width, overflow="ellipsis")
    padding = width - fitted.cell_len
    if padding > 0:
        if justify == "right":
            fitted.pad_left(padding)
        else:
            fitted.pad_right(padding)
    return fitted


def _fit_plain(plain: str, width: int, justify: str) -> str:
    """`plain` in exactly `width` cells: cut with an ellipsis (as Text.truncate does) or padded."""
    if width <= 0:
        return ""
    length = cell_len(plain)
    if length > width:
        plain = set_cell_size(plain, width - 1) + "…"
        length = cell_len(plain)
    if length < width:
        padding = " " * (width - length)
        plain = padding + plain if justify == "right" else plain + padding
    return plain


def text_strip(text: Text, width: int, style: Style, console: Console, row: int | None = None) -> Strip:
    """One painted line: `text` (a single line) cropped or padded to `width` cells over the base `style`.

    `row`, the list row painted, rides on the segments as metadata, so a click knows its row whatever the scroll.
    One Strip is made, not three (adjusted, then with metadata): each carries half a dozen caches of its own.
    """
    text.truncate(width, pad=True)
    text.end = ""  # a line of a list, not of a document: no newline segment
    if row is not None:
        style += Style.from_meta({"row": row})
    segments = [Segment(part.text, style + part.style if part.style else style) for part in text.render(console)]
    return Strip(segments, width)


class RowPainter:
    """A list's lines as Strips: its rows laid out in columns, blank lines below them, and the sentence a list
    shows instead of rows ("Loading…", an error, why it is empty). Painted rows are kept for a few screens."""

    def __init__(self, renderer: Callable[[Any], Row], columns: Sequence[Column]) -> None:
        self._renderer = renderer
        self._columns = tuple(columns)
        self._kept: LRUCache[Hashable, Strip] = LRUCache(KEPT_SCREENS * 40)

    def fit_screen(self, height: int) -> None:
        self._kept.maxsize = KEPT_SCREENS * max(height, 10)

    def forget(self) -> None:
        """Drop every painted row: the data or the styles changed."""
        self._kept.clear()

    def kept(self, key: Hashable) -> Strip | None:
        """The row painted under `key` (everything that changes how it looks), if it is still kept."""
        return self._kept.get(key)

    def row(self, key: Hashable, item: Any, width: int, style: Style, console: Console, index: int) -> Strip:
        strip = text_strip(layout_row(self._renderer(item), self._columns, width), width, style, console, index)
        self._kept.set(key, strip)
        return strip

    def blank(self, width: int, style: Style) -> Strip:
        key = ("blank", width)
        if (strip := self._kept.get(key)) is None:
            strip = Strip.blank(width, style)
            self._kept.set(key, strip)
        return strip

    def sentence(self, message: str, y: int, width: int, style: Style, text_style: Style, console: Console) -> Strip:
        """Line `y` of `message`, wrapped: it is a sentence, not a row."""
        lines = Text(one_line(message)).wrap(console, max(width, 1))
        return text_strip(lines[y], width, text_style, console) if y < len(lines) else Strip.blank(width, style)
