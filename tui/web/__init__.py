"""`events-tui serve`: the browser in a web page, one read-only app process per browser tab.

textual-serve (and aiohttp under it) is an optional extra, imported only here and only by this command: the
terminal browser and the other commands never load it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tui.errors import EXIT_OK, EXIT_UNUSABLE, CommandError

if TYPE_CHECKING:
    from tui.web.server import EventsServer

__all__ = ["serve"]

WILDCARD_HOSTS = ("0.0.0.0", "::", "")
INSTALL_HINT = "pip install 'events-tui[serve]' (from a clone: pip install '.[serve]')"


class _OneLine(logging.Formatter):
    """Server log lines as the rest of events-tui writes errors: one line, no traceback."""

    def format(self, record: logging.LogRecord) -> str:
        line = (record.getMessage().splitlines() or ["?"])[0]
        return line if line.startswith("events-tui: ") else f"events-tui: {line}"


def check_arguments(host: str, port: int, public_url: str | None) -> None:
    """Refuse, with one line, what would serve a broken page or serve it where it was not meant to be."""
    if sys.platform == "win32":
        raise CommandError("serve does not run on Windows (textual-serve needs POSIX pipes); use WSL", EXIT_UNUSABLE)
    if not 0 <= port <= 65535:
        raise CommandError(f"--port {port} is not a port (0 to 65535; 0 picks a free one)", EXIT_UNUSABLE)
    if public_url is not None:
        parts = urlsplit(public_url)
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
            raise CommandError(f"--public-url {public_url!r} is not an http:// or https:// address", EXIT_UNUSABLE)
    elif host.strip("[]") in WILDCARD_HOSTS:
        # The page names its scripts and its socket by absolute URL, and only the hosts it knows are served: on
        # every address at once, the server cannot know which name readers' browsers use.
        raise CommandError(
            f"--host {host!r} listens on every address; also give --public-url, the address readers' "
            "browsers use (for example http://newsroom-box:8000)",
            EXIT_UNUSABLE,
        )


def serve(db: Path, host: str, port: int, public_url: str | None) -> int:
    """Serve until Ctrl+C or SIGTERM; then end every app process started. Exit code 0, or 2 if it cannot start."""
    check_arguments(host, port, public_url)
    try:
        import aiohttp  # noqa: F401
        import textual_serve  # noqa: F401
    except ImportError:
        raise CommandError(f"serve needs the 'serve' extra: {INSTALL_HINT}", EXIT_UNUSABLE) from None
    from tui.store import open_store
    from tui.web.server import EventsServer

    db = db.resolve()
    open_store(db).close()  # a missing or broken database is reported now, once, not by every page
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_OneLine())
    for name in ("events-tui.serve", "textual-serve", "aiohttp"):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(logging.WARNING)
        logger.propagate = False
    return asyncio.run(_serve(EventsServer(db, host, port, public_url)))


async def _serve(server: EventsServer) -> int:
    from aiohttp import web

    from tui.web.server import host_port, is_loopback

    runner = web.AppRunner(await server._make_app(), handle_signals=False, access_log=None, shutdown_timeout=5)
    await runner.setup()
    site = web.TCPSite(runner, server.host, server.port, shutdown_timeout=5)
    try:
        await site.start()
    except OSError as exc:
        await runner.cleanup()
        message = f"cannot listen on {server.host}:{server.port}: {exc.strerror or exc}"
        raise CommandError(message, EXIT_UNUSABLE) from None
    sockets = site._server.sockets if site._server is not None else ()  # type: ignore[attr-defined]
    server.bound(sockets[0].getsockname()[1] if sockets else server.port)
    if not is_loopback(server.host.strip("[]")):
        print(
            f"events-tui: warning: listening on {server.host}: anyone who can reach port {server.port} can read this "
            "database; put it behind a proxy that asks for a password (README: Serving to a web browser)",
            file=sys.stderr,
        )

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    listening = f"http://{host_port(server.host, server.port)}"
    where = "" if listening == server.public_url else f"; listening on {listening}"
    print(f"Serving {server.db} read-only at {server.public_url}/ (Ctrl+C stops{where})", flush=True)
    try:
        await stop.wait()
    finally:
        ended = await server.end_sessions()
        with contextlib.suppress(Exception):
            await runner.cleanup()
        print(f"Stopped; ended {ended} session{'s' if ended != 1 else ''}", flush=True)
    return EXIT_OK
