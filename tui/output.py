"""Standard output for the reading commands: never silently lost, never stopped halfway by the locale.

- A closed stdout (`events-tui city chicago >&-`) or a write that fails (a full disk, a read-only descriptor) is
  one line and exit 2, not exit 0 having written nothing; a reader leaving the pipe stays a quiet exit 0.
- A stdout whose encoding cannot hold every character (an ISO-8859-1 locale, PYTHONIOENCODING=latin-1): tables
  show what it cannot hold as visible escapes (`\\u201c`), never as '?' that reads like part of a quote; JSON
  escapes non-ASCII (`ensure_ascii`, still the exact text once parsed); `export` writes UTF-8 as its files do.
"""

from __future__ import annotations

import codecs
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

from tui.errors import EXIT_UNUSABLE, CommandError

# Data formats: their bytes are the exact text in UTF-8 whatever the locale, as `export --out` files are.
_UTF8_COMMANDS = frozenset({"export"})


def holds_unicode(stream: TextIO | None) -> bool:
    """Whether the stream's encoding can write any character (UTF-8, -16, -32)."""
    encoding = getattr(stream, "encoding", None) or "ascii"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


class OutputFailed(CommandError):
    """Standard output cannot take the output."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"cannot write the output: {reason}", EXIT_UNUSABLE)


class _GuardedOutput:
    """stdout with its write failures turned into OutputFailed; everything else passes through to the stream."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._failed(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._failed(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def _failed(self, exc: OSError) -> OutputFailed:
        if self._stream is sys.__stdout__:
            # What is still buffered would fail again when the interpreter exits and print a second message:
            # send it nowhere (the one line raised here already says the output was lost).
            try:
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self._stream.fileno())
                os.close(devnull)
            except (OSError, ValueError):
                pass
        return OutputFailed(exc.strerror or str(exc))


@contextmanager
def guarded_stdout(command: str) -> Iterator[None]:
    """Run one reading command with stdout checked, encoded as the module docstring says, and flushed at the end."""
    stream = sys.stdout
    if stream is None or getattr(stream, "closed", False):
        raise OutputFailed("standard output is closed")
    if not holds_unicode(stream) and hasattr(stream, "reconfigure"):
        if command in _UTF8_COMMANDS:
            stream.reconfigure(encoding="utf-8")
        else:
            stream.reconfigure(errors="backslashreplace")
    guarded = _GuardedOutput(stream)
    sys.stdout = guarded  # type: ignore[assignment]
    try:
        yield
        guarded.flush()  # a failure surfaces here as one line, not at exit as "Exception ignored"
    finally:
        if sys.stdout is guarded:
            sys.stdout = stream
