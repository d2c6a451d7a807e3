"""How the facts are put into words and JSON, shared by the browser and the command line. No Textual, no rich.

Everything here is a pure function of the models:
- the JSON shapes of `events-tui ... --json` (documented in README; later changes add keys, never rename);
- `citation()`, the plain-text citation the CLI prints and the browser's `c` key copies;
- `date_label()` and the words for what the sources do not state;
- `display_text()` / `one_line()`, the one escaper for database text shown on a terminal.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.models import (
    CityComparison,
    CityView,
    Claim,
    Context,
    Excerpt,
    NameMatch,
    Official,
    OfficialView,
    Organization,
    Quote,
    SearchHit,
    Source,
    Stance,
    StanceGroup,
    StanceTally,
    group_stances,
)

if TYPE_CHECKING:
    from tui.store import Store

NOT_STATED = "not stated in the sources"


def role(title: str | None, city: str | None, state: str | None, jurisdiction: str | None) -> str | None:
    """An official's title with its place, for citations: 'Mayor of Oakland', 'Governor of Florida'."""
    if title is None:
        return None
    if city:
        return f"{title} of {city}"
    if jurisdiction == "state" and state:
        return f"{title} of {state}"
    return title


def describe(store: Store, kind: str, entity_id: int) -> str:
    """A one-line description for a search hit: 'Mayor of Oakland · D', 'police · San Francisco'."""
    if kind == "city":
        city = store.city(entity_id)
        return f"city · {city.state or 'state not stated'}" if city else ""
    if kind == "official":
        o = store.official(entity_id)
        if o is None:
            return ""
        parts = [role(o.title, o.city_name, o.state, o.jurisdiction) or "official", o.party]
        return " · ".join(p for p in parts if p)
    org = store.organization(entity_id)
    if org is None:
        return ""
    return " · ".join(p for p in (org.kind, org.abbreviation, org.city_name) if p)


@dataclass(frozen=True, slots=True)
class StanceLook:
    """How one stance position is shown everywhere: the Cities badge, the city screen's card, CLI tables, legends."""

    position: str
    badge: str  # the short label on a badge: 'REFUSES'
    colour: str  # a hex colour both rich and Textual parse, so a terminal table and the browser agree
    legend: str  # what the position means, for legends and help

    @property
    def style(self) -> str:
        """Coloured words (a list badge, a CLI table cell)."""
        return f"bold {self.colour}"

    @property
    def badge_style(self) -> str:
        """A filled badge (the city screen's stance card)."""
        return f"bold #000000 on {self.colour}"


# One vocabulary: a refusal is red and a cooperation green on every screen and in every table. The colours say
# "stop" and "go" about cooperating with ICE, not whether the stance is right.
STANCE_LOOKS: dict[str, StanceLook] = {
    look.position: look
    for look in (
        StanceLook("refuses", "REFUSES", "#e05252", "refuses to cooperate with ICE"),
        StanceLook("cooperates", "COOPERATES", "#4caf50", "cooperates with ICE"),
        StanceLook("mandated", "MANDATED", "#e0a030", "required by law to cooperate with ICE"),
        StanceLook("unclear", "UNCLEAR", "#9e9e9e", "the sources do not make the stance clear"),
    )
}


def stance_look(position: str) -> StanceLook:
    """The look of a position; one the vocabulary does not know shows as its own words, uncoloured."""
    known = STANCE_LOOKS.get(position)
    if known is not None:
        return known
    words = one_line(position)
    return StanceLook(position, words.upper(), "", words)


def holder_label(stance: Stance) -> str:
    """Who holds a stance, as the sources name it: 'Florida bill ... (signed by Ron DeSantis) · state law'.

    A police stance needs no kind (it sits under the police heading); a law or policy says who signed it when the
    article does, so a governor's bill is not read as the governor's own words.
    """
    label = one_line(stance.holder)
    if stance.signed_by:
        label += f" (signed by {one_line(stance.signed_by)})"
    if stance.kind != "police":
        label += f" · {one_line(stance.kind)}"
    return label


def sources_phrase(count: int) -> str:
    return f"{count} source" if count == 1 else f"{count} sources"


def group_label(group: StanceGroup) -> str:
    """'refuses — 2 sources': the position and how many articles state it."""
    return f"{one_line(group.position)} — {sources_phrase(group.source_count)}"


def stated_when(stance: Stance) -> str:
    """When one statement of a stance holds: its own date if the article gives one, else its article's date."""
    if stance.date:
        return date_label(stance.date, stance.date_precision)
    if stance.source.published:
        return f"published {stance.source.published}"
    return DATE_NOT_STATED


SOURCES_DIFFER = "The sources differ, or the stance changed over time: each position is shown with its dates."


