"""A served page's terminal, driven as the page drives it: the same screen replay and timing as `terminal.py`.

`WebSession` opens the page (`GET /?city=...`), reads the websocket URL the page would open, connects with the
page's size, and from then on behaves as `TerminalSession`: keys go in as the page's `["stdin", keys]` messages,
the app's output (binary frames) is timestamped as it arrives and replayed through the same emulator, so
`settle()` and the frame bookkeeping are shared with the terminal measurements. The websocket runs in a thread of
its own with its own event loop, as the pty reader does.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import re
import threading
import time
from concurrent.futures import Future

import aiohttp

from bench.terminal import SYNC_QUERY, SYNC_REPLY, TerminalSession

_SOCKET_URL = re.compile(r'data-session-websocket-url="([^"]+)"')


class WebSession(TerminalSession):
    """One browser tab's session with `events-tui serve`, without the browser."""

    def __init__(self, page_url: str, columns: int = 120, rows: int = 40, headers: dict[str, str] | None = None):
        super().__init__([], columns, rows)
        self.page_url = page_url
        self.headers = headers or {}
        self.socket_url = ""
        self.close_code: int | None = None
        self._loop = asyncio.new_event_loop()
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._connected = threading.Event()
        self._error: BaseException | None = None

    def start(self, timeout: float = 30.0) -> float:
        """Open the page and its websocket; return the time the page was asked for."""
        self.spawned_at = time.perf_counter()
        self._reader = threading.Thread(target=self._loop.run_until_complete, args=(self._main(),), daemon=True)
        self._reader.start()
        if not self._connected.wait(timeout):
            raise TimeoutError(f"no websocket from {self.page_url} in {timeout} s")
        if self._error is not None:
            raise self._error
        return self.spawned_at

    async def _main(self) -> None:
        try:
            async with aiohttp.ClientSession(headers=self.headers) as http:
                async with http.get(self.page_url) as page:
                    page.raise_for_status()
                    found = _SOCKET_URL.search(await page.text())
                if found is None:
                    raise RuntimeError(f"{self.page_url} names no websocket")
                self.socket_url = f"{html.unescape(found.group(1))}?width={self.columns}&height={self.rows}"
                async with http.ws_connect(self.socket_url) as ws:
                    self._ws = ws
                    self._connected.set()
                    await ws.send_str(json.dumps(["resize", {"width": self.columns, "height": self.rows}]))
                    await self._receive(ws)
                    self.close_code = ws.close_code
        except BaseException as exc:  # noqa: BLE001 — handed to the caller of start()
            self._error = exc
        finally:
            self._connected.set()
            with self._cond:
                self._eof = True
                self._cond.notify_all()

    async def _receive(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        tail = b""
        async for message in ws:
            if message.type != aiohttp.WSMsgType.BINARY:
                continue  # pongs and the like: not screen output
            now = time.perf_counter()
            data: bytes = message.data
            if SYNC_QUERY in tail + data:  # answer as a modern terminal (and terminal.py) does
                await ws.send_str(json.dumps(["stdin", SYNC_REPLY.decode()]))
            tail = data[-16:]
            with self._cond:
                self._chunks.append((now, data))
                self._cond.notify_all()

    def _send(self, message: list[object]) -> Future[None]:
        assert self._ws is not None, "start() first"
        return asyncio.run_coroutine_threadsafe(self._ws.send_str(json.dumps(message)), self._loop)

    def press(self, keys: str | bytes) -> float:
        text = keys.decode() if isinstance(keys, bytes) else keys
        self._drain()
        now = time.perf_counter()
        if not self._eof:  # a page whose session ended sends nothing
            self._send(["stdin", text]).result(5)
        return now

    def current_text(self) -> tuple[str, ...]:
        """The screen's text with everything received so far replayed."""
        self._drain()
        return self.screen.text()

    @property
    def ended(self) -> bool:
        """The server closed the socket (the session ended)."""
        return self._eof

    def peak_rss_kib(self) -> int | None:
        return None  # the app process is the server's child; see serve_bench for its memory

    def close(self, quit_keys: bytes = b"", grace: float = 3.0) -> int | None:
        """Close the socket as a closed tab does (the server then ends the app process)."""
        if self._ws is not None and not self._eof:
            with contextlib.suppress(Exception):
                asyncio.run_coroutine_threadsafe(self._ws.close(), self._loop).result(grace)
        self._reader.join(grace)
        return self.close_code
