"""The reading subcommands of `events-tui`: search, city, official, source, export.

Each prints rich tables and panels for a person, or with `--json` the shapes in tui.present for a script.
Database text always reaches rich as `Text` (never markup) after `display_text`, so a quote holding "[bold]"
or an escape sequence prints as written. Colour only on a terminal and never when NO_COLOR is set.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from tui import present
from tui.errors import EXIT_NOT_FOUND, EXIT_OK, EXIT_UNUSABLE, CommandError
from tui.export import write_export
from tui.models import NameMatch, Official, Organization, Quote, Stance, group_stances
from tui.output import guarded_stdout, holds_unicode
from tui.resolve import NameNotResolved, resolve_id, resolve_name
from tui.search import (
    MAX_RESULTS,
    SearchPage,
    count_quotes,
    counted_in_full,
    fold,
    list_stops,
    result_count,
    search_page,
)

if TYPE_CHECKING:
    from tui.store import Store


def run(command: str, args: argparse.Namespace, store: Store) -> int:
    """Run one reading command against an open store; return the exit code or raise CommandError."""
    handlers = {"search": _search, "city": _city, "official": _official, "source": _source, "export": _export}
    handlers["compare"] = _compare
    handler = handlers.get(command)
    if handler is None:
        raise CommandError(f"unknown command {command!r} (see events-tui --help)", EXIT_UNUSABLE)
    with guarded_stdout(command):
        return handler(args, store)


# The narrowest output: below it a table has no room for a date or a word.
MIN_WIDTH = 40
# How long `search` may count the quotes behind a cut list (the dialog gives its count 0.03 s; a script can wait).
CLI_COUNT_SECONDS = 10.0


class _Console(Console):
    """rich's Console, except that a reader leaving the pipe (`events-tui city x | head -1`) is not a failure."""

    def on_broken_pipe(self) -> None:
        # rich exits with 1 here, our code for "nothing found". Point stdout at /dev/null so the interpreter's
        # last flush is quiet, and let cli.main turn the BrokenPipeError into exit 0 as it does for export.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise BrokenPipeError


def make_console() -> Console:
    """A console on stdout: colour on a terminal, none when piped (rich detects it) or when NO_COLOR is set.

    rich's own NO_COLOR handling still emits bold and italics; no colour system at all means no escape codes.
    """
    plain = bool(os.environ.get("NO_COLOR"))
    options: dict[str, Any] = {"color_system": None} if plain else {}
    console = _Console(file=sys.stdout, highlight=False, markup=False, emoji=False, **options)
    columns = os.environ.get("COLUMNS", "")
    if columns.strip().isdigit() and int(columns) <= 0:  # rich would take COLUMNS=0 as no room at all
        console.width = shutil.get_terminal_size((80, 24)).columns
    console.width = max(console.width, MIN_WIDTH)  # narrower, tables squeeze words to nothing; a terminal wraps
    return console


def print_json(value: object) -> None:
    # A stdout that cannot hold every character gets \uXXXX escapes: still the exact text once parsed.
    json.dump(value, sys.stdout, ensure_ascii=not holds_unicode(sys.stdout), indent=2)
    sys.stdout.write("\n")


def literal(text: str | None, style: str = "") -> Text:
    """Database text for rich: made safe by `display_text` and never parsed as markup."""
    return Text(present.display_text(text or ""), style=style)


def _resolve(store: Store, kind: str, args: argparse.Namespace) -> NameMatch:
    """The entity the arguments name (NAME, '#ID' or --id, narrowed by --city/--state); a note if not as typed."""
    name, entity_id = args.name, getattr(args, "id", None)
    example = "chicago" if kind == "city" else "lightfoot"
    if entity_id is not None and name is not None:
        raise CommandError(f"give a {kind} name or --id, not both", EXIT_UNUSABLE)
    if entity_id is None and (name is None or not fold(name) and not name.strip().startswith("#")):
        article = "an" if kind[0] in "aeiou" else "a"
        message = f"give {article} {kind} name (letters or digits), or --id N, e.g. events-tui {kind} {example}"
        raise CommandError(message, EXIT_UNUSABLE)
    try:
        if entity_id is not None:
            match = resolve_id(store, kind, entity_id)
        else:
            match = resolve_name(store, kind, name, getattr(args, "in_city", None), getattr(args, "in_state", None))
    except NameNotResolved as exc:
        raise CommandError(present.one_line(str(exc)), EXIT_NOT_FOUND) from None
    note = present.match_note(match)
    if note:
        print(f"events-tui: {present.one_line(note)}", file=sys.stderr)
    return match


