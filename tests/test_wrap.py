"""`tui.widgets.wrap` breaks lines where Textual's own `Content.wrap` does, fast path and slow path alike.

The drill-down views paint the lines these offsets give, so a disagreement would show text differently from a
Static (or, worse, a line wider than the view); Content.wrap is the reference.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.content import Content

from tui.widgets.wrap import line_starts, wrap_ranges

# Narrow letters (the regex path), wide CJK and emoji, a combining accent (zero cells), spaces and long words.
PIECES = ["a", "bb", "word", " ", "  ", "é", "Ω", "東", "😀", "\u0301", "-", "x" * 30, "\u2400"]


def reference(paragraph: str, width: int) -> list[str]:
    return [line.plain.rstrip() for line in Content(paragraph).wrap(width)]


def ours(paragraph: str, width: int) -> list[str]:
    starts = line_starts(paragraph, width)
    return [paragraph[a:b].rstrip() for a, b in zip(starts, [*starts[1:], len(paragraph)], strict=True)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join), st.integers(min_value=2, max_value=30))
def test_line_breaks_match_content_wrap(paragraph: str, width: int) -> None:
    assert ours(paragraph, width) == reference(paragraph, width)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "word", " ", "Ω", "."]), max_size=60).map("".join), st.integers(2, 20))
def test_narrow_text_takes_the_fast_path_and_agrees(paragraph: str, width: int) -> None:
    assert ours(paragraph, width) == reference(paragraph, width)


def test_ranges_cover_every_character_but_the_newlines() -> None:
    text = "First paragraph, long enough to wrap twice at this width.\n\nThird, after a blank line."
    ranges = wrap_ranges(text, 20)
    assert "".join(text[a:b] for a, b in ranges) == text.replace("\n", "")
    assert [text[a:b].rstrip() for a, b in ranges] == [
        line.plain.rstrip() for paragraph in text.split("\n") for line in Content(paragraph).wrap(20)
    ]
    assert (58, 58) in ranges  # the blank line is a line of its own
