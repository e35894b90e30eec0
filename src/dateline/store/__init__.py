"""Article store (SQLite by default, PostgreSQL by URL) that `ingest`, `stories` and the web app share.

    from dateline.store import open_store
    with open_store("news.sqlite") as store:      # or "postgresql://user@host/db"
        store.add(article)                         # Article or contract dict; one transaction
        store.events(type="ASSAULT", country="UKR", since="2024-01-01")
"""
from .db import Store, StoreError, open_store
from .query import EventFilter, QueryError

__all__ = ["EventFilter", "QueryError", "Store", "StoreError", "open_store"]
