"""How the search dialog draws its results and the status line under its box.

One result: its kind in a column of its own, then the name and a snippet, the query's
words highlighted; lines that wrap stay indented under the name (a hanging indent), never back at the kind.

Database text is shown literally: every piece is a `Content` of escaped text, never parsed as markup.
"""

from __future__ import annotations

from rich.style import Style as RichStyle
from textual.content import Content, Span
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

from tui.models import SearchHit
from tui.present import one_line
from tui.search import (
    COUNT_CAP,
    MAX_HIGHLIGHT_CHARS,
    MAX_RESULTS,
    RANK_LIMIT,
    SearchPage,
    list_stops,
    match_spans,
    result_count,
)
from tui.widgets.wrap import line_starts

SNIPPET_CHARS = 240
# Characters of a long text shown before its first matched word, so the match is in the snippet.
LEAD_CHARS = 40
KIND_LABEL = {
    "city": "city",
    "official": "official",
    "organization": "org",
    "stance": "stance",
    "claim": "figure",
    "quote": "quote",
}
INDENT = 9
HIGHLIGHT = "bold underline"
HINT = "Type a city, official or organisation (typos are fine), or words the articles say"
MORE_HINT = "↓ or End at the last result loads more"


class Hanging(Visual):
    """A label in a fixed-width column on the first line, and a body wrapped beside it on every line."""

    def __init__(self, label: Content, body: Content, indent: int = INDENT) -> None:
        self.label = label
        self.body = body
        self.indent = indent

    def __str__(self) -> str:
        """The plain text shown, as `str(option.prompt)` gives it for a Content prompt."""
        return f"{self.label.plain:<{self.indent}}{self.body.plain}"

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, max(container_width - self.indent, 1))

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.indent + 1

    def get_height(self, rules: RulesMap, width: int) -> int:
        """The body's height at the width beside the label, as `Content.get_height` gives it.

        OptionList asks it of every result on every keystroke, visible or not; Content would wrap a styled copy of
        the body line by line for it. Breaking the plain lines where Content breaks them gives the same count at a
        fraction of the cost, with the wrapping rule the drill-down views share (tests/test_search_hits.py compares
        both); other rules than wrapping and folding go to Content itself.
        """
        body_width = max(width - self.indent, 1)
        get_rule = rules.get
        plain = self.body.plain
        simple = get_rule("text_overflow", "fold") == "fold" and get_rule("text_wrap", "wrap") != "nowrap"
        if not simple or get_rule("line_pad", 0) or "\t" in plain:
            return self.body.get_height(rules, body_width)
        return sum(len(line_starts(line, body_width)) for line in plain.split("\n"))

    def _label_strip(self, style: Style, options: RenderOptions) -> Strip:
        if options.selection is not None:
            return _render_label(self.label, self.indent, style, options)
        label = self.label
        get_style = options.get_style
        # The label's styles as resolved now (theme variables included), not the callable: that is the widget's, and
        # a key holding it would keep a closed dialog and all its results alive.
        resolved = tuple((a, b, get_style(span_style)) for a, b, span_style in label.spans)
        key = (label.plain, resolved, self.indent, style, options.post_style)
        strip = _LABEL_STRIPS.get(key)
        if strip is None:
            if len(_LABEL_STRIPS) >= MAX_LABEL_STRIPS:
                _LABEL_STRIPS.clear()
            strip = _LABEL_STRIPS[key] = _render_label(label, self.indent, style, options)
        return strip

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        body_width = max(width - self.indent, 1)
        strips = self.body.render_strips(body_width, height, style, options)
        rich_style: RichStyle = style.rich_style
        first = self._label_strip(style, options)
        blank = Strip.blank(self.indent, rich_style)
        return [
            Strip.join([first if n == 0 else blank, strip.extend_cell_length(body_width, rich_style)])
            for n, strip in enumerate(strips)
        ]


# The label column's first line, by everything it depends on: a handful of kinds in two or three styles, painted
# for every result on screen on every keystroke otherwise (half of a result's painting).
_LABEL_STRIPS: dict[tuple[object, ...], Strip] = {}
MAX_LABEL_STRIPS = 64


def _render_label(label: Content, indent: int, style: Style, options: RenderOptions) -> Strip:
    rich_style: RichStyle = style.rich_style
    strips = label.render_strips(indent, 1, style, options)
    return strips[0].crop_pad(indent, 0, 0, rich_style) if strips else Strip.blank(indent, rich_style)


def snippet_of(text: str, words: list[str]) -> str:
    """One line of `text`, at most SNIPPET_CHARS, starting a little before the first matched word if late."""
    return snippet_with_spans(text, words)[0]


