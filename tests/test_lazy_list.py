"""LazyList on its own: work that does not grow with the row count, messages, resets, layout of hostile text."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult

from tests.conftest import settle
from tui.widgets import row_pages
from tui.widgets.background import ReadingApp
from tui.widgets.lazy_list import PAGE_SIZE, LazyList
from tui.widgets.row_layout import Column, cell, column_widths, layout_row


class Source:
    """A data source of `n` numbered rows that records every read."""

    def __init__(self, n: int, prefix: str = "row") -> None:
        self.n = n
        self.prefix = prefix
        self.counts = 0
        self.offsets: list[int] = []
        self.on_main_thread: list[bool] = []  # for each read: was it on the event loop's thread?

    def count(self) -> int:
        self.counts += 1
        self.on_main_thread.append(threading.current_thread() is threading.main_thread())
        return self.n

    def page(self, offset: int, limit: int) -> list[str]:
        self.offsets.append(offset)
        self.on_main_thread.append(threading.current_thread() is threading.main_thread())
        return [f"{self.prefix} {i}" for i in range(offset, min(offset + limit, self.n))]


class ListApp(ReadingApp[None]):
    def __init__(self, source: Source, indexed: bool = False) -> None:
        super().__init__()
        self.source = source
        self.indexed = indexed
        self.seen: list[tuple[str, Any, int | None]] = []
        self.hooked: list[tuple[Any, int | None]] = []

    def compose(self) -> ComposeResult:
        yield LazyList(
            self.source.count,
            self.source.page,
            lambda item: cell(item),
            indexed=self.indexed,
            on_highlight=lambda item, index: self.hooked.append((item, index)),
            id="list",
        )

    def on_lazy_list_highlighted(self, message: LazyList.Highlighted) -> None:
        self.seen.append(("highlighted", message.item, message.index))

    def on_lazy_list_selected(self, message: LazyList.Selected) -> None:
        self.seen.append(("selected", message.item, message.index))


def painted(lazy: LazyList) -> list[str]:
    return [lazy.render_line(y).text.rstrip() for y in range(lazy.scrollable_content_region.height)]


async def test_a_million_rows_read_only_the_pages_on_screen() -> None:
    source = Source(1_000_000)
    app = ListApp(source)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        lazy = app.query_one(LazyList)
        assert painted(lazy)[:3] == ["row 0", "row 1", "row 2"]
        assert source.counts == 1 and source.offsets == [0]
        await pilot.press("G")
        await settle(pilot)
        assert lazy.cursor == 999_999
        assert painted(lazy)[-1] == "row 999999"
        await pilot.press("pageup", "k", "g", "j")
        await settle(pilot)
        assert lazy.cursor == 1
        # Top page, the last page or two, and nothing in between: the work is the viewport's, not the list's.
        assert len(set(source.offsets)) <= 4
        assert sum(min(PAGE_SIZE, source.n - o) for o in set(source.offsets)) < 5 * PAGE_SIZE


async def test_an_indexed_list_reads_on_the_event_loop_until_a_read_is_slow(monkeypatch: pytest.MonkeyPatch) -> None:
    source = Source(1_000_000)
    app = ListApp(source, indexed=True)
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        lazy = app.query_one(LazyList)
        assert source.on_main_thread == [True, True]  # the count and the first page, read as the list mounted
        await pilot.press("G")  # the last page is far beyond INLINE_MAX_OFFSET: a worker reads it
        await settle(pilot)
        assert painted(lazy)[-1] == "row 999999"
        assert source.on_main_thread[-1] is False
        monkeypatch.setattr(row_pages, "SLOW_READ_SECONDS", -1.0)  # from now on every read counts as slow
        lazy.reset(source.count, source.page)
        assert not lazy.loading_data  # still read at once; and found slow
        new = Source(3, "new")
        lazy.reset(new.count, new.page)
        assert lazy.loading_data  # so the next reset goes to a worker
        await settle(pilot)
        assert painted(lazy)[:3] == ["new 0", "new 1", "new 2"]
        assert new.on_main_thread == [False, False]


async def test_on_highlight_is_called_before_the_message() -> None:
    app = ListApp(Source(10))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        lazy = app.query_one(LazyList)
        lazy.move_to(3)
        assert app.hooked[-1] == ("row 3", 3)  # in the same call, before any message is handled
        await pilot.pause()
        assert app.seen[-1] == ("highlighted", "row 3", 3)


async def test_highlighted_and_selected_messages() -> None:
    app = ListApp(Source(10))
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        await pilot.press("j", "down", "k", "enter")
        await pilot.pause()
        assert app.seen == [
            ("highlighted", "row 0", 0),
            ("highlighted", "row 1", 1),
            ("highlighted", "row 2", 2),
            ("highlighted", "row 1", 1),
            ("selected", "row 1", 1),
        ]


async def test_empty_list_says_why_and_announces_nothing_highlighted() -> None:
    app = ListApp(Source(0))
    async with app.run_test(size=(40, 12)) as pilot:
        lazy = app.query_one(LazyList)
        lazy.empty_text = "No quotes from Houston in the sources"
        await settle(pilot)
        assert painted(lazy)[0] == "No quotes from Houston in the sources"
        assert app.seen == [("highlighted", None, None)]
        await pilot.press("enter", "j", "G")  # nothing to move to or open
        assert app.seen == [("highlighted", None, None)]


async def test_reset_keeps_old_rows_until_the_new_ones_arrive() -> None:
    app = ListApp(Source(5, "old"))
    gate = threading.Event()
    new = Source(3, "new")

    def slow_count() -> int:
        gate.wait(timeout=30)
        return new.count()

    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot)
        lazy = app.query_one(LazyList)
        await pilot.press("j", "j")
        lazy.reset(slow_count, new.page)
        await pilot.pause()
        assert lazy.loading_data
        assert painted(lazy)[:2] == ["old 0", "old 1"]  # no empty flash while the new data loads
        gate.set()
        await settle(pilot)
        assert painted(lazy)[:4] == ["new 0", "new 1", "new 2", ""]
        assert lazy.cursor == 0 and app.seen[-1] == ("highlighted", "new 0", 0)


async def test_a_failing_read_is_shown_not_raised() -> None:
    def broken(offset: int, limit: int) -> list[str]:
        raise RuntimeError("database disk image is malformed")

    source = Source(100)
    source.page = broken  # type: ignore[method-assign]
    app = ListApp(source)
    async with app.run_test(size=(60, 12)) as pilot:
        await settle(pilot)
        lazy = app.query_one(LazyList)
        assert painted(lazy)[0].startswith("Could not read: database disk image is malformed")
        assert app.is_running


def test_columns_drop_least_important_first_when_narrow() -> None:
    columns = (Column(min_width=10), Column(12, drop=2), Column(8, drop=1))
    assert column_widths(columns, 60) == [60 - 12 - 8 - 2, 12, 8]
    assert column_widths(columns, 25) == [16, 0, 8]  # the drop=2 column goes first
    assert column_widths(columns, 12) == [12, 0, 0]
    assert column_widths(columns, 3) == [3, 0, 0]


def test_flexible_columns_share_by_weight_up_to_their_maximum() -> None:
    speaker, date, words = Column(min_width=14, weight=2, max_width=32), Column(10, drop=2), Column(min_width=12)
    columns = (speaker, date, Column(min_width=12, weight=3))
    # Exactly the minimums: nothing to share.
    assert column_widths(columns, 14 + 10 + 12 + 2) == [14, 10, 12]
    # 20 cells beyond the minimums: 2/5 to the speaker, 3/5 to the words.
    assert column_widths(columns, 14 + 10 + 12 + 2 + 20) == [22, 10, 24]
    # A wide pane: the speaker stops at its maximum and the words take the rest.
    assert column_widths(columns, 150) == [32, 10, 150 - 32 - 10 - 2]
    # Every width from 1 to 200 is filled exactly (the separators included) once both flexible columns show.
    for width in range(40, 200):
        widths = column_widths(columns, width)
        assert sum(widths) + 2 == width, (width, widths)
        assert widths[0] <= 32
    # One flexible column of weight 1 and no maximum behaves as before: it takes all that is left.
    assert column_widths((words, date), 40) == [29, 10]


def test_wide_characters_and_hostile_text_keep_rows_aligned() -> None:
    columns = (Column(min_width=6), Column(4, drop=1))
    hostile = ["東京都庁舎😀😀", "[bold]x[/b]", "a\x1b[31mred\x1b[0m\tb\nc", "e\u0301\u202etxet", "\x07\x08"]
    for text in hostile:
        for width in range(1, 30):
            row = layout_row((cell(text), cell("D")), columns, width)
            assert row.cell_len == width, (text, width)
            assert "\x1b" not in row.plain and "\n" not in row.plain
    # Markup is text: nothing is parsed away.
    assert layout_row(cell("[bold]x[/b]"), columns, 20).plain.startswith("[bold]x[/b]")
    # A row given as one Text spans every column.
    assert layout_row(Text("All cities and towns"), columns, 20).plain == "All cities and towns"
    # A raw Text with control characters from a careless renderer is made safe too.
    assert "\x1b" not in layout_row(Text("a\x1b[31mb"), columns, 10).plain
    assert cell_len(layout_row(Text("東京東京東京東京"), columns, 7).plain) == 7
