"""The store's tables (SQLAlchemy Core), portable between SQLite and PostgreSQL.

Each article row keeps its full contract dict in `json`, so export and later stages never lose
a field; the other tables are flat copies of the parts people filter on. Child rows cascade
from their article, so replacing an article is one DELETE plus inserts in one transaction.
Dates are ISO `YYYY-MM-DD` text (sorts and compares the same on both databases).

Version 3 adds the first_* flags and ordered indexes to event_actors. Version 2 added, for the query layer (store/query.py): `event_actors` (one row per actor filling
an event's source or target side, so country/actor/sector filters use an index instead of text
matching), `actor_aliases` (folded names and mention texts -> persistent actor key), each
event's effective `day` with its `date_source` and a `sort_day` that puts undated events last,
and full-text search (SQLite FTS5 table `article_fts`; on PostgreSQL a GIN index on a
tsvector expression). Older stores are migrated on open (db.migrate).
"""
from __future__ import annotations

import sqlalchemy as sa

SCHEMA_VERSION = "3"
UNDATED = "9999-12-31"  # sort_day of events with no date: sorts after every real date

metadata = sa.MetaData()


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


meta = sa.Table(
    "dateline_meta", metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("input", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.String(10)),
    sa.Column("language", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("site", sa.Text),
    sa.Column("author", sa.Text),
    sa.Column("json", sa.Text, nullable=False),
    sa.Column("ingested_at", sa.String(32), nullable=False),
    sa.Index("ix_articles_published", "published"),
    sa.Index("ix_articles_site", "site"),
)

actors = sa.Table(
    "actors", metadata,
    sa.Column("article_id", sa.String(64), _article_fk(), primary_key=True),
    sa.Column("actor_id", sa.String(32), primary_key=True),
    sa.Column("name", sa.Text),
    sa.Column("country", sa.String(16)),
    sa.Column("sector", sa.String(16)),
    sa.Column("kind", sa.String(32)),
    sa.Column("actor_key", sa.String(32)),     # persistent across articles (rows.actor_key)
    sa.Column("mentions", sa.Integer),
    sa.Index("ix_actors_key", "actor_key"),
)

events = sa.Table(
    "events", metadata,
    sa.Column("article_id", sa.String(64), _article_fk(), primary_key=True),
    sa.Column("event_id", sa.String(32), primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False),  # position in the article, for ordering
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("mode", sa.String(64)),
    sa.Column("quad", sa.String(32)),
    sa.Column("cameo", sa.String(8)),
    sa.Column("status", sa.String(16)),
    sa.Column("date", sa.String(10)),
    sa.Column("date_end", sa.String(10)),
    sa.Column("location", sa.Text),
    sa.Column("location_country", sa.String(16)),
    sa.Column("lat", sa.Float),
    sa.Column("lon", sa.Float),
    sa.Column("source", sa.Text),             # names, "; "-joined
    sa.Column("source_countries", sa.Text),   # codes, ","-joined, e.g. "RUS,PRK"
    sa.Column("target", sa.Text),
    sa.Column("target_countries", sa.Text),
    sa.Column("evidence", sa.Text),
    sa.Column("attributed_to", sa.String(32)),
    sa.Column("confidence", sa.Float),
    sa.Column("day", sa.String(10)),          # event date, else article published, else null
    sa.Column("date_source", sa.String(10)),  # text | published | none
    sa.Column("sort_day", sa.String(10), nullable=False, server_default=UNDATED),
    sa.Column("json", sa.Text, nullable=False),
    sa.Index("ix_events_order", "sort_day", "article_id", "seq"),
    sa.Index("ix_events_type", "type", "sort_day", "article_id", "seq"),
    sa.Index("ix_events_status", "status", "sort_day", "article_id", "seq"),
    sa.Index("ix_events_confidence", "confidence"),
)

event_actors = sa.Table(
    "event_actors", metadata,
    sa.Column("article_id", sa.String(64), _article_fk(), primary_key=True),
    sa.Column("event_id", sa.String(32), primary_key=True),
    sa.Column("role", sa.String(8), primary_key=True),   # source | target
    sa.Column("pos", sa.Integer, primary_key=True),      # position within the side
    sa.Column("actor_key", sa.String(32)),
    sa.Column("name", sa.Text),
    sa.Column("text", sa.Text),
    sa.Column("country", sa.String(16)),
    sa.Column("sector", sa.String(16)),
    sa.Column("sort_day", sa.String(10), nullable=False, server_default=UNDATED),
    sa.Column("seq", sa.Integer, nullable=False, server_default="0"),  # the event's seq
    # 1 on the first row of its event with this country (either side) / this country on this
    # side / this actor / this sector: filtering on a flag gives each event once, so a page can
    # be read in (sort_day, article_id, seq) order straight from an index, and counts need no
    # DISTINCT.
    sa.Column("first_any", sa.SmallInteger, nullable=False, server_default="0"),
    sa.Column("first_role", sa.SmallInteger, nullable=False, server_default="0"),
    sa.Column("first_actor", sa.SmallInteger, nullable=False, server_default="0"),
    sa.Column("first_sector", sa.SmallInteger, nullable=False, server_default="0"),
    sa.Index("ix_event_actors_any", "country", "first_any", "sort_day", "article_id", "seq"),
    sa.Index("ix_event_actors_role", "country", "role", "first_role", "sort_day", "article_id",
             "seq"),
    sa.Index("ix_event_actors_key", "actor_key", "first_actor", "sort_day", "article_id", "seq"),
    sa.Index("ix_event_actors_sector", "sector", "first_sector", "sort_day", "article_id", "seq"),
    sa.Index("ix_event_actors_month", "first_any", "country", "sort_day"),
)

actor_aliases = sa.Table(
    "actor_aliases", metadata,
    sa.Column("alias", sa.String(200), primary_key=True),  # rows.fold(name or mention text)
    sa.Column("actor_key", sa.String(32), primary_key=True),
    sa.Column("name", sa.Text),
    sa.Column("country", sa.String(16)),
)

quotes = sa.Table(
    "quotes", metadata,
    sa.Column("article_id", sa.String(64), _article_fk(), primary_key=True),
    sa.Column("quote_id", sa.String(32), primary_key=True),
    sa.Column("seq", sa.Integer, nullable=False),
    sa.Column("speaker", sa.Text),            # resolved name, else the words used
    sa.Column("speaker_country", sa.String(16)),
    sa.Column("cue", sa.Text),
    sa.Column("text", sa.Text),
    sa.Column("kind", sa.String(16)),
    sa.Column("speaker_key", sa.String(32)),  # rows.actor_key of the speaker
    sa.Column("json", sa.Text, nullable=False),
    sa.Index("ix_quotes_speaker", "speaker"),
    sa.Index("ix_quotes_speaker_key", "speaker_key"),
)

stories = sa.Table(
    "stories", metadata,
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("score", sa.Float),
    sa.Column("json", sa.Text, nullable=False),
)

story_articles = sa.Table(
    "story_articles", metadata,
    sa.Column("story_id", sa.String(64), sa.ForeignKey("stories.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("article_id", sa.String(64), _article_fk(), primary_key=True),
    sa.Index("ix_story_articles_article", "article_id"),
)


# Full-text search, created only by the database that supports it.
_FTS_SQLITE = ("CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5("
               "article_id UNINDEXED, title, text, evidence, tokenize='unicode61 remove_diacritics 2')")
FTS_PG_EXPR = ("to_tsvector('english', coalesce(title, '') || ' ' || text)")
_FTS_PG = f"CREATE INDEX IF NOT EXISTS ix_articles_fts ON articles USING gin (({FTS_PG_EXPR}))"
sa.event.listen(articles, "after_create", sa.DDL(_FTS_SQLITE).execute_if(dialect="sqlite"))
sa.event.listen(articles, "after_create", sa.DDL(_FTS_PG).execute_if(dialect="postgresql"))


def create_search(conn) -> None:
    """Create the full-text structures on an existing store (migration)."""
    conn.exec_driver_sql(_FTS_SQLITE if conn.dialect.name == "sqlite" else _FTS_PG)
