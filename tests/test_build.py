"""The bundled database: reproducible from its sources, every excerpt at its offsets, nothing missing."""

from __future__ import annotations

import re
import shutil
import sqlite3
import tomllib
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from tests.conftest import BUNDLED_DB, SOURCES, build_from, dump
from tui.ingest import schema
from tui.ingest.annotations import BuildError, locate
from tui.search import fold
from tui.store import SCHEMA_VERSION

ARTICLE = "2019-06-22-ice-raids"
SLUGS = sorted(path.stem for path in SOURCES.glob("*.toml"))
# Spans between quote marks that are not quotations, decided by hand in each annotation file's comments.
NOT_QUOTATIONS = {"2019-07-03-baltimore-wbal-wont-cooperate-ice": {"Jack"}}


def annotations(slug: str = ARTICLE) -> dict:
    return tomllib.loads((SOURCES / f"{slug}.toml").read_text(encoding="utf-8"))


def article_text(slug: str = ARTICLE) -> str:
    return (SOURCES / f"{slug}.txt").read_text(encoding="utf-8")


def source_ids(db: sqlite_utils.Database) -> dict[str, int]:
    return {row["slug"]: row["id"] for row in db["sources"].rows}


def fact_row(db: sqlite_utils.Database, table: str, source_id: int, slug: str, local_id: str) -> dict:
    """A stance, quote or claim row by its file-local id (prefixed with its article's slug if another used it)."""
    rows = [
        r for r in db[table].rows_where("source_id = ? AND slug IN (?, ?)", [source_id, local_id, f"{slug}/{local_id}"])
    ]
    assert len(rows) == 1, (table, slug, local_id)
    return rows[0]


def test_committed_database_equals_a_fresh_build(events_db: Path) -> None:
    assert dump(BUNDLED_DB) == dump(events_db), "data/events.db is stale: run `python -m tui build`"


def test_build_is_deterministic(events_db: Path, tmp_path: Path) -> None:
    again = build_from(SOURCES, tmp_path / "again.db")
    assert dump(again) == dump(events_db)


def test_source_text_is_the_article_verbatim(events_db: Path) -> None:
    db = sqlite_utils.Database(events_db)
    rows = {row["slug"]: row for row in db["sources"].rows}
    assert sorted(rows) == SLUGS and len(SLUGS) >= 4
    for slug in SLUGS:
        meta = annotations(slug)["source"]
        assert rows[slug]["text"] == article_text(slug), slug
        for key in ("published", "title", "outlet", "url"):
            assert rows[slug][key] == meta.get(key), (slug, key)
    # The first article states neither title nor outlet; they must stay absent rather than be filled from memory.
    assert rows[ARTICLE]["title"] is None and rows[ARTICLE]["outlet"] is None


@pytest.mark.parametrize(
    ("table", "column"),
    [("quotes", "text"), ("stances", "evidence"), ("claims", "evidence"), ("mentions", "mention")],
)
def test_every_excerpt_is_at_its_offsets(events_db: Path, table: str, column: str) -> None:
    db = sqlite_utils.Database(events_db)
    texts = {row["id"]: row["text"] for row in db["sources"].rows}
    rows = list(db[table].rows)
    assert rows, f"{table} is empty"
    for row in rows:
        assert texts[row["source_id"]][row["start"] : row["end"]] == row[column], row
    if table != "claims":  # the Baltimore report gives no figures
        assert {row["source_id"] for row in rows} == set(texts), f"{table}: some source has no rows"


