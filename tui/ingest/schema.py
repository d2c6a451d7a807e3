"""The events.db schema, made with sqlite-utils; shared by the article builder and the synthetic generator.

`create_tables` runs before rows go in; `finish` adds indexes, full-text indexes and the schema version
afterwards, because building an index once over loaded rows is much faster than keeping it up to date row by row.
"""

from __future__ import annotations

import sqlite_utils

from tui.store import REQUIRED_TABLES, TOTALS_TABLE, total_triggers

# Bump when a reader of the old version could misread the new one; readers refuse a newer version.
# 2: entities matched across sources (mentions, uncertain_matches), laws and policies as stance holders.
# Not bumped for `row_counts` (see `store_row_counts`): an older reader never looks at a table it does not know
# and counts as it always did, and this one counts when the table or a table's row in it is missing.
SCHEMA_VERSION = 2

# Which kind of row a search-name points at (names.kind).
NAME_KINDS = ("city", "official", "organization")


def create_tables(db: sqlite_utils.Database) -> None:
    """Create every table, with primary and foreign keys; every fact row carries source_id/start/end."""
    excerpt = {"source_id": int, "start": int, "end": int}
    db.table("sources").create(
        {
            "id": int,
            "slug": str,
            "title": str,
            "outlet": str,
            "published": str,
            "url": str,
            "contributors": str,
            "text": str,
        },
        pk="id",
        not_null=["slug", "text"],
    )
    db.table("cities").create(
        {
            "id": int,
            "slug": str,
            "name": str,
            "state": str,
            # Where the article names the city, and where it implies the state (NULL when no state is stated).
            **excerpt,
            "state_start": int,
            "state_end": int,
            # fold(name): lists sort 'Ángel' beside 'Angel', not after 'Z' as a byte order would.
            "sort_key": str,
            # The source of state_start/state_end: maybe another than the one that names the city first.
            # (New columns go last, so the synthetic generator's positional rows still fit.)
            "state_source_id": int,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id"), ("state_source_id", "sources", "id")],
        not_null=["slug", "name"],
    )
    db.table("officials").create(
        {
            "id": int,
            "slug": str,
            "name": str,
            "title": str,
            "party": str,
            "jurisdiction": str,
            "city_id": int,
            "state": str,
            "handle": str,
            **excerpt,
            "sort_key": str,
        },
        pk="id",
        foreign_keys=[("city_id", "cities", "id"), ("source_id", "sources", "id")],
        not_null=["slug", "name"],
    )
    db.table("organizations").create(
        {
            "id": int,
            "slug": str,
            "name": str,
            "abbreviation": str,
            "kind": str,
            "city_id": int,
            **excerpt,
        },
        pk="id",
        foreign_keys=[("city_id", "cities", "id"), ("source_id", "sources", "id")],
        not_null=["slug", "name", "kind"],
    )
    # A state law or city policy that holds a stance, as the article names it; `signed_by_id` when it says who.
    db.table("policies").create(
        {
            "id": int,
            "slug": str,
            "name": str,
            "kind": str,
            "city_id": int,
            "state": str,
            "signed_by_id": int,
            **excerpt,
        },
        pk="id",
        foreign_keys=[("city_id", "cities", "id"), ("signed_by_id", "officials", "id"), ("source_id", "sources", "id")],
        not_null=["slug", "name", "kind", "source_id", "start", "end"],
    )
    dated = {"date": str, "date_precision": str, "date_start": int, "date_end": int}
    db.table("stances").create(
        {
            "id": int,
            "slug": str,
            "organization_id": int,
            "official_id": int,
            "city_id": int,
            "holder": str,
            "kind": str,
            "toward": str,
            "position": str,
            "summary": str,
            "evidence": str,
            **dated,
            **excerpt,
            "policy_id": int,  # a law or policy holding the stance (last: see cities.state_source_id)
        },
        pk="id",
        foreign_keys=[
            ("organization_id", "organizations", "id"),
            ("official_id", "officials", "id"),
            ("policy_id", "policies", "id"),
            ("city_id", "cities", "id"),
            ("source_id", "sources", "id"),
        ],
        not_null=["slug", "holder", "kind", "toward", "position", "evidence", "source_id", "start", "end"],
    )
    db.table("quotes").create(
        {
            "id": int,
            "slug": str,
            "official_id": int,
            "organization_id": int,
            "speaker": str,
            "city_id": int,
            "text": str,
            "medium": str,
            **dated,
            **excerpt,
        },
        pk="id",
        foreign_keys=[
            ("official_id", "officials", "id"),
            ("organization_id", "organizations", "id"),
            ("city_id", "cities", "id"),
            ("source_id", "sources", "id"),
        ],
        not_null=["slug", "speaker", "text", "source_id", "start", "end"],
    )
    db.table("claims").create(
        {
            "id": int,
            "slug": str,
            "figure": str,
            "claimant": str,
            "official_id": int,
            "organization_id": int,
            "subject": str,
            "evidence": str,
            **excerpt,
        },
        pk="id",
        foreign_keys=[
            ("official_id", "officials", "id"),
            ("organization_id", "organizations", "id"),
            ("source_id", "sources", "id"),
        ],
        not_null=["slug", "figure", "subject", "evidence", "source_id", "start", "end"],
    )
    # Every source's mention of every entity (one entity row may be named by several articles): `kind` is city,
    # official, organization or policy; `name` and `slug` are that article's own; text[start:end] == mention.
    db.table("mentions").create(
        {"id": int, "kind": str, "entity_id": int, "name": str, "slug": str, "mention": str, **excerpt},
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
        not_null=["kind", "entity_id", "name", "slug", "mention", "source_id", "start", "end"],
    )
    # A name shared with an entity of another source that the build would not merge (a conflicting state, city,
    # title...; or several candidates): the two stay separate rows and a reviewer reads why here.
    db.table("uncertain_matches").create(
        {"id": int, "kind": str, "entity_id": int, "other_id": int, "reason": str, "mention": str, **excerpt},
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
        not_null=["kind", "entity_id", "other_id", "reason", "mention", "source_id", "start", "end"],
    )
    # One row per searchable name: the name itself, each alias, abbreviation and handle, and derived initials.
    # `key` is the folded form (lower case, no accents, no punctuation) that search matches against.
    db.table("names").create(
        {"id": int, "kind": str, "entity_id": int, "name": str, "key": str, "weight": int},
        pk="id",
        not_null=["kind", "entity_id", "name", "key", "weight"],
    )


def finish(db: sqlite_utils.Database) -> None:
    """Indexes for every lookup the browser makes, FTS5 indexes, and the schema version."""
    db.table("sources").create_index(["slug"], unique=True)
    for table in ("cities", "officials", "organizations", "policies", "stances", "quotes", "claims"):
        db.table(table).create_index(["slug"], unique=True)
    db.table("mentions").create_index(["kind", "entity_id", "source_id"])
    db.table("stances").create_index(["policy_id"])
    db.table("cities").create_index(["sort_key", "id"])
    db.table("officials").create_index(["city_id", "sort_key"])
    db.table("officials").create_index(["sort_key", "id"])
    db.table("organizations").create_index(["city_id", "name"])
    db.table("stances").create_index(["city_id"])
    db.table("stances").create_index(["organization_id"])
    db.table("stances").create_index(["official_id"])
    # A city's or a speaker's quotes newest first: without these a drill scans every quote.
    db.table("quotes").create_index(["date", "id"])  # the "All cities" quotes pane, newest first
    db.table("quotes").create_index(["city_id", "date"])
    db.table("quotes").create_index(["official_id", "date"])
    db.table("quotes").create_index(["organization_id", "date"])
    db.table("quotes").create_index(["source_id", "start"])
    db.table("names").create_index(["key"])
    db.table("names").create_index(["kind", "entity_id"])
    # Word search over quotes (unicode61 folds accents); Datasette and `sqlite-utils search` detect *_fts tables.
    index_quote_words(db)
    # Substring and typo-tolerant name search: a trigram index over the folded key.
    db.table("names").enable_fts(["key"], tokenize="trigram", create_triggers=True)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION:d}")
    store_row_counts(db)


