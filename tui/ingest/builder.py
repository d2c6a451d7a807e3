"""Build events.db from `data/sources/*.toml` + `*.txt`: validate, locate offsets, write atomically.

The build writes a temporary file beside the target and renames it over the target only when complete,
so a failed or killed build leaves the existing database byte-identical (tui/atomic.py does the file work).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlite_utils

from tui.atomic import (
    fsync_folder,
    remove_stale_journals,
    remove_stale_temporaries,
    stopped_by_signals_cleanly,
    temporary_beside,
)
from tui.ingest.annotations import Article, BuildError, load_article
from tui.ingest.schema import create_tables, finish
from tui.search import fold, search_keys

# Ids of these sections name one statement of one article; the database keeps them unique (`slug`), so the
# same id in two files is refused by name rather than failing on the constraint. (Entity ids — cities,
# officials, organisations — are meant to be shared: the same id in two files is the same entity.)
PER_ARTICLE_IDS = ("stances", "quotes", "claims")


def build(sources: Path, out: Path) -> dict[str, int]:
    """Build `out` from every annotated article in `sources`; return row counts per table."""
    if not sources.is_dir():
        raise BuildError(f"{sources}: not a directory of sources (expected <slug>.txt with <slug>.toml)")
    annotation_files = sorted(sources.glob("*.toml"))
    if not annotation_files:
        raise BuildError(f"{sources}: no annotation files (*.toml) found")
    articles = [load_article(path) for path in annotation_files]
    _refuse_ids_shared_across_articles(articles)
    with atomic_database(out) as db:
        write_articles(db, articles)
        return {
            name: db[name].count
            for name in ("sources", "cities", "officials", "organizations", "stances", "quotes", "claims")
        }


def _refuse_ids_shared_across_articles(articles: list[Article]) -> None:
    """Decided: a quote, stance or claim id must be unique across the sources folder (prefix it with the article,
    as in `springfield-doe-1`); the stored slug stays the id the file gives, so citations by slug do not change."""
    for section in PER_ARTICLE_IDS:
        first_seen: dict[str, str] = {}
        for article in articles:
            for entry in getattr(article, section):
                other = first_seen.setdefault(entry["id"], article.path.name)
                if other != article.path.name:
                    raise BuildError(
                        f"{article.path.name}: [[{section}]] {entry['id']}: id already used in {other}; "
                        f"{section} ids must be unique across the sources folder (prefix them with the article)"
                    )


def _check_target(out: Path) -> None:
    """Replace only a database: `--out` naming a folder, a device, a link or someone's document is a slip."""
    try:
        info = out.lstat()
    except FileNotFoundError:
        return
    except OSError as exc:
        raise BuildError(f"{out}: cannot check the target ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise BuildError(f"{out}: is a directory; pass --out PATH to a database file such as {out / 'events.db'}")
    if stat.S_ISLNK(info.st_mode):
        # The rename would replace the link, not the file it points to: never what was meant.
        raise BuildError(f"{out}: is a symbolic link; refusing to replace it; pass --out the file it points to")
    if not stat.S_ISREG(info.st_mode):
        raise BuildError(f"{out}: not a regular file; refusing to replace it; pass --out PATH to a database file")
    try:
        with out.open("rb") as handle:
            header = handle.read(16)
    except OSError:
        return  # unreadable: the rename decides whether we may replace it
    if header and header != b"SQLite format 3\x00":
        raise BuildError(
            f"{out}: exists and is not a SQLite database; refusing to replace it; remove it or choose another --out"
        )


@contextmanager
def atomic_database(out: Path) -> Iterator[sqlite_utils.Database]:
    """A fresh database at a temporary path in `out`'s folder, renamed to `out` only if the block succeeds.

    The temporary file is `.<name>.<random>.tmp` beside `out`, locked while in use. SIGTERM, SIGHUP and Ctrl+C
    remove it; a SIGKILLed build leaves it behind, locked by nobody, and the next build of `out` removes it.
    The old database's `-journal`/`-wal`/`-shm` files are removed just before the rename: they belong to the
    old file and would otherwise be "recovered" into the new one.
    """
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    out = folder / out.name
    if not folder.is_dir():
        raise BuildError(f"{out}: the folder {folder} does not exist")
    _check_target(out)
    remove_stale_temporaries(out)
    with stopped_by_signals_cleanly():
        try:
            handle, tmp = temporary_beside(out)
        except OSError as exc:
            raise BuildError(f"{out}: cannot write in {folder}: {exc.strerror}") from None
        try:
            conn = sqlite3.connect(tmp)
        except BaseException:
            os.close(handle)
            tmp.unlink(missing_ok=True)
            raise
        try:
            # The temporary file is thrown away on failure, so durability during the build buys nothing.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            db = sqlite_utils.Database(conn)
            create_tables(db)
            yield db
            finish(db)
            conn.commit()
            conn.execute("VACUUM")
            conn.close()
            os.fsync(handle)
            os.chmod(tmp, 0o644)
            _check_target(out)  # again: the target may have become something else while we built
            remove_stale_journals(out)
            os.replace(tmp, out)
            fsync_folder(folder)
        except BaseException:
            conn.close()
            tmp.unlink(missing_ok=True)
            raise
        finally:
            os.close(handle)


def write_articles(db: sqlite_utils.Database, articles: Iterable[Article]) -> None:
    """Insert the articles' rows; an entity id used by several articles is one row, first statement wins."""
    ids: dict[str, dict[str, int]] = {s: {} for s in ("cities", "officials", "organizations")}
    names: list[dict[str, Any]] = []
    for source_id, article in enumerate(articles, start=1):
        meta = article.meta
        contributors = meta.get("contributors")
        db["sources"].insert(
            {
                "id": source_id,
                "slug": article.slug,
                "title": meta.get("title"),
                "outlet": meta.get("outlet"),
                "published": meta.get("published"),
                "url": meta.get("url"),
                "contributors": ", ".join(contributors) if contributors else None,
                "text": article.text,
            }
        )

        def excerpt(entry: dict[str, Any]) -> dict[str, Any]:
            return {"source_id": source_id, "start": entry["start"], "end": entry["end"]}  # noqa: B023

        def dated(entry: dict[str, Any]) -> dict[str, Any]:
            keys = ("date", "date_precision", "date_start", "date_end")
            return {k: entry.get(k) for k in keys}

        for city in article.cities:
            if city["id"] in ids["cities"]:
                continue
            row_id = ids["cities"][city["id"]] = len(ids["cities"]) + 1
            db["cities"].insert(
                {
                    "id": row_id,
                    "slug": city["id"],
                    "name": city["name"],
                    "state": city.get("state"),
                    **excerpt(city),
                    "state_start": city.get("state_start"),
                    "state_end": city.get("state_end"),
                    "sort_key": fold(city["name"]),
                }
            )
            names += name_rows("city", row_id, city["name"], city.get("aliases", []))

        for official in article.officials:
            if official["id"] in ids["officials"]:
                continue
            row_id = ids["officials"][official["id"]] = len(ids["officials"]) + 1
            db["officials"].insert(
                {
                    "id": row_id,
                    "slug": official["id"],
                    "name": official["name"],
                    "title": official.get("title"),
                    "party": official.get("party"),
                    "jurisdiction": official.get("jurisdiction"),
                    "city_id": ids["cities"].get(official.get("city", "")),
                    "state": official.get("state"),
                    "handle": official.get("handle"),
                    **excerpt(official),
                    "sort_key": fold(official["name"]),
                }
            )
            aliases = list(official.get("aliases", [])) + ([official["handle"]] if official.get("handle") else [])
            names += name_rows("official", row_id, official["name"], aliases)

        for org in article.organizations:
            if org["id"] in ids["organizations"]:
                continue
            row_id = ids["organizations"][org["id"]] = len(ids["organizations"]) + 1
            db["organizations"].insert(
                {
                    "id": row_id,
                    "slug": org["id"],
                    "name": org["name"],
                    "abbreviation": org.get("abbreviation"),
                    "kind": org["kind"],
                    "city_id": ids["cities"].get(org.get("city", "")),
                    **excerpt(org),
                }
            )
            aliases = list(org.get("aliases", [])) + ([org["abbreviation"]] if org.get("abbreviation") else [])
            names += name_rows("organization", row_id, org["name"], aliases)

        def who(ref: str | None) -> dict[str, Any]:
            """A speaker/holder id resolves to an official or an organisation, and its display name."""
            if ref is None:
                return {"official_id": None, "organization_id": None, "name": None}
            official_id = ids["officials"].get(ref)
            org_id = None if official_id else ids["organizations"].get(ref)
            table = "officials" if official_id else "organizations"
            name = db[table].get(official_id or org_id)["name"]
            return {"official_id": official_id, "organization_id": org_id, "name": name}

        for stance in article.stances:
            holder = who(stance["holder"])
            db["stances"].insert(
                {
                    "slug": stance["id"],
                    "organization_id": holder["organization_id"],
                    "official_id": holder["official_id"],
                    "city_id": ids["cities"].get(stance.get("city", "")),
                    "holder": holder["name"],
                    "kind": stance["kind"],
                    "toward": stance["toward"],
                    "position": stance["position"],
                    "summary": stance.get("summary"),
                    "evidence": stance["evidence"],
                    **dated(stance),
                    **excerpt(stance),
                }
            )

        for quote in article.quotes:
            speaker = who(quote.get("speaker"))
            city_id = ids["cities"].get(quote.get("city", ""))
            db["quotes"].insert(
                {
                    "slug": quote["id"],
                    "official_id": speaker["official_id"],
                    "organization_id": speaker["organization_id"],
                    # A speaker the article describes but never names is stored as its own description.
                    "speaker": speaker["name"] or quote.get("speaker_description"),
                    "city_id": city_id,
                    "text": quote["text"],
                    "medium": quote.get("medium"),
                    **dated(quote),
                    **excerpt(quote),
                }
            )

        for claim in article.claims:
            claimant = who(claim.get("claimant"))
            db["claims"].insert(
                {
                    "slug": claim["id"],
                    "figure": claim["figure"],
                    "claimant": claimant["name"],
                    "official_id": claimant["official_id"],
                    "organization_id": claimant["organization_id"],
                    "subject": claim["subject"],
                    "evidence": claim["evidence"],
                    **excerpt(claim),
                }
            )
    db["names"].insert_all(names)


def name_rows(kind: str, entity_id: int, name: str, aliases: list[str]) -> list[dict[str, Any]]:
    return [
        {"kind": kind, "entity_id": entity_id, "name": name, "key": key, "weight": weight}
        for key, weight in search_keys(name, aliases, kind)
    ]
