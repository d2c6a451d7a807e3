"""How fast `events-tui draft` drafts, over the synthetic articles of `events-tui synth`.

    python bench/draft_bench.py      # 1,000 news-sized articles; writes its section of bench/RESULTS.md
    python bench/draft_bench.py --quotes 1000000 --cities 50000 --officials 200000   # the 1M-quote articles

The articles are generated once into bench/out/ (cached by their parameters) and read back from the database's
`sources` table. Each is drafted exactly as `events-tui draft --json` does (draft_text + to_json); the figures
are articles per second, milliseconds per article (median, p95, max), characters per second, and the process's
peak RSS (VmHWM) against its RSS with the articles loaded. The synthetic rows also give a sanity check of the
drafts: exact-span recall and precision against each synthetic quotation passage, and speaker accuracy.
"""

from __future__ import annotations

import argparse
import datetime as dt
import platform
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval.drafting import same_entity, trim  # noqa: E402
from tui.ingest.draft import draft_text  # noqa: E402
from tui.ingest.draft.output import to_json  # noqa: E402

OUT = ROOT / "bench" / "out"
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Drafting speed"


def memory(field: str) -> float:
    """VmRSS / VmHWM of this process in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def corpus(args: argparse.Namespace) -> Path:
    name = (
        f"draft-synth-cities{args.cities}-officials{args.officials}-quotes{args.quotes}"
        f"-sources{args.sources}-seed{args.seed}.db"
    )
    path = OUT / name
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        command = [sys.executable, "-m", "tui", "synth", "--cities", str(args.cities), "--officials",
                   str(args.officials), "--quotes", str(args.quotes), "--sources", str(args.sources), "--seed",
                   str(args.seed), "--out", str(path)]  # fmt: skip
        subprocess.run(command, check=True, cwd=ROOT)
    return path


def load(path: Path) -> tuple[list[tuple[int, str, str]], dict[int, list[tuple[int, int, str, str]]]]:
    """The articles (id, published, text) and each article's quotation rows (start, end, speaker, kind)."""
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    articles = db.execute("SELECT id, published, text FROM sources ORDER BY id").fetchall()
    rows: dict[int, list[tuple[int, int, str, str]]] = {}
    query = "SELECT source_id, start, end, speaker, official_id IS NOT NULL FROM quotes ORDER BY source_id, start"
    for source_id, start, end, speaker, is_person in db.execute(query):
        rows.setdefault(source_id, []).append((start, end, speaker, "person" if is_person else "org"))
    db.close()
    return articles, rows


