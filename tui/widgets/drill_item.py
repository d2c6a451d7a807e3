"""The selectable rows of the drill-down screens: a statement, a speaker, a "load more" row.

Each row is a focusable widget, so Tab, the arrow keys and the mouse all land on the same things, the focused
row's keys show in the footer, and focusing a row scrolls it into view. A widget per row is affordable for tens of
rows, not thousands (every keystroke re-lays out the column), so long sections are paged: `MoreRows` keeps rows
already read behind one "N more" row, `MoreItem` asks the screen to read the next page from the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static

from tui.models import Official, Organization, Quote
from tui.present import NOT_STATED, date_label, display_text, one_line
from tui.store import role

Unit = TypeVar("Unit")


class DrillItem(Static, can_focus=True):
    """A row you can open with Enter or a click."""

    DEFAULT_CSS = """
    DrillItem {
        padding: 0 1;
        margin: 0 0 1 0;
        border-left: outer $panel;
    }
    DrillItem:hover {
        background: $boost;
    }
    DrillItem:focus {
        background: $boost;
        border-left: outer $accent;
    }
    """

    def __init__(self, content: Content, *, classes: str | None = None) -> None:
        # Content is never parsed as markup: every piece of database text below arrives as a literal Content.
        super().__init__(content, classes=classes)

    # As in the main screen's lists: a click highlights, a double click opens.
    OPEN_ON_CLICKS = 2

    async def on_click(self, event: events.Click) -> None:
        self.focus()
        if event.chain >= self.OPEN_ON_CLICKS:
            await self.run_action("open")

    def action_open(self) -> None:
        """Open what this row stands for; each kind of row says what that is."""


class StatementItem(DrillItem):
    """One quotation: when, how, and the words; Enter opens the article at the quote, `c` copies its citation."""

    BINDINGS = [
        Binding("enter", "open", "Open source", tooltip="Show the article with this quote highlighted"),
        Binding("c", "copy_citation", "Copy citation", tooltip="Copy speaker, title, date, source and quote"),
    ]

    def __init__(self, quote: Quote, *, show_speaker: bool = False) -> None:
        self.quote = quote
        super().__init__(statement_content(quote, show_speaker=show_speaker))

    def action_open(self) -> None:
        excerpt = self.quote.excerpt
        self.app.open_source(excerpt.source_id, excerpt.start, excerpt.end)

    def action_copy_citation(self) -> None:
        self.app.copy_citation(self.quote)


class SpeakerItem(DrillItem):
    """An official or an organisation, with what the sources say they are; Enter opens all their statements."""

    BINDINGS = [Binding("enter", "open", "Statements", tooltip="Show everything this speaker said")]

    def __init__(self, official: Official | None = None, organization: Organization | None = None) -> None:
        self.official = official
        self.organization = organization
        super().__init__(speaker_content(official, organization), classes="speaker")

    def action_open(self) -> None:
        if self.official is not None:
            self.app.open_speaker(official_id=self.official.id)
        elif self.organization is not None:
            self.app.open_speaker(organization_id=self.organization.id)


class MoreItem(DrillItem):
    """The last row of a list read a page at a time: Enter asks the screen to read the next page."""

    BINDINGS = [Binding("enter", "open", "Load more")]
    OPEN_ON_CLICKS = 1

    def __init__(self, shown: int, total: int) -> None:
        super().__init__(Content.styled(f"Showing {shown} of {total} — press Enter for more", "italic"))

    def action_open(self) -> None:
        self.post_message(self.Requested())

    class Requested(Message):
        """The user asked for the next page of rows."""


class MoreRows(DrillItem, Generic[Unit]):
    """Rows already read but not yet shown: Enter mounts the next `page` units in its place.

    A big city can have hundreds of officials; mounting a widget for each makes every keystroke re-lay out
    hundreds of widgets, so sections show a page and keep the rest behind this row.
    """

    BINDINGS = [Binding("enter", "open", "Show more")]
    OPEN_ON_CLICKS = 1  # nothing to highlight here: the row is a button

    def __init__(self, units: Sequence[Unit], build: Callable[[Unit], list[Widget]], page: int, noun: str) -> None:
        self.units = list(units)
        self.build = build
        self.page = page
        self.noun = noun
        super().__init__(self._label())

    def _label(self) -> Content:
        return Content.styled(f"{len(self.units)} more {self.noun} — press Enter to show them", "italic")

    async def action_open(self) -> None:
        chunk, self.units = self.units[: self.page], self.units[self.page :]
        rows = [row for unit in chunk for row in self.build(unit)]
        parent = self.parent
        assert parent is not None
        await parent.mount_all(rows, before=self)
        if self.units:
            self.update(self._label())
        else:
            await self.remove()
        # Reading continues at the first row just shown.
        first = next((row for row in rows if row.focusable), None)
        if first is not None:
            first.focus()


def paged(units: Sequence[Unit], build: Callable[[Unit], list[Widget]], page: int, noun: str) -> list[Widget]:
    """The rows of the first `page` units, then a MoreRows holding the others (if any)."""
    rows = [row for unit in units[:page] for row in build(unit)]
    if len(units) > page:
        rows.append(MoreRows(units[page:], build, page, noun))
    return rows


def official_line(official: Official) -> str:
    """'Mayor of Chicago · D · @chicagosmayor' — what the sources say this official is."""
    parts = [role(official.title, official.city_name, official.state, official.jurisdiction), official.party]
    parts.append(official.handle)
    return " · ".join(one_line(p) for p in parts if p) or f"role {NOT_STATED}"


def organization_line(organization: Organization) -> str:
    """'police · CPD · Chicago'."""
    parts = (organization.kind, organization.abbreviation, organization.city_name)
    return " · ".join(one_line(p) for p in parts if p)


def speaker_content(official: Official | None, organization: Organization | None) -> Content:
    if official is not None:
        name, detail = official.name, official_line(official)
    elif organization is not None:
        name, detail = organization.name, organization_line(organization)
    else:
        return Content(f"Speaker {NOT_STATED}")
    return Content.assemble((one_line(name), "bold"), "  ", (detail, "$text-muted"))


def statement_content(quote: Quote, *, show_speaker: bool = False) -> Content:
    """The words in quotation marks, under a dim line of who (optionally), when and how."""
    when = date_label(quote.date, quote.date_precision)
    head = [when, one_line(quote.medium) if quote.medium else None]
    if show_speaker:
        head.insert(0, one_line(quote.speaker))
    line = " · ".join(p for p in head if p)
    return Content.assemble((line, "$text-muted"), "\n", "“", display_text(quote.text).strip(), "”")


def focusable_rows(container: Widget) -> list[DrillItem]:
    """The rows under `container` in screen order, for up/down and g/G."""
    return [item for item in container.query(DrillItem) if item.display and not item.disabled]
