"""Writing a file so that readers only ever see the old file or the complete new one, and nothing is left over.

Shared by `events-tui build` and `events-tui export --out`: the new content goes to a locked temporary file
`.<name>.<8 random characters>.tmp` beside the target and is renamed over it only when complete. A process that
is stopped by SIGINT, SIGTERM or SIGHUP removes its temporary file on the way out; one killed with SIGKILL cannot,
so the next write to the same target removes temporaries that nobody holds a lock on. Nothing here imports
the rest of events-tui beyond its errors.
"""

from __future__ import annotations

import glob
import os
import re
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from tui.errors import Interrupted, note_stop_signal, take_stop_signal

try:
    import fcntl
except ImportError:  # Windows: no advisory locks, so stale temporary files are left for the user to delete
    fcntl = None  # type: ignore[assignment]

# What tempfile.mkstemp puts between prefix and suffix: 8 characters of this alphabet. Matching it exactly means
# a user's own `.events.db.notes.tmp` is never taken for an abandoned temporary file.
_RANDOM_PART = r"[a-z0-9_]{8}"
# Files SQLite keeps beside a database while writing it; they belong to the file they sit beside.
SQLITE_COMPANIONS = ("-journal", "-wal", "-shm")


def temporary_beside(target: Path) -> tuple[int, Path]:
    """Create and lock `.<target name>.XXXXXXXX.tmp` in the target's folder; return its descriptor and path.

    The lock is held until the descriptor is closed (or the process ends): it marks the file as in use, so a
    concurrent write to the same target does not mistake it for an abandoned one.
    """
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX)
    return fd, Path(name)


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Delete the temporary files of `target` left by killed processes; return what was removed.

    The target's name is escaped for the glob and the random part matched exactly, so `--out '*'` or a name with
    brackets matches only that name's own temporaries. A file someone holds locked is being written: it stays.
    """
    if fcntl is None:
        return []
    exact = re.compile(rf"\.{re.escape(target.name)}\.{_RANDOM_PART}\.tmp")
    removed = []
    for candidate in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
        if not exact.fullmatch(candidate.name) or candidate.is_symlink() or not candidate.is_file():
            continue
        try:
            with candidate.open("rb") as handle:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue  # locked by a running process, or already gone
    return removed


def remove_stale_journals(target: Path) -> None:
    """Delete SQLite's `-journal`, `-wal` and `-shm` files of the database about to be replaced.

    They belong to the old file; left beside the new one, the next writer would "recover" the old transaction into
    it and corrupt it. Called before the rename, so no reader ever sees the new file with the old journal.
    """
    for suffix in SQLITE_COMPANIONS:
        companion = target.with_name(target.name + suffix)
        if companion.is_symlink() or companion.is_file():
            companion.unlink(missing_ok=True)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    note_stop_signal(signum)  # in case SQLite swallows the exception (the store re-raises it; see errors.py)
    raise Interrupted(signum)


@contextmanager
def stopped_by_signals_cleanly() -> Iterator[None]:
    """While writing, turn SIGTERM and SIGHUP into `Interrupted`, so `finally` blocks remove temporary files.

    (SIGINT already raises KeyboardInterrupt.) Outside the main thread signals cannot be caught; then nothing
    changes and a killed process's temporary file is removed by the next write, as after SIGKILL.
    """
    wanted = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)]
    previous = {}
    take_stop_signal()  # forget one noted before this write
    try:
        for signum in wanted:
            previous[signum] = signal.signal(signum, _interrupt)
    except ValueError:  # not the main thread
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable: the directory entry is data too. Best effort (not every platform allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
