"""Readers: turn paths, URLs and streams into `Record`s (or `InputError`s), lazily."""
from __future__ import annotations

from .record import InputError, Record
from .readers import read_inputs, read_path, read_stream

__all__ = ["InputError", "Record", "read_inputs", "read_path", "read_stream"]
