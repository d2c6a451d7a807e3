"""The detail area under the panes: the highlighted quote in its sentence, who said it, when, how, and where.

A fragment quoted alone can mislead (Schaaf's "raids in this community" reads as a warning; the article says she
had no specific information about them), so the quote is shown inside the sentence of the article around it,
its own words in bold (`quote_in_context`, shared with the city screen's statements). Every field is always
shown, with "not stated in the sources" where the article is silent, so an empty line is never mistaken for a
value the program lost.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from tui.models import Claim, Context, Excerpt, Quote, Stance
from tui.present import NOT_STATED, context_line, date_label, display_text, one_line, source_label
from tui.widgets.article import EXCERPT_STYLE

# Label width, so the values line up in a column.
_LABEL = "{:<8}"
ContextFn = Callable[[Excerpt], Context | None]
# The quoted words are marked as the article view marks an excerpt, so they stand out from the sentence around
# them on any theme (two quotes of one sentence show the same sentence with different words marked).
WORDS_STYLE = EXCERPT_STYLE
AROUND_STYLE = "$text-muted"


def quote_in_context(item: Quote | Stance | Claim, context: Context | None) -> Content:
    """The item's words in bold inside the sentence around them (dimmed), or the words alone in quotation marks
    when there is no sentence to add (the sentence is the quote, or the article is not in the database)."""
    words = item.text if isinstance(item, Quote) else item.evidence
    if context is None or context_line(context, words, item.excerpt) is None:
        return Content.assemble("“", (display_text(words).strip(), "bold"), "”")
    before, inside, after = context.parts(item.excerpt)
    return Content.assemble(
        ("…" if context.cut_before else "", AROUND_STYLE),
        (one_line(before) + (" " if before[-1:].isspace() else ""), AROUND_STYLE),
        (one_line(inside), WORDS_STYLE),
        ((" " if after[:1].isspace() else "") + one_line(after), AROUND_STYLE),
        ("…" if context.cut_after else "", AROUND_STYLE),
    )


def quote_text(quote: Quote, context: Context | None = None) -> Content:
    """The detail of one quote as literal Content (never markup)."""
    fields = (
        ("Speaker", quote.speaker),
        ("Title", quote.speaker_title),
        ("Medium", quote.medium),
        ("Date", date_label(quote.date, quote.date_precision) if quote.date else None),
        ("Source", f"{source_label(quote.source)}, characters {quote.excerpt.start}-{quote.excerpt.end}"),
    )
    lines = [quote_in_context(quote, context)]
    for label, value in fields:
        shown = (one_line(value), "") if value else (NOT_STATED, "italic $text-muted")
        lines.append(Content.assemble((_LABEL.format(label), "$text-muted"), shown))
    return Content("\n").join(lines)


class QuoteDetail(VerticalScroll):
    """Shows one quote (or a sentence saying why there is none); Tab reaches it to scroll a long quote."""

    # Always a scrollbar, so the words wrap at one width whatever the quote. With `auto`, a quote in its sentence
    # that overflows the box was painted wrapped at the full width, then the scrollbar appeared and took a column,
    # and a second frame (25-35 ms later) wrapped it again: every cursor move onto a long quote took two frames.
    DEFAULT_CSS = """
    QuoteDetail {
        overflow-y: scroll;
    }
    """

    def __init__(
        self,
        *,
        context: ContextFn | None = None,
        id: str | None = None,  # noqa: A002 — Textual's own parameter name
        classes: str | None = None,
    ) -> None:
        """`context(excerpt)` reads the sentence around a quote (`Store.sentence_around`); without it the quote
        is shown alone."""
        super().__init__(id=id, classes=classes)
        self.quote: Quote | None = None
        self.context: Context | None = None
        self._context_fn = context
        self._shown: tuple[Quote | None, str] | None = None
        self._body = Content.styled("Loading…", "$text-muted")

    def compose(self) -> ComposeResult:
        # show() may come first (the main screen's panes read their first rows as they mount): start with its body.
        yield Static(self._body, markup=False)

    def show(self, quote: Quote | None, empty: str = "No quote selected") -> None:
        """Show `quote`, or `empty` (e.g. "No quotes from Houston in the sources") when there is none."""
        if (quote, empty) == self._shown:
            return  # nothing changed: no repaint
        self._shown = (quote, empty)
        self.quote = quote
        self.context = None
        if quote is not None and self._context_fn is not None:
            try:
                self.context = self._context_fn(quote.excerpt)  # a window of one row by id: well under a ms
            except Exception:  # noqa: BLE001 — the quote alone is still right; the sentence is extra
                self.context = None
        self._body = quote_text(quote, self.context) if quote else Content.styled(one_line(empty), "italic $text-muted")
        if self.children:
            self.query_one(Static).update(self._body)
            self.scroll_home(animate=False)
