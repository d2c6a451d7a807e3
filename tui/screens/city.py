"""The city screen: will the police cooperate with ICE, what did the mayor say, who else spoke, what state law says.

The city's name is read at once (one row by id, ~0.03 ms) so the breadcrumb is right on the first frame. The rest
is `Store.city_view` (several queries: each speaker's latest statements), read in a thread started when the screen is
made; composing waits up to `FIRST_FRAME_WAIT` for it, so a city opens complete in one frame, and a slower read
finishes in a worker while the screen shows "Loading…" and answers Escape.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.content import Content

from tui.models import City, CityView, Claim, Context, Excerpt, Official, Organization, Quote, group_stances
from tui.present import NO_MAYOR, NO_POLICE_STANCE, NOT_STATED, date_label, officials_total, one_line, shown_of
from tui.screens.rows import FIRST_FRAME_WAIT, RowsScreen, heading, not_stated
from tui.store import Store
from tui.widgets.background import Prefetch, read_in_background, read_now
from tui.widgets.drill_item import Entry, paged, speaker_entry
from tui.widgets.quote_detail import ContextFn, quote_in_context
from tui.widgets.stance_card import stance_entries

# Rows shown at once per section: enough to read, few enough to take in; "N more" rows show the rest.
MAYOR_PAGE = 20
SPEAKERS_PAGE = 15
STATEMENTS_PER_SPEAKER = 5


class CityScreen(RowsScreen):
    """Everything the sources say about one city, each fact a row that opens the article where it is stated."""

    def __init__(self, store: Store, city_id: int) -> None:
        super().__init__()
        self.store = store
        self.city_id = city_id
        # One row by id, for the breadcrumb; a failure is shown as one line and the screen still opens (the view's
        # read then fails too, and says so in place of "Loading…").
        self.city: City | None = read_now(self.app, lambda: store.city(city_id), None)
        self.view: CityView | None = None
        # The sentences around the statements shown first, and the claims naming the city, read in the same
        # thread as the view: a city of a thousand statements then opens as fast as before.
        self.contexts: dict[Excerpt, Context | None] = {}
        self.claims: list[Claim] = []
        self._read = Prefetch(lambda: self._read_view(store, city_id))
        self._waiting = False  # the first frame showed "Loading…": a background read finishes the view

    def _read_view(self, store: Store, city_id: int) -> CityView | None:
        # Each speaker's latest statements only, as many as a speaker's rows show (their own screen has them all):
        # a 300-official city's view then holds 300 statements rather than 900, and reads in half the time.
        view = store.city_view(city_id, quotes_each=STATEMENTS_PER_SPEAKER)
        if view is not None:
            # Only the statements the first frame shows (~95 at most, ~0.1 ms each at a million quotes); the
            # rest are read when an "N more" row shows them.
            speakers = (*view.others[:SPEAKERS_PAGE], *view.organizations[:SPEAKERS_PAGE])
            first = [*view.statements[:MAYOR_PAGE]]
            first += [q for _, quotes in speakers for q in quotes[:STATEMENTS_PER_SPEAKER]]
            self.contexts = {q.excerpt: store.sentence_around(q.excerpt) for q in first}
            self.claims = store.claims_naming_city(city_id)
        return view

    def context(self, excerpt: Excerpt) -> Context | None:
        """The sentence around a statement: read with the view for the first ones, else now (one row by id)."""
        if excerpt not in self.contexts:
            self.contexts[excerpt] = read_now(self.app, lambda: self.store.sentence_around(excerpt), None)
        return self.contexts[excerpt]

    @property
    def crumb(self) -> str:
        return one_line(self.city.name) if self.city else "City"

    def first_entries(self) -> list[Entry]:
        if self._read.wait(FIRST_FRAME_WAIT) and self._read.succeeded:
            return self._entries(self._read.get())
        self._waiting = True
        return [Entry("title", city_title(self.city)), *super().first_entries()]

    def on_mount(self) -> None:
        if self._waiting:  # still reading, or failed: either way the one path reports it
            read_in_background(self, self._read.get, self.show_view, self.show_failure, group="city")

    def show_view(self, view: CityView | None) -> None:
        self.rows.show(self._entries(view))

    def _entries(self, view: CityView | None) -> list[Entry]:
        title = Entry("title", city_title(self.city))
        self.view = view
        if view is None:
            return [title, not_stated("This city is not in the database")]
        return [title, *city_entries(view, self.claims, self.context)]


def city_title(city: City | None) -> Content:
    if city is None:
        return Content("City")  # not read (a failure is shown below) or not in the database (said below)
    if city.state:
        return Content.assemble((one_line(city.name), "bold"), ", ", one_line(city.state))
    return Content.assemble((one_line(city.name), "bold"), "  ", (f"(state {NOT_STATED})", "italic $text-muted"))


def city_entries(view: CityView, claims: list[Claim] | None = None, context: ContextFn | None = None) -> list[Entry]:
    """The sections of the city screen, in the order a reporter asks: police, mayor, state, the articles' figures
    that name the city, everyone else. `context(excerpt)` gives the sentence around each statement."""

    def statement_entry(quote: Quote) -> Entry:
        return statement_in_context(quote, context(quote.excerpt) if context else None)

    entries = [heading("Police stance on ICE")]
    police = [entry for group in group_stances(view.police) for entry in stance_entries(group)]
    entries += police or [not_stated(NO_POLICE_STANCE)]

    entries.append(heading("Mayor"))
    if view.mayor is None:
        entries.append(not_stated(NO_MAYOR))
    else:
        entries.append(speaker_entry(official=view.mayor))
        statements = paged(view.statements, lambda q: [statement_entry(q)], MAYOR_PAGE, "statements by the mayor")
        entries += statements or [not_stated("No statement by the mayor in the sources")]
        cut = shown_of(len(view.statements), view.quotes_total(view.mayor, len(view.statements)))
        if cut:  # the view stops at the store's limit: the speaker screen pages through them all
            entries.append(not_stated(f"{cut} statements by the mayor: Enter on the name above shows them all"))

    entries.append(heading("State and city policy"))
    no_context = not_stated("No state law or city policy stated in the sources")
    entries += [entry for group in group_stances(view.context) for entry in stance_entries(group)] or [no_context]

    entries.append(heading("Figures in the articles"))
    name = one_line(view.city.name)
    no_claims = not_stated(f"No figure in the sources names {name}")
    entries += [claim_entry(claim) for claim in claims or ()] or [no_claims]

    entries.append(heading("Other officials"))
    others = paged(
        view.others,
        lambda unit: speaker_entries(
            unit[1], view.quotes_total(unit[0], len(unit[1])), statement_entry, official=unit[0]
        ),
        SPEAKERS_PAGE,
        "officials",
    )
    entries += others or [not_stated("No other officials of this city named in the sources")]
    cut = shown_of(len(view.others) + (1 if view.mayor else 0), officials_total(view))
    if cut:
        entries.append(not_stated(f"{cut} officials of this city (the first by name)"))

    entries.append(heading("Organisations"))
    organizations = paged(
        view.organizations,
        lambda unit: speaker_entries(
            unit[1], view.quotes_total(unit[0], len(unit[1])), statement_entry, organization=unit[0]
        ),
        SPEAKERS_PAGE,
        "organisations",
    )
    entries += organizations or [not_stated("No organisations of this city named in the sources")]
    return entries


def speaker_entries(
    quotes: tuple[Quote, ...],
    total: int,
    statement_entry: Callable[[Quote], Entry],
    official: Official | None = None,
    organization: Organization | None = None,
) -> list[Entry]:
    """A speaker and their latest statements (of `total`); the speaker's own screen has them all."""
    entries = [speaker_entry(official=official, organization=organization)]
    entries += [statement_entry(q) for q in quotes[:STATEMENTS_PER_SPEAKER]]
    if not quotes:
        entries.append(not_stated("No statement in the sources"))
    elif total > STATEMENTS_PER_SPEAKER:
        more = total - min(len(quotes), STATEMENTS_PER_SPEAKER)
        entries.append(not_stated(f"{more} more statements: Enter on the name above shows them all"))
    return entries


def statement_in_context(quote: Quote, context: Context | None) -> Entry:
    """A statement: when and how, then its words in bold inside the article's sentence around them."""
    head = " · ".join(p for p in (date_label(quote.date, quote.date_precision), one_line(quote.medium or "")) if p)
    return Entry("row", Content.assemble((head, "$text-muted"), "\n", quote_in_context(quote, context)), quote)


def claim_entry(claim: Claim) -> Entry:
    """A figure the article states that names the city: the figure, what it counts, who claims it, the words.

    Linked when read: the claim's own evidence names the city (see `Store.claims_naming_city`).
    """
    who = f"claimed by {one_line(claim.claimant)}" if claim.claimant else f"claimant {NOT_STATED}"
    return Entry(
        "row",
        Content.assemble(
            (one_line(claim.figure), "bold"),
            (f" · {one_line(claim.subject)} · {who}", "$text-muted"),
            "\n",
            quote_in_context(claim, None),
        ),
        claim,
    )
