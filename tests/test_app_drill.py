"""Keyboard flows through the drill-down screens of the real app, asserting what the screens show.

Each test drives `EventsApp` with Pilot as a user would (`/`, typing, arrows, Enter, Escape) on a database
built by the real builder, and reads the widgets' rendered content. Expected facts come from the store, so a
test fails if the screen drops, alters or invents one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from tests.conftest import build_from, settle, terminal_text, wait_for
from tui.app import EventsApp
from tui.models import Official, Organization, Quote, SearchHit, Stance
from tui.palette import palette_prompt
from tui.present import NO_MAYOR, NO_POLICE_STANCE, citation
from tui.screens import speaker as speaker_screen
from tui.screens.base import Breadcrumb
from tui.screens.city import CityScreen
from tui.screens.search import SearchScreen
from tui.screens.source import ArticleText, SourceScreen
from tui.screens.speaker import SpeakerScreen
from tui.store import Store, open_store
from tui.widgets import article
from tui.widgets.background import ReadingApp
from tui.widgets.drill_item import Entry, MorePages, MoreUnits, paged
from tui.widgets.drill_list import DrillList

SIZE = (100, 32)


# --- helpers -------------------------------------------------------------------------------------


async def type_text(pilot: Pilot, text: str) -> None:
    await pilot.press(*["space" if ch == " " else ch for ch in text])
    await settle(pilot)


async def search_and_open(pilot: Pilot, text: str) -> None:
    await pilot.press("slash")
    await settle(pilot)
    await type_text(pilot, text)
    await pilot.press("enter")
    await settle(pilot)


def shown(item: Static | Entry) -> str:
    """The text a widget or a row of the column shows (all of it, on screen or scrolled out of view)."""
    content = item.content if isinstance(item, Entry) else item.visual
    assert isinstance(content, Content)
    return content.plain


def column(app: EventsApp) -> DrillList:
    return app.screen.query_one(DrillList)


def rows_of(app: EventsApp, *kinds: type) -> list[Entry]:
    """The selectable rows of the column whose target is one of `kinds` (all of them without `kinds`)."""
    entries = [column(app).entries[i] for i in column(app).selectable]
    return [e for e in entries if not kinds or isinstance(e.target, kinds)]


def highlighted(app: EventsApp) -> object:
    """What the cursor of the focused column is on (None when the column does not have the focus)."""
    focused = app.focused
    return focused.highlighted if isinstance(focused, DrillList) else None


def screen_text(app: EventsApp) -> str:
    """All the text of the active screen: its Statics and every row, heading and "not stated" line of the column."""
    texts = [shown(w) for w in app.screen.query(Static) if isinstance(w.visual, Content)]
    texts += [shown(e) for lst in app.screen.query(DrillList) for e in lst.entries]
    return "\n".join(texts)


def breadcrumb(app: EventsApp) -> str:
    return str(app.screen.query_one(Breadcrumb).render())


@pytest.fixture
def app_store(events_db: Path) -> Store:
    opened = open_store(events_db)
    yield opened
    opened.close()


def city_id(store: Store, name: str) -> int:
    return next(c.id for c in store.cities_page(0, 1000) if c.name == name)


# --- flows ---------------------------------------------------------------------------------------


async def test_search_lightfoot_opens_her_statements(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "lightfoot")
        screen = app.screen
        assert isinstance(screen, SpeakerScreen)
        assert screen.official is not None and screen.official.name == "Lori Lightfoot"
        assert breadcrumb(app).endswith("Lori Lightfoot")
        statements = [shown(row) for row in rows_of(app, Quote)]
        expected = app_store.quotes_page(0, 100, official_id=screen.official.id)
        assert len(statements) == len(expected) > 0
        for quote in expected:
            assert any(quote.text in text for text in statements), quote.text
        assert any("CPD will not cooperate" in text for text in statements)
        assert "Mayor of Chicago" in shown(column(app).entries[0])  # the header, above the statements
        assert "Mayor of Chicago" in terminal_text(app) and "Statements (" in terminal_text(app)


async def test_chicago_shows_police_stance_and_mayor_statements(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "chicago")
        screen = app.screen
        assert isinstance(screen, CityScreen)
        assert breadcrumb(app) == "Cities › Chicago"
        view = app_store.city_view(city_id(app_store, "Chicago"))
        cards = rows_of(app, Stance)
        police = [card for card in cards if card.target.kind == "police"]
        assert [card.target.id for card in police] == [s.id for s in view.police]
        card_text = shown(police[0])
        assert "Chicago Police Department" in card_text and "REFUSES" in card_text
        assert view.police[0].evidence in card_text  # verbatim
        assert view.police[0].source.slug in card_text
        mayor_row = rows_of(app, Official, Organization)[0]
        assert mayor_row.target == view.mayor and "Lori Lightfoot" in shown(mayor_row)
        statements = [row.target for row in rows_of(app, Quote)]
        assert [q.id for q in statements] == [q.id for q in view.statements]
        assert NO_POLICE_STANCE not in screen_text(app)
        on_terminal = terminal_text(app)
        assert (
            "Chicago Police Department" in on_terminal and "REFUSES" in on_terminal and "Lori Lightfoot" in on_terminal
        )
        # The cursor is on the first row and the column has the focus, so the footer shows that row's keys.
        assert app.focused is column(app) and highlighted(app) is police[0].target
        assert "Open source" in on_terminal.splitlines()[-1]


async def test_city_without_police_stance_or_mayor_says_so(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "newark")
        assert isinstance(app.screen, CityScreen)
        text = screen_text(app)
        assert NO_POLICE_STANCE in text
        assert NO_MAYOR not in text  # Newark's mayor is named; its police are not
        assert not rows_of(app, Stance)
        assert NO_POLICE_STANCE in terminal_text(app)


async def test_houston_police_stance_comes_from_the_abc13_report(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "houston")
        assert isinstance(app.screen, CityScreen)
        text = screen_text(app)
        assert NO_MAYOR in text and NO_POLICE_STANCE not in text
        (card,) = rows_of(app, Stance)
        assert card.target.position == "cooperates" and card.target.source.slug.endswith("houston-abc13-hpd-chief-fear")
        assert "Houston Police Department" in shown(card) and "COOPERATES" in shown(card) and "1 source" in shown(card)


async def test_los_angeles_refusal_shows_both_sources_with_their_dates(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "los angeles")
        view = app_store.city_view(city_id(app_store, "Los Angeles"))
        police = [row for row in rows_of(app, Stance) if row.target.kind == "police"]
        # One card for the position with its first source, then a row for the other: each opens its own article.
        assert [row.kind for row in police] == ["card", "row"]
        assert sorted(row.target.id for row in police) == sorted(s.id for s in view.police)
        assert len({row.target.source.slug for row in police}) == 2
        assert "REFUSES" in shown(
            police[0]
        ) and "refuses — 2 sources: published 2019-06-21, published 2019-06-22" in shown(police[0])
        for row in police:
            assert row.target.evidence in shown(row) and row.target.source.slug in shown(row)
            assert f"published {row.target.source.published}" in shown(row)
        assert "REFUSES" in terminal_text(app) and "refuses — 2 sources" in terminal_text(app)


async def test_oakland_policy_is_held_by_the_policy_not_the_mayor(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "oakland")
        (card,) = rows_of(app, Stance)
        first_line = shown(card).splitlines()[0]
        assert "sanctuary city policy" in first_line and "city policy" in first_line
        assert "Libby Schaaf" not in first_line


async def test_miami_shows_state_law_context(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "miami")
        cards = rows_of(app, Stance)
        assert [c.target.position for c in cards] == ["mandated"]
        assert "MANDATED" in shown(cards[0]) and "state law" in shown(cards[0])
        assert "(signed by Ron DeSantis)" in shown(cards[0])
        assert NO_POLICE_STANCE in screen_text(app)


async def test_enter_on_quote_opens_source_with_excerpt_highlighted_then_escape_returns(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "chicago")
        depth = len(app.screen_stack)
        while not isinstance(highlighted(app), Quote):
            await pilot.press("down")
        quote = highlighted(app)
        assert isinstance(quote, Quote)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SourceScreen)
        assert len(app.screen_stack) == depth + 1
        assert breadcrumb(app) == "Cities › Chicago › Source"
        article = screen.query_one(ArticleText)
        text = app_store.source_text(quote.excerpt.source_id)
        assert article.excerpt == text[quote.excerpt.start : quote.excerpt.end] == quote.text
        # Scrolled into view: the excerpt's first line lies inside the visible part of the article pane.
        pane = screen.query_one("#article")
        line = article.excerpt_line()
        assert line > pane.size.height  # far enough down that scrolling was needed
        assert pane.scroll_y <= line < pane.scroll_y + pane.scrollable_content_region.height

        await pilot.press("escape")
        await settle(pilot)
        assert len(app.screen_stack) == depth and isinstance(app.screen, CityScreen)
        await pilot.press("backspace")
        await settle(pilot)
        assert len(app.screen_stack) == depth - 1 and breadcrumb(app) == "Cities"


async def test_enter_on_stance_evidence_opens_its_excerpt(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "chicago")
        stance = highlighted(app)
        assert isinstance(stance, Stance)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.query_one(ArticleText).excerpt == stance.evidence


async def test_enter_on_mayor_opens_speaker_and_c_copies_citation(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "oakland")
        while not isinstance(highlighted(app), Official):
            await pilot.press("j")
        mayor = highlighted(app)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SpeakerScreen) and app.screen.official == mayor
        assert breadcrumb(app) == f"Cities › Oakland › {mayor.name}"
        await pilot.press("j")
        quote = highlighted(app)
        assert isinstance(quote, Quote)
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == citation(quote, app_store.sentence_around(quote.excerpt))


async def test_rows_move_without_wrapping(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "oakland")
        rows = [row.target for row in rows_of(app, Stance, Official, Organization, Quote)]
        assert len(rows) > 2 and rows == [row.target for row in rows_of(app)]
        assert highlighted(app) is rows[0]
        await pilot.press("k")
        assert highlighted(app) is rows[0]
        await pilot.press("G")
        assert highlighted(app) is rows[-1]
        await pilot.press("down")
        assert highlighted(app) is rows[-1]
        await pilot.press("up")
        assert highlighted(app) is rows[-2]
        await pilot.press("g")
        assert highlighted(app) is rows[0]
        await pilot.press("tab")
        assert highlighted(app) is rows[1]
        await pilot.press("shift+tab", "shift+tab")  # Tab goes round, as focus does
        assert highlighted(app) is rows[-1]


@pytest.mark.parametrize(
    ("typed", "kind", "name"),
    [
        ("garcety", "official", "Eric Garcetti"),
        ("sfpd", "organization", "San Francisco Police Department"),
        ("blasio", "official", "Bill de Blasio"),
    ],
)
async def test_search_finds_by_typo_and_initials(app_store: Store, typed: str, kind: str, name: str) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        await type_text(pilot, typed)
        dialog = app.screen
        assert isinstance(dialog, SearchScreen)
        first = dialog.results.get_option_at_index(0)
        assert name in str(first.prompt)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SpeakerScreen)
        speaker = screen.official if kind == "official" else screen.organization
        assert speaker is not None and speaker.name == name
        assert name in shown(column(app).entries[0])


async def test_search_updates_as_you_type_and_escape_closes(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await settle(pilot)
        await type_text(pilot, "sa")
        names = [str(o.prompt) for o in app.screen.results.options]
        assert any("San Francisco" in n for n in names)
        await type_text(pilot, "n francisco police")
        hits = app.screen.hits
        assert hits and hits[0].name == "San Francisco Police Department"
        # Quotes come after names, and down moves the highlight.
        kinds = [h.kind for h in hits]
        assert kinds == sorted(kinds, key=lambda k: k == "quote")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, SearchScreen)
        assert len(app.screen_stack) == 1


async def test_palette_opens_a_name(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await settle(pilot)
        await type_text(pilot, "garcety")
        # The palette gathers hits in its own task and shows them in batches: wait until ours is listed.
        commands = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: any("Eric Garcetti" in str(option.prompt) for option in commands.options))
        assert "Eric Garcetti" in str(commands.get_option_at_index(0).prompt)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SpeakerScreen)
        assert app.screen.official is not None and app.screen.official.name == "Eric Garcetti"


# --- hostile database text -----------------------------------------------------------------------

HOSTILE_TEXT = (
    "date 2019-06-22\n"
    "In Gotham [/b], Mayor [bold]Evil[/b] \x1b[31mRed said “[/b]we [red]refuse[/red] $name \x1b[2J”.\n"
    "The Gotham Police Department [link=x] said it will not cooperate with ICE.\n"
)
HOSTILE_TOML = """
[source]
published = "2019-06-22"
published_evidence = "date 2019-06-22"

