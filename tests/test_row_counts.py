"""The row totals the build stores (`row_counts`): equal to counting, kept so by edits, and read by the first frame.

The browser's first frame shows three totals (all cities, all officials, all quotes). Counting them walks whole
indexes, which is slow on a large file the OS has not cached, so the build stores them. These tests compare every
stored total and every total the store gives with `count(*)` run on the file itself, after the kinds of edits a
person can make with the sqlite3 shell or Datasette, and on databases without the table (built before it existed).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BUNDLED_DB, make_synth_db, settle
from tui.app import EventsApp
from tui.store import REQUIRED_TABLES, TOTALS_TABLE, Store, open_store, total_triggers

# A count over a whole table the first frame needs (a filtered count, `... WHERE city_id = ?`, is not one).
WHOLE_COUNT = re.compile(r"count\(\*\)\s+FROM\s+\[?(cities|officials|quotes)\]?(?:\s+\w+)?\s*$", re.IGNORECASE)


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("row-counts") / "synth.db"
    return make_synth_db(out, cities=150, officials=600, quotes=3000, sources=8, seed=11)


@pytest.fixture
def synth_copy(synth_db: Path, tmp_path: Path) -> Path:
    """A copy of the synthetic database to edit as a person would, outside events-tui."""
    return Path(shutil.copy(synth_db, tmp_path / "edited.db"))


def counted(path: Path) -> dict[str, int]:
    """Every events table's rows, counted on the file itself."""
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0] for table in REQUIRED_TABLES}
    finally:
        conn.close()


def stored(path: Path) -> dict[str, int]:
    """The totals the file holds in its totals table."""
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute(f"SELECT name, rows FROM {TOTALS_TABLE}").fetchall())
    finally:
        conn.close()


def edit(path: Path, *statements: tuple[str, tuple[object, ...]]) -> None:
    """Run SQL on the file as another program would (autocommit per statement, as the sqlite3 shell does)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for sql, params in statements:
            conn.execute(sql, params)
    finally:
        conn.close()


def store_totals(store: Store) -> dict[str, int]:
    """What the store answers for every table, the first frame's three calls included."""
    totals = {table: store.row_count(table) for table in REQUIRED_TABLES}
    assert store.city_count() == totals["cities"]
    assert store.official_count(None) == totals["officials"]
    assert store.quote_count() == totals["quotes"]
    return totals


def read_by_a_store(path: Path) -> dict[str, int]:
    """`store_totals` from a store opened on `path` for the purpose, and closed."""
    store = open_store(path)
    try:
        return store_totals(store)
    finally:
        store.close()


