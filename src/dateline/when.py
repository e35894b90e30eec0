"""Date resolution for events."""
from __future__ import annotations


def resolve_dates(doc) -> None:
    """Set `event.date` (placeholder until the date stage lands: leaves dates null)."""
