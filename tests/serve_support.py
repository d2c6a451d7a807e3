"""Running `events-tui serve` as a user would (a real process on a free loopback port) and finding its app processes."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from bench.terminal import screen_contains
from bench.web_terminal import WebSession
from tests.conftest import ROOT


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str  # the page's address, as the start-up line names it, ending in "/"
    db: Path
    stdout: list[str] = field(default_factory=list)
    stderr: str = ""

    def page(self, query: str = "") -> str:
        return self.url + query

    def open(self, query: str = "", check: str = "All cities", columns: int = 120, rows: int = 40) -> WebSession:
        """A new tab on `/{query}`, its first screen settled (showing `check`)."""
        session = WebSession(self.page(query), columns, rows)
        since = session.start()
        settled = session.settle(since, check=lambda text: screen_contains(text, check), timeout=30)
        assert not settled.timed_out, "\n".join(settled.text)
        return session

    def app_pids(self) -> set[int]:
        """The app processes running now for this server's database (they are exec'd `python -m tui --db ...`)."""
        return processes_mentioning(str(self.db), exclude={self.process.pid})


def processes_mentioning(needle: str, exclude: frozenset[int] | set[int] = frozenset()) -> set[int]:
    """Live (not zombie) processes whose command line contains `needle`."""
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) in exclude:
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if needle in cmdline and state != "Z":
            found.add(int(entry.name))
    return found


def serve_command(db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "tui", "serve", "--db", str(db), "--port", "0", *args]


@contextmanager
def served(db: Path, *args: str, stop: signal.Signals = signal.SIGINT) -> Iterator[Served]:
    """`events-tui serve` on a free port; stopped with `stop` afterwards, as Ctrl+C (or a service manager) would."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")} | {"PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        serve_command(db, *args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 30)
    line = process.stdout.readline() if ready else ""
    if " at http" not in line:
        process.kill()
        raise AssertionError(f"no start-up line: {line!r} {process.communicate()[1]!r}")
    server = Served(process, line.split(" at ", 1)[1].split()[0], db.resolve(), [line])
    try:
        yield server
    finally:
        if process.poll() is None:
            process.send_signal(stop)
        try:
            out, server.stderr = process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            out, server.stderr = process.communicate()
        server.stdout += out.splitlines()


def wait_until_gone(pids: set[int], timeout: float = 15.0) -> set[int]:
    """The pids still alive after `timeout` (empty when all ended)."""
    deadline = time.monotonic() + timeout
    alive = set(pids)
    while alive and time.monotonic() < deadline:
        alive = {pid for pid in alive if _alive(pid)}
        time.sleep(0.05)
    return alive


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.05)
    return condition()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
