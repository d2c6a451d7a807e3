"""The Textual app: the screens, the app-wide keys, and the navigation every screen uses to open another.

Screens other than the main one are imported after the first frame (the drill-downs, while the user reads it) or
when first opened (the others), so start-up pays only for what the first frame shows.
"""

from __future__ import annotations

import asyncio
import gc
import signal
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from textual import events
from textual._styles_cache import StylesCache
from textual.app import App
from textual.await_complete import AwaitComplete
from textual.binding import Binding

from tui.models import Claim, Excerpt, Quote, SearchHit, Stance
from tui.present import one_line
from tui.screens.main import MainScreen
from tui.store import Store
from tui.widgets.background import ReadingApp, read_now

if TYPE_CHECKING:
    from textual.command import Provider

    # Only named: their messages find their handlers here by name; the screens import them when they open.
    from tui.screens.compare import CompareScreen
    from tui.screens.source import SourceScreen
    from tui.widgets.drill_list import DrillList


def _name_provider() -> type[Provider]:
    # Imported when the palette opens, not at start-up.
    from tui.palette import NameProvider

    return NameProvider


# Signals that end the app as `q` does, so the terminal is given back as it was found (alternate screen left, mouse
# reporting off, cursor shown): the default action of each would kill the process with the terminal still in
# Textual's modes.
EXIT_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT)
# Seconds after the first frame at which the drill-down screens are imported (see `_import_drill_screens`): late
# enough that start-up has settled (its last frames came 50 ms after the first here), early for any Enter.
DRILL_IMPORT_DELAY = 0.3


@dataclass(frozen=True)
class DeepLink:
    """What the browser opens first: `events-tui --city NAME`, or a served page's `/?city=NAME`.

    `kind` is "city", "official" (names resolved as `events-tui city NAME` resolves them) or "source" (a slug).
    """

    kind: str
    name: str


