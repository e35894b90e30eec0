"""The store's tables (SQLAlchemy Core), portable between SQLite and PostgreSQL.

Each article row keeps its full contract dict in `json`, so export and later stages never lose
a field; the other tables are flat copies of the parts people filter on. Child rows cascade
from their article, so replacing an article is one DELETE plus inserts in one transaction.
Dates are ISO `YYYY-MM-DD` text (sorts and compares the same on both databases).
"""
from __future__ import annotations

import sqlalchemy as sa

SCHEMA_VERSION = "1"

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
)

actors = sa.Table(
    "actors", metadata,
    sa.Column("article_id", sa.String(64), _article_fk(), primary_key=True),
    sa.Column("actor_id", sa.String(32), primary_key=True),
    sa.Column("name", sa.Text),
    sa.Column("country", sa.String(16)),
    sa.Column("sector", sa.String(16)),
    sa.Column("kind", sa.String(32)),
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
    sa.Column("json", sa.Text, nullable=False),
    sa.Index("ix_events_type", "type"),
    sa.Index("ix_events_date", "date"),
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
    sa.Column("json", sa.Text, nullable=False),
    sa.Index("ix_quotes_speaker", "speaker"),
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
)