# Search matches the last word typed as a prefix: "ga*" and "gar*" merge the lists of every word they start, which
# took 20-35 ms to count at a million quotes ("south white be": 44 ms to count and 98 to search). FTS5 prefix
# indexes for 2 and 3 letters make those one list each: 5-8 ms, 1.6 and 13 ms. They cost 15% of the file (+92 MB
# at a million quotes) and 11 s of that build. One letter is not indexed: the dialog does not count it.
QUOTE_PREFIXES = "2 3"
QUOTE_WORDS = ("text", "speaker")


def index_quote_words(db: sqlite_utils.Database) -> None:
    """`quotes_fts`, as sqlite-utils' `enable_fts(..., create_triggers=True)` makes it (so that Datasette and
    `sqlite-utils search` detect it), with the prefix indexes that sqlite-utils has no option for."""
    columns = ", ".join(f"[{c}]" for c in QUOTE_WORDS)
    new = ", ".join(f"new.[{c}]" for c in QUOTE_WORDS)
    old = ", ".join(f"old.[{c}]" for c in QUOTE_WORDS)
    # Constants of ours throughout: FTS5 options and trigger bodies cannot take parameters.
    db.execute(f"CREATE VIRTUAL TABLE [quotes_fts] USING FTS5 ({columns}, prefix='{QUOTE_PREFIXES}', content=[quotes])")
    db.execute("INSERT INTO [quotes_fts] ([quotes_fts]) VALUES ('rebuild')")
    db.executescript(f"""
        CREATE TRIGGER [quotes_ai] AFTER INSERT ON [quotes] BEGIN
          INSERT INTO [quotes_fts] (rowid, {columns}) VALUES (new.rowid, {new});
        END;
        CREATE TRIGGER [quotes_ad] AFTER DELETE ON [quotes] BEGIN
          INSERT INTO [quotes_fts] ([quotes_fts], rowid, {columns}) VALUES ('delete', old.rowid, {old});
        END;
        CREATE TRIGGER [quotes_au] AFTER UPDATE ON [quotes] BEGIN
          INSERT INTO [quotes_fts] ([quotes_fts], rowid, {columns}) VALUES ('delete', old.rowid, {old});
          INSERT INTO [quotes_fts] (rowid, {columns}) VALUES (new.rowid, {new});
        END;
    """)


