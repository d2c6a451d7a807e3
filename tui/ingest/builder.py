"""Build events.db from `data/sources/*.toml` + `*.txt`: validate, locate offsets, write atomically.

The build writes a temporary file beside the target and renames it over the target only when complete,
so a failed or killed build leaves the existing database byte-identical.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from tui.ingest.annotations import BuildError, load_article
from tui.ingest.entities import Uncertain
from tui.ingest.schema import create_tables, finish
from tui.ingest.writer import name_rows, write_articles

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, so stale temporary files are left for the user to delete
    fcntl = None  # type: ignore[assignment]


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
    """Replace only a database: `--out` naming a folder, a device or someone's document is a slip, not a request."""
    if out.is_dir():
        raise BuildError(f"{out}: is a directory; pass --out PATH to a database file such as {out / 'events.db'}")
    if not out.exists():
        return
    if not out.is_file():
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


def _remove_stale_temporaries(out: Path, folder: Path) -> None:
    """Delete temporary files left by killed builds of `out` (a killed process cannot clean up after itself).

    A live build holds an exclusive lock on its temporary file, so only files nobody is writing are removed.
    """
    if fcntl is None:
        return
    for stale in folder.glob(f".{out.name}.*.tmp"):
        try:
            with stale.open("rb") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                stale.unlink()
        except OSError:
            continue  # locked by a running build, or already gone


@contextmanager
def atomic_database(out: Path) -> Iterator[sqlite_utils.Database]:
    """A fresh database at a temporary path in `out`'s folder, renamed to `out` only if the block succeeds.

    The temporary file is `.<name>.<random>.tmp` beside `out`; a killed build leaves it behind, locked by nobody,
    and the next build of `out` removes it.
    """
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise BuildError(f"{out}: the folder {folder} does not exist")
    _check_target(out)
    _remove_stale_temporaries(out, folder)
    try:
        handle, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise BuildError(f"{out}: cannot write in {folder}: {exc.strerror}") from None
    if fcntl is not None:
        fcntl.flock(handle, fcntl.LOCK_EX)  # held until this process ends: marks the file as in use
    tmp = Path(tmp_name)
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
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    finally:
        os.close(handle)


__all__ = ["atomic_database", "build", "name_rows", "uncertain_line", "write_articles"]
