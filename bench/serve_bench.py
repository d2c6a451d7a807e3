"""Load benchmark of `events-tui serve`: many browser tabs at once, against the terminal version in the same run.

    python bench/serve_bench.py                  # 1, 10 and 25 sessions, and the steps between to find "doubles"
    python bench/serve_bench.py --sessions 1 4   # chosen counts only
    python bench/serve_bench.py --write          # also put the section into bench/RESULTS.md

Each session does what a reader does first: waits for the main screen, opens Chicago (Down, Enter), goes back,
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
    (DOWN, shows("Cities 1 / 8")),
    (ENTER, shows("Cities › Chicago", "Lori Lightfoot", without="Loading")),
    (ESCAPE, shows("Cities 1 / 8", without="Cities › Chicago")),
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
        pids += [int(p) for p in (task / "children").read_text().split()]
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


def report(db: Path, terminal: Round, rounds: list[Round], terminals: list[Round], seconds: float) -> str:
    base_first, base_key, base_mem = median(terminal.first), median(terminal.keys), terminal.memory_kib
    web_one = median(rounds[0].keys) if rounds and rounds[0].sessions == 1 else float("nan")
    doubled = next((r.sessions for r in rounds if median(r.keys) >= 2 * web_one), None)
    held = max((r.sessions for r in rounds if median(r.keys) < 2 * web_one), default=0)
    lines = [
        MARK_START,
        "## Serving to web browsers (`python bench/serve_bench.py`)",
        "",
        f"{dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, {seconds:.0f} s in all; database {db.name}; "
        f"{os.cpu_count()} cores; load average at start {' '.join(f'{x:.2f}' for x in os.getloadavg())}. "
        "Method: the docstring of bench/serve_bench.py. Each round's sessions start and type at the same moments; "
        "ratios are to the terminal version measured in the same run (one session on a pseudo-terminal).",
        "",
        f"Terminal version: first screen {base_first * 1000:.0f} ms, keystroke median {base_key * 1000:.0f} ms "
        f"(p90 {p90(terminal.keys) * 1000:.0f} ms), peak RSS {base_mem / 1024:.1f} MiB. The server process itself: "
        f"{(rounds[0].server_base_kib if rounds else 0) / 1024:.1f} MiB before the first session (not shared out).",
        "",
        "| sessions | first screen, median (max) | × terminal | keystroke median (p90) | × terminal | "
        "memory per session | × terminal | failures |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rounds:
        first, key = median(r.first), median(r.keys)
        lines.append(
            f"| {r.sessions} | {first * 1000:.0f} ms ({max(r.first, default=0) * 1000:.0f} ms) | "
            f"{first / base_first:.2f}× | {key * 1000:.0f} ms ({p90(r.keys) * 1000:.0f} ms) | {key / base_key:.2f}× | "
            f"{r.memory_kib / 1024:.1f} MiB | {r.memory_kib / base_mem:.2f}× | {len(r.failures) or ''} |"
        )
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
        f"Median keystroke latency doubled (against one served session, {web_one * 1000:.0f} ms) at {doubled} "
        f"concurrent sessions; it held under double up to {held}."
        if doubled
        else f"Median keystroke latency stayed under double that of one served session up to {held} sessions."
    )
    lines += ["", verdict, MARK_END]
    return "\n".join(lines) + "\n"


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
    began = time.perf_counter()
    terminal = terminal_round(args.db)
    server, url = start_server(args.db)
    rounds: list[Round] = []
    try:
        for n in sorted(set(args.sessions)):
            rounds.append(web_round(url, server.pid, n))
            print(f"{n} sessions: keystroke median {median(rounds[-1].keys) * 1000:.0f} ms", file=sys.stderr)
    finally:
        server.terminate()
        server.wait(30)
    terminals = [terminal_round(args.db, n) for n in sorted(set(args.terminals))]
    section = report(args.db, terminal, rounds, terminals, time.perf_counter() - began)
    print(section)
    if args.write:
        write_section(section, ROOT / "bench" / "RESULTS.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
