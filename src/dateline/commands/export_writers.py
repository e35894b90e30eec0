"""Writers behind `dateline export`, one per kind of record."""
from __future__ import annotations

from ..store.output import (write_csv, write_events, write_jsonl, write_parquet,
                            write_quotes)
from ..store.rows import QUOTE_FIELDS, flat_quote

ACTOR_FIELDS = ("id", "name", "country", "sector", "kind", "articles", "mentions", "events",
                "quotes")
ARTICLE_FIELDS = ("id", "input", "url", "title", "published", "language", "site", "author",
                  "story_id", "events", "quotes", "text")


def events(records, fmt: str, out) -> int:
    from ..store.output import write_events_parquet

    if fmt == "gdelt":
        from ..store.gdelt import write_gdelt

        return write_gdelt(records, out)
    if fmt == "parquet":
        return write_events_parquet(records, out)
    return write_events(records, fmt, out)


def quotes(records, fmt: str, out) -> int:
    if fmt == "parquet":
        return write_parquet((flat_quote(r) for r in records), QUOTE_FIELDS, out)
    return write_quotes(records, fmt, out)


def actors(rows, fmt: str, out) -> int:
    if fmt == "parquet":
        return write_parquet(rows, ACTOR_FIELDS, out, types={"articles": "int", "mentions": "int",
                                                             "events": "int", "quotes": "int"})
    if fmt == "jsonl":
        return write_jsonl(rows, out)
    return write_csv(rows, ACTOR_FIELDS, out, "," if fmt == "csv" else "\t")


def articles(store, fmt: str, out) -> int:
    if fmt == "jsonl":
        return write_jsonl(store.iter_articles(), out)
    rows = ({"id": d["id"], "input": d.get("input"), "url": d.get("url"), "title": d.get("title"),
             "published": d.get("published"), "language": d.get("language"),
             "site": d.get("site"), "author": d.get("author"), "story_id": d.get("story_id"),
             "events": len(d.get("events") or []), "quotes": len(d.get("quotes") or []),
             "text": d.get("text")} for d in store.iter_articles(with_meta=True))
    if fmt == "parquet":
        return write_parquet(rows, ARTICLE_FIELDS, out, types={"events": "int", "quotes": "int"})
    return write_csv(rows, ARTICLE_FIELDS, out, "," if fmt == "csv" else "\t")
