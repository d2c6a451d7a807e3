"""The speaker screen: who an official (or an organisation) is, and every statement of theirs, newest first.

The speaker's own row is read at once (one row by id) so the breadcrumb and header are right on the first frame.
Their statements are counted and read a page at a time: the first page in a thread started when the screen is
made (composing waits up to `FIRST_FRAME_WAIT` for it, so the screen opens complete), the next ones in a worker
when asked for, so a speaker with thousands of statements neither delays the screen nor is read whole.
"""

from __future__ import annotations

from textual import on
from textual.content import Content

from tui.models import Official, Organization, Quote
from tui.present import NOT_STATED, one_line, role
from tui.screens.rows import FIRST_FRAME_WAIT, RowsScreen, heading, not_stated
from tui.store import Store
from tui.widgets.background import Prefetch, read_in_background, try_read
from tui.widgets.drill_item import Entry, MorePages, statement_entry
from tui.widgets.drill_list import DrillList

PAGE_SIZE = 100


class SpeakerScreen(RowsScreen):
    """One official's or organisation's statements; Enter on one opens the article at it."""

    def __init__(self, store: Store, official_id: int | None = None, organization_id: int | None = None) -> None:
        super().__init__()
        self.store = store
        # One row by id, for the breadcrumb and header; a failure is shown as one line and the screen still opens,
        # saying it could not read the speaker (not that there is no such speaker).
        self.official: Official | None = None
        self.organization: Organization | None = None
        self.failure: str | None = None
        if official_id is not None:
            self.official, self.failure = try_read(self.app, lambda: store.official(official_id))
        elif organization_id is not None:
            self.organization, self.failure = try_read(self.app, lambda: store.organization(organization_id))
        self.shown = 0
        self.total: int | None = None
        self._first_page: Prefetch[tuple[int, list[Quote]]] | None = None
        self._waiting = False  # the first frame showed "Loading…": a background read finishes the first page
        if self.official is not None or self.organization is not None:
            self._first_page = Prefetch(lambda: self._read(0, None))

    @property
    def crumb(self) -> str:
        speaker = self.official or self.organization
        return one_line(speaker.name) if speaker else "Speaker"

    def _where(self) -> dict[str, int | None]:
        if self.official is not None:
            return {"official_id": self.official.id}
        return {"organization_id": self.organization.id if self.organization else None}

    def _read(self, offset: int, total: int | None) -> tuple[int, list[Quote]]:
        """The statement count (unless known) and the page of statements at `offset`."""
        where = self._where()
        total = total if total is not None else self.store.quote_count(**where)
        return total, self.store.quotes_page(offset, PAGE_SIZE, **where)

    def first_entries(self) -> list[Entry]:
        title = Entry("title", speaker_header(self.official, self.organization))
        if self.failure is not None:
            return [title, not_stated(f"Could not read this from the database. {self.failure}")]
        if self._first_page is None:
            return [title, not_stated("This speaker is not in the database")]
        if self._first_page.wait(FIRST_FRAME_WAIT) and self._first_page.succeeded:
            return [title, *self._first_page_entries(self._first_page.get())]
        self._waiting = True
        return [title, *super().first_entries()]

    def on_mount(self) -> None:
        if self._waiting and self._first_page is not None:  # still reading, or failed: the one path reports it
            read_in_background(self, self._first_page.get, self.show_first_page, self.show_failure, group="speaker")

    def show_first_page(self, page: tuple[int, list[Quote]]) -> None:
        rows = self.rows
        rows.show([*rows.entries[:1], *self._first_page_entries(page)])

    def _first_page_entries(self, page: tuple[int, list[Quote]]) -> list[Entry]:
        total, quotes = page
        self.total = total
        entries = [heading(f"Statements ({total})")]
        if not quotes:
            entries.append(not_stated("No statement by them in the sources"))
        return entries + self._page_entries(quotes, 0)

    def _page_entries(self, quotes: list[Quote], offset: int) -> list[Entry]:
        assert self.total is not None
        entries = [statement_entry(q) for q in quotes]
        self.shown = offset + len(quotes)
        if self.shown < self.total:
            entries.append(MorePages(self.shown, self.total).entry())
        return entries

    def show_page(self, offset: int, page: tuple[int, list[Quote]]) -> None:
        rows = self.rows
        more = next((e for e in rows.entries if isinstance(e.target, MorePages)), None)
        if more is not None:
            rows.replace(more, self._page_entries(page[1], offset))

    def show_page_failure(self, line: str) -> None:
        rows = self.rows
        more = next((e for e in rows.entries if isinstance(e.target, MorePages)), None)
        if more is not None:
            rows.replace(more, [not_stated(f"Could not read more statements: {line}")])

    @on(DrillList.MoreRequested)
    def load_more(self) -> None:
        if self.total is not None and self.shown < self.total:
            offset, total = self.shown, self.total
            read_in_background(
                self,
                lambda: self._read(offset, total),
                lambda page: self.show_page(offset, page),
                self.show_page_failure,
                group="speaker-page",
            )


def _field(label: str, value: str | None) -> Content:
    if value:
        return Content.assemble((f"{label}: ", "$text-muted"), one_line(value))
    return Content.assemble((f"{label}: ", "$text-muted"), (NOT_STATED, "italic $text-muted"))


def speaker_header(official: Official | None, organization: Organization | None) -> Content:
    """Name, then one line per fact the sources may or may not state: role, party, city, handle."""
    if official is not None:
        if official.city_name:
            place = _field("City", official.city_name)
        elif official.state:
            place = _field("State", official.state)
        elif official.jurisdiction:
            place = _field("Jurisdiction", official.jurisdiction)
        else:
            place = _field("City", None)
        fields = [
            _field("Role", role(official.title, official.city_name, official.state, official.jurisdiction)),
            _field("Party", official.party),
            place,
            _field("Handle", official.handle),
        ]
        name = official.name
    elif organization is not None:
        fields = [
            _field("Kind", organization.kind),
            _field("Abbreviation", organization.abbreviation),
            _field("City", organization.city_name),
        ]
        name = organization.name
    else:
        return Content("Unknown speaker")
    return Content("\n").join([Content.styled(one_line(name), "bold"), *fields])
