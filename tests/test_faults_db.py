"""Unusable databases get one clear line and exit 2 from every command; good ones are never written to.

Each bad database is made here from a fresh build: missing, a folder, not SQLite, empty, cut short at several
sizes, another program's schema, a newer schema version, locked by a writer, unreadable, or left with a hot
journal by a writer that died. `open_store` must refuse each with one `StoreError` line naming the file, and
every subcommand, run through the real entry point, must exit 2 with that one line and no traceback.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.faults_support import EXIT_UNUSABLE, assert_one_line_error, folder_state, run_cli, sha256
from tui.search import search
from tui.store import StoreError, open_store

# Every subcommand that reads a database, as a user would type it (the bad database must stop each one).
READ_COMMANDS = [
    ("browse",),
    ("search", "chicago"),
    ("search", "chicago", "--json"),
    ("city", "chicago"),
    ("city", "chicago", "--json"),
    ("official", "lightfoot"),
    ("source", "2019-06-22-ice-raids"),
    ("export",),
    ("export", "--format", "csv"),
]


# --- the bad databases ---------------------------------------------------------------------------------------


def truncated(fraction: float | None = None, size: int | None = None) -> Callable[[Path, Path], Path]:
    def make(good: Path, folder: Path) -> Path:
        data = good.read_bytes()
        cut = size if size is not None else int(len(data) * fraction)
        path = folder / f"cut-{cut}.db"
        path.write_bytes(data[:cut])
        return path

    return make


def missing(good: Path, folder: Path) -> Path:
    return folder / "no-such.db"


def directory(good: Path, folder: Path) -> Path:
    path = folder / "a-folder.db"
    path.mkdir()
    return path


def text_file(good: Path, folder: Path) -> Path:
    path = folder / "passwd"
    path.write_text("root:x:0:0:root:/root:/bin/bash\n" * 50)
    return path


def random_bytes(good: Path, folder: Path) -> Path:
    path = folder / "noise.db"
    path.write_bytes(bytes(range(256)) * 64)
    return path


def empty(good: Path, folder: Path) -> Path:
    path = folder / "empty.db"
    path.touch()
    return path


def fifo(good: Path, folder: Path) -> Path:
    # A named pipe: opening it to read would block forever, so it must be refused before any read.
    path = folder / "pipe.db"
    os.mkfifo(path)
    return path


def other_schema(good: Path, folder: Path) -> Path:
    path = folder / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    conn.execute("INSERT INTO invoices VALUES (1, 9.5)")
    conn.commit()
    conn.close()
    return path


def same_names_other_columns(good: Path, folder: Path) -> Path:
    # The right table names and version, other columns: must fail at open, not halfway through a command.
    path = folder / "lookalike.db"
    conn = sqlite3.connect(path)
    for table in ("sources", "cities", "officials", "organizations", "stances", "quotes", "claims", "names"):
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    return path


def newer_version(good: Path, folder: Path) -> Path:
    path = folder / "newer.db"
    shutil.copyfile(good, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    return path


def hot_journal(good: Path, folder: Path) -> Path:
    """A writer killed mid-transaction: pages spilled into the file and a journal left to roll them back."""
    path = folder / "interrupted.db"
    shutil.copyfile(good, path)
    writer = (
        "import sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('PRAGMA cache_size = 1')\n"
        "conn.execute('BEGIN')\n"
        "conn.execute(\"UPDATE quotes SET text = text || ' (edited)'\")\n"
        "conn.execute(\"UPDATE sources SET text = text || ' (edited)'\")\n"
        "print('ready', flush=True)\n"
        "sys.stdin.read()\n"
    )
    process = subprocess.Popen([sys.executable, "-c", writer, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert process.stdout.readline() == b"ready\n"
    process.kill()
    process.wait()
    process.stdin.close()
    process.stdout.close()
    assert Path(f"{path}-journal").exists(), "the killed writer should have left a hot journal"
    return path


def recursive_view(table: str) -> Callable[[Path, Path], Path]:
    """A crafted file: `table` replaced by a view of the same columns over an endless recursive query."""

    def make(good: Path, folder: Path) -> Path:
        path = folder / f"crafted-{table}.db"
        shutil.copyfile(good, path)
        conn = sqlite3.connect(path)
        columns = [row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")]
        conn.execute(f"DROP TABLE [{table}]")
        select = ", ".join(f"x AS [{c}]" for c in columns)
        endless = "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r)"
        conn.execute(f"CREATE VIEW [{table}] AS {endless} SELECT {select} FROM r")
        conn.commit()
        conn.close()
        return path

    return make


def wal_changes_without_shm(good: Path, folder: Path) -> Path:
    """A WAL-mode database whose latest changes are still in its -wal file, copied without its -shm."""
    source = folder / "live"
    source.mkdir()
    live = source / "events.db"
    shutil.copyfile(good, live)
    writer = sqlite3.connect(live)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # keep the change in -wal, as a busy writer would
    writer.execute("UPDATE sources SET title = 'changed'")
    writer.commit()
    path = folder / "copied.db"
    shutil.copyfile(live, path)
    shutil.copyfile(f"{live}-wal", f"{path}-wal")
    writer.close()
    shutil.rmtree(source)
    assert Path(f"{path}-wal").stat().st_size > 0 and not Path(f"{path}-shm").exists()
    return path


# (case, how to make it, what the one line must say besides the path)
BAD_DATABASES = [
    # A crafted file hung every command at open, and Ctrl+C could not stop it (issue 10, item 13).
    ("recursive view for claims", recursive_view("claims"), "took too long to answer; it may be damaged or crafted"),
    ("recursive view for quotes", recursive_view("quotes"), "took too long to answer; it may be damaged or crafted"),
    ("recursive view for names", recursive_view("names"), "took too long to answer; it may be damaged or crafted"),
    # Reading it read-only would create -shm beside it (issue 10, item 14).
    ("WAL changes and no -shm", wal_changes_without_shm, "still in copied.db-wal"),
    ("missing", missing, "no such file"),
    ("directory", directory, "is a directory"),
    ("text file", text_file, "not a SQLite database"),
    ("random bytes", random_bytes, "not a SQLite database"),
    ("zero bytes", empty, "empty file"),
    ("named pipe", fifo, "not a regular file"),
    ("cut to 50 bytes (inside the header)", truncated(size=50), "incomplete"),
    ("cut just past the header", truncated(size=100), "incomplete"),
    ("cut to one page", truncated(size=4096), "incomplete"),
    ("cut in half", truncated(fraction=0.5), "incomplete"),
    ("cut a page short", truncated(size=-4096), "incomplete"),
    ("cut one byte short", truncated(size=-1), "incomplete"),
    ("another schema", other_schema, "not an events database"),
    ("same tables, other columns", same_names_other_columns, "not an events database"),
    ("newer schema version", newer_version, "newer"),
    ("hot journal of a killed writer", hot_journal, "unfinished write"),
]


@pytest.fixture(params=BAD_DATABASES, ids=[case[0] for case in BAD_DATABASES])
def bad_db(request: pytest.FixtureRequest, events_db: Path, tmp_path: Path) -> tuple[Path, str]:
    _case, make, says = request.param
    return make(events_db, tmp_path), says


def test_open_store_refuses_with_one_line_naming_the_file(bad_db: tuple[Path, str]) -> None:
    path, says = bad_db
    with pytest.raises(StoreError) as caught:
        open_store(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    assert says in message
    # Every message says what to do next, not only what is wrong.
    assert any(hint in message for hint in ("pass --db", "rebuild", "upgrade", "copy it", "recover")), message


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_every_command_exits_2_with_one_line(bad_db: tuple[Path, str], command: tuple[str, ...]) -> None:
    path, says = bad_db
    before = folder_state(path.parent)
    result = run_cli(*command, "--db", path)
    assert_one_line_error(result, str(path), says)
    assert result.stdout == "", "nothing may reach standard output (no half-started browser, no partial result)"
    assert folder_state(path.parent) == before, "refusing the database must not change, add or remove any file"


def test_db_before_the_command_and_from_the_environment_are_refused_alike(events_db: Path, tmp_path: Path) -> None:
    path = truncated(fraction=0.5)(events_db, tmp_path)
    assert_one_line_error(run_cli("--db", path), str(path), "incomplete")  # no command: the browser
    assert_one_line_error(run_cli("--db", path, "city", "chicago"), str(path), "incomplete")
    assert_one_line_error(run_cli("city", "chicago", env={"EVENTS_DB": str(path)}), str(path), "incomplete")


def test_a_bad_database_stops_the_browser_before_textual_starts(events_db: Path, tmp_path: Path) -> None:
    # In a fresh process, so that "was Textual imported?" means something.
    path = truncated(fraction=0.5)(events_db, tmp_path)
    probe = (
        "import sys\n"
        "from tui.cli import main\n"
        "code = main(['browse', '--db', sys.argv[1]])\n"
        "print(code, 'textual' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, str(path)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    assert done.stdout.split() == [str(EXIT_UNUSABLE), "False"], done.stdout + done.stderr
    assert len(done.stderr.splitlines()) == 1 and str(path) in done.stderr


# --- locked by a writer --------------------------------------------------------------------------------------


@pytest.fixture
def locked_db(events_db: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy held under `BEGIN EXCLUSIVE` by another process, released when the test ends."""
    path = tmp_path / "locked.db"
    shutil.copyfile(events_db, path)
    holder = (
        "import sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('BEGIN EXCLUSIVE')\n"
        "print('locked', flush=True)\n"
        "sys.stdin.read()\n"
        "conn.execute('ROLLBACK')\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", holder, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout.readline() == "locked\n"
        yield path
    finally:
        process.stdin.close()  # the holder reads EOF, rolls back and exits
        process.wait()
        process.stdout.close()


def test_locked_database_open_store(locked_db: Path) -> None:
    before = sha256(locked_db)
    with pytest.raises(StoreError) as caught:
        open_store(locked_db)
    assert "\n" not in str(caught.value)
    assert str(locked_db) in str(caught.value) and "locked" in str(caught.value) and "try again" in str(caught.value)
    assert sha256(locked_db) == before


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_locked_database_every_command(locked_db: Path, command: tuple[str, ...]) -> None:
    """Decision: wait briefly (0.5 s busy timeout), then fail with one 'locked' line and exit 2 rather than hang."""
    result = run_cli(*command, "--db", locked_db)
    assert_one_line_error(result, str(locked_db), "locked", "try again")
    assert result.stdout == ""


def test_the_lock_released_the_database_opens(events_db: Path, tmp_path: Path) -> None:
    # The control for the locked cases: the same copy, unlocked, is a good database.
    path = tmp_path / "locked.db"
    shutil.copyfile(events_db, path)
    store = open_store(path)
    try:
        assert store.city_count() > 0
    finally:
        store.close()


# --- without read permission ---------------------------------------------------------------------------------


def test_unreadable_file_message_through_os_access(events_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Runs everywhere, root included (root reads any file whatever its mode); the real case is the test below.
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == events_db else real_access(p, mode))
    with pytest.raises(StoreError) as caught:
        open_store(events_db)
    assert str(events_db) in str(caught.value) and "permission denied" in str(caught.value)


def _world_readable_copy_of_tui(folder: Path) -> Path:
    shutil.copytree(ROOT / "tui", folder / "tui", ignore=shutil.ignore_patterns("__pycache__"))
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return folder


def _python_for_nobody(code_dir: Path) -> list[str] | None:
    """A command prefix running Python 3.11+ as the unprivileged user `nobody`, or None if there is none."""
    if os.geteuid() != 0:
        return [sys.executable]  # not root: file modes already apply to us
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    drop = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    for python in dict.fromkeys([sys.executable, shutil.which("python3"), "/usr/bin/python3"]):
        if not python:
            continue
        check = [*drop, python, "-c", "import sys, tui.store; assert sys.version_info >= (3, 11)"]
        try:
            ok = subprocess.run(check, cwd=code_dir, env={"PYTHONPATH": str(code_dir)}, capture_output=True)
        except OSError:
            continue
        if ok.returncode == 0:
            return [*drop, python]
    return None


@pytest.fixture
def unprivileged(events_db: Path) -> Iterator[tuple[list[str], Path]]:
    """(command prefix running as `nobody`, a world-traversable folder holding a copy of tui and of events.db)."""
    folder = Path(tempfile.mkdtemp(prefix="events-tui-faults-"))
    try:
        _world_readable_copy_of_tui(folder)
        prefix = _python_for_nobody(folder)
        if prefix is None:
            pytest.skip("running as root and no Python can run as `nobody` (setpriv missing or python not readable)")
        data = folder / "data"
        data.mkdir()
        shutil.copyfile(events_db, data / "events.db")
        yield prefix, folder
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder)