[[cities]]
id = "gotham"
name = "Gotham [/b]"
mention = "Gotham [/b]"

[[officials]]
id = "evil"
name = "[bold]Evil[/b] \\u001b[31mRed"
title = "Mayor"
jurisdiction = "city"
city = "gotham"
mention = "Mayor [bold]Evil[/b] \\u001b[31mRed"

[[organizations]]
id = "gpd"
name = "Gotham Police Department [link=x]"
kind = "police"
city = "gotham"
mention = "Gotham Police Department [link=x]"

[[stances]]
id = "gpd-refuses"
holder = "gpd"
kind = "police"
city = "gotham"
toward = "ICE"
position = "refuses"
evidence = "The Gotham Police Department [link=x] said it will not cooperate with ICE."

[[quotes]]
id = "evil-refuse"
speaker = "evil"
city = "gotham"
text = "[/b]we [red]refuse[/red] $name \\u001b[2J"
"""


def store_from(tmp_path: Path, text: str, annotations: str) -> Store:
    """A store over a one-article database built by the real builder."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "article.txt").write_text(text, encoding="utf-8")
    (sources / "article.toml").write_text(annotations, encoding="utf-8")
    return open_store(build_from(sources, tmp_path / "events.db"))


@pytest.fixture
def hostile_store(tmp_path: Path) -> Store:
    opened = store_from(tmp_path, HOSTILE_TEXT, HOSTILE_TOML)
    yield opened
    opened.close()


