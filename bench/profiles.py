"""pyinstrument profiles of the slow paths, for the Misses section of RESULTS.md (`python bench/run.py --profile`).

pyinstrument samples one thread: the app's main thread when the app runs under `python -m pyinstrument`, which
is where layout, rendering and any query made on the event loop cost time; searches run in a thread worker, so
they are profiled in-process by calling `tui.search.search` exactly as the worker does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench import scenarios
from bench.scenarios import ENTER, ESCAPE, PAGE_UP, TAB, Plan
from bench.terminal import TerminalSession

KEEP_LINES = 45


def profile_all(db: Path, plan: Plan, folder: Path, quiet: float, timeout: float) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "start-up on the large database (main thread)": app_profile(db, folder / "startup.txt", [], quiet, timeout),
        "G, PageUp ×3, drill into the first city, open a source (main thread)": app_profile(
            db,
            folder / "ui.txt",
            [("G", scenarios.not_loading)]
            + [(PAGE_UP, scenarios.not_loading)] * 3
            + [
                ("g", scenarios.ready),
                ("j", scenarios.not_loading),
                (ENTER, scenarios.crumb(plan.first_city)),
                (ESCAPE, scenarios.not_loading),
                ("g", scenarios.ready),
                (TAB, scenarios.not_loading),
                (TAB, scenarios.not_loading),
                (ENTER, scenarios.crumb(scenarios.SOURCE_CRUMB)),
            ],
            quiet,
            timeout,
        ),  # fmt: skip
        "search, every prefix of every query (the worker's work, in-process)": search_profile(
            db, plan, folder / "search.txt"
        ),
        "the main screen's first pages and a city's view (the workers' queries, in-process)": store_profile(
            db, folder / "store.txt"
        ),
    }


def store_profile(db: Path, out: Path) -> str:
    """What the start-up and drill workers ask of the store, timed in-process: the main screen's first page of
    each pane (no city chosen) and the first city's view."""
    from pyinstrument import Profiler

    from tui.store import open_store

    store = open_store(db)
    profiler = Profiler(interval=0.0005)
    try:
        profiler.start()
        store.city_count(), store.cities_page(0, 60)
        store.official_count(), store.officials_page(None, 0, 60)
        store.quote_count(), store.quotes_page(0, 60)
        first = store.cities_page(0, 1)
        if first:
            store.city_view(first[0].id)
        profiler.stop()
    finally:
        store.close()
    out.write_text(profiler.output_text(color=False, unicode=True, flat=True, flat_time="total"), encoding="utf-8")
    return trimmed(out)


def app_profile(db: Path, out: Path, steps: list, quiet: float, timeout: float) -> str:
    session_file = out.with_suffix(".pyisession")
    argv = [sys.executable, "-m", "pyinstrument", "-r", "pyisession", "-o", str(session_file)]
    argv += ["-m", "tui", "--db", str(db)]
    session = TerminalSession(argv, cwd=scenarios.ROOT)
    spawned = session.start()
    session.settle(spawned, quiet=quiet, timeout=timeout, check=scenarios.ready)
    for keys, check in steps:  # untimed: Tab moves focus only, so a step need not change the text
        session.settle(session.press(keys), quiet=quiet, timeout=timeout, check=check, require_change=False)
    session.close(grace=30.0)
    if session_file.is_file():
        out.write_text(flat(session_file), encoding="utf-8")
    return trimmed(out)


def flat(session_file: Path) -> str:
    """Functions by total (inclusive) time, library frames included: the app's handlers, Textual's layout and
    render passes and the event loop's idle wait (epoll) each get a line, so it is plain where the time goes."""
    from pyinstrument.renderers import ConsoleRenderer
    from pyinstrument.session import Session

    renderer = ConsoleRenderer(unicode=True, color=False, flat=True, flat_time="total", show_all=True)
    return renderer.render(Session.load(str(session_file)))


def search_profile(db: Path, plan: Plan, out: Path) -> str:
    from pyinstrument import Profiler

    from tui.screens.search import LIMIT
    from tui.search import search
    from tui.store import open_store

    store = open_store(db)
    profiler = Profiler(interval=0.0005)
    try:
        profiler.start()
        for query in plan.queries:
            for i in range(1, len(query.text) + 1):
                search(store, query.text[:i], LIMIT)
        profiler.stop()
    finally:
        store.close()
    out.write_text(profiler.output_text(color=False, unicode=True, flat=True, flat_time="total"), encoding="utf-8")
    return trimmed(out)


def trimmed(path: Path) -> str:
    if not path.is_file():
        return "(no profile written)"
    lines = path.read_text(encoding="utf-8").splitlines()
    more = len(lines) - KEEP_LINES
    return "\n".join(lines[:KEEP_LINES] + ([f"… {more} more lines in {path.name}"] if more > 0 else []))
