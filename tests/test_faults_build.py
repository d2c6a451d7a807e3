"""Builds from bad sources fail with one line naming the file and the entry; a failed or killed build loses nothing.

Every case runs the real `python -m tui build --sources X --out Y` over a small article written here, broken one
way per case, into a folder that already holds a good events.db: the old database must stay byte-identical and
no temporary file may be left beside it.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_from
from tests.faults_support import assert_one_line_error, folder_state, run_cli, sha256
from tui.ingest.annotations import BuildError
from tui.ingest.builder import atomic_database, build
from tui.store import open_store

SLUG = "2020-01-01-springfield"
ARTICLE = (
    "Springfield Mayor Jane Doe said the city police department will not help ICE.\n"
    "“We protect our neighbours,” Doe said in Springfield on Friday.\n"
    "The agency said about 100 families were targeted.\n"
)
ANNOTATIONS = """\
[source]
published = "2020-01-01"

[[cities]]
id = "springfield"
name = "Springfield"
mention = "Springfield"

[[officials]]
id = "jane-doe"
name = "Jane Doe"
title = "Mayor"
jurisdiction = "city"
city = "springfield"
mention = "Springfield Mayor Jane Doe"

[[organizations]]
id = "spd"
name = "Springfield Police Department"
kind = "police"
city = "springfield"
mention = "the city police department"

[[stances]]
id = "spd-refuses"
holder = "spd"
kind = "police"
city = "springfield"
toward = "ICE"
position = "refuses"
evidence = "the city police department will not help ICE"

[[quotes]]
id = "doe-protect"
speaker = "jane-doe"
city = "springfield"
text = "We protect our neighbours,"

[[claims]]
id = "families"
figure = "about 100 families"
subject = "families targeted"
evidence = "about 100 families were targeted"
"""


def write_sources(folder: Path, article: str = ARTICLE, annotations: str = ANNOTATIONS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{SLUG}.txt").write_text(article, encoding="utf-8")
    (folder / f"{SLUG}.toml").write_text(annotations, encoding="utf-8")
    return folder


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"test data changed: {old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


@pytest.fixture
def good_db(tmp_path: Path) -> Path:
    """An existing, good database in its own folder: every failing build below must leave it exactly as it is."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    return build_from(write_sources(tmp_path / "good"), out_dir / "events.db")


def test_the_small_article_builds(good_db: Path) -> None:
    # The control case: without it, every failure below could be the fixture's fault rather than the mutation's.
    store = open_store(good_db)
    try:
        assert store.city_count() == 1
        assert [q.text for q in store.iter_quotes()] == ["We protect our neighbours,"]
    finally:
        store.close()


def annotations_edit(old: str, new: str) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        toml = folder / f"{SLUG}.toml"
        toml.write_text(replace_once(toml.read_text(encoding="utf-8"), old, new), encoding="utf-8")

    return edit


def append_bytes(suffix: str, data: bytes) -> Callable[[Path], None]:
    def edit(folder: Path) -> None:
        with (folder / f"{SLUG}{suffix}").open("ab") as handle:
            handle.write(data)

    return edit


def remove_article(folder: Path) -> None:
    (folder / f"{SLUG}.txt").unlink()


def article_is_a_folder(folder: Path) -> None:
    (folder / f"{SLUG}.txt").unlink()
    (folder / f"{SLUG}.txt").mkdir()


TOML = f"{SLUG}.toml"
TXT = f"{SLUG}.txt"

