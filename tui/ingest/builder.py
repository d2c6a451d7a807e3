"""Build events.db from `data/sources/*.toml` + `*.txt`: validate, locate offsets, write atomically.

The build writes a temporary file beside the target and renames it over the target only when complete,
so a failed or killed build leaves the existing database byte-identical (tui/atomic.py does the file work).
"""

from __future__ import annotations

import os
import sqlite3
import stat
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from tui.atomic import (
    fsync_folder,
    remove_stale_journals,
    remove_stale_temporaries,
    stopped_by_signals_cleanly,
    temporary_beside,
)
from tui.ingest.annotations import BuildError, load_article
from tui.ingest.entities import Uncertain
from tui.ingest.schema import create_tables, finish
from tui.ingest.writer import name_rows, write_articles


def build(sources: Path, out: Path, report: Callable[[str], None] | None = None) -> dict[str, int]:
    """Build `out` from every annotated article in `sources`; return row counts per table.

    Each name match the build would not settle (see tui.ingest.entities) is told to `report` as one line (by
    default on stderr) and kept in the `uncertain_matches` table.
    """
    if not sources.is_dir():
        raise BuildError(f"{sources}: not a directory of sources (expected <slug>.txt with <slug>.toml)")
    annotation_files = sorted(sources.glob("*.toml"))
    if not annotation_files:
        raise BuildError(f"{sources}: no annotation files (*.toml) found")
    articles = [load_article(path) for path in annotation_files]
    with atomic_database(out) as db:
        uncertain = write_articles(db, articles)
        counts = {
            name: db[name].count
            for name in ("sources", "cities", "officials", "organizations", "policies", "stances", "quotes", "claims")
        }
    tell = report or (lambda line: print(line, file=sys.stderr))
    slugs = [article.slug for article in articles]
    for u in uncertain:
        tell(uncertain_line(u, slugs))
    counts["uncertain_matches"] = len(uncertain)
    return counts


def uncertain_line(u: Uncertain, slugs: list[str]) -> str:
    """'uncertain match kept apart: official 'Ann Lee' (a.txt) and 'Ann Lee' (row 3, b.txt): names match but ...'."""
    source = slugs[u.entity.excerpt[0] - 1]
    other = slugs[u.other.excerpt[0] - 1]
    return (
        f"events-tui: uncertain match kept apart: {u.kind} {u.entity.name!r} ({source}, row {u.entity.row_id}) "
        f"and {u.other.name!r} ({other}, row {u.other.row_id}): {u.reason}"
    )


def _check_target(out: Path) -> None:
    """Replace only a database: `--out` naming a folder, a device, a link or someone's document is a slip."""
    try:
        info = out.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise BuildError(f"{out}: cannot check the target ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise BuildError(f"{out}: is a directory; pass --out PATH to a database file such as {out / 'events.db'}")
    if stat.S_ISLNK(info.st_mode):
        # The rename would replace the link, not the file it points to: never what was meant.
        raise BuildError(f"{out}: is a symbolic link; refusing to replace it; pass --out the file it points to")
    if not stat.S_ISREG(info.st_mode):
        raise BuildError(f"{out}: not a regular file; refusing to replace it; pass --out PATH to a database file")
    try:
        with out.open("rb") as handle:
            header = handle.read(16)
    except OSError:
        return  # unreadable: the rename decides whether we may replace it
    if header and header != b"SQLite format 3\x00":
        raise BuildError(
            f"{out}: exists and is not a SQLite database; refusing to replace it; remove it or choose another --out"
        )


@contextmanager
def atomic_database(out: Path) -> Iterator[sqlite_utils.Database]:
    """A fresh database at a temporary path in `out`'s folder, renamed to `out` only if the block succeeds.

    The temporary file is `.<name>.<random>.tmp` beside `out`, locked while in use. SIGTERM, SIGHUP and Ctrl+C
    remove it; a SIGKILLed build leaves it behind, locked by nobody, and the next build of `out` removes it.
    The old database's `-journal`/`-wal`/`-shm` files are removed just before the rename: they belong to the
    old file and would otherwise be "recovered" into the new one.
    """
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    out = folder / out.name
    if not folder.is_dir():
        raise BuildError(f"{out}: the folder {folder} does not exist")
    _check_target(out)
    remove_stale_temporaries(out)
    with stopped_by_signals_cleanly():
        try:
            handle, tmp = temporary_beside(out)
        except OSError as exc:
            raise BuildError(f"{out}: cannot write in {folder}: {exc.strerror}") from None
        try:
            conn = sqlite3.connect(tmp)
        except BaseException:
            os.close(handle)
            tmp.unlink(missing_ok=True)
            raise
        try:
            # The temporary file is thrown away on failure, so durability during the build buys nothing.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            db = sqlite_utils.Database(conn)
            create_tables(db)
            yield db
            finish(db)
            conn.commit()
            conn.execute("VACUUM")
            conn.close()
            os.fsync(handle)
            os.chmod(tmp, 0o644)
            _check_target(out)  # again: the target may have become something else while we built
            remove_stale_journals(out)
            os.replace(tmp, out)
            fsync_folder(folder)
        except BaseException:
            conn.close()
            tmp.unlink(missing_ok=True)
            raise
        finally:
            os.close(handle)


__all__ = ["atomic_database", "build", "name_rows", "uncertain_line", "write_articles"]
