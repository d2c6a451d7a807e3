"""The benchmark, in one command: floors and events-tui measured in one run, written to bench/RESULTS.md.

    python bench/run.py            # full: 50k cities / 200k officials / 1M quotes (generated once into bench/out/)
    python bench/run.py --smoke    # small database, one round, under a minute: what CI runs
    python bench/run.py --profile  # also profile the slow paths with pyinstrument (bench/out/profiles/)
    python bench/run.py --only start --out /tmp/x.md   # one part: cold starts (a, e at start-up) or sessions

See bench/terminal.py for how first frames and keystroke → repaint are measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import pickle
import platform
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, installed or not

from bench import scenarios  # noqa: E402
from bench.scenarios import AppRun, Plan, Query, StartUp  # noqa: E402

PARTS = ("start", "session")
FULL = {"cities": 50_000, "officials": 200_000, "quotes": 1_000_000, "sources": 1_000, "seed": 1}
SMOKE = {"cities": 500, "officials": 1_000, "quotes": 2_000, "sources": 20, "seed": 1}
# What is typed into search: (kind, text). The rare word is picked from the database's vocabulary tail.
QUERIES = [("name, accented", "garcia"), ("name, Vietnamese", "nguyen"), ("common word", "immigration"),
           ("prefix", "depor")]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="small database, one round (CI)")
    parser.add_argument("--rounds", type=int, help="interactive sessions per database (default 5, smoke 1)")
    parser.add_argument("--starts", type=int, help="cold starts per program (default 7, smoke 1)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md", help="where the report goes")
    parser.add_argument("--work", type=Path, default=ROOT / "bench" / "out", help="generated databases, profiles")
    parser.add_argument("--profile", action="store_true", help="profile slow paths with pyinstrument")
    parser.add_argument("--render-only", action="store_true", help="rewrite the report from the last run's figures")
    parser.add_argument(
        "--only",
        choices=PARTS,
        help="measure one part: 'start' (floor and cold starts: (a), RSS at start-up) or 'session' (UI floor and the "
        "interactive sessions: (b)-(e)); the other part's rows read 'not measured'",
    )
    args = parser.parse_args()
    if args.render_only:
        with open(args.work / "last-run.pickle", "rb") as handle:
            write_report(pickle.load(handle), args.out)
        return 0
    smoke = args.smoke
    # Five, not three: a drill is timed once per session, and at n = 3 identical code gave medians 2x apart.
    rounds = args.rounds or (1 if smoke else 5)
    starts = args.starts or (1 if smoke else 7)
    quiet, timeout = (0.25, 20.0) if smoke else (0.5, 30.0)
    args.work.mkdir(parents=True, exist_ok=True)
    began = time.perf_counter()
    parts = [args.only] if args.only else list(PARTS)
    compile_bytecode()

    params = SMOKE if smoke else FULL
    bundled = bundled_database(args.work)
    large, generated_in = synthetic_database(args.work, params)
    databases = {"bundled": bundled, "large": large}
    plans = {name: make_plan(path, smoke, quiet, timeout) for name, path in databases.items()}
    rare = next(q.text for q in plans["large"].queries if q.kind == "rare word")
    log(f"plans ready: rare word {rare!r}, busy city {plans['large'].busy_city!r}")

    start_floor: list[StartUp] = []
    starts_by_db: dict[str, list[StartUp]] = {name: [] for name in databases}
    # Interleaved, so drift in the machine's speed hits floor and app alike.
    for i in range(starts if "start" in parts else 0):
        log(f"cold start {i + 1}/{starts}")
        start_floor.append(scenarios.start_up(scenarios.floor_argv("floor_start.py"), None, quiet, timeout))
        for name, path in databases.items():
            starts_by_db[name].append(scenarios.start_up(scenarios.app_argv(path), scenarios.ready, quiet, timeout))

    ui_floor: list[float] = []
    sessions: dict[str, list[AppRun]] = {name: [] for name in databases}
    for i in range(rounds if "session" in parts else 0):
        log(f"interactive round {i + 1}/{rounds}: UI floor")
        samples, _ = scenarios.ui_floor_session(plans["large"].queries, quiet, timeout)
        ui_floor += samples.values
        for name, path in databases.items():
            log(f"interactive round {i + 1}/{rounds}: events-tui on the {name} database")
            sessions[name].append(scenarios.app_session(path, plans[name]))

    profiles: dict[str, str] = {}
    if args.profile:
        from bench import profiles as profiling

        profiles = profiling.profile_all(large, plans["large"], args.work / "profiles", quiet, timeout)

    results = {
        "smoke": smoke,
        "facts": machine_facts(),
        "params": params,
        "databases": {name: describe_database(path) for name, path in databases.items()},
        "generated_in": generated_in,
        "plans": plans,
        "start_floor": start_floor,
        "starts": starts_by_db,
        "ui_floor": ui_floor,
        "sessions": sessions,
        "profiles": profiles,
        "quiet": quiet,
        "elapsed": time.perf_counter() - began,
    }
    # Kept so the report can be written again (`--render-only`) without measuring again.
    # A partial run (--only) is kept apart, so --render-only still rewrites the last full run's report.
    with open(args.work / ("last-run.pickle" if not args.only else f"last-run-{args.only}.pickle"), "wb") as handle:
        pickle.dump(results, handle)
    write_report(results, args.out)
    log(f"wrote {args.out} in {time.perf_counter() - began:.0f}s")
    return 0


def compile_bytecode() -> None:
    """Compile events-tui's modules to bytecode first, as `pip install` does for an installed package.

    Textual's modules are read from the bytecode its install compiled; without this, a checkout run where
    PYTHONDONTWRITEBYTECODE is set would compile the app's source on every cold start (about 25 ms here) and the
    comparison with the start-up floor would not be like for like.
    """
    import compileall

    compileall.compile_dir(ROOT / "tui", quiet=1)


# Where the sections of the other benchmarks start in RESULTS.md.
OTHER_BENCHMARKS = "<!-- serve-bench -->"


def write_report(results: dict, out: Path) -> None:
    from bench.render import render

    notes = ROOT / "bench" / "NOTES.md"  # the hand-written analysis of the misses, if any
    results["notes"] = notes.read_text(encoding="utf-8") if notes.is_file() and not results["smoke"] else ""
    # Other benchmarks (serve_bench, draft_bench) keep their sections below this report's; a rerun keeps them.
    kept = ""
    if out.is_file():
        previous = out.read_text(encoding="utf-8")
        at = previous.find(OTHER_BENCHMARKS)
        kept = "\n" + previous[at:] if at != -1 else ""
    out.write_text(render(results).rstrip("\n") + "\n" + kept, encoding="utf-8")


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def bundled_database(work: Path) -> Path:
    """The database shipped with events-tui; built from the bundled sources if a checkout lacks it."""
    from tui.cli import bundled_db, bundled_sources

    path = bundled_db()
    if path.is_file():
        return path
    from tui.ingest.builder import build

    out = work / "bundled.db"
    build(bundled_sources(), out)
    return out


def synthetic_database(work: Path, params: dict[str, int]) -> tuple[Path, float | None]:
    """The synthetic database for `params`, generated once and kept under a name that states its parameters."""
    name = "synth-" + "-".join(f"{k}{v}" for k, v in params.items()) + ".db"
    path = work / name
    if path.is_file():
        return path, None
    log(f"generating {name} (once; kept in {work})")
    began = time.perf_counter()
    argv = [sys.executable, "-m", "tui", "synth", "--out", str(path)]
    argv += [a for k, v in params.items() for a in (f"--{k}", str(v))]
    subprocess.run(argv, cwd=ROOT, check=True)
    return path, time.perf_counter() - began


def make_plan(db: Path, smoke: bool, quiet: float, timeout: float) -> Plan:
    """What to type and where to go, and what the screen must show after each key, read from the database."""
    from tui.ingest.synth_vocab import vocabulary
    from tui.present import one_line
    from tui.screens.search import LIMIT, MAX_SCAN
    from tui.search import fold, fts_query, search_page
    from tui.store import open_store

    store = open_store(db)
    try:
        # The rarest vocabulary word that some quote holds: a match set small enough to be ranked.
        rare = next(
            (w for w in reversed(vocabulary()) if 0 < store.count_quote_matches(fts_query([w], False) or "", 201)),
            "zzzz",
        )
        queries = [Query(kind, text) for kind, text in [*QUERIES[:3], ("rare word", rare), QUERIES[3]]]
        if smoke:
            queries = [Query(q.kind, q.text[:3]) for q in queries]
        for query in queries:
            for i in range(1, len(query.text) + 1):
                hits = search_page(store, query.text[:i], LIMIT, max_scan=MAX_SCAN).hits  # as the dialog searches
                # The start of each name: a long one (a policy's) wraps in the dialog and would not be found whole.
                query.expected[query.text[:i]] = [one_line(h.name)[:40] for h in hits[:5]]
        first = store.cities_page(0, 1)
        busy = busiest_city_with_unique_name(store, fold)
        return Plan(queries, first[0].name if first else "", busy, store.city_count() + 1, quiet, timeout)
    finally:
        store.close()


def busiest_city_with_unique_name(store, fold) -> str:  # type: ignore[no-untyped-def]
    """Among the first cities (the synthetic generator makes low ids the big ones), the most quoted one whose
    name no other city shares, so typing its name and pressing Enter opens that very city."""
    best, best_count = "", -1
    for city_id in range(1, min(store.city_count(), 200) + 1):
        city = store.city(city_id)
        if city is None:
            continue
        count = store.quote_count(city_id=city_id)
        if count > best_count:
            same = [row for row in store.names_with_prefix(fold(city.name), 50) if row[0] == "city"]
            if len({row[1] for row in same if row[3] == fold(city.name)}) == 1:
                best, best_count = city.name, count
    return best


def describe_database(path: Path) -> dict[str, object]:
    from tui.store import open_store

    store = open_store(path)
    try:
        counts = {
            "cities": store.city_count(),
            "officials": store.official_count(),
            "quotes": store.quote_count(),
            "sources": len(store.sources()),
        }
    finally:
        store.close()
    return {"path": path, "size": path.stat().st_size, **counts}


def machine_facts() -> dict[str, str]:
    from importlib.metadata import version

    cpu = next(
        (line.split(":", 1)[1].strip() for line in _lines("/proc/cpuinfo") if line.startswith("model name")),
        platform.processor() or "unknown",
    )
    mem = next((line.split()[1] for line in _lines("/proc/meminfo") if line.startswith("MemTotal")), None)
    return {
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "CPU": cpu,
        "cores": str(os.cpu_count()),
        "RAM": f"{int(mem) / 1024 / 1024:.1f} GiB" if mem else "unknown",
        "OS": platform.platform(),
        "Python": platform.python_version(),
        "SQLite": sqlite3.sqlite_version,
        "Textual": version("textual"),
        "load average at start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def _lines(path: str) -> list[str]:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.readlines()
    except OSError:
        return []


if __name__ == "__main__":
    sys.exit(main())
