"""What the reading commands write: never cut silently, never lost without an error (issue 10, items 3, 5, 18).

- Lists that stop at the store's limits say "showing N of M" in the table and carry the totals in JSON.
- Output that cannot be written (stdout closed, a full disk, a read-only descriptor) is exit 2 and one line;
  COLUMNS=0 or a tiny width still prints everything.
- In a locale whose encoding cannot hold the text (ISO-8859-1), every command prints all of it: tables with
  visible escapes, JSON with \\u escapes (the exact text once parsed), exports in UTF-8.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_synth_db
from tui import store as store_module
from tui.cli import main
from tui.store import Store, open_store

Capsys = pytest.CaptureFixture[str]
SLUG = "2019-06-22-ice-raids"


def run_bytes(*args: str | Path, env: dict[str, str] | None = None, **popen: object) -> subprocess.CompletedProcess:
    """`python -m tui ARGS` in a fresh process; stdout as bytes, exactly as written."""
    inherited = {k: v for k, v in os.environ.items() if k not in ("EVENTS_DB", "COLUMNS", "FORCE_COLOR", "NO_COLOR")}
    environment = {**inherited, "PYTHONPATH": str(ROOT), **(env or {})}
    options: dict[str, object] = {"stdout": subprocess.PIPE, **popen}
    return subprocess.run(
        [sys.executable, "-m", "tui", *map(str, args)],
        cwd=ROOT,
        env=environment,
        stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
        **options,  # type: ignore[arg-type]
    )


def error_line(result: subprocess.CompletedProcess) -> str:
    err = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err and len(err.splitlines()) == 1, err
    return err.strip()


# --- item 3: "showing N of M" -------------------------------------------------------------------------------------


def test_an_official_past_the_limit_says_how_many_are_left_out(
    capsys: Capsys, events_db: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    official = max(store.officials_page(None, 0, 100), key=lambda o: store.quote_count(official_id=o.id))
    total = store.quote_count(official_id=official.id)
    assert total >= 3
    monkeypatch.setattr(store_module, "OFFICIAL_QUOTES_LIMIT", 2, raising=False)
    assert main(["--db", str(events_db), "official", official.name, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["quotes"]) == 2 and data["quotes_total"] == total
    assert main(["--db", str(events_db), "official", official.name]) == 0
    assert f"showing 2 of {total}" in " ".join(capsys.readouterr().out.split())


@pytest.fixture(scope="module")
def synth_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Cities with many officials, each with a few quotes."""
    out = tmp_path_factory.mktemp("synth-output") / "synth.db"
    make_synth_db(out, cities=20, officials=300, quotes=3000, sources=5, seed=7)
    return out


