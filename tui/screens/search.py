"""The search dialog (`/`): type a name or words the articles say; results follow the typing; Enter opens one.

Searching runs in a thread worker, one search at a time: keys typed while a search runs only update what is
wanted, and when it finishes the newest text is searched next. A burst of keys (a paste without bracketed paste,
10 KB sent as keys) therefore runs a handful of searches, not one per key, and typing never waits on the
database. The box keeps at most `MAX_QUERY_CHARS` characters, all that search reads.

Results come a page at a time: the status line gives the total (or says it is at least so many, when counting
would cost more than a keystroke's worth), and reaching the end of the list (Down on the last result, End, the
mouse wheel) loads the next page. Matched words are highlighted; a wrapped result keeps its indent.
The dialog returns the chosen `SearchHit` (or None on Escape); the caller decides what opening it means.
"""

from __future__ import annotations

import gc
import threading

from textual import events, on, work
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
from tui.search import MAX_QUERY_CHARS, MAX_RESULTS, SearchPage, count_quotes, fts_query, quote_words, search_page
from tui.store import Store
from tui.widgets.background import Prefetch, ReadingApp, failure_line
from tui.widgets.search_hit import HINT, hit_prompt, kind_group, status_line

PAGE = 30
LIMIT = PAGE  # the first page; kept under this name for the benchmark and tests
# Stances and claims are scanned row by row in a database without a full-text index of them; past this many rows
# the dialog leaves them out (and says so) rather than slow every keystroke. `events-tui search` still scans.
MAX_SCAN = 10_000
# How long the status line's count of matching quotes may take (on a connection of its own, before the results
# are shown): 3-30 ms for a word of two letters or more at a million quotes.
COUNT_SECONDS = 0.03
# Seconds after results are shown, with no newer ones, before garbage is collected (see `SearchScreen.tidy_later`).
IDLE_COLLECT_DELAY = 0.2


class SearchInput(Input):
    """The search box: keeps at most MAX_QUERY_CHARS characters; a longer paste is cut to fit, not refused."""

    def _on_paste(self, event: events.Paste) -> None:
        room = MAX_QUERY_CHARS - len(self.value) + (self.selection.end - self.selection.start)
        if event.text and room > 0:
            line = event.text.splitlines()[0] if event.text.splitlines() else ""
            event = events.Paste(line[:room])
        super()._on_paste(event)


class ResultList(OptionList):
    """The results; asks for the next page when scrolled to its end with the mouse."""

    class EndReached(Message):
        """The list was scrolled to its last line."""

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if new_value > old_value and new_value >= self.max_scroll_y:
            self.post_message(self.EndReached())


