"""The Textual app: the screens, the app-wide keys, and the navigation every screen uses to open another.

Screens other than the main one are imported when first opened, so start-up pays only for what the first
frame shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding

from tui.models import Quote, SearchHit, Stance
from tui.present import one_line
from tui.screens.main import MainScreen
from tui.store import Store

if TYPE_CHECKING:
    from textual.command import Provider


def _name_provider() -> type[Provider]:
    # Imported when the palette opens, not at start-up.
    from tui.palette import NameProvider

    return NameProvider


class EventsApp(App[None]):
    """Who said what, city by city, about ICE raids — each quote one key away from its source sentence."""

    CSS_PATH = "app.tcss"
    TITLE = "events-tui"
    COMMANDS = App.COMMANDS | {_name_provider}

    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Quit events-tui"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Every key of the app"),
        Binding("slash", "search", "Search", key_display="/", tooltip="Search cities, officials and quotes"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def get_default_screen(self) -> MainScreen:
        return MainScreen(self.store)

    # --- app-wide keys ---------------------------------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(self.store), self._search_done)

    def _search_done(self, hit: SearchHit | None) -> None:
        if hit is not None:
            self.open_hit(hit)

    # --- navigation: what the screens call to open another ---------------------------------------

    def open_city(self, city_id: int) -> None:
        from tui.screens.city import CityScreen

        self.push_screen(CityScreen(self.store, city_id))

    def open_speaker(self, official_id: int | None = None, organization_id: int | None = None) -> None:
        from tui.screens.speaker import SpeakerScreen

        self.push_screen(SpeakerScreen(self.store, official_id=official_id, organization_id=organization_id))

    def open_source(self, source_id: int, start: int, end: int) -> None:
        from tui.screens.source import SourceScreen

        self.push_screen(SourceScreen(self.store, source_id, start, end))

    def open_hit(self, hit: SearchHit) -> None:
        """Open what a search result or palette entry names."""
        if hit.kind == "city":
            self.open_city(hit.id)
        elif hit.kind == "official":
            self.open_speaker(official_id=hit.id)
        elif hit.kind == "organization":
            self.open_speaker(organization_id=hit.id)
        else:
            quote = self.store.quote(hit.id)  # one row by id: fast enough for the event loop
            if quote is None:
                self.notify("That quote is no longer in the database", severity="error")
            else:
                self.open_source(quote.excerpt.source_id, quote.excerpt.start, quote.excerpt.end)

    def copy_citation(self, item: Quote | Stance) -> None:
        """Put a one-line citation of a quote (or a stance's evidence) on the clipboard."""
        from tui.present import citation

        text = citation(item)
        self.copy_to_clipboard(text)
        who = item.speaker if isinstance(item, Quote) else item.holder
        # notify() parses markup by default; DB text must not be.
        self.notify(f"Copied a citation of {one_line(who)}", title="Clipboard", markup=False)
