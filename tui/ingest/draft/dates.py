"""Dates the article states, resolved against its publication date, with the precision the words allow.

"on Friday" in an article of Saturday 2019-06-22 is 2019-06-21 (a weekday is the last one on or before the
publication date: news reports what was said); "earlier in the week" and "this week" are the publication date's
week, "last week" the week before (`date` is its Monday, precision "week"); "June 4" is that day of the
publication year (or the year before, if it would fall after publication). A weekday after "beginning",
"scheduled to", "expected to start" and the like is an event to come, not when something was said: skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from tui.ingest.draft.model import Span
from tui.ingest.draft.vocab import MONTHS, WEEKDAYS

MONTH_ALT = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
    r"Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
EXPRESSION = re.compile(
    r"\b(?P<on>[Oo]n\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:[’']s)?(?:\s+(?P<part>morning|afternoon|"
    r"evening|night))?\b"
    r"|\b(?P<month>" + MONTH_ALT + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s*(?P<year>\d{4}))?\b"
    r"|\b(?P<week>[Ee]arlier\s+(?:in\s+the|this)\s+week|[Tt]his\s+week|[Ll]ast\s+week|[Ee]arlier\s+this\s+week)\b"
    r"|\b(?P<rel>[Yy]esterday|[Tt]oday|[Tt]onight)\b"
    r"|\b(?P<then>at\s+the\s+time)\b"
)
NOT_A_DAY = re.compile(
    r"\s+(?:school|service|services|mass|worship|sermon|prayers?|brunch|dinner|paper|papers|"
    r"edition|show|market|league|football|best|shift|shifts)\b"
)
FUTURE = re.compile(
    r"\b(?:begin|begins|beginning|start|starts|starting|scheduled|expected|planned|plans|set|slated|until|through|"
    r"next|coming|will|by|from|due|deadline|ahead\s+of|before)\b(?:\s+\w+){0,3}\s*$",
    re.IGNORECASE,
)


@dataclass
class DateExpr:
    span: Span
    value: str | None  # ISO date, None for "at the time" (the caller inherits one)
    precision: str | None
    inherit: bool = False


def find(text: str, start: int, end: int, published: date | None, skip: list[Span] | None = None) -> list[DateExpr]:
    """The date expressions in text[start:end] outside the spans in `skip` (quotations), in order."""
    found: list[DateExpr] = []
    for m in EXPRESSION.finditer(text, start, end):
        if skip and any(s.start <= m.start() < s.end for s in skip):
            continue
        if m.group("then"):
            found.append(DateExpr(Span(m.start(), m.end()), None, None, inherit=True))
            continue
        if m.group("weekday") and NOT_A_DAY.match(text, m.end()):
            continue  # "Sunday school", "Friday prayers": a kind of thing, not a day
        before = text[max(start, m.start() - 40) : m.start()]
        if FUTURE.search(before) or re.search(r"\breport(?:ed|s)?\s+$", before):
            continue  # an event to come, or when a newspaper reported something (not when it was said)
        value, precision = _resolve(m, published)
        found.append(DateExpr(Span(m.start(), m.end()), value, precision))
    return found


def _resolve(m: re.Match[str], published: date | None) -> tuple[str | None, str | None]:
    if published is None:
        return None, None
    if m.group("weekday"):
        target = WEEKDAYS.index(m.group("weekday"))
        back = (published.weekday() - target) % 7
        return (published - timedelta(days=back)).isoformat(), "day"
    if m.group("month"):
        key = m.group("month").lower().rstrip(".")
        month = MONTHS["sept" if key.startswith("sept") else key[:3]]
        year = int(m.group("year")) if m.group("year") else published.year
        try:
            day = date(year, month, int(m.group("day")))
        except ValueError:
            return None, None
        if not m.group("year") and day > published:
            try:
                day = date(year - 1, month, int(m.group("day")))
            except ValueError:
                return None, None
        return day.isoformat(), "day"
    if m.group("week"):
        monday = published - timedelta(days=published.weekday())
        if m.group("week").lower().startswith("last"):
            monday -= timedelta(days=7)
        return monday.isoformat(), "week"
    word = m.group("rel").lower()
    return (published - timedelta(days=1 if word == "yesterday" else 0)).isoformat(), "day"


def parse_iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
