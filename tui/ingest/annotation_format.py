"""The annotation format as one table, and the checks that hold a file to it (strictly: unknown is an error).

Each key an annotation file may use, with what its value must be. A key or section that is not here is a typo
until proven otherwise ("[sources]" for "[source]" would silently drop the publication date), so it stops the
build with one line naming the file, the entry and the key. Adding a key or a section is one line in `KEYS`
(plus `REQUIRED`, `LOCATED_BY` or `REFERENCES` if it is required, cited or names another entry).
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tui.ingest import BuildError
from tui.models import POSITIONS

DATE_PRECISIONS = ("day", "week", "month", "year")


@dataclass(frozen=True)
class Kind:
    """What a value must be: a test, and the words for it in an error message."""

    test: Callable[[Any], bool]
    words: str


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _iso_date(value: Any) -> bool:
    if not isinstance(value, str) or len(value) != 10:
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


TEXT = Kind(_text, "non-empty text")
TEXTS = Kind(lambda v: isinstance(v, list) and all(_text(x) for x in v), 'a list of non-empty texts, like ["a", "b"]')
DATE = Kind(_iso_date, 'a date as text, like "2019-06-22"')
FLAG = Kind(lambda v: isinstance(v, bool), "true or false")
WHOLE = Kind(lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1, "a whole number from 1")
SHARE = Kind(lambda v: _number(v) and 0 <= v <= 1, "a number from 0 to 1")
PRECISION = Kind(lambda v: v in DATE_PRECISIONS, "one of " + ", ".join(DATE_PRECISIONS))
POSITION = Kind(lambda v: v in POSITIONS, "one of " + ", ".join(POSITIONS))

_DATED = {"date": DATE, "date_precision": PRECISION, "date_evidence": TEXT}
KEYS: dict[str, dict[str, Kind]] = {
    "source": {
        "title": TEXT, "outlet": TEXT, "url": TEXT, "published": DATE, "published_evidence": TEXT,
        "contributors": TEXTS, "contributors_evidence": TEXT, "reviewed": FLAG, "drafted_by": TEXT,
    },
    "cities": {"id": TEXT, "name": TEXT, "mention": TEXT, "state": TEXT, "state_evidence": TEXT, "aliases": TEXTS},
    "officials": {
        "id": TEXT, "name": TEXT, "mention": TEXT, "title": TEXT, "party": TEXT, "jurisdiction": TEXT, "city": TEXT,
        "state": TEXT, "handle": TEXT, "aliases": TEXTS,
    },
    "organizations": {
        "id": TEXT, "name": TEXT, "kind": TEXT, "mention": TEXT, "abbreviation": TEXT, "city": TEXT, "aliases": TEXTS,
    },
    "policies": {
        "id": TEXT, "name": TEXT, "kind": TEXT, "city": TEXT, "state": TEXT, "signed_by": TEXT, "aliases": TEXTS,
        "mention": TEXT,
    },
    "stances": {
        "id": TEXT, "holder": TEXT, "kind": TEXT, "city": TEXT, "toward": TEXT, "position": POSITION,
        "summary": TEXT, "evidence": TEXT, **_DATED,
    },
    "quotes": {
        "id": TEXT, "speaker": TEXT, "speaker_description": TEXT, "text": TEXT, "medium": TEXT, "city": TEXT,
        **_DATED,
    },
    "claims": {"id": TEXT, "figure": TEXT, "subject": TEXT, "evidence": TEXT, "claimant": TEXT},
}  # fmt: skip
# Keys every item may carry: which copy of an excerpt, and a drafter's confidence and reason (checked, not stored).
EVERY_ITEM = {"occurrence": WHOLE, "confidence": SHARE, "reason": TEXT}
SECTIONS = tuple(name for name in KEYS if name != "source")
REQUIRED = {
    "cities": ("id", "name", "mention"),
    "officials": ("id", "name", "mention"),
    "organizations": ("id", "name", "kind", "mention"),
    # A state law or city policy that holds a stance ("Florida's law", "Oakland's sanctuary city policy").
    "policies": ("id", "name", "kind", "mention"),
    "stances": ("id", "holder", "kind", "toward", "position", "evidence"),
    "quotes": ("id", "text"),
    "claims": ("id", "figure", "subject", "evidence"),
}
# One of these must be present (a quote's speaker may be someone the article describes but never names).
ONE_OF = {"quotes": ("speaker", "speaker_description")}
# The key an item's offsets point at; the rest cite "evidence".
LOCATED_BY = {"cities": "mention", "officials": "mention", "organizations": "mention", "policies": "mention"}
LOCATED_BY["quotes"] = "text"
# Keys that name another entry of the same file, and the sections that entry may be in.
REFERENCES = {
    "city": ("cities",),
    "speaker": ("officials", "organizations"),
    "holder": ("officials", "organizations", "policies"),
    "claimant": ("officials", "organizations"),
    "signed_by": ("officials",),
}


def _unknown(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else f"; known: {', '.join(known)}"


def check_source(where: str, data: dict[str, Any]) -> dict[str, Any]:
    """Check the top level and `[source]`; a draft nobody has reviewed is refused."""
    for name in data:
        if name not in KEYS:
            raise BuildError(f"{where}: unknown section [{name}]{_unknown(name, list(KEYS))}")
    meta = data.get("source", {})
    if not isinstance(meta, dict):
        raise BuildError(f"{where}: [source] must be one table (written [source], not [[source]] or a key)")
    _check_keys(where, "[source]", meta, KEYS["source"])
    if meta.get("reviewed") is False:
        # Decided: a missing `reviewed` means a person wrote the file (hand-written files never carried the key);
        # `events-tui draft` writes `reviewed = false`, and only a person changes it.
        raise BuildError(
            f"{where}: is a draft nobody has reviewed ([source] reviewed = false); check every item against the "
            "article, then set reviewed = true"
        )
    return dict(meta)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    for kind, words in ((str, "text"), (int, "a whole number"), (float, "a number"), (list, "a list")):
        if isinstance(value, kind):
            return words
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return "a TOML date or time (put it in quotes)"
    return type(value).__name__


def _check_keys(where: str, label: str, entry: dict[str, Any], allowed: dict[str, Kind]) -> None:
    for key, value in entry.items():
        kind = allowed.get(key)
        if kind is None:
            raise BuildError(f"{where}: {label}: unknown key {key!r}{_unknown(key, list(allowed))}")
        if not kind.test(value):
            shown = repr(value) if isinstance(value, str) and len(value) <= 40 else _describe(value)
            raise BuildError(f"{where}: {label}: {key!r} must be {kind.words}, not {shown}")


def check_entry(where: str, section: str, entry: dict[str, Any], number: int, seen: set[str]) -> None:
    given = entry.get("id")
    label = f"[[{section}]] {given}" if _text(given) else f"[[{section}]] #{number} (no id)"
    for key in REQUIRED[section]:
        if key not in entry:
            raise BuildError(f"{where}: {label}: missing required field '{key}'")
    _check_keys(where, label, entry, {**KEYS[section], **EVERY_ITEM})
    either = ONE_OF.get(section)
    if either and not any(key in entry for key in either):
        raise BuildError(f"{where}: {label}: needs {' or '.join(repr(k) for k in either)}")
    if entry["id"] in seen:
        raise BuildError(f"{where}: {label}: duplicate id '{entry['id']}'")
    seen.add(entry["id"])
