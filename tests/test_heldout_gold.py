"""The held-out gold files (eval/heldout/batchNN/) are themselves right: checked without running the drafter.

A wrong gold entry scores the drafter wrongly, so every quotation must be an exact, unambiguous excerpt of its
article that stands between quote marks (or is a whole line, as an embedded post is), every speaker must name an
entry of the same file, and every date must be one a build would accept. This reads only the gold and the text:
it imports nothing from the drafter, so a batch can be checked before its first (blind) scoring.
"""

from __future__ import annotations

import datetime
import tomllib
from pathlib import Path
from typing import Any

import pytest

from tui.errors import BuildError
from tui.ingest.annotation_format import DATE_PRECISIONS
from tui.ingest.annotations import locate

HELDOUT = Path(__file__).resolve().parent.parent / "eval" / "heldout"
GOLD = sorted(HELDOUT.glob("batch*/*.toml"))
# Marks a quotation may open or close with, and what may sit between the quotation's last character and its closing
# mark (the period inside or outside, a nested quotation's closing single mark).
MARKS = "\"“”‘’'"
TRAILING = ".,;:!?…—–-" + MARKS


def problems(toml_path: Path) -> list[str]:
    """Everything wrong with one gold file, as readable lines (empty when it is right)."""
    text_path = toml_path.with_suffix(".txt")
    if not text_path.exists():
        return [f"{toml_path.name}: no article {text_path.name} beside it"]
    text = text_path.read_bytes().decode("utf-8")
    gold: dict[str, Any] = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    found: list[str] = []
    published = gold.get("source", {}).get("published")
    if not published and not text.startswith("date "):
        found.append(f"{toml_path.name}: no publication date (neither [source] published nor a 'date' header)")
    speakers = {e["id"] for section in ("officials", "organizations") for e in gold.get(section, [])}
    ids: set[str] = set()
    for entry in gold.get("quotes", []):
        label = f"{toml_path.name} {entry.get('id')}"
        if entry.get("id") in ids:
            found.append(f"{label}: duplicate id")
        ids.add(entry.get("id", ""))
        if entry.get("speaker") and entry.get("speaker_description"):
            found.append(f"{label}: both a speaker and a description")
        if entry.get("speaker") and entry["speaker"] not in speakers:
            found.append(f"{label}: speaker {entry['speaker']!r} is not an official or organisation of the file")
        found += _date_problems(label, entry)
        try:
            start, end = locate(text, entry["text"], entry.get("occurrence"), label)
        except BuildError as exc:
            found.append(str(exc))
            continue
        if not _between_marks(text, start, end):
            found.append(f"{label}: {entry['text'][:50]!r} is not a whole quotation (no quote mark or line edge)")
    return found


def _date_problems(label: str, entry: dict[str, Any]) -> list[str]:
    if "date" not in entry:
        return [f"{label}: a precision without a date"] if "date_precision" in entry else []
    try:
        datetime.date.fromisoformat(entry["date"])
    except (TypeError, ValueError):
        return [f"{label}: date {entry['date']!r} is not YYYY-MM-DD"]
    if entry.get("date_precision", "day") not in DATE_PRECISIONS:
        return [f"{label}: date precision {entry['date_precision']!r} is not one of {DATE_PRECISIONS}"]
    return []


def _between_marks(text: str, start: int, end: int) -> bool:
    opens = start == 0 or text[start - 1] in MARKS or text[start - 1] == "\n"
    after = end
    while after < len(text) and text[after] in TRAILING and text[after] not in MARKS:
        after += 1
    signed = text.startswith((" — ", " – "), after)  # an embedded post with its signature on the same line
    closes = after >= len(text) or text[after] in MARKS or text[after] == "\n" or text[end - 1] in MARKS or signed
    return opens and closes


@pytest.mark.parametrize("toml_path", GOLD, ids=[f"{p.parent.name}/{p.stem}" for p in GOLD])
def test_gold_file_is_consistent_with_its_article(toml_path: Path) -> None:
    assert problems(toml_path) == []


def test_every_batch_has_gold_files() -> None:
    batches = [p for p in HELDOUT.iterdir() if p.is_dir() and p.name.startswith("batch")]
    assert batches
    for folder in batches:
        assert list(folder.glob("*.toml")), f"{folder.name} has no gold files"


def test_the_check_finds_a_wrong_gold_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2024-01-05\n\n“We will not help,” Sheriff Ana Ruiz said. Ruiz said “never” twice: “never.”",
        encoding="utf-8",
    )
    (tmp_path / "a.toml").write_text(
        '[[officials]]\nid = "ana-ruiz"\nname = "Ana Ruiz"\n'
        '[[quotes]]\nid = "q1"\nspeaker = "ana-ruiz"\ntext = "We will not"\n'  # not the whole quotation
        '[[quotes]]\nid = "q2"\nspeaker = "someone"\ntext = "We will not help,"\n'  # unknown speaker id
        '[[quotes]]\nid = "q3"\nspeaker = "ana-ruiz"\ntext = "never"\n'  # appears twice, no occurrence
        '[[quotes]]\nid = "q4"\nspeaker = "ana-ruiz"\ntext = "We will help"\n'  # not in the article
        '[[quotes]]\nid = "q5"\nspeaker = "ana-ruiz"\ntext = "We will not help,"\ndate = "2024-13-01"\n',
        encoding="utf-8",
    )
    found = problems(tmp_path / "a.toml")
    assert [line.split(":")[0] for line in found] == ["a.toml q1", "a.toml q2", "a.toml q3", "a.toml q4", "a.toml q5"]
    assert "not a whole quotation" in found[0] and "someone" in found[1] and "2 time(s)" not in found[2]
    assert "appears 2 times" in found[2] and "not found verbatim" in found[3] and "YYYY-MM-DD" in found[4]