# (case, how to break the sources, what the one error line must name)
BROKEN_SOURCES = [
    ("malformed TOML", annotations_edit("[[claims]]", "[[claims]"), (TOML, "not valid TOML", "line")),
    (
        "missing required field",
        annotations_edit('name = "Springfield"\n', ""),
        (TOML, "[[cities]] springfield", "'name'"),
    ),
    (
        "blank required field",
        annotations_edit('text = "We protect', 'text = "  "\n# "We protect'),
        (TOML, "[[quotes]] doe-protect", "'text'"),
    ),
    (
        "unknown city",
        annotations_edit(
            'city = "springfield"\nmention = "Springfield Mayor', 'city = "shelby"\nmention = "Springfield Mayor'
        ),
        (TOML, "[[officials]] jane-doe", "city 'shelby'"),
    ),
    (
        "unknown speaker",
        annotations_edit('speaker = "jane-doe"', 'speaker = "john-roe"'),
        (TOML, "[[quotes]] doe-protect", "speaker 'john-roe'"),
    ),
    (
        "unknown stance holder",
        annotations_edit('holder = "spd"', 'holder = "fbi"'),
        (TOML, "[[stances]] spd-refuses", "holder 'fbi'"),
    ),
    (
        "unknown claimant",
        annotations_edit('figure = "about', 'claimant = "nobody"\nfigure = "about'),
        (TOML, "[[claims]] families", "claimant 'nobody'"),
    ),
    (
        "duplicate id",
        annotations_edit(
            "[[claims]]", '[[quotes]]\nid = "doe-protect"\nspeaker = "jane-doe"\ntext = "Doe said"\n[[claims]]'
        ),
        (TOML, "[[quotes]] doe-protect", "duplicate id"),
    ),
    (
        "excerpt not in the article",
        annotations_edit('"We protect our neighbours,"', '"We protect our neighbors,"'),
        (TOML, "[[quotes]] doe-protect", "not found verbatim", "neighbors"),
    ),
    (
        "ambiguous excerpt",
        annotations_edit('text = "We protect our neighbours,"', 'text = "Springfield"'),
        (TOML, "[[quotes]] doe-protect", "appears 2 times", "occurrence"),
    ),
    (
        "occurrence out of range",
        annotations_edit('text = "We protect our neighbours,"', 'text = "Springfield"\noccurrence = 3'),
        (TOML, "[[quotes]] doe-protect", "occurrence 3"),
    ),
    (
        "unknown stance position",
        annotations_edit('position = "refuses"', 'position = "maybe"'),
        (TOML, "[[stances]] spd-refuses", "'maybe'", "refuses"),
    ),
    ("section not a list", annotations_edit("[[claims]]", "[claims]"), (TOML, "[[claims]]", "list of tables")),
    ("missing article", remove_article, (TXT, "cannot read the article", "No such file")),
    ("article is a folder", article_is_a_folder, (TXT, "cannot read the article")),
    ("article not UTF-8", append_bytes(".txt", b"caf\xe9\n"), (TXT, "not UTF-8", "0xe9")),
    ("annotations not UTF-8", append_bytes(".toml", b"# caf\xe9\n"), (TOML, "not UTF-8", "0xe9")),
]


@pytest.mark.parametrize(("case", "breakage", "named"), BROKEN_SOURCES, ids=[c[0] for c in BROKEN_SOURCES])
def test_broken_sources_fail_with_one_line_and_leave_the_database_intact(
    tmp_path: Path, good_db: Path, case: str, breakage: Callable[[Path], None], named: tuple[str, ...]
) -> None:
    sources = write_sources(tmp_path / "broken")
    breakage(sources)
    before = folder_state(good_db.parent)

    result = run_cli("build", "--sources", sources, "--out", good_db)

    assert_one_line_error(result, *named)
    assert folder_state(good_db.parent) == before, "a failed build changed the folder of the database"


def test_the_same_errors_are_build_errors_in_process(tmp_path: Path) -> None:
    # The CLI maps BuildError to exit 2; the builder itself must raise it (not KeyError, UnicodeDecodeError...).
    for case, breakage, named in BROKEN_SOURCES:
        sources = write_sources(tmp_path / case.replace(" ", "-"))
        breakage(sources)
        with pytest.raises(BuildError) as caught:
            build(sources, tmp_path / f"{case}.db")
        assert all(part in str(caught.value) for part in named), (case, str(caught.value))
        assert "\n" not in str(caught.value)
        assert not (tmp_path / f"{case}.db").exists()


def test_missing_sources_folder(tmp_path: Path, good_db: Path) -> None:
    before = folder_state(good_db.parent)
    result = run_cli("build", "--sources", tmp_path / "nowhere", "--out", good_db)
    assert_one_line_error(result, str(tmp_path / "nowhere"), "not a directory")
    assert folder_state(good_db.parent) == before