class Statements:
    """Every statement run on the store's own connection (threads included) while in the `with` block."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.seen: list[str] = []

    def __enter__(self) -> Statements:
        self.store.conn.set_trace_callback(self.seen.append)
        return self

    def __exit__(self, *exc: object) -> None:
        self.store.conn.set_trace_callback(None)

    def whole_counts(self) -> list[str]:
        """The tables counted whole, once per count."""
        return [found.group(1) for sql in self.seen if (found := WHOLE_COUNT.search(sql.strip()))]


@pytest.fixture
def synth_store(synth_db: Path) -> Iterator[Store]:
    opened = open_store(synth_db)
    yield opened
    opened.close()


# --- what the build stores ------------------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["bundled", "fresh build", "synth"])
def test_stored_totals_equal_counting(which: str, events_db: Path, synth_db: Path) -> None:
    path = {"bundled": BUNDLED_DB, "fresh build": events_db, "synth": synth_db}[which]
    totals = counted(path)
    assert stored(path) == totals
    assert totals["quotes"] > 0 and totals["cities"] > 0 and totals["officials"] > 0  # not a comparison of zeros
    assert read_by_a_store(path) == totals


def test_every_counted_table_has_its_three_triggers(synth_db: Path) -> None:
    conn = sqlite3.connect(synth_db)
    try:
        triggers = set(conn.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'").fetchall())
    finally:
        conn.close()
    for table in REQUIRED_TABLES:
        assert {(table, name) for name in total_triggers(table)} <= triggers, table


# --- edits made outside events-tui ------------------------------------------------------------------------------


def test_deletes_keep_the_stored_totals_exact(synth_copy: Path) -> None:
    edit(
        synth_copy,
        ("DELETE FROM quotes WHERE id IN (SELECT id FROM quotes ORDER BY id LIMIT 7)", ()),
        ("DELETE FROM officials WHERE id = (SELECT max(id) FROM officials)", ()),
        ("DELETE FROM cities WHERE id = (SELECT max(id) FROM cities)", ()),
    )
    totals = counted(synth_copy)
    assert stored(synth_copy) == totals  # still stored, one less per row: the first frame stays fast
    assert read_by_a_store(synth_copy) == totals


def test_inserts_and_updates_give_the_same_totals_as_counting(synth_copy: Path) -> None:
    before = counted(synth_copy)
    edit(
        synth_copy,
        ("INSERT INTO cities (slug, name) VALUES (?, ?)", ("added-city", "Added City")),
        ("INSERT INTO officials (slug, name) VALUES (?, ?)", ("added-official", "Added Official")),
        (
            "INSERT INTO quotes (slug, speaker, text, source_id, start, end) SELECT ?, speaker, text, source_id,"
            " start, end FROM quotes ORDER BY id LIMIT 1",
            ("added-quote",),
        ),
        ("UPDATE quotes SET medium = ? WHERE id = (SELECT min(id) FROM quotes)", ("tweet",)),
    )
    totals = counted(synth_copy)
    assert (totals["cities"], totals["officials"], totals["quotes"]) == (
        before["cities"] + 1,
        before["officials"] + 1,
        before["quotes"] + 1,
    )
    left = stored(synth_copy)
    assert all(left[name] == totals[name] for name in left)  # what is still stored is exact
    assert read_by_a_store(synth_copy) == totals


def test_a_replace_that_deletes_rows_gives_the_same_totals_as_counting(synth_copy: Path) -> None:
    # SQLite deletes the rows in a REPLACE's way without firing delete triggers: a "+1 per insert" total drifts.
    before = counted(synth_copy)
    edit(
        synth_copy,
        # A new id with an existing city's slug: that city is deleted, this one inserted (no change in number).
        (
            "INSERT OR REPLACE INTO cities (id, slug, name) SELECT max(id) + 1, (SELECT slug FROM cities"
            " ORDER BY id LIMIT 1), 'Replacement' FROM cities",
            (),
        ),
        # One quote takes another's slug: the other is deleted (one fewer).
        (
            "UPDATE OR REPLACE quotes SET slug = (SELECT slug FROM quotes ORDER BY id LIMIT 1 OFFSET 1)"
            " WHERE id = (SELECT min(id) FROM quotes)",
            (),
        ),
    )
    totals = counted(synth_copy)
    assert (totals["cities"], totals["quotes"]) == (before["cities"], before["quotes"] - 1)  # the edits did that
    assert read_by_a_store(synth_copy) == totals


def test_a_table_whose_triggers_are_gone_is_counted(synth_copy: Path) -> None:
    # A tool that rebuilds a table (sqlite-utils transform) drops its triggers: later inserts leave the total behind.
    on_insert, _, _ = total_triggers("quotes")
    edit(
        synth_copy,
        (f"DROP TRIGGER [{on_insert}]", ()),
        (
            "INSERT INTO quotes (slug, speaker, text, source_id, start, end) SELECT ?, speaker, text, source_id,"
            " start, end FROM quotes ORDER BY id LIMIT 1",
            ("untracked-quote",),
        ),
    )
    totals = counted(synth_copy)
    assert stored(synth_copy)["quotes"] == totals["quotes"] - 1  # the stale total is really there
    store = open_store(synth_copy)
    try:
        assert store.quote_count() == totals["quotes"]
        assert store_totals(store) == totals
    finally:
        store.close()


def test_an_edit_while_the_store_is_open_is_seen(synth_copy: Path) -> None:
    store = open_store(synth_copy)
    try:
        first = store.quote_count()
        edit(synth_copy, ("DELETE FROM quotes WHERE id = (SELECT max(id) FROM quotes)", ()))
        assert store.quote_count() == first - 1 == counted(synth_copy)["quotes"]
        edit(synth_copy, ("INSERT INTO cities (slug, name) VALUES (?, ?)", ("late-city", "Late City")))
        assert store.city_count() == counted(synth_copy)["cities"]
    finally:
        store.close()


# --- databases without the table ---------------------------------------------------------------------------------


def without_totals(path: Path) -> None:
    """What a database built before the totals table existed looks like: neither the table nor its triggers."""
    statements = [(f"DROP TRIGGER [{name}]", ()) for table in REQUIRED_TABLES for name in total_triggers(table)]
    edit(path, *statements, (f"DROP TABLE {TOTALS_TABLE}", ()))


def test_a_database_without_the_table_gives_the_same_totals_by_counting(synth_db: Path, synth_copy: Path) -> None:
    without_totals(synth_copy)
    original = open_store(synth_db)
    old = open_store(synth_copy)
    try:
        with Statements(old) as reads:
            totals = store_totals(old)
        assert totals == store_totals(original) == counted(synth_copy)
        assert {"cities", "officials", "quotes"} <= set(reads.whole_counts())  # counted, as before the table
    finally:
        original.close()
        old.close()


def test_a_table_missing_from_the_totals_is_counted(synth_copy: Path) -> None:
    edit(synth_copy, (f"DELETE FROM {TOTALS_TABLE} WHERE name = ?", ("quotes",)))
    store = open_store(synth_copy)
    try:
        with Statements(store) as reads:
            assert store.quote_count() == counted(synth_copy)["quotes"]
        assert reads.whole_counts() == ["quotes"]
    finally:
        store.close()


def test_a_total_that_is_not_a_count_is_counted(synth_copy: Path) -> None:
    edit(
        synth_copy,
        (f"UPDATE {TOTALS_TABLE} SET rows = ? WHERE name = ?", ("many", "cities")),
        (f"UPDATE {TOTALS_TABLE} SET rows = ? WHERE name = ?", (-3, "quotes")),
    )
    store = open_store(synth_copy)
    try:
        with Statements(store) as reads:
            assert store_totals(store) == counted(synth_copy)
        assert set(reads.whole_counts()) == {"cities", "quotes"}
    finally:
        store.close()


# --- the first frame -------------------------------------------------------------------------------------------


def test_the_first_frame_totals_are_read_not_counted(synth_store: Store) -> None:
    with Statements(synth_store) as reads:
        store_totals(synth_store)
        synth_store.cities_page(synth_store.city_count() - 5, 30)  # a deep page needs the total too
    assert reads.whole_counts() == []
    assert any(TOTALS_TABLE in sql for sql in reads.seen)


@pytest.mark.parametrize("totals", ["stored", "absent"])
async def test_the_browser_first_frame_counts_no_whole_table(totals: str, synth_copy: Path) -> None:
    # The same start-up on a database without the table counts them: proof that the check can see a count.
    if totals == "absent":
        without_totals(synth_copy)
    store = open_store(synth_copy)
    try:
        with Statements(store) as reads:
            app = EventsApp(store)  # made inside: its main screen starts reading the totals as it is made
            app.animation_level = "none"
            async with app.run_test(size=(120, 40)) as pilot:
                await settle(pilot)
        counts = sorted(set(reads.whole_counts()))
        assert counts == ([] if totals == "stored" else ["cities", "officials", "quotes"])
        assert reads.seen  # the trace saw the first frame's reads at all
    finally:
        store.close()
