"""The draft as an annotation file (TOML, the format of data/sources/*.toml) or as JSON.

The TOML is written by hand (the stdlib reads TOML but does not write it); every string goes through one escaper,
and tests parse the result back with tomllib. Excerpts are verbatim; one that occurs more than once in the article
carries `occurrence = N`, as the builder requires.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tui.ingest.draft.entities import slug
from tui.ingest.draft.model import City, Draft, Org, Person, Policy, Quote, Span, Stance

HEADER = """\
# DRAFT annotations for {name}, written by `events-tui draft`.
#
# Nothing here is a fact yet. Check every item against the article: correct or delete it, add what the drafter
# missed, then set `reviewed = true` under [source]. `events-tui build` refuses a file that is not reviewed.
# `confidence` (0 to 1) and `reason` say how the drafter found each item; they are drafting notes, not facts.
# Every `mention`, `text`, `evidence` and `*_evidence` is copied verbatim from the article.
"""


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = ['"']
    for ch in value:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    return toml_string(str(value))


def _note(section: str, item: dict[str, Any]) -> str:
    """A comment for the reviewer where the drafter left a required decision open."""
    if section == "quotes" and not item.get("speaker") and not item.get("speaker_description"):
        return "# Speaker not found: add speaker (an id above) or speaker_description, or the build refuses this.\n"
    return ""


def _table(header: str, fields: dict[str, Any]) -> str:
    lines = [header]
    lines += [f"{key} = {_value(value)}" for key, value in fields.items() if value is not None and value != []]
    return "\n".join(lines) + "\n"


def occurrence(text: str, span: Span) -> int | None:
    """Which copy of text[span] this is (1-based), or None if the excerpt occurs once."""
    excerpt = text[span.start : span.end]
    starts = [m.start() for m in re.finditer(re.escape(excerpt), text)]
    return starts.index(span.start) + 1 if len(starts) > 1 and span.start in starts else None


class Rows:
    """The draft's items as ordered dicts of annotation-file keys (shared by TOML and JSON)."""

    def __init__(self, draft: Draft) -> None:
        self.draft, self.text = draft, draft.text
        taken = {p.id for p in draft.people} | {o.id for o in draft.orgs} | {c.id for c in draft.cities}
        taken |= {p.id for p in draft.policies}
        self.quote_ids = [self._quote_id(q, taken) for q in draft.quotes]
        self.stance_ids = [self._unique(f"{s.holder}-{s.position}", taken) for s in draft.stances]

    def excerpt(self, span: Span | None) -> str | None:
        return None if span is None else self.text[span.start : span.end]

    @staticmethod
    def _unique(base: str, taken: set[str]) -> str:
        candidate, n = base, 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        return candidate

    def _quote_id(self, quote: Quote, taken: set[str]) -> str:
        who = quote.speaker or "unknown"
        words = [w for w in slug(self.text[quote.span.start : quote.span.end]).split("-") if len(w) > 2][:3]
        return self._unique(f"{who}-{'-'.join(words) or 'quote'}", taken)

    def source(self) -> dict[str, Any]:
        s = self.draft.source
        return {
            "reviewed": False,
            "drafted_by": "events-tui draft",
            "title": s.title,
            "outlet": s.outlet,
            "url": s.url,
            "published": s.published,
            "published_evidence": self.excerpt(s.published_evidence),
        }

    def city(self, c: City) -> dict[str, Any]:
        return {
            "id": c.id,
            "name": c.name,
            "state": c.state,
            "mention": self.excerpt(c.mention),
            "state_evidence": self.excerpt(c.state_evidence),
            "confidence": c.confidence,
            "reason": c.reason,
        }

    def official(self, p: Person) -> dict[str, Any]:
        return {
            "id": p.id,
            "name": p.name,
            "title": p.title,
            "party": p.party,
            "jurisdiction": p.jurisdiction,
            "city": p.city,
            "state": p.state,
            "handle": p.handle,
            "aliases": p.aliases,
            "mention": self.excerpt(p.mention),
            "confidence": p.confidence,
            "reason": p.reason,
        }

    def organization(self, o: Org) -> dict[str, Any]:
        return {
            "id": o.id,
            "name": o.name,
            "abbreviation": o.abbreviation,
            "kind": o.kind,
            "city": o.city,
            "aliases": o.aliases,
            "mention": self.excerpt(o.mention),
            "confidence": o.confidence,
            "reason": o.reason,
        }

    def policy(self, p: Policy) -> dict[str, Any]:
        return {
            "id": p.id,
            "name": p.name,
            "kind": p.kind,
            "city": p.city,
            "state": p.state,
            "signed_by": p.signed_by,
            "mention": self.excerpt(p.mention),
            "confidence": p.confidence,
            "reason": p.reason,
        }

    def _city_of(self, entity_id: str | None) -> str | None:
        entities: list[Person | Org] = [*self.draft.people, *self.draft.orgs]
        for e in entities:
            if e.id == entity_id:
                return e.city
        return None

    def stance(self, i: int, s: Stance) -> dict[str, Any]:
        evidence = self.excerpt(s.evidence)
        toward = (
            "ICE"
            if evidence and re.search(r"\bICE\b|Immigration and Customs", evidence)
            else "federal immigration enforcement"
        )
        return {
            "id": self.stance_ids[i],
            "holder": s.holder,
            "kind": s.kind,
            "city": s.city,
            "toward": toward,
            "position": s.position,
            "evidence": evidence,
            "occurrence": occurrence(self.text, s.evidence),
            "date": s.date,
            "date_precision": s.date_precision,
            "date_evidence": self.excerpt(s.date_evidence),
            "confidence": s.confidence,
            "reason": s.reason,
        }

    def quote(self, i: int, q: Quote) -> dict[str, Any]:
        return {
            "id": self.quote_ids[i],
            "speaker": q.speaker,
            "speaker_description": q.speaker_description if not q.speaker else None,
            "city": self._city_of(q.speaker),
            "text": self.excerpt(q.span),
            "occurrence": occurrence(self.text, q.span),
            "medium": q.medium,
            "date": q.date,
            "date_precision": q.date_precision,
            "date_evidence": self.excerpt(q.date_evidence),
            "confidence": q.confidence,
            "reason": q.reason,
        }


