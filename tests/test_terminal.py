"""The browser as a process on a terminal: signals give the terminal back, Ctrl+Z and `fg` repaint, a redirected
stdin is refused, and the command line's front door (--version, --help with examples).

Real processes on a pseudo-terminal that is their controlling terminal, as in a shell; nothing is mocked.
"""

from __future__ import annotations

import fcntl
import os
import pty
import shlex
import signal
import subprocess
import sys
import termios
import threading
import time
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.faults_support import assert_one_line_error, run_cli

# What Textual writes to put the terminal back: leave the alternate screen, stop mouse reporting, show the cursor.
LEAVE_ALT_SCREEN = b"\x1b[?1049l"
MOUSE_OFF = b"\x1b[?1000l"
CURSOR_SHOWN = b"\x1b[?25h"
ENTER_ALT_SCREEN = b"\x1b[?1049h"


def _controlling_terminal() -> None:
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """events-tui running on a pty of 100x30; every byte it writes is kept, in order."""

    def __init__(self, db: Path) -> None:
        self.leader, follower = pty.openpty()
        fcntl.ioctl(follower, termios.TIOCSWINSZ, b"\x1e\x00\x64\x00\x00\x00\x00\x00")  # 30 rows, 100 columns
        env = {k: v for k, v in os.environ.items() if k not in ("EVENTS_DB", "NO_COLOR")}
        env.update(TERM="xterm-256color", PYTHONPATH=str(ROOT))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", "--db", str(db)],
            cwd=ROOT,
            env=env,
            stdin=follower,
            stdout=follower,
            stderr=follower,
            preexec_fn=_controlling_terminal,  # noqa: PLW1509 — the child needs the pty as its terminal
        )
        os.close(follower)
        self.output = bytearray()
        self._lock = threading.Lock()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.leader, 65536)
            except OSError:
                return
            if not data:
                return
            with self._lock:
                self.output += data

    def since(self, mark: int) -> bytes:
        with self._lock:
            return bytes(self.output[mark:])

    def mark(self) -> int:
        with self._lock:
            return len(self.output)

    def wait_for(self, check: Callable[[], bool], timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.05)
        raise AssertionError(f"timed out; last output: {self.since(max(self.mark() - 400, 0))!r}")

    def wait_quiet(self, quiet: float = 0.7, timeout: float = 30) -> None:
        """Until nothing has been written for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            before = self.mark()
            time.sleep(quiet)
            if self.mark() == before:
                return
        raise AssertionError("the program never stopped writing")

    def wait_for_text(self, text: bytes, after: int = 0, timeout: float = 30) -> None:
        self.wait_for(lambda: text in self.since(after), timeout)

    def state(self) -> str:
        """The process state letter from /proc: R/S running or sleeping, T stopped."""
        return Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.leader)


@pytest.fixture
def terminal(events_db: Path):
    term = Terminal(events_db)
    try:
        term.wait_for_text(b"Cities")  # the first frame is coming
        term.wait_quiet()  # and everything is painted: what comes later is an answer to the test
        yield term
    finally:
        term.close()


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT], ids=lambda n: n.name)
def test_a_signal_ends_the_browser_and_gives_the_terminal_back(terminal: Terminal, number: signal.Signals) -> None:
    mark = terminal.mark()
    terminal.process.send_signal(number)
    code = terminal.process.wait(timeout=30)
    terminal.wait_for(lambda: CURSOR_SHOWN in terminal.since(mark), timeout=5)
    after = terminal.since(mark)
    assert code == 128 + number, f"exit {code}: killed by the signal instead of exiting cleanly"
    for restore in (LEAVE_ALT_SCREEN, MOUSE_OFF, CURSOR_SHOWN):
        assert restore in after, f"{restore!r} never written: the terminal is left in Textual's modes"
    assert b"Traceback" not in after


def test_q_quits_on_a_real_terminal(terminal: Terminal) -> None:
    mark = terminal.mark()
    os.write(terminal.leader, b"q")
    assert terminal.process.wait(timeout=30) == 0
    terminal.wait_for(lambda: LEAVE_ALT_SCREEN in terminal.since(mark), timeout=5)


def test_ctrl_z_suspends_and_fg_repaints_without_a_key(terminal: Terminal) -> None:
    mark = terminal.mark()
    os.write(terminal.leader, b"\x1a")  # Ctrl+Z
    terminal.wait_for(lambda: terminal.state() == "T", timeout=15)
    # Suspending gives the shell its screen back. Waited for, not asserted at once: the app wrote these bytes before
    # it stopped, but the reader thread may not have drained the pty yet (a loaded CI machine showed half of them).
    terminal.wait_for_text(LEAVE_ALT_SCREEN, after=mark, timeout=15)
    resumed = terminal.mark()
    terminal.process.send_signal(signal.SIGCONT)  # what `fg` sends
    terminal.wait_for(lambda: terminal.state() != "T", timeout=15)
    # The screen is painted again with no key pressed: the alternate screen and the panes' text come back.
    # (Entering the alternate screen again clears it; without a full repaint only a line or two came back.)
    terminal.wait_for_text(ENTER_ALT_SCREEN, after=resumed, timeout=15)
    for text in (b"Cities", b"Officials", b"Quotes", b"Search"):
        terminal.wait_for_text(text, after=resumed, timeout=15)
    os.write(terminal.leader, b"q")
    assert terminal.process.wait(timeout=30) == 0


def test_a_stop_signal_from_outside_then_cont_repaints_too(terminal: Terminal) -> None:
    terminal.process.send_signal(signal.SIGTSTP)  # `kill -TSTP`, or a job-control shell
    terminal.wait_for(lambda: terminal.state() == "T", timeout=15)
    resumed = terminal.mark()
    terminal.process.send_signal(signal.SIGCONT)
    for text in (b"Cities", b"Officials", b"Quotes", b"Search"):
        terminal.wait_for_text(text, after=resumed, timeout=15)
    os.write(terminal.leader, b"q")
    assert terminal.process.wait(timeout=30) == 0


def test_the_browser_refuses_a_stdin_that_is_not_a_terminal(events_db: Path) -> None:
    began = time.monotonic()
    result = run_cli("--db", events_db)  # stdin is /dev/null
    assert_one_line_error(result, "needs a terminal on standard input")
    assert time.monotonic() - began < 60  # it answered, rather than spinning on end-of-file until killed


def test_version_is_the_package_version() -> None:
    result = run_cli("--version")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert result.code == 0 and result.stdout.strip() == f"events-tui {version}"


def test_help_has_examples_of_real_commands() -> None:
    from tui.cli import EXAMPLES, build_parser

    result = run_cli("--help")
    assert result.code == 0 and "examples:" in result.stdout
    assert len(EXAMPLES) >= 5
    for typed, shows in EXAMPLES:
        assert typed in result.stdout and shows in result.stdout
        build_parser().parse_args(shlex.split(typed)[1:])  # a usage error would raise CommandError
