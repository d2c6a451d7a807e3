"""The scriptable command line (issue 4): the real entry point, both output modes, the JSON shapes, name lookup.

Subprocess tests run `python -m tui` exactly as a user would; the rest call `tui.cli.main([...])` in process,
which is the same code path minus interpreter start-up. Expectations come from the store, not from copied output.
"""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT, build_from
from tui import present
from tui.cli import main
from tui.models import group_stances
from tui.search import NameNotResolved, fold, resolve_name
from tui.store import Store, open_store

ESC = "\x1b["
SOURCE_KEYS = {"slug", "title", "outlet", "published", "start", "end"}
QUOTE_KEYS = {"speaker", "speaker_title", "text", "medium", "date", "source"}
STANCE_KEYS = {"name", "kind", "stance", "summary", "evidence", "source"}
OPTIONAL_STR = (str, type(None))
Capsys = pytest.CaptureFixture[str]


def clean_env(**extra: str) -> dict[str, str]:
    """The user's environment without anything that changes colour or the database, plus `extra`."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR", "EVENTS_DB", "COLUMNS")}
    env.update(extra)
    return env


def events_tui(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", *args],
        cwd=ROOT,
        env=env or clean_env(),
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def in_process(capsys: Capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(err: str) -> None:
    assert err.startswith("events-tui: ")
    assert err.count("\n") == 1 and err.endswith("\n")
    assert "Traceback" not in err


def assert_source(value: dict, text_of: dict[str, str] | None = None) -> None:
    assert SOURCE_KEYS <= value.keys()
    assert isinstance(value["slug"], str)
    for key in ("title", "outlet", "published"):
        assert isinstance(value[key], OPTIONAL_STR)
    assert isinstance(value["start"], int) and isinstance(value["end"], int)
    assert 0 <= value["start"] < value["end"]


def assert_quote(value: dict) -> None:
    assert QUOTE_KEYS <= value.keys()
    assert isinstance(value["speaker"], str) and value["speaker"]
    assert isinstance(value["text"], str) and value["text"]
    for key in ("speaker_title", "medium", "date"):
        assert isinstance(value[key], OPTIONAL_STR)
    assert_source(value["source"])


def assert_stance(value: dict) -> None:
    assert STANCE_KEYS <= value.keys()
    assert value["stance"] in ("refuses", "cooperates", "mandated", "unclear")
    assert isinstance(value["name"], str) and isinstance(value["evidence"], str)
    assert isinstance(value["summary"], OPTIONAL_STR)
    assert_source(value["source"])


@pytest.fixture(scope="module")
def article_texts(events_db: Path) -> dict[str, str]:
    """Every article's text as the `source --json` command prints it, by slug."""
    opened = open_store(events_db)
    slugs = [s.slug for s in opened.sources()]
    opened.close()
    texts = {}
    for slug in slugs:
        result = events_tui("--db", str(events_db), "source", slug, "--json")
        assert result.returncode == 0, result.stderr
        texts[slug] = json.loads(result.stdout)["text"]
    return texts


def assert_cited(item: dict, texts: dict[str, str], field: str = "text") -> None:
    source = item["source"]
    assert texts[source["slug"]][source["start"] : source["end"]] == item[field]


# --- city ---------------------------------------------------------------------------------------


def test_city_json_shape_and_citations(events_db: Path, store: Store, article_texts: dict[str, str]) -> None:
    result = events_tui("--db", str(events_db), "city", "chicago", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"city", "mayor", "police", "statements", "others", "context"} <= data.keys()
    view = store.city_view(resolve_name(store, "city", "Chicago").id)
    assert data["city"] == {"name": view.city.name, "state": view.city.state}
    assert {"name", "title", "party"} <= data["mayor"].keys()
    assert data["mayor"]["name"] == view.mayor.name
    # One entry per holder and position, however many sources state it; each source cited in "sources".
    assert len(data["police"]) == len(group_stances(view.police)) > 0
    assert len(data["statements"]) == len(view.statements) > 0
    for stance in data["police"] + data["context"]:
        assert_stance(stance)
        assert_cited(stance, article_texts, "evidence")
        assert stance["sources"] and isinstance(stance["disputed"], bool)
        for said in stance["sources"]:
            assert_cited({"source": said, "evidence": said["evidence"]}, article_texts, "evidence")
    for quote in data["statements"]:
        assert_quote(quote)
        assert quote["speaker"] == view.mayor.name
        assert_cited(quote, article_texts)
    for other in data["others"]:
        assert {"name", "title", "quotes"} <= other.keys()
        for quote in other["quotes"]:
            assert_quote(quote)
            assert_cited(quote, article_texts)