async def test_markup_and_escapes_in_the_database_are_shown_literally(hostile_store: Store) -> None:
    app = EventsApp(hostile_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "gotham")
        assert isinstance(app.screen, CityScreen)
        assert breadcrumb(app) == "Cities › Gotham [/b]"
        text = screen_text(app)
        assert "\x1b" not in text
        assert "[bold]Evil[/b]" in text  # the name, brackets and all: not bold, not swallowed
        assert "[/b]we [red]refuse[/red] $name" in text
        assert "Gotham Police Department [link=x]" in text
        while not isinstance(highlighted(app), Quote):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
        article = app.screen.query_one(ArticleText)
        # One visible symbol per control character, so the highlight still covers exactly text[start:end].
        quote = hostile_store.quote(1)
        assert len(article.excerpt) == len(quote.text)
        assert article.excerpt.replace("\u241b", "\x1b") == quote.text
        await pilot.press("escape", "escape", "slash")
        await settle(pilot)
        await type_text(pilot, "evil")
        assert "[bold]Evil[/b]" in str(app.screen.results.get_option_at_index(0).prompt)


# --- scale ---------------------------------------------------------------------------------------

FILLER = "Council members met again to discuss the budget, the parks and the late buses downtown.\n\n"


async def test_long_article_is_shown_whole_with_the_excerpt_in_view(tmp_path: Path) -> None:
    # ~110 KB, the size of the benchmark's articles: drawn line by line, so it is shown whole, not cut.
    text = "date 2019-06-22\n" + FILLER * 600 + HOSTILE_TEXT.split("\n", 1)[1] + FILLER * 600
    store = store_from(tmp_path, text, HOSTILE_TOML)
    app = EventsApp(store)
    async with app.run_test(size=SIZE) as pilot:
        quote = store.quote(1)
        app.open_source(quote.excerpt.source_id, quote.excerpt.start, quote.excerpt.end)
        await settle(pilot)
        article = app.screen.query_one(ArticleText)
        assert article.window == (0, len(text)) and "not shown" not in article.text
        assert article.excerpt.replace("\u241b", "\x1b") == quote.text
        pane = app.screen.query_one("#article")
        line = article.excerpt_line()
        assert line > 1000  # far down: the 600 paragraphs before it are there to scroll back to
        assert pane.scroll_y <= line < pane.scroll_y + pane.scrollable_content_region.height
        assert "[/b]we [red]refuse[/red] $name" in terminal_text(app)
        await pilot.press("end")
        await settle(pilot)
        assert FILLER.strip() in terminal_text(app) and pane.scroll_y == pane.max_scroll_y
    store.close()