def store_row_counts(db: sqlite_utils.Database) -> None:
    """Each events table's row total in `row_counts`, so the browser's first frame reads three numbers instead of
    counting whole indexes (0.1-0.8 s at a million quotes when the file is not in the OS's cache).

    Runs last, over the loaded rows and indexes. Its triggers come after every row is in, so the build pays nothing
    per row; they matter only to a later edit (sqlite3 shell, Datasette). A DELETE takes one off the total. An
    INSERT or UPDATE removes the total and the store counts instead, because neither can be followed exactly: with
    INSERT OR REPLACE or UPDATE OR REPLACE, SQLite deletes the rows in the way without firing delete triggers
    (unless the editing connection turned recursive_triggers on), so "+1 per insert" would silently drift.
    The store also counts when a table's triggers are gone (a tool that rebuilt the table drops them).
    Not sqlite-utils' `enable_counts`: its triggers add one per insert, the drift described above.
    """
    db.execute(f"CREATE TABLE {TOTALS_TABLE} (name TEXT PRIMARY KEY, rows INTEGER NOT NULL) WITHOUT ROWID")
    for table in REQUIRED_TABLES:
        # Table and trigger names are constants of ours; a trigger's body cannot take parameters.
        db.execute(f"INSERT INTO {TOTALS_TABLE} (name, rows) SELECT ?, count(*) FROM [{table}]", (table,))
        removed = f"DELETE FROM {TOTALS_TABLE} WHERE name = '{table}'"
        on_insert, on_update, on_delete = total_triggers(table)
        db.execute(f"CREATE TRIGGER [{on_insert}] AFTER INSERT ON [{table}] BEGIN {removed}; END")
        db.execute(f"CREATE TRIGGER [{on_update}] AFTER UPDATE ON [{table}] BEGIN {removed}; END")
        db.execute(
            f"CREATE TRIGGER [{on_delete}] AFTER DELETE ON [{table}] BEGIN "
            f"UPDATE {TOTALS_TABLE} SET rows = rows - 1 WHERE name = '{table}'; END"
        )
