"""Closing the store while reads run in threads (the palette's `asyncio.to_thread`, workers) when the app exits.

Found at stop 16: the suite died with a segmentation fault, the palette's searches running in threads while the
test's app closed the store under them. The race runs in a child process, so a crash fails this test instead of
ending the whole run.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

RACE = """
import sys, threading, time
from tui.search import search
from tui.store import open_store

for attempt in range(50):
    store = open_store(sys.argv[1])
    stop = False
    failures = []

    def hammer():
        while not stop:
            try:
                search(store, "garcia", 20, False)
            except Exception as exc:  # after close: sqlite3's "closed database" error, as a Python exception
                failures.append(type(exc).__name__)
                return

    threads = [threading.Thread(target=hammer, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    time.sleep(0.005)
    store.close()
    stop = True
    for thread in threads:
        thread.join()
print("closed 50 times")
"""


def test_closing_the_store_under_running_reads_does_not_crash(events_db: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", RACE, str(events_db)], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]  # -11: the segmentation fault
    assert done.stdout.strip() == "closed 50 times"