def to_toml(draft: Draft, name: str) -> str:
    rows = Rows(draft)
    parts = [HEADER.format(name=name), _table("[source]", rows.source())]
    sections: list[tuple[str, list[dict[str, Any]]]] = [
        ("cities", [rows.city(c) for c in draft.cities]),
        ("officials", [rows.official(p) for p in draft.people]),
        ("organizations", [rows.organization(o) for o in draft.orgs]),
        ("policies", [rows.policy(p) for p in draft.policies]),
        ("stances", [rows.stance(i, s) for i, s in enumerate(draft.stances)]),
        ("quotes", [rows.quote(i, q) for i, q in enumerate(draft.quotes)]),
    ]
    for section, items in sections:
        parts.append(f"# --- {section} ({len(items)}) " + "-" * max(0, 100 - len(section)) + "\n")
        parts += [_note(section, item) + _table(f"[[{section}]]", item) for item in items]
    return "\n".join(parts)


def to_json(draft: Draft) -> str:
    """The issue's JSON shape; `speaker` and `holder` are names (or the article's description), offsets included."""
    rows = Rows(draft)
    quotes = []
    for i, q in enumerate(draft.quotes):
        row = rows.quote(i, q)
        quotes.append(
            {
                "text": row["text"],
                "speaker": draft.name_of(q.speaker) or q.speaker_description,
                "medium": q.medium,
                "date": q.date,
                "date_precision": q.date_precision,
                "start": q.span.start,
                "end": q.span.end,
                "confidence": q.confidence,
                "reason": q.reason,
                "id": row["id"],
                "speaker_id": q.speaker,
                "date_evidence": row["date_evidence"],
            }
        )
    stances = []
    for i, s in enumerate(draft.stances):
        row = rows.stance(i, s)
        stances.append(
            {
                "holder": draft.name_of(s.holder),
                "kind": s.kind,
                "stance": s.position,
                "evidence": row["evidence"],
                "start": s.evidence.start,
                "end": s.evidence.end,
                "confidence": s.confidence,
                "reason": s.reason,
                "id": row["id"],
                "holder_id": s.holder,
                "city": draft.name_of(s.city),
                "toward": row["toward"],
                "date": s.date,
                "date_precision": s.date_precision,
            }
        )

    def with_span(row: dict[str, Any], span: Span) -> dict[str, Any]:
        return {**row, "start": span.start, "end": span.end}

    payload = {
        "source": {**rows.source(), "draft": True},
        "quotes": quotes,
        "officials": [with_span(rows.official(p), p.mention) for p in draft.people],
        "cities": [with_span(rows.city(c), c.mention) for c in draft.cities],
        "organizations": [with_span(rows.organization(o), o.mention) for o in draft.orgs],
        "policies": [with_span(rows.policy(p), p.mention) for p in draft.policies],
        "stances": stances,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
