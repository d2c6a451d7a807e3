"""Score `events-tui draft` on held-out made-up articles: eval/heldout/batchNN/<slug>.txt + hand-written <slug>.toml.

    python -m eval.heldout                 # every batch, current drafter
    python -m eval.heldout batch11         # one batch

Each batch was written, with its gold file, before the drafter was run on it, and scored once with the drafter as it
stood (recorded in eval/RESULTS.md with that commit). Gold files give quotations, speakers, media and dates only:
stances are not annotated here, so only quotation F1 (exact spans), speaker accuracy and date accuracy are scored,
with the same rules as `eval.drafting`. After a batch is recorded its misses may be studied and fixed; its figure is
then no longer an unseen estimate, only the next fresh batch is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eval.drafting import Score, score_article

HELDOUT = Path(__file__).resolve().parent / "heldout"


def batches() -> list[Path]:
    return sorted(p for p in HELDOUT.iterdir() if p.is_dir() and p.name.startswith("batch"))


def score_batch(folder: Path) -> tuple[list[Score], Score]:
    scores = []
    for path in sorted(folder.glob("*.toml")):
        score = score_article(path)
        score.errors = [e for e in score.errors if ": stance " not in e]  # stances are not annotated here
        scores.append(score)
    total = Score(folder.name)
    for score in scores:
        total.add(score)
    return scores, total


def row(s: Score) -> str:
    return (
        f"| {s.name} | {s.gold_quotes} | {s.drafted_quotes} | {s.precision:.2f} | {s.recall:.2f} | {s.f1:.3f} | "
        f"{s.speaker:.2f} ({s.speaker_right}/{s.matched}) | {s.date:.2f} ({s.date_right}/{s.dated}) |"
    )


HEADER = "| article | gold quotes | drafted | exact-span P | R | F1 | speaker | dates |\n" + "|---" * 8 + "|"


def current() -> tuple[str, list[str]]:
    """The table of every batch scored by the drafter as it is now, and every miss."""
    lines, misses = [HEADER], []
    for folder in batches():
        scores, total = score_batch(folder)
        lines += [row(s) for s in scores]
        lines.append(row(total).replace(f"| {total.name} |", f"| **{total.name}** |", 1))
        misses += total.errors
    return "\n".join(lines), misses


def main(argv: list[str] | None = None) -> int:
    names = (argv if argv is not None else sys.argv[1:]) or [p.name for p in batches()]
    for name in names:
        scores, total = score_batch(HELDOUT / name)
        print(HEADER)
        for s in [*scores, total]:
            print(row(s))
        for error in total.errors:
            print(f"  {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
