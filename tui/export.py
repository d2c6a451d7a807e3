"""`events-tui export`: every quote and stance with speaker, city, date, medium, source and offsets.

JSON and CSV keep each text exactly as stored, so `source.text[start:end] == text` holds for every row and a
script can re-check it; Markdown is for reading, so its text is escaped for display and for Markdown.
Rows are written as the store yields them, and `--out` is written to a temporary file renamed into place,
so a failed or interrupted export never leaves a half-written file under the name asked for.
"""

from __future__ import annotations

import csv
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui import present
from tui.atomic import (
    SQLITE_COMPANIONS,
    fsync_folder,
    remove_stale_temporaries,
    stopped_by_signals_cleanly,
    temporary_beside,
)
from tui.errors import EXIT_UNUSABLE, CommandError
from tui.models import Quote, Stance

if TYPE_CHECKING:
    from tui.store import Store

CSV_COLUMNS = (
    "type", "id", "speaker", "speaker_title", "kind", "city", "text", "medium", "stance", "summary", "toward",
    "date", "date_precision", "source_slug", "source_title", "source_outlet", "source_published", "start", "end",
)  # fmt: skip
# Characters that Markdown would read as syntax (emphasis, links, HTML, entities, table cells).
_MARKDOWN_SYNTAX = re.compile(r"([\\`*_\[\]<>|~&#])")


