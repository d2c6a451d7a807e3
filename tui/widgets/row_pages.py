"""The data side of LazyList: a row source read a page at a time, the few pages kept, and when a read may block.

No Textual here. A source is two functions, `count()` and `page(offset, limit)`, typically thin wrappers around
Store queries. `RowData` holds the data a list shows and the data being loaded after a reset. It runs a read at
once when `InlineReads` says it is cheap, and otherwise hands it to the list to run in a thread worker; either way
the outcome comes back through `RowData.apply`. A read never raises: a failure comes back as `Loaded.error`.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, Literal, NamedTuple

CountFn = Callable[[], int]
PageFn = Callable[[int, int], Sequence[Any]]

PAGE_SIZE = 64
# Pages kept in memory: a few screens either side of the viewport, however long the list. 8 pages are 512 rows,
# more than any terminal shows; a page scrolled out of them is read again (a millisecond) if it comes back.
MAX_PAGES = 8

# An indexed page costs about a millisecond up to this offset here (OFFSET walks the index row by row: 50k cities
# 1 ms, 200k officials 3 ms, 1M quotes 25 ms), so pages beyond it are always read in a worker.
INLINE_MAX_OFFSET = 100_000
# A read on the event loop that takes longer than this would drop frames if it happened on every key (a frame at
# 60 Hz is 16 ms); one such read sends the list's later reads to workers.
SLOW_READ_SECONDS = 0.010


class InlineReads:
    """Whether a read may run on the event loop instead of in a worker.

    Only for a source its owner declared indexed (its count and early pages are index lookups, well under a
    millisecond), only near the start of the list, and only until one read proves slow: a database built without
    the indexes, a cold disk, or a network file system then costs one slow key, not every key.
    """

    def __init__(self, indexed: bool) -> None:
        self.enabled = indexed

    def allow(self, last_row: int) -> bool:
        return self.enabled and last_row < INLINE_MAX_OFFSET

    def timed(self, read: Callable[[], Loaded]) -> Loaded:
        began = time.perf_counter()
        try:
            return read()
        finally:
            if time.perf_counter() - began > SLOW_READ_SECONDS:
                self.enabled = False


class PrefetchedCount:
    """A count that cannot change during the session (the database is only read), read once, in a thread started
    at once: while the screen is being built, not on the event loop when the pane asks (a stored total: 0.2 ms).
    """

    def __init__(self, count_fn: CountFn) -> None:
        self._count_fn = count_fn
        self._value: int | None = None
        self._thread = threading.Thread(target=self._read, name="prefetch-count", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            self._value = self._count_fn()
        except Exception:  # noqa: BLE001, S110 — read again when asked, where a failure is shown in the pane
            pass

    def __call__(self) -> int:
        self._thread.join()
        if self._value is None:
            self._value = self._count_fn()
        return self._value


# NamedTuples rather than dataclasses: a dataclass costs a millisecond of start-up to define.
class Loaded(NamedTuple):
    """What a read found for data generation `generation`: the count (after a reset) and some pages, or an error."""

    generation: int
    row_count: int | None  # not `count`: a tuple already has a count() method
    pages: dict[int, Sequence[Any]]
    error: str | None = None


class Read(NamedTuple):
    """A read to run: `run()` in a worker of `group` (`exclusive`: a newer one cancels it), or on the event loop."""

    run: Callable[[], Loaded]
    inline: bool
    group: str
    exclusive: bool


def window_rows(target: int, count: int, visible: int) -> range:
    """The rows a screen of `visible` lines around row `target` can show, whichever way it is scrolled."""
    if not count:
        return range(0)
    target = min(max(target, 0), count - 1)
    return range(max(target - visible + 1, 0), min(target + visible, count))


def pages_of(rows: range) -> range:
    """The page numbers that hold `rows`."""
    if not rows:
        return range(0)
    return range(rows.start // PAGE_SIZE, (rows.stop - 1) // PAGE_SIZE + 1)


class PageCache:
    """The pages of the data on screen, at most MAX_PAGES; the least recently used page is dropped first."""

    def __init__(self, pages: dict[int, Sequence[Any]] | None = None) -> None:
        self._pages: OrderedDict[int, Sequence[Any]] = OrderedDict(pages or {})
        self.pending: set[int] = set()  # pages a worker is reading

    def __len__(self) -> int:
        return len(self._pages)

    def row(self, index: int) -> tuple[bool, Any]:
        """(True, the row) if its page is here, else (False, None); a row past the page's end is (True, None)."""
        page, offset = divmod(index, PAGE_SIZE)
        rows = self._pages.get(page)
        if rows is None:
            return False, None
        self._pages.move_to_end(page)
        return True, rows[offset] if offset < len(rows) else None

    def put(self, page: int, rows: Sequence[Any]) -> None:
        self.pending.discard(page)
        self._pages[page] = rows
        self._pages.move_to_end(page)
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)


