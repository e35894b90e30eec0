"""Kept for code written against the old layout: the store commands now live in
dateline/commands/ (one module each); this re-exports their shared helpers."""
from __future__ import annotations

from ..commands.common import DB_HELP, guarded

_guarded = guarded

__all__ = ["DB_HELP", "guarded"]
