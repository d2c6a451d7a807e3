"""The source screen: the article a fact comes from, with the excerpt highlighted and scrolled into view.

The article is one row read by id (tens of microseconds), so it is read when the screen is made rather than in a
worker: the screen's first frame already shows the text at the excerpt. `ArticleText` draws it line by line.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

from tui.models import Claim, Source
from tui.present import NOT_STATED, date_label, one_line
from tui.screens.base import DrillScreen
from tui.store import Store
from tui.widgets.article import ArticleText

__all__ = ["ArticleText", "SourceScreen", "source_meta"]  # ArticleText: where the source screen's view is found


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
    SourceScreen #source-figures {
        padding: 0 2;
        height: auto;
        max-height: 25%;
        color: $text-muted;
    }
    """
    BINDINGS = [
        Binding("c", "copy_citation", "Copy citation", tooltip="Copy the highlighted passage as a citation"),
        Binding("f", "next_figure", "Next figure", tooltip="Highlight the next figure the article states"),
    ]
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
        self.store = store
        # The article's figures (the claims table): listed under the metadata, `f` highlights each in turn.
        self.claims: list[Claim] = store.claims_in_source(source_id) if self.source else []

    def compose_body(self) -> ComposeResult:
        yield Static(source_meta(self.source, self.start, self.end), id="source-meta")
        if self.source is not None:
            yield Static(figures_line(self.claims, self.start, self.end), id="source-figures")
        if self.source is None:
            yield Static(Content("This article is not in the database"), id="article")
        else:
            yield ArticleText(self.text, self.start, self.end, self.source.slug, id="article")

    def on_mount(self) -> None:
        self.query_one("#article").focus()

    def action_copy_citation(self) -> None:
        """Copy the highlighted passage: the quote, stance or figure cut from exactly these characters."""
        item = self.store.item_at(self.source_id, self.start, self.end) if self.source else None
        if item is None:
            self.notify("No quote, stance or figure is highlighted here to cite", severity="warning")
        else:
            self.app.copy_citation(item)  # type: ignore[attr-defined]

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
