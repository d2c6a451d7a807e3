"""The articles' rows: sources, entities matched across sources (tui.ingest.entities), their mentions, the facts.

Everything is gathered before any entity row is written, because a later article can give an entity its fuller
name or an attribute the first one did not state, and quotes and stances carry their speaker's final name.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlite_utils

from tui.ingest.annotations import Article
from tui.ingest.entities import Entity, Registry, Uncertain
from tui.search import fold, search_keys


def write_articles(db: sqlite_utils.Database, articles: Iterable[Article]) -> list[Uncertain]:
    """Insert the articles' rows, one row per entity however many articles name it (see tui.ingest.entities).

    Every article's mention of every entity goes into `mentions`; a name shared with an entity the rules would not
    merge into goes into `uncertain_matches` and is returned, so the build can say so.
    """
    registry = Registry()
    facts: dict[str, list[dict[str, Any]]] = {"stances": [], "quotes": [], "claims": []}
    mentions: list[dict[str, Any]] = []
    fact_slugs: dict[str, set[str]] = {table: set() for table in facts}
    for source_id, article in enumerate(articles, start=1):
        meta = article.meta
        contributors = meta.get("contributors")
        db.table("sources").insert(
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
        local = _match_entities(registry, source_id, article, mentions)
        for table, entries in (("stances", article.stances), ("quotes", article.quotes), ("claims", article.claims)):
            for entry in entries:
                # Fact slugs are unique too; an id an earlier article used gets its article's prefix.
                slug = entry["id"] if entry["id"] not in fact_slugs[table] else f"{article.slug}/{entry['id']}"
                fact_slugs[table].add(slug)
                facts[table].append(_fact_row(table, entry, slug, source_id, local))
    _insert_entities(db, registry)
    for table, rows in facts.items():
        for row in rows:
            _name_holder(row, registry)
        db.table(table).insert_all(rows)
    db.table("mentions").insert_all(mentions)
    db.table("uncertain_matches").insert_all(
        {
            "kind": u.kind,
            "entity_id": u.entity.row_id,
            "other_id": u.other.row_id,
            "reason": u.reason,
            "mention": _mention_text(db, u.entity.excerpt),
            "source_id": u.entity.excerpt[0],
            "start": u.entity.excerpt[1],
            "end": u.entity.excerpt[2],
        }
        for u in registry.uncertain
    )
    return registry.uncertain


# Which annotation section fills which entity kind, in the order they are matched: an official's or an
# organisation's city must be matched before them, and a policy's signatory before the policy.
_SECTIONS = (("cities", "city"), ("officials", "official"), ("organizations", "organization"), ("policies", "policy"))


def _match_entities(
    registry: Registry, source_id: int, article: Article, mentions: list[dict[str, Any]]
) -> dict[str, dict[str, Entity]]:
    """Match every entity entry of one article; return, per kind, its file-local ids mapped to their entities."""
    local: dict[str, dict[str, Entity]] = {kind: {} for _, kind in _SECTIONS}

    def row_of(kind: str, ref: str | None) -> int | None:
        return local[kind][ref].row_id if ref is not None and ref in local[kind] else None

    for section, kind in _SECTIONS:
        for entry in getattr(article, section):
            aliases = [*entry.get("aliases", []), *(entry[k] for k in ("abbreviation", "handle") if entry.get(k))]
            attrs = _attributes(kind, entry, row_of)
            entity = registry.add(
                kind,
                source_id,
                article.slug,
                entry["id"],
                entry["name"],
                aliases,
                attrs,
                (entry["start"], entry["end"]),
            )
            if entry.get("state_start") is not None and entity.state_excerpt[0] is None:
                entity.state_excerpt = (source_id, entry["state_start"], entry["state_end"])
            local[kind][entry["id"]] = entity
            mentions.append(
                {
                    "kind": kind,
                    "entity_id": entity.row_id,
                    "name": entry["name"],
                    "slug": entry["id"],
                    "mention": entry["mention"],
                    "source_id": source_id,
                    "start": entry["start"],
                    "end": entry["end"],
                }
            )
    return local


def _attributes(kind: str, entry: dict[str, Any], row_of: Any) -> dict[str, Any]:
    if kind == "city":
        return {"state": entry.get("state")}
    if kind == "official":
        keys = ("title", "party", "jurisdiction", "state", "handle")
        return {**{k: entry.get(k) for k in keys}, "city_id": row_of("city", entry.get("city"))}
    if kind == "organization":
        return {
            "kind": entry["kind"],
            "abbreviation": entry.get("abbreviation"),
            "city_id": row_of("city", entry.get("city")),
        }
    return {
        "kind": entry["kind"],
        "state": entry.get("state"),
        "city_id": row_of("city", entry.get("city")),
        "signed_by_id": row_of("official", entry.get("signed_by")),
    }


def _fact_row(
    table: str, entry: dict[str, Any], slug: str, source_id: int, local: dict[str, dict[str, Entity]]
) -> dict[str, Any]:
    """A stance, quote or claim row; its holder/speaker/claimant is an entity, named once all sources are read.

    Speakers and claimants are officials or organisations, holders also policies (the annotation loader checked
    that every reference is an id of this file, and ids are unique within a file).
    """
    ref = entry.get({"stances": "holder", "quotes": "speaker", "claims": "claimant"}[table])
    entity = next((local[kind][ref] for kind in ("official", "organization", "policy") if ref in local[kind]), None)
    city = local["city"].get(entry.get("city") or "")
    row: dict[str, Any] = {
        "slug": slug,
        "official_id": entity.row_id if entity and entity.kind == "official" else None,
        "organization_id": entity.row_id if entity and entity.kind == "organization" else None,
    }
    dated = {k: entry.get(k) for k in ("date", "date_precision", "date_start", "date_end")}
    excerpt = {"source_id": source_id, "start": entry["start"], "end": entry["end"]}
    if table == "stances":
        row |= {
            "policy_id": entity.row_id if entity and entity.kind == "policy" else None,
            "city_id": city.row_id if city else None,
            "holder": entity,
            "kind": entry["kind"],
            "toward": entry["toward"],
            "position": entry["position"],
            "summary": entry.get("summary"),
            "evidence": entry["evidence"],
            **dated,
            **excerpt,
        }
    elif table == "quotes":
        row |= {
            # A speaker the article describes but never names is stored as that description.
            "speaker": entity if entity is not None else entry.get("speaker_description"),
            "city_id": city.row_id if city else None,
            "text": entry["text"],
            "medium": entry.get("medium"),
        }
        row |= {**dated, **excerpt}
    else:
        row |= {
            "figure": entry["figure"],
            "claimant": entity,
            "subject": entry["subject"],
            "evidence": entry["evidence"],
        }
        row |= excerpt
    return row


def _name_holder(row: dict[str, Any], registry: Registry) -> None:
    """Put the entity's final name (the fullest any source gave) where the row held the entity itself."""
    for column in ("holder", "speaker", "claimant"):
        if column in row:
            entity = row[column]
            row[column] = entity.name if isinstance(entity, Entity) else entity