def _run_as(prefix: list[str], folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, *args],
        cwd=folder,
        env={"PYTHONPATH": str(folder), "PATH": os.environ.get("PATH", "")},
        capture_output=True,
        text=True,
    )


def test_unreadable_file_for_real(unprivileged: tuple[list[str], Path]) -> None:
    """chmod 000 run as `nobody` (as root, setpriv drops to uid 65534, since root reads any file)."""
    prefix, folder = unprivileged
    db = folder / "data" / "events.db"
    db.chmod(0o000)
    probe = (
        "import sys\n"
        "from tui.store import open_store, StoreError\n"
        "try:\n"
        "    open_store(sys.argv[1])\n"
        "except StoreError as e:\n"
        "    print(e)\n"
    )
    done = _run_as(prefix, folder, "-c", probe, str(db))
    assert done.stdout.strip().startswith(f"{db}: permission denied"), done.stdout + done.stderr
    # And through the entry point: the error path needs only the standard library, so any Python 3.11 will do.
    for command in (["city", "chicago"], ["browse"], ["export"]):
        cli = _run_as(prefix, folder, "-m", "tui", *command, "--db", str(db))
        assert cli.returncode == EXIT_UNUSABLE, cli.stderr
        lines = cli.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"events-tui: {db}: permission denied;"), cli.stderr
        assert "Traceback" not in cli.stderr


