"""Place resolution for events."""
from __future__ import annotations


def resolve_places(doc) -> None:
    """Set `event.location` (placeholder until the place stage lands: leaves places null)."""