async def test_j_k_g_G_scroll_the_article(tmp_path: Path) -> None:
    text = "date 2019-06-22\n" + FILLER * 200 + HOSTILE_TEXT.split("\n", 1)[1] + FILLER * 200
    store = store_from(tmp_path, text, HOSTILE_TOML)
    app = EventsApp(store)
    async with app.run_test(size=SIZE) as pilot:
        quote = store.quote(1)
        app.open_source(quote.excerpt.source_id, quote.excerpt.start, quote.excerpt.end)
        await settle(pilot)
        pane = app.screen.query_one("#article")
        start = pane.scroll_y
        assert 0 < start < pane.max_scroll_y  # the excerpt is mid-article: every key below can move the view
        await pilot.press("j", "j")
        await settle(pilot)
        assert pane.scroll_y == start + 2
        await pilot.press("k")
        await settle(pilot)
        assert pane.scroll_y == start + 1
        await pilot.press("G")
        await settle(pilot)
        assert pane.scroll_y == pane.max_scroll_y
        await pilot.press("g")
        await settle(pilot)
        assert pane.scroll_y == 0
        await pilot.press("x")  # back to the excerpt
        await settle(pilot)
        line = app.screen.query_one(ArticleText).excerpt_line()
        assert pane.scroll_y <= line < pane.scroll_y + pane.scrollable_content_region.height
    store.close()


