"""Shared fixtures: the real spaCy pipeline (loaded once) and the shared data folder."""
from __future__ import annotations

import pytest

from dateline.paths import shared_dir


@pytest.fixture(scope="session")
def nlp():
    from dateline import nlp as nlp_mod

    return nlp_mod.load()


@pytest.fixture(scope="session")
def shared():
    path = shared_dir()
    if not (path / "data").is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path

# PostgreSQL server and the sqlite/postgresql `store_url` fixture for the store tests (defined
# once here so the session server starts once, not once per importing module).
from conftest_pg import pg_server, store_url  # noqa: E402,F401
