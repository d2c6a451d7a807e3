"""Markdown for one benchmark run (the numbers come from bench/run.py; the rules from bench/report.py)."""

from __future__ import annotations

from typing import Any

from bench.report import SECTIONS, Row, Stat, mib, misses, ms, table
from bench.scenarios import AppRun, Samples

METHOD = """\
Every program runs in its own process on a pseudo-terminal of {columns}×{rows} cells (TERM=xterm-256color,
COLORTERM=truecolor). The harness answers Textual's query for synchronized output as a modern terminal does, so
each frame arrives between begin/end markers; a reader thread timestamps output as it is read, and a small
terminal emulator replays it so the harness knows the screen's text after every frame.

- **First frame** (start-up floor and (a)): from just before the process is spawned to the last frame that
  changed the screen's text before it stayed unchanged for {quiet_ms} ms, and (for events-tui) once the screen
  shows the city list with nothing left "Loading…". So a program that paints a placeholder first and its content
  later is timed to its content. "First paint" (any text at all) is reported beside it.
- **Keystroke → repaint** (UI floor, (b), (c), (d)): from writing the key's bytes to the pty to the last frame that
  changed the screen's text before a {quiet_ms} ms quiet period, with a check on what the screen must show:
  for search, the first five results that `tui.search.search` gives for the text typed so far, in order (or
  "Nothing matches"); for a drill, the breadcrumb of the opened screen; for G, the pane title at the last row.
  A late answer is waited for, not missed; frames that only change colours (the cursor blink) are ignored.
  Search keys are also timed "to their results": to the last frame that changed anything but the status line.
  The status line's total of matching quotes (issue 11) changes on keys whose results stay the same, and the code
  before it showed no total, so on such keys that code was timed to the echo of the letter.
- The same code measures the floors and the app: the start-up floor is a Textual app with one Static
  (`bench/floor_start.py`), the UI floor is an Input over an OptionList whose options are replaced on each key
  with no query (`bench/floor_ui.py`), typed with the same letters as the app's search.
- Cold starts are interleaved (floor, bundled, large, floor, …) so the machine's drift hits all alike; "cold"
  means a new process — the OS file cache is warm after the first run.
- events-tui's modules are compiled to bytecode before timing, as `pip install` does (Textual's already are), so a
  cold start does not include compiling the app's source even where PYTHONDONTWRITEBYTECODE is set.
- Peak RSS is the child's VmHWM from /proc, read when the first frame has settled and again at the end of a session.
- Ratios use the floors' medians from this run. Search keys are measured one at a time, each after the previous
  one settled; typing faster only makes the app skip stale searches.
"""


def stat(values: list[float]) -> Stat | None:
    return Stat.of(values)


def merged(runs: list[AppRun], attribute: str) -> Samples:
    out = Samples()
    for run in runs:
        samples: Samples = getattr(run, attribute)
        out.values += samples.values
        out.failures += samples.failures
    return out


def search_samples(runs: list[AppRun], texts: list[str] | None = None, to_results: bool = False) -> Samples:
    """Every search key's timing (of `texts` only, if given): to the settled screen, or `to_results` (the last
    change outside the status line, whose total of matching quotes the code before issue 11 did not show)."""
    out = Samples()
    for run in runs:
        # getattr: results pickled before the "to results" timings were kept have no such attribute
        timed = getattr(run, "search_results", {}) if to_results else run.search
        for text, samples in timed.items():
            if texts is None or text in texts:
                out.values += samples.values
                out.failures += samples.failures
    return out