# --- read-only file in a read-only folder: reading works and writes nothing --------------------------------------


@pytest.fixture
def read_only_db(events_db: Path, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "read-only"
    folder.mkdir()
    path = folder / "events.db"
    shutil.copyfile(events_db, path)
    path.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield path
    finally:
        folder.chmod(0o755)
        path.chmod(0o644)


GOOD_READS = [
    ("search", "chicago"),
    ("search", "chicago", "--json"),
    ("search", "families"),
    ("city", "chicago"),
    ("city", "oakland", "--json"),
    ("official", "lori lightfoot"),  # exact names: a surname alone resolves too, with a note on stderr
    ("official", "libby schaaf", "--json"),
    ("source", "2019-06-22-ice-raids"),
    ("source", "2019-06-22-ice-raids", "--json"),
    ("export",),
    ("export", "--format", "csv"),
    ("export", "--format", "markdown"),
]


@pytest.mark.parametrize("command", GOOD_READS, ids=" ".join)
def test_read_commands_work_on_a_read_only_database_and_change_nothing(
    read_only_db: Path, command: tuple[str, ...]
) -> None:
    before = folder_state(read_only_db.parent)
    assert stat.S_IMODE(read_only_db.parent.stat().st_mode) == 0o555
    result = run_cli(*command, "--db", read_only_db)
    assert result.code == 0, result.stderr
    assert result.stdout.strip(), "a read that found something prints it"
    assert result.stderr == "" and "Traceback" not in result.stdout
    # Byte-for-byte the same file, and no -wal, -shm or -journal beside it.
    assert folder_state(read_only_db.parent) == before


def test_export_to_a_file_elsewhere_leaves_the_database_unchanged(read_only_db: Path, tmp_path: Path) -> None:
    before = folder_state(read_only_db.parent)
    out = tmp_path / "quotes.csv"
    result = run_cli("export", "--format", "csv", "--out", out, "--db", read_only_db)
    assert result.code == 0, result.stderr
    assert out.stat().st_size > 0
    assert folder_state(read_only_db.parent) == before


def test_failed_lookups_also_change_nothing(read_only_db: Path) -> None:
    before = folder_state(read_only_db.parent)
    for command in (("city", "atlantis"), ("official", "nobody at all"), ("source", "no-such-slug")):
        result = run_cli(*command, "--db", read_only_db)
        assert result.code == 1, (command, result.stderr)
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert folder_state(read_only_db.parent) == before


def test_store_reads_everything_on_a_read_only_database_and_changes_nothing(read_only_db: Path) -> None:
    before = folder_state(read_only_db.parent)
    store = open_store(read_only_db)
    try:
        for offset in range(0, store.city_count(), 50):
            for city in store.cities_page(offset, 50):
                assert store.city_view(city.id) is not None
        for official in store.officials_page(None, 0, 10_000):
            assert store.official_view(official.id) is not None
        assert list(store.iter_quotes()) and list(store.iter_stances()) and store.claims()
        assert all(store.source_text(s.id) for s in store.sources())
        assert search(store, "chicago") and search(store, "families")
    finally:
        store.close()
    assert folder_state(read_only_db.parent) == before


def test_reads_as_an_unprivileged_user_on_a_read_only_database(unprivileged: tuple[list[str], Path]) -> None:
    """As `nobody`, file modes really apply: 444 file in a 555 folder, the store reads it all and writes nothing."""
    prefix, folder = unprivileged
    data = folder / "data"
    db = data / "events.db"
    db.chmod(0o444)
    data.chmod(0o555)
    before = folder_state(data)
    probe = (
        "import sys\n"
        "from tui.store import open_store\n"
        "from tui.search import search\n"
        "store = open_store(sys.argv[1])\n"
        "views = [store.city_view(c.id) for c in store.cities_page(0, 1000)]\n"
        "quotes = list(store.iter_quotes())\n"
        "hits = search(store, 'chicago') + search(store, 'families')\n"
        "print(len(views), len(quotes), len(hits))\n"
    )
    done = _run_as(prefix, folder, "-c", probe, str(db))
    assert done.returncode == 0, done.stderr
    cities, quotes, hits = map(int, done.stdout.split())
    assert cities > 0 and quotes > 0 and hits > 0
    assert folder_state(data) == before


# --- bounded reads (issue 10, item 13) -------------------------------------------------------------------------

# The real entry point with the crafted file's guards lifted or tightened, to see what a hang does without them.
_MAIN_WITH = (
    "import sys\n"
    "import tui.store as store\n"
    "store.OPEN_STEP_BUDGET, store.STATEMENT_SECONDS = int(sys.argv[1]), float(sys.argv[2])\n"
    "from tui.cli import main\n"
    "sys.exit(main(sys.argv[3:]))\n"
)


def test_ctrl_c_stops_a_read_that_would_never_end(events_db: Path, tmp_path: Path) -> None:
    crafted = recursive_view("claims")(events_db, tmp_path)
    args = [sys.executable, "-c", _MAIN_WITH, str(10**15), "1e9", "--db", str(crafted), "city", "chicago"]
    process = subprocess.Popen(args, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.PIPE)
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(timeout=1.5)  # reading an endless view: it does not finish on its own
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=10) == 130  # the interrupted exit code, promptly
        assert b"Traceback" not in process.stderr.read()
    finally:
        process.kill()
        process.wait()
        process.stderr.close()