def stance_legend() -> str:
    """'refuses: refuses to cooperate with ICE · ...' for a legend line."""
    return " · ".join(f"{look.position}: {look.legend}" for look in STANCE_LOOKS.values())


DATE_NOT_STATED = "date not stated"
NO_POLICE_STANCE = "No police stance stated in the sources"
NO_MAYOR = "No mayor named in the sources"

# C0 controls, DEL and C1 controls, plus the bidi overrides that can make a line read differently from its bytes.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    # C0 controls and DEL have printable "control pictures" (U+2400..U+2421): ESC shows as ␛, so an ANSI
    # sequence in the data is seen, not obeyed. C1 and bidi controls have none.
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def display_text(text: str) -> str:
    """Database text made safe for a terminal: control characters and escapes become visible symbols.

    Newlines and tabs are kept. This is the one escaper for display; JSON and CSV exports keep the exact text,
    because `source.text[start:end] == quote.text` is the promise a citation rests on.
    """
    return _UNSAFE.sub(_visible, text)


def one_line(text: str) -> str:
    """`display_text` with all whitespace runs, newlines included, collapsed to one space: for error lines."""
    return " ".join(display_text(text).split())


def date_label(date: str | None, precision: str | None) -> str:
    """A date as precise as the source makes it: '2019-06-21', 'week of 2019-06-17', 'date not stated'.

    The database stores the first day of the period plus its precision; showing the bare day of a week-precise
    date would claim more than the article says.
    """
    if not date:
        return DATE_NOT_STATED
    if precision == "week":
        return f"week of {date}"
    try:
        day = datetime.date.fromisoformat(date)
    except ValueError:
        return date
    if precision == "month":
        return f"{day:%B %Y}"
    if precision == "year":
        return str(day.year)
    return date


def excerpt_label(excerpt: Excerpt) -> str:
    """Where the words are: 'source 2019-06-22-ice-raids, characters 1834-1857' (end exclusive, from 0)."""
    return f"source {excerpt.source_slug}, characters {excerpt.start}-{excerpt.end}"


# --- JSON shapes ------------------------------------------------------------------------------------


def source_json(source: Source, excerpt: Excerpt | None = None) -> dict[str, Any]:
    """`{"slug", "title", "outlet", "published", "start", "end"}`: the article a fact is cited from.

    title/outlet/published are null when the article does not state them; start/end are the character offsets
    of the excerpt (`text[start:end]`), null when no excerpt is meant.
    """
    return {
        "slug": source.slug,
        "title": source.title,
        "outlet": source.outlet,
        "published": source.published,
        "start": excerpt.start if excerpt else None,
        "end": excerpt.end if excerpt else None,
    }


def article_json(source: Source, text: str) -> dict[str, Any]:
    """`events-tui source --json`: `{"slug", "title", "outlet", "published", "text"}` plus url, contributors."""
    return {
        "slug": source.slug,
        "title": source.title,
        "outlet": source.outlet,
        "published": source.published,
        "text": text,
        "url": source.url,
        "contributors": source.contributors,
    }


def quote_json(q: Quote) -> dict[str, Any]:
    """`{"speaker", "speaker_title", "text", "medium", "date", "source"}` plus id, date_precision, city.

    `date` is the first day of its period; `date_precision` ("day", "week", ...) says which period.
    """
    return {
        "speaker": q.speaker,
        "speaker_title": q.speaker_title,
        "text": q.text,
        "medium": q.medium,
        "date": q.date,
        "source": source_json(q.source, q.excerpt),
        "id": q.id,
        "date_precision": q.date_precision,
        "city": q.city_name,
    }


def stance_json(s: Stance, city: str | None = None) -> dict[str, Any]:
    """`{"name", "kind", "stance", "summary", "evidence", "source"}` plus toward, date, date_precision, city.

    `stance` is one of refuses, cooperates, mandated, unclear; `evidence` is the article's own words.
    Stances carry a city id, not its name, so the caller passes the name it knows.
    """
    return {
        "name": s.holder,
        "kind": s.kind,
        "stance": s.position,
        "summary": s.summary,
        "evidence": s.evidence,
        "source": source_json(s.source, s.excerpt),
        "toward": s.toward,
        "date": s.date,
        "date_precision": s.date_precision,
        "city": city,
        "signed_by": s.signed_by,
    }


def stance_group_json(group: StanceGroup, city: str | None = None) -> dict[str, Any]:
    """A stance as stated by one or more sources: the `stance` shape of its first statement, plus `sources`.

    `sources` lists every statement of this holder's position, oldest first: a source reference with that
    article's `evidence`, `summary`, `toward`, `date` and `date_precision`. `disputed` is true when another entry
    gives the same holder another position (the sources differ, or the stance changed); each has its own dates.
    """
    return {
        **stance_json(group.first, city),
        "sources": [
            {
                **source_json(s.source, s.excerpt),
                "evidence": s.evidence,
                "summary": s.summary,
                "toward": s.toward,
                "date": s.date,
                "date_precision": s.date_precision,
            }
            for s in group.stances
        ],
        "disputed": group.disputed,
    }


