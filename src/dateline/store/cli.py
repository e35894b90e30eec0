"""Kept for code written against the old layout: the store commands now live in
dateline/commands/ (one module each); this re-exports their shared helpers."""
from __future__ import annotations

from datetime import date
from typing import Optional

from ..commands.common import DB_HELP, guarded
from .db import StoreError

_guarded = guarded


def _date(value: Optional[str], flag: str) -> Optional[str]:
    """A strict YYYY-MM-DD bound (options parsed by commands/ are already checked)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise StoreError(f"{flag} {value!r} is not a date (use YYYY-MM-DD)") from None


__all__ = ["DB_HELP", "guarded", "_date", "_guarded"]