def target_rows(results: dict[str, Any], db: str, with_start_floor: bool = True) -> list[Row]:
    start_floor = Stat.of([s.latency for s in results["start_floor"] if s.latency is not None])
    ui_floor = Stat.of(results["ui_floor"])
    sf = start_floor.median if start_floor else None
    uf = ui_floor.median if ui_floor else None
    runs: list[AppRun] = results["sessions"][db]
    plan = results["plans"][db]
    starts = results["starts"][db]
    rows = [
        Row(
            f"(a) cold start to first frame, {db} database",
            stat([s.latency for s in starts if s.latency is not None]),
            sf,
            "a",
            failures=sum(1 for s in starts if s.failure),
        )
    ]
    everything = search_samples(runs)
    rows.append(Row("(b) search, every keystroke: median", stat(everything.values), uf, "b_median", False,
                    len(everything.failures)))  # fmt: skip
    rows.append(Row("(b) search, every keystroke: max", stat(everything.values), uf, "b_max", True))
    if (to_results := search_samples(runs, to_results=True)).values:
        rows.append(Row("(b) search, every keystroke to its results (status line aside): median",
                        stat(to_results.values), uf, "b_median"))  # fmt: skip
    for query in plan.queries:
        samples = search_samples(runs, [query.text])
        rows.append(Row(f"(b) search, {query.kind} “{query.text}”", stat(samples.values), uf, "b_median", False,
                        len(samples.failures)))  # fmt: skip
    for label, attribute, key in (
        ("(c) city drill, first city", "drill_first", "c"),
        (f"(c) city drill, busy city “{plan.busy_city}” from search", "drill_busy", "c"),
        ("(c) source view open", "source_open", "c"),
        ("(d) G: end of the city list", "end_of_list", "d"),
        ("(d) PageUp from the end", "page_up", "d"),
    ):
        samples = merged(runs, attribute)
        rows.append(Row(label, stat(samples.values), uf, key, failures=len(samples.failures)))
    return rows


def rss_rows(results: dict[str, Any]) -> list[Row]:
    starts = results["starts"]
    bundled = Stat.of([s.rss_kib for s in starts["bundled"] if s.rss_kib])
    large = Stat.of([s.rss_kib for s in starts["large"] if s.rss_kib])
    end_b = Stat.of([r.rss_end_kib for r in results["sessions"]["bundled"] if r.rss_end_kib])
    end_l = Stat.of([r.rss_end_kib for r in results["sessions"]["large"] if r.rss_end_kib])
    return [
        Row("(e) peak RSS after start-up, large vs bundled", large, bundled.median if bundled else None, "e",
            unit="MiB"),
        Row("(e) peak RSS after a whole session, large vs bundled", end_l, end_b.median if end_b else None, "e",
            unit="MiB"),
    ]  # fmt: skip


HEADER = ["what", "n", "median", "p95", "max", "ratio", "target", "verdict"]


