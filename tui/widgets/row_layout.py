"""Rows of a list laid out in columns, cropped by terminal cells, from DB text shown literally. No widgets here.

Cells are measured in terminal cells, not characters, so wide CJK characters and emoji (two cells each) never push
a column out of line; a narrow list drops its least important fixed columns instead of squeezing them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rich.style import Style
from rich.text import Text

from tui.present import one_line

# A row is one Text (spanning the row), or one Text per column.
Row = Text | Sequence[Text]
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


def cell(text: str | None, style: str | Style = "") -> Text:
    """A cell of DB text: one line, escapes and control characters removed, never parsed as markup."""
    return Text(one_line(text or ""), style=style, no_wrap=True)


def column_widths(columns: Sequence[Column], width: int) -> list[int]:
    """Cell widths of the columns in `width` (0 for a column dropped because the list is too narrow).

    One space separates visible columns. Fixed columns are dropped (see `Column.drop`) until the flexible ones get
    their `min_width`, so a narrow pane keeps the name and loses the state rather than truncating everything.
    """
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
    if flex:
        share, extra = divmod(max(rest, 0), len(flex))
        for n, i in enumerate(flex):
            widths[i] = share + (1 if n < extra else 0)
    return widths


def layout_row(row: Row, columns: Sequence[Column], width: int) -> Text:
    """Lay the cells of `row` into exactly `width` cells, cropping by cell width (wide CJK and emoji count 2).

    A row given as one Text spans the whole width, whatever the columns.
    """
    if isinstance(row, Text):
        return _fit(row, width, "left")
    cells = list(row)
    out = Text(no_wrap=True, end="")
    first = True
    for column, cell_width, content in zip(columns, column_widths(columns, width), cells, strict=False):
        if cell_width <= 0:
            continue
        if not first:
            out.append(" ")
        first = False
        out.append_text(_fit(content, cell_width, column.justify))
    out.truncate(width, pad=True)
    return out


def _fit(content: Text, width: int, justify: str) -> Text:
    if any(ch in content.plain for ch in "\n\r\t\x1b") or not content.plain.isprintable():
        # The renderer passed raw text: rebuild it safely, keeping only its base style.
        content = Text(one_line(content.plain), style=content.style)
    fitted = content.copy()
    fitted.truncate(width, overflow="ellipsis")
    padding = width - fitted.cell_len
    if padding > 0:
        if justify == "right":
            fitted.pad_left(padding)
        else:
            fitted.pad_right(padding)
    return fitted