def test_a_statement_past_the_time_limit_stops_with_one_line(events_db: Path, tmp_path: Path) -> None:
    crafted = recursive_view("claims")(events_db, tmp_path)
    args = [sys.executable, "-c", _MAIN_WITH, str(10**15), "0.5", "--db", str(crafted), "city", "chicago"]
    done = subprocess.run(args, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, timeout=60)
    assert done.returncode == EXIT_UNUSABLE
    (line,) = done.stderr.decode().splitlines()
    assert line.startswith(f"events-tui: {crafted}: the database took too long to answer; it may be damaged or crafted")


# --- WAL mode (issue 10, item 14) -------------------------------------------------------------------------------


def to_wal(path: Path) -> Path:
    """Switch a database to WAL mode and close it cleanly: no -wal or -shm left, the header says WAL."""
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone() == ("wal",)
    conn.close()
    assert path.read_bytes()[18:20] == b"\x02\x02" and not Path(f"{path}-wal").exists()
    return path


@pytest.mark.parametrize("command", GOOD_READS, ids=" ".join)
def test_a_wal_database_is_read_without_files_beside_it(events_db: Path, tmp_path: Path, command: tuple) -> None:
    db = to_wal(Path(shutil.copyfile(events_db, tmp_path / "wal.db")))
    before = folder_state(tmp_path)
    result = run_cli(*command, "--db", db)
    assert result.code == 0 and result.stderr == "", result.stderr
    assert folder_state(tmp_path) == before  # no -wal, no -shm: read-only means writing nothing


