"""Any text typed into search gives results or an empty list, never an error: the shared function and the CLI.

Raw user text in an FTS5 MATCH raises on `"`, AND, OR, NEAR(, `*`, `-`, `:`, `(`, O'Brien, empty input...
`tui.search` folds text to letters and digits before any query, so syntax cannot reach SQLite. These tests
throw thousands of generated strings at it (hypothesis) and every named class of hostile input explicitly.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.faults_support import run_cli
from tui.cli import main
from tui.models import SearchHit
from tui.search import fold, search
from tui.store import Store, open_store

KINDS = {"city", "official", "organization", "stance", "claim", "quote"}

# FTS5 syntax and other hostile pieces, mixed with names and words that do match, so that generated queries
# reach the name matcher, the trigram index and the quotes index, not only the "nothing left after folding" path.
PIECES = [
    '"', '""', "AND", "OR", "NOT", "NEAR(", "NEAR(a b, 3)", "NEAR", "*", "-", ":", "^", "(", ")", "{", "}", "+",
    "col:", "quotes_fts:", "text:chicago", "rank", "'", "O'Brien", "Jean-Luc", "de Blasio", "chicago", "oakland",
    "lightfoot", "families", "raids", "ice", "sfpd", "garcety", "schaaf", "the", "a", "\x00", "\x1b[31m", "\x07",
    "\u200b", "\u202e", "\ufeff", "🙂", "👨‍👩‍👧", "🇺🇸", "שלום", "مرحبا", "北京", "ｃｈｉｃａｇｏ", "ß", "İ", "\u0301",
    "[bold]", "[/b]", "%", "_", "\\", ";", "--", "/*", "*/", "DROP TABLE quotes;", "\n", "\t", " ", "\uffff",
]  # fmt: skip

any_unicode = st.text(st.characters(exclude_categories=[]), max_size=300)  # surrogates and controls included
hostile_mix = st.lists(st.sampled_from(PIECES) | st.text(max_size=8), max_size=20).map(lambda parts: st_join(parts))
long_repeats = st.builds(lambda piece, n: piece * n, st.sampled_from(PIECES), st.integers(1, 10_000))
queries = any_unicode | hostile_mix | long_repeats


def st_join(parts: list[str]) -> str:
    return " ".join(parts) if len(parts) % 2 else "".join(parts)


@pytest.fixture(scope="module")
def shared_store(tmp_path_factory: pytest.TempPathFactory, events_db: Path) -> Iterator[Store]:
    # Module-scoped: hypothesis runs thousands of examples against one open store.
    opened = open_store(events_db)
    yield opened
    opened.close()


def check_hits(hits: object, limit: int) -> None:
    assert isinstance(hits, list)
    assert len(hits) <= max(limit, 0)
    for hit in hits:
        assert isinstance(hit, SearchHit)
        assert hit.kind in KINDS
        assert isinstance(hit.name, str) and isinstance(hit.id, int)


# --- the shared search function --------------------------------------------------------------------------------


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=queries)
@example(text="")
@example(text='"')
@example(text="NEAR(")
@example(text="O'Brien")
@example(text="a" * 10_000)
def test_search_never_raises(shared_store: Store, text: str) -> None:
    check_hits(search(shared_store, text), 20)


@settings(max_examples=1000, deadline=None)
@given(text=st.text(string.printable, max_size=200) | hostile_mix.filter(lambda t: t.isascii() and len(t) <= 200))
def test_syntax_never_changes_the_results(shared_store: Store, text: str) -> None:
    # Only letters and digits reach the indexes: punctuation and FTS5 operators are the same as spaces.
    assert search(shared_store, text) == search(shared_store, fold(text))


@settings(max_examples=500, deadline=None)
@given(text=hostile_mix, limit=st.integers(min_value=-(10**30), max_value=10**30))
def test_any_limit(shared_store: Store, text: str, limit: int) -> None:
    check_hits(search(shared_store, text, limit), limit)


HOSTILE = {
    "empty": "",
    "blank": "   \t  \n ",
    "lone double quote": '"',
    "unbalanced quotes": '"chicago',
    "AND": "AND",
    "OR": "chicago OR",
    "NOT": "NOT oakland",
    "NEAR(": "NEAR(",
    "NEAR group": "NEAR(chicago oakland, 2)",
    "star": "*",
    "prefix star": "chic*",
    "minus": "-",
    "leading minus": "-chicago",
    "colon": ":",
    "column filter": "text:chicago",
    "caret": "^",
    "caret start": "^chicago",
    "parentheses": "(",
    "closing parenthesis": ")",
    "group": "(chicago OR oakland) AND NOT raids",
    "braces": "{text speaker}: raids",
    "apostrophe": "O'Brien",
    "curly apostrophe": "O’Brien",
    "possessive": "city’s police",
    "hyphenated": "Jean-Luc",
    "only punctuation": "!@#$%^&*()_+-=[]{}|;':\",./<>?`~",
    "SQL injection": "'; DROP TABLE quotes; --",
    "LIKE wildcards": "%_%",
    "10,000 letters": "a" * 10_000,
    "10,000 quotes": '"' * 10_000,
    "10,000 words": "chicago " * 1_250,
    "10,000 NEAR(": "NEAR(" * 2_000,
    "NUL": "\x00",
    "NUL inside": "chi\x00cago",
    "control characters": "".join(chr(c) for c in range(32)) + "\x7f\x85\x9b",
    "ANSI escape": "\x1b[31mchicago\x1b[0m",
    "emoji": "🙂",
    "emoji sequence": "👨‍👩‍👧‍👦🏳️‍🌈🇺🇸",
    "right-to-left": "שלום עולם",
    "arabic": "مرحبا بالعالم",
    "bidi override": "\u202eogacihc",
    "CJK": "北京市 東京",
    "combining mark alone": "\u0301",
    "zero-width": "\u200b\u200c\u200d\ufeff",
    "lone surrogate": "\udcff",
    "surrogate inside": "chicago\ud800",
    "noncharacter": "\uffff\U0010ffff",
    "full-width": "ｃｈｉｃａｇｏ",
    "ligature": "ﬁ",
    "expands under NFKD": "\ufdfa" * 200,
    "rich markup": "[bold]chicago[/bold]",
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_each_class_of_hostile_input(shared_store: Store, text: str) -> None:
    check_hits(search(shared_store, text), 20)


# Syntax around a real name must not hide it: the name is still found, best first.
FINDS = {
    '"chicago"': "Chicago",
    "chicago*": "Chicago",
    "^chicago": "Chicago",
    "-chicago": "Chicago",
    "chicago:": "Chicago",
    "(oakland)": "Oakland",
    "OAKLAND": "Oakland",
    "ｏａｋｌａｎｄ": "Oakland",
    "oakland\x00": "Oakland",
    "oakland 🙂": "Oakland",
    "[oakland]": "Oakland",
    "\u202eoakland": "Oakland",
    "lightfoot": "Lori Lightfoot",
    "de-blasio": "Bill de Blasio",
}


@pytest.mark.parametrize(("text", "name"), FINDS.items(), ids=FINDS.keys())
def test_syntax_around_a_name_still_finds_it(shared_store: Store, text: str, name: str) -> None:
    hits = search(shared_store, text)
    assert hits and hits[0].name == name, [h.name for h in hits]


def test_a_quote_is_found_through_syntax(shared_store: Store) -> None:
    hits = search(shared_store, '"ruthless" AND reckless*')
    assert any(h.kind == "quote" and "ruthless and reckless" in h.snippet for h in hits)


# --- the CLI: `events-tui search TEXT --json` ---------------------------------------------------------------------


def search_args(db: Path, text: str, as_json: bool = True) -> list[str]:
    flags = ["--json"] if as_json else []
    if text.startswith("-"):
        return ["--db", str(db), "search", *flags, "--", text]  # as a user must type it, or argparse reads an option
    return ["--db", str(db), "search", text, *flags]


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(st.characters(exclude_categories=["Cs"]), max_size=200) | hostile_mix)
@example(text="")
@example(text='"')
@example(text="-")
@example(text="--json")
@example(text="chicago")
def test_cli_search_json_is_always_json(events_db: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    capsys.readouterr()
    code = main(search_args(events_db, text))
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    hits = json.loads(out)
    assert isinstance(hits, list)
    assert (code == 0) == bool(hits)
    assert "Traceback" not in err and len(err.splitlines()) <= 1


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=st.text(st.characters(exclude_categories=["Cs"]), max_size=200) | hostile_mix)
@example(text="[bold]chicago")
@example(text="\x1b[31mchicago")
def test_cli_search_human_output_never_fails(events_db: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    capsys.readouterr()
    code = main(search_args(events_db, text, as_json=False))
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert "Traceback" not in err and "Traceback" not in out
    # One line on failure; on success none, or the one that says the list was cut at --limit.
    assert len(err.splitlines()) == (0 if code == 0 and not err.startswith("events-tui: showing ") else 1), err
    assert "\x1b" not in out, "an escape sequence from the query or the database reached the terminal"


# In-process, capsys's streams are strict UTF-8; a lone surrogate (from argv bytes that are not UTF-8) is run
# through a real process below, where Python's stderr escapes it as it would for a user.
PRINTABLE_HOSTILE = {k: v for k, v in HOSTILE.items() if not any(0xD800 <= ord(c) <= 0xDFFF for c in v)}


@pytest.mark.parametrize("text", PRINTABLE_HOSTILE.values(), ids=PRINTABLE_HOSTILE.keys())
def test_cli_each_class_of_hostile_input(events_db: Path, capsys: pytest.CaptureFixture[str], text: str) -> None:
    code = main(search_args(events_db, text))
    out, err = capsys.readouterr()
    assert code in (0, 1), err
    assert isinstance(json.loads(out), list)
    assert "Traceback" not in err and len(err.splitlines()) <= 1


def test_cli_limit_out_of_range(events_db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for limit in ("0", "-5"):
        assert main(["--db", str(events_db), "search", "chicago", "--limit", limit]) == 2
        assert len(capsys.readouterr().err.splitlines()) == 1
    assert main(["--db", str(events_db), "search", "chicago", "--limit", str(10**30), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)
    assert main(["--db", str(events_db), "search", "chicago", "--limit", "many"]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 1


@pytest.mark.parametrize("argument", ["\udcff", "chicago\udcfe", "\udcc3\udca9"], ids=["lone", "after", "pair"])
@pytest.mark.parametrize("as_json", [True, False], ids=["json", "human"])
def test_cli_argument_bytes_that_are_not_utf8(events_db: Path, argument: str, as_json: bool) -> None:
    # A terminal in another encoding sends bytes Python decodes to lone surrogates; subprocess sends them back.
    result = run_cli(*search_args(events_db, argument, as_json))
    assert result.code in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == (0 if result.code == 0 else 1)
    if as_json:
        assert isinstance(json.loads(result.stdout), list)
