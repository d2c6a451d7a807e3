"""Several sources: one entity across articles when the names and facts agree, two (and a flag) when they do not;
stances shown with every source that states them; laws and policies as stance holders."""

from __future__ import annotations

import json
import sqlite3
import textwrap
from pathlib import Path

import pytest
import sqlite_utils

from tests.conftest import build_from
from tui import present
from tui.cli import main
from tui.errors import StoreError
from tui.ingest.builder import build
from tui.models import group_stances
from tui.search import resolve_name
from tui.store import Store, open_store

Capsys = pytest.CaptureFixture[str]


def write_article(folder: Path, slug: str, text: str, toml: str) -> None:
    (folder / f"{slug}.txt").write_text(text, encoding="utf-8")
    (folder / f"{slug}.toml").write_text(textwrap.dedent(toml), encoding="utf-8")


def excerpts_hold(db_path: Path) -> int:
    """Assert text[start:end] for every row that cites an excerpt, new tables included; return how many rows."""
    db = sqlite_utils.Database(db_path)
    texts = {row["id"]: row["text"] for row in db["sources"].rows}
    checked = 0
    for table, column in (("mentions", "mention"), ("uncertain_matches", "mention"), ("quotes", "text")):
        for row in db[table].rows:
            assert texts[row["source_id"]][row["start"] : row["end"]] == row[column], (table, row)
            checked += 1
    for row in db["stances"].rows:
        assert texts[row["source_id"]][row["start"] : row["end"]] == row["evidence"]
        checked += 1
    return checked


# --- made-up articles ----------------------------------------------------------------------------

SPRINGFIELD = """
[source]
published = "{date}"
published_evidence = "date {date}"

[[cities]]
id = "springfield"
name = "Springfield"
state = "{state}"
mention = "Springfield"
state_evidence = "Springfield, {state}"

[[officials]]
id = "ann-lee"
name = "Ann Lee"
title = "Mayor"
jurisdiction = "city"
city = "springfield"
mention = "Mayor Ann Lee"

[[organizations]]
id = "spd"
name = "Springfield Police Department"
kind = "police"
city = "springfield"
mention = "The Springfield Police Department"

[[quotes]]
id = "lee-words"
speaker = "ann-lee"
city = "springfield"
text = "{words}"
"""


def springfield(folder: Path, slug: str, date: str, state: str, words: str) -> None:
    text = (
        f"date {date} Springfield, {state} — Mayor Ann Lee said “{words}” on the matter. "
        "The Springfield Police Department declined to comment."
    )
    write_article(folder, slug, text, SPRINGFIELD.format(date=date, state=state, words=words))


