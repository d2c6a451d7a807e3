"""The source screen: the article a fact comes from, with the excerpt highlighted and scrolled into view.

The article is one row read by id (tens of microseconds), so it is read when the screen is made rather than in a
worker: the screen's first frame already shows the text at the excerpt. `ArticleText` draws it line by line.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from tui.models import Claim, Quote, Source, Stance
from tui.present import NOT_STATED, date_label, one_line
from tui.screens.base import DrillScreen
from tui.store import Store
from tui.widgets.article import ArticleText
from tui.widgets.background import try_read

__all__ = ["ArticleText", "SourceScreen", "source_meta"]  # ArticleText: where the source screen's view is found


class SourceScreen(DrillScreen):
    """One article with one excerpt highlighted; arrows and Page keys scroll, Escape goes back."""

    CSS_PATH = "source.tcss"
    # The keys the lists use, for the article too (arrows, Page keys, Home and End come with the scrolling view).
    BINDINGS = [
        Binding("j", "scroll_article('scroll_down')", "Down", show=False, tooltip="Scroll down a line"),
        Binding("k", "scroll_article('scroll_up')", "Up", show=False, tooltip="Scroll up a line"),
        Binding("g", "scroll_article('scroll_home')", "Top", show=False, tooltip="Scroll to the top of the article"),
        Binding("G", "scroll_article('scroll_end')", "End", show=False, tooltip="Scroll to the end of the article"),
        Binding("x", "excerpt", "Excerpt", tooltip="Scroll the highlighted excerpt back into view"),
        Binding("c", "copy_citation", "Copy citation", tooltip="Copy the highlighted passage as a citation"),
        Binding("f", "next_figure", "Next figure", tooltip="Highlight the next figure the article states"),
    ]
    CRUMB = "Source"

    class CitationWanted(Message):
        """`c` on the article: copy a citation of the quote, stance or figure highlighted in it."""

        def __init__(self, item: Quote | Stance | Claim) -> None:
            super().__init__()
            self.item = item

    def __init__(self, store: Store, source_id: int, start: int, end: int) -> None:
        super().__init__()
        self.source_id = source_id
        # One row by id: read at once, so the first frame shows the excerpt. A failure (a locked database, a quote
        # whose article is missing) is shown as one line and the screen says the article could not be shown.
        self.source: Source | None
        self.source, self.failure = try_read(self.app, lambda: store.source(source_id))
        text: str | None = None
        if self.source is not None:
            text, self.failure = try_read(self.app, lambda: store.source_text(source_id))
        if text is None:
            self.source = None
        self.text = text or ""
        self.start = start
        self.end = end
        self.store = store
        # The article's figures (the claims table): listed under the metadata, `f` highlights each in turn.
        claims: list[Claim] | None = None
        if self.source is not None:
            claims, _ = try_read(self.app, lambda: store.claims_in_source(source_id))
        self.claims: list[Claim] = claims or []  # a failed read of the figures leaves the article readable

    def compose_body(self) -> ComposeResult:
        if self.failure is not None:
            yield Static(Content("Source: could not be read"), id="source-meta")
            yield Static(Content(f"This article could not be read from the database. {self.failure}"), id="article")
        elif self.source is None:
            yield Static(source_meta(None, self.start, self.end), id="source-meta")
            yield Static(Content("This article is not in the database"), id="article")
        else:
            yield Static(source_meta(self.source, self.start, self.end), id="source-meta")
            yield Static(figures_line(self.claims, self.start, self.end), id="source-figures")
            yield ArticleText(self.text, self.start, self.end, self.source.slug, id="article")

    def on_mount(self) -> None:
        self.query_one("#article").focus()

    def action_scroll_article(self, how: str) -> None:
        article = self.query_one("#article")
        if isinstance(article, ArticleText):
            getattr(article, how)(animate=False, immediate=True)

    def action_excerpt(self) -> None:
        article = self.query_one("#article")
        if isinstance(article, ArticleText):
            article.scroll_to_excerpt()

    def action_copy_citation(self) -> None:
        """Copy the highlighted passage: the quote, stance or figure cut from exactly these characters."""
        item = self.store.item_at(self.source_id, self.start, self.end) if self.source else None
        if item is None:
            self.notify("No quote, stance or figure is highlighted here to cite", severity="warning")
        else:
            self.post_message(self.CitationWanted(item))

    async def action_next_figure(self) -> None:
        """Highlight the article's next figure (after the highlighted passage, round to the first)."""
        if self.source is None or not self.claims:
            self.notify("No figures recorded for this article", severity="warning")
            return
        later = [c for c in self.claims if (c.excerpt.start, c.excerpt.end) > (self.start, self.end)]
        claim = (later or self.claims)[0]
        self.start, self.end = claim.excerpt.start, claim.excerpt.end
        await self.query_one("#article", ArticleText).remove()
        article = ArticleText(self.text, self.start, self.end, self.source.slug, id="article")
        await self.mount(article, after="#source-figures")
        article.focus()
        self.query_one("#source-meta", Static).update(source_meta(self.source, self.start, self.end))
        self.query_one("#source-figures", Static).update(figures_line(self.claims, self.start, self.end))


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


def figures_line(claims: list[Claim], start: int, end: int) -> Content:
    """'Figures (f): about 2,000 families · up to 10 cities · ...', the highlighted one in bold."""
    if not claims:
        return Content.styled("Figures: none recorded for this article", "italic")
    pieces: list[Content] = []
    for claim in claims:
        current = (claim.excerpt.start, claim.excerpt.end) == (start, end)
        pieces.append(Content.styled(one_line(claim.figure), "bold $text" if current else ""))
    return Content.assemble(f"Figures ({len(claims)}, f highlights each): ", Content(" · ").join(pieces))