def snippet_with_spans(text: str, words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """`snippet_of`, and where `words` match in it (as `match_spans` of the snippet gives them).

    The spans found to place the snippet are moved onto it rather than sought again: the matched words were
    folded and found once per result, not twice.
    """
    line = one_line(text)
    spans = match_spans(line, words)
    start = shift = 0
    if spans and spans[0][1] > SNIPPET_CHARS - 10:
        start = line.rfind(" ", 0, max(spans[0][0] - LEAD_CHARS, 0)) + 1
        line = "…" + line[start:]
        shift = 1 - start  # what was at `start` now follows the "…"
    cut = len(line)
    if len(line) > SNIPPET_CHARS:
        cut = SNIPPET_CHARS - 1
        line = line[:cut] + "…"
    moved = [(a + shift, b + shift) for a, b in spans]
    # Sought again only where moving could differ: a span the cut goes through (the word is cut short), or a snippet
    # reaching past the text that match_spans looked at.
    if start + SNIPPET_CHARS > MAX_HIGHLIGHT_CHARS or any(a < cut < b for a, b in moved):
        return line, match_spans(line, words)
    return line, [(a, b) for a, b in moved if b <= cut]


def highlighted(text: str, words: list[str], style: str = "") -> Content:
    """`text` as literal Content in `style`, each matched word highlighted."""
    return _styled(text, style, match_spans(text, words))


def _styled(text: str, style: str, spans: list[tuple[int, int]]) -> Content:
    """Literal Content in `style` with `spans` highlighted: what `Content.styled(...).stylize(...)` for each span
    makes, in one Content instead of a copy per span."""
    if not text:
        return Content("")
    length = len(text)
    marks = [Span(0, length, style)] if style else []
    marks += [Span(a, min(b, length), HIGHLIGHT) for a, b in spans if a < length and b > a]
    return Content(text, marks)


def hit_prompt(hit: SearchHit, words: list[str], width: int | None = None) -> Visual:
    """Kind; name, then a line of what it is or what it says; the query's `words` highlighted.

    `width` is unused (the visual wraps itself at whatever width the list gives it); kept for callers.
    """
    kind = KIND_LABEL.get(hit.kind, hit.kind)
    name = one_line(hit.name)
    snippet, spans = snippet_with_spans(hit.snippet, words)
    if hit.kind in ("quote", "claim"):
        snippet = f"“{snippet}”"
        spans = [(a + 1, b + 1) for a, b in spans]  # '“' folds to one space: the words move by one
    body = Content.assemble(highlighted(name, words, "bold"), "\n", _styled(snippet, "$text-muted", spans))
    return Hanging(Content.styled(kind, "$text-muted"), body)


# --- the status line under the search box --------------------------------------------------------


def kind_group(hit: SearchHit) -> str:
    return "name" if hit.kind in ("city", "official", "organization") else hit.kind


NOUNS = {"name": "name", "stance": "stance", "claim": "claim", "quote": "quote"}


def _plural(count: int | str, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def status_line(text: str, page: SearchPage | None, quote_total: int | None) -> Content:
    """'Showing 30 of 45,012: 2 names · 1,000 claims · 44,012 quotes — ↓ or End at the last result loads more'.

    Every count is exact or says it is a bound ("30+ names", "over 10,000 claims", "over 2,000 quotes"), and at
    MAX_RESULTS the line says the list goes no further rather than offer to load more.
    """
    if not text.strip():
        return Content(HINT)
    if page is None or not page.hits:
        skipped = f" ({' and '.join(page.skipped)} not searched: no index)" if page and page.skipped else ""
        return Content(f"Nothing matches “{one_line(text.strip())[:40]}”{skipped}")
    parts = []
    for kind in ("name", "stance", "claim"):
        count = page.counts.get(kind)
        if count:
            parts.append(_plural(f"{count:,}" if count != 1 else 1, NOUNS[kind]))
        elif count is None and kind == "name":
            parts.append(f"{sum(1 for h in page.hits if kind_group(h) == kind)}+ names")  # they filled the page
        elif count is None and f"{kind}s" not in page.skipped:
            parts.append(f"over {COUNT_CAP:,} {NOUNS[kind]}s")
    if quote_total is not None:
        parts.append(_plural(f"{quote_total:,}" if quote_total != 1 else 1, "quote"))
    elif page.quote_matches is None and any(h.kind == "quote" for h in page.hits):
        parts.append(f"over {RANK_LIMIT:,} quotes")  # the search read that many before ranking
    else:
        parts.append("quotes not counted (too many to count quickly)")
    shown = len(page.hits)
    total, exact = result_count(page, quote_total)
    if not page.more:
        head = f"{shown} result{'s' * (shown != 1)}"
    else:
        head = f"Showing {shown:,} of {'' if exact else 'at least '}{total:,}"
    line = f"{head}: {' · '.join(parts)}"
    if page.skipped:
        line += f" · {' and '.join(page.skipped)} not searched (no index)"
    if not page.more:
        return Content(line + " — Enter opens, Escape closes")
    if shown >= MAX_RESULTS:  # the dialog loads no more than this (see SearchScreen.load_more)
        return Content(line + f" — {list_stops()}")
    return Content(line + f" — {MORE_HINT}")
