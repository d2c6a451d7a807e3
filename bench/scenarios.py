"""What the benchmark does at the keyboard: the floor apps and the events-tui sessions, each under a pseudo-terminal.

Every timed action is "press → the screen settles" (see bench/terminal.py); a check names what the settled
screen must show, so a slow answer is waited for rather than missed. Untimed steps (Escape, Tab, clearing a
field) only bring the app back to a known state between timed ones.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from bench.terminal import Settled, TerminalSession

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# Keys as a terminal sends them.
ENTER, ESCAPE, TAB, SHIFT_TAB, PAGE_UP, BACKSPACE = "\r", "\x1b", "\t", "\x1b[Z", "\x1b[5~", "\x7f"

# What events-tui shows; if the app's wording changes, change it here.
LOADING = "Loading…"
MAIN_MARK = "All cities"
SEARCH_MARK = "Search names"  # the search box's placeholder begins so
SEARCH_HINT = "Type a city, official or organisation"  # its status line when nothing is typed (old code too)
NOTHING_MATCHES = "Nothing matches"
SOURCE_CRUMB = "Source"
MAIN_CRUMB = "Cities"  # the main screen's breadcrumb; a drill-down's reads "Cities › …"


@dataclass
class Samples:
    """Timings of one kind of action, in seconds, with what went wrong when a check never passed."""

    values: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def add(self, settled: Settled, what: str) -> None:
        if settled.timed_out or settled.latency is None:
            self.failures.append(f"{what}: {'no change' if settled.latency is None else 'check never passed'}")
            if settled.latency is not None:
                self.values.append(settled.latency)
        else:
            self.values.append(settled.latency)


@dataclass
class Query:
    """A search typed letter by letter; `kind` says what it exercises (name, common word, rare word, prefix)."""

    kind: str
    text: str
    # For each prefix, the hit names the results must show, in order (computed from tui.search beforehand).
    expected: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Plan:
    """What to do in an interactive session, prepared from the database before the app starts."""

    queries: list[Query]
    first_city: str
    busy_city: str
    city_rows: int  # rows in the Cities pane, "All cities" included
    quiet: float
    timeout: float


def text_of(screen: tuple[str, ...]) -> str:
    return "\n".join(screen)


def ready(screen: tuple[str, ...]) -> bool:
    text = text_of(screen)
    return MAIN_MARK in text and LOADING not in text


def not_loading(screen: tuple[str, ...]) -> bool:
    return LOADING not in text_of(screen)


def shows_in_order(names: list[str]) -> Callable[[tuple[str, ...]], bool]:
    """The settled screen shows these names in this order (or says nothing matches when there are none)."""

    def check(screen: tuple[str, ...]) -> bool:
        text = text_of(screen)
        if not names:
            return NOTHING_MATCHES in text
        position = 0
        for name in names:
            found = text.find(name, position)
            if found < 0:
                return False
            position = found + len(name)
        return True

    return check


def at_end(screen: tuple[str, ...], rows: int) -> bool:
    """The Cities pane's title says the cursor is on the last row ("50000 / 50000", with or without "All")."""
    text = text_of(screen)
    return any(f"{n} / {n}" in text or f"{n:,} / {n:,}" in text for n in (rows, rows - 1))


def crumb(name: str) -> Callable[[tuple[str, ...]], bool]:
    """The breadcrumb (first line) ends with `name` and nothing is still loading."""

    def check(screen: tuple[str, ...]) -> bool:
        return screen[0].rstrip().endswith(name) and not_loading(screen)

    return check


class ListMove(NamedTuple):
    field: str  # the `AppRun` field it is timed in
    label: str
    keys: str
    check: Callable[[tuple[str, ...]], bool]  # what the settled screen must show


def list_moves(city_rows: int) -> list[ListMove]:
    """(d), from the Cities pane: G to the end of the list, then PageUp three times. `bench/drill_ab.py` times
    the same steps."""
    end = ListMove("end_of_list", "G", "G", lambda s: not_loading(s) and at_end(s, city_rows))
    return [end, *[ListMove("page_up", "PageUp", PAGE_UP, not_loading)] * 3]


# --- start-up -----------------------------------------------------------------------------------------


@dataclass
class StartUp:
    latency: float | None
    first_paint: float | None
    rss_kib: int | None
    failure: str | None


def start_up(argv: list[str], check: Callable[[tuple[str, ...]], bool] | None, quiet: float, timeout: float) -> StartUp:
    """Spawn, wait for the first complete frame, read the peak RSS, quit."""
    session = TerminalSession(argv, cwd=ROOT)
    try:
        spawned = session.start()
        settled = session.settle(spawned, quiet=quiet, timeout=timeout, check=check)
        rss = session.peak_rss_kib()
    finally:
        session.close()
    failure = "never settled" if settled.timed_out else None
    return StartUp(settled.latency, settled.first_latency, rss, failure)


def app_argv(db: Path) -> list[str]:
    return [PYTHON, "-m", "tui", "--db", str(db)]


def floor_argv(name: str) -> list[str]:
    return [PYTHON, str(ROOT / "bench" / name)]


# --- the UI floor ---------------------------------------------------------------------------------


