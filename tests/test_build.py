"""The bundled database: reproducible from its sources, every excerpt at its offsets, nothing missing."""

from __future__ import annotations

import re
import sqlite3
import tomllib
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from tests.conftest import BUNDLED_DB, SOURCES, build_from, dump
from tui.ingest import schema
from tui.ingest.annotations import BuildError, locate
from tui.store import SCHEMA_VERSION

ARTICLE = "2019-06-22-ice-raids"


def annotations() -> dict:
    return tomllib.loads((SOURCES / f"{ARTICLE}.toml").read_text(encoding="utf-8"))


def article_text() -> str:
    return (SOURCES / f"{ARTICLE}.txt").read_text(encoding="utf-8")


def test_committed_database_equals_a_fresh_build(events_db: Path) -> None:
    assert dump(BUNDLED_DB) == dump(events_db), "data/events.db is stale: run `python -m tui build`"


def test_build_is_deterministic(events_db: Path, tmp_path: Path) -> None:
    again = build_from(SOURCES, tmp_path / "again.db")
    assert dump(again) == dump(events_db)


def test_source_text_is_the_article_verbatim(events_db: Path) -> None:
    db = sqlite_utils.Database(events_db)
    row = db["sources"].get(1)
    assert row["slug"] == ARTICLE
    assert row["text"] == article_text()
    assert row["published"] == annotations()["source"]["published"]
    # The article states neither title nor outlet; they must stay absent rather than be filled from memory.
    assert row["title"] is None and row["outlet"] is None


@pytest.mark.parametrize(
    ("table", "column"),
    [("quotes", "text"), ("stances", "evidence"), ("claims", "evidence")],
)
def test_every_excerpt_is_at_its_offsets(events_db: Path, table: str, column: str) -> None:
    db = sqlite_utils.Database(events_db)
    texts = {row["id"]: row["text"] for row in db["sources"].rows}
    rows = list(db[table].rows)
    assert rows, f"{table} is empty"
    for row in rows:
        assert texts[row["source_id"]][row["start"] : row["end"]] == row[column], row["slug"]


@pytest.mark.parametrize(
    ("table", "section", "fields"),
    [
        ("cities", "cities", ("mention", "state_evidence")),
        ("officials", "officials", ("mention",)),
        ("organizations", "organizations", ("mention",)),
        ("stances", "stances", ("date_evidence",)),
        ("quotes", "quotes", ("date_evidence",)),
    ],
)
def test_mentions_and_supporting_excerpts_are_at_their_offsets(
    events_db: Path, table: str, section: str, fields: tuple[str, ...]
) -> None:
    db = sqlite_utils.Database(events_db)
    text = article_text()
    by_slug = {row["slug"]: row for row in db[table].rows}
    for entry in annotations()[section]:
        row = by_slug[entry["id"]]
        for field in fields:
            prefix = {"mention": "", "state_evidence": "state_", "date_evidence": "date_"}[field]
            if field in entry:
                assert text[row[f"{prefix}start"] : row[f"{prefix}end"]] == entry[field], (entry["id"], field)
            elif prefix:
                assert row[f"{prefix}start"] is None, (entry["id"], field)


def test_every_annotated_entity_is_in_the_database(events_db: Path) -> None:
    db = sqlite_utils.Database(events_db)
    notes = annotations()
    for section in ("cities", "officials", "organizations", "stances", "quotes", "claims"):
        slugs = {row["slug"] for row in db[section].rows}
        expected = {entry["id"] for entry in notes[section]}
        assert slugs == expected, section
    officials = {row["slug"]: row for row in db["officials"].rows}
    for entry in notes["officials"]:
        row = officials[entry["id"]]
        for field in ("name", "title", "party", "jurisdiction", "state", "handle"):
            assert row[field] == entry.get(field), (entry["id"], field)


def test_every_quotation_in_the_article_is_recorded(events_db: Path) -> None:
    """Completeness: each span between curly quotes lies inside some stored quote's excerpt."""
    db = sqlite_utils.Database(events_db)
    spans = [(row["start"], row["end"]) for row in db["quotes"].rows]
    for match in re.finditer(r"“([^”]*)”", article_text()):
        start, end = match.span(1)
        inner = match.group(1).rstrip(",")
        end = start + len(inner)
        assert any(s <= start and end <= e for s, e in spans), f"quotation not recorded: {inner!r}"


def test_quotes_have_their_speaker_and_dates_are_consistent(events_db: Path) -> None:
    db = sqlite_utils.Database(events_db)
    published = date.fromisoformat(db["sources"].get(1)["published"])
    for row in db["quotes"].rows:
        assert (row["official_id"] is None) != (row["organization_id"] is None), row["slug"]
        if row["date"] is not None:
            assert row["date_precision"] in ("day", "week"), row["slug"]
            assert date.fromisoformat(row["date"]) <= published, row["slug"]
        else:
            assert row["date_precision"] is None, row["slug"]


def test_relative_dates_resolve_against_the_article_date(events_db: Path) -> None:
    """'on Friday' in an article dated Saturday 2019-06-22 is 2019-06-21, and so on for each weekday named."""
    db = sqlite_utils.Database(events_db)
    published = date.fromisoformat(db["sources"].get(1)["published"])
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    checked = 0
    for row in db["quotes"].rows:
        evidence = article_text()[row["date_start"] : row["date_end"]] if row["date_start"] is not None else ""
        for index, day in enumerate(weekdays):
            if day in evidence:
                days_back = (published.weekday() - index) % 7
                assert date.fromordinal(published.toordinal() - days_back).isoformat() == row["date"], row["slug"]
                checked += 1
    assert checked >= 5


def test_database_integrity_and_foreign_keys(events_db: Path) -> None:
    conn = sqlite3.connect(events_db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == SCHEMA_VERSION
        declared = {row[2] for row in conn.execute("PRAGMA foreign_key_list(quotes)")}
        assert {"officials", "organizations", "cities", "sources"} <= declared
    finally:
        conn.close()


def test_full_text_search_is_detected_and_finds_a_quote_by_a_word(events_db: Path) -> None:
    db = sqlite_utils.Database(events_db)
    assert db["quotes"].detect_fts() == "quotes_fts"
    found = list(db["quotes"].search("vigilant"))
    assert [row["speaker"] for row in found] == ["London Breed"]
    assert db["names"].detect_fts() == "names_fts"


def test_every_lookup_the_browser_makes_uses_an_index(events_db: Path) -> None:
    conn = sqlite3.connect(events_db)
    try:
        for sql in (
            "SELECT * FROM quotes WHERE city_id = 1 ORDER BY date DESC",
            "SELECT * FROM quotes WHERE official_id = 1 ORDER BY date DESC",
            "SELECT * FROM officials WHERE city_id = 1 ORDER BY sort_key",
            "SELECT * FROM stances WHERE city_id = 1",
            "SELECT * FROM cities ORDER BY sort_key, id",
            "SELECT * FROM quotes ORDER BY date DESC, id DESC",
            "SELECT * FROM names WHERE key >= 'a' AND key < 'b'",
        ):
            plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, (sql, plan)
    finally:
        conn.close()


def test_locate_refuses_ambiguous_and_missing_excerpts() -> None:
    text = "a cat and a cat"
    assert locate(text, "cat", 2, "t") == (12, 15)
    with pytest.raises(BuildError, match="appears 2 times"):
        locate(text, "cat", None, "t")
    with pytest.raises(BuildError, match="not found verbatim"):
        locate(text, "dog", None, "t")
    assert locate(text, "cat", None, "t", first=True) == (2, 5)