def test_names_that_match_but_states_conflict_stay_two_entities_and_are_flagged(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    springfield(sources, "a-illinois", "2020-01-06", "Illinois", "we will not help")
    springfield(sources, "b-ohio", "2020-01-07", "Ohio", "we will help")
    lines: list[str] = []
    counts = build(sources, tmp_path / "events.db", report=lines.append)
    db = sqlite_utils.Database(tmp_path / "events.db")
    assert [(r["name"], r["state"]) for r in db["cities"].rows] == [
        ("Springfield", "Illinois"),
        ("Springfield", "Ohio"),
    ]
    assert db["officials"].count == 2 and db["organizations"].count == 2
    flagged = {(r["kind"], r["entity_id"], r["other_id"]): r["reason"] for r in db["uncertain_matches"].rows}
    assert set(flagged) == {("city", 2, 1), ("official", 2, 1), ("organization", 2, 1)}
    assert "state" in flagged[("city", 2, 1)] and "Illinois" in flagged[("city", 2, 1)]
    # The official and the department are told apart by their cities, which are two cities now.
    assert "city" in flagged[("official", 2, 1)] and "city" in flagged[("organization", 2, 1)]
    assert counts["uncertain_matches"] == len(lines) == 3
    assert all(line.startswith("events-tui: uncertain match kept apart: ") and "\n" not in line for line in lines)
    # Each Ann Lee keeps only her own words.
    quotes = {r["official_id"]: r["text"] for r in db["quotes"].rows}
    assert quotes == {1: "we will not help", 2: "we will help"}
    assert excerpts_hold(tmp_path / "events.db") >= 9


def test_a_name_two_earlier_entities_share_is_not_guessed(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    springfield(sources, "a-illinois", "2020-01-06", "Illinois", "we will not help")
    springfield(sources, "b-ohio", "2020-01-07", "Ohio", "we will help")
    text = "date 2020-01-08 Officials in Springfield met on Tuesday."
    toml = """
    [source]
    published = "2020-01-08"

    [[cities]]
    id = "springfield"
    name = "Springfield"
    mention = "Springfield"
    """
    write_article(sources, "c-no-state", text, toml)
    lines: list[str] = []
    build(sources, tmp_path / "events.db", report=lines.append)
    db = sqlite_utils.Database(tmp_path / "events.db")
    assert db["cities"].count == 3
    ambiguous = [r for r in db["uncertain_matches"].rows if r["entity_id"] == 3 and r["kind"] == "city"]
    assert sorted(r["other_id"] for r in ambiguous) == [1, 2]
    assert all("nothing to choose" in r["reason"] for r in ambiguous)
    assert sum("c-no-state" in line for line in lines) == 2
    excerpts_hold(tmp_path / "events.db")


RIVERTON = """
[source]
published = "{date}"

[[cities]]
id = "riverton"
name = "Riverton"
{state}
mention = "Riverton"

[[organizations]]
id = "police"
name = "{police}"
{abbreviation}
kind = "police"
{city}
mention = "{police}"

[[stances]]
id = "police-stance"
holder = "police"
kind = "police"
city = "riverton"
toward = "ICE"
position = "{position}"
evidence = "{evidence}"
"""


def riverton(folder: Path, slug: str, date: str, police: str, position: str, evidence: str, **extra: str) -> None:
    text = f"Riverton, Utah. {evidence} Reported by {police}."
    fields = {"state": "", "abbreviation": "", "city": 'city = "riverton"', **extra}
    write_article(
        folder, slug, text, RIVERTON.format(date=date, police=police, position=position, evidence=evidence, **fields)
    )


def test_same_names_merge_and_the_stance_of_each_source_keeps_its_date(tmp_path: Path, capsys: Capsys) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    riverton(sources, "a", "2020-01-06", "Riverton Police Department", "refuses", "The police will not help ICE.")
    riverton(
        sources,
        "b",
        "2020-03-02",
        "RPD",
        "cooperates",
        "The police now work with ICE.",
        state='state = "Utah"\nstate_evidence = "Riverton, Utah"',
        abbreviation='abbreviation = "RPD"',
    )
    lines: list[str] = []
    build(sources, tmp_path / "events.db", report=lines.append)
    assert lines == []
    db = sqlite_utils.Database(tmp_path / "events.db")
    # One city (its state from the second source, cited there), one department under its fuller name.
    (city,) = db["cities"].rows
    assert city["state"] == "Utah" and city["source_id"] == 1 and city["state_source_id"] == 2
    (police,) = db["organizations"].rows
    assert police["name"] == "Riverton Police Department" and police["abbreviation"] == "RPD"
    assert [(m["source_id"], m["name"]) for m in db["mentions"].rows_where("kind = 'organization'")] == [
        (1, "Riverton Police Department"),
        (2, "RPD"),
    ]
    excerpts_hold(tmp_path / "events.db")

    # The sources differ (or the stance changed): two entries, each with its date, both marked disputed.
    assert main(["--db", str(tmp_path / "events.db"), "city", "riverton", "--json"]) == 0
    police_json = json.loads(capsys.readouterr().out)["police"]
    assert [(p["stance"], p["disputed"], [s["published"] for s in p["sources"]]) for p in police_json] == [
        ("refuses", True, ["2020-01-06"]),
        ("cooperates", True, ["2020-03-02"]),
    ]
    assert main(["--db", str(tmp_path / "events.db"), "city", "riverton"]) == 0
    out = capsys.readouterr().out
    assert present.SOURCES_DIFFER.split(",")[0] in out and "refuses" in out and "cooperates" in out
    # The Cities list badge does not pick one of them.
    store = open_store(tmp_path / "events.db")
    try:
        assert store.city(1).police_position == "differs"
    finally:
        store.close()


def test_initials_without_a_city_to_confirm_them_are_flagged(tmp_path: Path) -> None:
    sources = tmp_path / "sources"
    sources.mkdir()
    riverton(sources, "a", "2020-01-06", "Riverton Police Department", "refuses", "The police will not help ICE.")
    riverton(sources, "b", "2020-01-07", "RPD", "refuses", "RPD will not help ICE.", city="")
    lines: list[str] = []
    build(sources, tmp_path / "events.db", report=lines.append)
    db = sqlite_utils.Database(tmp_path / "events.db")
    assert db["organizations"].count == 2
    (flag,) = db["uncertain_matches"].rows
    assert flag["kind"] == "organization" and "initials" in flag["reason"] and flag["mention"] == "RPD"
    assert len(lines) == 1 and "'RPD'" in lines[0]


# --- the bundled sources -------------------------------------------------------------------------


def entity_sources(db: sqlite_utils.Database, kind: str, entity_id: int) -> set[int]:
    return {m["source_id"] for m in db["mentions"].rows_where("kind = ? AND entity_id = ?", [kind, entity_id])}


def test_bundled_entities_named_by_several_reports_are_one_row_each(events_db: Path, store: Store) -> None:
    db = sqlite_utils.Database(events_db)
    assert db["uncertain_matches"].count == 0
    assert db["sources"].count == 4
    garcetti = [r for r in db["officials"].rows if r["name"] == "Eric Garcetti"]
    lapd = [r for r in db["organizations"].rows if r["name"] == "Los Angeles Police Department"]
    houston = [r for r in db["cities"].rows if r["name"] == "Houston"]
    assert len(garcetti) == len(lapd) == len(houston) == 1
    # Garcetti's words from both reports; LAPD's refusal stated by both; Houston named by both, its state by ABC13.
    assert len({q["source_id"] for q in db["quotes"].rows_where("official_id = ?", [garcetti[0]["id"]])}) == 2
    assert len({s["source_id"] for s in db["stances"].rows_where("organization_id = ?", [lapd[0]["id"]])}) == 2
    assert len(entity_sources(db, "city", houston[0]["id"])) == 2 and houston[0]["state"] == "Texas"
    for kind, name in (("official", "garcety"), ("organization", "lapd"), ("city", "houston")):
        assert len(entity_sources(db, kind, resolve_name(store, kind, name).id)) >= 2, name


def test_los_angeles_refusal_is_stated_by_two_reports(capsys: Capsys, events_db: Path) -> None:
    assert main(["--db", str(events_db), "city", "los angeles", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (lapd,) = data["police"]
    assert lapd["name"] == "Los Angeles Police Department" and lapd["stance"] == "refuses"
    assert len({s["slug"] for s in lapd["sources"]}) == 2 and lapd["disputed"] is False
    assert [s["published"] for s in lapd["sources"]] == sorted(s["published"] for s in lapd["sources"])
    assert main(["--db", str(events_db), "city", "los angeles"]) == 0
    assert "2 sources" in capsys.readouterr().out


def test_houston_police_stance_comes_from_abc13(store: Store) -> None:
    view = store.city_view(resolve_name(store, "city", "houston").id)
    (group,) = group_stances(view.police)
    assert group.position == "cooperates" and group.first.holder == "Houston Police Department"
    assert group.first.source.outlet == "ABC13 / KTRK-TV"
    assert store.city(view.city.id).police_position == "cooperates"


def test_laws_and_policies_hold_their_stances(capsys: Capsys, events_db: Path) -> None:
    assert main(["--db", str(events_db), "city", "oakland", "--json"]) == 0
    (policy,) = json.loads(capsys.readouterr().out)["context"]
    assert policy["name"] == "Oakland’s sanctuary city policy" and policy["kind"] == "city policy"
    assert main(["--db", str(events_db), "city", "oakland"]) == 0
    assert "Libby Schaaf · unclear" not in capsys.readouterr().out.replace("\n", " ")
    assert main(["--db", str(events_db), "city", "miami", "--json"]) == 0
    (law,) = json.loads(capsys.readouterr().out)["context"]
    assert law["kind"] == "state law" and law["signed_by"] == "Ron DeSantis" and law["stance"] == "mandated"
    assert "DeSantis" not in law["name"]  # the law is the holder; the governor signed it


def test_a_database_of_the_previous_schema_is_refused_with_advice(tmp_path: Path) -> None:
    old = build_from(Path(__file__).resolve().parent.parent / "data" / "sources", tmp_path / "old.db")
    conn = sqlite3.connect(old)
    conn.execute("DROP TABLE mentions")
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="older events-tui"):
        open_store(old)