def ui_floor_session(queries: list[Query], quiet: float, timeout: float) -> tuple[Samples, StartUp]:
    """Type the same letters into the floor app (a field over a list, no database)."""
    session = TerminalSession(floor_argv("floor_ui.py"), cwd=ROOT)
    try:
        spawned = session.start()
        settled = session.settle(spawned, quiet=quiet, timeout=timeout)
        started = StartUp(settled.latency, settled.first_latency, session.peak_rss_kib(), None)
        samples = Samples()
        for query in queries:
            for letter in query.text:
                samples.add(session.settle(session.press(letter), quiet=quiet, timeout=timeout), f"floor {letter!r}")
            for _ in query.text:
                session.settle(session.press(BACKSPACE), quiet=quiet / 2, timeout=timeout)
    finally:
        session.close()
    return samples, started


# --- events-tui -----------------------------------------------------------------------------------


@dataclass
class AppRun:
    """Everything measured in one interactive session of events-tui."""

    start: StartUp
    search: dict[str, Samples]  # by query text
    # The same keys timed to their results: the last change outside the status line (TerminalSession.changed_outside)
    search_results: dict[str, Samples] = field(default_factory=dict)
    open_search: Samples = field(default_factory=Samples)
    highlight: Samples = field(default_factory=Samples)
    drill_first: Samples = field(default_factory=Samples)
    drill_busy: Samples = field(default_factory=Samples)
    source_open: Samples = field(default_factory=Samples)
    end_of_list: Samples = field(default_factory=Samples)
    page_up: Samples = field(default_factory=Samples)
    rss_end_kib: int | None = None
    stalls: list[str] = field(default_factory=list)  # untimed steps that never settled (the app in a bad state)


def app_session(db: Path, plan: Plan) -> AppRun:
    session = TerminalSession(app_argv(db), cwd=ROOT)
    try:
        return drive(session, db, plan)
    finally:
        session.close()


def drive(session: TerminalSession, db: Path, plan: Plan) -> AppRun:
    """Start events-tui in `session` and take it through every timed action of the plan."""
    quiet, timeout = plan.quiet, plan.timeout
    spawned = session.start()
    settled = session.settle(spawned, quiet=quiet, timeout=timeout, check=ready)
    run = AppRun(
        StartUp(settled.latency, settled.first_latency, session.peak_rss_kib(), "never settled" * settled.timed_out),
        {q.text: Samples() for q in plan.queries},
    )

    def step(keys: str, check: Callable[[tuple[str, ...]], bool] | None = None, timed: bool = True) -> Settled:
        # An untimed step may only move focus (no text changes), so it need not change the screen.
        settled = session.settle(session.press(keys), quiet, timeout, check, require_change=timed)
        if settled.timed_out:
            run.stalls.append(f"{keys!r}: the screen never settled as expected")
            print(f"bench: {db.name}: {keys!r} never settled as expected", file=sys.stderr)
            print("\n".join(line.rstrip() for line in settled.text), file=sys.stderr)
        return settled

    # (c) drill: highlight the first city, open it; then the newest quote's source (from "All cities").
    run.highlight.add(step("j", not_loading), "highlight first city")
    run.drill_first.add(step(ENTER, crumb(plan.first_city)), f"open {plan.first_city}")
    step(ESCAPE, ready, timed=False)
    step("g", ready, timed=False)
    for _ in range(2):  # to the Quotes pane
        step(TAB, not_loading, timed=False)
    run.source_open.add(step(ENTER, crumb(SOURCE_CRUMB)), "open source")
    step(ESCAPE, ready, timed=False)
    for _ in range(2):  # back to Cities
        step(SHIFT_TAB, not_loading, timed=False)

    # (d) the end of the city list, and back a page at a time.
    if plan.city_rows > 60:
        for move in list_moves(plan.city_rows):
            getattr(run, move.field).add(step(move.keys, move.check), move.label)
        step("g", ready, timed=False)

    # (b) search, letter by letter.
    for query in plan.queries:
        run.open_search.add(step("/", lambda s: SEARCH_MARK in text_of(s)), "open search")
        status_row = next((i for i, line in enumerate(session.screen.text()) if SEARCH_HINT in line), None)
        to_results = run.search_results.setdefault(query.text, Samples())
        typed = ""
        for letter in query.text:
            typed += letter
            names = query.expected.get(typed, [])
            settled = step(letter, shows_in_order(names))
            run.search[query.text].add(settled, f"search {typed!r}")
            if status_row is not None and settled.changed_at is not None and not settled.timed_out:
                # A failed check is counted once, in `run.search`; a key that changed only the status line is not
                # timed here (the letter's echo always changes the box, so that does not happen in practice).
                if (changed := session.changed_outside(settled.since, status_row)) is not None:
                    to_results.values.append(changed - settled.since)
        step(ESCAPE, ready, timed=False)

    # (c) a busy city, opened from search.
    step("/", lambda s: SEARCH_MARK in text_of(s), timed=False)
    step(plan.busy_city, shows_in_order([plan.busy_city]))
    run.drill_busy.add(step(ENTER, crumb(plan.busy_city)), f"open {plan.busy_city}")
    # Back on the main screen, the Cities cursor sits on the city search opened, so "All cities" may be off screen.
    step(ESCAPE, crumb(MAIN_CRUMB), timed=False)
    run.rss_end_kib = session.peak_rss_kib()
    return run
