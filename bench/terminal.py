"""Run a program under a pseudo-terminal and time what it paints, as a user at a real terminal would see it.

How the benchmark measures (the same way for the floor apps and for events-tui):
- The program runs in its own process on a pseudo-terminal of a fixed size, with TERM=xterm-256color and
  COLORTERM=truecolor, like a modern terminal emulator. We answer Textual's query for synchronized output
  (DEC mode 2026) as a modern terminal does, so every frame arrives between "begin" and "end" markers and we
  know exactly when a frame is complete.
- A reader thread timestamps every chunk of output the moment it is read. The main thread replays the bytes
  through a small terminal emulator (`Screen`) and keeps, per completed frame, the time and the screen's text.
- "Settled": after an action (spawn or keystroke), we wait until the screen's text has stopped changing for a
  quiet period (and, when a check is given, until the screen passes it). The latency is the time of the last
  frame that changed the text. Frames that change only colours (the blinking cursor) do not count as changes,
  so the cursor blink neither ends nor extends a measurement.
"""

from __future__ import annotations

import codecs
import fcntl
import os
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bench.screen import Screen

# Frame markers of synchronized output, and the query a Textual app sends to learn whether they are supported.
SYNC_BEGIN, SYNC_END = b"\x1b[?2026h", b"\x1b[?2026l"
SYNC_QUERY, SYNC_REPLY = b"\x1b[?2026$p", b"\x1b[?2026;2$y"


@dataclass(frozen=True)
class Frame:
    at: float  # perf_counter when the frame's last byte was read
    text: tuple[str, ...]


@dataclass(frozen=True)
class Settled:
    """The outcome of waiting for the screen to settle after an action at `since`."""

    since: float
    changed_at: float | None  # the last frame that changed the screen's text; None if nothing changed
    first_change_at: float | None
    text: tuple[str, ...]
    timed_out: bool

    @property
    def latency(self) -> float | None:
        return None if self.changed_at is None else self.changed_at - self.since

    @property
    def first_latency(self) -> float | None:
        return None if self.first_change_at is None else self.first_change_at - self.since


def child_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment of a modern terminal, without anything that would change how Textual behaves."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL") and k not in ("COLUMNS", "LINES")}
    env.update(TERM="xterm-256color", COLORTERM="truecolor", LANG=env.get("LANG", "C.UTF-8"), PYTHONUNBUFFERED="1")
    env.update(extra or {})
    return env


