"""Error types and exit codes, at the bottom of the package so that every layer can raise them.

Nothing here imports the rest of events-tui (or anything slow): the CLI catches these on its start-up path,
and the data core raises them without depending on the CLI that reports them.
"""

from __future__ import annotations

EXIT_OK, EXIT_NOT_FOUND, EXIT_UNUSABLE = 0, 1, 2


class CommandError(Exception):
    """A command's clean failure: `message` goes to stderr as one line, the process exits with `code`."""

    def __init__(self, message: str, code: int = EXIT_NOT_FOUND) -> None:
        super().__init__(message)
        self.code = code


class StoreError(Exception):
    """The database cannot be used; the message is one line naming the file, what is wrong and what to do."""


class BuildError(Exception):
    """A problem in the sources; the message names the file, the entry and the text."""


class Interrupted(BaseException):  # noqa: N818 — like KeyboardInterrupt: a stop request, not an error
    """SIGTERM or SIGHUP arrived while a file was being written; raised so that cleanup runs, then exit 128+signum.

    A BaseException, so that `except Exception` on the way up cannot swallow it.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


# The stop signal whose handler raised `Interrupted` inside a SQLite callback. sqlite3 swallows an exception raised
# in its progress handler and reports only "interrupted", so the store asks here which signal it was: without this
# a SIGHUP that lands mid-statement would be reported as Ctrl+C (exit 130 instead of 129).
_stop_signal: int | None = None


def note_stop_signal(signum: int) -> None:
    global _stop_signal
    _stop_signal = signum


def take_stop_signal() -> int | None:
    """The stop signal noted since the last call, if any (and forget it)."""
    global _stop_signal
    signum, _stop_signal = _stop_signal, None
    return signum