def render(results: dict[str, Any]) -> str:
    facts, params = results["facts"], results["params"]
    out = ["# Benchmark results", ""]
    mode = "smoke run (small database, one round: checks the harness, not the targets)" if results["smoke"] else (
        "full run")  # fmt: skip
    out += [f"`python bench/run.py{' --smoke' if results['smoke'] else ''}` — {mode}, {facts['date']}, "
            f"{results['elapsed']:.0f} s in all.", ""]  # fmt: skip
    out += ["## Machine", "", table(["fact", "value"], [[k, str(v)] for k, v in facts.items()]), ""]
    out += ["## Method", "", METHOD.format(columns=120, rows=40, quiet_ms=round(results["quiet"] * 1000)), ""]

    out += ["## Databases", ""]
    rows = []
    for name, info in results["databases"].items():
        rows.append([name, f"`{info['path'].name}`", f"{info['size'] / 2**20:.1f} MiB", f"{info['cities']:,}",
                     f"{info['officials']:,}", f"{info['quotes']:,}", f"{info['sources']:,}"])  # fmt: skip
    out += [table(["database", "file", "size", "cities", "officials", "quotes", "sources"], rows), ""]
    generated = results["generated_in"]
    out += [f"The large database is `events-tui synth` with {', '.join(f'--{k} {v}' for k, v in params.items())}, "
            + (f"generated in this run in {generated:.0f} s." if generated else "reused from bench/out/ (cached by "
               "its parameters)."), ""]  # fmt: skip
    out += ["Search queries typed on the large database: " + "; ".join(
        f"{q.kind} “{q.text}”" for q in results["plans"]["large"].queries) + ".", ""]  # fmt: skip

    out += ["## Floors", ""]
    start_floor = Stat.of([s.latency for s in results["start_floor"] if s.latency is not None])
    ui_floor = Stat.of(results["ui_floor"])
    floor_rows = []
    for label, s in (("start-up floor: one Static, first frame", start_floor),
                     ("UI floor: Input + list, keystroke → repaint", ui_floor)):  # fmt: skip
        floor_rows.append([label, str(s.n) if s else "0", ms(s.median if s else None), ms(s.p95 if s else None),
                           ms(s.max if s else None)])  # fmt: skip
    out += [table(["floor", "n", "median", "p95", "max"], floor_rows), ""]

    out += ["## Results against targets", "", "On the large database:", ""]
    large_rows = target_rows(results, "large") + rss_rows(results)
    out += [table(HEADER, [r.cells() for r in large_rows]), ""]
    first_paint = Stat.of([s.first_paint for s in results["starts"]["large"] if s.first_paint is not None])
    rss = {db: Stat.of([s.rss_kib for s in v if s.rss_kib]) for db, v in results["starts"].items()}
    out += [f"First paint (any text) on the large database: median {ms(first_paint.median if first_paint else None)}."
            " Start-up peak RSS: " + ", ".join(f"{db} {mib(s.median if s else None)}" for db, s in rss.items()) + ".",
            ""]  # fmt: skip

    out += ["## Search, query by query", ""]
    out += [search_table(results, "large"), ""]

    out += ["## The same actions on the bundled database", ""]
    out += [table(HEADER, [r.cells() for r in target_rows(results, "bundled")]), ""]
    out += [search_table(results, "bundled"), ""]

    out += ["## Misses", ""]
    missed = misses(large_rows)
    out += missed or ["None: every target is met."]
    out += [""]
    failures = [f for run in results["sessions"]["large"] for f in _failures(run)]
    if failures:
        out += ["Checks that never passed (the figure is then the last change seen):", ""]
        out += [f"- {f}" for f in failures[:20]] + [""]
    if results["notes"]:
        out += [results["notes"].strip(), ""]
    for name, text in results["profiles"].items():
        out += [f"### Profile: {name}", "", "```", text.rstrip(), "```", ""]
    assert all(section in "\n".join(out) for section in SECTIONS)
    return "\n".join(out)


def _failures(run: AppRun) -> list[str]:
    found = list(run.start.failure and [run.start.failure] or [])
    for value in vars(run).values():
        if isinstance(value, Samples):
            found += value.failures
    for samples in run.search.values():
        found += samples.failures
    return found


def search_table(results: dict[str, Any], db: str) -> str:
    runs: list[AppRun] = results["sessions"][db]
    ui_floor = Stat.of(results["ui_floor"])
    rows = []
    for query in results["plans"][db].queries:
        samples = search_samples(runs, [query.text])
        s = Stat.of(samples.values)
        per_key = []
        for i in range(len(query.text)):  # median per prefix, across rounds (values are in key order per round)
            keyed = [r.search[query.text].values[i] for r in runs if len(r.search[query.text].values) > i]
            per_key.append(f"{query.text[: i + 1]} {ms(Stat.of(keyed).median) if keyed else '—'}")
        ratio = s.median / ui_floor.median if s and ui_floor else None
        rows.append([query.kind, f"“{query.text}”", ms(s.median if s else None), ms(s.max if s else None),
                     "—" if ratio is None else f"{ratio:.2f}×", " · ".join(per_key)])  # fmt: skip
    return table(["kind", "typed", "median", "max", "median ÷ UI floor", "median per prefix"], rows)