def test_city_others_include_organisations_and_their_quotes(capsys: Capsys, events_db: Path) -> None:
    code, out, _ = in_process(capsys, "--db", str(events_db), "city", "San Francisco", "--json")
    assert code == 0
    others = {o["name"]: o for o in json.loads(out)["others"]}
    sfpd = others["San Francisco Police Department"]
    assert sfpd["type"] == "organization"
    assert [q["speaker"] for q in sfpd["quotes"]] == ["San Francisco Police Department"] * len(sfpd["quotes"])
    assert sfpd["quotes"], "the department's own words are quoted in the article"


def test_city_human_names_everything_in_words(capsys: Capsys, events_db: Path, store: Store) -> None:
    code, out, err = in_process(capsys, "--db", str(events_db), "city", "CHICAGO")
    assert code == 0, err
    view = store.city_view(resolve_name(store, "city", "chicago").id)
    for needle in (view.city.name, view.mayor.name, view.police[0].holder, view.police[0].position):
        assert needle in out
    assert present.NOT_STATED in out  # Chicago's state is not stated in the article
    assert ESC not in out


def test_city_without_mayor_or_police_says_so(capsys: Capsys, events_db: Path) -> None:
    # Miami: named as a target, under Florida's law, but no mayor and no police stance in any source.
    code, out, _ = in_process(capsys, "--db", str(events_db), "city", "miami")
    assert code == 0
    assert present.NO_POLICE_STANCE in out and present.NO_MAYOR in out
    code, out, _ = in_process(capsys, "--db", str(events_db), "city", "miami", "--json")
    data = json.loads(out)
    assert data["mayor"] is None and data["police"] == [] and data["statements"] == []


# --- official -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "full"), [("garcety", "Eric Garcetti"), ("lightfot", "Lori Lightfoot")])
def test_official_name_with_a_typo(capsys: Capsys, events_db: Path, typed: str, full: str) -> None:
    code, out, err = in_process(capsys, "--db", str(events_db), "official", typed, "--json")
    assert code == 0, err
    assert json.loads(out)["official"]["name"] == full


def test_official_alias_and_accents(capsys: Capsys, events_db: Path) -> None:
    for typed in ("blasio", "Bill De Blásio", "ras baraka"):
        code, out, err = in_process(capsys, "--db", str(events_db), "official", typed, "--json")
        assert code == 0, (typed, err)
        assert fold(typed).split()[-1] in fold(json.loads(out)["official"]["name"])


def test_official_json_shape(events_db: Path, store: Store, article_texts: dict[str, str]) -> None:
    result = events_tui("--db", str(events_db), "official", "libby schaaf", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"name", "title", "party", "city"} <= data["official"].keys()
    view = store.official_view(resolve_name(store, "official", "libby schaaf").id)
    assert data["official"]["city"] == view.official.city_name
    assert len(data["quotes"]) == len(view.quotes) > 0
    for quote in data["quotes"]:
        assert_quote(quote)
        assert_cited(quote, article_texts)


def test_official_human(capsys: Capsys, events_db: Path, store: Store) -> None:
    code, out, _ = in_process(capsys, "--db", str(events_db), "official", "lightfoot")
    assert code == 0
    view = store.official_view(resolve_name(store, "official", "lightfoot").id)
    assert view.official.name in out
    # Rich wraps long quotes, so compare words, not whole lines.
    assert " ".join(view.quotes[0].text.split()[:4]) in " ".join(out.split())


# --- failures -----------------------------------------------------------------------------------


def test_unknown_name_is_one_line_and_exit_1(events_db: Path) -> None:
    result = events_tui("--db", str(events_db), "city", "Atlantis")
    assert result.returncode == 1
    assert result.stdout == ""
    assert_one_line_error(result.stderr)
    assert "Atlantis" in result.stderr


def test_unknown_name_points_to_another_kind(capsys: Capsys, events_db: Path) -> None:
    code, _, err = in_process(capsys, "--db", str(events_db), "city", "lightfoot")
    assert code == 1
    assert_one_line_error(err)
    assert "Lori Lightfoot" in err and "official" in err