class _CityNames:
    """City names by id, for stances (which carry only the id); each city is read once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.names: dict[int, str | None] = {}

    def __call__(self, city_id: int | None) -> str | None:
        if city_id is None:
            return None
        if city_id not in self.names:
            city = self.store.city(city_id)
            self.names[city_id] = city.name if city else None
        return self.names[city_id]


def write_export(store: Store, fmt: str, out: str | None) -> None:
    """Write the dataset in `fmt` (json, csv, markdown) to stdout, or atomically to the file `out`."""
    writer = {"json": write_json, "csv": write_csv, "markdown": write_markdown}[fmt]
    if out is None:
        writer(store, sys.stdout)
        return
    counts = _write_atomically(Path(out), Path(store.path), lambda handle: writer(store, handle))
    print(f"wrote {counts[0]} quotes and {counts[1]} stances to {present.one_line(out)}", file=sys.stderr)


def check_out(path: Path, database: Path) -> None:
    """Refuse an `--out` that is not ours to replace: only a new name or a regular file that is not a database.

    A FIFO, device, socket or folder is not a file a person meant to overwrite; a symbolic link would be replaced
    by a file (its target left as it was), which is never what was asked; a SQLite database, above all the one being
    read (by any name: a hard link or a symlinked --db is the same file), holds data that JSON would destroy.
    """
    shown = present.one_line(str(path))
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise CommandError(f"{shown}: cannot check --out ({exc.strerror})", EXIT_UNUSABLE) from None
    if info is not None:
        refuse = "refusing to replace it; give --out a new file name"
        if stat.S_ISLNK(info.st_mode):
            raise CommandError(f"{shown}: is a symbolic link; {refuse} (or the path it points to)", EXIT_UNUSABLE)
        if stat.S_ISDIR(info.st_mode):
            raise CommandError(f"{shown}: is a folder; give --out a file name", EXIT_UNUSABLE)
        if not stat.S_ISREG(info.st_mode):
            raise CommandError(f"{shown}: not a regular file (a device, pipe or socket); {refuse}", EXIT_UNUSABLE)
        if _same_file(path, database):
            raise CommandError(f"{shown}: is the database being exported; {refuse}", EXIT_UNUSABLE)
        if _is_sqlite(path):
            raise CommandError(f"{shown}: is a SQLite database; {refuse}", EXIT_UNUSABLE)
    for suffix in SQLITE_COMPANIONS:
        if path.name == database.name + suffix and _same_file(path.parent, database.parent):
            raise CommandError(f"{shown}: belongs to the database being exported; {refuse}", EXIT_UNUSABLE)
    if not path.parent.is_dir():
        raise CommandError(f"{shown}: the folder {present.one_line(str(path.parent))} does not exist", EXIT_UNUSABLE)


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False  # unreadable: the rename decides whether it may be replaced


def _write_atomically(path: Path, database: Path, write: Callable[[TextIO], tuple[int, int]]) -> tuple[int, int]:
    """Write through a locked temporary file beside `path`, renamed over it only when complete.

    SIGTERM, SIGHUP and Ctrl+C remove the temporary file; after SIGKILL the next export to `path` removes it.
    """
    if not str(path.parent):
        path = Path(".") / path
    check_out(path, database)
    remove_stale_temporaries(path)
    shown = present.one_line(str(path))
    with stopped_by_signals_cleanly():
        try:
            fd, temporary = temporary_beside(path)
        except OSError as exc:
            raise CommandError(f"{shown}: cannot write there ({exc.strerror})", EXIT_UNUSABLE) from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                counts = write(handle)
                handle.flush()
                os.fsync(handle.fileno())
                # mkstemp makes the file private (0600); an export is an ordinary file, so give it the umask's mode.
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(temporary, 0o666 & ~umask)
                check_out(path, database)  # again: the path may have become something else while we wrote
                os.replace(temporary, path)  # while the lock is held: no other export can take it for abandoned
            fsync_folder(path.parent)
        except OSError as exc:
            temporary.unlink(missing_ok=True)
            raise CommandError(f"{shown}: cannot write there ({exc.strerror})", EXIT_UNUSABLE) from None
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
    return counts


def write_json(store: Store, out: TextIO) -> tuple[int, int]:
    """`{"quotes": [quote...], "stances": [stance...]}`, the shapes of tui.present, written one item at a time."""
    city = _CityNames(store)
    out.write('{\n  "quotes": [')
    quotes = _json_items(out, (present.quote_json(q) for q in store.iter_quotes()))
    out.write('],\n  "stances": [')
    stances = _json_items(out, (present.stance_json(s, city(s.city_id)) for s in store.iter_stances()))
    out.write("]\n}\n")
    return quotes, stances


def _json_items(out: TextIO, items: Iterator[dict[str, object]]) -> int:
    count = 0
    for item in items:
        out.write(("," if count else "") + "\n    " + json.dumps(item, ensure_ascii=False))
        count += 1
    if count:
        out.write("\n  ")
    return count


def _row(item: Quote | Stance, city: str | None) -> dict[str, object]:
    if isinstance(item, Quote):
        who = {"type": "quote", "speaker": item.speaker, "speaker_title": item.speaker_title, "text": item.text}
        what = {"medium": item.medium}
    else:
        who = {"type": "stance", "speaker": item.holder, "kind": item.kind, "text": item.evidence}
        what = {"stance": item.position, "summary": item.summary, "toward": item.toward}
    source = item.source
    return {
        **who,
        **what,
        "id": item.id,
        "city": city,
        "date": item.date,
        "date_precision": item.date_precision,
        "source_slug": source.slug,
        "source_title": source.title,
        "source_outlet": source.outlet,
        "source_published": source.published,
        "start": item.excerpt.start,
        "end": item.excerpt.end,
    }


def write_csv(store: Store, out: TextIO) -> tuple[int, int]:
    """One row per quote, then per stance, columns `CSV_COLUMNS`; a cell the sources do not state is empty."""
    writer = csv.DictWriter(out, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    city = _CityNames(store)
    quotes = stances = 0
    for q in store.iter_quotes():
        writer.writerow(_row(q, q.city_name))
        quotes += 1
    for s in store.iter_stances():
        writer.writerow(_row(s, city(s.city_id)))
        stances += 1
    return quotes, stances


def markdown_cell(text: str | None) -> str:
    """Text for a Markdown table cell: one line, display-safe, with Markdown syntax escaped."""
    if not text:
        return "—"
    return _MARKDOWN_SYNTAX.sub(r"\\\1", present.one_line(text))


def write_markdown(store: Store, out: TextIO) -> tuple[int, int]:
    """Two tables, quotes then stances, each row citing its source slug and character offsets."""
    out.write("# Quotes and stances\n\n## Quotes\n\n")
    out.write("| Speaker | Title | City | Date | Medium | Quote | Source | Characters |\n")
    out.write("|---|---|---|---|---|---|---|---|\n")
    quotes = 0
    for q in store.iter_quotes():
        cells: tuple[str | None, ...] = (
            q.speaker, q.speaker_title, q.city_name, present.date_label(q.date, q.date_precision), q.medium,
            f"“{q.text}”", q.source.slug, f"{q.excerpt.start}-{q.excerpt.end}",
        )  # fmt: skip
        out.write("| " + " | ".join(markdown_cell(c) for c in cells) + " |\n")
        quotes += 1
    out.write("\n## Stances\n\n| Who | Kind | City | Stance | Summary | Evidence | Source | Characters |\n")
    out.write("|---|---|---|---|---|---|---|---|\n")
    city = _CityNames(store)
    stances = 0
    for s in store.iter_stances():
        cells = (
            s.holder, s.kind, city(s.city_id), s.position, s.summary, f"“{s.evidence}”",
            s.source.slug, f"{s.excerpt.start}-{s.excerpt.end}",
        )  # fmt: skip
        out.write("| " + " | ".join(markdown_cell(c) for c in cells) + " |\n")
        stances += 1
    return quotes, stances
