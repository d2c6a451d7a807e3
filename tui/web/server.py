"""The web server: textual-serve's page and websocket, with one read-only browser process per page.

Built on textual-serve 1.1.3 (pinned by the `serve` extra), changed where events-tui needs it:
- each websocket starts `python -m tui --db PATH browse [--city=NAME]` with exec, never through a shell, so a deep
  link's text reaches the app as one argument whatever it holds;
- a deep link (`/?city=chicago`) rides in the websocket's path (`/ws/city/chicago`), because the page's script
  appends `?width=&height=` to the websocket URL it is given;
- only requests naming an allowed host are served, and a websocket opened from another site's page is refused:
  otherwise any web page a reader visits (or a DNS name rebound to 127.0.0.1) could read the database through
  their browser;
- a session whose process fails (a database gone bad) shows the process's one-line message in the page and ends;
  the server goes on;
- stopping the server ends every app process it started: asked to quit, then terminated, then killed; on Linux
  the kernel ends them too if the server itself is killed.
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
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from tui.cli import DEEP_LINKS

log = logging.getLogger("events-tui.serve")

HERE = Path(__file__).resolve().parent
# The directory holding the `tui` package: the app processes import the same code as the server.
CODE_ROOT = HERE.parent.parent
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
# How long an app process gets to quit when asked, then after SIGTERM, before it is killed.
QUIT_GRACE = 3.0
# Terminal sizes the page may ask for: the page measures its window; anything else is a client's mistake.
MIN_CELLS, MAX_CELLS = 10, 1000


def is_loopback(host: str) -> bool:
    return host in ("localhost", "::1") or host.startswith("127.")


def host_port(host: str, port: int) -> str:
    """The Host header a browser sends for this address: IPv6 in brackets, the port unless it is the scheme's."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return shown if port in (80, 443) else f"{shown}:{port}"


def allowed_hosts(host: str, port: int, public_url: str) -> frozenset[str]:
    """Every Host header this server answers to: the public URL's, the listening address's, and on loopback the
    loopback names. Anything else (a DNS name rebound to this machine) is refused."""
    public = urlsplit(public_url)
    names = {public.netloc.lower(), host_port(host, port).lower()}
    if public.port is None and public.hostname:
        names.add(f"{public.hostname}:{443 if public.scheme == 'https' else 80}")
    if is_loopback(host):
        names.update(host_port(name.strip("[]"), port) for name in LOOPBACK_NAMES)
    return frozenset(names)


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


class EventsServer(Server):
    """textual-serve's server with events-tui's command per page, host checks and orderly shutdown."""

    def __init__(self, db: Path, host: str, port: int, public_url: str | None) -> None:
        super().__init__(command="events-tui browse", host=host, port=port, title="events-tui", templates_path=HERE)
        self.db = db
        self.given_public_url = public_url
        self.sessions: set[AppSession] = set()
        self.sockets: set[web.WebSocketResponse] = set()
        self.allowed = frozenset[str]()

    def bound(self, port: int) -> None:
        """The port is known (0 asks the system for a free one): fix the URL the page uses and the hosts allowed."""
        self.port = port
        self.public_url = (self.given_public_url or f"http://{host_port(self.host, port)}").rstrip("/")
        self.allowed = allowed_hosts(self.host, port, self.public_url)

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self.guard])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/ws/{kind}/{name:.*}", self.handle_websocket, name="deep-websocket"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        return app

    @web.middleware
    async def guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Serve only requests for an allowed host, and no page of another site (its Origin) — see module doc."""
        host = (request.headers.get("Host") or "").lower()
        origin = request.headers.get("Origin")
        if host not in self.allowed:
            return web.Response(status=403, text=f"events-tui: this server answers only as {self.public_url}\n")
        if origin is not None and urlsplit(origin).netloc.lower() not in self.allowed:
            return web.Response(status=403, text="events-tui: a page of another site may not open this server\n")
        response: web.StreamResponse = await handler(request)
        return response

    async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
        link = next(((k, v) for k, v in request.query.items() if k in DEEP_LINKS), None)
        ws_path = (
            request.app.router["deep-websocket"].url_for(kind=link[0], name=link[1])
            if link
            else request.app.router["websocket"].url_for()
        )
        base = self.public_url
        socket_url = ("wss:" if base.startswith("https") else "ws:") + f"{base}{ws_path}".split(":", 1)[1]
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": socket_url,
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }
        return aiohttp_jinja2.render_template("page.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        kind = request.match_info.get("kind")
        if kind is not None and kind not in DEEP_LINKS:
            raise web.HTTPNotFound()
        width = min(max(to_int(request.query.get("width", "80"), 80), MIN_CELLS), MAX_CELLS)
        height = min(max(to_int(request.query.get("height", "24"), 24), MIN_CELLS), MAX_CELLS)
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        self.sockets.add(websocket)
        session = AppSession(
            app_command(self.db, kind, request.match_info.get("name")),
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        self.sessions.add(session)
        try:
            await session.start(width, height)
            await self._process_messages(websocket, session)
        except Exception as exc:  # noqa: BLE001 — one page's bad message or failed start ends that page only
            log.warning("a session ended early: %s: %s", type(exc).__name__, exc)
        finally:
            await session.stop()
            self.sessions.discard(session)
            self.sockets.discard(websocket)
            await websocket.close()
        return websocket

    async def end_sessions(self) -> int:
        """Close every page's socket and end its app process; how many sessions there were."""
        sessions = list(self.sessions)
        for websocket in list(self.sockets):
            with contextlib.suppress(Exception):
                await asyncio.wait_for(websocket.close(code=1001, message=b"server stopping"), QUIT_GRACE)
        await asyncio.gather(*(s.stop() for s in sessions), return_exceptions=True)
        return len(sessions)
