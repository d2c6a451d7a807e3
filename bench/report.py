"""Turn one benchmark run into bench/RESULTS.md: machine facts, floors, each figure against its target."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

# The targets: ratios to a floor measured in the same run.
TARGETS = {
    "a": ("median ≤ 1.15× start-up floor", 1.15),
    "b_median": ("median ≤ 1.5× UI floor", 1.5),
    "b_max": ("max ≤ 3× UI floor", 3.0),
    "c": ("median ≤ 2× UI floor", 2.0),
    "d": ("median ≤ 2× UI floor", 2.0),
    "e": ("≤ 1.2× RSS on the bundled database", 1.2),
}

# Every section a report must have; the smoke test checks for these headings.
SECTIONS = (
    "## Machine",
    "## Method",
    "## Databases",
    "## Floors",
    "## Results against targets",
    "## Search, query by query",
    "## The same actions on the bundled database",
    "## Misses",
)


@dataclass(frozen=True)
class Stat:
    n: int
    median: float
    p95: float
    max: float

    @classmethod
    def of(cls, values: Sequence[float]) -> Stat | None:
        if not values:
            return None
        ordered = sorted(values)
        rank = max(0, math.ceil(0.95 * len(ordered)) - 1)  # nearest-rank percentile
        return cls(len(ordered), statistics.median(ordered), ordered[rank], ordered[-1])


def ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{seconds * 1000:.0f} ms"


def mib(kib: float | None) -> str:
    return "—" if kib is None else f"{kib / 1024:.1f} MiB"


def ratio(value: float | None, floor: float | None) -> float | None:
    return None if value is None or not floor else value / floor


def verdict(value: float | None, limit: float) -> str:
    if value is None:
        return "not measured"
    return "**met**" if value <= limit else f"**missed** by {value / limit - 1:.0%}"


@dataclass
class Row:
    """One line of the targets table."""

    label: str
    stat: Stat | None
    floor: float | None
    target_key: str
    use_max: bool = False
    failures: int = 0
    unit: str = "ms"

    @property
    def value_ratio(self) -> float | None:
        if self.stat is None:
            return None
        return ratio(self.stat.max if self.use_max else self.stat.median, self.floor)

    def cells(self) -> list[str]:
        text, limit = TARGETS[self.target_key]
        fmt = mib if self.unit == "MiB" else ms
        s = self.stat
        r = self.value_ratio
        note = f" ({self.failures} check failures)" if self.failures else ""
        return [
            self.label,
            str(s.n) if s else "0",
            fmt(s.median) if s else "—",
            fmt(s.p95) if s else "—",
            fmt(s.max) if s else "—",
            "—" if r is None else f"{r:.2f}×",
            text,
            verdict(r, limit) + note,
        ]


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def misses(rows: Sequence[Row]) -> list[str]:
    """One sentence per missed target: by how much, in time and in ratio."""
    out = []
    for row in rows:
        text, limit = TARGETS[row.target_key]
        r = row.value_ratio
        if r is None or r <= limit or row.stat is None or row.floor is None:
            continue
        value = row.stat.max if row.use_max else row.stat.median
        allowed = row.floor * limit
        if row.unit == "MiB":
            over = f"{mib(value)} against an allowed {mib(allowed)}"
        else:
            over = f"{ms(value)} against an allowed {ms(allowed)} ({ms(value - allowed)} over)"
        out.append(f"- {row.label}: {r:.2f}× where the target is {text} — {over}.")
    return out
