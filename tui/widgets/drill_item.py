"""The rows of the drill-down screens, as `Entry`s of a `DrillList`: statements, speakers, "N more" rows.

An entry is a kind (how it is drawn), a `Content` (the words, never parsed as markup) and a target (what Enter
opens; none for a heading or a "not stated" sentence). The words are built here, the same for the city screen
and the speaker screen; the `DrillList` wraps and draws them and knows what Enter and `c` do with a target.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from textual.content import Content

from tui.models import Official, Organization, Quote
from tui.present import NOT_STATED, date_label, display_text, one_line, role
from tui.widgets.wrap import wrap_ranges

Kind = Literal["title", "heading", "note", "row", "card"]

# How each kind sits in the column: (left, right) cells around its text, and blank lines above and below it (the
# larger of two neighbours' wins, as CSS margins collapse). Headings and notes take their style from the CSS.
PLACE: dict[str, tuple[int, int, int, int]] = {
    "title": (2, 2, 1, 0),
    "heading": (2, 2, 1, 0),
    "note": (3, 2, 0, 1),
    "row": (3, 2, 0, 1),  # a bar in column 1, the text from column 3
    "card": (3, 3, 0, 1),  # a rounded frame in columns 1 and width-2
}
STYLED_KINDS = ("heading", "note")


class Entry:
    """One fact in the column; `target` (a Quote, Stance, Official, Organization or More*) makes it selectable."""

    __slots__ = ("kind", "content", "target", "_wrapped")

    def __init__(self, kind: Kind, content: Content, target: Any = None) -> None:
        self.kind = kind
        self.content = content.expand_tabs(1) if "\t" in content.plain else content
        self.target = target
        self._wrapped: tuple[int, list[tuple[int, int]]] = (0, [])

    def text_width(self, width: int) -> int:
        left, right, *_ = PLACE[self.kind]
        return max(width - left - right, 1)

    def ranges(self, width: int) -> list[tuple[int, int]]:
        """The wrapped lines of the text at the column's `width`, as character ranges (cached for one width)."""
        if self._wrapped[0] != width:
            self._wrapped = (width, wrap_ranges(self.content.plain, self.text_width(width)))
        return self._wrapped[1]

    def height(self, width: int) -> int:
        return len(self.ranges(width)) + (2 if self.kind == "card" else 0)


# Colours of a row's bar or a card's frame, and of the row under the cursor; theme variables, so they follow it.
EDGE, EDGE_CURSOR, CURSOR = "$panel", "$accent", "on $boost"


def entry_text(entry: Entry, number: int, width: int, kind_style: Any = None) -> Content:
    """Wrapped line `number` of the entry's text, padded to its text width (as Content.wrap paints it)."""
    a, b = entry.ranges(width)[number]
    line = entry.content[a:b]
    plain = entry.content.plain
    if b < len(plain) and plain[b] != "\n":
        line = line.rstrip()  # a line that ends at a wrap loses its trailing spaces
    text_width = entry.text_width(width)
    line = line.rstrip_end(text_width).truncate(text_width)
    if kind_style is not None:
        line = line.stylize_before(kind_style)
    return line.pad_right(text_width - line.cell_length)


def entry_line(entry: Entry, part: int, width: int, is_cursor: bool, kind_styles: dict[str, Any]) -> Content:
    """Line `part` of the entry as drawn in a column `width` cells wide: a card's frame, a row's bar, the text."""
    left, right, *_ = PLACE[entry.kind]
    edge = EDGE_CURSOR if is_cursor else EDGE
    if entry.kind == "card":
        inner = max(width - 4, 0)
        if part == 0:
            body = Content.styled("╭" + "─" * inner + "╮", edge)
        elif part == len(entry.ranges(width)) + 1:
            body = Content.styled("╰" + "─" * inner + "╯", edge)
        else:
            body = Content.assemble(("│", edge), " ", entry_text(entry, part - 1, width), " ", ("│", edge))
    elif entry.kind == "row":
        body = Content.assemble(("▌", edge), " ", entry_text(entry, part, width), " ")
    else:
        text = entry_text(entry, part, width, kind_styles.get(entry.kind))
        return Content.assemble(" " * left, text, " " * right)
    if is_cursor:
        body = body.stylize_before(CURSOR)
    return Content.assemble(" ", body, " ")


@dataclass
class MoreUnits:
    """Units already read but not yet shown (a big city's officials): Enter shows the next `page` of them."""

    units: Sequence[Any]
    build: Callable[[Any], list[Entry]]
    page: int
    noun: str

    def entry(self) -> Entry:
        label = f"{len(self.units)} more {self.noun} — press Enter to show them"
        return Entry("row", Content.styled(label, "italic"), self)

    def next_page(self) -> list[Entry]:
        """The entries of the next `page` units, then an "N more" row for the rest (if any)."""
        return paged(self.units, self.build, self.page, self.noun)


@dataclass
class MorePages:
    """The last row of a list read from the store a page at a time: Enter asks the screen for the next page."""

    shown: int
    total: int

    def entry(self) -> Entry:
        label = f"Showing {self.shown} of {self.total} — press Enter for more"
        return Entry("row", Content.styled(label, "italic"), self)


def paged(units: Sequence[Any], build: Callable[[Any], list[Entry]], page: int, noun: str) -> list[Entry]:
    """The entries of the first `page` units, then an "N more" row holding the others (if any)."""
    entries = [entry for unit in units[:page] for entry in build(unit)]
    if len(units) > page:
        entries.append(MoreUnits(units[page:], build, page, noun).entry())
    return entries


def statement_entry(quote: Quote, *, show_speaker: bool = False) -> Entry:
    """One quotation: when, how, and the words; Enter opens the article at the quote, `c` copies its citation."""
    return Entry("row", statement_content(quote, show_speaker=show_speaker), quote)


def speaker_entry(official: Official | None = None, organization: Organization | None = None) -> Entry:
    """An official or an organisation, with what the sources say they are; Enter opens all their statements."""
    return Entry("row", speaker_content(official, organization), official or organization)


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
