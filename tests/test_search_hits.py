"""The search dialog's results built once per key: the same text, highlights and heights as built the plain way.

`hit_prompt` moves the spans it found while placing the snippet instead of matching the words again, and builds
each Content in one go instead of a copy per highlight; `Hanging.get_height` measures the plain lines instead of a
styled copy. Each is compared here with the straightforward way (written out below) over the results of many
searches of the bundled database and of a synthetic one (long quotes, accents, words matched late in a text).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from textual.color import Color
from textual.content import Content
from textual.css.styles import Styles
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions

from tests.conftest import make_synth_db
from tui.models import SearchHit
from tui.present import one_line
from tui.search import match_spans, quote_words, search
from tui.store import Store, open_store
from tui.widgets.search_hit import HIGHLIGHT, LEAD_CHARS, SNIPPET_CHARS, Hanging, hit_prompt, snippet_of

TEXTS = ["po", "police", "sanctuary", "deportation", "the", "gar", "garcia", "immigration ra", "city", "won", "j"]
TEXTS += ["sánchez", "nguyen", "families", "raids in", "a", "enforcement of", "la", "chicago police"]


def plain_snippet(text: str, words: list[str]) -> str:
    line = one_line(text)
    spans = match_spans(line, words)
    if spans and spans[0][1] > SNIPPET_CHARS - 10:
        start = line.rfind(" ", 0, max(spans[0][0] - LEAD_CHARS, 0)) + 1
        line = "…" + line[start:]
    if len(line) > SNIPPET_CHARS:
        line = line[: SNIPPET_CHARS - 1] + "…"
    return line


def plain_highlighted(text: str, words: list[str], style: str) -> Content:
    content = Content.styled(text, style)
    for start, end in match_spans(text, words):
        content = content.stylize(HIGHLIGHT, start, end)
    return content


def plain_body(hit: SearchHit, words: list[str]) -> Content:
    """The result's body built the straightforward way: match the words in each piece, one stylize per match."""
    snippet = plain_snippet(hit.snippet, words)
    if hit.kind in ("quote", "claim"):
        snippet = f"“{snippet}”"
    name = plain_highlighted(one_line(hit.name), words, "bold")
    return Content.assemble(name, "\n", plain_highlighted(snippet, words, "$text-muted"))


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    out = tmp_path_factory.mktemp("synth-hits") / "synth.db"
    make_synth_db(out, cities=100, officials=400, quotes=2000, sources=10, seed=11)
    opened = open_store(out)
    yield opened
    opened.close()


def results(store: Store) -> list[tuple[SearchHit, list[str]]]:
    return [(hit, quote_words(text)) for text in TEXTS for hit in search(store, text, 60)]


def test_each_result_has_the_same_text_and_highlights_as_built_plainly(store: Store, synth_store: Store) -> None:
    pairs = results(store) + results(synth_store)
    late = 0
    for hit, words in pairs:
        body = hit_prompt(hit, words).body  # type: ignore[attr-defined]
        expected = plain_body(hit, words)
        assert (body.plain, list(body.spans)) == (expected.plain, list(expected.spans)), (hit, words)
        late += "…" in snippet_of(hit.snippet, words)[:1]
    highlighted = sum(1 for hit, words in pairs if any(s.style == HIGHLIGHT for s in plain_body(hit, words).spans))
    assert len(pairs) > 500 and highlighted > 300 and late > 0, (len(pairs), highlighted, late)


@pytest.mark.parametrize(
    "text",
    [
        "word " * 80 + "police " + "more " * 80,  # matched late: the snippet starts a little before the match
        "x" * 300 + " police",  # matched late, with no space to start at
        "a " * 116 + "police station",  # the cut at the snippet's end goes through the word
        "police  " + "a " * 114 + "police end",  # ... through a word that two query words match at once
        "a " * 1500 + "police " + "b " * 200,  # past the characters match_spans looks at
        "Sánchez said “police” — the pólice",
        "",
    ],
)
def test_edge_cases_of_the_snippet_give_the_same_highlights(text: str) -> None:
    for words in (["police"], ["po", "police"], ["p"], ["sanchez", "police"], []):
        hit = SearchHit("quote", 1, "Name", text, 0.0)
        body = hit_prompt(hit, words).body  # type: ignore[attr-defined]
        expected = plain_body(hit, words)
        assert (body.plain, list(body.spans)) == (expected.plain, list(expected.spans)), words


def test_the_height_of_each_result_is_what_content_measures(store: Store, synth_store: Store) -> None:
    rules = Styles()
    pairs = results(store)[:150] + results(synth_store)[:150]
    pairs.append((SearchHit("quote", 1, "", "", 0.0), []))
    pairs.append((SearchHit("quote", 1, "N" * 50, "w" * 400 + " x", 0.0), ["w"]))
    # Wide and zero-width characters: measured cell by cell, not by the one-cell fast path.
    pairs.append(
        (SearchHit("quote", 1, "東京都知事", "東京の警察は協力しない。" * 12 + " Jose\u0301 🙂 " * 9, 0.0), ["jose"])
    )
    tall = 0
    for hit, words in pairs:
        visual = hit_prompt(hit, words)
        assert isinstance(visual, Hanging)
        for width in (1, 5, 10, 11, 20, 37, 60, 80, 101, 120):
            height = visual.get_height(rules, width)
            assert height == visual.body.get_height(rules, max(width - visual.indent, 1)), (hit, width)
            tall += height > 3
    assert tall > 100


def plain_render(visual: Hanging, width: int, style: Style, options: RenderOptions) -> list[Strip]:
    """Hanging.render_strips as first written: the label rendered for every result."""
    body_width = max(width - visual.indent, 1)
    strips = visual.body.render_strips(body_width, None, style, options)
    rich_style = style.rich_style
    label = visual.label.render_strips(visual.indent, 1, style, options)
    first = label[0].crop_pad(visual.indent, 0, 0, rich_style) if label else Strip.blank(visual.indent, rich_style)
    blank = Strip.blank(visual.indent, rich_style)
    return [
        Strip.join([first if n == 0 else blank, strip.extend_cell_length(body_width, rich_style)])
        for n, strip in enumerate(strips)
    ]


def test_each_result_paints_as_it_did_with_its_label_drawn_every_time(store: Store) -> None:
    themes = [{"text-muted": "#808080"}, {"text-muted": "#102030"}]  # a theme change must not reuse a label
    styles = [Style(), Style(bold=True), Style(background=Color(10, 20, 200))]
    painted = 0
    for variables in themes:
        options = RenderOptions(lambda s, v=variables: Style.parse(s, v) if isinstance(s, str) else s, Styles())
        for hit, words in results(store)[:80]:
            visual = hit_prompt(hit, words)
            assert isinstance(visual, Hanging)
            for style in styles:
                for width in (30, 101):
                    got = [list(strip) for strip in visual.render_strips(width, None, style, options)]
                    assert got == [list(strip) for strip in plain_render(visual, width, style, options)], hit
                    painted += 1
    assert painted > 500
