"""Read one article's annotation file and turn it into rows with character offsets, or fail naming what is wrong.

An annotation file `<slug>.toml` sits beside the article `<slug>.txt`. Every excerpt it quotes is looked up in
the article text; one that is not there verbatim stops the build, since a citation that does not match its
source is worse than none.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.ingest import BuildError
from tui.models import POSITIONS


@dataclass
class Article:
    """One article and its annotations, validated, with every excerpt located."""

    slug: str
    text: str
    path: Path
    meta: dict[str, Any]
    cities: list[dict[str, Any]] = field(default_factory=list)
    officials: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    stances: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    policies: list[dict[str, Any]] = field(default_factory=list)


SECTIONS = ("cities", "officials", "organizations", "stances", "quotes", "claims", "policies")
REQUIRED = {
    "cities": ("id", "name", "mention"),
    "officials": ("id", "name", "mention"),
    "organizations": ("id", "name", "kind", "mention"),
    "stances": ("id", "holder", "kind", "toward", "position", "evidence"),
    "quotes": ("id", "speaker", "text"),
    "claims": ("id", "figure", "subject", "evidence"),
    # A state law or city policy that holds a stance ("Florida's law", "Oakland's sanctuary city policy").
    "policies": ("id", "name", "kind", "mention"),
}


def load_article(toml_path: Path) -> Article:
    """Parse and check `toml_path` against the article text beside it."""
    text_path = toml_path.with_suffix(".txt")
    where = toml_path.name
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise BuildError(f"{where}: not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(f"{where}: cannot read: {_reason(exc)}") from None
    try:
        text = text_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BuildError(f"{text_path.name}: cannot read the article: {_reason(exc)}") from None

    article = Article(slug=toml_path.stem, text=text, path=toml_path, meta=dict(data.get("source", {})))
    for section in SECTIONS:
        entries = data.get(section, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise BuildError(f"{where}: [[{section}]] must be a list of tables")
        seen: set[str] = set()
        for entry in entries:
            _check_entry(where, section, entry, seen)
        setattr(article, section, [dict(e) for e in entries])
    _locate_all(article)
    return article


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
    return getattr(exc, "strerror", None) or str(exc)


def _check_entry(where: str, section: str, entry: dict[str, Any], seen: set[str]) -> None:
    label = f"{where}: [[{section}]] {entry.get('id', '(no id)')!s}"
    for key in REQUIRED[section]:
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            raise BuildError(f"{label}: missing required field '{key}'")
    if entry["id"] in seen:
        raise BuildError(f"{label}: duplicate id '{entry['id']}'")
    seen.add(entry["id"])
    if section == "stances" and entry["position"] not in POSITIONS:
        raise BuildError(f"{label}: position '{entry['position']}' is not one of {', '.join(POSITIONS)}")
    if "occurrence" in entry and (not isinstance(entry["occurrence"], int) or entry["occurrence"] < 1):
        raise BuildError(f"{label}: occurrence must be a whole number from 1")


def locate(text: str, excerpt: str, occurrence: int | None, label: str, *, first: bool = False) -> tuple[int, int]:
    """Character offsets of `excerpt` in `text`.

    A quotation or evidence that appears more than once must say which copy (`occurrence`), so that a citation
    never points at the wrong sentence; a mention (`first=True`) is where the article first names the thing.
    """
    starts: list[int] = []
    at = text.find(excerpt)
    while at != -1:
        starts.append(at)
        at = text.find(excerpt, at + 1)
    shown = excerpt if len(excerpt) <= 80 else excerpt[:77] + "..."
    if not starts:
        raise BuildError(f"{label}: text not found verbatim in the article: {shown!r}")
    if occurrence is not None:
        if occurrence > len(starts):
            raise BuildError(f"{label}: occurrence {occurrence} asked, the text appears {len(starts)} time(s)")
        start = starts[occurrence - 1]
    elif len(starts) > 1 and not first:
        raise BuildError(f"{label}: text appears {len(starts)} times; add occurrence = N to pick one: {shown!r}")
    else:
        start = starts[0]
    return start, start + len(excerpt)


def _locate_all(article: Article) -> None:
    """Add start/end (and state_/date_ offsets) to every entry; check references between entries."""
    where = article.path.name
    text = article.text
    meta = article.meta
    for key in ("published_evidence", "contributors_evidence"):
        if key in meta:
            locate(text, meta[key], None, f"{where}: [source] {key}", first=True)
    ids = {section: {e["id"] for e in getattr(article, section)} for section in SECTIONS}
    speakers = ids["officials"] | ids["organizations"]
    holders = speakers | ids["policies"]

    for section in SECTIONS:
        for entry in getattr(article, section):
            label = f"{where}: [[{section}]] {entry['id']}"
            main = {
                "cities": "mention",
                "officials": "mention",
                "organizations": "mention",
                "policies": "mention",
                "quotes": "text",
            }
            field_name = main.get(section, "evidence")
            entry["start"], entry["end"] = locate(
                text, entry[field_name], entry.get("occurrence"), label, first=field_name == "mention"
            )
            for extra in ("state", "date"):
                evidence = entry.get(f"{extra}_evidence")
                if evidence is not None:
                    entry[f"{extra}_start"], entry[f"{extra}_end"] = locate(
                        text, evidence, None, f"{label} {extra}_evidence", first=True
                    )
            for ref, allowed in (
                ("city", ids["cities"]),
                ("speaker", speakers),
                ("holder", holders),
                ("claimant", speakers),
                ("signed_by", ids["officials"]),
            ):
                value = entry.get(ref)
                if value is not None and value not in allowed:
                    raise BuildError(f"{label}: {ref} '{value}' is not an id in this file")
