"""Notebook-friendly access to a store: `dateline.open(db)`.

    import dateline
    with dateline.open("news.sqlite") as db:
        df = db.events(country="GBR", since="2025-01-01")   # pandas DataFrame, one row per event
        db.counts("month,type", actor="Putin")               # DataFrame of key columns + n
        db.quotes(speaker="Starmer"); db.actors(q="Putin"); db.article(article_id)

Filters are those of dateline.store.query.EventFilter. Results are pandas DataFrames when
pandas is installed (`pip install dateline[analysis]`), else lists of dicts with the same
columns. Event rows are the flat rows of the CSV export (rows.EVENT_FIELDS: side columns are
aligned lists); `day`, `published`, `date` and `date_end` are datetime64 (NaT when absent).
"""
from __future__ import annotations

from typing import Optional, Union

from .store import open_store
from .store.rows import EVENT_FIELDS, QUOTE_FIELDS, flat_event, flat_quote

_DATE_COLUMNS = ("day", "published", "date", "date_end")
ACTOR_FIELDS = ("id", "name", "country", "sector", "kind", "articles", "mentions", "events",
                "quotes")


def _frame(rows: list, columns: tuple, dates: tuple = ()):
    try:
        import pandas as pd
    except ImportError:
        return rows
    df = pd.DataFrame(rows, columns=list(columns))
    for c in dates:
        if c in df:
            df[c] = pd.to_datetime(df[c], format="%Y-%m-%d", errors="coerce")
    return df


class Dataset:
    """An open store read as tables. Close it (or use `with`) to release connections."""

    def __init__(self, db: str):
        self.store = open_store(db, create=False)

    def events(self, limit: Optional[int] = None, **filters):
        """One row per event matching `filters` (type, status, actor, country, source_country,
        target_country, sector, min_confidence, since, until, include_undated, site, story, q,
        article), oldest first, undated last."""
        filters, limit = checked_filters(filters), checked_limit(limit)
        rows = [flat_event(r) for r in self.store.iter_events(limit=limit, **filters)]
        return _frame(rows, EVENT_FIELDS, _DATE_COLUMNS)

    def quotes(self, limit: Optional[int] = None, **filters):
        """One row per quote; filters: speaker, country, since, until, site, story, article, q."""
        limit = checked_limit(limit)
        rows = [flat_quote(r) for r in self.store.iter_quotes(limit=limit, **filters)]
        return _frame(rows, QUOTE_FIELDS, ("published",))

    def actors(self, q: Optional[str] = None, country: Optional[str] = None,
               limit: Optional[int] = None):
        """One row per persistent actor with article, mention, event and quote counts."""
        limit = checked_limit(limit)
        return _frame(self.store.actors(q=q, country=country, limit=limit), ACTOR_FIELDS)

    def counts(self, by: Union[str, list] = "month", **filters):
        """Event counts per combination of `by` keys (day|week|month, country, source, target,
        type, quad, status, site) with the event filters: key columns plus `n`."""
        keys = [k.strip() for k in by.split(",")] if isinstance(by, str) else list(by)
        filters = checked_filters(filters)
        return _frame(self.store.count_by(keys, **filters), tuple(keys) + ("n",))

    def article(self, article_id: str) -> Optional[dict]:
        """The stored contract dict of one article (plus site, author, story_id), or None."""
        return self.store.article_record(article_id)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Dataset":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def checked_filters(filters: dict) -> dict:
    """The event filters read as the CLI reads its options (commands/common.py): country names
    and alpha-2 codes become alpha-3, types and statuses are checked, dates are YYYY-MM-DD.
    Raises ValueError naming the filter and the value for anything the CLI would refuse."""
    import argparse

    from .commands import common as C

    def one(name, value):
        check = {"country": C.country, "source_country": C.country,
                 "target_country": C.country, "type": C.plover_type, "status": C.status,
                 "since": C.iso_date, "until": C.iso_date, "sector": C.sector,
                 "min_confidence": C.confidence}.get(name)
        if check is None or value is None:
            return value
        try:
            if isinstance(value, (list, tuple)):
                return [check(str(v)) for v in value]
            return check(str(value))
        except argparse.ArgumentTypeError as exc:
            raise ValueError(f"{name}={value!r}: {exc}") from None

    out = {name: one(name, value) for name, value in filters.items()}
    if out.get("since") and out.get("until") and out["since"] > out["until"]:
        raise ValueError(f"since={out['since']!r} is after until={out['until']!r}")
    return out


def checked_limit(limit) -> Optional[int]:
    """None (no limit) or a whole number of at least 1, as the CLI's --limit; ValueError else."""
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int) or limit < 1:
        raise ValueError(f"limit={limit!r} is not a whole number of at least 1")
    return limit
