"""The detail area under the panes: the highlighted quote in full, who said it, when, how, and where it is written.

Every field is always shown, with "not stated in the sources" where the article is silent, so an empty line is
never mistaken for a value the program lost.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.models import Quote
from tui.present import NOT_STATED, date_label, display_text, one_line, source_label

# Label width, so the values line up in a column.
_LABEL = "{:<8}"


def quote_text(quote: Quote) -> Text:
    """The detail of one quote as literal Text (never markup)."""
    text = Text()
    text.append(f"“{display_text(quote.text)}”", style="bold")
    fields = (
        ("Speaker", quote.speaker),
        ("Title", quote.speaker_title),
        ("Medium", quote.medium),
        ("Date", date_label(quote.date, quote.date_precision) if quote.date else None),
        ("Source", f"{source_label(quote.source)}, characters {quote.excerpt.start}-{quote.excerpt.end}"),
    )
    for label, value in fields:
        text.append("\n")
        text.append(_LABEL.format(label), style="dim")
        if value:
            text.append(one_line(value))
        else:
            text.append(NOT_STATED, style="italic dim")
    return text


class QuoteDetail(VerticalScroll):
    """Shows one quote (or a sentence saying why there is none); Tab reaches it to scroll a long quote."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, classes=classes)
        self.quote: Quote | None = None
        self._shown: tuple[Quote | None, str] | None = None
        self._body = Text("Loading…", style="dim")

    def compose(self) -> ComposeResult:
        # show() may come first (the main screen's panes read their first rows as they mount): start with its body.
        yield Static(self._body, markup=False)

    def show(self, quote: Quote | None, empty: str = "No quote selected") -> None:
        """Show `quote`, or `empty` (e.g. "No quotes from Houston in the sources") when there is none."""
        if (quote, empty) == self._shown:
            return  # nothing changed: no repaint
        self._shown = (quote, empty)
        self.quote = quote
        self._body = quote_text(quote) if quote else Text(one_line(empty), style="italic dim")
        if self.children:
            self.query_one(Static).update(self._body)
            self.scroll_home(animate=False)
