"""The served page in a real browser: headless Chromium loads it, types into it, and the app answers.

Runs when Debian's `chromium` and the `playwright` package are installed (README: "Serving to a web browser");
otherwise it is skipped, saying which is missing. Playwright drives the system Chromium; it downloads nothing.
The page draws the terminal on a canvas, so the screen is read from the websocket frames the browser received,
replayed through bench/'s terminal emulator; a screenshot is saved beside the test's temporary files.
"""

from __future__ import annotations

import codecs
import shutil
import time
from pathlib import Path
from typing import Any

import pytest

from bench.screen import Screen
from bench.terminal import screen_contains
from tests.serve_support import served, wait_until_gone

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
]

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Chromium: apt-get install chromium"),
]


class BrowserScreen:
    """What the page's terminal shows, from the bytes its websocket received."""

    def __init__(self, columns: int, rows: int) -> None:
        self.screen = Screen(columns, rows)
        self.decode = codecs.getincrementaldecoder("utf-8")("replace").decode

    def received(self, payload: str | bytes) -> None:
        if isinstance(payload, bytes):  # text frames are the page's own messages (pong), not screen output
            self.screen.feed(self.decode(payload))

    def wait_for(self, needle: str, timeout: float = 30.0) -> tuple[str, ...]:
        deadline = time.monotonic() + timeout
        while not screen_contains(self.screen.text(), needle):
            assert time.monotonic() < deadline, f"{needle!r} not on the page:\n" + "\n".join(self.screen.text())
            self.page.wait_for_timeout(50)  # lets Playwright deliver the frames
        return self.screen.text()

    page: Any = None


def test_chromium_loads_the_page_types_and_reads_the_answer(events_db: Path, tmp_path: Path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="needs the playwright package: pip install playwright")
    requested: list[str] = []
    with served(events_db) as server, sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.on("request", lambda request: requested.append(request.url))
        screens: list[BrowserScreen] = []

        def on_socket(socket: Any) -> None:
            # The page sizes the terminal to its window; the first resize message says to what.
            shown = BrowserScreen(200, 60)
            shown.page = page
            screens.append(shown)
            socket.on("framereceived", shown.received)

        page.on("websocket", on_socket)
        page.goto(server.page("?city=chicago"))
        # "-first-byte": the app's output reached the page (not merely the page loaded).
        page.wait_for_selector("body.-first-byte", timeout=30_000)
        assert len(screens) == 1
        screens[0].wait_for("Cities › Chicago")
        page.focus(".xterm-helper-textarea")  # keys reach xterm.js only through its hidden textarea
        page.keyboard.press("Escape")
        screens[0].wait_for("All cities")
        page.keyboard.press("/")
        screens[0].wait_for("Search names and")
        page.keyboard.type("garcety", delay=30)
        text = screens[0].wait_for("Eric Garcetti")
        assert screen_contains(text, "Mayor of Los Angeles")
        page.screenshot(path=str(tmp_path / "served-garcety.png"))
        page.keyboard.press("Enter")
        text = screens[0].wait_for("Cities › Eric Garcetti")
        assert screen_contains(text, "Statements (")
        fonts = page.evaluate("document.fonts.check('16px \"Roboto Mono\"')")
        app = server.app_pids()
        assert len(app) == 1
        page.close()  # a closed tab ends its app process
        assert not wait_until_gone(app)
        browser.close()
    # Everything the page needed came from the server: it works offline.
    assert requested and all(url.startswith(server.url) for url in requested), requested
    assert any(url.endswith("RobotoMono-VariableFont_wght.ttf") for url in requested)
    assert fonts
