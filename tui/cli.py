"""`events-tui`: parse arguments, pick the database, run the browser or a command.

Exit codes: 0 ok, 1 nothing found or ambiguous, 2 unusable input (bad database, bad sources, bad arguments).
Every error is one line on stderr; no traceback reaches a user. Heavy imports (Textual, sqlite-utils, rich)
happen inside the command that needs them, so `events-tui city chicago` does not pay for the browser.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from tui.errors import EXIT_NOT_FOUND, EXIT_OK, EXIT_UNUSABLE, BuildError, CommandError, StoreError

__all__ = ["EXIT_NOT_FOUND", "EXIT_OK", "EXIT_UNUSABLE", "CommandError", "build_parser", "main", "run"]


def _bundled(name: str) -> Path:
    """`data/<name>` inside the installed package (tui/data), else in the checkout beside tui/."""
    here = Path(__file__).resolve().parent
    installed = here / "data" / name
    return installed if installed.exists() else here.parent / "data" / name


def bundled_sources() -> Path:
    """The annotated articles the bundled database is built from."""
    return _bundled("sources")


def bundled_db() -> Path:
    """The database shipped with events-tui."""
    return _bundled("events.db")


def resolve_db(value: str | None) -> Path:
    """--db wins, then $EVENTS_DB, then the bundled database."""
    if value is not None:
        if not value.strip():
            raise CommandError("--db needs a path to a database file", EXIT_UNUSABLE)
        return Path(value)
    env = os.environ.get("EVENTS_DB")
    return Path(env) if env else bundled_db()


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit code 2 (argparse's own code for it)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise CommandError(f"{self.prog}: {message} (see {self.prog} --help)", EXIT_UNUSABLE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="events-tui",
        description="Who said what, city by city, about federal immigration enforcement; each quote cited to "
        "the characters of its source article. With no command, opens the browser.",
    )
    db_help = "database to read (default: $EVENTS_DB, else the bundled database)"
    parser.add_argument("--db", metavar="PATH", help=db_help)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def reader(name: str, help_text: str, json_flag: bool = True) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--db", metavar="PATH", help=db_help, default=argparse.SUPPRESS)
        if json_flag:
            command.add_argument("--json", action="store_true", help="print JSON (shapes documented in README)")
        return command

    reader("browse", "open the browser (the default)", json_flag=False)
    search = reader("search", "search cities, officials, organisations and quotes, best match first")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20, help="at most this many results (default 20)")
    reader("city", "a city: police stance, the mayor and their statements, others tied to it").add_argument("name")
    reader("official", "an official and all their statements").add_argument("name")
    reader("source", "an article's metadata and text").add_argument("slug")
    compare = reader("compare", "every city at a glance: police stance, city policy, state law, mayor, counts")
    compare.add_argument("--stance", choices=("refuses", "cooperates", "mandated", "unclear"), help="only these")
    compare.add_argument("--sort", choices=("city", "police", "statements", "latest"), default="city")
    export = reader("export", "every quote and stance with speaker, city, date, source and offsets", json_flag=False)
    export.add_argument("--format", choices=("json", "csv", "markdown"), default="json")
    export.add_argument("--out", metavar="PATH", help="write here instead of standard output")

    build = sub.add_parser("build", help="build the database from annotated sources")
    build.add_argument("--sources", metavar="DIR", type=Path, default=None, help="default: the bundled sources")
    build.add_argument("--out", metavar="PATH", type=Path, default=None, help="default: the bundled database path")

    synth = sub.add_parser("synth", help="generate a large synthetic database for benchmarks")
    synth.add_argument("--cities", type=int, default=50_000)
    synth.add_argument("--officials", type=int, default=200_000)
    synth.add_argument("--quotes", type=int, default=1_000_000)
    synth.add_argument("--sources", type=int, default=20, help="how many synthetic articles")
    synth.add_argument("--seed", type=int, default=1)
    synth.add_argument("--out", metavar="PATH", type=Path, required=True)
    return parser


def run(args: argparse.Namespace) -> int:
    command = args.command or "browse"
    if command == "build":
        from tui.ingest.builder import build

        out = args.out or resolve_db(getattr(args, "db", None))
        counts = build(args.sources or bundled_sources(), out)
        print(f"built {out}: " + ", ".join(f"{n} {t}" for t, n in counts.items()), file=sys.stderr)
        return EXIT_OK
    if command == "synth":
        from tui.ingest.synth import synthesize

        synthesize(args)
        return EXIT_OK

    import sqlite3

    from tui.store import describe_error, open_store

    path = resolve_db(getattr(args, "db", None))
    store = open_store(path)
    try:
        if command == "browse":
            from tui.app import EventsApp

            EventsApp(store).run()
            return EXIT_OK
        from tui import commands

        return commands.run(command, args, store)
    except sqlite3.DatabaseError as exc:
        # The file opened fine but failed mid-command (a writer took a lock, the file changed under us).
        raise StoreError(describe_error(path, exc)) from None
    finally:
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    """The console script. Known failures become one stderr line and an exit code; so do surprises."""
    try:
        return run(build_parser().parse_args(argv))
    except CommandError as exc:
        print(f"events-tui: {exc}", file=sys.stderr)
        return exc.code
    except (StoreError, BuildError) as exc:
        print(f"events-tui: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `events-tui export | head`: the reader left; that is not an error worth a message.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 — the promise is "no traceback ever reaches a user"
        print(f"events-tui: unexpected error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_UNUSABLE