async def test_giant_article_shows_the_paragraphs_around_the_excerpt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Megabytes of text would take a while to wrap: the view shows a window and says what it leaves out.
    monkeypatch.setattr(article, "WINDOW_CHARS", 20_000)
    text = "date 2019-06-22\n" + FILLER * 600 + HOSTILE_TEXT.split("\n", 1)[1] + FILLER * 600
    store = store_from(tmp_path, text, HOSTILE_TOML)
    app = EventsApp(store)
    async with app.run_test(size=SIZE) as pilot:
        quote = store.quote(1)
        app.open_source(quote.excerpt.source_id, quote.excerpt.start, quote.excerpt.end)
        await settle(pilot)
        view = app.screen.query_one(ArticleText)
        lo, hi = view.window
        assert 0 < lo < quote.excerpt.start and quote.excerpt.end < hi < len(text)
        assert view.excerpt.replace("\u241b", "\x1b") == quote.text
        assert f"{lo:,} characters before this point not shown" in view.text
        assert f"{len(text) - hi:,} characters after this point not shown" in view.text
        pane = app.screen.query_one("#article")
        line = view.excerpt_line()
        assert pane.scroll_y <= line < pane.scroll_y + pane.scrollable_content_region.height
        await pilot.press("home")
        await settle(pilot)
        assert f"{lo:,} characters before this point not shown" in terminal_text(app)
    store.close()


