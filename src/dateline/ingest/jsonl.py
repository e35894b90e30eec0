"""JSON Lines: one article per line, `{"text"|"html", "url", "published", "title"}`.

A bad line is one `InputError` naming `file:line`; the other lines are still read. A file that
is one pretty-printed JSON object (or a list of them) is accepted too, however its lines are
broken: when the first line is not JSON on its own, the file is tried as one JSON document.
"""
from __future__ import annotations

import itertools
import json
from typing import Iterable, Iterator, Union

from .record import InputError, Record
from .sniff import decode

Item = Union[Record, InputError]

MAX_LINE_BYTES = 16 * 1024 * 1024  # one article per line; bounds what a gzipped line inflates
MAX_WHOLE_BYTES = 64 * 1024 * 1024  # a pretty-printed JSON file is read whole up to this size
_TOO_LONG = object()


def capped_lines(stream) -> Iterator:
    """The lines of a binary stream; a line over MAX_LINE_BYTES is skipped (read in chunks,
    never held whole) and stands as `_TOO_LONG`."""
    while True:
        line = stream.readline(MAX_LINE_BYTES + 1)
        if not line:
            return
        if len(line) <= MAX_LINE_BYTES or line.endswith(b"\n"):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(MAX_LINE_BYTES)
        yield _TOO_LONG


def read_jsonl(name: str, lines: Iterable[bytes]) -> Iterator[Item]:
    lines = iter(lines)
    first = next(lines, b"")
    if first is not _TOO_LONG and not _is_json(first):  # pretty-printed JSON, or a bad line
        head, ended = _read_ahead(lines, MAX_WHOLE_BYTES)
        if any(x is _TOO_LONG for x in head) and first.strip() in (b"{", b"["):
            yield InputError(name, f"a line longer than {MAX_LINE_BYTES} bytes")
            return
        whole = first + b"".join(x for x in head if x is not _TOO_LONG)
        if ended and _is_json(whole):
            yield from _read_whole(name, whole)
            return
        lines = itertools.chain(head, lines)  # JSON Lines after all, with a bad first line
    for number, raw in enumerate(itertools.chain([first], lines), start=1):
        if raw is _TOO_LONG:
            yield InputError(f"{name}:{number}", f"line longer than {MAX_LINE_BYTES} bytes")
        elif raw.strip():
            yield from _one(f"{name}:{number}", raw)


def _read_ahead(lines: Iterator, limit: int) -> tuple[list, bool]:
    """(the next lines, up to about `limit` bytes; whether that was all of them)."""
    head, size = [], 0
    for line in lines:
        head.append(line)
        size += MAX_LINE_BYTES if line is _TOO_LONG else len(line)
        if size > limit:
            return head, False
    return head, True


def _is_json(data: bytes) -> bool:
    try:
        json.loads(decode(data))
    except ValueError:
        return False
    return True


def _one(where: str, raw: bytes) -> Iterator[Item]:
    try:
        obj = json.loads(decode(raw).strip())
    except ValueError as exc:
        yield InputError(where, f"not valid JSON ({exc})")
        return
    if isinstance(obj, list) and obj and all(isinstance(o, dict) for o in obj):  # where:line:item
        for number, o in enumerate(obj, start=1):
            yield record_from_object(f"{where}:{number}" if len(obj) > 1 else where, o)
        return
    yield record_from_object(where, obj)


def _read_whole(name: str, data: bytes) -> Iterator[Item]:
    try:
        obj = json.loads(decode(data))
    except ValueError as exc:
        yield InputError(name, f"not valid JSON ({exc})")
        return
    objs = obj if isinstance(obj, list) else [obj]
    for number, o in enumerate(objs, start=1):
        yield record_from_object(f"{name}:{number}" if len(objs) > 1 else name, o)


def _str_field(obj: dict, key: str):
    value = obj.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def record_from_object(where: str, obj) -> Item:
    """A Record from one decoded JSON object, or why it cannot be one."""
    if not isinstance(obj, dict):
        return InputError(where, f"expected a JSON object, got {type(obj).__name__}")
    text, html = _str_field(obj, "text"), _str_field(obj, "html")
    wrong = [k for k in ("text", "html") if obj.get(k) is not None and not isinstance(obj[k], str)]
    if not text and not html and wrong:
        return InputError(where, f'"{wrong[0]}" must be a string, not {type(obj[wrong[0]]).__name__}')
    if not text and not html:
        return InputError(where, 'no "text" or "html" field with content')
    published = obj.get("published")
    published = str(published) if published not in (None, "") else None
    record = Record(input=where, content=text or html, is_html=not text,
                    url=_str_field(obj, "url"), title=_str_field(obj, "title"),
                    published=published)
    if published and not _readable_date(published):  # as dateline.extract(published=) says
        record.warnings.append(f"published date {published[:40]!r} not understood; ignored")
    return record


def _readable_date(value: str) -> bool:
    from ..clean import normalise_date

    return normalise_date(value) is not None
