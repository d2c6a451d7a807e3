"""Time the compare view (issue 11, item 6): `C` from the main screen until its rows have been read, then each
`s` (next sort) and `f` (next stance filter), and `G` to the last city. Headless (Textual's test driver at
120x40), so the figures are the app's own work, without a terminal's; prints seconds per action.

    python -m bench.compare_view [--db PATH]
"""

from __future__ import annotations

import argparse
import asyncio
import time


async def run(db: str | None) -> None:
    from tui.app import EventsApp
    from tui.cli import resolve_db
    from tui.store import open_store
    from tui.widgets.lazy_list import LazyList

    app = EventsApp(open_store(resolve_db(db)))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)

        async def timed(key: str, label: str) -> None:
            began = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            rows = app.screen.query_one(LazyList)
            while rows.loading_data or rows.count is None:
                await asyncio.sleep(0.005)
            await pilot.pause()
            item = rows.highlighted_item
            first = item.city.name if item is not None else "(none)"
            shown = f"{label} ({getattr(app.screen, 'sort', '')}, {getattr(app.screen, 'position', None) or 'all'})"
            print(f"{shown:<36} {(time.perf_counter() - began) * 1000:7.0f} ms   cursor on: {first}")

        await timed("C", "C: open")
        for _ in range(4):
            await timed("s", "s: next sort")
        await timed("f", "f: next filter")
        await timed("G", "G: last city")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=None)
    asyncio.run(run(parser.parse_args().db))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