# --- search -----------------------------------------------------------------------------------------


def _search(args: argparse.Namespace, store: Store) -> int:
    if args.limit < 1:
        raise CommandError("--limit must be 1 or more", EXIT_UNUSABLE)
    page = search_page(store, args.query, args.limit)
    hits = page.hits
    if args.json:
        print_json([present.hit_json(h) for h in hits])
    if not hits:
        raise CommandError(present.one_line(f"nothing matches '{args.query}'"), EXIT_NOT_FOUND)
    if not args.json:
        table = Table("Kind", "Name", "What", title=literal(f"Search: {args.query}"), box=box.SIMPLE_HEAD)
        _never_cut(table)
        for hit in hits:
            what = literal(f"“{hit.snippet}”" if hit.kind == "quote" else hit.snippet)
            table.add_row(Text(hit.kind, style="dim"), literal(hit.name, "bold"), what)
        make_console().print(table)
    if page.more:
        # On stderr, so that --json stays a plain list: a list cut at --limit says how much is left.
        print(f"events-tui: {_search_cut(store, args.query, page)}", file=sys.stderr)
    return EXIT_OK


def _search_cut(store: Store, query: str, page: SearchPage) -> str:
    """'showing 20 of 45,014 results; --limit shows more (at most 10,000)', for a search page with more. A script
    can wait for exact counts where the dialog gives bounds to keep typing fast."""
    quotes = page.quote_matches
    if quotes is None and page.expression is not None:
        quotes = count_quotes(store, page.expression, CLI_COUNT_SECONDS)
    total, exact = result_count(counted_in_full(store, query, page), quotes)
    shown = len(page.hits)
    more = f"--limit shows more (at most {MAX_RESULTS:,})" if shown < MAX_RESULTS else list_stops()
    return f"showing {shown:,} of {'' if exact else 'at least '}{total:,} results; {more}"


# --- city and official ------------------------------------------------------------------------------


def _city(args: argparse.Namespace, store: Store) -> int:
    match = _resolve(store, "city", args)
    view = store.city_view(match.id)
    if view is None:  # the name index pointed at a row that is gone: a broken database
        raise CommandError(f"{store.path}: the name index points at a missing city; rebuild it", EXIT_UNUSABLE)
    if args.json:
        print_json(present.city_json(view, match))
        return EXIT_OK
    city = view.city
    mayor = literal(_person_line(view.mayor)) if view.mayor else Text(present.NO_MAYOR, style="italic")
    facts = [("State", city.state), ("Mayor", mayor)]
    parts: list[RenderableType] = [Panel(_facts(facts), title=literal(city.name, "bold"), title_align="left")]
    parts.append(_stance_table("Police stance", view.police, present.NO_POLICE_STANCE))
    if view.mayor:
        title = f"Statements of the mayor, {view.mayor.name}"
        total = view.quotes_total(view.mayor, len(view.statements))
        parts.append(_quote_table(title, view.statements, "No statements of the mayor quoted in the sources", total))
    others: list[tuple[Official | Organization, tuple[Quote, ...]]] = [*view.others, *view.organizations]
    if not others:
        parts.append(Text(f"No other officials or organisations of {city.name} named in the sources", style="italic"))
    for entity, quotes in others:
        label = _person_line(entity) if isinstance(entity, Official) else f"{entity.name} · {entity.kind}"
        total = view.quotes_total(entity, len(quotes))
        parts.append(_quote_table(label, quotes, "No statements quoted in the sources", total))
    cut = present.shown_of(len(view.others) + (1 if view.mayor else 0), present.officials_total(view))
    if cut:
        parts.append(Text(f"Officials of {city.name}: {cut} (the first by name)", style="bold"))
    if view.context:
        parts.append(_stance_table("Other stances in the city", view.context, ""))
    make_console().print(Group(*parts))
    return EXIT_OK


