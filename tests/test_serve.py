"""`events-tui serve` through its real entry point: a page's websocket drives the browser as a tab would, the screen is
read by replaying the app's output through bench/'s terminal emulator, and no app process outlives its page or the
server. Hosts other than the served one are refused; a bad database ends a session, not the server.
"""

from __future__ import annotations

import re
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import aiohttp
import pytest

from bench.terminal import screen_contains
from bench.web_terminal import WebSession
from tests.conftest import ROOT
from tests.serve_support import Served, served, wait_until, wait_until_gone
from tui.search import resolve_name
from tui.store import open_store

DOWN, ENTER, ESCAPE = "\x1b[B", "\r", "\x1b"


def settle_on(session: WebSession, since: float, needle: str) -> tuple[str, ...]:
    settled = session.settle(since, check=lambda text: screen_contains(text, needle), timeout=30)
    # Not `timed_out`: a session that ends (the socket closes) before the quiet period is settled too.
    assert screen_contains(settled.text, needle), f"{needle!r} not on screen:\n" + "\n".join(settled.text)
    return settled.text


def type_keys(session: WebSession, keys: str) -> float:
    """Each key as its own message, as the page sends them (an escape sequence counts as one key)."""
    since = 0.0
    for key in re.findall(r"\x1b\[[0-9;]*[A-Za-z~]|.", keys, re.S):
        since = session.press(key)
    return since


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def chicago_row(db: Path) -> tuple[int, int]:
    """Chicago's row in the Cities pane (row 0 is "All cities") and the number of cities, from the store."""
    store = open_store(db)
    try:
        return store.city_row(resolve_name(store, "city", "chicago").id) + 1, store.city_count()
    finally:
        store.close()


def test_a_tab_browses_opens_chicago_and_searches_garcety(events_db: Path) -> None:
    row, cities = chicago_row(events_db)
    with served(events_db) as server:
        tab = server.open()
        assert screen_contains(tab.current_text(), f"Cities all {cities}")
        text = settle_on(tab, type_keys(tab, DOWN * row), f"Cities {row} / {cities}")  # the cursor onto Chicago
        assert screen_contains(text, "· Chicago"), "\n".join(text)  # the panes to the right narrowed to it
        text = settle_on(tab, tab.press(ENTER), "Cities › Chicago")
        assert screen_contains(text, "Lori Lightfoot"), "\n".join(text)  # the mayor, on the city's screen
        settle_on(tab, tab.press(ESCAPE), f"Cities {row} / {cities}")  # back, Chicago still highlighted
        settle_on(tab, tab.press("/"), "Search names and")
        text = settle_on(tab, type_keys(tab, "garcety"), "Eric Garcetti")
        assert screen_contains(text, "Mayor of Los Angeles")
        app = server.app_pids()
        assert len(app) == 1
        tab.close()
        # The tab closed: its app process ends while the server goes on.
        assert not wait_until_gone(app)
        assert get(server.page())[0] == 200
    assert server.process.returncode == 0


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_stopping_the_server_ends_every_app_process(events_db: Path, stop: signal.Signals) -> None:
    with served(events_db, stop=stop) as server:
        tabs = [server.open(), server.open("?city=chicago", check="Cities › Chicago")]
        app = server.app_pids()
        assert len(app) == 2
    assert server.process.returncode == 0, server.stderr
    assert not wait_until_gone(app, timeout=5), "app processes left after the server stopped"
    assert not server.app_pids()
    assert "Stopped; ended 2 sessions" in server.stdout[-1]
    assert all(tab.ended for tab in tabs)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel's parent-death signal is Linux's")
def test_a_killed_server_leaves_no_app_process(events_db: Path) -> None:
    # SIGKILL cannot be caught: the app processes must end without the server's help.
    with served(events_db) as server:
        tab = server.open()
        app = server.app_pids()
        assert len(app) == 1
        server.process.kill()
        assert not wait_until_gone(app), "an app process outlived its killed server"
        assert wait_until(lambda: tab.ended), "the page must see its socket close"


def test_the_start_up_line_names_the_url_and_nothing_else(events_db: Path) -> None:
    with served(events_db) as server:
        status, page = get(server.page())
    assert server.stdout[0].startswith(f"Serving {events_db.resolve()} read-only at http://127.0.0.1:")
    assert status == 200
    assert "fonts.googleapis.com" not in page, "the page must not need the internet"
    assert f'src="{server.url}static/js/textual.js"' in page
    assert server.stderr == ""


def test_a_request_for_another_host_is_not_served(events_db: Path) -> None:
    # A DNS name rebound to 127.0.0.1 reaches the server with its own name in Host.
    with served(events_db) as server:
        port = server.url.rsplit(":", 1)[1].rstrip("/")
        assert get(server.page(), {"Host": f"localhost:{port}"})[0] == 200
        status, body = get(server.page(), {"Host": f"attacker.example:{port}"})
        assert status == 403 and body.startswith("events-tui: this server answers only as http://127.0.0.1:")
        assert get(server.url + "static/js/textual.js", {"Host": "attacker.example"})[0] == 403
        # A page of another site may not open the websocket (websockets are not covered by the same-origin rule).
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            _open_socket(server, {"Origin": "http://attacker.example"})
        assert refused.value.status == 403
        assert not server.app_pids(), "a refused socket must start no app process"
        tab = WebSession(server.page(), headers={"Origin": server.url.rstrip("/")})
        settle_on(tab, tab.start(), "All cities")  # the page's own origin is served
        tab.close()


