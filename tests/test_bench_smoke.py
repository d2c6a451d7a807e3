"""The benchmark harness, end to end in its smoke form: it runs, and its report has every section and target.

No timing is asserted (the machine's speed is not under test); this keeps `python bench/run.py` working.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.report import SECTIONS  # noqa: E402

TARGET_ROWS = (
    "(a) cold start to first frame, large database",
    "(a) cold start to first frame, bundled database",
    "(b) search, every keystroke: median",
    "(b) search, every keystroke: max",
    "(b) search, name",
    "(b) search, common word",
    "(b) search, rare word",
    "(b) search, prefix",
    "(c) city drill, first city",
    "(c) source view open",
    "(d) G: end of the city list",
    "(d) PageUp from the end",
    "(e) peak RSS after start-up",
)


@pytest.mark.skipif(not (ROOT / "tui" / "app.py").is_file(), reason="waiting for the browser app (tui/app.py)")
def test_smoke_benchmark_writes_a_complete_report(tmp_path: Path) -> None:
    out = tmp_path / "RESULTS.md"
    committed = ROOT / "bench" / "RESULTS.md"
    before = committed.stat().st_mtime_ns if committed.is_file() else None
    completed = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--smoke", "--out", str(out), "--work", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    report = out.read_text(encoding="utf-8")
    for heading in SECTIONS:
        assert heading in report, heading
    for row in TARGET_ROWS:
        assert row in report, row
    for fact in ("CPU", "cores", "RAM", "Python", "SQLite", "Textual"):
        assert f"| {fact} |" in report, fact
    # Every target was measured on the large database, and no interactive step left the app stuck.
    targets = report.split("## Results against targets", 1)[1].split("## Search, query by query", 1)[0]
    assert "not measured" not in targets
    assert "never settled as expected" not in completed.stderr, completed.stderr[-3000:]
    # The smoke run writes where it is told, never over the committed full results.
    assert (committed.stat().st_mtime_ns if committed.is_file() else None) == before