class SearchScreen(ModalScreen[SearchHit | None]):
    """Search across names, then what the articles say; Up/Down pick a result, Enter opens it, Escape closes."""

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
        Binding("enter", "choose", "Open", tooltip="Open the highlighted result", show=False),
        Binding("down", "move('cursor_down')", "Next result", show=False),
        Binding("up", "move('cursor_up')", "Previous result", show=False),
        Binding("pagedown", "move('page_down')", "Page down", show=False),
        Binding("pageup", "move('page_up')", "Page up", show=False),
        # Before the box's own End (Ctrl+E still moves its text cursor): End reaches the last result, and more.
        Binding("end", "last", "Last result", show=False, priority=True, tooltip="Last result; loads more"),
    ]

    class Results(Message):
        """A search finished: the `limit` first results for `text` and how many quotes match in all (None: not
        counted, too costly), or the `failure` it ended with (shown through the app's one path for failed reads)."""

        def __init__(
            self,
            text: str,
            limit: int,
            page: SearchPage | None,
            quotes: int | None = None,
            failure: Exception | None = None,
        ) -> None:
            super().__init__()
            self.text = text
            self.limit = limit
            self.page = page
            self.quotes = quotes
            self.failure = failure

    def __init__(self, store: Store, query: str = "") -> None:
        super().__init__()
        self.store = store
        self.query_text = query[:MAX_QUERY_CHARS]
        self.hits: list[SearchHit] = []
        self.page: SearchPage | None = None
        self.limit = PAGE
        self.quote_total: int | None = None  # how many quotes match, when known
        self._shown: tuple[str, int] | None = None  # the (text, limit) on screen
        self._wanted: tuple[str, int] = ("", PAGE)
        self._busy = False  # a search worker is running; it searches `_wanted` until it is shown
        self._lock = threading.Lock()
        self._tidy: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="search-box"):
            yield SearchInput(
                self.query_text,
                placeholder="Search names and what the articles say…",
                id="search-input",
                compact=True,
                max_length=MAX_QUERY_CHARS,
            )
            yield Static(Content(HINT), id="search-status")
            # The list never takes focus: keys go to the input, Up/Down are forwarded by this screen.
            results = ResultList(id="search-results", markup=False)
            results.can_focus = False
            yield results

    @property
    def results(self) -> OptionList:
        return self.query_one("#search-results", OptionList)

    @property
    def text(self) -> str:
        return self.query_one(Input).value

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        if self.query_text:
            self.want(self.query_text, PAGE)
        # Collected while the user starts typing, too: what the session allocated before the dialog opened (the
        # drills, the panes) otherwise set off the automatic full collection on the first keystroke's results
        # (25 ms of a 'g' in a benchmark trace, 36,000 objects; the first key 60-100 ms against 40-55 before).
        self.tidy_later()

    def type_ahead(self, character: str) -> None:
        """A character typed before this screen opened (see EventsApp.on_key) goes into the box, in order."""
        box = self.query_one(Input)
        box.focus()
        box.insert_text_at_cursor(character)

    @on(Input.Changed)
    def text_changed(self, event: Input.Changed) -> None:
        self.want(event.value, PAGE)

    # --- searching: one worker at a time, always on the newest text ------------------------------

    def want(self, text: str, limit: int) -> None:
        """Search `text` for `limit` results as soon as the search under way (if any) is done."""
        with self._lock:
            self._wanted = (text, limit)
            start = not self._busy
            self._busy = True
        if start:
            self.search_newest()

    @work(thread=True, group="search", exit_on_error=False)
    def search_newest(self) -> None:
        done: tuple[str, int] | None = None
        while True:
            with self._lock:
                wanted = self._wanted
                if wanted == done:
                    self._busy = False
                    return
            text, limit = wanted
            try:
                # The count of matching quotes (on a connection of its own) runs beside the search rather than
                # after it: a keystroke then waits for the longer of the two, not for both (3-30 ms less). When it is
                # done by the time the quotes are searched (few matches: under a millisecond), the search takes the
                # count as known and reads the index once instead of twice.
                counting = self._count_ahead(text)
                counted = counting.peek if counting is not None else None
                page = (
                    search_page(self.store, text, limit, max_scan=MAX_SCAN, counted=counted) if text.strip() else None
                )
                quotes = page.quote_matches if page else 0
                if page is not None and quotes is None and counting is not None:
                    # Waited for here, before the results are shown: the status line is then right in the same
                    # frame, instead of changing again a moment later.
                    quotes = counting.get()
            except Exception as exc:  # noqa: BLE001 — shown in the status line; the dialog stays usable
                self.post_message(self.Results(text, limit, None, failure=exc))
            else:
                self.post_message(self.Results(text, limit, page, quotes))
            done = wanted

    def _count_ahead(self, text: str) -> Prefetch[int | None] | None:
        """Start counting the quotes `text` matches (what `search_page` would ask to have counted), or None when
        it would not be counted: no words, or a last word of one letter."""
        expression = fts_query(quote_words(text)) if text.strip() and worth_counting(text) else None
        if expression is None:
            return None
        store = self.store
        return Prefetch(lambda: count_quotes(store, expression, COUNT_SECONDS))

    # --- showing ---------------------------------------------------------------------------------

    @on(Results)
    def show_results(self, message: Results) -> None:
        if message.text != self.text or message.limit != self.limit:
            return  # an answer to text the user has since changed
        status = self.query_one("#search-status", Static)
        if message.failure is not None:
            # The one path every failed read takes (tui.widgets.background): a notification, and its line here.
            app = self.app
            exc = message.failure
            line = app.show_read_failure(exc) if isinstance(app, ReadingApp) else failure_line(app, exc)
            status.update(Content(f"Search failed: {line}"))
            return
        same_text = self._shown is not None and self._shown[0] == message.text
        keep = self._hit_index() if same_text else None
        self._shown = (message.text, message.limit)
        self.page = message.page
        self.hits = message.page.hits if message.page else []
        self.quote_total = message.quotes
        self._fill(keep)
        # The line's size is fixed (one row, the box's width): a layout of the whole dialog on every keystroke for
        # it cost 5-8 ms of the key (headless, 1M quotes: 2.0 -> 1.4 layouts a key).
        status.update(status_line(self.text, self.page, self.quote_total), layout=False)
        self.tidy_later()

    def tidy_later(self) -> None:
        """Collect garbage once typing pauses (a newer result restarts the wait); collection stays on throughout.

        Each keystroke leaves results, prompts and strips behind, and Python's automatic full collection, which
        walks every object the app holds (20-40 ms at a million quotes, more late in a session), then lands on a
        later keystroke or on the Enter that opens a city (seen in the benchmark as one keystroke 4-14x the UI
        floor, and in the trace of a busy city's drill). Collected while the user reads the results, the
        automatic one has little left to trigger it.
        """
        if self._tidy is not None:
            self._tidy.stop()
        self._tidy = self.set_timer(IDLE_COLLECT_DELAY, gc.collect, name="collect garbage")

    def _fill(self, keep: int | None) -> None:
        words = quote_words(self.text)
        options: list[Option | None] = []
        for index, hit in enumerate(self.hits):
            if index and kind_group(hit) != kind_group(self.hits[index - 1]):
                options.append(None)  # a rule between names, stances, claims and quotes
            options.append(Option(hit_prompt(hit, words), id=str(index)))
        self.results.set_options(options)
        if options:
            self.results.highlighted = self._option_index(keep or 0)

    def _option_index(self, hit_index: int) -> int:
        """The option index of the hit at `hit_index` (rules between kinds are options without an id)."""
        for index, option in enumerate(self.results.options):
            if option.id == str(hit_index):
                return index
        return 0

    def _hit_index(self) -> int | None:
        option = self.results.highlighted_option
        return int(option.id) if option is not None and option.id is not None else None

    # --- keys ------------------------------------------------------------------------------------

    def action_move(self, action: str) -> None:
        # OptionList's own actions, so moving here behaves exactly as in a focused list.
        before = self.results.highlighted
        getattr(self.results, f"action_{action}")()
        last = len(self.results.options) - 1
        if action in ("cursor_down", "page_down") and self.results.highlighted in (before, last):
            self.load_more()

    def action_last(self) -> None:
        self.results.action_last()
        self.load_more()

    @on(ResultList.EndReached)
    def load_more(self) -> None:
        """Ask for the next page of results, if there is one and none is on its way."""
        page = self.page
        if page is None or not page.more or self._shown != (self.text, self.limit):
            return
        if self.limit >= MAX_RESULTS:
            return
        self.limit = min(self.limit + PAGE, MAX_RESULTS)
        self.want(self.text, self.limit)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_choose(self) -> None:
        index = self._hit_index()
        if index is not None:
            self.dismiss(self.hits[index])

    @on(Input.Submitted)
    def choose_highlighted(self) -> None:
        self.action_choose()

    @on(OptionList.OptionSelected)
    def choose_clicked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(self.hits[int(event.option.id)])


def worth_counting(text: str) -> bool:
    """Whether to count every matching quote: not for a last word of one letter ('i' matches every word starting
    with i: 0.1-0.2 s at a million quotes, and FTS5 cannot be stopped halfway through that)."""
    words = quote_words(text)
    return bool(words) and len(words[-1]) > 1