def passages(rows: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """The synthetic quotation passages: rows not inside another row (a passage's sentences are rows too)."""
    return [r for r in rows if not any(o[0] <= r[0] and r[1] <= o[1] and o[:2] != r[:2] for o in rows)]


def run(args: argparse.Namespace) -> str:
    path = corpus(args)
    load_before = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    articles, rows = load(path)
    before = memory("VmRSS")
    timings: list[float] = []
    chars = matched = drafted = gold = speaker_right = 0
    for source_id, published, text in articles:
        began = time.perf_counter()
        draft = draft_text(text, published=published)
        to_json(draft)
        timings.append(time.perf_counter() - began)
        chars += len(text)
        truth = {trim(text, s, e): (who, kind) for s, e, who, kind in passages(rows.get(source_id, []))}
        spans = {trim(text, q.span.start, q.span.end): q for q in draft.quotes}
        gold += len(truth)
        drafted += len(spans)
        for span, (who, kind) in truth.items():
            quote = spans.get(span)
            if quote is None:
                continue
            matched += 1
            person = next((p for p in draft.people if p.id == quote.speaker), None)
            org = next((o for o in draft.orgs if o.id == quote.speaker), None)
            names = [person.name, *person.aliases] if person else [org.name, *org.aliases] if org else []
            speaker_right += bool(names) and same_entity(kind, [who], "person" if person else "org", names)
    total = sum(timings)
    real = real_articles()
    peak = memory("VmHWM")
    ms = sorted(t * 1000 for t in timings)
    lines = [
        SECTION,
        "",
        f"`python bench/draft_bench.py` — {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, Python "
        f"{platform.python_version()}, {platform.processor() or platform.machine()}, one process, one core; "
        f"load average at the start {load_before} (the machine is shared: other work slows these figures).",
        "",
        f"Articles: `events-tui synth --cities {args.cities} --officials {args.officials} --quotes {args.quotes} "
        f"--sources {args.sources} --seed {args.seed}` ({len(articles):,} articles, "
        f"{chars / max(len(articles), 1):,.0f} characters and {gold / max(len(articles), 1):.1f} quotation passages "
        "on average), each drafted as `events-tui draft --json` does (draft + JSON), excluding Python start-up "
        "and reading the file.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| articles per second | {len(articles) / total:,.1f} |",
        f"| ms per article: median / p95 / max | {statistics.median(ms):.1f} / {ms[int(len(ms) * 0.95) - 1]:.1f} / "
        f"{ms[-1]:.1f} |",
        f"| characters per second | {chars / total:,.0f} |",
        f"| total | {total:.1f} s |",
        f"| RSS with the articles loaded / peak RSS while drafting | {before:.0f} MiB / {peak:.0f} MiB |",
        f"| synthetic passages found (exact span) | {matched / max(gold, 1):.3f} ({matched:,}/{gold:,}) |",
        f"| drafted quotations that are a synthetic passage | {matched / max(drafted, 1):.3f} "
        f"({matched:,}/{drafted:,}) |",
        f"| speaker right on found passages | {speaker_right / max(matched, 1):.3f} ({speaker_right:,}/{matched:,}) |",
        "",
        f"The bundled real articles ({real['sizes']}) take {real['in_process']} each in process (median of 20 runs); "
        f"`events-tui draft ARTICLE --json` as a command takes {real['command']} end to end (median of 5, the seed "
        "article), most of it interpreter start-up and compiling the rules' regular expressions on import. "
        "The synthetic articles use a handful of attribution "
        "patterns, so the quality lines are a sanity check of the speed run, not a measure of quality on real "
        "news (that is `python -m eval.drafting`, eval/RESULTS.md).",
        "",
    ]
    return "\n".join(lines)


def real_articles() -> dict[str, str]:
    """Timings on the bundled real articles, in process and as the command a person runs."""
    paths = sorted((ROOT / "data" / "sources").glob("*.txt"))
    sizes, each = [], []
    for path in paths:
        text = path.read_bytes().decode("utf-8")
        runs = []
        for _ in range(20):
            began = time.perf_counter()
            to_json(draft_text(text))
            runs.append(time.perf_counter() - began)
        sizes.append(f"{len(text) / 1000:.1f}")
        each.append(f"{statistics.median(runs) * 1000:.1f}")
    seed = ROOT / "data" / "sources" / "2019-06-22-ice-raids.txt"
    command = []
    for _ in range(5):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "tui", "draft", str(seed), "--json"], check=True, capture_output=True)
        command.append(time.perf_counter() - began)
    return {
        "sizes": ", ".join(sizes) + " thousand characters",
        "in_process": " / ".join(each) + " ms",
        "command": f"{statistics.median(command) * 1000:.0f} ms",
    }


def write_section(section: str) -> None:
    """Replace (or append) this benchmark's section of bench/RESULTS.md; the rest of the file is left as it is."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(rf"^{re.escape(SECTION)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text.rstrip("\n") + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--quotes", type=int, default=20_000)
    parser.add_argument("--cities", type=int, default=2_000)
    parser.add_argument("--officials", type=int, default=8_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-write", action="store_true", help="print only; leave bench/RESULTS.md alone")
    args = parser.parse_args()
    section = run(args)
    print(section)
    if not args.no_write:
        write_section(section)
    return 0


if __name__ == "__main__":
    sys.exit(main())