def test_ambiguous_name_lists_the_candidates(events_db: Path, store: Store) -> None:
    result = events_tui("--db", str(events_db), "official", "lo")
    assert result.returncode == 1
    assert_one_line_error(result.stderr)
    candidates = [o.name for o in store.officials_page(None, 0, 100) if fold(o.name).startswith("lo")]
    assert len(candidates) >= 2
    for name in candidates:
        assert name in result.stderr


def test_ambiguous_same_name_cities_show_their_states(capsys: Capsys, hostile_db: Path) -> None:
    code, _, err = in_process(capsys, "--db", str(hostile_db), "city", "springfield")
    assert code == 1
    assert_one_line_error(err)
    assert "Illinois" in err and "Massachusetts" in err


def test_an_exact_name_wins_over_longer_names_it_begins(capsys: Capsys, hostile_db: Path) -> None:
    code, out, err = in_process(capsys, "--db", str(hostile_db), "city", "testville", "--json")
    assert code == 0, err
    assert json.loads(out)["city"]["name"] == "Testville"
    code, out, err = in_process(capsys, "--db", str(hostile_db), "city", "testville h", "--json")
    assert code == 0, err
    assert json.loads(out)["city"]["name"] == "Testville Heights"


def test_missing_database_exits_2_with_one_line(tmp_path: Path) -> None:
    result = events_tui("--db", str(tmp_path / "nope.db"), "city", "chicago")
    assert result.returncode == 2
    assert_one_line_error(result.stderr)
    assert "nope.db" in result.stderr


@pytest.mark.parametrize(
    "argv",
    [["search", "x", "--limit", "0"], ["export", "--format", "xml"], ["city"], ["city", "!!!"]],
)
def test_bad_arguments_exit_2(capsys: Capsys, events_db: Path, argv: list[str]) -> None:
    code, out, err = in_process(capsys, "--db", str(events_db), *argv)
    assert code == 2
    assert out == ""
    assert_one_line_error(err)


def test_events_db_environment_variable_is_honoured(tmp_path: Path, events_db: Path) -> None:
    good = events_tui("city", "chicago", "--json", env=clean_env(EVENTS_DB=str(events_db)))
    assert good.returncode == 0 and json.loads(good.stdout)["city"]["name"] == "Chicago"
    bad = events_tui("city", "chicago", env=clean_env(EVENTS_DB=str(tmp_path / "elsewhere.db")))
    assert bad.returncode == 2 and "elsewhere.db" in bad.stderr


# --- search -------------------------------------------------------------------------------------


def test_search_json_shape_and_alias(events_db: Path, store: Store) -> None:
    result = events_tui("--db", str(events_db), "search", "sfpd", "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    for hit in hits:
        assert {"kind", "id", "name", "snippet"} <= hit.keys()
        assert hit["kind"] in ("city", "official", "organization", "quote")
        assert isinstance(hit["id"], int) and isinstance(hit["name"], str) and isinstance(hit["snippet"], str)
    assert hits[0]["kind"] == "organization"
    assert store.organization(hits[0]["id"]).name == "San Francisco Police Department"


def test_search_human_and_limit(capsys: Capsys, events_db: Path) -> None:
    code, out, _ = in_process(capsys, "--db", str(events_db), "search", "garcety")
    assert code == 0 and "Eric Garcetti" in out
    code, out, _ = in_process(capsys, "--db", str(events_db), "search", "mayor", "--limit", "1", "--json")
    assert code == 0 and len(json.loads(out)) == 1


def test_search_quotes_by_words(capsys: Capsys, events_db: Path, store: Store) -> None:
    code, out, _ = in_process(capsys, "--db", str(events_db), "search", "deportation sweeps", "--json")
    assert code == 0
    quotes = [h for h in json.loads(out) if h["kind"] == "quote"]
    assert quotes and all("sweeps" in store.quote(h["id"]).text for h in quotes)


def test_search_without_results_prints_empty_json_and_exits_1(capsys: Capsys, events_db: Path) -> None:
    code, out, err = in_process(capsys, "--db", str(events_db), "search", "qqqzzzxxx", "--json")
    assert code == 1 and json.loads(out) == []
    assert_one_line_error(err)


# --- source -------------------------------------------------------------------------------------


def test_source_both_modes(capsys: Capsys, events_db: Path, store: Store) -> None:
    source = store.sources()[0]
    code, out, _ = in_process(capsys, "--db", str(events_db), "source", source.slug, "--json")
    assert code == 0
    data = json.loads(out)
    assert {"slug", "title", "outlet", "published", "text"} <= data.keys()
    assert data["text"] == store.source_text(source.id)
    assert data["title"] == source.title and data["outlet"] == source.outlet  # null when not stated, never made up
    code, out, _ = in_process(capsys, "--db", str(events_db), "source", source.slug)
    assert code == 0 and source.slug in out and present.NOT_STATED in out
    assert store.source_text(source.id).split("\n")[-1].strip()[:40] in out


def test_unknown_source_suggests_the_closest(capsys: Capsys, events_db: Path, store: Store) -> None:
    slug = store.sources()[0].slug
    code, _, err = in_process(capsys, "--db", str(events_db), "source", slug[:-1])
    assert code == 1
    assert_one_line_error(err)
    assert slug in err


# --- export -------------------------------------------------------------------------------------


def test_export_json_is_citation_ready(events_db: Path, store: Store, article_texts: dict[str, str]) -> None:
    result = events_tui("--db", str(events_db), "export")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["quotes"]) == store.quote_count() and len(data["stances"]) == len(list(store.iter_stances()))
    for quote in data["quotes"]:
        assert_quote(quote)
        assert_cited(quote, article_texts)
    for stance in data["stances"]:
        assert_stance(stance)
        assert_cited(stance, article_texts, "evidence")