def test_sources_folder_without_annotations(tmp_path: Path, good_db: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / f"{SLUG}.txt").write_text(ARTICLE, encoding="utf-8")
    before = folder_state(good_db.parent)
    result = run_cli("build", "--sources", empty, "--out", good_db)
    assert_one_line_error(result, str(empty), "no annotation files")
    assert folder_state(good_db.parent) == before


def test_output_folder_missing(tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "sources")
    out = tmp_path / "no-such-folder" / "events.db"
    result = run_cli("build", "--sources", sources, "--out", out)
    assert_one_line_error(result, str(out), "does not exist")
    assert not out.parent.exists()


def test_output_is_a_directory(tmp_path: Path) -> None:
    sources = write_sources(tmp_path / "sources")
    target = tmp_path / "target"
    target.mkdir()
    result = run_cli("build", "--sources", sources, "--out", target)
    assert_one_line_error(result, str(target), "is a directory", "--out")
    assert list(target.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("content", [b"my notes\n", b"\x00" * 4096], ids=["text file", "binary file"])
def test_output_that_is_not_a_database_is_never_replaced(tmp_path: Path, content: bytes) -> None:
    # `--out README.md` is a slip: building over someone's document would destroy it.
    sources = write_sources(tmp_path / "sources")
    document = tmp_path / "notes.txt"
    document.write_bytes(content)
    result = run_cli("build", "--sources", sources, "--out", document)
    assert_one_line_error(result, str(document), "not a SQLite database", "refusing")
    assert document.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "sources"]


def test_a_good_build_replaces_the_database_and_leaves_no_temporary_file(tmp_path: Path, good_db: Path) -> None:
    # The control for the cases above: the same command does replace the file when the sources are good.
    sources = write_sources(tmp_path / "more", annotations=annotations_edit_text('"We protect our neighbours,"'))
    before = sha256(good_db)
    result = run_cli("build", "--sources", sources, "--out", good_db)
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert sha256(good_db) != before
    assert sorted(p.name for p in good_db.parent.iterdir()) == ["events.db"]


def annotations_edit_text(quote: str) -> str:
    """The annotations with a second quote, so a rebuild gives different bytes."""
    assert quote in ANNOTATIONS
    return ANNOTATIONS + '\n[[quotes]]\nid = "doe-said"\nspeaker = "jane-doe"\ntext = "Doe said in Springfield"\n'


def test_an_error_inside_the_write_keeps_the_old_database_and_removes_the_temporary_file(good_db: Path) -> None:
    before = folder_state(good_db.parent)
    with pytest.raises(RuntimeError, match="disk on fire"):
        with atomic_database(good_db) as db:
            db["cities"].insert({"id": 99, "slug": "x", "name": "Half-written"})
            raise RuntimeError("disk on fire")
    assert folder_state(good_db.parent) == before


# --- a killed build --------------------------------------------------------------------------------------------


def write_slow_sources(folder: Path, articles: int = 30, quotes_each: int = 500) -> Path:
    """Many quotes across several articles: the write phase takes seconds, long enough to be killed part-way."""
    folder.mkdir()
    for a in range(articles):
        lines = [f"Mayor Number{a:03d} spoke."] + [f"Statement {a:03d}-{q:05d} ends here." for q in range(quotes_each)]
        (folder / f"slow-{a:03d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        entries = [
            f'[[officials]]\nid = "mayor-{a}"\nname = "Mayor Number{a:03d}"\nmention = "Mayor Number{a:03d}"\n'
        ] + [
            f'[[quotes]]\nid = "q{a}-{q}"\nspeaker = "mayor-{a}"\ntext = "Statement {a:03d}-{q:05d} ends here."\n'
            for q in range(quotes_each)
        ]
        (folder / f"slow-{a:03d}.toml").write_text("\n".join(entries), encoding="utf-8")
    return folder


def temporaries(folder: Path) -> list[Path]:
    return sorted(folder.glob(".events.db.*.tmp"))