def test_entity_rows_cite_one_of_their_mentions(events_db: Path) -> None:
    """Each entity row's own excerpt is one of its mentions; a city's state evidence is in the source that states it."""
    db = sqlite_utils.Database(events_db)
    texts = {row["id"]: row["text"] for row in db["sources"].rows}
    for table, kind in (
        ("cities", "city"),
        ("officials", "official"),
        ("organizations", "organization"),
        ("policies", "policy"),
    ):
        for row in db[table].rows:
            mentions = {
                (m["source_id"], m["start"], m["end"])
                for m in db["mentions"].rows_where("kind = ? AND entity_id = ?", [kind, row["id"]])
            }
            assert (row["source_id"], row["start"], row["end"]) in mentions, (table, row["slug"])
    state_evidence = {
        (slug, city["state_evidence"])
        for slug in SLUGS
        for city in annotations(slug)["cities"]
        if "state_evidence" in city
    }
    slugs = {v: k for k, v in source_ids(db).items()}
    for city in db["cities"].rows:
        if city["state"] is None:
            assert city["state_source_id"] is None and city["state_start"] is None, city["slug"]
            continue
        quoted = texts[city["state_source_id"]][city["state_start"] : city["state_end"]]
        assert (slugs[city["state_source_id"]], quoted) in state_evidence, city["slug"]


@pytest.mark.parametrize("slug", SLUGS)
def test_mentions_and_supporting_excerpts_are_at_their_offsets(events_db: Path, slug: str) -> None:
    db = sqlite_utils.Database(events_db)
    text = article_text(slug)
    source_id = source_ids(db)[slug]
    notes = annotations(slug)
    for section, kind in (
        ("cities", "city"),
        ("officials", "official"),
        ("organizations", "organization"),
        ("policies", "policy"),
    ):
        for entry in notes.get(section, []):
            rows = list(
                db["mentions"].rows_where("source_id = ? AND kind = ? AND slug = ?", [source_id, kind, entry["id"]])
            )
            assert len(rows) == 1, (slug, section, entry["id"])
            assert text[rows[0]["start"] : rows[0]["end"]] == entry["mention"] == rows[0]["mention"]
    for table in ("stances", "quotes"):
        for entry in notes.get(table, []):
            row = fact_row(db, table, source_id, slug, entry["id"])
            if "date_evidence" in entry:
                assert text[row["date_start"] : row["date_end"]] == entry["date_evidence"], (slug, entry["id"])
            else:
                assert row["date_start"] is None, (slug, entry["id"])


def test_every_annotated_entity_is_in_the_database(events_db: Path) -> None:
    db = sqlite_utils.Database(events_db)
    ids = source_ids(db)
    for slug in SLUGS:
        notes = annotations(slug)
        for section in ("stances", "quotes", "claims"):
            for entry in notes.get(section, []):
                fact_row(db, section, ids[slug], slug, entry["id"])
        for entry in notes["officials"]:
            mention = db["mentions"].rows_where(
                "source_id = ? AND kind = 'official' AND slug = ?", [ids[slug], entry["id"]]
            )
            row = db["officials"].get(next(mention)["entity_id"])
            # A merged official shows the fullest name any source gives; every source's name stays a search key.
            assert fold(entry["name"]) in {
                r["key"] for r in db["names"].rows_where("kind = 'official' AND entity_id = ?", [row["id"]])
            }
            for field in ("title", "party", "jurisdiction", "state", "handle"):
                if entry.get(field) is not None:
                    assert row[field] == entry[field], (slug, entry["id"], field)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_quotation_in_the_article_is_recorded(events_db: Path, slug: str) -> None:
    """Completeness: each span between double quote marks (curly or straight) lies inside a stored quote."""
    db = sqlite_utils.Database(events_db)
    spans = [(row["start"], row["end"]) for row in db["quotes"].rows_where("source_id = ?", [source_ids(db)[slug]])]
    checked = 0
    for match in re.finditer(r"“([^”]*)”|\"([^\"]*)\"", article_text(slug)):
        group = 1 if match.group(1) is not None else 2
        start = match.start(group)
        inner = match.group(group).rstrip(",")
        if inner in NOT_QUOTATIONS.get(slug, set()):
            continue
        end = start + len(inner)
        assert any(s <= start and end <= e for s, e in spans), f"quotation not recorded: {inner!r}"
        checked += 1
    assert checked >= 1


