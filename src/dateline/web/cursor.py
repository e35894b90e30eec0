"""Opaque pagination cursors: the sort key of the last row seen, as URL-safe base64 JSON.

    encode(["2024-06-18", "abc", 3]) -> "WyIyMDI0LTA2LTE4IiwiYWJjIiwzXQ"
    decode(that, 3) -> ["2024-06-18", "abc", 3];  CursorError on anything malformed.
"""
from __future__ import annotations

import base64
import binascii
import json
from typing import Optional


class CursorError(ValueError):
    """An `after=` value that this server did not hand out."""


def encode(key: list) -> str:
    raw = json.dumps(key, separators=(",", ":"), ensure_ascii=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(cursor: Optional[str], arity: int) -> Optional[list]:
    """The key list, or None for no cursor. Items must be str, int, float or None."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise CursorError("after: not a cursor from this API") from None
    if (not isinstance(key, list) or len(key) != arity
            or not all(k is None or isinstance(k, (str, int, float)) for k in key)
            or any(isinstance(k, bool) for k in key)):
        raise CursorError("after: not a cursor from this API")
    return key
