"""Every read of events.db: one parameterised query per helper, each returning models. No Textual here.

The database is opened read-only through a `file:...?mode=ro` URI, so neither the browser nor a read command
can change it; `open_store` checks that the file is an events database of a version this code understands and
turns every way that can fail into one `StoreError` line that names the file and says what to do.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Literal, NoReturn, cast
from urllib.parse import quote as url_quote

from tui.errors import Interrupted, StoreError, take_stop_signal
from tui.models import (
    City,
    CityComparison,
    CityView,
    Claim,
    Context,
    Excerpt,
    Official,
    OfficialView,
    Organization,
    Quote,
    Source,
    Stance,
    StanceTally,
)
from tui.present import role  # a quote's speaker_title is worded as everywhere else
from tui.sentences import MAX_SIDE, sentence_bounds

# The schema version this code reads; kept in step with tui.ingest.schema.SCHEMA_VERSION (a test checks),
# but not imported from there, because the builder imports sqlite_utils and that is too slow for start-up.
SCHEMA_VERSION = 2
REQUIRED_TABLES = (
    "sources",
    "cities",
    "officials",
    "organizations",
    "policies",
    "stances",
    "quotes",
    "claims",
    "names",
    "mentions",
    "uncertain_matches",
)
# Each table's row total, stored by the build (tui.ingest.schema.store_row_counts) with three triggers per table
# that keep it exact or remove it. Optional: without it, or without a table's row or triggers, the store counts.
TOTALS_TABLE = "row_counts"


def total_triggers(table: str) -> tuple[str, str, str]:
    """The names of the triggers that keep `table`'s stored total exact: after insert, update and delete."""
    return f"row_counts_{table}_insert", f"row_counts_{table}_update", f"row_counts_{table}_delete"


# A stored total is trusted only while its table's three triggers are in place: a tool that rebuilt the table
# (sqlite-utils transform) dropped them, and later edits would leave the total behind. One that is not a count
# at all (typed over by hand) is not read either.
_STORED_TOTAL = f"""
SELECT rows FROM {TOTALS_TABLE} WHERE name = ? AND typeof(rows) = 'integer' AND rows >= 0
AND (SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND name IN (?, ?, ?)) = 3
"""


_QUOTE_SELECT = """
SELECT q.id, q.speaker, o.title, o.jurisdiction, oc.name, o.state, q.text, q.medium, q.date, q.date_precision,
       q.city_id, c.name, q.official_id, q.organization_id, q.source_id, q.start, q.end
FROM quotes q
LEFT JOIN officials o ON o.id = q.official_id
LEFT JOIN cities oc ON oc.id = o.city_id
LEFT JOIN cities c ON c.id = q.city_id
"""
_OFFICIAL_SELECT = """
SELECT o.id, o.slug, o.name, o.title, o.party, o.jurisdiction, o.city_id, c.name, o.state, o.handle
FROM officials o LEFT JOIN cities c ON c.id = o.city_id
"""
_ORG_SELECT = """
SELECT g.id, g.slug, g.name, g.abbreviation, g.kind, g.city_id, c.name
FROM organizations g LEFT JOIN cities c ON c.id = g.city_id
"""
# A stance held by a law or policy carries who signed it, when the article says so.
_STANCE_SELECT = """
SELECT s.id, s.holder, s.kind, s.toward, s.position, s.summary, s.evidence, s.date, s.date_precision, s.city_id,
       s.organization_id, s.official_id, s.source_id, s.start, s.end, s.policy_id, signer.name
FROM stances s
LEFT JOIN policies p ON p.id = s.policy_id
LEFT JOIN officials signer ON signer.id = p.signed_by_id
"""
# The badge: the city's police stance when its sources agree; 'differs' when they state different positions (or
# it changed over time), so one label never stands for stances that disagree. A reader opens the city to see each
# with its dates. (Before schema 2: the first in the order refuses, cooperates, mandated, unclear.)
POSITIONS_DIFFER = "differs"
_CITY_SELECT = f"""
SELECT c.id, c.slug, c.name, c.state,
       (SELECT CASE WHEN count(DISTINCT s.position) > 1 THEN '{POSITIONS_DIFFER}' ELSE min(s.position) END
        FROM stances s WHERE s.city_id = c.id AND s.kind = 'police')
FROM cities c
"""
_QUOTE_ORDER = " ORDER BY q.date DESC, q.id DESC"
# Bounded reads: SQLite calls the progress handler every PROGRESS_EVERY virtual-machine steps (every 1,000 cost
# searches 5-10% at 200k officials, every 10,000 about 1%). Opening checks a row of each table within
# OPEN_STEP_BUDGET calls (10M steps, a fraction of a second; an honest file of any size needs one or two), and no
# statement runs longer than STATEMENT_SECONDS (a million-quote database answers each in well under a second).
PROGRESS_EVERY = 10_000
OPEN_STEP_BUDGET = 1_000
STATEMENT_SECONDS = 30.0
TOO_LONG = (
    "the database took too long to answer; it may be damaged or crafted; "
    "pass --db PATH to a database made by `events-tui build`"
)
# The most rows a drill-down view reads; beyond them the views carry totals and every reader says "N of M".
OFFICIAL_QUOTES_LIMIT = 10_000
CITY_QUOTES_LIMIT = 1_000  # each official's or organisation's quotes on the city view
CITY_OFFICIALS_LIMIT = 1_000
# A page of cities this deep or deeper, in the second half of the list, is read from the list's end (`cities_page`).
REVERSED_PAGE_OFFSET = 1_000


def open_store(path: str | os.PathLike[str]) -> Store:
    """Open `path` read-only and check it is an events database; raise StoreError with one clear line if not."""
    path = Path(path)
    if not path.exists():
        raise StoreError(f"{path}: no such file; pass --db PATH to an events database, or run `events-tui build`")
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a database file; pass --db PATH to an events.db file")
    if not os.access(path, os.R_OK):
        raise StoreError(f"{path}: permission denied; make the file readable or copy it somewhere you can read")
    if not path.is_file():
        raise StoreError(f"{path}: not a regular file (a device or pipe); pass --db PATH to an events.db file")
    if path.stat().st_size == 0:
        raise StoreError(f"{path}: empty file, not a database; {_NOT_EVENTS_DB}")
    wal = _check_header(path)
    uri = f"file:{url_quote(str(path.resolve()))}?mode=ro" + ("&immutable=1" if wal and _wal_is_empty(path) else "")
    try:
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=0.5)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(describe_error(path, exc)) from None
    if version > SCHEMA_VERSION:
        conn.close()
        raise StoreError(
            f"{path}: made by a newer events-tui (schema {version}, this one reads {SCHEMA_VERSION}); "
            "upgrade events-tui"
        )
    missing = [t for t in REQUIRED_TABLES if t not in tables]
    if missing or version < 1:
        conn.close()
        if len(missing) == len(REQUIRED_TABLES):
            what = "a SQLite database of something else"  # listing eleven absent tables would only be noise
        else:
            what = f"missing tables: {', '.join(missing) or 'none'}, schema {version}"
        advice = _NOT_EVENTS_DB
        if 1 <= version < SCHEMA_VERSION:
            advice = f"made by an older events-tui (this one reads {SCHEMA_VERSION}); rebuild it: events-tui build"
        raise StoreError(f"{path}: not an events database ({what}); {advice}")
    store = Store(conn, path, uri)
    # The checks read a row or none of each table: a few thousand steps on any honest file, however large. A
    # crafted one (a recursive view in place of a table) would run forever; the budget stops it.
    store.step_budget = OPEN_STEP_BUDGET
    try:
        # Reading a page of each table proves the file is not truncated where the header survived.
        store.check_readable()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(describe_error(path, exc)) from None
    except BaseException:
        conn.close()
        raise
    try:
        # Tables of the right names but other columns (another program's schema) fail here, not mid-command.
        store.check_columns()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path}: not an events database of schema {version} ({exc}); {_NOT_EVENTS_DB}") from None
    except BaseException:
        conn.close()
        raise
    store.step_budget = None
    return store