def test_a_killed_build_leaves_the_database_intact_and_the_next_build_removes_its_temporary_file(
    tmp_path: Path, good_db: Path
) -> None:
    """Decision: a killed process cannot clean up, so its `.events.db.*.tmp` stays until the next build of
    the same file removes it (a running build locks its temporary file, so only abandoned ones are removed)."""
    sources = write_slow_sources(tmp_path / "slow")
    before = sha256(good_db)
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    build_process = subprocess.Popen(
        [sys.executable, "-m", "tui", "build", "--sources", str(sources), "--out", str(good_db)],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        # Wait until the build has begun writing its temporary database (no time limit: a slow machine is fine).
        while not any(p.stat().st_size > 0 for p in temporaries(good_db.parent) if p.exists()):
            assert build_process.poll() is None, "the build ended before it could be killed part-way"
            time.sleep(0.005)
        os.kill(build_process.pid, signal.SIGKILL)
    finally:
        build_process.wait()
        build_process.stderr.close()
    assert build_process.returncode == -signal.SIGKILL, "the build finished before the kill: enlarge its input"

    assert sha256(good_db) == before, "a killed build changed the existing database"
    leftovers = temporaries(good_db.parent)
    assert len(leftovers) == 1, "a SIGKILLed process cannot clean up; its temporary file should be there"
    assert open_store(good_db).city_count() == 1  # the old database is still a working database

    small = write_sources(tmp_path / "small")
    result = run_cli("build", "--sources", small, "--out", good_db)
    assert result.code == 0, result.stderr
    assert temporaries(good_db.parent) == [], "the next build should remove the abandoned temporary file"
    assert sorted(p.name for p in good_db.parent.iterdir()) == ["events.db"]


def test_a_build_never_removes_the_temporary_file_of_a_build_still_running(tmp_path: Path, good_db: Path) -> None:
    fcntl = pytest.importorskip("fcntl")
    live = good_db.parent / ".events.db.live1234.tmp"
    live.write_bytes(b"a build in progress")
    abandoned = good_db.parent / ".events.db.dead5678.tmp"
    abandoned.write_bytes(b"a killed build")
    sources = write_sources(tmp_path / "sources")
    with live.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # what a running build holds on its temporary file
        result = run_cli("build", "--sources", sources, "--out", good_db)
    assert result.code == 0, result.stderr
    assert live.exists(), "a concurrent build's temporary file was deleted under it"
    assert not abandoned.exists(), "an abandoned temporary file was not cleaned up"


def test_the_built_database_is_complete_sqlite(good_db: Path) -> None:
    # The rename happens only after the final commit: the file at `out` passes SQLite's own integrity check.
    conn = sqlite3.connect(f"file:{good_db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal"  # readers need no -wal/-shm files
    finally:
        conn.close()


# --- where a build writes (issue 10 item 7) ----------------------------------------------------------------------


def test_a_plain_build_writes_the_bundled_database_never_events_db(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """$EVENTS_DB is where the user reads from; `events-tui build` rebuilds the bundled database beside the bundled
    sources, as the README says. (In process, with the bundled paths pointed into tmp_path, so that the test never
    writes the checkout's data/events.db.)"""
    from tui import cli

    bundled = tmp_path / "package" / "events.db"
    bundled.parent.mkdir()
    monkeypatch.setattr(cli, "bundled_db", lambda: bundled)
    monkeypatch.setattr(cli, "bundled_sources", lambda: write_sources(tmp_path / "package" / "sources"))
    reading = tmp_path / "mine" / "reading.db"
    reading.parent.mkdir()
    reading.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)  # must stay exactly as it is
    before = folder_state(reading.parent)
    monkeypatch.setenv("EVENTS_DB", str(reading))

    assert cli.main(["build"]) == 0
    assert f"built {bundled}" in capsys.readouterr().err
    assert folder_state(reading.parent) == before, "build wrote over $EVENTS_DB"
    assert open_store(bundled).city_count() == 1


def test_build_refuses_db_instead_of_writing_over_it(tmp_path: Path, good_db: Path) -> None:
    before = folder_state(good_db.parent)
    sources = write_sources(tmp_path / "sources")
    result = run_cli("--db", good_db, "build", "--sources", sources)
    assert_one_line_error(result, "--out", "--db")
    assert folder_state(good_db.parent) == before


def test_build_refuses_a_symlink_as_its_target(tmp_path: Path, good_db: Path) -> None:
    link = good_db.parent / "link.db"
    link.symlink_to(good_db)
    before = folder_state(good_db.parent)
    result = run_cli("build", "--sources", write_sources(tmp_path / "sources"), "--out", link)
    assert_one_line_error(result, str(link), "symbolic link")
    assert folder_state(good_db.parent) == before and link.is_symlink()


# --- stale journals (issue 10 item 8) ----------------------------------------------------------------------------


def test_a_rebuild_removes_the_old_databases_hot_journal(tmp_path: Path, good_db: Path) -> None:
    """The old file's journal, left beside the new one, would be rolled into it by the next writer: corruption."""
    from tests.test_faults_db import hot_journal

    interrupted = hot_journal(good_db, tmp_path / "out")  # a writer killed mid-transaction, journal left behind
    sources = write_sources(tmp_path / "more", annotations=annotations_edit_text("We protect"))
    result = run_cli("build", "--sources", sources, "--out", interrupted)
    assert result.code == 0, result.stderr
    assert not Path(f"{interrupted}-journal").exists(), "the old database's journal was left beside the new one"

    conn = sqlite3.connect(interrupted)  # read-write, as any SQLite tool would open it: it would roll back a journal
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        texts = sorted(row[0] for row in conn.execute("SELECT text FROM quotes"))
    finally:
        conn.close()
    assert texts == ["Doe said in Springfield", "We protect our neighbours,"]


def test_a_rebuild_removes_stale_wal_and_shm_files(tmp_path: Path, good_db: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{good_db}{suffix}").write_bytes(b"\x00" * 64)
    result = run_cli("build", "--sources", write_sources(tmp_path / "sources"), "--out", good_db)
    assert result.code == 0, result.stderr
    assert sorted(p.name for p in good_db.parent.iterdir()) == ["events.db"]


def test_the_hot_journal_advice_is_safe_to_follow(tmp_path: Path, good_db: Path) -> None:
    """The message must not send the user to a tool that rolls the journal into a file it no longer belongs to,
    nor name a tool they may not have; following it (a rebuild) must leave a sound database."""
    from tests.test_faults_db import hot_journal

    interrupted = hot_journal(good_db, tmp_path / "out")
    line = assert_one_line_error(run_cli("--db", interrupted, "city", "springfield"), "unfinished write")
    assert "sqlite3" not in line and "PRAGMA" not in line
    assert "events-tui build" in line
    followed = run_cli("build", "--sources", write_sources(tmp_path / "sources"), "--out", interrupted)
    assert followed.code == 0, followed.stderr
    assert run_cli("--db", interrupted, "city", "springfield").code == 0


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_a_build_stopped_by_a_signal_removes_its_temporary_file(
    tmp_path: Path, good_db: Path, signum: signal.Signals
) -> None:
    sources = write_slow_sources(tmp_path / "slow")
    before = sha256(good_db)
    build_process = subprocess.Popen(
        [sys.executable, "-m", "tui", "build", "--sources", str(sources), "--out", str(good_db)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    while not any(p.stat().st_size > 0 for p in temporaries(good_db.parent) if p.exists()):
        assert build_process.poll() is None, "the build ended before it could be stopped part-way"
        time.sleep(0.005)
    os.kill(build_process.pid, signum)
    _, err = build_process.communicate(timeout=120)
    assert build_process.returncode == 128 + signum, err
    assert_one_line_error_text(err.decode("utf-8", "replace"), signum.name)
    assert sha256(good_db) == before
    assert sorted(p.name for p in good_db.parent.iterdir()) == ["events.db"], "a stopped build left files behind"


def assert_one_line_error_text(stderr: str, *must_contain: str) -> None:
    assert "Traceback" not in stderr, stderr
    assert len(stderr.splitlines()) == 1, stderr
    assert all(part in stderr for part in must_contain), stderr
