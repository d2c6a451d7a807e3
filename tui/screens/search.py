"""The search dialog (`/`): type a name or words of a quote; results follow each keystroke; Enter opens one.

Searching runs in an exclusive thread worker, so typing never waits on the database: each keystroke cancels the
previous search, and a late answer to an older text is dropped rather than shown under the newer one.
The dialog returns the chosen `SearchHit` (or None on Escape); the caller decides what opening it means.
"""

from __future__ import annotations

import gc

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.models import SearchHit
from tui.present import one_line
from tui.search import search
from tui.store import Store
from tui.widgets.background import read_in_background

LIMIT = 30
SNIPPET_CHARS = 160
KIND_LABEL = {"city": "city", "official": "official", "organization": "org", "quote": "quote"}
# Seconds after results are shown, with no newer ones, before garbage is collected (see `SearchScreen._hold_gc`).
IDLE_COLLECT_DELAY = 0.2
HINT = "Type a city, official or organisation (typos are fine), or words from a quote"


def hit_prompt(hit: SearchHit) -> Content:
    """Kind, name, and a one-line snippet: what it is, or the quote's words. Never parsed as markup."""
    snippet = one_line(hit.snippet)
    if len(snippet) > SNIPPET_CHARS:
        snippet = snippet[: SNIPPET_CHARS - 1] + "…"
    kind = KIND_LABEL.get(hit.kind, hit.kind)
    return Content.assemble(
        (f"{kind:<9}", "$text-muted"), (one_line(hit.name), "bold"), "\n", " " * 9, (snippet, "$text-muted")
    )


class SearchScreen(ModalScreen[SearchHit | None]):
    """Search across names, then quotes; Up/Down pick a result, Enter opens it, Escape closes."""

    DEFAULT_CSS = """
    SearchScreen {
        align: center top;
    }
    /* A fixed size: growing with the first results would lay the whole dialog out again on that keystroke. */
    SearchScreen #search-box {
        width: 90%;
        max-width: 110;
        height: 28;
        max-height: 90%;
        margin-top: 2;
        padding: 0 1;
        border: round $accent;
        background: $surface;
    }
    SearchScreen #search-status {
        color: $text-muted;
        padding: 0 1;
        height: 1;
    }
    SearchScreen #search-results {
        height: 1fr;
        border: none;
        background: $surface;
    }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Close", tooltip="Close the search without opening anything"),
        Binding("down", "move('cursor_down')", "Next result", show=False),
        Binding("up", "move('cursor_up')", "Previous result", show=False),
        Binding("pagedown", "move('page_down')", "Page down", show=False),
        Binding("pageup", "move('page_up')", "Page up", show=False),
    ]

    class Results(Message):
        """A search finished; `text` is what it searched for."""

        def __init__(self, text: str, hits: list[SearchHit]) -> None:
            super().__init__()
            self.text = text
            self.hits = hits

    def __init__(self, store: Store, query: str = "") -> None:
        super().__init__()
        self.store = store
        self.query_text = query
        self.hits: list[SearchHit] = []
        self._gc_held = False
        self._gc_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield Input(self.query_text, placeholder="Search names and quotes…", id="search-input", compact=True)
            yield Static(Content(HINT), id="search-status")
            # The list never takes focus: keys go to the input, Up/Down are forwarded by this screen.
            results = OptionList(id="search-results", markup=False)
            results.can_focus = False
            yield results

    @property
    def results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    def on_mount(self) -> None:
        self._hold_gc()
        self.query_one(Input).focus()
        if self.query_text:
            self.run_search(self.query_text)

    @on(Input.Changed)
    def text_changed(self, event: Input.Changed) -> None:
        self.run_search(event.value)

    def _hold_gc(self) -> None:
        """No automatic garbage collection while the dialog is open; a collection runs when typing pauses.

        A full collection walks every object the app holds (strips and their caches: 40-65 ms here). Left
        automatic, it is triggered by the allocations of a keystroke and doubles that keystroke's latency.
        The same idea as Textual pausing collection while it scrolls.
        """
        if gc.isenabled():
            gc.disable()
            self._gc_held = True

    def _collect_while_idle(self) -> None:
        if self._gc_held:
            gc.collect()

    def on_unmount(self) -> None:
        if self._gc_timer is not None:
            self._gc_timer.stop()
        if self._gc_held:
            self._gc_held = False
            gc.enable()

    def run_search(self, text: str) -> None:
        # The app's one path for background reads: a newer keystroke cancels this search, a failure (a locked
        # database) is shown as one line here and as a notification, and the dialog stays open.
        read_in_background(
            self,
            lambda: search(self.store, text, LIMIT) if text.strip() else [],
            lambda hits: self.show_results(self.Results(text, hits)),
            lambda line: self.query_one("#search-status", Static).update(Content(line)),
            group="search",
        )

    @on(Results)
    def show_results(self, message: Results) -> None:
        if message.text != self.query_one(Input).value:
            return  # an answer to text the user has since changed
        self.hits = message.hits
        options: list[Option | None] = []
        for index, hit in enumerate(message.hits):
            if index and hit.kind == "quote" and message.hits[index - 1].kind != "quote":
                options.append(None)  # a rule between the names and the quotes
            options.append(Option(hit_prompt(hit), id=str(index)))
        self.results.set_options(options)
        if options:
            self.results.highlighted = 0
        self.query_one("#search-status", Static).update(status_line(message.text, message.hits))
        # Collect once the results are surely painted and typing has paused (a newer result restarts the wait).
        if self._gc_timer is not None:
            self._gc_timer.stop()
        self._gc_timer = self.set_timer(IDLE_COLLECT_DELAY, self._collect_while_idle)

    def action_move(self, action: str) -> None:
        # OptionList's own actions, so moving here behaves exactly as in a focused list.
        getattr(self.results, f"action_{action}")()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def choose_highlighted(self) -> None:
        option = self.results.highlighted_option
        if option is not None and option.id is not None:
            self.dismiss(self.hits[int(option.id)])

    @on(OptionList.OptionSelected)
    def choose_clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.hits[int(event.option.id)])


def status_line(text: str, hits: list[SearchHit]) -> Content:
    if not text.strip():
        return Content(HINT)
    if not hits:
        return Content(f"Nothing matches “{one_line(text)}”")
    quotes = sum(1 for h in hits if h.kind == "quote")
    names = len(hits) - quotes
    parts = [f"{names} name{'s' * (names != 1)}", f"{quotes} quote{'s' * (quotes != 1)}"]
    return Content(" · ".join(parts) + " — Up/Down to choose, Enter to open, Escape to close")