def person_json(o: Official) -> dict[str, Any]:
    """`{"name", "title", "party", "city"}` plus state, role ('Mayor of Chicago') and handle."""
    return {
        "name": o.name,
        "title": o.title,
        "party": o.party,
        "city": o.city_name,
        "state": o.state,
        "role": role(o.title, o.city_name, o.state, o.jurisdiction),
        "handle": o.handle,
    }


def match_json(match: NameMatch | None) -> dict[str, Any] | None:
    """How the name asked for was resolved: `{"query", "how", "name", "id"}`; how is exact, alias, prefix, typo, id."""
    if match is None:
        return None
    return {"query": match.query, "how": match.how, "name": match.name, "id": match.id}


def match_note(match: NameMatch) -> str | None:
    """One line for stderr when the name shown is not the one typed (exact names and aliases need none)."""
    shown = f"{match.name} ({match.snippet})" if match.snippet else match.name
    if match.how == "prefix":
        where = "begins with" if match.kind == "city" else "includes"
        return f"showing {shown}, the only {match.kind} whose name {where} '{match.query}'"
    if match.how == "typo":
        return f"showing {shown}, the closest match to '{match.query}'"
    return None


def official_json(view: OfficialView, match: NameMatch | None = None) -> dict[str, Any]:
    """`events-tui official --json`: `{"official": {...}, "quotes": [quote...]}` plus quotes_total and match.

    `quotes` stops at the store's limit; `quotes_total` is how many there are in all.
    """
    return {
        "official": person_json(view.official),
        "quotes": [quote_json(q) for q in view.quotes],
        "quotes_total": view.total,
        "match": match_json(match),
    }


def shown_of(shown: int, total: int) -> str | None:
    """'showing 1,000 of 4,210' when a list was cut, else None."""
    return f"showing {shown:,} of {total:,}" if total > shown else None


def _other_json(entity: Official | Organization, quotes: tuple[Quote, ...], total: int) -> dict[str, Any]:
    # An organisation has no title; its kind ("police", "office") is what a reader needs in that place.
    title, kind = (entity.title, "official") if isinstance(entity, Official) else (entity.kind, "organization")
    return {
        "name": entity.name,
        "title": title,
        "quotes": [quote_json(q) for q in quotes],
        "type": kind,
        "quotes_total": total,
    }


def city_json(view: CityView, match: NameMatch | None = None) -> dict[str, Any]:
    """`events-tui city --json`: city, mayor (or null), police stances, the mayor's statements, others, context.

    `police` and `context` hold one entry per holder and position, with every source that states it.
    `others` lists the city's other officials, then its organisations (each with "type"), quotes or none. Lists
    that stop at the store's limits say how many there are in all: `statements_total`, each other's
    `quotes_total`, `officials_total` (every official of the city, the mayor included).
    """
    name = view.city.name
    others: list[tuple[Official | Organization, tuple[Quote, ...]]] = [*view.others, *view.organizations]
    return {
        "city": {"name": name, "state": view.city.state},
        "mayor": person_json(view.mayor) if view.mayor else None,
        "police": [stance_group_json(g, name) for g in group_stances(view.police)],
        "statements": [quote_json(q) for q in view.statements],
        "others": [_other_json(e, qs, view.quotes_total(e, len(qs))) for e, qs in others],
        "context": [stance_group_json(g, name) for g in group_stances(view.context)],
        "statements_total": view.quotes_total(view.mayor, len(view.statements)) if view.mayor else 0,
        "officials_total": officials_total(view),
        "match": match_json(match),
    }


def officials_total(view: CityView) -> int:
    """Every official of the city, the mayor included, whether or not all are listed."""
    shown = len(view.others) + (1 if view.mayor else 0)
    return shown if view.officials_total is None else view.officials_total


def hit_json(hit: SearchHit) -> dict[str, Any]:
    """A search result: `{"kind", "id", "name", "snippet"}`; kind is city, official, organization or quote."""
    return {"kind": hit.kind, "id": hit.id, "name": hit.name, "snippet": hit.snippet}


# --- words ------------------------------------------------------------------------------------------