class RowsApp(ReadingApp[None]):
    """A bare app holding one paged column, to watch the "N more" row on its own."""

    def __init__(self, units: list[int]) -> None:
        super().__init__()
        self.units = units

    def compose(self):
        yield DrillList(paged(self.units, lambda n: [Entry("row", Content(f"row {n}"), n)], 4, "rows"))


async def click_row(pilot: Pilot, lst: DrillList, entry: Entry, times: int = 1) -> None:
    """Click the first line of a row of the column, where the user sees it."""
    lst.move_to(lst.cursor)  # nothing moves; only makes sure the layout is current
    y = lst.first_line(lst.entries.index(entry)) - round(lst.scroll_offset.y)
    assert 0 <= y < lst.scrollable_content_region.height, "the row is not in view"
    await pilot.click(DrillList, offset=(4, y), times=times)


async def test_more_rows_shows_the_next_page_and_lands_on_it() -> None:
    app = RowsApp(list(range(10)))
    async with app.run_test(size=SIZE) as pilot:
        lst = app.query_one(DrillList)

        def labels() -> list[str]:
            return [shown(lst.entries[i]) for i in lst.selectable]

        assert labels() == ["row 0", "row 1", "row 2", "row 3", "6 more rows — press Enter to show them"]
        assert "6 more rows — press Enter to show them" in terminal_text(app)
        lst.move_to(4)
        assert isinstance(lst.highlighted, MoreUnits)
        await pilot.press("enter")
        await settle(pilot)
        assert labels()[4:] == ["row 4", "row 5", "row 6", "row 7", "2 more rows — press Enter to show them"]
        assert lst.highlighted == 4  # reading continues at the first row just shown
        await click_row(pilot, lst, lst.entries[lst.selectable[-1]])
        await settle(pilot)
        assert labels() == [f"row {n}" for n in range(10)]
        assert not any(isinstance(e.target, MoreUnits) for e in lst.entries)
        assert "row 9" in terminal_text(app) and "more rows" not in terminal_text(app)


async def test_mouse_click_highlights_and_double_click_opens(app_store: Store) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "chicago")
        lst = column(app)
        statement = rows_of(app, Quote)[0]
        await click_row(pilot, lst, statement)
        await settle(pilot)
        assert highlighted(app) is statement.target and isinstance(app.screen, CityScreen)
        await click_row(pilot, lst, statement, times=2)
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        assert app.screen.query_one(ArticleText).excerpt == statement.target.text


@pytest.mark.parametrize("size", [(80, 24), (40, 12), (12, 5)])
async def test_drill_screens_survive_small_terminals_and_resizes(app_store: Store, size: tuple[int, int]) -> None:
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "oakland")
        await pilot.resize_terminal(*size)
        await settle(pilot)
        assert isinstance(app.screen, CityScreen)
        await pilot.press("G", "enter")  # the last row: a stance card, whose evidence opens the source
        await settle(pilot)
        assert isinstance(app.screen, SourceScreen)
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        await pilot.resize_terminal(*size)
        await settle(pilot)
        await pilot.press("escape", "slash")
        await settle(pilot)
        await type_text(pilot, "schaaf")
        assert isinstance(app.screen, SearchScreen) and app.screen.hits


def test_palette_prompt_is_literal() -> None:
    hit = SearchHit("official", 1, "[bold]Evil[/b]", "Mayor \x1b[31mof [red]Gotham")
    prompt = palette_prompt(hit)
    assert "[bold]Evil[/b]" in prompt.plain and "[red]Gotham" in prompt.plain
    assert "\x1b" not in prompt.plain


