"""One way to read off the event loop, for every screen and pane: `read_in_background`, and one place failures go.

A read runs in a thread worker that the app owns (`exit_on_error=False`: a failed read never ends the app). The
app's single `on_worker_state_changed` (`ReadingApp`) hands a result to the `done` callback of whoever asked, or
turns a failure into one line: a notification, and the `failed` callback, with which a screen that still says
"Loading…" shows the error in its place. A cancelled read (a newer one of the same group replaced it, e.g. the next
keystroke's search) delivers nothing. Reads made on the event loop itself (one row by id, when a screen opens) go
through `read_now`, which shows a failure the same way and returns a fallback instead of raising.

A read that must start before its screen is mounted (so it overlaps the screen's construction) is a `Prefetch`:
a plain thread, since a worker only starts once the event loop runs again. Its outcome still reaches the screen
through `read_in_background(screen, prefetch.get, ...)`, so its failure takes the same path as any other.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from textual.app import App
from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from tui.present import one_line
from tui.store import describe_read_error

T = TypeVar("T")
F = TypeVar("F")
ReturnType = TypeVar("ReturnType")


@dataclass(frozen=True, slots=True)
class PendingRead:
    requester: DOMNode
    done: Callable[[Any], None]
    failed: Callable[[str], None] | None


def failure_line(app: App[Any], exc: BaseException) -> str:
    """One line saying what failed and what to do: the words the CLI prints for the same error, without the file's
    name in front (the browser has one database open; a long path would push the reason off a narrow line)."""
    store = getattr(app, "store", None)
    path = getattr(store, "path", None)
    line = describe_read_error(path, exc)
    if path is not None and line.startswith(f"{path}: "):
        line = line[len(f"{path}: ") :]
    return one_line(line)


class ReadingApp(App[ReturnType]):
    """An app whose background reads all end in `on_worker_state_changed` below."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pending_reads: dict[Worker[Any], PendingRead] = {}
        self.read_failures: list[str] = []  # every failure shown this session, oldest first
        self._last_failure: tuple[str, float] | None = None

    def show_read_failure(self, exc: BaseException) -> str:
        """Tell the user, in one line, that a read failed; the app carries on. Returns the line."""
        line = failure_line(self, exc)
        now = time.monotonic()
        last = self._last_failure
        repeated = last is not None and last[0] == line and now - last[1] < 5
        self._last_failure = (line, now)
        self.read_failures.append(line)
        if repeated:  # several reads failing for one reason (a lock) make one notification, not a stack
            return line
        self.notify(line, title="Could not read the database", severity="error", markup=False, timeout=8)
        return line

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        pending = self.pending_reads.get(event.worker)
        if event.state == WorkerState.SUCCESS:
            self.pending_reads.pop(event.worker, None)
            if pending is not None and pending.requester.is_attached:
                pending.done(event.worker.result)
        elif event.state == WorkerState.ERROR:
            self.pending_reads.pop(event.worker, None)
            error = event.worker.error
            line = self.show_read_failure(error if error is not None else RuntimeError("unknown error"))
            if pending is not None and pending.failed is not None and pending.requester.is_attached:
                pending.failed(line)
        elif event.state == WorkerState.CANCELLED:
            self.pending_reads.pop(event.worker, None)


def read_in_background(
    requester: DOMNode,
    read: Callable[[], T],
    done: Callable[[T], None],
    failed: Callable[[str], None] | None = None,
    *,
    group: str,
    exclusive: bool = True,
) -> Worker[T]:
    """Run `read()` in a thread; on the event loop then, `done(result)` or, after the app has shown the failure,
    `failed(line)`. `exclusive`: a newer read of the same `group` by the same requester cancels this one."""
    app = requester.app
    if not isinstance(app, ReadingApp):
        raise TypeError("read_in_background needs a ReadingApp")
    # Workers belong to the app (so their state changes reach its one handler); the group is the requester's own.
    worker = app.run_worker(
        read, thread=True, group=f"{group}-{id(requester)}", exclusive=exclusive, exit_on_error=False, name=group
    )
    app.pending_reads[worker] = PendingRead(requester, done, failed)
    return worker


def try_read(app: App[Any], read: Callable[[], T]) -> tuple[T | None, str | None]:
    """Run a quick read on the event loop: (its result, None), or (None, the line) after showing a failure."""
    try:
        return read(), None
    except Exception as exc:  # noqa: BLE001 — shown to the user; a failed read must not end the app
        if isinstance(app, ReadingApp):
            return None, app.show_read_failure(exc)
        line = failure_line(app, exc)
        app.notify(line, severity="error", markup=False)
        return None, line


def read_now(app: App[Any], read: Callable[[], T], fallback: F) -> T | F:
    """Run a quick read on the event loop; a failure is shown as one line and `fallback` returned."""
    result, failure = try_read(app, read)
    return fallback if failure is not None else result  # type: ignore[return-value]


class Prefetch(Generic[T]):
    """A read started in a thread at once (before its screen is mounted), which the screen may wait for a little."""

    def __init__(self, read: Callable[[], T]) -> None:
        self._result: T | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        threading.Thread(target=self._run, args=(read,), daemon=True, name="prefetch").start()

    def _run(self, read: Callable[[], T]) -> None:
        try:
            self._result = read()
        except Exception as exc:  # noqa: BLE001 — re-raised by get(), in the worker that reports it
            self._error = exc
        finally:
            self._done.set()

    def wait(self, timeout: float | None) -> bool:
        """True once the read has finished (with a result or an error)."""
        return self._done.wait(timeout)

    @property
    def succeeded(self) -> bool:
        return self._done.is_set() and self._error is None

    def peek(self) -> T | None:
        """The result if the read has already succeeded, else None at once (never waits, never raises)."""
        return self._result if self.succeeded else None

    def get(self) -> T:
        """The result, waiting for it; the read's own exception if it failed."""
        self._done.wait()
        if self._error is not None:
            raise self._error
        return self._result  # type: ignore[return-value]