def test_quotes_have_their_speaker_and_dates_are_consistent(events_db: Path) -> None:
    db = sqlite_utils.Database(events_db)
    published = {row["id"]: date.fromisoformat(row["published"]) for row in db["sources"].rows}
    for row in db["quotes"].rows:
        assert (row["official_id"] is None) != (row["organization_id"] is None), row["slug"]
        if row["date"] is not None:
            assert row["date_precision"] in ("day", "week"), row["slug"]
            assert date.fromisoformat(row["date"]) <= published[row["source_id"]], row["slug"]
        else:
            assert row["date_precision"] is None, row["slug"]


def test_relative_dates_resolve_against_the_article_date(events_db: Path) -> None:
    """'on Friday' in an article dated Saturday 2019-06-22 is 2019-06-21, and so on for each weekday named."""
    db = sqlite_utils.Database(events_db)
    sources = {row["id"]: row for row in db["sources"].rows}
    weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    checked = set()
    for table in ("quotes", "stances"):
        for row in db[table].rows:
            source = sources[row["source_id"]]
            published = date.fromisoformat(source["published"])
            evidence = source["text"][row["date_start"] : row["date_end"]] if row["date_start"] is not None else ""
            for index, day in enumerate(weekdays):
                if day in evidence:
                    days_back = (published.weekday() - index) % 7
                    assert date.fromordinal(published.toordinal() - days_back).isoformat() == row["date"], row["slug"]
                    checked.add((row["source_id"], table, row["id"]))
    assert len(checked) >= 12 and len({source for source, _, _ in checked}) >= 3


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


def test_the_quotes_index_has_prefix_indexes_and_follows_edits(events_db: Path, tmp_path: Path) -> None:
    # Written by hand (sqlite-utils has no option for FTS5 prefix indexes): it must stay what sqlite-utils makes,
    # triggers included, plus the 2- and 3-letter prefix indexes the dialog's typing leans on.
    copy = tmp_path / "edited.db"
    shutil.copy(events_db, copy)
    conn = sqlite3.connect(copy)
    try:
        sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'").fetchone()[0]
        assert f"prefix='{schema.QUOTE_PREFIXES}'" in sql and schema.QUOTE_PREFIXES == "2 3"

        def matches(expression: str) -> list[int]:
            return [r[0] for r in conn.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?", (expression,))]

        everyone = [r[0] for r in conn.execute("SELECT id FROM quotes WHERE text LIKE '%vigilant%'")]
        assert everyone and matches('"vi"*') and set(everyone) <= set(matches('"vig"*'))
        row = conn.execute("SELECT * FROM quotes WHERE id = ?", (everyone[0],)).fetchone()
        names = [d[1] for d in conn.execute("PRAGMA table_info(quotes)")]
        fresh = dict(zip(names, row, strict=True)) | {"id": 99_999, "slug": "q-new", "text": "Zyxwords overheard"}
        conn.execute(
            f"INSERT INTO quotes ({', '.join(fresh)}) VALUES ({', '.join('?' * len(fresh))})", tuple(fresh.values())
        )
        assert matches('"zy"*') == [99_999] and matches('"zyx"*') == [99_999]
        conn.execute("UPDATE quotes SET text = 'Qwvords overheard' WHERE id = 99999")
        assert matches('"zy"*') == [] and matches('"qw"*') == [99_999]
        conn.execute("DELETE FROM quotes WHERE id = 99999")
        assert matches('"qw"*') == [] and matches('"ov"*') == []
    finally:
        conn.close()
    db = sqlite_utils.Database(copy)
    assert db["quotes"].detect_fts() == "quotes_fts" and list(db["quotes"].search("vigilant"))
    # The trigger names sqlite-utils gives (its disable_fts finds them by what they do; people by name).
    assert {"quotes_ai", "quotes_ad", "quotes_au"} <= {t.name for t in db["quotes"].triggers}


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