def test_export_csv_rows_match_their_offsets(events_db: Path, store: Store, article_texts: dict[str, str]) -> None:
    result = events_tui("--db", str(events_db), "export", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == store.quote_count() + len(list(store.iter_stances()))
    for row in rows:
        for column in ("speaker", "city", "date", "medium", "source_slug", "start", "end"):
            assert column in row
        assert article_texts[row["source_slug"]][int(row["start"]) : int(row["end"])] == row["text"]


def test_export_markdown_to_file_atomically(capsys: Capsys, events_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "dataset.md"
    out.write_text("old contents")
    code, stdout, err = in_process(capsys, "--db", str(events_db), "export", "--format", "markdown", "--out", str(out))
    assert code == 0 and stdout == ""
    assert "wrote" in err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Quotes and stances") and "| Speaker |" in text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dataset.md"]  # no temporary file left behind


def test_export_into_a_missing_folder_exits_2(capsys: Capsys, events_db: Path, tmp_path: Path) -> None:
    code, _, err = in_process(capsys, "--db", str(events_db), "export", "--out", str(tmp_path / "no" / "x.json"))
    assert code == 2
    assert_one_line_error(err)


# --- colour and hostile text --------------------------------------------------------------------


def run_in_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run events-tui with its stdout on a pseudo-terminal, as if typed in a shell; return what it printed."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "tui", *args], cwd=ROOT, env=env, stdout=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal_only_and_never_with_no_color(events_db: Path) -> None:
    args = ["--db", str(events_db), "city", "chicago"]
    coloured = run_in_terminal(args, clean_env(TERM="xterm-256color"))
    assert ESC in coloured, "on a terminal the output is styled (else the next checks prove nothing)"
    assert "Chicago" in coloured
    plain = run_in_terminal(args, clean_env(TERM="xterm-256color", NO_COLOR="1"))
    assert ESC not in plain and "Chicago" in plain
    piped = events_tui(*args)
    assert piped.returncode == 0 and ESC not in piped.stdout and "Chicago" in piped.stdout


@pytest.mark.parametrize("command", [["search", "mayor"], ["official", "trump"], ["source", "2019-06-22-ice-raids"]])
def test_piped_output_has_no_escape_codes(events_db: Path, command: list[str]) -> None:
    result = events_tui("--db", str(events_db), *command)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() and ESC not in result.stdout


@pytest.mark.parametrize("command", [["city", "chicago"], ["export", "--format", "csv"]])
def test_a_reader_leaving_the_pipe_is_not_an_error(events_db: Path, command: list[str]) -> None:
    """`events-tui city chicago | head -1`: the reader closes early; exit 0, nothing on stderr."""
    reader, writer = os.pipe()
    os.close(reader)  # no reader at all: the first write fails, as it would after `head` has left
    try:
        result = subprocess.run(
            [sys.executable, "-m", "tui", "--db", str(events_db), *command],
            cwd=ROOT,
            env=clean_env(),
            stdout=writer,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (0, "")


HOSTILE_TEXT = "Testville Mayor Jane Tester (D) said “[bold]loud[/bold] \x1b[31mred | *star*” on Monday.\n"
HOSTILE_QUOTE = "[bold]loud[/bold] \x1b[31mred | *star*"
HOSTILE_TOML = """
[source]
published = "2020-01-01"

[[cities]]
id = "testville"
name = "Testville"
mention = "Testville"

[[cities]]
id = "springfield-il"
name = "Springfield"
state = "Illinois"
mention = "Springfield, Illinois"
state_evidence = "Springfield, Illinois"

[[cities]]
id = "springfield-ma"
name = "Springfield"
state = "Massachusetts"
mention = "Springfield, Massachusetts"
state_evidence = "Springfield, Massachusetts"

[[cities]]
id = "testville-heights"
name = "Testville Heights"
mention = "Testville Heights"

[[officials]]
id = "jane-tester"
name = "Jane Tester"
title = "Mayor"
jurisdiction = "city"
city = "testville"
mention = "Testville Mayor Jane Tester (D)"

[[quotes]]
id = "loud"
speaker = "jane-tester"
city = "testville"
text = "[bold]loud[/bold] \\u001b[31mred | *star*"
medium = "remarks"
"""


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database whose quote holds rich markup, an ANSI escape and Markdown syntax; and two Springfields."""
    sources = tmp_path_factory.mktemp("hostile")
    text = HOSTILE_TEXT + "Springfield, Illinois and Springfield, Massachusetts. Testville Heights.\n"
    (sources / "2020-01-01-test.txt").write_text(text, encoding="utf-8")
    (sources / "2020-01-01-test.toml").write_text(HOSTILE_TOML, encoding="utf-8")
    return build_from(sources, sources / "events.db")


def test_database_text_is_shown_literally(hostile_db: Path) -> None:
    for command in (["city", "testville"], ["official", "jane tester"], ["search", "loud"]):
        result = events_tui("--db", str(hostile_db), *command)
        assert result.returncode == 0, result.stderr
        assert "[bold]loud[/bold]" in result.stdout, "markup in the data is printed, not obeyed"
        assert "\x1b" not in result.stdout, "an escape in the data is shown as a symbol, not sent to the terminal"
        assert present.display_text("\x1b[31mred") in result.stdout


def test_json_and_csv_keep_the_exact_text(capsys: Capsys, hostile_db: Path) -> None:
    code, out, _ = in_process(capsys, "--db", str(hostile_db), "export")
    assert code == 0
    assert json.loads(out)["quotes"][0]["text"] == HOSTILE_QUOTE
    assert "\x1b" not in out  # JSON escapes it as \u001b
    code, out, _ = in_process(capsys, "--db", str(hostile_db), "export", "--format", "markdown")
    assert "\\[bold\\]" in out and "\\|" in out and "\\*star\\*" in out and "\x1b" not in out


# --- the shared presentation layer --------------------------------------------------------------


def test_date_label_keeps_the_stated_precision() -> None:
    assert present.date_label("2019-06-21", "day") == "2019-06-21"
    assert present.date_label("2019-06-17", "week") == "week of 2019-06-17"
    assert present.date_label(None, None) == "date not stated"
    assert present.date_label("2019-06-01", "month") == "June 2019"


def test_citation_names_speaker_title_date_source_and_words(store: Store) -> None:
    for quote in store.iter_quotes():
        line = present.citation(quote)
        assert "\n" not in line
        expected = [quote.speaker, quote.text, quote.source.slug, present.date_label(quote.date, quote.date_precision)]
        for part in expected + ([quote.speaker_title] if quote.speaker_title else []):
            assert " ".join(part.split()) in line, (part, line)
        assert f"{quote.excerpt.start}-{quote.excerpt.end}" in line


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=40), kind=st.sampled_from(["city", "official", "organization"]))
def test_resolve_name_never_fails_otherwise(store: Store, text: str, kind: str) -> None:
    """Any user text resolves to an entity of the kind, or fails with a one-line NameNotResolved."""
    try:
        hit = resolve_name(store, kind, text)
    except NameNotResolved as exc:
        assert "\n" not in present.one_line(str(exc))
    else:
        assert hit.kind == kind
