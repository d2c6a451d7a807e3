"""Shared fixtures: databases built by the real builder into tmp_path, never the committed file by hand."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from tui.ingest.builder import build
from tui.store import Store, open_store

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "data" / "sources"
BUNDLED_DB = ROOT / "data" / "events.db"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def dump(path: Path) -> list[str]:
    """A database's whole content as SQL statements, to compare two builds."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def build_from(sources: Path, out: Path) -> Path:
    """Build `out` from an annotated sources folder with the real builder."""
    build(sources, out)
    return out


@pytest.fixture(scope="session")
def events_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh build of the bundled sources (the same content as data/events.db, a test proves it)."""
    return build_from(SOURCES, tmp_path_factory.mktemp("events") / "events.db")


@pytest.fixture
def store(events_db: Path) -> Store:
    opened = open_store(events_db)
    yield opened
    opened.close()


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled sources, for tests that break them on purpose."""
    target = tmp_path / "sources"
    shutil.copytree(SOURCES, target)
    return target


HOSTILE_SOURCES = FIXTURES / "hostile"


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The deliberately hostile article (Rich markup, ANSI escapes, control characters, a 500-letter word, a
    2,000-character quote, CJK, emoji, right-to-left text) built by the real builder."""
    return build_from(HOSTILE_SOURCES, tmp_path_factory.mktemp("hostile") / "events.db")
