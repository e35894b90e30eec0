"""Places: an offline geoparser (mentions -> GeoNames entries) and event locations.

`geoparse(text)` finds and resolves every place-name mention; `resolve_places(doc)` is the
pipeline component that sets `event.location` from the literal places of each event's sentence.
"""
from __future__ import annotations

from .events import resolve_places
from .parse import geoparse, parse_doc

__all__ = ["geoparse", "parse_doc", "resolve_places"]