class RowData:
    """The data a list shows, and the data being loaded after a reset; they differ only while a reset loads.

    Each reset starts a new generation, so a late answer for data no longer wanted is recognised and dropped.
    """

    def __init__(self, count_fn: CountFn, page_fn: PageFn, indexed: bool, in_worker: Callable[[Read], None]) -> None:
        """`in_worker(read)` runs `read.run()` in a thread and gives its Loaded to `apply` on the event loop."""
        self._in_worker = in_worker
        self.generation = 0
        self.fns: tuple[CountFn, PageFn] = (count_fn, page_fn)
        self.target = 0  # the row the cursor lands on when the reset's data arrives
        self.shown_generation = -1
        self.shown_fns = self.fns
        self.count: int | None = None  # rows of the shown data; None until the first count
        self.pages = PageCache()
        self.error: str | None = None
        self.inline = InlineReads(indexed)

    @property
    def loading(self) -> bool:
        return self.shown_generation != self.generation or bool(self.pages.pending)

    def item(self, index: int) -> Any:
        """The row at `index` of the shown data; None while a worker reads its page (started here if need be)."""
        found, row = self.pages.row(index)
        if found:
            return row
        read = self._page_read(index // PAGE_SIZE)
        if read is None:
            return None
        if not read.inline:
            self._in_worker(read)
            return None
        self.apply(self.inline.timed(read.run))  # a failure shows as `error`
        return self.pages.row(index)[1]

    def reset(self, count_fn: CountFn, page_fn: PageFn, target: int) -> None:
        self.generation += 1
        self.fns = (count_fn, page_fn)
        self.target = max(target, 0)

    def start_reset(self, visible: int) -> Loaded | None:
        """Start reading the reset's data: what was read at once, to `apply`; None if a worker is reading it."""
        read = self._reset_read(visible)
        if read.inline:
            return self.inline.timed(read.run)
        self._in_worker(read)
        return None

    def _reset_read(self, visible: int) -> Read:
        """Read the count and the pages a screen of `visible` lines around the target row can show."""
        generation, (count_fn, page_fn), target = self.generation, self.fns, self.target

        def run() -> Loaded:
            try:
                count = count_fn()
                pages = {n: page_fn(n * PAGE_SIZE, PAGE_SIZE) for n in pages_of(window_rows(target, count, visible))}
            except Exception as exc:  # noqa: BLE001 — shown in the pane; a read error must not end the app
                return Loaded(generation, None, {}, f"Could not read: {exc}")
            return Loaded(generation, count, pages)

        return Read(run, self.inline.allow(target + visible), "lazy-list-reset", True)

    def _page_read(self, page: int) -> Read | None:
        """Read a page of the shown data that came into view; None if a worker is already reading it."""
        if page in self.pages.pending:
            return None
        generation, page_fn = self.shown_generation, self.shown_fns[1]

        def run() -> Loaded:
            try:
                return Loaded(generation, None, {page: page_fn(page * PAGE_SIZE, PAGE_SIZE)})
            except Exception as exc:  # noqa: BLE001 — see reset_read
                return Loaded(generation, None, {}, f"Could not read: {exc}")

        inline = self.inline.allow((page + 1) * PAGE_SIZE)
        if not inline:
            self.pages.pending.add(page)
        return Read(run, inline, "lazy-list-page", False)

    def apply(self, loaded: Loaded) -> Literal["reset", "pages", "error", "stale"]:
        """Take in what a read found; say what changed."""
        if loaded.error is not None and loaded.generation == self.generation:
            self.shown_generation, self.error, self.count = loaded.generation, loaded.error, None
            self.pages.pending.clear()
            return "error"
        if loaded.row_count is not None and loaded.generation == self.generation:
            self.shown_generation, self.shown_fns = loaded.generation, self.fns
            self.count, self.error, self.pages = loaded.row_count, None, PageCache(loaded.pages)
            return "reset"
        if loaded.generation != self.shown_generation or loaded.row_count is not None:
            return "stale"  # a page of data no longer shown, or a reset overtaken by a newer one
        for page, rows in loaded.pages.items():
            self.pages.put(page, rows)
        return "pages"