class EventsApp(ReadingApp[None]):
    """Who said what, city by city, about ICE raids — each quote one key away from its source sentence."""

    # The drill screens' own files too (each screen still names its file): Textual reads a screen's CSS_PATH when
    # the screen is first pushed, and then parses every rule of the app again and restyles every widget on every
    # screen, 15-25 ms of the first city's or article's frame. Read here, the parse happens once, at start-up
    # (about 1 ms more), and the screens find their files already read.
    CSS_PATH = ["app.tcss", "screens/rows.tcss", "screens/source.tcss", "screens/compare.tcss", "screens/help.tcss"]
    TITLE = "events-tui"
    COMMANDS = App.COMMANDS | {_name_provider}

    BINDINGS = [
        Binding("q", "quit", "Quit", tooltip="Quit events-tui"),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Every key of the app"),
        Binding("slash", "search", "Search", key_display="/", tooltip="Search cities, officials and quotes"),
        # Textual reads Ctrl+Z as a key (the terminal's own suspend is off in its raw mode); this restores it.
        Binding("ctrl+z", "suspend_process", "Suspend", show=False, tooltip="Suspend events-tui (fg resumes it)"),
    ]

    # SQLite's page cache for the browser's connection. Reads are index lookups of a few pages each; the default
    # 2 MB cache was filled by the first count over a million quotes and only added to the browser's memory.
    PAGE_CACHE_KIB = 512

    def __init__(self, store: Store, start: DeepLink | None = None) -> None:
        super().__init__()
        self.store = store
        self.deep_link = start
        self.ended_by_signal: int | None = None
        store.limit_page_cache(self.PAGE_CACHE_KIB)
        # Made now rather than when Textual asks for it: it starts reading its slow counts in a thread, which then
        # overlaps Textual's start-up instead of the screen's.
        self._main_screen = MainScreen(store)

    def on_mount(self) -> None:
        loop = asyncio.get_running_loop()
        for number in EXIT_SIGNALS:
            try:
                loop.add_signal_handler(number, self.exit_on_signal, number)
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no such signal here
                pass
        # After Ctrl+Z and `fg` Textual's driver takes the terminal back (alternate screen, modes) but paints
        # nothing until the next key: repaint everything as soon as it says it has resumed.
        self.app_resume_signal.subscribe(self, self._repaint_after_resume)
        if self.deep_link is not None:
            self.open_deep_link(self.deep_link)
        # Once the first frame is out (never before it: start-up would pay), while the user reads it.
        self.call_after_refresh(self.set_timer, DRILL_IMPORT_DELAY, self._import_drill_screens)

    def _import_drill_screens(self) -> None:
        """Import the city, speaker and article screens' modules now, not on the Enter that first opens one:
        importing them took 4-6 ms of that key's frame (the first city of a session, the first article)."""
        import tui.screens.city
        import tui.screens.source
        import tui.screens.speaker  # noqa: F401

    def on_unmount(self) -> None:
        loop = asyncio.get_running_loop()
        for number in EXIT_SIGNALS:
            try:
                loop.remove_signal_handler(number)
            except (NotImplementedError, RuntimeError, ValueError):
                pass

    def exit_on_signal(self, number: int) -> None:
        # The command line exits with 128 + the signal's number, as a shell reports a process a signal ended.
        self.ended_by_signal = number
        self.exit(return_code=128 + number)

    def _repaint_after_resume(self, _app: App[Any]) -> None:
        self.refresh(layout=True, repaint=True)
        self.screen.refresh(layout=True, repaint=True)

    def get_default_screen(self) -> MainScreen:
        return self._main_screen

    def pop_screen(self) -> AwaitComplete:
        """Close the top screen, and let go of what its widgets painted.

        Textual caches a widget's painted lines in an object that a process-wide `lru_cache` of 1,024 entries
        keeps alive after the widget is gone (Textualize/textual#6665, open in 8.2.8). Every search dialog left
        about 400 KiB behind that way (300 painted lines), with no ceiling short of a thousand dialogs. Emptying
        that cache when a screen closes frees them; it holds two colours per entry, recomputed at once.
        """
        closing = super().pop_screen()
        StylesCache.get_inner_outer.cache_clear()
        return closing

    def open_deep_link(self, link: DeepLink) -> None:
        """Open what a link names over the main screen; one that names nothing (or several) leaves a notice."""
        from tui.search import NameNotResolved, resolve_name

        try:
            if link.kind == "source":
                source = self.store.source_by_slug(link.name)
                if source is None:
                    raise NameNotResolved(f"no source with slug '{link.name}'", [], ambiguous=False)
                self.open_source(source.id, 0, 0)
            else:
                self.open_hit(resolve_name(self.store, link.kind, link.name))
        except NameNotResolved as exc:
            # notify() parses markup by default; the name is the user's text and must show literally.
            self.notify(one_line(f"Link not opened: {exc}"), severity="warning", timeout=20, markup=False)
        except Exception as exc:  # noqa: BLE001 — a read that failed (a locked database) is one line, not a crash
            self.show_read_failure(exc)

    def run(self, **kwargs: Any) -> None:
        # Everything made so far (Textual's and our modules, the store) lives as long as the app. Freezing it keeps
        # the collector from scanning it again: the full collection that otherwise lands in start-up cost 21 ms
        # of the first frame here, and any later one a keystroke's worth.
        gc.freeze()
        # Textual writes each frame from a thread of its own, a pty buffer (4 KB) at a time, and that thread waits
        # for the interpreter lock while the event loop works on. At the default 5 ms switch interval a 20 KB frame
        # reached the terminal 10-20 ms after it was ready; at 0.5 ms, 3-5 ms.
        sys.setswitchinterval(0.0005)
        return super().run(**kwargs)

    # --- app-wide keys ---------------------------------------------------------------------------

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_search(self) -> None:
        from tui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(self.store), self._search_done)

    def on_key(self, event: events.Key) -> None:
        """Keys typed in a burst right after `/` ("/garcety" as fast as a terminal delivers it) were already routed
        to the main screen's list before the search opened; nothing there takes them, so they bubble up here once
        the search is on screen. They belong in its box, in order: dropped, the search would read "" or "y"."""
        from tui.screens.search import SearchScreen

        if event.is_forwarded and isinstance(self.screen, SearchScreen) and event.is_printable and event.character:
            event.stop()
            self.screen.type_ahead(event.character)

    def _search_done(self, hit: SearchHit | None) -> None:
        if hit is not None:
            self.open_hit(hit)

    # --- navigation: widgets post what was chosen, the app opens it ------------------------------
    # The open_* methods are public: the main screen, search, the palette and a deep link use them too.

    def on_main_screen_city_chosen(self, message: MainScreen.CityChosen) -> None:
        self.open_city(message.city_id)

    def on_compare_screen_city_chosen(self, message: CompareScreen.CityChosen) -> None:
        self.open_city(message.city_id)

    def on_main_screen_official_chosen(self, message: MainScreen.OfficialChosen) -> None:
        self.open_speaker(official_id=message.official_id)

    def on_main_screen_quote_chosen(self, message: MainScreen.QuoteChosen) -> None:
        self._open_excerpt(message.excerpt)

    def on_main_screen_citation_wanted(self, message: MainScreen.CitationWanted) -> None:
        self.copy_citation(message.quote)

    def on_drill_list_quote_chosen(self, message: DrillList.QuoteChosen) -> None:
        self._open_excerpt(message.excerpt)

    def on_drill_list_official_chosen(self, message: DrillList.OfficialChosen) -> None:
        self.open_speaker(official_id=message.official_id)

    def on_drill_list_organization_chosen(self, message: DrillList.OrganizationChosen) -> None:
        self.open_speaker(organization_id=message.organization_id)

    def on_drill_list_citation_wanted(self, message: DrillList.CitationWanted) -> None:
        self.copy_citation(message.item)

    def on_source_screen_citation_wanted(self, message: SourceScreen.CitationWanted) -> None:
        self.copy_citation(message.item)

    def _open_excerpt(self, excerpt: Excerpt) -> None:
        self.open_source(excerpt.source_id, excerpt.start, excerpt.end)

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
            main = self.screen_stack[0]  # the main screen, under whatever is open
            if isinstance(main, MainScreen):
                main.land_on_city(hit.id)
            self.open_city(hit.id)
        elif hit.kind == "official":
            self.open_speaker(official_id=hit.id)
        elif hit.kind == "organization":
            self.open_speaker(organization_id=hit.id)
        else:
            # A quote, a stance or a claim opens the article at its words: one row by id, fast enough for the event
            # loop. A failed read has been shown as one line.
            read = {"stance": self.store.stance, "claim": self.store.claim}.get(hit.kind, self.store.quote)
            found: Quote | Stance | Claim | None | Literal[False] = read_now(self, lambda: read(hit.id), False)
            if found is False:
                return
            if found is None:
                self.notify(f"That {hit.kind} is no longer in the database", severity="error")
                return
            if isinstance(found, Quote):
                main = self.screen_stack[0]
                if isinstance(main, MainScreen):
                    main.land_on_quote(found)
            self.open_source(found.excerpt.source_id, found.excerpt.start, found.excerpt.end)

    def copy_citation(self, item: Quote | Stance | Claim) -> None:
        """Send a one-line citation (with the sentence around the words) to the terminal's clipboard, and show it
        in a dialog that says so and can write it to a file: OSC 52 may be ignored without a word (tmux)."""
        from tui.present import citation
        from tui.screens.citation import CitationScreen

        try:
            context = self.store.sentence_around(item.excerpt)
        except Exception:  # noqa: BLE001 — the citation without the sentence is still right
            context = None
        text = citation(item, context)
        self.copy_to_clipboard(text)
        who = item.speaker if isinstance(item, Quote) else item.holder if isinstance(item, Stance) else item.figure
        self.push_screen(CitationScreen(text, who))
