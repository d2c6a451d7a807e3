"""The speaker screen: who an official (or an organisation) is, and every statement of theirs, newest first.

The speaker's own row is read at once (one row by id) so the breadcrumb and header are right on the first frame;
their statements are counted and read a page at a time in a thread worker, so a speaker with thousands of
statements neither delays the screen nor mounts thousands of rows.
"""

from __future__ import annotations

from textual import on, work
from textual.content import Content
from textual.message import Message

from tui.models import Official, Organization, Quote
from tui.present import NOT_STATED, one_line
from tui.screens.rows import Heading, NotStated, RowsScreen
from tui.store import Store, role
from tui.widgets.drill_item import MoreItem, StatementItem

PAGE_SIZE = 100


class SpeakerScreen(RowsScreen):
    """One official's or organisation's statements; Enter on one opens the article at it."""

    class Page(Message):
        """A page of statements has been read; `total` is the speaker's statement count."""

        def __init__(self, quotes: list[Quote], offset: int, total: int) -> None:
            super().__init__()
            self.quotes = quotes
            self.offset = offset
            self.total = total

    class Failed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    def __init__(self, store: Store, official_id: int | None = None, organization_id: int | None = None) -> None:
        super().__init__()
        self.store = store
        self.official: Official | None = store.official(official_id) if official_id is not None else None
        self.organization: Organization | None = (
            store.organization(organization_id) if organization_id is not None and official_id is None else None
        )
        self.shown = 0
        self.total: int | None = None

    @property
    def crumb(self) -> str:
        speaker = self.official or self.organization
        return one_line(speaker.name) if speaker else "Speaker"

    def on_mount(self) -> None:
        self.query_one("#title").update(speaker_header(self.official, self.organization))
        if self.official is None and self.organization is None:
            self.rows.remove_children(NotStated)
            self.rows.mount(NotStated("This speaker is not in the database"))
            return
        self.load(0)

    @work(thread=True, exclusive=True, group="speaker")
    def load(self, offset: int) -> None:
        where = (
            {"official_id": self.official.id}
            if self.official is not None
            else {"organization_id": self.organization.id if self.organization else None}
        )
        try:
            total = self.total if self.total is not None else self.store.quote_count(**where)
            quotes = self.store.quotes_page(offset, PAGE_SIZE, **where)
        except Exception as exc:  # noqa: BLE001 — shown on screen as one line; the screen stays usable
            self.post_message(self.Failed(f"Could not read the statements from the database: {exc}"))
        else:
            self.post_message(self.Page(quotes, offset, total))

    @on(Failed)
    def show_failure(self, message: Failed) -> None:
        self.rows.remove_children(NotStated)
        self.rows.mount(NotStated(message.error))

    @on(Page)
    async def show_page(self, message: Page) -> None:
        first_page = self.total is None
        self.total = message.total
        await self.rows.remove_children(NotStated)
        await self.rows.remove_children(MoreItem)
        rows = []
        if first_page:
            rows.append(Heading(f"Statements ({message.total})"))
            if not message.quotes:
                rows.append(NotStated("No statement by them in the sources"))
        rows += [StatementItem(q) for q in message.quotes]
        self.shown = message.offset + len(message.quotes)
        more = MoreItem(self.shown, message.total) if self.shown < message.total else None
        if more is not None:
            rows.append(more)
        await self.rows.mount_all(rows)
        if first_page:
            self.land_on_first_row()
        elif message.quotes:
            # Land on the first new statement, where reading continues.
            rows[0].focus()

    @on(MoreItem.Requested)
    def load_more(self) -> None:
        if self.total is not None and self.shown < self.total:
            self.load(self.shown)


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