_SQLITE_MAGIC = b"SQLite format 3\x00"
_NOT_EVENTS_DB = "pass --db PATH to an events database made by `events-tui build`"
_NOT_SQLITE = f"not a SQLite database; {_NOT_EVENTS_DB}"
_TRUNCATED = "the database file is incomplete, cut short by a failed copy or download"
_REBUILD = "copy it again, or rebuild it with `events-tui build --out {path}`"


def _wal_is_empty(path: Path) -> bool:
    """Whether a WAL-mode database holds all its content in its main file (no -wal file beside it, or an empty one).

    Then it is opened `immutable`: read as it stands, creating no -wal or -shm file beside it (a read-only
    connection would otherwise create both, and fail with a misleading message in a read-only folder). When
    -wal holds changes, they are part of the database: it is read through its -shm file if that exists, and
    refused if it does not, because reading would mean creating one.
    """
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    if not wal.exists() or wal.stat().st_size == 0:
        return True
    if not shm.exists():
        raise StoreError(
            f"{path}: its latest changes are still in {wal.name} (a WAL-mode database that another program is "
            f"writing or did not close), and reading them would create {shm.name}, while events-tui only reads; "
            "close that program (which merges them) and try again, or pass --db PATH to another copy"
        )
    return False


def _check_header(path: Path) -> bool:
    """Refuse a file that is not SQLite, or a copy cut short, before SQLite reads it; True if it is in WAL mode.

    SQLite trusts the page count in a valid header and reads missing pages of a truncated file as zeros, so a
    copy that lost only its last pages can open and answer some queries wrongly; comparing sizes catches it.
    """
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read the file ({exc.strerror}); check the path and its permissions") from None
    if not header.startswith(_SQLITE_MAGIC):
        raise StoreError(f"{path}: {_NOT_SQLITE}")
    if len(header) < 100:
        raise StoreError(f"{path}: {_TRUNCATED} (only {len(header)} bytes); {_REBUILD.format(path=path)}")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count is valid only when its change counter matches (offsets 24 and 92); a WAL database (write
    # version 2) keeps newer pages in its -wal file, so its main file may legitimately be shorter.
    header_valid = pages > 0 and header[24:28] == header[92:96] and header[18] == 1
    expected = pages * page_size
    actual = path.stat().st_size
    if header_valid and actual < expected:
        raise StoreError(f"{path}: {_TRUNCATED} ({actual} of {expected} bytes); {_REBUILD.format(path=path)}")
    return header[18] == 2 or header[19] == 2  # the file format's read and write versions: 2 is WAL


def describe_error(path: Path, exc: sqlite3.DatabaseError) -> str:
    """One line for a SQLite failure on `path`: what is wrong and what to do."""
    message = str(exc)
    if "locked" in message or "busy" in message:
        return f"{path}: the database is locked by another program; wait for it to finish and try again"
    if "not a database" in message:
        return f"{path}: {_NOT_SQLITE}"
    if "malformed" in message or "disk image" in message:
        return f"{path}: the database file is damaged ({message}); {_REBUILD.format(path=path)}"
    if "readonly" in message and Path(f"{path}-journal").exists():
        # A writer died mid-transaction; rolling its journal back needs a write, and we only ever open read-only.
        # The advice must be safe to follow: deleting the journal would leave a half-written file, and a rebuild
        # removes the stale journal before renaming the new file into place (tui/atomic.py).
        return (
            f"{path}: another program's unfinished write left {path}-journal to roll back, and events-tui only reads; "
            "if that program is still running, let it finish and try again; otherwise rebuild it from its sources "
            f"(`events-tui build --sources DIR --out {path}`); do not delete the -journal file by hand"
        )
    if "unable to open" in message:
        return f"{path}: cannot open the database ({message}); check the path and its permissions"
    return f"{path}: cannot read the database ({message})"


class MissingRow(KeyError):
    """A row another row points to is not in the database (a dangling source_id): the file is inconsistent."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "a row is missing"


def describe_read_error(path: Path | None, exc: BaseException) -> str:
    """One line for any read that failed in the browser: SQLite's errors as the CLI words them, a missing row,
    and anything else by its type, so the browser can show it and carry on."""
    where = path if path is not None else Path("the database")
    if isinstance(exc, sqlite3.DatabaseError):
        return describe_error(where, exc)
    if isinstance(exc, MissingRow):
        return f"{where}: {exc}; rebuild it with `events-tui build --out {where}`"
    return f"{where}: cannot read the database ({type(exc).__name__}: {exc})"


class Store:
    """Read-only access to one events database. Safe to share with a thread worker (queries are serialised)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, uri: str | None = None) -> None:
        self.conn = conn
        self.path = path
        # How open_store opened the file (read-only; immutable for a WAL file with nothing pending): a second
        # connection must open it the same way, or it could write -shm beside a database we promise not to touch.
        self.uri = uri or f"file:{url_quote(str(path.resolve()))}?mode=ro"
        self._count_conn: sqlite3.Connection | None = None
        self._has_totals: bool | None = None  # whether the file has TOTALS_TABLE (see _stored_total)
        self._lock = threading.Lock()
        self._sources: dict[int, Source] = {}
        # Every statement has a bounded cost (see _progress); open_store sets a step budget for its checks.
        self.step_budget: int | None = None
        self._steps_left: int | None = None
        self._deadline: float | None = None
        self._too_long = False
        self._stale_interrupts = 0
        conn.set_progress_handler(self._progress, PROGRESS_EVERY)

    def close(self) -> None:
        """Close both connections once no statement is running on them.

        Reads run in threads (workers, the palette's `asyncio.to_thread`), and one may still be running when the app
        exits: closing a connection under a running statement crashed the process (a segmentation fault in the test
        suite). Taking each connection's lock waits for that statement (its time is bounded, see `_progress`);
        reads queued behind it then fail with sqlite3's "closed database" error, in threads nobody waits for.
        """
        with self._lock:
            self.conn.close()
        with _COUNT_LOCK:
            if self._count_conn is not None:
                self._count_conn.close()

    def _progress(self) -> int:
        """Called by SQLite every PROGRESS_EVERY steps of a statement: a non-zero answer stops it.

        It is also where Ctrl+C reaches a long statement: Python runs its signal handler when this function is
        entered, and the KeyboardInterrupt stops the statement (see `_read`).
        """
        if self._steps_left is not None:
            self._steps_left -= 1
            if self._steps_left < 0:
                self._too_long = True
                return 1
        if self._deadline is not None and time.monotonic() > self._deadline:
            self._too_long = True
            return 1
        return 0

    def _read(self, sql: str, params: tuple[object, ...], many: bool) -> list[tuple] | tuple | None:
        with self._lock:
            self._too_long = False
            self._steps_left = self.step_budget
            self._deadline = time.monotonic() + STATEMENT_SECONDS
            stale = self._stale_interrupts
            try:
                cursor = self.conn.execute(sql, params)
                return cursor.fetchall() if many else cursor.fetchone()
            except sqlite3.OperationalError as exc:
                if "interrupt" in str(exc) and self._too_long:
                    raise StoreError(f"{self.path}: {TOO_LONG}") from None
                self._raise_interrupt(exc, stale)
            finally:
                self._deadline = self._steps_left = None

    def _raise_interrupt(self, exc: sqlite3.OperationalError, stale: int) -> NoReturn:
        """Re-raise a failed statement; one that a signal interrupted as the stop it was (Ctrl+C, SIGTERM, SIGHUP).

        sqlite3 swallows a KeyboardInterrupt raised inside the progress handler and reports "interrupted"; left as
        a database error it would read as a broken database (exit 2) instead of the user's Ctrl+C (exit 130).
        """
        if "interrupt" not in str(exc):
            raise exc
        if self._stale_interrupts != stale or threading.current_thread() is not threading.main_thread():
            raise exc  # interrupt() abandoned a stale query: its caller expects this error
        signum = take_stop_signal()
        if signum is not None:
            raise Interrupted(signum) from None  # SIGTERM or SIGHUP landed mid-statement, not Ctrl+C
        raise KeyboardInterrupt from None

    def _all(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple]:
        return self._read(sql, params, many=True)  # type: ignore[return-value]

    def _stream(self, sql: str, params: tuple[object, ...] = (), batch: int = 500) -> Iterator[tuple]:
        """Rows a batch at a time: memory stays flat however many rows match (export at a million quotes).

        The lock is held per batch, not across the whole iteration, so other reads can run in between.
        """
        stale = self._stale_interrupts
        try:
            with self._lock:
                cursor = self.conn.execute(sql, params)
        except sqlite3.OperationalError as exc:
            self._raise_interrupt(exc, stale)
        try:
            while True:
                try:
                    with self._lock:
                        rows = cursor.fetchmany(batch)
                except sqlite3.OperationalError as exc:
                    self._raise_interrupt(exc, stale)
                if not rows:
                    return
                yield from rows
        finally:
            # A generator left part-way (an interrupted export) is closed later, maybe after the store is.
            with contextlib.suppress(sqlite3.ProgrammingError):
                cursor.close()

    def _one(self, sql: str, params: tuple[object, ...] = ()) -> tuple | None:
        return self._read(sql, params, many=False)  # type: ignore[return-value]

    def _count(self, sql: str, params: tuple[object, ...] = ()) -> int:
        """The one number a `SELECT count(*) ...` returns (an aggregate always gives one row)."""
        row = self._one(sql, params)
        return int(row[0]) if row else 0

    def interrupt(self) -> None:
        """Abandon the query under way (a newer keystroke made it stale); it raises in its own thread."""
        self._stale_interrupts += 1
        self.conn.interrupt()

    def check_readable(self) -> None:
        for table in REQUIRED_TABLES:
            self._all(f"SELECT * FROM [{table}] ORDER BY rowid DESC LIMIT 1")  # table names are constants

    def check_columns(self) -> None:
        """Prepare every query shape this store runs (LIMIT 0 reads nothing): a missing column or index raises."""
        for select in (_QUOTE_SELECT, _OFFICIAL_SELECT, _ORG_SELECT, _STANCE_SELECT, _CITY_SELECT):
            self._all(select + " LIMIT 0")
        self._all("SELECT id, slug, title, outlet, published, url, contributors, text FROM sources LIMIT 0")
        self._all("SELECT figure, claimant, subject, evidence, source_id, start, end FROM claims LIMIT 0")
        self._all("SELECT kind, entity_id, name, key, weight FROM names LIMIT 0")
        self._all("SELECT kind, entity_id, source_id, start, end FROM mentions LIMIT 0")
        self._all("SELECT kind, entity_id, other_id, reason, source_id, start, end FROM uncertain_matches LIMIT 0")
        self._all("SELECT c.sort_key, o.sort_key FROM cities c, officials o LIMIT 0")
        self._all("SELECT rowid, rank FROM quotes_fts WHERE quotes_fts MATCH 'x' LIMIT 0")
        self._all("SELECT rowid, rank FROM names_fts WHERE names_fts MATCH 'xyz' LIMIT 0")

    # --- sources -------------------------------------------------------------------------------

    def source(self, source_id: int) -> Source:
        if source_id not in self._sources:
            row = self._one(
                "SELECT id, slug, title, outlet, published, url, contributors FROM sources WHERE id = ?", (source_id,)
            )
            if row is None:
                raise MissingRow(f"source {source_id} is named by another row but is not in the database")
            self._sources[source_id] = Source(*row)
        return self._sources[source_id]

    def source_by_slug(self, slug: str) -> Source | None:
        row = self._one("SELECT id FROM sources WHERE slug = ?", (slug,))
        return self.source(row[0]) if row else None

    def source_text(self, source_id: int) -> str:
        row = self._one("SELECT text FROM sources WHERE id = ?", (source_id,))
        return row[0] if row else ""

    def sources(self) -> list[Source]:
        return [self.source(row[0]) for row in self._all("SELECT id FROM sources ORDER BY published, slug")]

    # --- cities --------------------------------------------------------------------------------

    def city_count(self) -> int:
        return self._table_total("cities")

    # Pages pick their ids first from a covering index and only then join and compute badges: OFFSET would
    # otherwise run the joins for every skipped row, which costs ~1 s deep into a million quotes.

    def cities_page(self, offset: int, limit: int) -> list[City]:
        page = "SELECT id FROM cities ORDER BY sort_key, id LIMIT ? OFFSET ?"
        params = (limit, offset)
        # OFFSET walks the index a row at a time: the last page of 50,000 cities (G) cost 0.5-3 ms that way. Past
        # the middle of the list the same rows are picked from its end, a few rows in (the count is one lookup).
        if offset > REVERSED_PAGE_OFFSET and offset > (total := self.city_count()) // 2:
            end = min(offset + limit, total)
            if end <= offset:
                return []
            page = "SELECT id FROM cities ORDER BY sort_key DESC, id DESC LIMIT ? OFFSET ?"
            params = (end - offset, total - end)
        rows = self._all(_CITY_SELECT + f" WHERE c.id IN ({page}) ORDER BY c.sort_key, c.id", params)
        return [City(*row) for row in rows]

    def city(self, city_id: int) -> City | None:
        row = self._one(_CITY_SELECT + " WHERE c.id = ?", (city_id,))
        return City(*row) if row else None

    # --- officials and organisations -----------------------------------------------------------

    def official_count(self, city_id: int | None = None) -> int:
        if city_id is None:
            return self._table_total("officials")
        return self._count("SELECT count(*) FROM officials WHERE city_id = ?", (city_id,))

    def officials_page(self, city_id: int | None, offset: int, limit: int) -> list[Official]:
        params: tuple[object, ...]
        if city_id is None:
            page, params = "SELECT id FROM officials ORDER BY sort_key, id LIMIT ? OFFSET ?", (limit, offset)
        else:
            page = "SELECT id FROM officials WHERE city_id = ? ORDER BY sort_key, id LIMIT ? OFFSET ?"
            params = (city_id, limit, offset)
        rows = self._all(_OFFICIAL_SELECT + f" WHERE o.id IN ({page}) ORDER BY o.sort_key, o.id", params)
        return [Official(*row) for row in rows]

    def official(self, official_id: int) -> Official | None:
        row = self._one(_OFFICIAL_SELECT + " WHERE o.id = ?", (official_id,))
        return Official(*row) if row else None

    def organization(self, org_id: int) -> Organization | None:
        row = self._one(_ORG_SELECT + " WHERE g.id = ?", (org_id,))
        return Organization(*row) if row else None

    def organizations_in(self, city_id: int) -> list[Organization]:
        rows = self._all(_ORG_SELECT + " WHERE g.city_id = ? ORDER BY g.name", (city_id,))
        return [Organization(*row) for row in rows]

    # --- quotes --------------------------------------------------------------------------------

    def _quote(self, row: tuple) -> Quote:
        (qid, speaker, title, jurisdiction, official_city, state, text, medium, date, precision, city_id,
         city_name, official_id, org_id, source_id, start, end) = row  # fmt: skip
        source = self.source(source_id)
        return Quote(
            qid, speaker, role(title, official_city, state, jurisdiction), text, medium, date, precision,
            city_id, city_name, official_id, org_id, source, Excerpt(source_id, source.slug, start, end),
        )  # fmt: skip

    @staticmethod
    def _quote_filter(city_id: int | None, official_id: int | None, organization_id: int | None) -> tuple[str, tuple]:
        # The narrowest filter wins: a highlighted official narrows the quotes to them, within no city.
        if official_id is not None:
            return " WHERE q.official_id = ?", (official_id,)
        if organization_id is not None:
            return " WHERE q.organization_id = ?", (organization_id,)
        if city_id is not None:
            return " WHERE q.city_id = ?", (city_id,)
        return "", ()

    def quote_count(
        self, city_id: int | None = None, official_id: int | None = None, organization_id: int | None = None
    ) -> int:
        where, params = self._quote_filter(city_id, official_id, organization_id)
        if not where:
            return self._table_total("quotes")
        return self._count("SELECT count(*) FROM quotes q" + where, params)

    def quotes_page(
        self,
        offset: int,
        limit: int,
        city_id: int | None = None,
        official_id: int | None = None,
        organization_id: int | None = None,
    ) -> list[Quote]:
        where, params = self._quote_filter(city_id, official_id, organization_id)
        page = "SELECT q.id FROM quotes q" + where + _QUOTE_ORDER + " LIMIT ? OFFSET ?"
        rows = self._all(_QUOTE_SELECT + f" WHERE q.id IN ({page})" + _QUOTE_ORDER, (*params, limit, offset))
        return [self._quote(row) for row in rows]

    def quote(self, quote_id: int) -> Quote | None:
        row = self._one(_QUOTE_SELECT + " WHERE q.id = ?", (quote_id,))
        return self._quote(row) if row else None

    def iter_quotes(self) -> Iterator[Quote]:
        """Every quote in source order, for export."""
        return (self._quote(row) for row in self._stream(_QUOTE_SELECT + " ORDER BY q.source_id, q.start, q.id"))

    # --- stances, claims -----------------------------------------------------------------------

    def _stance(self, row: tuple) -> Stance:
        *fields, source_id, start, end, policy_id, signed_by = row
        source = self.source(source_id)
        return Stance(*fields, source, Excerpt(source_id, source.slug, start, end), policy_id, signed_by)  # type: ignore[call-arg]

    def stances_for_city(self, city_id: int) -> list[Stance]:
        """The city's stances from every source, in the order they were stated (tui.models.group_stances)."""
        rows = self._all(_STANCE_SELECT + " WHERE s.city_id = ? ORDER BY s.id", (city_id,))
        return [self._stance(r) for r in rows]

    def iter_stances(self) -> Iterator[Stance]:
        return (self._stance(r) for r in self._stream(_STANCE_SELECT + " ORDER BY s.source_id, s.start, s.id"))

    def claims(self) -> list[Claim]:
        sql = (
            "SELECT id, figure, claimant, subject, evidence, source_id, start, end "
            "FROM claims ORDER BY source_id, start"
        )
        result = []
        for *fields, source_id, start, end in self._all(sql):
            source = self.source(source_id)
            result.append(Claim(*fields, source, Excerpt(source_id, source.slug, start, end)))  # type: ignore[call-arg]
        return result

    # --- drill-down views ----------------------------------------------------------------------

    def city_view(self, city_id: int, quotes_each: int = CITY_QUOTES_LIMIT) -> CityView | None:
        """The city screen in one call: police stances, the mayor and their statements, everyone else tied to it.

        Lists stop at CITY_OFFICIALS_LIMIT officials and CITY_QUOTES_LIMIT statements by the mayor; every other
        official's and organisation's quotes stop at `quotes_each` (at most CITY_QUOTES_LIMIT: the city screen
        shows 5 and says how many more, `events-tui city` prints them all). The view carries the totals, so what
        is left out is said.
        """
        city = self.city(city_id)
        if city is None:
            return None
        quotes_each = min(quotes_each, CITY_QUOTES_LIMIT)
        stances = self.stances_for_city(city_id)
        officials = self.officials_page(city_id, 0, CITY_OFFICIALS_LIMIT)
        officials_total = len(officials)
        mayor = next((o for o in officials if (o.title or "").casefold() == "mayor"), None)
        if len(officials) >= CITY_OFFICIALS_LIMIT:
            officials_total = self.official_count(city_id)
            if mayor is None and (mayor := self.mayor_of(city_id)) is not None:
                officials = [*officials[: CITY_OFFICIALS_LIMIT - 1], mayor]  # sorted beyond the limit, still shown
        orgs = self.organizations_in(city_id)
        quotes_of, official_totals = self._latest_quotes("official_id", [o.id for o in officials], quotes_each)
        org_quotes, org_totals = self._latest_quotes("organization_id", [g.id for g in orgs], quotes_each)
        statements: tuple[Quote, ...] = ()
        if mayor is not None:
            statements = quotes_of.get(mayor.id, ())
            if quotes_each < CITY_QUOTES_LIMIT and official_totals.get(mayor.id, 0) > len(statements):
                statements = tuple(self.quotes_page(0, CITY_QUOTES_LIMIT, official_id=mayor.id))
        totals = {("official", o.id): official_totals.get(o.id, 0) for o in officials}
        totals |= {("organization", g.id): org_totals.get(g.id, 0) for g in orgs}
        return CityView(
            city=city,
            mayor=mayor,
            police=tuple(s for s in stances if s.kind == "police"),
            statements=statements,
            others=tuple((o, quotes_of.get(o.id, ())) for o in officials if o is not mayor),
            organizations=tuple((g, org_quotes.get(g.id, ())) for g in orgs),
            context=tuple(s for s in stances if s.kind != "police"),
            officials_total=officials_total,
            quote_totals=totals,
        )

    def _latest_quotes(
        self, column: Literal["official_id", "organization_id"], ids: list[int], limit: int
    ) -> tuple[dict[int, tuple[Quote, ...]], dict[int, int]]:
        """The latest `limit` quotes of each of `ids` (officials or organisations), newest first as `quotes_page`
        orders them, and how many each has in all: two statements however many speakers a city has (one
        `quotes_page` and one count per speaker took 4 ms for a 160-official city, 12 ms for a 300-official one)."""
        if not ids:
            return {}, {}
        marks = ", ".join("?" * len(ids))
        counted = self._all(
            f"SELECT {column}, count(*) FROM quotes WHERE {column} IN ({marks}) GROUP BY {column}", tuple(ids)
        )
        totals = {owner: int(n) for owner, n in counted}
        latest = (
            f"SELECT id FROM (SELECT q.id, row_number() OVER (PARTITION BY q.{column}{_QUOTE_ORDER}) AS n"
            f" FROM quotes q WHERE q.{column} IN ({marks})) WHERE n <= ?"
        )
        rows = self._all(_QUOTE_SELECT + f" WHERE q.id IN ({latest})" + _QUOTE_ORDER, (*ids, limit))
        by_owner: dict[int, list[Quote]] = {}
        for quote in map(self._quote, rows):
            owner = quote.official_id if column == "official_id" else quote.organization_id
            if owner is not None:
                by_owner.setdefault(owner, []).append(quote)
        return {owner: tuple(quotes) for owner, quotes in by_owner.items()}, totals

    def _total(self, shown: int, limit: int, **owner: int) -> int:
        """The whole count behind a list of `shown` quotes read with `limit`, counted only if it may have been cut."""
        return self.quote_count(**owner) if shown >= limit else shown

    def mayor_of(self, city_id: int) -> Official | None:
        """The city's mayor (the first by name if the sources name several), read apart from the capped list."""
        where = " WHERE o.city_id = ? AND lower(o.title) = 'mayor' ORDER BY o.sort_key, o.id LIMIT 1"
        row = self._one(_OFFICIAL_SELECT + where, (city_id,))
        return Official(*row) if row else None

    def official_view(self, official_id: int) -> OfficialView | None:
        official = self.official(official_id)
        if official is None:
            return None
        quotes = tuple(self.quotes_page(0, OFFICIAL_QUOTES_LIMIT, official_id=official_id))
        return OfficialView(official, quotes, self._total(len(quotes), OFFICIAL_QUOTES_LIMIT, official_id=official_id))

    # --- search support (the policy lives in tui.search) ---------------------------------------

    def names_with_prefix(self, key: str, limit: int) -> list[tuple[str, int, str, str, int]]:
        # key < key + U+FFFF bounds the prefix range, so the names(key) index answers it.
        sql = "SELECT kind, entity_id, name, key, weight FROM names WHERE key >= ? AND key < ? ORDER BY key LIMIT ?"
        return self._all(sql, (key, key + "\uffff", limit))

    def names_with_key(self, key: str, kind: str, limit: int) -> list[tuple[str, int, str, str, int]]:
        """Every name or alias of `kind` whose folded key is exactly `key` (namesakes included), up to `limit`."""
        sql = (
            "SELECT kind, entity_id, name, key, weight FROM names WHERE key = ? AND kind = ? ORDER BY entity_id LIMIT ?"
        )
        return self._all(sql, (key, kind, limit))

    def names_by_words(
        self, kind: str, query: str, from_start: bool, partial_last: bool, limit: int
    ) -> list[tuple[str, int, str, str, int]]:
        """Names of `kind` holding the folded `query` as whole words (the last one only begun if `partial_last`).

        From the first word of the name if `from_start` ('san' -> 'san francisco', not 'sandy springs'), else
        anywhere in it ('blasio' -> 'bill de blasio', not 'blasios'). `query` is folded: letters, digits and
        single spaces only, so it holds no LIKE wildcard.
        """
        tail = "%" if partial_last else " %"
        if from_start:
            sql = (
                "SELECT kind, entity_id, name, key, weight FROM names WHERE key >= ? AND key < ? AND kind = ?"
                " AND (key = ? OR key LIKE ?) ORDER BY key LIMIT ?"
            )
            return self._all(sql, (query, query + "\uffff", kind, query, query + tail, limit))
        sql = (
            "SELECT n.kind, n.entity_id, n.name, n.key, n.weight FROM names_fts f JOIN names n ON n.id = f.rowid"
            " WHERE names_fts MATCH ? AND n.kind = ? AND (' ' || n.key || ' ') LIKE ? LIMIT ?"
        )
        return self._all(sql, (f'"{query}"', kind, f"% {query}{tail}", limit))

    def states(self) -> list[str]:
        """Every state named for a city or an official."""
        sql = (
            "SELECT state FROM cities WHERE state IS NOT NULL UNION SELECT state FROM officials WHERE state IS NOT NULL"
        )
        return [row[0] for row in self._all(sql)]

    def names_in_scope(
        self, kind: str, city_ids: list[int] | None, states: list[str] | None
    ) -> list[tuple[str, int, str, str, int]]:
        """The names of the cities in `states`, or of the officials of `city_ids` and/or `states` (None: any)."""
        where: list[str] = []
        params: list[object] = []
        if kind == "city":
            join = " JOIN cities c ON c.id = n.entity_id"
        else:
            join = " JOIN officials o ON o.id = n.entity_id LEFT JOIN cities c ON c.id = o.city_id"
            if city_ids is not None:
                where.append(f"o.city_id IN ({', '.join('?' * len(city_ids))})")
                params += city_ids
        if states is not None:
            marks = ", ".join("?" * len(states))
            where.append(f"(c.state IN ({marks})" + (f" OR o.state IN ({marks}))" if kind != "city" else ")"))
            params += states * (1 if kind == "city" else 2)
        sql = "SELECT n.kind, n.entity_id, n.name, n.key, n.weight FROM names n" + join + " WHERE n.kind = ?"
        sql += "".join(f" AND {w}" for w in where) + " ORDER BY n.entity_id"
        return self._all(sql, (kind, *params))

    def official_titles(self) -> list[str]:
        return [row[0] for row in self._all("SELECT DISTINCT title FROM officials WHERE title IS NOT NULL")]

    def officials_titled(self, titles: list[str], limit: int) -> tuple[list[Official], int]:
        """Officials holding any of `titles` (first `limit` by name) and how many hold them in all."""
        if not titles:
            return [], 0
        marks = ", ".join("?" * len(titles))
        rows = self._all(
            _OFFICIAL_SELECT + f" WHERE o.title IN ({marks}) ORDER BY o.sort_key, o.id LIMIT ?", (*titles, limit)
        )
        total = self._all(f"SELECT count(*) FROM officials WHERE title IN ({marks})", tuple(titles))[0][0]
        return [Official(*row) for row in rows], total

    def names_containing(self, key: str, limit: int) -> list[tuple[str, int, str, str, int]]:
        # A quoted trigram phrase is a substring match; `key` is folded, so it holds no '"'.
        sql = (
            "SELECT n.kind, n.entity_id, n.name, n.key, n.weight FROM names_fts f JOIN names n ON n.id = f.rowid "
            "WHERE names_fts MATCH ? LIMIT ?"
        )
        return self._all(sql, (f'"{key}"', limit))

    def name_gram_counts(self, grams: list[str], cap: int) -> list[int]:
        """How many names hold each piece (a folded substring of 3+ letters), counting no further than `cap`."""
        if not grams:
            return []
        # One subquery per piece in a single statement; a quoted piece is a substring match on the trigram index.
        one = "(SELECT count(*) FROM (SELECT 1 FROM names_fts WHERE names_fts MATCH ? LIMIT ?))"
        sql = "SELECT " + ", ".join([one] * len(grams))
        row = self._one(sql, tuple(p for g in grams for p in (f'"{g}"', cap)))
        return list(row) if row else [0] * len(grams)

    def names_sharing_grams(
        self, weighted: list[tuple[str, float]], cap: int, pool: int, limit: int, typical_length: float
    ) -> list[tuple[str, int, str, str, int]]:
        """Names holding the most weight of these pieces per length of key, best first.

        Each piece's names are read no further than `cap`; of the `pool` names holding the most weight, the
        best `limit` by weight / (0.25 + 0.75 * length / typical_length), which favours short keys as bm25
        does. No bm25 itself: `ORDER BY rank` computes it for every name holding any piece (50k names for a
        12-letter word at 450k names).
        """
        if not weighted:
            return []
        piece = "SELECT id, ? AS w FROM (SELECT rowid AS id FROM names_fts WHERE names_fts MATCH ? LIMIT ?)"
        sql = (
            "SELECT n.kind, n.entity_id, n.name, n.key, n.weight FROM "
            f"(SELECT id, sum(w) AS score FROM ({' UNION ALL '.join([piece] * len(weighted))}) "
            "GROUP BY id ORDER BY score DESC LIMIT ?) m JOIN names n ON n.id = m.id "
            "ORDER BY m.score / (0.25 + 0.75 * length(n.key) / ?) DESC, n.id LIMIT ?"
        )
        params = (*(p for g, w in weighted for p in (w, f'"{g}"', cap)), pool, typical_length, limit)
        return self._all(sql, params)

    def count_quote_matches(self, expression: str, cap: int) -> int:
        """How many quotes match, counting no further than `cap` (enough to choose a ranking)."""
        sql = "SELECT count(*) FROM (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH ? LIMIT ?)"
        return self._count(sql, (expression, cap))

    def quote_match_ids(self, expression: str, limit: int, ranked: bool) -> list[int]:
        """Ids of quotes matching an FTS5 expression: by bm25 if `ranked` (costly for many matches), else the latest
        added first (highest id: the order the builder wrote them, not their dates)."""
        order = "ORDER BY f.rank" if ranked else "ORDER BY f.rowid DESC"
        sql = f"SELECT rowid FROM quotes_fts f WHERE quotes_fts MATCH ? {order} LIMIT ?"  # order is a constant
        return [row[0] for row in self._all(sql, (expression, limit))]

    def quotes_by_id(self, ids: list[int]) -> list[Quote]:
        """The quotes with these ids, in the order given (missing ones left out): one query per 500 ids."""
        by_id: dict[int, tuple] = {}
        for start in range(0, len(ids), 500):  # older SQLite allows 999 parameters a statement
            chunk = ids[start : start + 500]
            rows = self._all(_QUOTE_SELECT + f" WHERE q.id IN ({', '.join('?' * len(chunk))})", tuple(chunk))
            by_id.update((row[0], row) for row in rows)
        return [self._quote(by_id[i]) for i in ids if i in by_id]

    def limit_page_cache(self, kib: int) -> None:
        """Keep at most `kib` KiB of database pages in this connection's cache (SQLite's default is 2,000 KiB).

        The file is only read, and the OS keeps its pages cached anyway; one count over a million quotes would
        otherwise fill the whole default cache for the rest of the session.
        """
        with self._lock:
            self.conn.execute(f"PRAGMA cache_size = -{int(kib)}")  # a PRAGMA takes no parameters; int() is the guard

    def city_row(self, city_id: int) -> int | None:
        """Where a city comes in `cities_page` order (0 for the first), or None if there is no such city."""
        row = self._one(
            "SELECT (SELECT count(*) FROM cities c WHERE (c.sort_key, c.id) < (t.sort_key, t.id)) FROM cities t"
            " WHERE t.id = ?",
            (city_id,),
        )
        return row[0] if row else None

    def quote_row(self, quote_id: int, city_id: int | None = None) -> int | None:
        """Where a quote comes in `quotes_page(city_id=city_id)` order (newest first; undated last), or None if it is
        not in that list. Used to put the cursor back on a quote opened from search."""
        found = self._one("SELECT date, city_id FROM quotes WHERE id = ?", (quote_id,))
        if found is None or (city_id is not None and found[1] != city_id):
            return None
        date = found[0]
        scope, params = ("q.city_id = ? AND ", (city_id,)) if city_id is not None else ("", ())
        if date is None:  # after every dated quote, and after undated ones of higher id
            before = "(q.date IS NOT NULL OR q.id > ?)"
            params = (*params, quote_id)
        else:
            before = "(q.date > ? OR (q.date = ? AND q.id > ?))"
            params = (*params, date, date, quote_id)
        counted = self._one(f"SELECT count(*) FROM quotes q WHERE {scope}{before}", params)
        return counted[0] if counted else None

    # --- quotes in context, claims of a city or an article (issue 11, items 8 and 9) ------------

    def sentence_around(self, excerpt: Excerpt) -> Context | None:
        """The sentence of the article holding the excerpt (tui.sentences decides where sentences end).

        Only a window of the article around the excerpt is read (SQLite's substr counts characters, as Python
        does), so the cost does not grow with the article. None when the article is not in the database.
        """
        margin = MAX_SIDE + 64  # more than the splitter looks at, so a cut window is never taken for the text's end
        lo = max(0, excerpt.start - margin)
        row = self._one(
            "SELECT substr(text, ?, ?) FROM sources WHERE id = ?",
            (lo + 1, excerpt.end + margin - lo, excerpt.source_id),
        )
        if row is None or row[0] is None:
            return None
        window: str = row[0]
        bounds = sentence_bounds(window, excerpt.start - lo, excerpt.end - lo)
        return Context(
            excerpt.source_id,
            lo + bounds.start,
            lo + bounds.end,
            window[bounds.start : bounds.end],
            bounds.cut_before,
            bounds.cut_after,
        )

    _CLAIM_SELECT = "SELECT id, figure, claimant, subject, evidence, source_id, start, end FROM claims"

    def _claim(self, row: tuple) -> Claim:
        *fields, source_id, start, end = row
        source = self.source(source_id)
        return Claim(*fields, source, Excerpt(source_id, source.slug, start, end))  # type: ignore[call-arg]

    def claims_in_source(self, source_id: int) -> list[Claim]:
        """The article's figures, in the order it states them."""
        rows = self._all(self._CLAIM_SELECT + " WHERE source_id = ? ORDER BY start, id", (source_id,))
        return [self._claim(row) for row in rows]

    def city_names(self, city_id: int) -> list[str]:
        """The city's name and the aliases its sources use, as written (not folded, not derived)."""
        rows = self._all(
            "SELECT DISTINCT name FROM names WHERE kind = 'city' AND entity_id = ? AND weight <= 1 ORDER BY name",
            (city_id,),
        )
        return [row[0] for row in rows if row[0]]

    def claims_naming_city(self, city_id: int) -> list[Claim]:
        """Claims whose own evidence names the city (its name or an alias, as a whole word, as written).

        Matched when read, not stored: a claim's words are what the article says, and "in up to 10 cities —
        including Miami, Los Angeles, Chicago, and Houston" names each of them. A claim about a city that does
        not name it in its evidence is not linked; nothing is guessed.
        """
        names = self.city_names(city_id)
        if not names:
            return []
        # instr() narrows to claims holding a name; the whole-word check below drops 'Ames' inside 'James'.
        where = " OR ".join(["instr(evidence, ?) > 0"] * len(names))
        rows = self._all(self._CLAIM_SELECT + f" WHERE {where} ORDER BY source_id, start, id", tuple(names))
        claims = [self._claim(row) for row in rows]
        pattern = re.compile("|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in names))
        return [claim for claim in claims if pattern.search(claim.evidence)]

    def claim(self, claim_id: int) -> Claim | None:
        row = self._one(self._CLAIM_SELECT + " WHERE id = ?", (claim_id,))
        return self._claim(row) if row else None

    def stance(self, stance_id: int) -> Stance | None:
        row = self._one(_STANCE_SELECT + " WHERE s.id = ?", (stance_id,))
        return self._stance(row) if row else None

    def item_at(self, source_id: int, start: int, end: int) -> Quote | Stance | Claim | None:
        """The quote, stance or claim cut from exactly these characters of the article (the source screen's)."""
        row = self._one("SELECT id FROM quotes WHERE source_id = ? AND start = ? AND end = ?", (source_id, start, end))
        if row:
            return self.quote(row[0])
        row = self._one("SELECT id FROM stances WHERE source_id = ? AND start = ? AND end = ?", (source_id, start, end))
        if row:
            return self.stance(row[0])
        row = self._one("SELECT id FROM claims WHERE source_id = ? AND start = ? AND end = ?", (source_id, start, end))
        return self.claim(row[0]) if row else None

    # --- search of stances and claims, and of quote totals (issue 11 item 10, issue 10 item 4) ---

    def text_index(self, table: str) -> bool:
        """Whether `table` ("stances", "claims") has a full-text index (`<table>_fts`) in this database."""
        return self._one("SELECT 1 FROM sqlite_master WHERE name = ?", (f"{table}_fts",)) is not None

    def row_count(self, table: str) -> int:
        """Rows in one of the events tables; the database is only read, so each count is kept once made."""
        if table not in REQUIRED_TABLES:
            raise ValueError(table)
        counts: dict[str, int] = self.__dict__.setdefault("_row_counts", {})
        if table not in counts:
            counts[table] = self._table_total(table)
        return counts[table]

    def _table_total(self, table: str) -> int:
        """All rows of `table` (a name from REQUIRED_TABLES): the build's stored total, else counted.

        Counting walks a whole index: 3-25 ms at a million quotes when the file is in the OS's cache, 0.1-0.8 s when
        it is not; the stored total is one lookup. It is read each time, not kept: another program may edit the file
        while it is open, and its triggers remove or update the total in the same transaction as the edit.
        """
        stored = self._stored_total(table)
        if stored is not None:
            return stored
        return self._count(f"SELECT count(*) FROM [{table}]")  # a name from REQUIRED_TABLES

    def _stored_total(self, table: str) -> int | None:
        """`table`'s total from TOTALS_TABLE, or None when the database has none to trust (see _STORED_TOTAL)."""
        if self._has_totals is None:  # a database built before the table existed has none: asked once
            found = self._one("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (TOTALS_TABLE,))
            self._has_totals = found is not None
        if not self._has_totals:
            return None
        try:
            row = self._one(_STORED_TOTAL, (table, table, *total_triggers(table)))
        except sqlite3.OperationalError as exc:
            if not str(exc).startswith("no such"):  # dropped or altered since it was seen: count instead
                raise
            self._has_totals = False
            return None
        return int(row[0]) if row else None

    def stance_match_ids(self, words: list[str], limit: int) -> list[int]:
        """Stances whose holder, summary or evidence holds every word at the start of one of its words.

        A full-text index `stances_fts` is used when the database has one; otherwise the stances are scanned
        (GLOB on the lower-cased text: ASCII case only), ~50-65 ms at 60,000 stances.
        """
        return self._text_match_ids("stances", ("holder", "summary", "evidence"), words, limit)

    def claim_match_ids(self, words: list[str], limit: int) -> list[int]:
        """Claims whose figure, subject or evidence holds every word; as `stance_match_ids`."""
        return self._text_match_ids("claims", ("figure", "subject", "evidence"), words, limit)

    def _text_match_ids(self, table: str, columns: tuple[str, ...], words: list[str], limit: int) -> list[int]:
        # `words` come from tui.search.quote_words: letters and digits only, so no FTS or GLOB syntax gets in.
        if not words or limit <= 0:
            return []
        if self.text_index(table):
            expression = " ".join(f'"{w}"*' for w in words)
            sql = f"SELECT rowid FROM [{table}_fts] WHERE [{table}_fts] MATCH ? ORDER BY rowid LIMIT ?"
            return [row[0] for row in self._all(sql, (expression, limit))]
        # LIKE (a substring, ASCII case-insensitively) is cheap and narrows; GLOB then keeps only rows where the
        # word starts a word, as the index would. ' ' in front, so the text's first word follows a non-letter.
        haystack = " || ' ' || ".join(f"coalesce({c}, '')" for c in columns)  # table and columns are constants
        one = f"(({haystack}) LIKE ? AND lower(' ' || {haystack}) GLOB ?)"
        sql = f"SELECT id FROM [{table}] WHERE {' AND '.join([one] * len(words))} ORDER BY id LIMIT ?"
        params = [p for w in words for p in (f"%{w}%", f"*[^a-z0-9]{w}*")]
        return [row[0] for row in self._all(sql, (*params, limit))]

    def stances_by_id(self, ids: list[int]) -> list[Stance]:
        if not ids:
            return []
        rows = self._all(_STANCE_SELECT + f" WHERE s.id IN ({', '.join('?' * len(ids))})", tuple(ids))
        by_id = {row[0]: row for row in rows}
        return [self._stance(by_id[i]) for i in ids if i in by_id]

    def claims_by_id(self, ids: list[int]) -> list[Claim]:
        if not ids:
            return []
        rows = self._all(self._CLAIM_SELECT + f" WHERE id IN ({', '.join('?' * len(ids))})", tuple(ids))
        by_id = {row[0]: row for row in rows}
        return [self._claim(by_id[i]) for i in ids if i in by_id]

    def quote_match_total(self, expression: str, seconds: float) -> int | None:
        """How many quotes match, or None if counting them takes longer than `seconds` ('a*' at 1M: ~0.3 s).

        Counted on a connection of its own, so the budget's progress handler never touches the reads of the
        browser, and a count under way never holds up the next keystroke's search.
        """
        with _COUNT_LOCK:  # one count at a time; its connection is made on first use and lives with the store
            conn = self._count_conn
            if conn is None:
                conn = self._count_conn = sqlite3.connect(self.uri, uri=True, check_same_thread=False, timeout=0.5)
                # A count reads each page of the matching words' lists once, and the OS caches the file anyway:
                # SQLite's default 2,000 KiB cache, filled by the first long count, only held memory for the rest of
                # the session (3-4 MiB of the session's peak at a million quotes; counts no slower at 64 KiB).
                conn.execute(f"PRAGMA cache_size = -{COUNT_CACHE_KIB}")  # a constant: a PRAGMA takes no parameters
            deadline = time.monotonic() + seconds
            conn.set_progress_handler(lambda: time.monotonic() > deadline, COUNT_CHECK_STEPS)
            try:
                return conn.execute(
                    "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?", (expression,)
                ).fetchone()[0]
            except sqlite3.OperationalError as exc:
                if "interrupt" not in str(exc):
                    raise
                if time.monotonic() > deadline:
                    return None  # the budget ran out: not counted
                # Stopped before its time: a signal (Ctrl+C while the CLI counts), which sqlite3 turned into an error.
                if threading.current_thread() is threading.main_thread():
                    signum = take_stop_signal()
                    if signum is not None:
                        raise Interrupted(signum) from None
                    raise KeyboardInterrupt from None
                raise
            finally:
                conn.set_progress_handler(None, 0)

    # --- compare cities (issue 11, item 6) ------------------------------------------------------

    def compare_order(self, sort: str = "city", position: str | None = None) -> list[int]:
        """The ids of the cities in the compare view's order, with a stance of `position` only if given.

        `sort`: "city" (name), "police" (refuses, cooperates, mandated, unclear, then none; then name),
        "statements" (most quotes first) or "latest" (newest dated quote or stance first, undated last).
        At 50,000 cities and a million quotes: 20 ms by name, 130 ms by statements, 230 ms by police.
        """
        if sort not in COMPARE_SORTS:
            raise ValueError(f"unknown sort {sort!r}")
        where, params = "", cast(tuple[object, ...], ())
        if position is not None:
            kinds = ", ".join(f"'{k}'" for k in COMPARE_KINDS)  # constants
            where = f" WHERE c.id IN (SELECT city_id FROM stances WHERE position = ? AND kind IN ({kinds}))"
            params = (position,)
        return [row[0] for row in self._all(_COMPARE_ORDER[sort].format(where=where), params)]

    def compare_rows(self, city_ids: list[int]) -> list[CityComparison]:
        """The compare view's rows for these cities, in the order given: a few queries per 500 cities."""
        result: list[CityComparison] = []
        for at in range(0, len(city_ids), 500):
            result += self._compare_chunk(city_ids[at : at + 500])
        return result

    def _compare_chunk(self, ids: list[int]) -> list[CityComparison]:
        marks = ", ".join("?" * len(ids))
        cities = {row[0]: City(*row) for row in self._all(_CITY_SELECT + f" WHERE c.id IN ({marks})", tuple(ids))}
        kinds = ", ".join(f"'{k}'" for k in COMPARE_KINDS)
        stances: dict[int, list[Stance]] = {}
        for row in self._all(
            _STANCE_SELECT + f" WHERE s.city_id IN ({marks}) AND s.kind IN ({kinds}) ORDER BY s.id", tuple(ids)
        ):
            stance = self._stance(row)
            stances.setdefault(stance.city_id or 0, []).append(stance)
        mayors: dict[int, Official] = {}
        # LIKE narrows by index order and ASCII case; the casefold check is the one city_view makes.
        for row in self._all(
            _OFFICIAL_SELECT + f" WHERE o.city_id IN ({marks}) AND o.title LIKE 'mayor' ORDER BY o.sort_key, o.id",
            tuple(ids),
        ):
            official = Official(*row)
            if (official.title or "").casefold() == "mayor" and official.city_id is not None:
                mayors.setdefault(official.city_id, official)
        counts = {
            row[0]: row[1:]
            for row in self._all(
                "SELECT c.id, (SELECT count(*) FROM quotes q WHERE q.city_id = c.id),"
                " (SELECT count(*) FROM (SELECT source_id FROM quotes WHERE city_id = c.id"
                "  UNION SELECT source_id FROM stances WHERE city_id = c.id)),"
                " (SELECT date || ' ' || coalesce(date_precision, '') FROM quotes WHERE city_id = c.id"
                "  AND date IS NOT NULL ORDER BY date DESC LIMIT 1)"
                f" FROM cities c WHERE c.id IN ({marks})",
                tuple(ids),
            )
        }
        rows = []
        for city_id in ids:
            city = cities.get(city_id)
            if city is None:
                continue
            statements, sources, latest_quote = counts.get(city_id, (0, 0, None))
            held = stances.get(city_id, [])
            dated = [(s.date, s.date_precision or "") for s in held if s.date]
            if latest_quote:
                day, _, precision = latest_quote.partition(" ")
                dated.append((day, precision))
            latest = max(dated) if dated else (None, None)
            rows.append(
                CityComparison(
                    city=city,
                    police=_tally(held, "police"),
                    city_policy=_tally(held, "city policy"),
                    state_law=_tally(held, "state law"),
                    mayor=mayors.get(city_id),
                    statements=statements,
                    sources=sources,
                    latest=latest[0],
                    latest_precision=latest[1] or None,
                )
            )
        return rows


_COUNT_LOCK = threading.Lock()
# The page cache of the connection that counts quote matches (see `Store.quote_match_total`).
COUNT_CACHE_KIB = 128
# How often (in SQLite VM steps) a count looks at its clock, and lets a signal in.
COUNT_CHECK_STEPS = 10_000
# The stance kinds the compare view has a column for; other kinds (an agency's) stay on the city's own page.
COMPARE_KINDS = ("police", "city policy", "state law")
COMPARE_SORTS = ("city", "police", "statements", "latest")
_POSITION_RANK = "CASE {col} WHEN 'refuses' THEN 0 WHEN 'cooperates' THEN 1 WHEN 'mandated' THEN 2 ELSE 3 END"
_COMPARE_ORDER = {
    "city": "SELECT c.id FROM cities c{where} ORDER BY c.sort_key, c.id",
    "police": (
        "SELECT c.id FROM cities c{where} ORDER BY coalesce((SELECT min("
        + _POSITION_RANK.format(col="s.position")
        + ") FROM stances s WHERE s.city_id = c.id AND s.kind = 'police'), 9), c.sort_key, c.id"
    ),
    "statements": (
        "SELECT c.id FROM cities c LEFT JOIN (SELECT city_id, count(*) AS n FROM quotes WHERE city_id IS NOT NULL"
        " GROUP BY city_id) q ON q.city_id = c.id{where} ORDER BY coalesce(q.n, 0) DESC, c.sort_key, c.id"
    ),
    "latest": (
        "SELECT c.id FROM cities c LEFT JOIN (SELECT city_id, max(date) AS d FROM ("
        "SELECT city_id, date FROM quotes WHERE city_id IS NOT NULL AND date IS NOT NULL"
        " UNION ALL SELECT city_id, date FROM stances WHERE city_id IS NOT NULL AND date IS NOT NULL)"
        " GROUP BY city_id) l ON l.city_id = c.id{where} ORDER BY l.d IS NULL, l.d DESC, c.sort_key, c.id"
    ),
}
_RANK = {"refuses": 0, "cooperates": 1, "mandated": 2, "unclear": 3}


def _tally(stances: list[Stance], kind: str) -> StanceTally | None:
    """The stance of `kind` the compare view shows, how many articles state its position, and the others."""
    of_kind = [s for s in stances if s.kind == kind]
    if not of_kind:
        return None
    shown = min(of_kind, key=lambda s: (_RANK.get(s.position, 4), s.id))
    sources = len({s.source.id for s in of_kind if s.position == shown.position})
    others = tuple(dict.fromkeys(s.position for s in of_kind if s.position != shown.position))
    return StanceTally(shown, sources, others)
