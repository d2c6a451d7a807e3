"""An article with one excerpt highlighted, drawn line by line so that opening it costs the same at any length.

A `Static` holding the whole article wraps all of it at every layout, twice (height, then render), and finding
the excerpt's line wrapped it a third time: 280 ms to open a 100 KB article. This view wraps by character
offsets (`tui.widgets.wrap`, ~4 ms per 100 KB, cached per width), paints only the visible lines, and puts the
excerpt in view before the first frame. The text is shown literally: each line is a `Content` of the escaped
text, never parsed as markup, and the escaper keeps one character per character, so `text[start:end]` is exactly
the highlighted span.
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.present import display_text, one_line
from tui.widgets.wrap import predicted_width, wrap_ranges

EXCERPT_STYLE = "bold $text on $warning 45%"
NOTE_STYLE = "italic $text-muted"

# Characters shown either side of the excerpt. Wrapping costs ~4–7 ms per 100 KB here (~45 ms per megabyte), so
# an article (tens of kilobytes; the benchmark's are ~100 KB) is shown whole, while a text of megabytes shows the
# paragraphs around the excerpt, and says how much it leaves out, rather than stall the first frame.
WINDOW_CHARS = 100_000


def article_window(text: str, start: int, end: int, radius: int | None = None) -> tuple[int, int]:
    """The [lo, hi) slice of `text` to show around text[start:end], cut at paragraph breaks when there are any."""
    radius = WINDOW_CHARS if radius is None else radius
    if len(text) <= 2 * radius + (end - start):
        return 0, len(text)
    lo, hi = max(0, start - radius), min(len(text), end + radius)
    if lo > 0:
        brk = text.find("\n", lo, start)
        lo = brk + 1 if brk != -1 else lo
    if hi < len(text):
        brk = text.rfind("\n", end, hi)
        hi = brk if brk != -1 else hi
    return lo, hi


class ArticleText(ScrollView, can_focus=True):
    """The article's text with the excerpt styled; knows on which wrapped line the excerpt starts."""

    DEFAULT_CSS = """
    ArticleText {
        padding: 0 1;
        overflow-x: hidden;
        /* Always a scrollbar: the width never depends on whether the text overflows (so the lines wrapped for
           the first frame hold), and the scrollbar is placed in the first layout rather than a frame later. */
        overflow-y: scroll;
    }
    """

    def __init__(self, text: str, start: int, end: int, slug: str = "", *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.start = max(0, min(start, len(text)))
        self.end = max(self.start, min(end, len(text)))
        lo, hi = article_window(text, self.start, self.end)
        self.window = (lo, hi)
        note = f"`events-tui source {one_line(slug)}` prints the whole article"
        before = f"[{lo:,} characters before this point not shown; {note}]\n\n" if lo else ""
        after = f"\n\n[{len(text) - hi:,} characters after this point not shown]" if hi < len(text) else ""
        # display_text swaps each control character for one visible symbol and a tab is shown as one space, so
        # offsets into the shown text are offsets into the article plus len(before) - lo.
        shown = display_text(text[lo:hi]).replace("\t", " ")
        self.text = before + shown + after
        shift = len(before) - lo
        self._excerpt = (self.start + shift, self.end + shift)
        self._spans = [(self._excerpt[0], self._excerpt[1], EXCERPT_STYLE)]
        if before:
            self._spans.append((0, len(before) - 2, NOTE_STYLE))
        if after:
            self._spans.append((len(self.text) - len(after) + 2, len(self.text), NOTE_STYLE))
        self._width = 0
        self._lines: list[tuple[int, int]] = []
        self._line_cache: dict[int, Strip] = {}
        self._placed = False  # the excerpt has been scrolled into view at the real size

    # --- layout ----------------------------------------------------------------------------------

    def _layout(self, width: int) -> bool:
        """Wrap the text at `width` (once per width) and size the scrollable area to it; False if already so."""
        width = max(width, 1)
        if width == self._width:
            return False
        self._width = width
        self._lines = wrap_ranges(self.text, width)
        self._line_cache.clear()
        self.virtual_size = Size(width, len(self._lines))
        return True

    def on_mount(self) -> None:
        # Wrap and scroll now, so the first frame already shows the excerpt (the real size is only known later).
        self._layout(predicted_width(self))
        self.scroll_to_excerpt(max(self.app.size.height // 2, 1))
        # Before the first layout the scrollbar is not told of the scroll; tell it, or it jumps a frame later.
        self.vertical_scrollbar.position = self.scroll_offset.y

    def on_resize(self, event: events.Resize) -> None:
        # Rewrapping moves the excerpt; keep it in sight (and leave the view alone when it did not move).
        if self._layout(self.scrollable_content_region.width) or not self.excerpt_in_view():
            self.scroll_to_excerpt()

    def render_lines(self, crop):  # type: ignore[no-untyped-def]  # Widget.render_lines(crop: Region)
        width, height = self.scrollable_content_region.size
        if width and width != self._width:
            self._layout(width)
        if height and not self._placed:
            self._placed = True
            if not self.excerpt_in_view():
                self.scroll_to_excerpt(height)
        return super().render_lines(crop)

    def excerpt_in_view(self) -> bool:
        top, line = self.scroll_offset.y, self.excerpt_line()
        return top <= line < top + self.scrollable_content_region.height

    def scroll_to_excerpt(self, height: int | None = None) -> None:
        """Put the excerpt's first line a third of the way down the view."""
        height = height or self.scrollable_content_region.height
        self.scroll_to(y=max(0, self.excerpt_line() - height // 3), animate=False, immediate=True)

    def excerpt_line(self) -> int:
        """The wrapped line on which the excerpt starts, at the current width."""
        start = self._excerpt[0]
        low, high = 0, len(self._lines)
        while low < high:  # the last line starting at or before the excerpt
            middle = (low + high) // 2
            if self._lines[middle][0] <= start:
                low = middle + 1
            else:
                high = middle
        return max(low - 1, 0)

    # --- painting --------------------------------------------------------------------------------

    def line_content(self, index: int) -> Content:
        """Line `index` as a Content with its styles (the excerpt highlighted), trailing spaces kept."""
        a, b = self._lines[index]
        content = Content(self.text[a:b])
        for start, end, style in self._spans:
            if start < b and end > a:
                content = content.stylize(style, max(start, a) - a, min(end, b) - a)
        return content

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = self.scroll_offset.y + y
        if index >= len(self._lines) or width <= 0:
            return Strip.blank(width, self.rich_style)
        if (strip := self._line_cache.get(index)) is not None:
            return strip
        content = self.line_content(index)
        a, b = self._lines[index]
        # As Content.wrap paints: a line that ends at a wrap loses its trailing spaces; no line passes the width.
        if b < len(self.text) and self.text[b : b + 1] != "\n":
            content = content.rstrip()
        content = content.rstrip_end(width).truncate(width)
        segments = content.render_segments(self.visual_style)
        strip = Strip(segments, content.cell_length).extend_cell_length(width, self.rich_style)
        if len(self._line_cache) > 512:
            self._line_cache.clear()
        self._line_cache[index] = strip
        return strip

    def notify_style_update(self) -> None:
        # A theme change recolours every line.
        self._line_cache.clear()
        super().notify_style_update()

    @property
    def excerpt(self) -> str:
        """The highlighted characters, as rendered (line by line, a newline where the excerpt crosses one)."""
        first = self.excerpt_line()
        pieces: list[str] = []
        previous_end: int | None = None
        for index in range(first, len(self._lines)):
            a, b = self._lines[index]
            if a >= self._excerpt[1]:
                break
            content = self.line_content(index)
            lit = "".join(content.plain[s.start : s.end] for s in content.spans if s.style == EXCERPT_STYLE)
            if previous_end is not None and a > previous_end:
                pieces.append(self.text[previous_end:a])  # the newline between two paragraphs
            pieces.append(lit)
            previous_end = b
        return "".join(pieces)
