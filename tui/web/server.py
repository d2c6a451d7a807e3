"""The web server: textual-serve's page and websocket, with one read-only browser process per page.

Built on textual-serve 1.1.3 (pinned by the `serve` extra), changed where events-tui needs it:
- each websocket starts `python -m tui --db PATH browse [--city=NAME]` (tui/web/session.py) with exec, never
  through a shell, so a deep link's text reaches the app as one argument whatever it holds;
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
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

from tui.cli import DEEP_LINKS
from tui.web.session import MIN_CELLS, QUIT_GRACE, AppSession, app_command

log = logging.getLogger("events-tui.serve")

HERE = Path(__file__).resolve().parent
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
# The widest or tallest terminal a page may ask for: the page measures its window; more is a client's mistake.
MAX_CELLS = 1000


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
