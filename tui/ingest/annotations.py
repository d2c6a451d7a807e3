"""Read one article's annotation file and turn it into rows with character offsets, or fail naming what is wrong.

An annotation file `<slug>.toml` sits beside the article `<slug>.txt`. Every excerpt it quotes is looked up in
the article text; one that is not there verbatim stops the build, since a citation that does not match its
source is worse than none. What keys a file may hold is one table in `annotation_format.py`; the files
themselves are read only if they are plain files of sane size (`read_source_file`).
"""

from __future__ import annotations

import os
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.ingest import BuildError
from tui.ingest.annotation_format import LOCATED_BY, REFERENCES, SECTIONS, check_entry, check_source

# A source file larger than this is refused before it is read: a real article is tens of kilobytes, and a link to
# /dev/zero or a log file dropped in the folder must not be read until memory runs out.
MAX_FILE_BYTES = 5_000_000


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
    policies: list[dict[str, Any]] = field(default_factory=list)
    stances: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)


def read_source_file(path: Path, what: str) -> bytes:
    """The bytes of one file in the sources folder, refusing anything that is not a plain file of sane size.

    Decided: a symbolic link is refused, even one pointing inside the folder, so that every fact in the database
    comes from a file that is itself in the sources folder (a link could embed any readable file, or /dev/zero).
    A pipe or device is refused from its `lstat`, without opening it (opening a FIFO would wait for a writer).
    """
    name = path.name
    try:
        info = path.lstat()
    except OSError as exc:
        raise BuildError(f"{name}: cannot read {what}: {_reason(exc)}") from None
    if stat.S_ISLNK(info.st_mode):
        raise BuildError(f"{name}: is a symbolic link; sources must be plain files in the sources folder (copy it in)")
    if stat.S_ISDIR(info.st_mode):
        raise BuildError(f"{name}: cannot read {what}: is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise BuildError(f"{name}: not a regular file (a pipe, device or socket); refusing to read {what}")
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise BuildError(f"{name}: cannot read {what}: {_reason(exc)}") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())  # what was opened, in case the name was swapped after the lstat
        if not stat.S_ISREG(info.st_mode):
            raise BuildError(f"{name}: not a regular file (a pipe, device or socket); refusing to read {what}")
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise BuildError(
            f"{name}: larger than {MAX_FILE_BYTES // 1_000_000} MB, the limit for one source file; "
            "is it really one article? split it into several"
        )
    return data


def _reason(exc: Exception) -> str:
    if isinstance(exc, UnicodeDecodeError):
        return f"not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at offset {exc.start}); save it as UTF-8"
    return getattr(exc, "strerror", None) or str(exc)


def _decode(data: bytes, name: str, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BuildError(f"{name}: cannot read {what}: {_reason(exc)}") from None


def load_article(toml_path: Path) -> Article:
    """Parse and check `toml_path` against the article text beside it."""
    text_path = toml_path.with_suffix(".txt")
    where = toml_path.name
    raw = _decode(read_source_file(toml_path, "the annotations"), where, "the annotations")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise BuildError(f"{where}: not valid TOML: {exc}") from None
    # The text exactly as stored: decoding bytes keeps "\r\n" (text mode would turn it into "\n" and shift every
    # offset after it). Offsets are counted on this text, so they hold on the file itself.
    text = _decode(read_source_file(text_path, "the article"), text_path.name, "the article")
    _refuse_carriage_returns(text, text_path.name)

    meta = check_source(where, data)
    article = Article(slug=toml_path.stem, text=text, path=toml_path, meta=meta)
    for section in SECTIONS:
        entries = data.get(section, [])
        if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
            raise BuildError(f"{where}: [[{section}]] must be a list of tables")
        seen: set[str] = set()
        for number, entry in enumerate(entries, start=1):
            check_entry(where, section, entry, number, seen)
        setattr(article, section, [dict(e) for e in entries])
    _locate_all(article)
    return article


def _refuse_carriage_returns(text: str, name: str) -> None:
    """Decided: refuse CR and CRLF line endings rather than store them (every reader would then have to show or
    hide a carriage return at each line end) or normalise them (offsets would no longer hold on the file)."""
    at = text.find("\r")
    if at != -1:
        line = text.count("\n", 0, at) + 1
        raise BuildError(
            f"{name}: line {line} ends with a carriage return (Windows or old Mac line endings); offsets are "
            "counted on the file as stored, so save it with plain LF line endings"
        )


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
    both = sorted(ids["officials"] & ids["organizations"])
    if both:
        # A speaker id must say who spoke: one id for an official and an organisation would be a guess.
        raise BuildError(f"{where}: id '{both[0]}' is used by both [[officials]] and [[organizations]]")

    for section in SECTIONS:
        for entry in getattr(article, section):
            label = f"{where}: [[{section}]] {entry['id']}"
            field_name = LOCATED_BY.get(section, "evidence")
            entry["start"], entry["end"] = locate(
                text, entry[field_name], entry.get("occurrence"), label, first=field_name == "mention"
            )
            for extra in ("state", "date"):
                evidence = entry.get(f"{extra}_evidence")
                if evidence is not None:
                    entry[f"{extra}_start"], entry[f"{extra}_end"] = locate(
                        text, evidence, None, f"{label} {extra}_evidence", first=True
                    )
            for ref, sections in REFERENCES.items():
                value = entry.get(ref)
                if value is not None and not any(value in ids[s] for s in sections):
                    raise BuildError(f"{label}: {ref} '{value}' is not an id in this file")
