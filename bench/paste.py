"""Paste a block of text into the search box the way a terminal without bracketed paste sends it (as keys), and
time how long the browser takes to settle, with its peak RSS. Issue 10, item 11: 10 KB took 68 s.

    python -m bench.paste --kib 10 [--db PATH] [--timeout 300]

Prints one line: KiB pasted, seconds from the write to the last frame that changed the screen, peak RSS in MiB,
and the number of characters the search box kept. Run it before and after a change, on the same database.
"""

from __future__ import annotations

import argparse
import sys
import time

from bench.terminal import TerminalSession, screen_contains


def cpu_ticks(pid: int) -> int:
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def wait_idle(pid: int, since: float, timeout: float, idle: float = 1.5) -> float:
    """Wait until `pid` has used (almost) no CPU for `idle` seconds; return when it was last busy."""
    last_busy, ticks = since, cpu_ticks(pid)
    while time.perf_counter() - since < timeout:
        time.sleep(0.1)
        now_ticks = cpu_ticks(pid)
        if now_ticks - ticks > 1:  # more than 10 ms of CPU in 100 ms: working
            last_busy = time.perf_counter()
        ticks = now_ticks
        if time.perf_counter() - last_busy >= idle:
            break
    return last_busy


def serve_bare() -> int:
    """A Textual app with one Input and nothing else: what Textual itself costs for the same keys."""
    from textual.app import App, ComposeResult
    from textual.widgets import Input

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Input(placeholder="type anything")

    Bare().run()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kib", type=float, default=10)
    parser.add_argument("--db", default=None)
    parser.add_argument("--timeout", type=float, default=300)
    parser.add_argument("--bare", action="store_true", help="paste into a bare Textual Input instead (the floor)")
    parser.add_argument("--serve-bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        return serve_bare()
    if args.bare:
        argv = [sys.executable, "-m", "bench.paste", "--serve-bare"]
    else:
        argv = [sys.executable, "-m", "tui"] + (["--db", args.db] if args.db else [])
    session = TerminalSession(argv, 120, 40)
    try:
        since = session.start()
        session.settle(
            since, quiet=0.5, timeout=30, check=lambda t: screen_contains(t, "Cities" if not args.bare else "type")
        )
        if not args.bare:
            since = session.press("/")
            session.settle(since, quiet=0.5, timeout=30, check=lambda t: screen_contains(t, "Search names"))
        # Words a reporter might paste: letters and spaces, no newline (Enter would open a result).
        words = "immigration raids sanctuary police mayor statement families deportation "
        text = (words * int(args.kib * 1024 // len(words) + 1))[: int(args.kib * 1024)]
        began = session.press(text)
        # Done when the program has stopped using the CPU: its screen can stand still for seconds while it works
        # through queued keys, so a quiet screen alone would end the measurement early.
        busy_until = wait_idle(session.process.pid, began, args.timeout)
        settled = session.settle(began, quiet=0.5, timeout=5)
        seconds = busy_until - began
        rss = (session.peak_rss_kib() or 0) / 1024
        kept = next((line for line in settled.text if "│" in line or "▔" in line), "")
        print(f"pasted {args.kib:g} KiB: busy for {seconds:.2f} s, peak RSS {rss:.0f} MiB")
        print(
            "search box line:", next((ln.strip() for ln in settled.text if "deportation" in ln or "immigr" in ln), kept)
        )
    finally:
        session.close(quit_keys=b"\x1b\x11")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