def test_a_wal_database_in_a_read_only_folder_for_real(unprivileged: tuple[list[str], Path]) -> None:
    """As `nobody`: a WAL database in a 555 folder opens (it failed with 'unable to open database file')."""
    prefix, folder = unprivileged
    data = folder / "data"
    db = to_wal(data / "events.db")
    db.chmod(0o444)
    data.chmod(0o555)
    before = folder_state(data)
    probe = (
        "import sys\n"
        "from tui.store import open_store\n"
        "store = open_store(sys.argv[1])\n"
        "print(sum(len(store.city_view(c.id).police) for c in store.cities_page(0, 1000)))\n"
    )
    done = _run_as(prefix, folder, "-c", probe, str(db))
    assert done.returncode == 0 and int(done.stdout) > 0, done.stderr
    assert folder_state(data) == before


# --- browsing changes nothing --------------------------------------------------------------------------------


async def test_browsing_a_read_only_database_changes_nothing(read_only_db: Path) -> None:
    from tui.app import EventsApp

    before = folder_state(read_only_db.parent)
    store = open_store(read_only_db)
    try:
        app = EventsApp(store)
        app.animation_level = "none"
        async with app.run_test(size=(100, 30)) as pilot:
            # Walk the app as a user would: down the list, into a city, back, search, help.
            for key in ("down", "down", "enter", "tab", "down", "enter", "escape", "escape", "/"):
                await pilot.press(key)
            await pilot.press(*"oakland")
            for key in ("enter", "escape", "escape", "question_mark", "escape"):
                await pilot.press(key)
            await pilot.pause()
            assert app.is_running
    finally:
        store.close()
    assert folder_state(read_only_db.parent) == before


def test_a_path_with_spaces_and_uri_characters_opens(events_db: Path, tmp_path: Path) -> None:
    # The store opens through a file: URI; '?', '#', '%' and spaces in a path must not change which file it opens.
    folder = tmp_path / "my data ?#%20 folder"
    folder.mkdir()
    path = folder / "events copy?mode=rw#x.db"
    shutil.copyfile(events_db, path)
    before = folder_state(folder)
    result = run_cli("city", "chicago", "--json", "--db", path)
    assert result.code == 0, result.stderr
    assert folder_state(folder) == before


def test_the_browsers_second_connection_opens_a_wal_database_as_the_first_did(events_db: Path, tmp_path: Path) -> None:
    # Search totals are counted on a connection of their own (tui.store.quote_match_total); it must open the file
    # as open_store did (immutable when nothing is pending in -wal), or it writes -shm beside the database.
    db = to_wal(Path(shutil.copyfile(events_db, tmp_path / "wal.db")))
    before = folder_state(tmp_path)
    store = open_store(db)
    try:
        assert store.quote_match_total('"ice"', 5.0)
    finally:
        store.close()
    assert folder_state(tmp_path) == before
