"""Hostile text from the database is shown literally and safely, at any terminal size, in the app and the CLI.

The fixture article (tests/fixtures/hostile, built by the real builder) puts Rich markup, ANSI and OSC escapes,
control characters, bidi overrides, a 500-letter word, a 2,000-character quote, CJK, emoji and right-to-left
text into names, titles, quotes, stances and the source's metadata. On every screen, at 40×12 and up and while
resizing, the app must not crash, every screen line must fill exactly the terminal's width, no control character
may reach the terminal, and markup must show as the characters it is ("[bold]" on screen, not bold text).
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import HOSTILE_SOURCES, settle, terminal_lines
from tests.faults_support import run_cli
from tui.app import EventsApp
from tui.store import Store, open_store

# The smallest supported terminal and the classic one; larger and odd sizes are covered by the resizing test.
SIZES = [(40, 12), (80, 24)]
# What must never reach a terminal from the database: C0/C1 controls (ESC, NUL, BEL, backspace, CR...), DEL and
# the bidi overrides/isolates that reorder everything after them.
TERMINAL_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SLUG = "2024-01-01-hostile"


def annotations() -> dict:
    return tomllib.loads((HOSTILE_SOURCES / f"{SLUG}.toml").read_text(encoding="utf-8"))


@pytest.fixture
def hostile_store(hostile_db: Path) -> Iterator[Store]:
    opened = open_store(hostile_db)
    yield opened
    opened.close()


# --- what the terminal shows -------------------------------------------------------------------------------------


def screen_text(app: EventsApp) -> str:
    """The active screen as the terminal would show it, checked line by line; returns the lines joined.

    Reads the compositor's strips (Textual has no public "screen contents" API; its SVG screenshot uses the same).
    """
    width, height = app.size
    strips = terminal_lines(app)
    assert len(strips) == height
    for number, strip in enumerate(strips):
        text = strip.text
        assert strip.cell_length == width, f"line {number} is {strip.cell_length} cells wide, not {width}: {text!r}"
        control = TERMINAL_CONTROL.search(text)
        assert control is None, f"control character {control.group()!r} reaches the terminal on line {number}"
    return "\n".join(strip.text for strip in strips)


def make_app(store: Store) -> EventsApp:
    app = EventsApp(store)
    app.animation_level = "none"  # scrolling jumps instead of gliding: the same frames, without waiting for them
    return app


async def press_and_check(pilot: Pilot, *keys: str) -> str:
    text = ""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)
        assert pilot.app.is_running, f"the app stopped after {key!r}"
        text = screen_text(pilot.app)
    return text


# --- the data is stored exactly as written -----------------------------------------------------------------------


def test_the_builder_stores_hostile_text_verbatim(hostile_store: Store) -> None:
    # Safety belongs to display: the database keeps what the article says, escapes and all.
    data = annotations()
    assert {c.name for c in hostile_store.cities_page(0, 100)} == {c["name"] for c in data["cities"]}
    assert {o.name for o in hostile_store.officials_page(None, 0, 100)} == {o["name"] for o in data["officials"]}
    assert {q.text for q in hostile_store.iter_quotes()} == {q["text"] for q in data["quotes"]}
    longest = max(len(q["text"]) for q in data["quotes"])
    assert longest >= 2000
    assert any("\x1b[" in c["name"] for c in data["cities"])
    assert any("\x00" in q["text"] for q in data["quotes"])


# --- the app -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_main_screen_every_row_of_every_pane(hostile_store: Store, size: tuple[int, int]) -> None:
    app = make_app(hostile_store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        first = screen_text(app)
        if size[0] >= 80:
            assert "[bold]" in first and "[link=" in first, "markup in names must show as written"
        cities = hostile_store.city_count() + 1
        officials = hostile_store.official_count() + 1
        quotes = hostile_store.quote_count()
        await press_and_check(pilot, *["down"] * cities)
        await press_and_check(pilot, "home", "tab", *["down"] * officials)
        await press_and_check(pilot, "home", "tab", *["down"] * quotes)
        await press_and_check(pilot, "tab", "end", "pagedown", "pageup")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_city_screen(hostile_store: Store, size: tuple[int, int]) -> None:
    app = make_app(hostile_store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for city in hostile_store.cities_page(0, 100):
            app.open_city(city.id)
            await settle(pilot)
            screen_text(app)
            await press_and_check(pilot, "down", "down", "down", "end", "escape")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_speaker_screen(hostile_store: Store, size: tuple[int, int]) -> None:
    app = make_app(hostile_store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for official in hostile_store.officials_page(None, 0, 100):
            app.open_speaker(official_id=official.id)
            await settle(pilot)
            screen_text(app)
            await press_and_check(pilot, "down", "down", "end", "escape")
        for city in hostile_store.cities_page(0, 100):
            for organization in hostile_store.organizations_in(city.id):
                app.open_speaker(organization_id=organization.id)
                await settle(pilot)
                screen_text(app)
                await press_and_check(pilot, "down", "escape")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_quote_in_its_source(hostile_store: Store, size: tuple[int, int]) -> None:
    app = make_app(hostile_store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for quote in hostile_store.iter_quotes():
            app.open_source(quote.excerpt.source_id, quote.excerpt.start, quote.excerpt.end)
            await settle(pilot)
            screen_text(app)
            await press_and_check(pilot, "pagedown", "end", "escape")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_search_and_palette_with_hostile_names(hostile_store: Store, size: tuple[int, int]) -> None:
    app = make_app(hostile_store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for query in ("gotham", "supercal", "ring", "[bold]", "北京", "תל"):
            await pilot.press("slash", *query)  # results follow each keystroke; check once they have settled
            await settle(pilot)
            screen_text(app)
            await press_and_check(pilot, "down", "down", "escape")
        await pilot.press("ctrl+p", *"obrien")
        await settle(pilot)
        screen_text(app)
        await press_and_check(pilot, "down", "escape")


async def test_markup_shows_literally_on_every_kind_of_screen(hostile_store: Store) -> None:
    app = make_app(hostile_store)
    obrien = next(o for o in hostile_store.officials_page(None, 0, 100) if "O'Brien" in o.name)
    gotham = next(c for c in hostile_store.cities_page(0, 100) if c.name.startswith("Gotham"))
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(pilot)
        app.open_city(gotham.id)
        await settle(pilot)
        city = screen_text(app)
        assert "Gotham [bold]City[/bold]" in city
        assert "[blink]Will never[/blink]" in city  # the stance summary
        app.open_speaker(official_id=obrien.id)
        await settle(pilot)
        speaker = screen_text(app)
        assert "[link=https://example.com/x]Jane[/link] O'Brien-Doe" in speaker
        assert "[bold]We will not help[/bold] ICE, [i]ever[/i]." in speaker
        assert "@[bold]jane" in speaker
        first_quote = next(q for q in hostile_store.iter_quotes() if q.text.startswith("[bold]We will"))
        app.open_source(first_quote.excerpt.source_id, first_quote.excerpt.start, first_quote.excerpt.end)
        await settle(pilot)
        source = screen_text(app)
        assert "[bold]Hostile[/bold]" in source and "[link=https://evil.example]Outlet[/link]" in source


@pytest.mark.parametrize("screen", ["main", "city", "speaker", "source", "search"])
async def test_resizing_never_crashes(hostile_store: Store, screen: str) -> None:
    app = make_app(hostile_store)
    long_quote = max(hostile_store.iter_quotes(), key=lambda q: len(q.text))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        if screen == "city":
            app.open_city(hostile_store.cities_page(0, 1)[0].id)
        elif screen == "speaker":
            app.open_speaker(official_id=long_quote.official_id)
        elif screen == "source":
            app.open_source(long_quote.excerpt.source_id, long_quote.excerpt.start, long_quote.excerpt.end)
        elif screen == "search":
            await pilot.press("slash", *"gotham")
        await settle(pilot)
        for width, height in [(40, 12), (200, 60), (41, 13), (120, 12), (40, 50), (80, 24), (40, 12)]:
            await pilot.resize_terminal(width, height)
            await settle(pilot)
            assert app.is_running and tuple(app.size) == (width, height)
            screen_text(app)
            await press_and_check(pilot, "down", "down")


# --- the CLI's human output --------------------------------------------------------------------------------------

CLI_READS = [
    (("city", "gotham"), "Gotham [bold]City[/bold]"),
    (("city", "\x1b[31mRed Hook\x1b[0m"), "Red Hook"),  # a name is found by its exact (pasted) form or its
    (("city", "北京市"), "北京市"),  # first words; 'red hook' inside '31mred hook 0m' and '北京' are only offered
    (("official", "obrien"), "[link=https://example.com/x]Jane[/link]"),
    (("official", "bell back"), "space"),
    (("search", "gotham"), "[bold]"),
    (("search", "ring"), "Ring"),
    (("source", SLUG), "[bold]Hostile[/bold]"),
    (("export", "--format", "markdown"), "Gotham"),
]  # not CSV or JSON: by design (tui/export.py) they keep the text exactly, for scripts


@pytest.mark.parametrize(("command", "literal"), CLI_READS, ids=[" ".join(c) for c, _ in CLI_READS])
@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "colour terminal"])
def test_cli_human_output_is_literal_and_free_of_database_escapes(
    hostile_db: Path, command: tuple[str, ...], literal: str, terminal: bool
) -> None:
    env = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "100"} if terminal else {"COLUMNS": "100"}
    result = run_cli(*command, "--db", hostile_db, env=env)
    assert result.code == 0, result.stderr
    # At most the note that the name shown is not the one typed, itself free of the database's escapes.
    assert result.stderr == "" or (
        result.stderr.startswith("events-tui: showing ") and TERMINAL_CONTROL.search(result.stderr[:-1]) is None
    ), result.stderr
    out = result.stdout
    if not terminal:
        # Piped: no escape sequences at all, and no control character but newlines (and CSV's quoting).
        assert TERMINAL_CONTROL.search(out.replace("\n", "").replace("\r", "")) is None, repr(out[:400])
    # The database's own sequences never pass through, whatever rich adds for colour on a terminal.
    for sequence in ("\x1b[2J", "\x1b[H", "\x1b[31mRed", "\x1b[5m", "\x1b]8;;https://evil", "\x07", "\x08", "\x00"):
        assert sequence not in out, f"{sequence!r} from the database reached the terminal"
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out) if terminal else out  # rich's own colour codes aside
    assert literal in plain, f"{literal!r} must print as written"


def test_cli_json_keeps_the_text_exactly(hostile_db: Path) -> None:
    # JSON is for scripts: the text exactly as stored (escaped by JSON, not cleaned).
    result = run_cli("city", "gotham", "--json", "--db", hostile_db)
    assert result.code == 0, result.stderr
    city = json.loads(result.stdout)
    names = {c["name"] for c in annotations()["cities"]}
    assert city["city"]["name"] in names and city["city"]["name"] == "Gotham [bold]City[/bold]"
    result = run_cli("official", "bell back", "--json", "--db", hostile_db)
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["official"]["name"] == "Bell\x07 Back\x08\x08space \x00Nul"