def _insert_entities(db: sqlite_utils.Database, registry: Registry) -> None:
    """The entity rows, each with the mention whose name it shows, and every name a source gave it for search."""
    names: list[dict[str, Any]] = []
    for entity in registry.entities["city"]:
        state_source, state_start, state_end = entity.state_excerpt
        db.table("cities").insert(
            {
                **_entity_columns(entity),
                "state": entity.attrs.get("state"),
                **_excerpt_columns(entity),
                "state_source_id": state_source,
                "state_start": state_start,
                "state_end": state_end,
                "sort_key": fold(entity.name),
            }
        )
        names += name_rows("city", entity.row_id, entity.name, _aliases(entity))
    for entity in registry.entities["official"]:
        attrs = entity.attrs
        columns = ("title", "party", "jurisdiction", "city_id", "state", "handle")
        db.table("officials").insert(
            {
                **_entity_columns(entity),
                **{k: attrs.get(k) for k in columns},
                **_excerpt_columns(entity),
                "sort_key": fold(entity.name),
            }
        )
        names += name_rows("official", entity.row_id, entity.name, _aliases(entity))
    for entity in registry.entities["organization"]:
        org_columns = ("abbreviation", "kind", "city_id")
        db.table("organizations").insert(
            {**_entity_columns(entity), **{k: entity.attrs.get(k) for k in org_columns}, **_excerpt_columns(entity)}
        )
        names += name_rows("organization", entity.row_id, entity.name, _aliases(entity))
    for entity in registry.entities["policy"]:
        policy_columns = ("kind", "city_id", "state", "signed_by_id")
        db.table("policies").insert(
            {**_entity_columns(entity), **{k: entity.attrs.get(k) for k in policy_columns}, **_excerpt_columns(entity)}
        )
    db.table("names").insert_all(names)


def _entity_columns(entity: Entity) -> dict[str, Any]:
    return {"id": entity.row_id, "slug": entity.slug, "name": entity.name}


def _excerpt_columns(entity: Entity) -> dict[str, Any]:
    source_id, start, end = entity.excerpt
    return {"source_id": source_id, "start": start, "end": end}


def _aliases(entity: Entity) -> list[str]:
    """Every other name a source stated for the entity (aliases, abbreviations, handles, other sources' names)."""
    return [n for n in entity.names if n != entity.name]


def _mention_text(db: sqlite_utils.Database, excerpt: tuple[int, int, int]) -> str:
    source_id, start, end = excerpt
    return db.table("sources").get(source_id)["text"][start:end]


def name_rows(kind: str, entity_id: int, name: str, aliases: list[str]) -> list[dict[str, Any]]:
    return [
        {"kind": kind, "entity_id": entity_id, "name": name, "key": key, "weight": weight}
        for key, weight in search_keys(name, aliases, kind)
    ]
