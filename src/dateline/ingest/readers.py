"""Dispatch each input to the reader that fits it, by content sniffing.

Readers are generators yielding `Record` or `InputError`, so one bad record never stops the
others and a large input streams in constant memory.
"""
from __future__ import annotations

import os
import sys
from typing import Iterable, Iterator, Union

from .record import InputError, Record

Item = Union[Record, InputError]

MAX_FILE_BYTES = 200 * 1024 * 1024


def _looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or "<body" in head or "<p>" in head


def read_text_blob(name: str, data: bytes) -> Iterator[Item]:
    """Plain text or HTML given as bytes (a file or stdin)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if not text.strip():
        yield InputError(name, "empty input")
        return
    yield Record(input=name, content=text, is_html=_looks_html(text))


def read_path(path: str) -> Iterator[Item]:
    if path == "-":
        yield from read_text_blob("-", sys.stdin.buffer.read())
        return
    if not os.path.exists(path):
        yield InputError(path, "no such file or directory")
        return
    if os.path.isdir(path):
        for root, dirs, files in os.walk(path):
            dirs.sort()
            for f in sorted(files):
                if not f.startswith("."):
                    yield from read_path(os.path.join(root, f))
        return
    try:
        if os.path.getsize(path) > MAX_FILE_BYTES:
            yield InputError(path, f"file larger than {MAX_FILE_BYTES} bytes")
            return
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        yield InputError(path, exc.strerror or str(exc))
        return
    yield from read_text_blob(path, data)


def read_inputs(paths: Iterable[str]) -> Iterator[Item]:
    for p in paths:
        yield from read_path(p)
