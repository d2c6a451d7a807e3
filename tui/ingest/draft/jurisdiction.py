"""Each person's jurisdiction (national, state, county, city) and, for a city title with no city, the city the
article most plausibly means, with the reason written down (see tui.ingest.draft.entities)."""

from __future__ import annotations

import re

from tui.ingest.draft import vocab
from tui.ingest.draft.entities import Entities
from tui.ingest.draft.layout import Paragraph


def place_people(text: str, paras: list[Paragraph], found: Entities, dateline_city: str | None) -> None:
    """Jurisdiction for each person; a city-level title with no city gets the nearest city the article names."""
    for p in found.people:
        title = p.title or ""
        base = title.split()[-1].title() if title else ""
        if p.title in vocab.NATIONAL_TITLES or title.startswith(("ICE", "House", "U.S.", "Homeland")):
            p.jurisdiction = "national"
        elif p.title in vocab.STATE_TITLES or (p.state and not p.city and p.title not in vocab.CITY_TITLES):
            p.jurisdiction = "state" if p.title else None
        elif re.search(r"\bCounty\s+$", text[max(0, p.mention.start - 8) : p.mention.start]) or re.match(
            r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+County\b", text[p.mention.start : p.mention.end]
        ):
            p.jurisdiction = "county"  # "Jefferson County Sheriff Jeff Shrader": a county's, no city's
        elif p.title in vocab.CITY_TITLES or base in ("Chief", "Mayor", "Commissioner"):
            p.jurisdiction = "city"
            of_city = _of_city(text, found, p.mention.end)
            if p.city is None and of_city is not None:  # "Mayor Ana Ruiz of Akron"
                p.city = of_city
                p.reason += "; city from “of <city>” after the name"
            if p.city is None:
                p.city, where = _nearest_city(text, paras, found, p.mention.start, dateline_city)
                if p.city:
                    p.reason += f"; city from {where}"
                    p.confidence = min(p.confidence, 0.6)
        if p.title is None:
            p.confidence = 0.6
        if p.title == "House Speaker" or p.title == "Speaker":
            p.title = "House Speaker"
            p.jurisdiction = "national"


def _of_city(text: str, found: Entities, end: int) -> str | None:
    """The city right after a name, "Mayor Ana Ruiz of Akron" (not "… of the Akron council")."""
    of = re.match(r"(?:\s*\([^)]*\))?\s+of\s+(?:nearby\s+)?", text[end : end + 40])
    if of is None:
        return None
    at = end + of.end()
    return next((m.id for m in found.mentions if m.kind == "city" and m.start == at), None)


def _nearest_city(
    text: str, paras: list[Paragraph], found: Entities, at: int, dateline: str | None
) -> tuple[str | None, str]:
    para = next((p for p in paras if p.start <= at <= p.end), None)
    cities = [m for m in found.mentions if m.kind == "city"]
    if para:
        same = [m for m in cities if para.start <= m.start < at]
        if same:
            return same[-1].id, "the same paragraph"
    if dateline:
        return dateline, "the dateline"
    heads = [p for p in paras if p.kind == "headline"]
    for head in heads[:2]:
        in_head = [m for m in cities if head.start <= m.start < head.end]
        if in_head:
            return in_head[0].id, "the headline"
    if len(found.cities) == 1:
        return found.cities[0].id, "the only city the article names"
    return None, ""
