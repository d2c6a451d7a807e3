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

from tui.errors import EXIT_NOT_FOUND, EXIT_OK, EXIT_UNUSABLE, BuildError, CommandError, Interrupted, StoreError

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


# `--help`'s examples: (what to type, what it shows). A test parses every one, so none can drift from the parser.
EXAMPLES: tuple[tuple[str, str], ...] = (
    ("events-tui", "open the browser (/ search, ? keys, q quit)"),
    ("events-tui city chicago", "the police stance, the mayor's statements, who else spoke"),
    ("events-tui official garcety", "typos are fine: Eric Garcetti and all his statements"),
    ("events-tui search lightfoot --json", "names and quotes, best match first, as JSON"),
    ("events-tui source 2019-06-22-ice-raids", "an article's metadata and full text"),
    ("events-tui export --format csv --out quotes.csv", "every quote and stance, with offsets"),
    ("events-tui --db other.db city houston", "read another database (or set EVENTS_DB)"),
)


def examples_text() -> str:
    lines = ["examples:"]
    for typed, shows in EXAMPLES:
        lines += [f"  {typed:<40}  {shows}"] if len(typed) <= 40 else [f"  {typed}", f"  {'':<40}  {shows}"]
    lines += ["", "exit codes: 0 ok, 1 not found or ambiguous, 2 unusable input; errors are one line on stderr."]
    return "\n".join(lines)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit code 2 (argparse's own code for it)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        # main() puts "events-tui: " in front of every error; a subcommand's parser names itself ("city: ...").
        where = self.prog.removeprefix("events-tui").strip()
        raise CommandError(f"{where + ': ' if where else ''}{message} (see {self.prog} --help)", EXIT_UNUSABLE)


def build_parser() -> argparse.ArgumentParser:
    from tui import __version__

    parser = _Parser(
        prog="events-tui",
        description="Who said what, city by city, about federal immigration enforcement; each quote cited to "
        "the characters of its source article. With no command, opens the browser.",
        epilog=examples_text(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    db_help = "database to read (default: $EVENTS_DB, else the bundled database)"
    parser.add_argument("--db", metavar="PATH", help=db_help)
    _add_deep_links(parser, argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)

    def reader(name: str, help_text: str, json_flag: bool = True) -> argparse.ArgumentParser:
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--db", metavar="PATH", help=db_help, default=argparse.SUPPRESS)
        if json_flag:
            command.add_argument("--json", action="store_true", help="print JSON (shapes documented in README)")
        return command

    _add_deep_links(reader("browse", "open the browser (the default)", json_flag=False), argparse.SUPPRESS)
    search = reader("search", "search cities, officials, organisations and quotes, best match first")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=20, help="at most this many results (default 20, at most 10,000)")
    city = reader("city", "a city: police stance, the mayor and their statements, others tied to it")
    official = reader("official", "an official and all their statements")
    for command, kind in ((city, "city"), (official, "official")):
        command.add_argument("name", nargs="?", help=f"the {kind}'s name (typos forgiven, with a note), or #ID")
        command.add_argument("--id", type=int, help=f"the {kind} with this id (listed when a name is ambiguous)")
        command.add_argument(
            "--state", metavar="STATE", dest="in_state", help=f"only a {kind} of this state (for namesakes)"
        )
    # Its own dest: the top-level --city is the browser's deep link.
    official.add_argument(
        "--city", metavar="CITY", dest="in_city", help="only an official of this city (for namesakes)"
    )
    reader("source", "an article's metadata and text").add_argument("slug")
    compare = reader("compare", "every city at a glance: police stance, city policy, state law, mayor, counts")
    compare.add_argument("--stance", choices=("refuses", "cooperates", "mandated", "unclear"), help="only these")
    compare.add_argument("--sort", choices=("city", "police", "statements", "latest"), default="city")
    export = reader("export", "every quote and stance with speaker, city, date, source and offsets", json_flag=False)
    export.add_argument("--format", choices=("json", "csv", "markdown"), default="json")
    export.add_argument("--out", metavar="PATH", help="write here instead of standard output")

    build = sub.add_parser("build", help="build the database from annotated sources")
    build.add_argument("--sources", metavar="DIR", type=Path, default=None, help="default: the bundled sources")
    build.add_argument(
        "--out", metavar="PATH", type=Path, default=None, help="default: the bundled database (never $EVENTS_DB)"
    )

    draft = sub.add_parser(
        "draft",
        help="draft the annotation file of a new article, for a person to review",
        description="Draft the annotation file (TOML, as in data/sources) of a plain-text news article: its "
        "quotations with speaker, medium and date, the people, organisations and cities it names, and stance "
        "candidates, each with a confidence and a reason. Everything is marked unreviewed.",
    )
    draft.add_argument("path", help="the article as a UTF-8 text file")
    draft.add_argument("--published", metavar="YYYY-MM-DD", help="publication date (default: the text's 'date' header)")
    draft.add_argument("--url", help="the article's address")
    draft.add_argument("--outlet", metavar="NAME", help="who published it")
    draft.add_argument("--title", metavar="TEXT", help="its headline (default: the text's headline line, if any)")
    draft.add_argument(
        "--out", metavar="PATH.toml", help="write here (never over an existing file) instead of printing"
    )
    draft.add_argument("--json", action="store_true", help="print JSON with character offsets instead of TOML")

    synth = sub.add_parser("synth", help="generate a large synthetic database for benchmarks")
    synth.add_argument("--cities", type=int, default=50_000)
    synth.add_argument("--officials", type=int, default=200_000)
    synth.add_argument("--quotes", type=int, default=1_000_000)
    synth.add_argument("--sources", type=int, default=20, help="how many synthetic articles")
    synth.add_argument("--seed", type=int, default=1)
    synth.add_argument("--out", metavar="PATH", type=Path, required=True)

    serve_help = "serve the browser to web browsers, read-only, one process per tab (needs the 'serve' extra)"
    serve = sub.add_parser("serve", help=serve_help, description=serve_help)
    serve.add_argument("--db", metavar="PATH", help=db_help, default=argparse.SUPPRESS)
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="default 8000; 0 picks a free port")
    serve.add_argument("--public-url", metavar="URL", help="the address browsers use, when not http://HOST:PORT")
    return parser


DEEP_LINKS = ("city", "official", "source")


def _add_deep_links(parser: argparse.ArgumentParser, default: object) -> None:
    """--city / --official / --source: what the browser opens first (a served page's /?city=... is the same)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--city", metavar="NAME", default=default, help="open the browser at this city")
    group.add_argument("--official", metavar="NAME", default=default, help="open the browser at this official")
    group.add_argument("--source", metavar="SLUG", default=default, help="open the browser at this article")


def deep_link(args: argparse.Namespace) -> tuple[str, str] | None:
    """The (kind, name) the browser should open first, or None; more than one is a usage error."""
    given = [(kind, getattr(args, kind)) for kind in DEEP_LINKS if getattr(args, kind, None) is not None]
    if len(given) > 1:
        raise CommandError(f"give only one of {', '.join('--' + k for k, _ in given)}", EXIT_UNUSABLE)
    if given and (args.command or "browse") != "browse":
        message = f"--{given[0][0]} opens the browser at it; it does not go with '{args.command}'"
        raise CommandError(message, EXIT_UNUSABLE)
    return given[0] if given else None


def run(args: argparse.Namespace) -> int:
    command = args.command or "browse"
    start = deep_link(args)
    if command == "build":
        from tui.ingest.builder import build

        if getattr(args, "db", None) is not None:
            # --db names a database to read; a build given it would overwrite what the user meant to read.
            raise CommandError("build writes to --out PATH (default: the bundled database), not --db", EXIT_UNUSABLE)
        # Never $EVENTS_DB: that is where the user reads from, and a plain `build` rebuilds the bundled database
        # beside the bundled sources, as the README says.
        out = args.out or bundled_db()
        counts = build(args.sources or bundled_sources(), out)
        print(f"built {_escaped(str(out))}: " + ", ".join(f"{n} {t}" for t, n in counts.items()), file=sys.stderr)
        return EXIT_OK
    if command == "draft":
        from tui.ingest.draft.command import run_draft

        return run_draft(args)
    if command == "synth":
        from tui.ingest.synth import synthesize

        synthesize(args)
        return EXIT_OK
    if command == "serve":
        from tui.web import serve

        return serve(resolve_db(getattr(args, "db", None)), args.host, args.port, args.public_url)

    import sqlite3

    from tui.store import describe_error, open_store

    path = resolve_db(getattr(args, "db", None))
    store = open_store(path)
    try:
        if command == "browse":
            # Checked after the database opened, so a bad database is reported the same way whatever stdin is.
            # TEXTUAL_DRIVER names another driver (the web page's, `events-tui serve`), which reads no terminal.
            if not sys.stdin.isatty() and not os.environ.get("TEXTUAL_DRIVER"):
                # Textual reads keys from the terminal on stdin: from a file or /dev/null it would read
                # end-of-file forever (100% CPU) and `q` could never be pressed.
                raise CommandError(
                    "the browser needs a terminal on standard input (it is redirected); for scripts use a "
                    "command such as `events-tui city chicago` (see events-tui --help)",
                    EXIT_UNUSABLE,
                )
            from tui.app import DeepLink, EventsApp

            app = EventsApp(store, start=DeepLink(*start) if start else None)
            app.run()
            if app.ended_by_signal is not None:
                # 128 + N when signal N ended it (SIGTERM, SIGHUP, SIGQUIT), as a shell reports.
                return 128 + app.ended_by_signal
            # Textual ends the app on an unhandled error and reports it itself; the exit code must say so too
            # (a served page shows that its session failed rather than that it ended).
            return EXIT_UNUSABLE if app.return_code else EXIT_OK
        from tui import commands

        return commands.run(command, args, store)
    except sqlite3.DatabaseError as exc:
        # The file opened fine but failed mid-command (a writer took a lock, the file changed under us).
        raise StoreError(describe_error(path, exc)) from None
    finally:
        store.close()


def _escaped(text: str) -> str:
    """A message made safe for the terminal: a file name holding escape sequences is shown, not obeyed.

    present is imported here, not at start-up, so that the fast path of a command does not pay for it.
    """
    from tui.present import one_line

    return one_line(text)


def _report(message: object) -> None:
    print(f"events-tui: {_escaped(str(message))}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """The console script. Known failures become one stderr line and an exit code; so do surprises."""
    try:
        return run(build_parser().parse_args(argv))
    except CommandError as exc:
        _report(exc)
        return exc.code
    except (StoreError, BuildError) as exc:
        _report(exc)
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        return 130
    except Interrupted as stop:
        # SIGTERM or SIGHUP while writing a file: the temporary file is gone; exit as the signal would have.
        import signal

        try:
            _report(f"stopped by {signal.Signals(stop.signum).name}; the temporary file was removed, nothing replaced")
        except OSError:
            pass  # the terminal went away with the hangup
        return 128 + stop.signum
    except BrokenPipeError:
        # `events-tui export | head`: the reader left; that is not an error worth a message.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 — the promise is "no traceback ever reaches a user"
        _report(f"unexpected error: {type(exc).__name__}: {exc}")
        return EXIT_UNUSABLE
