"""Load benchmark of `events-tui serve`: many browser tabs at once, against the terminal version in the same run.

    python bench/serve_bench.py                  # 1, 10 and 25 sessions, and the steps between to find "doubles"
    python bench/serve_bench.py --sessions 1 4   # chosen counts only
    python bench/serve_bench.py --write          # also put the section into bench/RESULTS.md

Each session does what a reader does first: waits for the main screen, opens the first city (Down, Enter), goes back,
and searches "garcety" letter by letter. Every session of a round starts at the same moment and types at the same
moments (the worst case for a shared server). A web session is `bench/web_terminal.py`: the page's websocket,
timed and replayed like the terminal in `bench/terminal.py`, so both versions are measured the same way:

- time to first screen: from asking for the page (terminal: spawning the process) to the settled main screen;
- keystroke latency: from sending a key to the last frame that changed the screen's text;
- memory per session: peak RSS (VmHWM) of each app process, plus the server's RSS growth shared out.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # run from a checkout, installed or not

from bench.terminal import TerminalSession, screen_contains  # noqa: E402
from bench.web_terminal import WebSession  # noqa: E402

DOWN, ENTER, ESCAPE = "\x1b[B", "\r", "\x1b"
STEPS = (1, 2, 4, 6, 8, 10, 15, 20, 25)
MARK_START, MARK_END = "<!-- serve-bench -->", "<!-- /serve-bench -->"
Check = Callable[[tuple[str, ...]], bool]


def shows(*needles: str, without: str | None = None) -> Check:
    def check(text: tuple[str, ...]) -> bool:
        return all(screen_contains(text, n) for n in needles) and not (without and screen_contains(text, without))

    return check


# (keys, what the settled screen shows): the scenario every session runs after its first screen.
ACTIONS: list[tuple[str, Check]] = [
    (DOWN, shows("Cities 1 / ")),  # the first city, whichever the database holds
    (ENTER, shows("Cities › ", without="Loading")),
    (ESCAPE, shows("Cities 1 / ", without="Cities › ")),
    ("/", shows("Search names and quotes")),
    *[(ch, shows("garcety"[: i + 1])) for i, ch in enumerate("garcety")],
]
ACTIONS[-1] = (ACTIONS[-1][0], shows("garcety", "Eric Garcetti"))


@dataclass
class Round:
    sessions: int
    first: list[float] = field(default_factory=list)
    keys: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)  # per app process
    server_kib: int = 0  # the server's RSS growth over the round
    server_base_kib: int = 0  # the server's RSS before the round
    failures: list[str] = field(default_factory=list)

    @property
    def memory_kib(self) -> float:
        return statistics.mean(self.rss_kib) + self.server_kib / max(1, self.sessions) if self.rss_kib else 0.0


def run_session(session: TerminalSession, start: threading.Barrier, steps: list[threading.Barrier], out: Round) -> None:
    """One reader: first screen, then each action in step with every other session of the round."""
    try:
        start.wait()
        since = session.start()
        settled = session.settle(since, quiet=0.3, check=shows("All cities", without="Loading"), timeout=120)
        out.first.append(settled.latency or float("nan"))
        if settled.timed_out:
            out.failures.append("first screen")
        for (keys, check), barrier in zip(ACTIONS, steps, strict=True):
            barrier.wait()
            settled = session.settle(session.press(keys), quiet=0.3, check=check, timeout=60)
            out.keys.append(settled.latency if settled.latency is not None else float("nan"))
            if settled.timed_out:
                out.failures.append(f"{keys!r}")
    except threading.BrokenBarrierError:
        out.failures.append("a session of the round failed")
    except Exception as exc:  # noqa: BLE001 — reported in the results, the other sessions go on
        out.failures.append(f"{type(exc).__name__}: {exc}")
        for barrier in [start, *steps]:
            barrier.abort()


def run_round(make: Callable[[], TerminalSession], n: int, memory: Callable[[list[TerminalSession]], None]) -> Round:
    out = Round(n)
    sessions = [make() for _ in range(n)]
    start = threading.Barrier(n)
    steps = [threading.Barrier(n) for _ in ACTIONS]
    threads = [threading.Thread(target=run_session, args=(s, start, steps, out)) for s in sessions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    memory(sessions)
    for session in sessions:
        session.close()
    return out


def vm(pid: int, key: str) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    found = re.search(rf"^{key}:\s+(\d+)", status, re.M)
    return int(found.group(1)) if found else 0


def children(pid: int) -> list[int]:
    pids: list[int] = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            pids += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue  # a thread that ended meanwhile
    return pids


def terminal_round(db: Path, n: int = 1) -> Round:
    rss: list[int] = []

    def memory(sessions: list[TerminalSession]) -> None:
        rss.extend(s.peak_rss_kib() or 0 for s in sessions)

    out = run_round(lambda: TerminalSession([sys.executable, "-m", "tui", "--db", str(db)], cwd=ROOT), n, memory)
    out.rss_kib = rss
    return out


def web_round(url: str, server_pid: int, n: int) -> Round:
    before = vm(server_pid, "VmRSS")
    rss: list[int] = []
    server: list[int] = []

    def memory(_sessions: list[TerminalSession]) -> None:
        rss.extend(vm(pid, "VmHWM") for pid in children(server_pid))
        server.append(vm(server_pid, "VmRSS") - before)

    out = run_round(lambda: WebSession(url), n, memory)
    out.rss_kib, out.server_kib, out.server_base_kib = rss, max(0, server[0]), before
    deadline = time.monotonic() + 30
    while children(server_pid) and time.monotonic() < deadline:  # the round's app processes end before the next
        time.sleep(0.1)
    return out


def start_server(db: Path) -> tuple[subprocess.Popen[str], str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    command = [sys.executable, "-m", "tui", "serve", "--db", str(db), "--port", "0"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    assert server.stdout is not None
    line = server.stdout.readline()
    return server, line.split(" at ", 1)[1].split()[0]


def median(values: list[float]) -> float:
    clean = [v for v in values if v == v]
    return statistics.median(clean) if clean else float("nan")


def p90(values: list[float]) -> float:
    clean = sorted(v for v in values if v == v)
    return clean[min(len(clean) - 1, int(0.9 * len(clean)))] if clean else float("nan")


def report(db: Path, pairs: list[tuple[Round, Round]], terminals: list[Round], seconds: float, load: str) -> str:
    """`pairs`: (one terminal session, n served sessions) measured one right after the other."""
    doubled = next((web.sessions for base, web in pairs if median(web.keys) >= 2 * median(base.keys)), None)
    held = max((web.sessions for base, web in pairs if median(web.keys) < 2 * median(base.keys)), default=0)
    server_kib = pairs[0][1].server_base_kib if pairs else 0
    lines = [
        MARK_START,
        "## Serving to web browsers (`python bench/serve_bench.py`)",
        "",
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {seconds:.0f} s in all; database {db.name}; "
        f"{os.cpu_count()} cores; load average at start {load}, at the end {_load()}. Method: the docstring of "
        "bench/serve_bench.py. A round's sessions start and type at the same moments. Each round's ratios are to a "
        "terminal session (one app on a pseudo-terminal, the same actions) measured just before the round, so that "
        "a change in the machine's load during the run moves both. The server process itself held "
        f"{server_kib / 1024:.1f} MiB before its first session (not shared out below).",
        "",
        "| sessions | terminal: first screen, keystroke | served: first screen, median (max) | × terminal "
        "| keystroke median (p90) | × terminal | memory per session | × terminal | failed checks |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for base, r in pairs:
        first, key, base_first, base_key = median(r.first), median(r.keys), median(base.first), median(base.keys)
        lines.append(
            f"| {r.sessions} | {base_first * 1000:.0f} ms, {base_key * 1000:.0f} ms | {first * 1000:.0f} ms "
            f"({max(r.first, default=0) * 1000:.0f} ms) | {first / base_first:.2f}× | {key * 1000:.0f} ms "
            f"({p90(r.keys) * 1000:.0f} ms) | {key / base_key:.2f}× | {r.memory_kib / 1024:.1f} MiB | "
            f"{r.memory_kib / base.memory_kib:.2f}× | {len(r.failures) or ''} |"
        )
    failures = sorted({f for _, r in pairs for f in r.failures})
    if failures:
        lines += ["", "Checks that never passed (the screen did not show it in time): " + "; ".join(failures)]
    if terminals:
        lines += [
            "",
            "The same number of terminal sessions at once (no server), to separate the server's cost from that of "
            "running many apps on this machine's cores:",
            "",
            "| sessions | first screen, median | keystroke median (p90) |",
            "|---|---|---|",
        ]
        lines += [
            f"| {t.sessions} | {median(t.first) * 1000:.0f} ms | {median(t.keys) * 1000:.0f} ms "
            f"({p90(t.keys) * 1000:.0f} ms) |"
            for t in terminals
        ]
    verdict = (
        f"Median keystroke latency reached double the terminal version's at {doubled} concurrent sessions; "
        f"it stayed under double up to {held}."
        if doubled
        else f"Median keystroke latency stayed under double the terminal version's up to {held} sessions."
    )
    lines += ["", verdict, MARK_END]
    return "\n".join(lines) + "\n"


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def write_section(section: str, path: Path) -> None:
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if MARK_START in text and MARK_END in text:
        text = text[: text.index(MARK_START)] + section.rstrip("\n") + text[text.index(MARK_END) + len(MARK_END) :]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "data" / "events.db")
    parser.add_argument("--sessions", type=int, nargs="+", default=list(STEPS))
    parser.add_argument("--terminals", type=int, nargs="*", default=[10, 25], help="terminal sessions at once")
    parser.add_argument("--write", action="store_true", help="put the section into bench/RESULTS.md")
    args = parser.parse_args()
    began, load = time.perf_counter(), _load()
    server, url = start_server(args.db)
    pairs: list[tuple[Round, Round]] = []
    try:
        for n in sorted(set(args.sessions)):
            pairs.append((terminal_round(args.db), web_round(url, server.pid, n)))
            print(f"{n} sessions: keystroke median {median(pairs[-1][1].keys) * 1000:.0f} ms", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(30)
    terminals = [terminal_round(args.db, n) for n in sorted(set(args.terminals))]
    section = report(args.db, pairs, terminals, time.perf_counter() - began, load)
    print(section)
    if args.write:
        write_section(section, ROOT / "bench" / "RESULTS.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
