"""The city screen: will the police cooperate with ICE, what did the mayor say, who else spoke, what state law says.

The city's name is read at once (one row by id, ~0.03 ms) so the breadcrumb is right on the first frame; the rest
comes from `Store.city_view` in a thread worker, because for a big city it is several queries (every official's
statements) and the screen must appear and answer Escape while they run.
"""

from __future__ import annotations

from textual import on, work
from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from tui.models import City, CityView, Official, Organization, Quote
from tui.present import NO_MAYOR, NO_POLICE_STANCE, NOT_STATED, one_line
from tui.screens.rows import Heading, NotStated, RowsScreen
from tui.store import Store
from tui.widgets.drill_item import SpeakerItem, StatementItem, paged
from tui.widgets.stance_card import StanceCard

# Rows mounted at once per section: enough to read, few enough that each keystroke stays fast in a big city.
MAYOR_PAGE = 20
SPEAKERS_PAGE = 15
STATEMENTS_PER_SPEAKER = 5


class CityScreen(RowsScreen):
    """Everything the sources say about one city, each fact a row that opens the article where it is stated."""

    class Loaded(Message):
        """The city's view has been read (None: the city is not in the database)."""

        def __init__(self, view: CityView | None) -> None:
            super().__init__()
            self.view = view

    class Failed(Message):
        def __init__(self, error: str) -> None:
            super().__init__()
            self.error = error

    def __init__(self, store: Store, city_id: int) -> None:
        super().__init__()
        self.store = store
        self.city_id = city_id
        self.city: City | None = store.city(city_id)
        self.view: CityView | None = None

    @property
    def crumb(self) -> str:
        return one_line(self.city.name) if self.city else "City"

    def on_mount(self) -> None:
        self.query_one("#title").update(city_title(self.city))
        self.load()

    @work(thread=True, exclusive=True, group="city")
    def load(self) -> None:
        try:
            view = self.store.city_view(self.city_id)
        except Exception as exc:  # noqa: BLE001 — shown on screen as one line; the screen stays usable
            self.post_message(self.Failed(f"Could not read this city from the database: {exc}"))
        else:
            self.post_message(self.Loaded(view))

    @on(Failed)
    def show_failure(self, message: Failed) -> None:
        self.rows.remove_children(NotStated)
        self.rows.mount(NotStated(message.error))

    @on(Loaded)
    async def show_view(self, message: Loaded) -> None:
        self.view = message.view
        await self.rows.remove_children(NotStated)
        if message.view is None:
            await self.rows.mount(NotStated("This city is not in the database"))
            return
        await self.rows.mount_all(city_rows(message.view))
        self.land_on_first_row()


def city_title(city: City | None) -> Content:
    if city is None:
        return Content("Unknown city")
    if city.state:
        return Content.assemble((one_line(city.name), "bold"), ", ", one_line(city.state))
    return Content.assemble((one_line(city.name), "bold"), "  ", (f"(state {NOT_STATED})", "italic $text-muted"))


def city_rows(view: CityView) -> list[Widget]:
    """The sections of the city screen, in the order a reporter asks: police, mayor, state, everyone else."""
    rows: list[Widget] = [Heading("Police stance on ICE")]
    rows += [StanceCard(stance) for stance in view.police] or [NotStated(NO_POLICE_STANCE)]

    rows.append(Heading("Mayor"))
    if view.mayor is None:
        rows.append(NotStated(NO_MAYOR))
    else:
        rows.append(SpeakerItem(official=view.mayor))
        statements = paged(view.statements, lambda q: [StatementItem(q)], MAYOR_PAGE, "statements by the mayor")
        rows += statements or [NotStated("No statement by the mayor in the sources")]

    rows.append(Heading("State and city policy"))
    no_context = NotStated("No state law or city policy stated in the sources")
    rows += [StanceCard(stance) for stance in view.context] or [no_context]

    rows.append(Heading("Other officials"))
    others = paged(view.others, lambda unit: speaker_rows(official=unit[0], quotes=unit[1]), SPEAKERS_PAGE, "officials")
    rows += others or [NotStated("No other officials of this city named in the sources")]

    rows.append(Heading("Organisations"))
    organizations = paged(
        view.organizations,
        lambda unit: speaker_rows(organization=unit[0], quotes=unit[1]),
        SPEAKERS_PAGE,
        "organisations",
    )
    rows += organizations or [NotStated("No organisations of this city named in the sources")]
    return rows


def speaker_rows(
    quotes: tuple[Quote, ...], official: Official | None = None, organization: Organization | None = None
) -> list[Widget]:
    """A speaker and their latest statements; the speaker's own screen has them all."""
    rows: list[Widget] = [SpeakerItem(official=official, organization=organization)]
    rows += [StatementItem(q) for q in quotes[:STATEMENTS_PER_SPEAKER]]
    if not quotes:
        rows.append(NotStated("No statement in the sources"))
    elif len(quotes) > STATEMENTS_PER_SPEAKER:
        more = len(quotes) - STATEMENTS_PER_SPEAKER
        rows.append(NotStated(f"{more} more statements: Enter on the name above shows them all"))
    return rows
