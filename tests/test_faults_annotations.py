"""The annotation format is checked strictly; drafts are refused; offsets hold on the files as stored.

Issue 10 items 15 and 16, issue 9 item 5. Each hostile case edits the small article of test_faults_build one way
and runs the real `python -m tui build`: exit 2, one line naming the file, the entry and the key, and the existing
database untouched. The same cases run in process must raise BuildError (never KeyError, TypeError...).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SOURCES, build_from
from tests.faults_support import assert_one_line_error, folder_state, run_cli
from tests.test_faults_build import ANNOTATIONS, ARTICLE, SLUG, replace_once, write_sources
from tui.ingest.annotation_format import KEYS
from tui.ingest.annotations import BuildError, load_article
from tui.ingest.builder import build

TOML = f"{SLUG}.toml"
TXT = f"{SLUG}.txt"
QUOTE = "[[quotes]] doe-protect"
OFFICIAL = "[[officials]] jane-doe"


def edit(old: str, new: str) -> Callable[[str], str]:
    return lambda annotations: replace_once(annotations, old, new)


def add_to(entry_first_line: str, line: str) -> Callable[[str], str]:
    """Insert `line` right after the first line of an entry (so it belongs to that entry)."""
    return edit(entry_first_line, f"{entry_first_line}\n{line}")


IN_QUOTE = 'id = "doe-protect"'
IN_OFFICIAL = 'id = "jane-doe"'
IN_SOURCE = 'published = "2020-01-01"'

# (case, how to change the annotations, what the one error line must name besides the file)
HOSTILE_ANNOTATIONS: list[tuple[str, Callable[[str], str], tuple[str, ...]]] = [
    # unknown sections and keys: a typo must not silently drop a fact
    ("[sources] for [source]", edit("[source]\n", "[sources]\n"), ("unknown section [sources]", "'source'")),
    ("[[quote]] for [[quotes]]", edit("[[quotes]]", "[[quote]]"), ("unknown section [quote]", "'quotes'")),
    ("a key before any section", lambda a: 'title = "x"\n' + a, ("unknown section [title]",)),
    ("unknown key in [source]", add_to(IN_SOURCE, 'publised = "2020-01-02"'), ("[source]", "'publised'")),
    ("unknown key in a quote", add_to(IN_QUOTE, 'spekaer = "jane-doe"'), (QUOTE, "'spekaer'", "'speaker'")),
    ("stored key given by hand", add_to(IN_QUOTE, "start = 3"), (QUOTE, "unknown key 'start'")),
    # wrong types: each was stored, crashed, or printed "unexpected error" without the file
    ("aliases as text", add_to(IN_OFFICIAL, 'aliases = "Doe"'), (OFFICIAL, "'aliases'", "list")),
    ("aliases of numbers", add_to(IN_OFFICIAL, "aliases = [1, 2]"), (OFFICIAL, "'aliases'", "list")),
    ("id as a number", edit('id = "springfield"', "id = 7"), ("[[cities]] #1", "'id'", "text")),
    ("name as a number", edit('name = "Jane Doe"', "name = 5"), (OFFICIAL, "'name'", "text")),
    ("name as a list", edit('name = "Jane Doe"', 'name = ["Jane", "Doe"]'), (OFFICIAL, "'name'", "a list")),
    ("name as a table", edit('name = "Jane Doe"', "name = { first = 'Jane' }"), (OFFICIAL, "'name'", "a table")),
    ("mention as a list", edit('mention = "Springfield"', 'mention = ["Springfield"]'), ("'mention'",)),
    ("text as a number", edit('text = "We protect our neighbours,"', "text = 42"), (QUOTE, "'text'")),
    ("speaker as a list", edit('speaker = "jane-doe"', 'speaker = ["jane-doe"]'), (QUOTE, "'speaker'")),
    ("speaker as a number", edit('speaker = "jane-doe"', "speaker = 1"), (QUOTE, "'speaker'")),
    (
        "city reference a list",
        edit(
            'Department"\nkind = "police"\ncity = "springfield"', 'Department"\nkind = "police"\ncity = ["springfield"]'
        ),
        ("[[organizations]] spd", "'city'"),
    ),
    ("occurrence as text", add_to(IN_QUOTE, 'occurrence = "1"'), (QUOTE, "'occurrence'", "whole number")),
    ("occurrence zero", add_to(IN_QUOTE, "occurrence = 0"), (QUOTE, "'occurrence'", "from 1")),
    ("occurrence true", add_to(IN_QUOTE, "occurrence = true"), (QUOTE, "'occurrence'", "true/false")),
    ("occurrence a float", add_to(IN_QUOTE, "occurrence = 1.0"), (QUOTE, "'occurrence'")),
    ("published as a TOML date", edit(IN_SOURCE, "published = 2020-01-01"), ("[source]", "'published'", "quotes")),
    ("published not a date", edit(IN_SOURCE, 'published = "Jan 1"'), ("[source]", "'published'", "2019-06-22")),
    ("quote date as a TOML date", add_to(IN_QUOTE, "date = 2020-01-01"), (QUOTE, "'date'")),
    ("date precision unknown", add_to(IN_QUOTE, 'date_precision = "fortnight"'), (QUOTE, "'date_precision'", "week")),
    ("contributors as text", add_to(IN_SOURCE, 'contributors = "A. Writer"'), ("[source]", "'contributors'")),
    ("reviewed as text", add_to(IN_SOURCE, 'reviewed = "yes"'), ("[source]", "'reviewed'", "true or false")),
    ("title as a number", add_to(IN_SOURCE, "title = 3"), ("[source]", "'title'")),
    ("confidence over 1", add_to(IN_QUOTE, "confidence = 1.5"), (QUOTE, "'confidence'", "0 to 1")),
    ("confidence as text", add_to(IN_QUOTE, 'confidence = "high"'), (QUOTE, "'confidence'")),
    ("reason as a number", add_to(IN_QUOTE, "reason = 3"), (QUOTE, "'reason'")),
    ("contributors of numbers", add_to(IN_SOURCE, "contributors = [1, 2]"), ("[source]", "'contributors'")),
    ("handle as a number", add_to(IN_OFFICIAL, "handle = 5"), (OFFICIAL, "'handle'")),
    ("abbreviation as a number", add_to('id = "spd"', "abbreviation = 5"), ("[[organizations]] spd", "'abbreviation'")),
    ("published_evidence a number", add_to(IN_SOURCE, "published_evidence = 5"), ("[source]", "'published_evidence'")),
    (
        "state_evidence a number",
        add_to('id = "springfield"', "state_evidence = 5"),
        ("[[cities]] springfield", "'state_evidence'"),
    ),
    ("date_evidence a list", add_to(IN_QUOTE, 'date_evidence = ["Friday"]'), (QUOTE, "'date_evidence'")),
    ("claimant as a list", add_to('id = "families"', 'claimant = ["spd"]'), ("[[claims]] families", "'claimant'")),
    (
        "quote city as a list",
        edit('speaker = "jane-doe"\ncity = "springfield"', 'speaker = "jane-doe"\ncity = ["springfield"]'),
        (QUOTE, "'city'"),
    ),
    ("medium as a list", add_to(IN_QUOTE, 'medium = ["said"]'), (QUOTE, "'medium'")),
    ("summary as a number", add_to('id = "spd-refuses"', "summary = 1"), ("[[stances]] spd-refuses", "'summary'")),
    ("state as a number", add_to(IN_OFFICIAL, "state = 12"), (OFFICIAL, "'state'")),
    ("position as a number", edit('position = "refuses"', "position = 1"), ("[[stances]] spd-refuses", "'position'")),
    ("blank optional text", add_to(IN_OFFICIAL, 'party = "  "'), (OFFICIAL, "'party'", "non-empty")),
    ("[[source]] as a list", edit("[source]\n", "[[source]]\n"), ("[source]", "one table")),
    ("source as a key", edit('[source]\npublished = "2020-01-01"\n', 'source = "x"\n'), ("[source]", "one table")),
    ("section of strings", lambda a: 'policies = ["a"]\n' + a, ("[[policies]]", "list of tables")),
    # ids and references
    (
        "duplicate quote id",
        lambda a: a + '\n[[quotes]]\nid = "doe-protect"\nspeaker = "jane-doe"\ntext = "Doe said"\n',
        (QUOTE, "duplicate id"),
    ),
    ("same id official and organisation", edit('id = "spd"', 'id = "jane-doe"'), ("'jane-doe'", "[[organizations]]")),
    ("quote with no speaker at all", edit('speaker = "jane-doe"\n', ""), (QUOTE, "'speaker'", "speaker_description")),
]


@pytest.fixture
def good_db(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return build_from(write_sources(tmp_path / "good"), out / "events.db")


def test_the_case_list_is_a_real_count() -> None:
    # The suite says how many cases it tries (issue 10, "done when"); a silently dropped case would change this.
    assert len(HOSTILE_ANNOTATIONS) == 50


@pytest.mark.parametrize(("case", "change", "named"), HOSTILE_ANNOTATIONS, ids=[c[0] for c in HOSTILE_ANNOTATIONS])
def test_hostile_annotations_fail_with_one_line_naming_file_entry_and_key(
    tmp_path: Path, good_db: Path, case: str, change: Callable[[str], str], named: tuple[str, ...]
) -> None:
    sources = write_sources(tmp_path / "broken", annotations=change(ANNOTATIONS))
    before = folder_state(good_db.parent)
    result = run_cli("build", "--sources", sources, "--out", good_db)
    line = assert_one_line_error(result, TOML, *named)
    assert "unexpected error" not in line
    assert folder_state(good_db.parent) == before


def test_hostile_annotations_raise_build_errors_in_process(tmp_path: Path) -> None:
    for case, change, named in HOSTILE_ANNOTATIONS:
        sources = write_sources(tmp_path / case.replace(" ", "-").replace("/", "-"), annotations=change(ANNOTATIONS))
        with pytest.raises(BuildError) as caught:
            build(sources, tmp_path / "never.db")
        assert all(part in str(caught.value) for part in (TOML, *named)), (case, str(caught.value))
    assert not (tmp_path / "never.db").exists()


def test_every_key_of_the_bundled_sources_is_in_the_format_table() -> None:
    # The strict check must accept what the real annotation files use (or the bundled build would break).
    for path in sorted(SOURCES.glob("*.toml")):
        load_article(path)
    assert "policies" in KEYS and "speaker_description" in KEYS["quotes"] and "reviewed" in KEYS["source"]


def test_the_format_additions_are_accepted(tmp_path: Path) -> None:
    """What drafts carry: reviewed/drafted_by, confidence and reason on every item, speaker_description, policies."""
    annotations = replace_once(ANNOTATIONS, IN_SOURCE, IN_SOURCE + '\nreviewed = true\ndrafted_by = "events-tui draft"')
    annotations = replace_once(annotations, IN_QUOTE, IN_QUOTE + '\nconfidence = 0.9\nreason = "said X"')
    annotations += (
        '\n[[quotes]]\nid = "agency-families"\nspeaker_description = "The agency"\ntext = "about 100 families"\n'
        '\n[[policies]]\nid = "sanctuary-ordinance"\nname = "Springfield ordinance"\nkind = "city"\n'
        'city = "springfield"\nsigned_by = "jane-doe"\naliases = ["the ordinance"]\nmention = "Springfield Mayor"\n'
    )
    sources = write_sources(tmp_path / "drafted", annotations=annotations)
    article = load_article(sources / TOML)
    assert [p["id"] for p in article.policies] == ["sanctuary-ordinance"]
    policy = article.policies[0]
    assert ARTICLE[policy["start"] : policy["end"]] == "Springfield Mayor"
    db = build_from(sources, tmp_path / "drafted.db")
    conn = sqlite3.connect(db)
    try:
        speakers = dict(conn.execute("SELECT slug, speaker FROM quotes").fetchall())
        columns = {row[1] for row in conn.execute("PRAGMA table_info(quotes)")}
    finally:
        conn.close()
    assert speakers == {"doe-protect": "Jane Doe", "agency-families": "The agency"}
    assert not {"confidence", "reason"} & columns  # checked, never stored as facts


# --- drafts never pass as facts (issue 9 item 5) -----------------------------------------------------------------


def test_a_draft_nobody_reviewed_is_refused(tmp_path: Path, good_db: Path) -> None:
    sources = write_sources(
        tmp_path / "draft", annotations=ANNOTATIONS.replace(IN_SOURCE, IN_SOURCE + "\nreviewed = false")
    )
    before = folder_state(good_db.parent)
    result = run_cli("build", "--sources", sources, "--out", good_db)
    assert_one_line_error(result, TOML, "draft", "reviewed = false", "set reviewed = true")
    assert folder_state(good_db.parent) == before


@pytest.mark.parametrize("reviewed", ["\nreviewed = true", ""], ids=["reviewed = true", "no reviewed key"])
def test_a_reviewed_or_hand_written_file_builds(tmp_path: Path, reviewed: str) -> None:
    # Decided: no `reviewed` key means a person wrote the file; only an explicit `false` marks a draft.
    sources = write_sources(tmp_path / "ok", annotations=ANNOTATIONS.replace(IN_SOURCE, IN_SOURCE + reviewed))
    result = run_cli("build", "--sources", sources, "--out", tmp_path / "ok.db")
    assert result.code == 0, result.stderr


# --- ids across articles -----------------------------------------------------------------------------------------


def test_a_quote_id_reused_in_another_article_builds_with_a_prefixed_slug(tmp_path: Path) -> None:
    # Ids are local to their file (main's decision, tui/ingest/writer.py); on the old main this was
    # "unexpected error: IntegrityError: UNIQUE constraint failed: quotes.slug".
    sources = write_sources(tmp_path / "two")
    (sources / "2020-01-02-other.txt").write_text(
        "Springfield Mayor Jane Doe said “We protect our neighbours,” again.\n"
    )
    other = ANNOTATIONS.replace('published = "2020-01-01"', 'published = "2020-01-02"')
    (sources / "2020-01-02-other.toml").write_text(other.split("[[organizations]]")[0] + QUOTE_ONLY)
    result = run_cli("build", "--sources", sources, "--out", tmp_path / "two.db")
    assert result.code == 0, result.stderr
    conn = sqlite3.connect(tmp_path / "two.db")
    try:
        slugs = sorted(row[0] for row in conn.execute("SELECT slug FROM quotes"))
    finally:
        conn.close()
    assert slugs == ["2020-01-02-other/doe-protect", "doe-protect"]


QUOTE_ONLY = '[[quotes]]\nid = "doe-protect"\nspeaker = "jane-doe"\ntext = "We protect our neighbours,"\n'


# --- line endings (issue 10 item 15) -----------------------------------------------------------------------------


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["CRLF", "CR"])
def test_an_article_with_carriage_returns_is_refused_with_one_line(tmp_path: Path, good_db: Path, ending: str) -> None:
    sources = write_sources(tmp_path / "crlf")
    (sources / TXT).write_bytes(ARTICLE.replace("\n", ending).encode("utf-8"))
    before = folder_state(good_db.parent)
    result = run_cli("build", "--sources", sources, "--out", good_db)
    assert_one_line_error(result, TXT, "line 1", "carriage return", "LF")
    assert folder_state(good_db.parent) == before


def test_annotations_with_crlf_line_endings_are_fine(tmp_path: Path) -> None:
    # TOML allows CRLF, and no offset is counted in the annotation file: only the article's endings matter.
    sources = write_sources(tmp_path / "crlf-toml", annotations=ANNOTATIONS.replace("\n", "\r\n"))
    db = build_from(sources, tmp_path / "crlf-toml.db")
    assert_offsets_hold_on_the_files_as_stored(db, sources)


def assert_offsets_hold_on_the_files_as_stored(db: Path, sources: Path) -> None:
    """`text[start:end]` on the article decoded from its bytes (no newline translation) for every cited row."""
    conn = sqlite3.connect(db)
    try:
        slugs = dict(conn.execute("SELECT id, slug FROM sources"))
        files = {i: (sources / f"{slug}.txt").read_bytes().decode("utf-8") for i, slug in slugs.items()}
        checked = 0
        for table, column in (("quotes", "text"), ("stances", "evidence"), ("claims", "evidence")):
            for source_id, start, end, excerpt in conn.execute(f"SELECT source_id, start, end, {column} FROM {table}"):
                assert files[source_id][start:end] == excerpt, (table, excerpt)
                checked += 1
        for source_id, text in conn.execute("SELECT id, text FROM sources"):
            assert text == files[source_id]
    finally:
        conn.close()
    assert checked > 0


def test_the_bundled_offsets_hold_on_the_article_bytes(events_db: Path) -> None:
    assert_offsets_hold_on_the_files_as_stored(events_db, SOURCES)