def _official(args: argparse.Namespace, store: Store) -> int:
    match = _resolve(store, "official", args)
    view = store.official_view(match.id)
    if view is None:
        raise CommandError(f"{store.path}: the name index points at a missing official; rebuild it", EXIT_UNUSABLE)
    if args.json:
        print_json(present.official_json(view, match))
        return EXIT_OK
    o = view.official
    place = o.city_name or (o.state if o.jurisdiction == "state" else o.jurisdiction)
    facts = [("Title", o.title), ("Party", o.party), ("Jurisdiction", place), ("Handle", o.handle)]
    console = make_console()
    console.print(Panel(_facts(facts), title=literal(o.name, "bold"), title_align="left"))
    empty = "No statements quoted in the sources"
    console.print(_quote_table(f"Statements of {o.name}", view.quotes, empty, view.total))
    return EXIT_OK


def _person_line(o: Official) -> str:
    role = present.role(o.title, o.city_name, o.state, o.jurisdiction) or "title not stated"
    return f"{o.name} · {role} · {o.party or 'party not stated'}"


def _facts(rows: Sequence[tuple[str, str | Text | None]]) -> Table:
    """Label/value lines; a value the sources do not state says so in words."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    _never_cut(table)
    for label, value in rows:
        if value is None:
            value = Text(present.NOT_STATED, style="italic")
        table.add_row(Text(label), value if isinstance(value, Text) else literal(value))
    return table


def _section(title: str, empty: str) -> Group:
    return Group(literal(title, "bold"), Text(f"  {empty}", style="italic"), Text())


def _table(title: str, *columns: str) -> Table:
    """A section table: bold title on the left, light rules, the last column (the words) taking the room."""
    table = Table(*columns, title=literal(title, "bold"), title_justify="left", box=box.SIMPLE_HEAD)
    table.columns[-1].ratio = 1
    table.columns[-1].overflow = "fold"  # a long slug in a citation folds onto the next line, never cut with "…"
    for column in table.columns[:-1]:
        column.no_wrap = column.header in ("Date", "Stance")
        column.max_width = 22
    return _never_cut(table)


def _never_cut(table: Table) -> Table:
    # rich ends a word too long for its cell with '…' by default: a slug or handle would lose its end silently.
    for column in table.columns:
        column.overflow = "fold"
    return table


def _quote_table(title: str, quotes: tuple[Quote, ...], empty: str, total: int) -> RenderableType:
    if not quotes:
        return _section(title, empty)
    cut = present.shown_of(len(quotes), total)
    table = _table(f"{title} ({cut}, newest first)" if cut else title, "Date", "Medium", "Quote")
    if cut:
        table.caption = "every statement: events-tui export"
    for q in quotes:
        date = present.date_label(q.date, q.date_precision)
        medium = literal(q.medium) if q.medium else Text("not stated", style="dim italic")
        table.add_row(Text(date), medium, Text.assemble(literal(f"“{q.text}”"), "\n", _offsets(q)))
    return table


def _stance_table(title: str, stances: tuple[Stance, ...], empty: str) -> RenderableType:
    """One row per holder and position ('refuses — 2 sources'), with each source's words, date and offsets."""
    if not stances:
        return _section(title, empty)
    groups = group_stances(stances)
    table = _table(title, "Who", "Stance", "What the articles say")
    for group in groups:
        said: list[Text | str] = []
        if group.disputed:
            said += [Text(present.SOURCES_DIFFER, style="bold"), "\n"]
        if group.first.summary:
            said += [literal(group.first.summary), "\n"]
        for s in group.stances:
            when = f"{present.stated_when(s)} · {present.excerpt_label(s.excerpt)}"
            said += [literal(f"“{s.evidence}”", "italic"), "\n", literal(when, "dim"), "\n"]
        look = present.stance_look(group.position)
        stance = Text.assemble((group.position, look.style), "\n", present.sources_phrase(group.source_count))
        words = Text.assemble(*said)
        words.rstrip()
        table.add_row(literal(present.holder_label(group.first)), stance, words)
    return table


def _offsets(item: Quote | Stance) -> Text:
    return Text(present.excerpt_label(item.excerpt), style="dim")


# --- source and export ------------------------------------------------------------------------------


def _source(args: argparse.Namespace, store: Store) -> int:
    source = store.source_by_slug(args.slug)
    if source is None:
        raise CommandError(present.one_line(_unknown_slug(store, args.slug)), EXIT_NOT_FOUND)
    text = store.source_text(source.id)
    if args.json:
        print_json(present.article_json(source, text))
        return EXIT_OK
    facts = [
        ("Title", source.title),
        ("Outlet", source.outlet),
        ("Published", source.published),
        ("URL", source.url),
        ("Contributors", source.contributors),
    ]
    console = make_console()
    console.print(Panel(_facts(facts), title=literal(source.slug, "bold"), title_align="left"))
    # Piped, the article keeps its own lines (grep finds them whole); on a terminal, wrapped at word boundaries.
    console.print(literal(text), soft_wrap=not console.is_terminal)
    return EXIT_OK


