"""`events-tui draft` as a user runs it: TOML that parses and locates, JSON offsets, --out that never replaces."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tui.cli import main
from tui.ingest.annotations import locate

SEED = ROOT / "data" / "sources" / "2019-06-22-ice-raids.txt"
ARTICLE = (
    "Fairview police stay out of raids\n\n"
    "FAIRVIEW, Ohio (AP) — Police Chief Omar Haddad said on Tuesday that officers “will not take part” "
    "in the raids.\n\n"
    "“We are not ICE,” Haddad said. “We never will be.”\n\n"
    "“We are not ICE,” a resident said, repeating the chief’s words.\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "fairview.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


def test_toml_parses_marks_draft_and_every_excerpt_is_found(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, _ = run(capsys, "draft", str(article), "--published", "2020-03-06", "--outlet", "AP", "--url", "u")
    assert code == 0
    data = tomllib.loads(out)
    assert data["source"]["reviewed"] is False
    assert (data["source"]["outlet"], data["source"]["url"], data["source"]["published"]) == ("AP", "u", "2020-03-06")
    assert data["source"]["title"] == "Fairview police stay out of raids"
    text = article.read_text(encoding="utf-8")
    for section in ("quotes", "stances"):
        for entry in data.get(section, []):
            key = "text" if section == "quotes" else "evidence"
            start, end = locate(text, entry[key], entry.get("occurrence"), entry["id"])
            assert text[start:end] == entry[key]
            assert 0.0 <= entry["confidence"] <= 1.0 and entry["reason"]
    repeated = [q for q in data["quotes"] if q["text"] == "We are not ICE"]
    assert sorted(q["occurrence"] for q in repeated) == [1, 2]
    ids = [
        e["id"]
        for s in ("cities", "officials", "organizations", "policies", "stances", "quotes")
        for e in data.get(s, [])
    ]
    assert len(ids) == len(set(ids))


def test_json_offsets_index_the_file_as_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    code, out, _ = run(capsys, "draft", str(path), "--json", "--published", "2020-03-06")
    assert code == 0
    data = json.loads(out)
    text = path.read_bytes().decode("utf-8")
    assert data["source"]["reviewed"] is False
    assert {"text", "speaker", "medium", "date", "date_precision", "start", "end", "confidence", "reason"} <= set(
        data["quotes"][0]
    )
    for quote in data["quotes"]:
        assert text[quote["start"] : quote["end"]] == quote["text"]
    for stance in data["stances"]:
        assert {"holder", "kind", "stance", "evidence", "start", "end", "confidence", "reason"} <= set(stance)
        assert text[stance["start"] : stance["end"]] == stance["evidence"]
    speakers = [q["speaker"] for q in data["quotes"]]
    assert speakers == ["Omar Haddad", "Omar Haddad", "Omar Haddad", "a resident"]
    assert data["quotes"][0]["date"] == "2020-03-03"


def test_seed_article_json_offsets(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "draft", str(SEED), "--json")
    data = json.loads(out)
    text = SEED.read_bytes().decode("utf-8")
    assert code == 0 and data["source"]["published"] == "2019-06-22" and len(data["quotes"]) > 10
    for item in data["officials"] + data["cities"] + data["organizations"]:
        assert text[item["start"] : item["end"]] == item["mention"]


def test_out_writes_a_new_file(capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path) -> None:
    out = tmp_path / "fairview.toml"
    code, stdout, err = run(capsys, "draft", str(article), "--out", str(out))
    assert code == 0 and stdout == ""
    assert "review it" in err
    assert tomllib.loads(out.read_text(encoding="utf-8"))["source"]["reviewed"] is False
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_out_never_replaces_an_existing_file(capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path) -> None:
    out = tmp_path / "mine.toml"
    out.write_text("hand-written, precious\n", encoding="utf-8")
    code, stdout, err = run(capsys, "draft", str(article), "--out", str(out))
    assert code == 2 and stdout == ""
    assert err.startswith("events-tui: ") and "already exists" in err and err.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "hand-written, precious\n"
    code, _, _ = run(capsys, "draft", str(article), "--out", str(tmp_path))  # a directory is there too
    assert code == 2
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    "argv, message",
    [
        (["draft", "missing.txt"], "cannot read"),
        (["draft", "{article}", "--published", "2020-13-45"], "--published must be a date"),
        (["draft", "{article}", "--published", "yesterday"], "--published must be a date"),
        (["draft", "{latin1}"], "not UTF-8"),
        (["draft", "{article}", "--out", "/no/such/folder/x.toml"], "does not exist"),
        (["draft", "{folder}"], "is a directory"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], article: Path, tmp_path: Path, argv: list[str], message: str
) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("“Caf\xe9,” she said.".encode("latin-1", errors="replace"))
    filled = [a.format(article=article, latin1=latin1, folder=tmp_path) for a in argv]
    code, out, err = run(capsys, *filled)
    assert code == 2 and out == ""
    assert err.startswith("events-tui: ") and message in err and err.count("\n") == 1


def test_the_console_command_runs(article: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tui", "draft", str(article), "--json"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["quotes"]


@pytest.mark.parametrize(
    "article",
    sorted((ROOT / "tests" / "fixtures" / "drafting").glob("*.txt"))
    + sorted((ROOT / "data" / "sources").glob("*.txt")),
    ids=lambda p: p.stem,
)
def test_a_reviewed_draft_builds(article: Path, tmp_path: Path) -> None:
    # The drafter writes what the strict builder reads: once a person sets reviewed = true (and gives a speaker
    # where the drafter found none, here by dropping those quotations), the file builds as it stands.
    from tui.ingest.builder import build
    from tui.ingest.draft import draft_text
    from tui.ingest.draft.output import to_toml

    text = article.read_bytes().decode("utf-8")
    drafted = to_toml(draft_text(text, published="2020-03-06" if "date " not in text[:6] else None), article.name)
    assert "reviewed = false" in drafted
    kept = [
        block
        for block in drafted.split("\n\n")
        if not (
            block.lstrip().startswith("# Speaker not found")
            or block.startswith("[[quotes]]")
            and "speaker" not in block
        )
    ]
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "a.toml").write_text("\n\n".join(kept).replace("reviewed = false", "reviewed = true"), encoding="utf-8")
    counts = build(tmp_path, tmp_path / "a.db")
    assert counts["sources"] == 1


def test_empty_article_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n", encoding="utf-8")
    code, out, err = run(capsys, "draft", str(path))
    assert (code, out) == (2, "") and "is empty" in err and err.count("\n") == 1


def test_missing_publication_date_is_said(capsys: pytest.CaptureFixture[str], article: Path) -> None:
    code, out, err = run(capsys, "draft", str(article))
    assert code == 0 and "no publication date" in err
    assert "published" not in tomllib.loads(out)["source"]
    code, _, err = run(capsys, "draft", str(article), "--published", "2020-03-06")
    assert code == 0 and err == ""
