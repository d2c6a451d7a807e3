"""Deep links: `/?city=chicago` in a served page and `events-tui --city chicago` at a terminal open the same view;
a link that names nothing, or several, opens the main screen with a one-line notice naming why.
"""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

import tui.app
from bench.terminal import TerminalSession, screen_contains
from tests.conftest import ROOT
from tests.serve_support import served
from tui.app import DeepLink, EventsApp
from tui.screens.base import Breadcrumb
from tui.screens.city import CityScreen
from tui.screens.main import MainScreen
from tui.screens.source import SourceScreen
from tui.screens.speaker import SpeakerScreen
from tui.store import Store, open_store

# (kind, what is typed, the breadcrumb's last crumb, something the view shows)
OPENED = [
    ("city", "chicago", "Cities › Chicago", "Lori Lightfoot"),
    ("official", "garcety", "Eric Garcetti", "Mayor of Los Angeles"),
    ("official", "Bill De Blásio", "Bill de Blasio", "Bill de Blasio"),
    ("source", "2019-06-22-ice-raids", "Source", "2019-06-22-ice-raids"),
]
# (kind, what is typed, what the notice says)
NOT_OPENED = [
    ("city", "atlantis", "Link not opened: no city matches 'atlantis'"),
    ("official", "lo", "Link not opened: 'lo' matches several officials"),
    ("source", "no-such-article", "Link not opened: no source with slug 'no-such-article'"),
    ("city", "--help", "Link not opened: no city matches '--help'"),
    ("city", "[bold]x[/bold]", "Link not opened: no city matches '[bold]x[/bold]'"),
]


class RecordingApp(EventsApp):
    """The real app, keeping what it notified so a test can read the notice's exact text."""

    CSS_PATH = str(Path(tui.app.__file__).with_name("app.tcss"))  # relative paths are read beside the subclass

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.notices: list[str] = []

    def notify(self, message: str, **kwargs: Any) -> None:  # type: ignore[override]
        self.notices.append(message)
        super().notify(message, **kwargs)


@pytest.fixture
def app_store(events_db: Path) -> Store:
    opened = open_store(events_db)
    yield opened
    opened.close()


@pytest.mark.parametrize(("kind", "name", "crumb", "_shows"), OPENED, ids=[f"{k}={n}" for k, n, *_ in OPENED])
async def test_the_app_opens_a_deep_link(app_store: Store, kind: str, name: str, crumb: str, _shows: str) -> None:
    app = RecordingApp(app_store, start=DeepLink(kind, name))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen_type = {"city": CityScreen, "official": SpeakerScreen, "source": SourceScreen}[kind]
        assert isinstance(app.screen, screen_type)
        assert str(app.screen.query_one(Breadcrumb).render()).endswith(crumb.split(" › ")[-1])
        assert isinstance(app.screen_stack[0], MainScreen)  # Escape goes back to the main screen
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert app.notices == []


@pytest.mark.parametrize(("kind", "name", "notice"), NOT_OPENED, ids=[f"{k}={n}" for k, n, _ in NOT_OPENED])
async def test_a_link_that_names_nothing_stays_on_the_main_screen(
    app_store: Store, kind: str, name: str, notice: str
) -> None:
    app = RecordingApp(app_store, start=DeepLink(kind, name))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MainScreen)
        assert len(app.notices) == 1
        assert app.notices[0].startswith(notice) and "\n" not in app.notices[0]


def test_the_page_and_the_terminal_open_the_same_views(events_db: Path) -> None:
    with served(events_db) as server:
        for kind, name, crumb, shows in OPENED:
            tab = server.open(f"?{kind}={quote(name)}", check=crumb)
            assert screen_contains(tab.current_text(), shows), "\n".join(tab.current_text())
            tab.close()
        tab = server.open("?city=atlantis", check="Link not opened")
        assert screen_contains(tab.current_text(), "All cities")
        tab.close()
        # Whatever a link holds reaches the app as the name, shown literally, and never the page's HTML.
        hostile = 'a/b?c#d%e"><script>[b]'
        tab = server.open(f"?city={quote(hostile)}", check="Link not opened")
        assert screen_contains(tab.current_text(), f"'{hostile}'"), "\n".join(tab.current_text())
        assert '"><script>' not in urllib.request.urlopen(server.page(f"?city={quote(hostile)}")).read().decode()
        tab.close()
    for kind, name, crumb, shows in OPENED[:2]:
        terminal = TerminalSession([sys.executable, "-m", "tui", "--db", str(events_db), f"--{kind}", name], cwd=ROOT)
        since = terminal.start()
        try:
            settled = terminal.settle(since, check=lambda text, crumb=crumb: screen_contains(text, crumb), timeout=30)
            assert not settled.timed_out and screen_contains(settled.text, shows), "\n".join(settled.text)
        finally:
            terminal.close()


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["--city", "chicago", "search", "x"], "--city opens the browser at it; it does not go with 'search'"),
        (["--city", "chicago", "browse", "--official", "lo"], "give only one of --city, --official"),
        (["--city", "chicago", "--source", "x"], "not allowed with argument"),
    ],
)
def test_deep_link_arguments_misused_are_one_line(events_db: Path, args: list[str], needle: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "tui", "--db", str(events_db), *args], capture_output=True, text=True, cwd=ROOT
    )
    assert run.returncode == 2
    assert run.stderr.startswith("events-tui: ") and run.stderr.count("\n") == 1 and needle in run.stderr