class TerminalSession:
    """One program on a pseudo-terminal: spawn it, send keys, wait for its screen to settle, read its peak RSS."""

    def __init__(
        self,
        argv: Sequence[str],
        columns: int = 120,
        rows: int = 40,
        env: dict[str, str] | None = None,
        cwd: str | os.PathLike[str] | None = None,
    ) -> None:
        self.argv, self.columns, self.rows, self.cwd = list(argv), columns, rows, cwd
        self.env = child_environment(env)
        self.screen = Screen(columns, rows)
        self.frames: list[Frame] = []
        self._chunks: list[tuple[float, bytes]] = []
        self._cond = threading.Condition()
        self._eof = False
        self._in_sync = False
        self._carry = b""
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")
        self._last_text = self.screen.text()
        self.spawned_at = 0.0

    # --- process ---------------------------------------------------------------------------------

    def start(self) -> float:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", self.rows, self.columns, 0, 0))
        self.master = master
        # A short GIL switch interval, so the reader thread timestamps output promptly while we parse.
        sys.setswitchinterval(0.0005)
        self.spawned_at = time.perf_counter()
        self.process = subprocess.Popen(
            self.argv,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=self.env,
            cwd=self.cwd,
            close_fds=True,
            preexec_fn=_make_controlling_terminal,  # the child needs the pty as its controlling terminal
        )
        os.close(slave)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        return self.spawned_at

    def _read(self) -> None:
        tail = b""
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                data = b""
            now = time.perf_counter()
            if not data:
                with self._cond:
                    self._eof = True
                    self._cond.notify_all()
                return
            if SYNC_QUERY in tail + data:
                os.write(self.master, SYNC_REPLY)
            tail = data[-16:]
            with self._cond:
                self._chunks.append((now, data))
                self._cond.notify_all()

    def press(self, keys: str | bytes) -> float:
        """Write keys as a terminal would send them; return the time they were written."""
        data = keys.encode() if isinstance(keys, str) else keys
        self._drain()  # frames that came before the keystroke belong to the previous action
        now = time.perf_counter()
        os.write(self.master, data)
        return now

    def peak_rss_kib(self) -> int | None:
        """VmHWM of the child: its peak resident set size so far."""
        try:
            with open(f"/proc/{self.process.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            return None
        return None

    def close(self, quit_keys: bytes = b"\x11", grace: float = 3.0) -> int | None:
        """Ask the program to quit (Ctrl+Q by default), then make sure it is gone; return its exit code."""
        if not hasattr(self, "process"):
            return None
        if self.process.poll() is None:
            try:
                os.write(self.master, quit_keys)
            except OSError:
                pass
            try:
                self.process.wait(grace)
            except subprocess.TimeoutExpired:
                self.process.send_signal(signal.SIGTERM)
                try:
                    self.process.wait(grace)
                except subprocess.TimeoutExpired:
                    self.process.kill()
                    self.process.wait()
        try:
            os.close(self.master)
        except OSError:
            pass
        return self.process.returncode

    # --- screen ----------------------------------------------------------------------------------

    def _drain(self) -> None:
        """Replay every chunk read so far through the screen, recording a frame at each frame end."""
        with self._cond:
            chunks, self._chunks = self._chunks, []
        for at, data in chunks:
            self._replay(at, data)

    def _replay(self, at: float, data: bytes) -> None:
        data = self._carry + data
        # A frame marker cut in two by the read: keep its start for the next chunk.
        self._carry = b""
        for k in range(min(len(SYNC_END) - 1, len(data)), 0, -1):
            if SYNC_END.startswith(data[-k:]) or SYNC_BEGIN.startswith(data[-k:]):
                data, self._carry = data[:-k], data[-k:]
                break
        pos = 0
        while pos < len(data):
            marker = SYNC_END if self._in_sync else SYNC_BEGIN
            found = data.find(marker, pos)
            self.screen.feed(self._decoder.decode(data[pos : len(data) if found < 0 else found]))
            if found < 0:
                break
            pos = found + len(marker)
            if self._in_sync:
                self._frame(at)
            self._in_sync = not self._in_sync
        if not self._in_sync:
            # Output outside synchronized updates (before the terminal answered): each chunk ends a frame.
            self._frame(at)

    def _frame(self, at: float) -> None:
        text = self.screen.text()
        if text != self._last_text:
            self.frames.append(Frame(at, text))
            self._last_text = text

    def changed_outside(self, since: float, row: int) -> float | None:
        """When the screen's text last changed after `since` anywhere but `row`; None if only `row` changed.

        The search's status line (`row`) gives the total of matching quotes on every key, which the code before
        issue 11 did not count: leaving that row aside times a search key to its results, as the old code's
        figure did, and the whole screen's settle (`settle`) times it to the total as well.
        """

        def without(text: tuple[str, ...]) -> tuple[str, ...]:
            return text[:row] + text[row + 1 :]

        before = [f for f in self.frames if f.at < since]
        last_text = without(before[-1].text) if before else None
        changed_at = None
        for frame in self.frames[len(before) :]:
            text = without(frame.text)
            if text != last_text:
                changed_at, last_text = frame.at, text
        return changed_at

    def settle(
        self,
        since: float,
        quiet: float = 0.5,
        timeout: float = 30.0,
        check: Callable[[tuple[str, ...]], bool] | None = None,
        require_change: bool = True,
    ) -> Settled:
        """Wait until the text has not changed for `quiet` seconds after a change (and `check` passes).

        With `require_change=False` (a key that may only move focus, changing colours but no text), a screen
        that passes the check and stays quiet is settled even if its text never changed.
        """
        deadline = since + timeout
        first_index = len(self.frames)
        while True:
            self._drain()
            changes = [f for f in self.frames[first_index:] if f.at >= since]
            now = time.perf_counter()
            last = changes[-1].at if changes else None
            passes = check is None or check(self.screen.text())
            if (changes or not require_change) and passes and now - (last or since) >= quiet:
                return Settled(since, last, changes[0].at if changes else None, self.screen.text(), False)
            if now >= deadline or (self._eof and not self._chunks):
                first = changes[0].at if changes else None
                return Settled(since, last, first, self.screen.text(), True)
            with self._cond:
                if not self._chunks and not self._eof:
                    wait = quiet - (now - (last or since)) if passes else 0.05
                    self._cond.wait(max(0.001, min(wait, deadline - now)))


def _make_controlling_terminal() -> None:
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def screen_contains(text: tuple[str, ...], needle: str) -> bool:
    return any(needle in line for line in text)
