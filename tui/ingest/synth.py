"""`events-tui synth`: a large, realistic, deterministic events database for benchmarks and scale tests.

Articles are written first and every row is cut from them, as in a real build: each quote, stance, claim and
entity mention carries the source and the character offsets where its text stands, so `text[start:end]` is the
excerpt for every row. Word frequencies follow a Zipf curve over a vocabulary whose head is immigration news
("immigration", "police", "families") and whose tail is rare made-up words; names carry accents and share
surnames; town names recur across states. The same arguments and seed give the same database, byte for byte.

Rows go in with `executemany` in large batches; indexes and full-text indexes are built once at the end by the
shared schema (`tui.ingest.schema.finish`, via the builder's atomic writer).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path

import sqlite_utils

from tui.ingest import synth_vocab as vocab
from tui.ingest.annotations import BuildError
from tui.ingest.builder import atomic_database, name_rows
from tui.ingest.synth_articles import ArticleWriter
from tui.ingest.synth_cast import Cast, Span
from tui.search import fold

FIRST_DAY, DAYS = date(2015, 1, 1), 11 * 365
BATCH = 50_000


def check_arguments(args: argparse.Namespace) -> None:
    """Refuse unusable arguments before any work, each with one line naming the argument."""
    for name in ("cities", "officials", "quotes", "sources"):
        if getattr(args, name) < 0:
            raise BuildError(f"synth: --{name} must be 0 or more, not {getattr(args, name)}")
    if args.sources < 1:
        raise BuildError("synth: --sources must be at least 1 (quotes and stances are cut from the articles)")
    out = Path(args.out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise BuildError(f"{out}: the folder {folder} does not exist")
    if out.is_dir():
        raise BuildError(f"{out}: is a directory; pass a file path to --out")


def synthesize(args: argparse.Namespace) -> dict[str, int]:
    """Write the synthetic database to `args.out` atomically; progress on stderr; return row counts."""
    check_arguments(args)
    began = time.perf_counter()
    synth = Synthesizer(args.cities, args.officials, args.quotes, args.sources, args.seed)
    with atomic_database(Path(args.out)) as db:
        synth.write(db)
        _progress(f"indexes, full-text indexes and VACUUM ({time.perf_counter() - began:.0f}s so far)")
    counts = synth.counts
    summary = ", ".join(f"{n:,} {table}" for table, n in counts.items())
    _progress(f"wrote {args.out}: {summary} in {time.perf_counter() - began:.0f}s")
    return counts


def _progress(message: str) -> None:
    print(f"synth: {message}", file=sys.stderr, flush=True)


class Synthesizer:
    """Invents the cast, plans which article mentions whom, then writes the articles and their rows."""

    def __init__(self, cities: int, officials: int, quotes: int, sources: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.n_quotes, self.n_sources = quotes, sources
        self.cast = Cast(self.rng, cities, officials)
        self.writer = ArticleWriter(self.rng, self.cast)
        self.counts: dict[str, int] = {}

    # --- planning: which paragraph goes in which article ---------------------------------------

    def _plan(self) -> list[list[tuple]]:
        """Every paragraph job, assigned to an article: police stances, quote passages, mentions of the silent."""
        rng, n_articles = self.rng, self.n_sources
        jobs: list[list[tuple]] = [[] for _ in range(n_articles)]
        for i in range(len(self.cast.cities)):
            jobs[rng.randrange(n_articles)].append(("police", i))
            if i < len(self.cast.officials) and rng.random() < 0.2:
                jobs[rng.randrange(n_articles)].append(("policy", i))
        # Who speaks: a shifted Zipf over a shuffled order, national figures and mayors boosted.
        order = list(range(len(self.cast.officials)))
        rng.shuffle(order)
        weights = [0.0] * len(order)
        for rank, who in enumerate(order):
            boost = {"national": 8.0, "state": 1.5}.get(self.cast.officials[who].jurisdiction, 1.0)
            boost *= 3.0 if self.cast.officials[who].title in ("Mayor", "Governor") else 1.0
            weights[who] = boost / (rank + 5.0)
        official_cum = list(accumulate(weights))
        police_cum = self.cast.city_cum
        agencies = len(vocab.FEDERAL_AGENCIES)
        spoke = bytearray(len(self.cast.officials))
        planned = 0
        while planned < self.n_quotes:
            k = rng.choices((1, 2, 3, 4), (35, 35, 20, 10))[0]
            rows = min(k + (k > 1), self.n_quotes - planned)
            roll = rng.random()
            if (roll < 0.93 or not self.cast.orgs) and self.cast.officials:
                who = rng.choices(range(len(self.cast.officials)), cum_weights=official_cum)[0]
                spoke[who] = 1
                job = ("quote", "official", who, k, rows)
            elif roll < 0.97 or not self.cast.cities:
                who = rng.choices(range(3), (6, 3, 1))[0]  # ICE, CBP, DHS speak most
                job = ("quote", "org", who, k, rows)
            else:
                who = agencies + rng.choices(range(len(self.cast.cities)), cum_weights=police_cum)[0]
                job = ("quote", "org", who, k, rows)
            jobs[rng.randrange(n_articles)].append(job)
            planned += rows
        for who, said in enumerate(spoke):
            if not said:
                jobs[rng.randrange(n_articles)].append(("silent", who))
        for article_jobs in jobs:
            rng.shuffle(article_jobs)
        return jobs

    # --- writing -------------------------------------------------------------------------------

    def write(self, db: sqlite_utils.Database) -> None:
        rng = self.rng
        jobs = self._plan()
        published = sorted(FIRST_DAY + timedelta(days=rng.randrange(DAYS)) for _ in range(self.n_sources))
        buffers = self.writer.rows
        totals = {"sources": 0, "quotes": 0, "stances": 0, "claims": 0}
        last_report = time.perf_counter()
        for index, article_jobs in enumerate(jobs):
            source_id = index + 1
            row = self.writer.article(source_id, published[index], article_jobs, first=index == 0)
            db.conn.execute(f"INSERT INTO sources VALUES ({', '.join('?' * len(row))})", row)
            totals["sources"] += 1
            for table, rows in buffers.items():
                if len(rows) >= BATCH or index == len(jobs) - 1:
                    self._insert(db, table, rows)
                    totals[table] += len(rows)
                    rows.clear()
            if time.perf_counter() - last_report > 2 or index == len(jobs) - 1:
                done = totals["quotes"] + len(buffers["quotes"])
                _progress(f"article {source_id:,}/{self.n_sources:,}, {done:,}/{self.n_quotes:,} quotes")
                last_report = time.perf_counter()
        self._write_entities(db)
        self.counts = {
            "sources": totals["sources"],
            "cities": len(self.cast.cities),
            "officials": len(self.cast.officials),
            "organizations": len(self.cast.orgs),
            "stances": totals["stances"],
            "quotes": totals["quotes"],
            "claims": totals["claims"],
        }

    @staticmethod
    def _insert(db: sqlite_utils.Database, table: str, rows: list[tuple]) -> None:
        if rows:
            # Rows fill the table's first columns; later schema versions add columns at the end, left NULL here.
            columns = [row[1] for row in db.conn.execute(f"PRAGMA table_info([{table}])")][: len(rows[0])]
            marks = ", ".join("?" * len(rows[0]))
            names = ", ".join(f"[{c}]" for c in columns)
            db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # names are constants

    def _write_entities(self, db: sqlite_utils.Database) -> None:
        names: list[tuple] = []
        slugs: dict[str, int] = {}

        def slug_for(text: str) -> str:
            base = fold(text).replace(" ", "-") or "x"
            slugs[base] = slugs.get(base, 0) + 1
            return base if slugs[base] == 1 else f"{base}-{slugs[base]}"

        def add_names(kind: str, entity_id: int, name: str, aliases: list[str]) -> None:
            for row in name_rows(kind, entity_id, name, aliases):
                names.append((None, row["kind"], row["entity_id"], row["name"], row["key"], row["weight"]))

        rows: list[tuple] = []
        for i, city in enumerate(self.cast.cities):
            mention, state_mention = city.mention, city.state_mention
            same_source = state_mention is not None and mention is not None and state_mention[0] == mention[0]
            state = state_mention[1:] if state_mention is not None and same_source else (None, None)
            slug = slug_for(f"{city.name} {city.abbr}")
            rows.append((i + 1, slug, city.name, city.state, *_span(city.mention), *state, fold(city.name)))
            add_names("city", i + 1, city.name, [])
        self._insert(db, "cities", rows)
        db.conn.execute("UPDATE cities SET state_source_id = source_id WHERE state_start IS NOT NULL")
        rows = []
        for i, p in enumerate(self.cast.officials):
            city_id = None if p.city is None else p.city + 1
            rows.append(
                (i + 1, slug_for(p.name), p.name, p.title, p.party, p.jurisdiction, city_id, p.state, p.handle,
                 *_span(p.mention), fold(p.name))
            )  # fmt: skip
            add_names("official", i + 1, p.name, p.aliases + ([p.handle] if p.handle else []))
            if len(rows) >= BATCH:
                self._insert(db, "officials", rows)
                rows = []
        self._insert(db, "officials", rows)
        rows = []
        for i, org in enumerate(self.cast.orgs):
            city_id = None if org.city is None else org.city + 1
            rows.append((i + 1, slug_for(org.name), org.name, org.abbreviation, org.kind, city_id, *_span(org.mention)))
            add_names("organization", i + 1, org.name, [org.abbreviation] if org.abbreviation else [])
        self._insert(db, "organizations", rows)
        for start in range(0, len(names), BATCH):
            self._insert(db, "names", names[start : start + BATCH])


def _span(mention: Span | None) -> Span | tuple[None, None, None]:
    return mention if mention is not None else (None, None, None)
