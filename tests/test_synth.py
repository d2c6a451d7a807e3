"""The synthetic database generator: deterministic, valid offsets and keys, readable by the store, searchable."""

from __future__ import annotations

import argparse
import sqlite3
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from tests.conftest import dump
from tui.cli import main
from tui.ingest.synth import synthesize
from tui.search import fold, search, search_keys
from tui.store import open_store

SMALL = {"cities": 200, "officials": 500, "quotes": 3000, "sources": 20}


def synth_args(out: Path, seed: int = 7, **overrides: int) -> argparse.Namespace:
    return argparse.Namespace(**{**SMALL, **overrides}, seed=seed, out=out)


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "synth.db"
    synthesize(synth_args(out))
    return out


def test_same_seed_gives_the_same_database(synth_db: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    synthesize(synth_args(again))
    assert dump(again) == dump(synth_db)


def test_another_seed_gives_another_database(synth_db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    synthesize(synth_args(other, seed=8))
    assert dump(other) != dump(synth_db)


def test_row_counts_follow_the_arguments(synth_db: Path) -> None:
    conn = sqlite3.connect(synth_db)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in SMALL}
    assert counts == SMALL
    # One police department per city, plus the federal agencies; every city has a police stance.
    assert conn.execute("SELECT count(*) FROM organizations WHERE kind = 'police'").fetchone()[0] == 200
    assert conn.execute("SELECT count(DISTINCT city_id) FROM stances WHERE kind = 'police'").fetchone()[0] == 200


def test_every_excerpt_is_the_source_text_at_its_offsets(synth_db: Path) -> None:
    conn = sqlite3.connect(synth_db)
    texts = dict(conn.execute("SELECT id, text FROM sources"))
    checks = {
        "quotes": "SELECT source_id, start, end, text FROM quotes",
        "stances": "SELECT source_id, start, end, evidence FROM stances",
        "claims": "SELECT source_id, start, end, evidence FROM claims",
        "cities": "SELECT source_id, start, end, name FROM cities",
        "city states": "SELECT source_id, state_start, state_end, state FROM cities",
        "officials": "SELECT source_id, start, end, name FROM officials",
        "organizations": "SELECT source_id, start, end, name FROM organizations",
        "quote dates": "SELECT source_id, date_start, date_end, NULL FROM quotes WHERE date IS NOT NULL",
    }
    for what, sql in checks.items():
        rows = conn.execute(sql).fetchall()
        assert rows, what
        for source_id, start, end, expected in rows:
            assert source_id in texts, (what, source_id)
            excerpt = texts[source_id][start:end]
            if expected is None:  # a date phrase: "on Friday", "last week"
                assert excerpt.startswith(("on ", "last week")), (what, excerpt)
            else:
                assert excerpt == expected, (what, start, end)


def test_foreign_keys_and_integrity_hold(synth_db: Path) -> None:
    conn = sqlite3.connect(synth_db)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    speakerless = "SELECT count(*) FROM quotes WHERE official_id IS NULL AND organization_id IS NULL"
    assert conn.execute(speakerless).fetchone()[0] == 0


def test_names_rows_are_the_builders_search_keys(synth_db: Path) -> None:
    conn = sqlite3.connect(synth_db)
    sql = (
        "SELECT o.name, o.handle, n.key, n.weight FROM officials o "
        "JOIN names n ON n.entity_id = o.id AND n.kind = 'official' WHERE o.id <= 50"
    )
    got: dict[str, set[tuple[str, int]]] = {}
    handles: dict[str, str | None] = {}
    for name, handle, key, weight in conn.execute(sql):
        got.setdefault(name, set()).add((key, weight))
        handles[name] = handle
    assert len(got) > 10
    for name, keys in got.items():
        # The alias without a middle initial is a key too, so the builder's keys are a subset of what is stored.
        expected = set(search_keys(name, [handles[name]] if handles[name] else [], "official"))
        assert expected <= keys, name


def test_text_is_skewed_like_real_text(synth_db: Path) -> None:
    conn = sqlite3.connect(synth_db)
    words = Counter(w for (text,) in conn.execute("SELECT text FROM quotes") for w in fold(text).split())
    total = sum(words.values())
    top_ten = sum(n for _, n in words.most_common(10))
    assert top_ten / total > 0.15  # Zipf: a handful of words make up a large share of running text
    assert len(words) > 2000  # and a long tail of rarer ones
    assert words["immigration"] > 10 and words["police"] > 10


def test_names_have_accents_and_shared_surnames(synth_db: Path) -> None:
    conn = sqlite3.connect(synth_db)
    names = [row[0] for row in conn.execute("SELECT name FROM officials")]
    assert any(not name.isascii() for name in names)
    surnames = Counter(name.split()[-1] for name in names)
    assert surnames.most_common(1)[0][1] >= 10
    cities = Counter(row[0] for row in conn.execute("SELECT name FROM cities"))
    assert cities.most_common(1)[0][1] >= 2  # one town name in several states


def test_store_opens_it_and_search_finds_an_accented_name_unaccented(synth_db: Path) -> None:
    store = open_store(synth_db)
    try:
        assert store.city_count() == 200
        assert store.official_count() == 500
        assert store.quote_count() == 3000
        accented = next(
            o
            for o in store.officials_page(None, 0, 500)
            if any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", o.name))
        )
        plain = unicodedata.normalize("NFKD", accented.name).encode("ascii", "ignore").decode()
        assert plain != accented.name
        hits = search(store, plain, limit=50)
        assert any(h.kind == "official" and h.name == accented.name for h in hits), plain
        view = store.city_view(1)
        assert view is not None and view.mayor is not None and view.police
    finally:
        store.close()


@pytest.mark.parametrize(
    "argv, message",
    [
        (["--quotes", "-1"], "--quotes must be 0 or more"),
        (["--sources", "0"], "--sources must be at least 1"),
    ],
)
def test_bad_counts_are_one_line_and_exit_2(tmp_path: Path, capsys, argv: list[str], message: str) -> None:
    out = tmp_path / "x.db"
    assert main(["synth", "--cities", "3", "--officials", "3", "--out", str(out), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not out.exists()


def test_out_in_a_missing_folder_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    out = tmp_path / "missing" / "x.db"
    assert main(["synth", "--cities", "3", "--officials", "3", "--quotes", "5", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "does not exist" in err and err.count("\n") == 1


def test_lists_sort_accented_names_beside_plain_ones(synth_db: Path) -> None:
    """'Ángel…' belongs among the A's, not after 'Z' as a byte-order sort would put it."""
    store = open_store(synth_db)
    try:
        names = [c.name for c in store.cities_page(0, store.city_count())]
        officials = [o.name for o in store.officials_page(None, 0, store.official_count())]
    finally:
        store.close()
    assert any(fold(n) != n.casefold() for n in names), "the fixture should hold accented city names"
    for listed in (names, officials):
        keys = [fold(n) for n in listed]
        assert keys == sorted(keys)
