"""Word wrapping by character offsets, fast enough to lay out a 100 KB article inside one frame.

The drill-down views draw text line by line (Textual's Line API), so they need to know where each wrapped line
starts without building a widget per paragraph. The rule is the one `Content.wrap` applies (rich's
`divide_line`): a line holds as many words (a word and the spaces after it) as fit in the width, not counting the
spaces at its end; a word wider than a whole line is folded. Most text is made of one-cell characters; there a
regular expression finds every line break in C (about 10× faster than measuring word by word, which text with
wide or zero-width characters still does).
"""

from __future__ import annotations

import re
from functools import lru_cache

from rich.cells import cell_len, chop_cells
from textual.dom import DOMNode
from textual.widget import Widget

# Characters one cell wide (Latin, Greek, Cyrillic, general punctuation, the control pictures display_text uses).
# Combining marks (U+0300..U+036F) are zero cells and East Asian ideographs two, so text with those is measured.
_NARROW = re.compile(
    r"[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0377\u037a-\u037f\u0384-\u0482\u048a-\u052f"
    r"\u2010-\u2027\u2030-\u205e\u20a0-\u20c0\u2100-\u214f\u2190-\u21ff\u2400-\u2426]*"
)
_WORD = re.compile(r"\s*\S+\s*")
_FIRST_WORD = re.compile(r"\s*\S*")


@lru_cache(maxsize=64)
def _patterns(width: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # A line: the longest run whose last word ends within `width` characters, with the spaces after it.
    # A word longer than a line (counting a paragraph's leading spaces) is folded, which is left to the slow path.
    line = re.compile(rf".{{0,{width - 1}}}\S(?=\s|\Z)\s*", re.DOTALL)
    too_long = re.compile(rf"\S{{{width + 1}}}")
    return line, too_long


def line_starts(paragraph: str, width: int) -> list[int]:
    """Where each wrapped line of `paragraph` (no newlines, no tabs) starts; the first is always 0."""
    width = max(width, 1)
    if len(paragraph) <= width or not paragraph.strip():
        if _NARROW.fullmatch(paragraph) or cell_len(paragraph) <= width:
            return [0]
    line, too_long = _patterns(width)
    first_word = _FIRST_WORD.match(paragraph)
    if _NARROW.fullmatch(paragraph) and not too_long.search(paragraph) and first_word and first_word.end() <= width:
        return [match.start() for match in line.finditer(paragraph)] or [0]
    return _measured_starts(paragraph, width)


def _measured_starts(paragraph: str, width: int) -> list[int]:
    """`line_starts` measured word by word, for text with wide or zero-width characters (rich's divide_line)."""
    starts = [0]
    used = 0
    for match in _WORD.finditer(paragraph):
        start, word = match.start(), match.group()
        length = cell_len(word.rstrip())
        if width - used >= length:
            used += cell_len(word)
        elif length > width:
            pieces = chop_cells(word, width)
            for piece in pieces[:-1]:
                if start:
                    starts.append(start)
                start += len(piece)
            if start:
                starts.append(start)
            used = cell_len(pieces[-1])
        elif used and start:
            starts.append(start)
            used = cell_len(word)
    return starts


def wrap_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """The [start, end) character range of every wrapped line of `text`; a newline ends a line and is in none."""
    ranges: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        starts = line_starts(paragraph, width)
        ends = starts[1:] + [len(paragraph)]
        ranges += [(position + a, position + b) for a, b in zip(starts, ends, strict=True)]
        position += len(paragraph) + 1
    return ranges


def predicted_width(widget: Widget) -> int:
    """The content width `widget` will get before the layout has given it one: the terminal's width less every
    margin, border and padding between it and the screen's edges, and its vertical scrollbar's gutter.

    Right for a widget that fills its parents' width (as the drill-down views do); a view lays itself out at
    this width when mounted, so the first frame needs no second layout, and lays itself out again if the real
    width turns out different.
    """
    width = widget.app.size.width - widget.styles.scrollbar_size_vertical
    node: DOMNode | None = widget
    while isinstance(node, Widget) and node is not widget.screen:
        width -= node.styles.gutter.width + node.styles.margin.width
        node = node.parent
    return max(width, 1)