def source_label(source: Source) -> str:
    """The article as a reader would cite it, from what it states only: '“Title”, Outlet, published 2019-06-22'.

    An article whose title and outlet are not stated is named by its slug: 'article 2019-06-22-ice-raids, ...'.
    """
    parts = [f"“{source.title}”" if source.title else None, source.outlet]
    if not any(parts):
        parts = [f"article {source.slug}"]
    parts.append(f"published {source.published}" if source.published else "publication date not stated")
    return ", ".join(p for p in parts if p)


def citation(item: Quote | Stance | Claim, context: Context | None = None) -> str:
    """A one-line plain-text citation of a quote, a stance's evidence or a claim, ready to paste.

    '“not panic.” — Libby Schaaf, Mayor of Oakland, 2019-06-21. In context: “Oakland Mayor Libby Schaaf (D),
    ... she urged residents to “not panic.”” Source: article 2019-06-22-ice-raids, published 2019-06-22,
    characters 1850-1860.' Only stated facts appear (title, outlet and URL when the article has them); a
    missing date says so. `context` is the sentence around the words (`Store.sentence_around`), left out when
    it says no more than the words themselves.
    """
    if isinstance(item, Quote):
        words, who = item.text, [item.speaker, item.speaker_title, item.medium]
        who.append(date_label(item.date, item.date_precision))
    elif isinstance(item, Stance):
        holder = f"{item.holder} (signed by {item.signed_by})" if item.signed_by else item.holder
        words, who = item.evidence, [holder, f"{item.kind} stance toward {item.toward}: {item.position}"]
        who.append(date_label(item.date, item.date_precision))
    else:
        words = item.evidence
        who = [f"figure: {item.figure} ({item.subject})", f"claimed by {item.claimant}" if item.claimant else None]
    speaker = ", ".join(p for p in who if p)
    offsets = f"characters {item.excerpt.start}-{item.excerpt.end}"
    where = source_label(item.source)
    if item.source.title or item.source.outlet:
        where += f" ({item.source.slug}, {offsets})"
    else:
        where += f", {offsets}"
    if item.source.url:
        where += f", {item.source.url}"
    line = f"“{words}” — {speaker}."
    sentence = context_line(context, words, item.excerpt)
    if sentence:
        line += f" In context: “{sentence}”"
    return one_line(f"{line} Source: {where}.")


def context_line(context: Context | None, words: str, excerpt: Excerpt) -> str | None:
    """The sentence around `words`, with '…' where a very long sentence was cut; None if it adds nothing, or if
    the article's characters at the excerpt are not `words` (a damaged database): a sentence that does not hold
    the quoted words must never be shown as their context. A sentence that adds only punctuation (the article's
    own quotation marks around a whole quoted sentence) adds nothing."""
    if context is None:
        return None
    before, inside, after = context.parts(excerpt)
    if inside != words or not any(ch.isalnum() for ch in before + after):
        return None  # not the quoted words; or only the article's quotation marks around them
    return ("…" if context.cut_before else "") + context.text + ("…" if context.cut_after else "")


# --- compare cities (issue 11, item 6) --------------------------------------------------------------

NOT_STATED_SHORT = "not stated"


def tally_json(tally: StanceTally | None, city: str) -> dict[str, Any] | None:
    """A compare row's stance: the `stance` shape plus "sources" (articles stating that position) and
    "other_positions" (other positions stated for the same kind by other sources; usually empty)."""
    if tally is None:
        return None
    return {**stance_json(tally.stance, city), "sources": tally.sources, "other_positions": list(tally.others)}


def compare_json(row: CityComparison) -> dict[str, Any]:
    """`events-tui compare --json`: one city at a glance; null where the sources state nothing.

    `{"city", "state", "police", "city_policy", "state_law", "mayor", "statements", "sources", "latest"}` plus
    `latest_precision`. `statements` counts the quotes about the city, `sources` the articles with a quote or
    stance about it, `latest` the newest date of those quotes and stances.
    """
    name = row.city.name
    return {
        "city": name,
        "state": row.city.state,
        "police": tally_json(row.police, name),
        "city_policy": tally_json(row.city_policy, name),
        "state_law": tally_json(row.state_law, name),
        "mayor": person_json(row.mayor) if row.mayor else None,
        "statements": row.statements,
        "sources": row.sources,
        "latest": row.latest,
        "latest_precision": row.latest_precision,
    }


def tally_label(tally: StanceTally | None) -> str:
    """A compare cell: 'refuses', 'refuses ·2' (two articles state it), 'refuses*' (other articles state another
    position; `COMPARE_MARKS` explains the marks), or 'not stated'. The same in the browser and the CLI."""
    if tally is None:
        return NOT_STATED_SHORT
    label = one_line(tally.stance.position)
    if tally.sources > 1:
        label += f" ·{tally.sources}"
    return label + ("*" if tally.others else "")


COMPARE_MARKS = "·2 stated by 2 sources · * sources disagree (the city's page shows each)"
