"""Run events-tui with a timeline of where its time goes: `TRACE_OUT=file python bench/trace_app.py --db DB`.

Used by `bench/drill_ab.py --trace DIR` (one timeline per session). Each line is milliseconds since start, then:
- `msg Node.Message N ms`: a message handled that took over 1 ms (Key with its key, Compose, Mount, ScreenResume…
  always);
- `write N B`: what the app wrote to the terminal (`sync_end=1`: the end of a frame);
- `_refresh_layout` / `_compositor_refresh`: Textual's layout and paint of a screen;
- `_load_screen_css`, `push_screen`, `import tui.screens.…`: the first-push costs of a screen;
- `store.<read>`: the reads a drill or a pane makes, with the thread they ran on;
- `gc genN`: a garbage collection over 1 ms, and every full one;
- anything named in `TRACE_FUNCS="module:Class.method,module:function"`.
The patches only time; the app behaves as it does under `python -m tui`.
"""

from __future__ import annotations

import builtins
import functools
import gc
import importlib
import os
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

# The checkout under test is the working directory (as for `python -m tui`), not this script's: without this, a
# checkout run with another's Python would import that Python's installed `tui`.
sys.path.insert(0, os.getcwd())

from textual import app as textual_app  # noqa: E402
from textual import message_pump  # noqa: E402
from textual import screen as textual_screen  # noqa: E402
from textual.drivers import linux_driver  # noqa: E402

from tui import store as tui_store  # noqa: E402

OUT = open(os.environ["TRACE_OUT"], "w", encoding="utf-8")  # noqa: SIM115 — open for the process's life
T0 = time.perf_counter()
ALWAYS = {"Key", "ScreenResume", "ScreenSuspend", "Compose", "Mount", "Resize"}
OUT.write(f"tui from {tui_store.__file__}\n")


def log(line: str) -> None:
    OUT.write(f"{(time.perf_counter() - T0) * 1000:9.1f} {line}\n")


def timed(owner: Any, name: str, label: str, keep: Callable[[float], bool] = lambda _ms: True) -> None:
    original = getattr(owner, name)

    @functools.wraps(original)  # Textual counts a handler's parameters: the wrapper must show the same ones
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        began = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            ms = (time.perf_counter() - began) * 1000
            if keep(ms):
                log(f"{label} {ms:.1f}ms on {threading.current_thread().name}")

    setattr(owner, name, wrapper)


_dispatch = message_pump.MessagePump._dispatch_message


async def dispatch(self: Any, message: Any) -> Any:
    began = time.perf_counter()
    try:
        return await _dispatch(self, message)
    finally:
        ms = (time.perf_counter() - began) * 1000
        if ms > 1.0 or type(message).__name__ in ALWAYS:
            key = f" {message.key}" if type(message).__name__ == "Key" else ""
            log(f"msg {type(self).__name__}.{type(message).__name__}{key} {ms:.1f}ms")


message_pump.MessagePump._dispatch_message = dispatch  # type: ignore[method-assign]
_write = linux_driver.LinuxDriver.write


def write(self: Any, data: str) -> None:
    log(f"write {len(data)}B sync_end={data.count(chr(27) + '[?2026l')}")
    _write(self, data)


linux_driver.LinuxDriver.write = write  # type: ignore[method-assign]
for _name in ("_refresh_layout", "_compositor_refresh"):
    timed(textual_screen.Screen, _name, _name)
timed(textual_app.App, "_load_screen_css", "_load_screen_css")
timed(textual_app.App, "push_screen", "push_screen")
READS = ("city_view", "claims_naming_city", "sentence_around", "city_row", "city", "source_text", "source")
PANE_READS = ("city_count", "cities_page", "official_count", "officials_page", "quote_count", "quotes_page")
for _name in (*READS, *PANE_READS, "claims_in_source", "stances_for_city", "mayor_of", "quote"):
    if hasattr(tui_store.Store, _name):
        timed(tui_store.Store, _name, f"store.{_name}", keep=lambda ms, n=_name: n != "sentence_around" or ms > 1)

_import = builtins.__import__


def traced_import(name: str, *args: Any, **kwargs: Any) -> Any:
    if not name.startswith("tui.screens") or name in sys.modules:
        return _import(name, *args, **kwargs)
    began = time.perf_counter()
    try:
        return _import(name, *args, **kwargs)
    finally:
        log(f"import {name} {(time.perf_counter() - began) * 1000:.1f}ms")


builtins.__import__ = traced_import

for spec in filter(None, os.environ.get("TRACE_FUNCS", "").split(",")):
    module_name, _, path = spec.partition(":")
    owner: Any = importlib.import_module(module_name)
    *parents, attr = path.split(".")
    for parent in parents:
        owner = getattr(owner, parent, None)
    if owner is None or not hasattr(owner, attr):
        log(f"TRACE_FUNCS: no {spec}")  # another checkout's code may not have it
        continue
    timed(owner, attr, path)

_gc_began = [0.0]


def gc_log(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _gc_began[0] = time.perf_counter()
        return
    ms = (time.perf_counter() - _gc_began[0]) * 1000
    if ms > 1 or info.get("generation") == 2:
        thread = threading.current_thread().name
        tracked = len(gc.get_objects(generation=2)) if info.get("generation") == 2 else ""
        log(f"gc gen{info.get('generation')} {ms:.1f}ms collected={info.get('collected')} {tracked} on {thread}")


gc.callbacks.append(gc_log)

if __name__ == "__main__":
    from tui.cli import main

    sys.argv = ["events-tui", *sys.argv[1:]]
    try:
        sys.exit(main())
    finally:
        OUT.flush()