def _open_socket(server: Served, headers: dict[str, str]) -> None:
    import asyncio

    async def connect() -> None:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(server.url.replace("http", "ws") + "ws", headers=headers):
                pass

    asyncio.run(connect())


def test_every_address_needs_a_public_url(events_db: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "tui", "serve", "--db", str(events_db), "--host", "0.0.0.0"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "--public-url" in run.stderr, run.stderr
    assert run.stdout == ""


def test_another_host_warns_and_the_page_names_the_public_url(events_db: Path) -> None:
    public = "http://newsroom.test:8123"
    with served(events_db, "--host", "0.0.0.0", "--public-url", public) as server:
        assert server.stdout[0].startswith(f"Serving {events_db.resolve()} read-only at {public}/ ")
        port = server.stdout[0].rsplit("listening on http://0.0.0.0:", 1)[1].rstrip(")\n")
        local = f"http://127.0.0.1:{port}/"
        # Asked for by the public name (as a proxy or the newsroom's DNS would), the page names only that address.
        status, page = get(local, {"Host": "newsroom.test:8123"})
        assert status == 200
        assert f'src="{public}/static/js/textual.js"' in page
        assert 'data-session-websocket-url="ws://newsroom.test:8123/ws"' in page
        assert "0.0.0.0" not in page
    assert "anyone who can reach port" in server.stderr and server.stderr.startswith("events-tui: warning:")


def test_bad_arguments_are_one_line(events_db: Path, tmp_path: Path) -> None:
    cases = [
        (["--port", "70000"], "--port"),
        (["--public-url", "newsroom:8000"], "--public-url"),
        (["--db", str(tmp_path / "missing.db")], "missing.db"),
    ]
    for args, needle in cases:
        command = [sys.executable, "-m", "tui", "serve", "--db", str(events_db), "--port", "0", *args]
        run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=60)
        assert run.returncode == 2, (args, run.stderr)
        assert run.stderr.startswith("events-tui: ") and run.stderr.count("\n") == 1 and needle in run.stderr


def test_a_database_gone_bad_ends_that_session_not_the_server(events_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "events.db"
    shutil.copy(events_db, db)
    with served(db) as server:
        first = server.open()
        db.write_bytes(b"not a database " * 1000)  # replaced in place while the server runs
        broken = WebSession(server.page())
        text = settle_on(broken, broken.start(), "events-tui: ")
        first_line = next(i for i, line in enumerate(text) if "events-tui: " in line)
        line = " ".join(line.strip() for line in text[first_line:] if line.strip())  # wrapped at the page's width
        assert line == f"events-tui: {db}: not a SQLite database; pass --db PATH to an events database made by " + (
            "`events-tui build`"
        )
        assert wait_until(lambda: broken.ended), "the failed session's page must be told it ended"
        # A session open before: its next read fails. Today's browser stops on that error (issue 11 keeps it alive
        # with the error on screen); if it stops, its page must say so in one line, not go blank or hang.
        settle_on(first, first.press("/"), "Search names and")
        first.settle(type_keys(first, "chic"), timeout=10)
        if wait_until(lambda: first.ended, timeout=3):
            shown = first.current_text()
            assert any(line.startswith("events-tui: ") for line in shown), "\n".join(shown)
        # The server goes on: the page is served, and once the database is good again so are new sessions.
        assert get(server.page())[0] == 200
        shutil.copy(events_db, db)
        server.open().close()
        first.close()
    assert server.process.returncode == 0
    assert server.stderr.count("not a SQLite database") == 1  # the server's log: one line per failed session
    assert all(line.startswith("events-tui: ") for line in server.stderr.splitlines()), server.stderr


def test_quitting_in_the_page_ends_its_app_process(events_db: Path) -> None:
    with served(events_db) as server:
        tab = server.open()
        app = server.app_pids()
        tab.press("q")
        assert wait_until(lambda: tab.ended), "the page must see its session end"
        assert not wait_until_gone(app)
        assert not any("events-tui: " in line for line in tab.current_text())  # a quit is not a failure
    assert server.stderr == ""


def test_serving_imports_nothing_until_asked() -> None:
    # The browser and the other commands never load the web server's libraries.
    code = (
        "import sys; from tui.cli import build_parser, main; import tui.app, tui.web; "
        "build_parser().parse_args(['serve']); main(['search', 'chicago', '--json']); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual_serve', 'aiohttp', 'jinja2')))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip().endswith("[]"), run.stdout[-300:]


def test_without_the_extra_serve_says_how_to_install_it(events_db: Path) -> None:
    code = (
        "import sys; sys.modules['textual_serve'] = None; from tui.cli import main; "
        f"raise SystemExit(main(['serve', '--db', {str(events_db)!r}, '--port', '0']))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert run.returncode == 2
    assert run.stderr == (
        "events-tui: serve needs the 'serve' extra: pip install 'events-tui[serve]' (from a clone: pip install "
        "'.[serve]')\n"
    )


def test_windows_is_refused_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.errors import CommandError
    from tui.web import check_arguments

    check_arguments("127.0.0.1", 8000, None)  # fine here
    monkeypatch.setattr(sys, "platform", "win32")
    with pytest.raises(CommandError) as refused:
        check_arguments("127.0.0.1", 8000, None)
    assert refused.value.code == 2 and "does not run on Windows" in str(refused.value)
