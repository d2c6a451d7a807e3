"""Quotes in context, the article's figures, and copying (issue 11, items 8, 9 and 11).

The sentence splitter is tested on its own; every quote and stance of the bundled article is tested against the
article's text, so the context shown is always `text[start:end]` and always holds the quoted words.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from pathlib import Path

import pytest

from tests.test_app_main import settle
from tui.app import EventsApp
from tui.models import Claim, Context, Quote
from tui.present import citation, context_line
from tui.screens.citation import write_new_file
from tui.sentences import MAX_SIDE, sentence_bounds
from tui.store import Store


def sentence(text: str, words: str) -> str:
    start = text.index(words)
    bounds = sentence_bounds(text, start, start + len(words))
    return text[bounds.start : bounds.end]


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("One. Two three. Four.", "three", "Two three."),
        # A stop inside closing quotation marks ends the sentence after them.
        ("He said “not panic.” Then he left.", "not panic.", "He said “not panic.”"),
        # Initials, titles and abbreviated states do not end a sentence.
        ("Mayor Ras J. Baraka spoke. Next.", "spoke", "Mayor Ras J. Baraka spoke."),
        ("Pelosi (D-Calif.) said so. Next one.", "said", "Pelosi (D-Calif.) said so."),
        ("Florida Gov. Ron DeSantis signed it. Then.", "signed", "Florida Gov. Ron DeSantis signed it."),
        ("From Sept. 24 through Friday. Then.", "through", "From Sept. 24 through Friday."),
        ("The U.S. Immigration agency acted. Then.", "acted", "The U.S. Immigration agency acted."),
        # A line break ends a sentence, with or without a stop.
        ("A heading\nThe body text here. Next.", "body", "The body text here."),
        ("First line\nsecond line", "second", "second line"),
        # A stop followed by a lower-case word is not an end ("e.g. this").
        ("It was 3 p.m. when it came. Next.", "came", "It was 3 p.m. when it came."),
        # Words spanning two sentences: both.
        ("One. Two. Three.", "One. Two", "One. Two."),
    ],
)
def test_sentence_bounds(text: str, words: str, expected: str) -> None:
    assert sentence(text, words) == expected


def test_a_sentence_longer_than_the_limit_is_cut_at_a_word_and_says_so() -> None:
    long_before = "word " * (MAX_SIDE // 2)
    text = f"Start. {long_before}the quoted words {long_before}end. After."
    start = text.index("the quoted words")
    bounds = sentence_bounds(text, start, start + len("the quoted words"))
    assert bounds.cut_before and bounds.cut_after
    shown = text[bounds.start : bounds.end]
    assert "the quoted words" in shown and not shown.startswith(" ") and not shown.endswith(" ")
    assert start - bounds.start <= MAX_SIDE and bounds.end - (start + len("the quoted words")) <= MAX_SIDE
    assert text[bounds.start - 1] == " " and text[bounds.end] == " "  # cut between words


def test_every_quote_and_stance_sits_in_its_sentence(store: Store) -> None:
    texts = {s.id: store.source_text(s.id) for s in store.sources()}
    items = [*store.iter_quotes(), *store.iter_stances()]
    assert items
    for item in items:
        context = store.sentence_around(item.excerpt)
        assert context is not None
        text = texts[item.excerpt.source_id]
        assert context.text == text[context.start : context.end]
        words = item.text if isinstance(item, Quote) else item.evidence
        assert context.parts(item.excerpt)[1] == words
        assert context.start <= item.excerpt.start and item.excerpt.end <= context.end


def test_schaafs_fragment_comes_with_what_the_article_says_around_it(store: Store) -> None:
    quote = next(q for q in store.iter_quotes() if q.text == "raids in this community")
    context = store.sentence_around(quote.excerpt)
    assert context is not None and "did not have specific information" in context.text
    line = citation(quote, context)
    assert "In context: “" in line and "did not have specific information" in line
    assert line.startswith("“raids in this community” — Libby Schaaf")
    # Without a context, the citation is the one the CLI printed before.
    assert "In context" not in citation(quote)


def test_a_context_that_does_not_hold_the_words_is_never_shown(store: Store) -> None:
    quote = next(q for q in store.iter_quotes() if q.text == "not panic.")
    context = store.sentence_around(quote.excerpt)
    assert context is not None
    damaged = replace(context, text=context.text.replace("not panic.", "do panic.!"))
    assert context_line(damaged, quote.text, quote.excerpt) is None
    assert "In context" not in citation(quote, damaged)


def test_the_citation_names_title_outlet_and_url_when_the_source_has_them(store: Store) -> None:
    quote = next(q for q in store.iter_quotes() if q.text == "not panic.")  # an article with no URL stated
    source = replace(quote.source, title="ICE raids", outlet="The Post", url="https://example.org/a")
    line = citation(replace(quote, source=source))
    assert "“ICE raids”, The Post" in line and "https://example.org/a" in line
    assert "https://" not in citation(quote)  # the bundled article states no URL


def test_claims_are_linked_to_the_cities_their_evidence_names(store: Store) -> None:
    cities = {c.name: c.id for c in store.cities_page(0, 100)}
    claims = store.claims()
    for name, city_id in cities.items():
        names = store.city_names(city_id)
        # Every claim whose words hold one of the city's names as a whole word, and no other.
        naming = [c.id for c in claims if any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", c.evidence) for n in names)]
        assert [c.id for c in store.claims_naming_city(city_id)] == naming, name
    named = {name for name, city_id in cities.items() if store.claims_naming_city(city_id)}
    # "in up to 10 cities — including Miami, Los Angeles, Chicago, and Houston"
    assert {"Miami", "Los Angeles", "Chicago", "Houston"} <= named
    assert "Oakland" not in named  # no figure names it
    for source in store.sources():
        in_source = [c.figure for c in claims if c.source.id == source.id]
        assert [c.figure for c in store.claims_in_source(source.id)] == in_source


async def test_houston_and_miami_pages_show_the_figure_that_names_them(store: Store) -> None:
    cities = {c.name: c.id for c in store.cities_page(0, 100)}
    app = EventsApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        for name in ("Houston", "Miami"):
            app.open_city(cities[name])
            await settle(pilot)
            claims = [e.target for e in app.screen.rows.entries if isinstance(e.target, Claim)]
            assert claims == store.claims_naming_city(cities[name]), name
            assert "up to 10 cities" in [c.figure for c in claims]
            await pilot.press("escape")
            await settle(pilot)


async def test_c_on_the_article_view_copies_what_is_highlighted(store: Store) -> None:
    quote = next(q for q in store.iter_quotes() if q.text == "not panic.")
    app = EventsApp(store)
    async with app.run_test(size=(120, 40)) as pilot:
        app.open_source(quote.excerpt.source_id, quote.excerpt.start, quote.excerpt.end)
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert app.clipboard == citation(quote, store.sentence_around(quote.excerpt))
        dialog = app.screen
        assert type(dialog).__name__ == "CitationScreen"
        shown = "\n".join(strip.text for strip in dialog._compositor.render_strips())
        assert "terminal's clipboard" in shown and "Copied" not in shown
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f")  # the next figure is highlighted, and `c` now cites it
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        figure = next(c for c in store.claims() if c.excerpt.start > quote.excerpt.start)
        assert app.clipboard == citation(figure, store.sentence_around(figure.excerpt))


def test_writing_a_citation_never_replaces_a_file(tmp_path: Path) -> None:
    now = datetime.datetime(2026, 12, 1, 17, 0, 0)
    existing = tmp_path / "events-tui-citation-20261201-170000.txt"
    existing.write_text("mine", encoding="utf-8")
    link_target = tmp_path / "target.txt"
    (tmp_path / "events-tui-citation-20261201-170000-2.txt").symlink_to(link_target)
    written = write_new_file("“words” — someone.", tmp_path, now)
    assert written.name == "events-tui-citation-20261201-170000-3.txt"
    assert written.read_text(encoding="utf-8") == "“words” — someone.\n"
    assert existing.read_text(encoding="utf-8") == "mine"
    assert not link_target.exists()  # the link was not followed


def test_context_parts_split_at_the_excerpt(store: Store) -> None:
    quote = next(q for q in store.iter_quotes() if q.text == "heartless")
    context = store.sentence_around(quote.excerpt)
    assert isinstance(context, Context)
    before, words, after = context.parts(quote.excerpt)
    assert words == "heartless" and before.endswith("“") and after.startswith("”")


def test_a_sentence_that_only_adds_quotation_marks_adds_nothing(store: Store) -> None:
    quote = next(q for q in store.iter_quotes() if q.text == "not panic.")
    words = "We do not enforce civil law."
    context = Context(quote.excerpt.source_id, 100, 100 + len(words) + 2, f"“{words}”")
    excerpt = replace(quote.excerpt, start=101, end=101 + len(words))
    assert context_line(context, words, excerpt) is None
    assert "In context" not in citation(replace(quote, text=words, excerpt=excerpt), context)
