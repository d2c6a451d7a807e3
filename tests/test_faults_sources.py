"""A sources folder as an attacker would leave it (issue 10 item 17): links, pipes, devices, huge files, and file
names holding terminal escape sequences. Each is refused with one line, without hanging and without reading what
it points to; the existing database stays byte-identical.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import build_from
from tests.faults_support import assert_one_line_error, folder_state, run_cli
from tests.test_faults_build import SLUG, write_sources
from tui.ingest.annotations import MAX_FILE_BYTES

TXT = f"{SLUG}.txt"
TOML = f"{SLUG}.toml"


@pytest.fixture
def good_db(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return build_from(write_sources(tmp_path / "good"), out / "events.db")


def secret(folder: Path) -> Path:
    """A readable file outside the sources folder that must never end up in the database."""
    path = folder.parent / "secret.txt"
    path.write_text("the password is hunter2\n" + (folder / TXT).read_text(encoding="utf-8"))
    return path


def article_links_outside(folder: Path) -> None:
    target = secret(folder)
    (folder / TXT).unlink()
    (folder / TXT).symlink_to(target)


def article_links_inside(folder: Path) -> None:
    # Decided: even a link to a file in the same folder is refused; every fact comes from a plain file in the folder.
    (folder / TXT).rename(folder / "real.text")
    (folder / TXT).symlink_to(folder / "real.text")


def annotations_link(folder: Path) -> None:
    (folder / TOML).rename(folder.parent / "elsewhere.toml")
    (folder / TOML).symlink_to(folder.parent / "elsewhere.toml")


def article_links_to_dev_zero(folder: Path) -> None:
    (folder / TXT).unlink()
    (folder / TXT).symlink_to("/dev/zero")


def article_is_a_fifo(folder: Path) -> None:
    (folder / TXT).unlink()
    os.mkfifo(folder / TXT)  # opening it for reading would wait for a writer forever


def annotations_are_a_fifo(folder: Path) -> None:
    (folder / TOML).unlink()
    os.mkfifo(folder / TOML)


def article_is_a_device(folder: Path) -> None:
    (folder / TXT).unlink()
    try:
        os.mknod(folder / TXT, stat.S_IFCHR | 0o666, os.makedev(1, 5))  # /dev/zero's numbers
    except PermissionError:
        pytest.skip("creating a device node needs root")


def article_too_large(folder: Path) -> None:
    with (folder / TXT).open("ab") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk, reads as zero bytes


def annotations_too_large(folder: Path) -> None:
    with (folder / TOML).open("ab") as handle:
        handle.write(b"#" * (MAX_FILE_BYTES + 1))


# (case, how to break the folder, what the one line must say)
HOSTILE_FOLDERS: list[tuple[str, Callable[[Path], None], tuple[str, ...]]] = [
    ("article is a symlink outside the folder", article_links_outside, (TXT, "symbolic link")),
    ("article is a symlink inside the folder", article_links_inside, (TXT, "symbolic link")),
    ("annotations are a symlink", annotations_link, (TOML, "symbolic link")),
    ("article is a symlink to /dev/zero", article_links_to_dev_zero, (TXT, "symbolic link")),
    ("article is a named pipe", article_is_a_fifo, (TXT, "not a regular file")),
    ("annotations are a named pipe", annotations_are_a_fifo, (TOML, "not a regular file")),
    ("article is a device", article_is_a_device, (TXT, "not a regular file")),
    ("article over the size limit", article_too_large, (TXT, "5 MB")),
    ("annotations over the size limit", annotations_too_large, (TOML, "5 MB")),
]


def test_the_case_list_is_a_real_count() -> None:
    assert len(HOSTILE_FOLDERS) == 9


@pytest.mark.parametrize(("case", "breakage", "named"), HOSTILE_FOLDERS, ids=[c[0] for c in HOSTILE_FOLDERS])
def test_hostile_sources_folder_is_refused_without_reading_it(
    tmp_path: Path, good_db: Path, case: str, breakage: Callable[[Path], None], named: tuple[str, ...]
) -> None:
    sources = write_sources(tmp_path / "hostile")
    breakage(sources)
    before = folder_state(good_db.parent)
    result = run_cli("build", "--sources", sources, "--out", good_db, timeout=30)  # a FIFO read would hang: timeout
    assert_one_line_error(result, *named)
    assert folder_state(good_db.parent) == before
    assert b"hunter2" not in good_db.read_bytes()


HOSTILE_NAMES = [
    "\x1b]0;owned\x07\x1b[2J",  # set the window title, clear the screen
    "\x1b[31mred\x1b[0m",
    "bell\x07\x08\x08",
    "\u202eevil",  # right-to-left override: the name would read backwards
]


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=["title+clear", "colour", "bell+backspace", "bidi override"])
def test_build_errors_show_hostile_file_names_escaped(tmp_path: Path, name: str) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / f"{name}.toml").write_text("[[claims]\n", encoding="utf-8")  # broken: the error names the file
    (sources / f"{name}.txt").write_text("text\n", encoding="utf-8")
    result = run_cli("build", "--sources", sources, "--out", tmp_path / "x.db")
    line = assert_one_line_error(result, "not valid TOML")
    assert not any(ch in line for ch in "\x1b\x07\x08\u202e"), repr(line)
    assert "␛" in line or "␇" in line or "\ufffd" in line  # shown as symbols, so the user sees something odd


def test_a_sources_folder_reached_through_a_symlink_still_builds(tmp_path: Path) -> None:
    # The control: the folder itself may be a link (a user's layout); only its entries must be plain files.
    real = write_sources(tmp_path / "real")
    (tmp_path / "linked").symlink_to(real)
    result = run_cli("build", "--sources", tmp_path / "linked", "--out", tmp_path / "x.db")
    assert result.code == 0, result.stderr
    assert (tmp_path / "x.db").stat().st_size > 0
