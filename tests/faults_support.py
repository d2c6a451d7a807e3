"""Helpers shared by the fault tests: run the real entry point, check the one-line error, fingerprint files."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT

EXIT_UNUSABLE = 2


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str | Path, env: dict[str, str] | None = None, timeout: float = 120) -> Run:
    """`python -m tui ARGS` in a fresh process, as a user would run it (never in-process: exits and imports matter)."""
    inherited = {k: v for k, v in os.environ.items() if k != "EVENTS_DB"}  # only what the test sets
    environment = {**inherited, "PYTHONPATH": str(ROOT), **(env or {})}
    done = subprocess.run(
        [sys.executable, "-m", "tui", *map(str, args)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        errors="replace",
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def assert_one_line_error(result: Run, *must_contain: str, code: int = EXIT_UNUSABLE) -> str:
    """The error contract: exit `code`, exactly one line on stderr holding every `must_contain`, no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    assert "Traceback" not in result.stdout, result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"expected one stderr line, got {len(lines)}: {result.stderr!r}"
    line = lines[0]
    for part in must_contain:
        assert part in line, f"{part!r} not in {line!r}"
    assert result.code == code, f"exit {result.code}, expected {code}: {line}"
    return line


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in `folder` with its checksum: proves nothing was changed, added (-wal, -shm, temp) or removed."""
    return {p.name: sha256(p) for p in sorted(folder.iterdir()) if p.is_file()}