def _unknown_slug(store: Store, slug: str) -> str:
    import difflib

    slugs = [s.slug for s in store.sources()]
    close = difflib.get_close_matches(slug, slugs, n=3, cutoff=0.5)
    hint = f"closest: {', '.join(close)}" if close else f"known: {', '.join(slugs[:5]) or 'none'}"
    return f"no source with slug '{slug}'; {hint}"


def _compare(args: argparse.Namespace, store: Store) -> int:
    """One row per city, 500 cities read at a time: JSON streamed as a list, or aligned lines for a person.

    Lines rather than a rich Table: rich measures every cell of a table, 87 s for 50,000 cities; these are cut
    to fixed widths, and 50,000 cities print in seconds with memory flat.
    """
    order = store.compare_order(args.sort, args.stance)
    if not order:
        what = f"with a {args.stance} stance" if args.stance else "in the database"
        if args.json:
            print_json([])
        raise CommandError(f"no city {what}", EXIT_NOT_FOUND)
    console = None if args.json else make_console()
    if args.json:
        sys.stdout.write("[\n")
    elif console is not None:
        shown = f"with a {args.stance} stance" if args.stance else "in the database"
        console.print(Text(f"{len(order):,} cities {shown}, sorted by {args.sort}", style="bold"))
        console.print(_compare_line([Text(h, style="bold") for h in COMPARE_HEADINGS]), soft_wrap=True)
    for at in range(0, len(order), 500):
        rows = store.compare_rows(order[at : at + 500])
        if args.json:
            text = ",\n".join(json.dumps(present.compare_json(r), ensure_ascii=False) for r in rows)
            sys.stdout.write(("," if at else "") + text + "\n")
        elif console is not None:
            lines = Text("\n").join(_compare_line(_compare_cells(r)) for r in rows)
            if console.color_system is None:  # piped or NO_COLOR: the same characters, without rich's rendering
                sys.stdout.write(lines.plain + "\n")
            else:
                console.print(lines, soft_wrap=True)
    if args.json:
        sys.stdout.write("]\n")
    elif console is not None:
        console.print(Text(f"{present.stance_legend()} · {present.COMPARE_MARKS}", style="dim"))
    return EXIT_OK


COMPARE_HEADINGS = ("City", "State", "Police", "City policy", "State law", "Mayor", "Quotes", "Sources", "Latest")
COMPARE_WIDTHS = (20, 12, 12, 12, 12, 18, 7, 7, 18)


def _compare_cells(r: Any) -> list[Text]:
    cells = [literal(r.city.name, "bold"), _or_not_stated(r.city.state)]
    for tally in (r.police, r.city_policy, r.state_law):
        look = present.stance_look(tally.stance.position) if tally else None
        cells.append(Text(present.tally_label(tally), style=look.style if look else "dim italic"))
    latest = present.date_label(r.latest, r.latest_precision) if r.latest else None
    cells += [_or_not_stated(r.mayor.name if r.mayor else None), Text(f"{r.statements:,}"), Text(f"{r.sources:,}")]
    return [*cells, _or_not_stated(latest)]


def _compare_line(cells: list[Text]) -> Text:
    """Cells cut or padded to COMPARE_WIDTHS (the counts right-aligned), one space apart: one line per city."""
    line = Text()
    for n, (content, width) in enumerate(zip(cells, COMPARE_WIDTHS, strict=True)):
        content = Text(present.one_line(content.plain), style=content.style)
        content.truncate(width, overflow="ellipsis")
        if n in (6, 7):
            content.pad_left(width - content.cell_len)
        else:
            content.pad_right(width - content.cell_len)
        line.append_text(content)
        line.append(" ")
    line.rstrip()
    return line


def _or_not_stated(value: str | None) -> Text:
    return literal(value) if value else Text(present.NOT_STATED_SHORT, style="dim italic")


def _export(args: argparse.Namespace, store: Store) -> int:
    write_export(store, args.format, args.out)
    return EXIT_OK
