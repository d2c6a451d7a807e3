"""The source screen: the article a fact comes from, with the excerpt highlighted and scrolled into view.

The article is one row read by id (tens of microseconds, a few kilobytes), so it is read when the screen is made
rather than in a worker: the screen's first frame already shows the text at the excerpt. The text is shown
literally — a Content built from the escaped text, never parsed as markup — and the escaper keeps one character
per character, so `text[start:end]` is exactly the highlighted span.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.models import Source
from tui.present import NOT_STATED, date_label, display_text, one_line
from tui.screens.base import DrillScreen
from tui.store import Store

EXCERPT_STYLE = "bold $text on $warning 45%"


# Characters shown either side of the excerpt. A news article is a few kilobytes and is shown whole; a
# multi-megabyte text (the synthetic benchmark articles) would take tens of seconds to lay out, so only the
# paragraphs around the excerpt are shown, and the screen says how much is left out.
WINDOW_CHARS = 20_000


def article_window(text: str, start: int, end: int, radius: int = WINDOW_CHARS) -> tuple[int, int]:
    """The [lo, hi) slice of `text` to show around text[start:end], cut at paragraph breaks when there are any."""
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


class ArticleText(Static):
    """The article's text with the excerpt styled; knows on which wrapped line the excerpt starts."""

    DEFAULT_CSS = """
    ArticleText {
        padding: 0 1;
        width: 1fr;
    }
    """

    def __init__(self, text: str, start: int, end: int, slug: str = "") -> None:
        self.start = max(0, min(start, len(text)))
        self.end = max(self.start, min(end, len(text)))
        lo, hi = article_window(text, self.start, self.end)
        note = f"`events-tui source {one_line(slug)}` prints the whole article"
        before = (f"[{lo:,} characters before this point not shown; {note}]\n\n", "italic $text-muted")
        after = (f"\n\n[{len(text) - hi:,} characters after this point not shown]", "italic $text-muted")
        # display_text swaps each control character for one visible symbol, so offsets are unchanged.
        shown = Content(display_text(text[lo:hi])).stylize(EXCERPT_STYLE, self.start - lo, self.end - lo)
        content = Content.assemble(*([before] if lo else []), shown, *([after] if hi < len(text) else []))
        super().__init__(content)
        self.article_content = content
        self.window = (lo, hi)

    @property
    def excerpt(self) -> str:
        """The highlighted characters, as rendered."""
        spans = [s for s in self.article_content.spans if s.style == EXCERPT_STYLE]
        return "".join(self.article_content.plain[s.start : s.end] for s in spans)

    def excerpt_line(self) -> int:
        """The wrapped line on which the excerpt starts, at the widget's current width."""
        width = max(1, self.content_region.width)
        for index, line in enumerate(self.article_content.wrap(width)):
            if any(span.style == EXCERPT_STYLE for span in line.spans):
                return index
        return 0


class SourceScreen(DrillScreen):
    """One article with one excerpt highlighted; arrows and Page keys scroll, Escape goes back."""

    DEFAULT_CSS = """
    SourceScreen #source-meta {
        padding: 1 2 0 2;
        height: auto;
        /* The article matters more than its metadata: on a short terminal the metadata gives way. */
        max-height: 40%;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    SourceScreen #article {
        height: 1fr;
        margin: 1 1 0 1;
        border: round $panel;
    }
    SourceScreen #article:focus {
        border: round $accent;
    }
    """
    crumb = "Source"

    def __init__(self, store: Store, source_id: int, start: int, end: int) -> None:
        super().__init__()
        self.source_id = source_id
        try:
            self.source: Source | None = store.source(source_id)
        except KeyError:
            self.source = None
        self.text = store.source_text(source_id) if self.source else ""
        self.start = start
        self.end = end

    def compose_body(self) -> ComposeResult:
        yield Static(source_meta(self.source, self.start, self.end), id="source-meta")
        with VerticalScroll(id="article"):
            if self.source is None:
                yield Static(Content("This article is not in the database"))
            else:
                yield ArticleText(self.text, self.start, self.end, self.source.slug)

    def on_mount(self) -> None:
        self.query_one("#article").focus()
        self.call_after_refresh(self.scroll_to_excerpt)

    def on_resize(self, event: events.Resize) -> None:
        # Rewrapping moves the excerpt; keep it in sight.
        self.call_after_refresh(self.scroll_to_excerpt)

    def scroll_to_excerpt(self) -> None:
        """Put the excerpt's first line a third of the way down the article pane."""
        article = self.query_one("#article", VerticalScroll)
        for text in self.query(ArticleText):
            line = text.excerpt_line()
            article.scroll_to(y=max(0, line - article.scrollable_content_region.height // 3), animate=False)


def source_meta(source: Source | None, start: int, end: int) -> Content:
    """Title, outlet, published, contributors, URL and slug; what the article does not state is said so."""
    if source is None:
        return Content("Source not in the database")

    def field(label: str, value: str | None) -> Content:
        shown = (one_line(value), "") if value else (NOT_STATED, "italic $text-muted")
        return Content.assemble((f"{label}: ", "$text-muted"), shown)

    published = date_label(source.published, "day") if source.published else None
    return Content("\n").join(
        [
            field("Title", source.title),
            Content.assemble(field("Outlet", source.outlet), "   ", field("Published", published)),
            Content.assemble(field("Contributors", source.contributors), "   ", field("URL", source.url)),
            Content.assemble(
                field("Slug", source.slug), (f"   excerpt: characters {start}–{end}, highlighted below", "$text-muted")
            ),
        ]
    )
