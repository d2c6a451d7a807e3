"""Names in the command palette (Ctrl+P): the same search as `/`, names only; choosing one opens its view.
The palette also offers the views that are not a name: "Compare cities" (the `C` key of the main screen)."""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import Hit, Hits, Provider
from textual.content import Content

from tui.models import SearchHit
from tui.present import one_line
from tui.search import search

if TYPE_CHECKING:
    from tui.app import EventsApp
    from tui.widgets.background import ReadingApp

LIMIT = 20
KIND_LABEL = {"city": "City", "official": "Official", "organization": "Organisation"}
COMPARE = "Compare cities"
COMPARE_HELP = "Every city's police stance, city policy, state law, mayor, quotes and sources, side by side (C)"


class NameProvider(Provider):
    """Cities, officials and organisations by name, typo-tolerant, ranked by tui.search."""

    async def discover(self) -> Hits:
        yield Hit(1.0, COMPARE, self._open_compare, help=COMPARE_HELP)

    def _open_compare(self) -> None:
        from tui.screens.compare import CompareScreen

        store = getattr(self.app, "store", None)
        if store is not None:
            self.app.push_screen(CompareScreen(store))

    async def search(self, query: str) -> Hits:
        store = getattr(self.app, "store", None)
        if store is None or not query.strip():
            return
        score = self.matcher(query).match(COMPARE)
        if score > 0:
            yield Hit(score, self.matcher(query).highlight(COMPARE), self._open_compare, help=COMPARE_HELP)
        # The store is synchronous; a thread keeps the palette's input responsive while it reads. Names only:
        # the palette opens views, and a short word's quotes cost up to 50 ms at a million quotes.
        try:
            names = await asyncio.to_thread(search, store, query, LIMIT, False)
        except Exception as exc:  # noqa: BLE001 — any failed read must be told, not shown as "no matches"
            # Textual's palette only logs a provider's exception: the list would look like "nothing matches".
            line = cast("ReadingApp[object]", self.app).show_read_failure(exc)
            yield Hit(1.0, Content(f"Could not search: {line}"), _nothing, text=line)
            return
        for rank, hit in enumerate(names):
            # The palette sorts by score; scores from rank keep tui.search's order (its typo-tolerant
            # matches would lose to Textual's own fuzzy scoring, which knows nothing of typos).
            yield Hit(
                score=1.0 - rank / (len(names) + 1),
                match_display=palette_prompt(hit),
                command=partial(cast("EventsApp", self.app).open_hit, hit),
                text=one_line(hit.name),
            )


def _nothing() -> None:
    """Choosing the line that says a search failed does nothing (the palette needs a command for every line)."""


def palette_prompt(hit: SearchHit) -> Content:
    """'Eric Garcetti  Official · Mayor of Los Angeles · D', as literal Content (the palette parses strings)."""
    kind = KIND_LABEL.get(hit.kind, hit.kind)
    detail = " · ".join(p for p in (kind, one_line(hit.snippet)) if p)
    return Content.assemble((one_line(hit.name), "bold"), "  ", (detail, "$text-muted"))
