"""One page's app process: `python -m tui --db PATH browse`, exec'd (never through a shell), relayed to the page.

textual-serve's AppService, changed where events-tui needs it: exec rather than a shell, its own session (so
Ctrl+C at the server's terminal reaches the server, which ends its processes in order) and, on Linux, ended by the
kernel if the server dies; the app's failure shown in the page in one line; the process always reaped.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import io
import json
import logging
import os
import signal
import sys
import textwrap
from pathlib import Path
from typing import Any

from textual_serve.app_service import AppService

log = logging.getLogger("events-tui.serve")

# The directory holding the `tui` package: the app processes import the same code as the server.
CODE_ROOT = Path(__file__).resolve().parent.parent.parent
# How long an app process gets to quit when asked, then after SIGTERM, before it is killed.
QUIT_GRACE = 3.0
# The narrowest terminal a failure line is wrapped to.
MIN_CELLS = 10


def _end_with_the_server() -> None:
    """In the app process before it runs (Linux): have the kernel send it SIGTERM when the server dies, even by
    SIGKILL, which the server cannot catch to end its app processes itself."""
    if _LIBC is not None:
        _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        if os.getppid() == 1:  # the server died before the call took effect
            os._exit(1)


PR_SET_PDEATHSIG = 1
# Loaded here, not after fork: the child should do no more than one call between fork and exec.
_LIBC = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def app_command(db: Path, kind: str | None, name: str | None) -> list[str]:
    """The app process one page runs: the terminal browser, read-only, opened at the deep link if any."""
    argv = [sys.executable, "-m", "tui", "--db", str(db), "browse"]
    if kind is not None and name is not None:
        # `--city=NAME` in one argument: a name starting with '-' stays a name. NUL cannot be in an argument.
        argv.append(f"--{kind}={name.replace(chr(0), '')}")
    return argv


class AppSession(AppService):
    """One page's app process: started with exec in its own session (Ctrl+C at the server's terminal reaches the
    server, which ends it in order), its failure shown in the page, and always reaped."""

    def __init__(self, argv: list[str], **kwargs: Any) -> None:
        super().__init__(" ".join(argv), **kwargs)
        self.argv = argv
        self.width = 80
        self.ended = asyncio.Event()

    async def start(self, width: int, height: int) -> None:
        self.width = width
        await super().start(width, height)

    async def set_terminal_size(self, width: int, height: int) -> None:
        self.width = width
        await super().set_terminal_size(width, height)

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        env = super()._build_environment(width, height)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(CODE_ROOT), env.get("PYTHONPATH")) if p)
        return env

    async def _open_app_process(self, width: int = 80, height: int = 24) -> asyncio.subprocess.Process:
        self._process = process = await asyncio.create_subprocess_exec(
            *self.argv,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            env=self._build_environment(width, height),
            start_new_session=True,
            preexec_fn=_end_with_the_server if _LIBC is not None else None,
        )
        assert process.stdin is not None
        self._stdin = process.stdin
        return process

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def run(self) -> None:
        """Relay the app's output to the page until it exits; then show why if it failed, and close the page."""
        process = self._process
        assert process is not None and process.stdout is not None and process.stderr is not None
        stderr = process.stderr
        errors = io.BytesIO()

        async def read_stderr() -> None:
            while data := await stderr.read(4096):
                errors.write(data[: max(0, 65536 - errors.tell())])  # enough for the message; never unbounded

        stderr_task = asyncio.create_task(read_stderr())
        try:
            await self._relay(process.stdout)
        except (asyncio.IncompleteReadError, ConnectionResetError):
            pass  # the app exited (or the page left) mid-packet
        finally:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(stderr_task, QUIT_GRACE)
            stderr_task.cancel()
        code = await self._reap()
        if code not in (0, None):
            message = failure_line(errors.getvalue(), code)
            log.warning("%s", message)
            with contextlib.suppress(Exception):
                # The page is a terminal: clear it and print the line as the terminal version would, wrapped here
                # because the app turned the terminal's own wrapping off.
                lines = textwrap.wrap(message, max(self.width, MIN_CELLS), break_on_hyphens=False)
                text = "\x1b[?1049l\x1b[2J\x1b[H" + "\r\n".join(lines) + "\r\n"
                await self.remote_write_bytes(text.encode())
        with contextlib.suppress(Exception):
            await self.remote_close()
        self.ended.set()

    async def _relay(self, stdout: asyncio.StreamReader) -> None:
        # textual-serve's protocol: the app writes a line "__GANGLION__", then packets of a type byte (D data,
        # M meta, P packed), a 4-byte big-endian length and the payload.
        for _ in range(10):
            line = await stdout.readline()
            if not line or line == b"__GANGLION__\n":
                break
        while True:
            kind = await stdout.readexactly(1)
            payload = await stdout.readexactly(int.from_bytes(await stdout.readexactly(4), "big"))
            if kind == b"D":
                await self.on_data(payload)
            elif kind == b"M":
                await self.on_meta(payload)
            elif kind == b"P":
                await self.on_packed(payload)

    async def on_meta(self, data: bytes) -> None:
        # textual-serve closes the page when the app says it is exiting; the page is closed by run() instead, once
        # the process has ended, so that a failure's line reaches the page first.
        if json.loads(data).get("type") != "exit":
            await super().on_meta(data)

    async def _reap(self) -> int | None:
        """Wait for the process to end: asked to quit already, then SIGTERM, then SIGKILL; its exit code."""
        process = self._process
        if process is None:
            return None
        for action in (None, process.terminate, process.kill):
            if action is not None and process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    action()
            with contextlib.suppress(asyncio.TimeoutError):
                return await asyncio.wait_for(process.wait(), QUIT_GRACE)
        return await process.wait()

    async def stop(self) -> None:
        """Ask the app to quit and wait until its process is gone (terminated or killed if it does not quit)."""
        if self._task is None:
            return
        if self._process is not None and self._process.returncode is None:
            with contextlib.suppress(Exception):
                await self.send_meta({"type": "quit"})
        task, self._task = self._task, None
        done, _ = await asyncio.wait({task}, timeout=QUIT_GRACE)
        if not done and self._process is not None:
            await self._reap()  # the relay ends when the process's output does
            await task


def failure_line(stderr: bytes, code: int) -> str:
    """The app's own one-line message ("events-tui: ..."), else a line saying the session ended unexpectedly."""
    lines = stderr.decode("utf-8", "replace").splitlines()
    ours = [line for line in lines if line.startswith("events-tui: ")]
    return ours[-1] if ours else f"events-tui: the browser stopped unexpectedly (exit code {code}); reload the page"