async def test_a_failing_read_is_one_line_on_screen_not_a_crash(
    app_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(city_id: int, quotes_each: int = 0) -> None:
        raise sqlite3.OperationalError("database disk image is malformed")

    monkeypatch.setattr(app_store, "city_view", broken)
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "chicago")
        assert isinstance(app.screen, CityScreen)
        # One line in place of "Loading…", the same words the CLI prints for a damaged file; the app runs on.
        assert "Loading…" not in screen_text(app)
        assert "the database file is damaged (database disk image is malformed)" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)
        assert len(app.screen_stack) == 1


async def test_speaker_statements_load_a_page_at_a_time(app_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speaker_screen, "PAGE_SIZE", 1)
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await search_and_open(pilot, "lightfoot")
        screen = app.screen
        assert isinstance(screen, SpeakerScreen) and screen.official is not None
        expected = app_store.quotes_page(0, 100, official_id=screen.official.id)
        assert len(expected) == 2, "the bundled article quotes Lightfoot twice"
        assert [row.target.id for row in rows_of(app, Quote)] == [expected[0].id]
        more = "Showing 1 of 2 — press Enter for more"
        assert [shown(row) for row in rows_of(app, MorePages)] == [more]
        assert more in terminal_text(app)
        await pilot.press("G", "enter")
        await settle(pilot)
        assert [row.target.id for row in rows_of(app, Quote)] == [q.id for q in expected]
        assert not rows_of(app, MorePages) and "press Enter for more" not in terminal_text(app)
        assert highlighted(app) == expected[1]  # reading continues at the statement just read
        assert expected[1].text[:30] in terminal_text(app)


@pytest.mark.parametrize("delay", [0.0, 0.03, 0.2])
async def test_a_slow_city_read_never_leaves_loading_on_screen(
    app_store: Store, monkeypatch: pytest.MonkeyPatch, delay: float
) -> None:
    """The first frame waits for nothing here, so the read always finishes after the screen said "Loading…" —
    sometimes before it was mounted (the case that used to stay on "Loading…" for good), sometimes after."""
    import time

    from tui.screens import city as city_screen

    monkeypatch.setattr(city_screen, "FIRST_FRAME_WAIT", 0)
    read = app_store.city_view

    def slow(city_id: int, quotes_each: int = 5) -> object:
        time.sleep(delay)
        return read(city_id, quotes_each)

    monkeypatch.setattr(app_store, "city_view", slow)
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        app.open_city(city_id(app_store, "Chicago"))
        for _ in range(100):
            await settle(pilot)
            if "Loading…" not in screen_text(app):
                break
        assert "Loading…" not in screen_text(app)
        assert "Police stance on ICE" in screen_text(app)


# --- opening a screen restyles only that screen -----------------------------------------------------------


async def test_opening_each_screen_leaves_the_apps_stylesheet_alone(
    app_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A screen's CSS file read when the screen is first pushed makes Textual parse every rule again and restyle
    every widget on every screen (15-25 ms of the first city's frame at a million quotes): the app reads them all
    at start-up instead, so opening a city, a speaker, an article, compare or help re-parses nothing."""
    app = EventsApp(app_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        reparses: list[str] = []
        reparse = app.stylesheet.reparse

        def counted() -> None:
            reparses.append(type(app.screen).__name__)
            reparse()

        monkeypatch.setattr(app.stylesheet, "reparse", counted)
        quote = app_store.quotes_page(0, 1)[0]
        opened: list[str] = []
        for open_screen in (
            lambda: app.open_city(city_id(app_store, "Chicago")),
            lambda: app.open_speaker(official_id=quote.official_id),
            lambda: app.open_source(quote.excerpt.source_id, quote.excerpt.start, quote.excerpt.end),
            app.action_help,
            lambda: app.simulate_key("C"),
        ):
            open_screen()
            await settle(pilot)
            opened.append(type(app.screen).__name__)
            await pilot.press("escape")
            await settle(pilot)
        assert opened == ["CityScreen", "SpeakerScreen", "SourceScreen", "HelpScreen", "CompareScreen"]
        assert reparses == []
