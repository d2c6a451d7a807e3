"""Peak memory of `events-tui export` as the data grows: it streams, so the peak should not grow with the rows.

    python bench/export_memory.py                 # 100k and 1M quotes (the 1M database is shared with run.py)
    python bench/export_memory.py --smoke         # 2k and 20k quotes, seconds
    python bench/export_memory.py --out FILE.md   # where the table goes (default bench/RESULTS-export.md)

Each export runs in a fresh process whose peak resident set size (ru_maxrss of the child, read by a wrapper
process that does nothing else) is reported, for JSON and CSV to a file, and for JSON piped into `head -1`
(the reader leaves after one line). Wall time is shown for context; it is not the point of this measurement.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import FULL, synthetic_database  # noqa: E402

SIZES = {
    "100k quotes": {"cities": 5_000, "officials": 20_000, "quotes": 100_000, "sources": 100, "seed": 1},
    "1M quotes": FULL,
}
SMOKE = {
    "2k quotes": {"cities": 500, "officials": 1_000, "quotes": 2_000, "sources": 20, "seed": 1},
    "20k quotes": {"cities": 1_000, "officials": 4_000, "quotes": 20_000, "sources": 20, "seed": 1},
}
# For comparison, measured once the same way on the code before streaming (main at 192c8a9, which fetched every
# row before writing the first): kept here so the report says what changed, not re-measured on each run.
BEFORE = [
    "Before streaming (main at 192c8a9, `Store.iter_quotes` fetched all rows first), JSON to stdout: "
    "117 MiB at 100k quotes, 993 MiB at 1M quotes, and 992 MiB at 1M even into `head -1` (8 s before the first line).",
]
# Runs `argv` (stdout to a file or a pipe into head), then prints the child's peak RSS in KiB (Linux units).
_MEASURE = """
import resource, subprocess, sys
shell = sys.argv[1] == "shell"
subprocess.run(sys.argv[2] if shell else sys.argv[2:], shell=shell, check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def peak(argv: list[str] | str) -> tuple[int, float]:
    """Peak RSS in KiB and wall seconds of one export in a fresh process."""
    began = time.perf_counter()
    wrapper = [sys.executable, "-c", _MEASURE] + (["shell", argv] if isinstance(argv, str) else ["argv", *argv])
    done = subprocess.run(wrapper, cwd=ROOT, check=True, capture_output=True, text=True)
    return int(done.stdout.strip().splitlines()[-1]), time.perf_counter() - began


def measure(db: Path, work: Path) -> list[tuple[str, int, float]]:
    cli = [sys.executable, "-m", "tui", "--db", str(db), "export"]
    rows = []
    for fmt in ("json", "csv"):
        out = work / f"export-memory.{fmt}"
        out.unlink(missing_ok=True)
        kib, seconds = peak([*cli, "--format", fmt, "--out", str(out)])
        rows.append((f"{fmt} to a file", kib, seconds))
        out.unlink(missing_ok=True)
    kib, seconds = peak(" ".join(cli) + " | head -1")
    rows.append(("json into `head -1`", kib, seconds))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="two small databases, seconds")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS-export.md")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    lines = [
        "# Export memory",
        "",
        f"`python bench/export_memory.py{' --smoke' if args.smoke else ''}`, {dt.date.today()}, "
        f"{platform.machine()}, Python {platform.python_version()}, SQLite via the standard library.",
        "Peak resident set size of one `events-tui export` process (fresh each time). Flat across sizes = streaming.",
        "",
        "| database | output | peak RSS | wall |",
        "|---|---|---:|---:|",
    ]
    for label, params in (SMOKE if args.smoke else SIZES).items():
        db, _ = synthetic_database(args.work, params)
        for output, kib, seconds in measure(db, args.work):
            lines.append(f"| {label} | {output} | {kib / 1024:,.0f} MiB | {seconds:,.1f} s |")
            print(lines[-1], flush=True)
    lines += ["", *BEFORE]
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