def test_a_city_past_the_limits_says_how_many_are_left_out(
    capsys: Capsys, synth_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with closing(open_store(synth_db)) as store:
        # A city whose mayor is not first by name, so a list of one official leaves the mayor out.
        city, mayor = next(
            (c, v.mayor)
            for c in store.cities_page(0, 100)
            if (v := store.city_view(c.id)) and v.mayor and len(v.statements) >= 2 and v.others
            and store.officials_page(c.id, 0, 1)[0].id != v.mayor.id
        )  # fmt: skip
        officials = store.official_count(city.id)
        statements = store.quote_count(official_id=mayor.id)
    monkeypatch.setattr(store_module, "CITY_QUOTES_LIMIT", 1, raising=False)
    monkeypatch.setattr(store_module, "CITY_OFFICIALS_LIMIT", 1, raising=False)
    assert main(["--db", str(synth_db), "city", f"#{city.id}", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["mayor"]["name"] == mayor.name  # found even though the list of officials stops before it
    assert len(data["statements"]) == 1 and data["statements_total"] == statements
    assert data["officials_total"] == officials > 1 + len([o for o in data["others"] if o["type"] == "official"])
    for other in data["others"]:
        assert len(other["quotes"]) <= 1 and other["quotes_total"] >= len(other["quotes"])
    assert main(["--db", str(synth_db), "city", f"#{city.id}"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert f"showing 1 of {statements}" in out
    assert f"showing 1 of {officials}" in out


def test_lists_within_the_limits_say_nothing_more(capsys: Capsys, events_db: Path, store: Store) -> None:
    assert main(["--db", str(events_db), "city", "chicago", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["statements_total"] == len(data["statements"])
    assert all(o["quotes_total"] == len(o["quotes"]) for o in data["others"])
    assert main(["--db", str(events_db), "city", "chicago"]) == 0
    assert "showing" not in capsys.readouterr().out


# --- item 5: output that cannot be written -------------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["0", "1", "12"])
def test_any_width_prints_every_word(events_db: Path, columns: str) -> None:
    wide = run_bytes("--db", events_db, "official", "Lori Lightfoot", env={"COLUMNS": "100"})
    narrow = run_bytes("--db", events_db, "official", "Lori Lightfoot", env={"COLUMNS": columns})
    assert narrow.returncode == 0 and narrow.stderr == b""
    text = narrow.stdout.decode("utf-8")
    assert "…" not in text  # nothing cut short with an ellipsis
    # Every word of the wide output is there (tables re-wrap, and a word may be folded across lines).
    squeeze = re.compile(r"[\s│─╭╮╰╯┃━┏┓┗┛]+")
    assert squeeze.sub("", wide.stdout.decode("utf-8")) == squeeze.sub("", text)


def test_a_closed_stdout_is_an_error(events_db: Path) -> None:
    result = run_bytes("--db", events_db, "city", "chicago", stdout=None, pass_fds=(), preexec_fn=lambda: os.close(1))
    assert result.returncode == 2
    assert error_line(result) == "events-tui: cannot write the output: standard output is closed"


@pytest.mark.parametrize(
    "command", [("city", "chicago"), ("city", "chicago", "--json"), ("source", SLUG), ("export", "--format", "csv")]
)
def test_a_full_disk_is_an_error(events_db: Path, command: tuple[str, ...]) -> None:
    with open("/dev/full", "wb") as full:
        result = run_bytes("--db", events_db, *command, stdout=full)
    assert result.returncode == 2
    assert error_line(result) == "events-tui: cannot write the output: No space left on device"


def test_a_read_only_stdout_is_an_error(events_db: Path) -> None:
    with open(os.devnull, "rb") as read_only:
        result = run_bytes("--db", events_db, "official", "Lori Lightfoot", stdout=read_only)
    assert result.returncode == 2
    assert error_line(result).startswith("events-tui: cannot write the output: ")


# --- item 18: a locale that cannot hold the text -------------------------------------------------------------------

LATIN1 = {"PYTHONIOENCODING": "latin-1", "LC_ALL": "C"}


@pytest.mark.parametrize(
    "command", [("city", "chicago"), ("official", "Lori Lightfoot"), ("search", "police"), ("source", SLUG)]
)
def test_tables_in_latin1_print_everything(events_db: Path, command: tuple[str, ...]) -> None:
    result = run_bytes("--db", events_db, *command, env=LATIN1)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    text = result.stdout.decode("latin-1")
    utf8 = run_bytes("--db", events_db, *command).stdout.decode("utf-8")
    # The same words, with what latin-1 cannot hold as visible escapes ('“' as '\u201c'), never as '?'; rich
    # draws its boxes in ASCII there.
    boxless = re.sub(r"[\u2500-\u257f]", "", utf8)
    escaped = boxless.encode("latin-1", "backslashreplace").decode("latin-1")
    words = re.compile(r"[^\w\\]+")
    assert words.sub("", text) == words.sub("", escaped)
    assert "\\u201c" in text or "“" not in utf8


@pytest.mark.parametrize(
    "command", [("city", "chicago", "--json"), ("official", "Lori Lightfoot", "--json"), ("source", SLUG, "--json")]
)
def test_json_in_latin1_is_the_exact_text(events_db: Path, command: tuple[str, ...]) -> None:
    result = run_bytes("--db", events_db, *command, env=LATIN1)
    assert result.returncode == 0 and result.stderr == b""
    assert max(result.stdout) < 128  # plain ASCII: fits any locale
    assert json.loads(result.stdout) == json.loads(run_bytes("--db", events_db, *command).stdout)


@pytest.mark.parametrize("fmt", ["json", "csv", "markdown"])
def test_exports_in_latin1_are_utf8_byte_for_byte(events_db: Path, fmt: str) -> None:
    result = run_bytes("--db", events_db, "export", "--format", fmt, env=LATIN1)
    assert result.returncode == 0 and result.stderr == b""
    assert result.stdout == run_bytes("--db", events_db, "export", "--format", fmt).stdout


def test_the_browsers_city_screen_says_how_many_are_left_out(synth_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.screens.city import STATEMENTS_PER_SPEAKER, city_entries

    monkeypatch.setattr(store_module, "CITY_QUOTES_LIMIT", 1, raising=False)
    monkeypatch.setattr(store_module, "CITY_OFFICIALS_LIMIT", 2, raising=False)
    with closing(open_store(synth_db)) as store:
        city = max(store.cities_page(0, 100), key=lambda c: store.official_count(c.id))
        view = store.city_view(city.id)
        assert view is not None and view.mayor is not None
        officials = store.official_count(city.id)
        statements = store.quote_count(official_id=view.mayor.id)
        busiest = max((o for o, _ in view.others), key=lambda o: store.quote_count(official_id=o.id))
        theirs = store.quote_count(official_id=busiest.id)
    assert statements > 1 and officials > 2 and theirs > STATEMENTS_PER_SPEAKER
    lines = [entry.content.plain for entry in city_entries(view)]
    assert f"showing 1 of {statements} statements by the mayor: Enter on the name above shows them all" in lines
    assert f"showing 2 of {officials} officials of this city (the first by name)" in lines
    # A speaker's "N more" counts every statement, not only those the view read.
    assert f"{theirs - 1} more statements: Enter on the name above shows them all" in lines
