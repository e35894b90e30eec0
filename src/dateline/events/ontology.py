"""PLOVER's type/mode/context vocabulary and its quad and CAMEO views (data/events/plover.json).

Kept as data so a later PLOVER revision is a data change; SANCTION is material conflict here
(the manual's quad table is wrong there).
"""
from __future__ import annotations

import functools
import json
from typing import Optional

from ..model import PLOVER_TYPES
from ..paths import data_file


@functools.lru_cache(maxsize=1)
def _table() -> dict:
    with open(data_file("events", "plover.json"), encoding="utf-8") as fh:
        return json.load(fh)


def quad(type_: str) -> Optional[str]:
    """The quad class name of a PLOVER type, or None for an unknown type."""
    entry = _table()["types"].get(type_)
    return entry["quad"] if entry else None


def valid_mode(type_: str, mode: Optional[str]) -> Optional[str]:
    """`mode` if PLOVER defines it for `type_`, else None (a stray mode is dropped, not kept)."""
    if mode and mode in _table()["modes"].get(type_, {}):
        return mode
    return None


def cameo(type_: str, mode: Optional[str] = None) -> Optional[str]:
    """The nearest CAMEO code: the mode's code when there is one, else the type's root."""
    code = _table()["modes"].get(type_, {}).get(mode or "")
    if code:
        return code
    entry = _table()["types"].get(type_)
    return entry["cameo"] if entry else None


def contexts(type_: str) -> list[str]:
    entry = _table()["types"].get(type_)
    return [entry["context"]] if entry and entry.get("context") else []


def is_type(name: str) -> bool:
    return name in PLOVER_TYPES
