"""Dispatch each input to the reader that fits it, by content sniffing.

Readers are generators yielding `Record` or `InputError`, so one bad record never stops the
others and a large input streams in constant memory. Inputs: files (plain text, HTML, JSON
Lines, RSS/Atom, WARC; any of them gzipped), directories (recursively), `-` for standard input,
and http(s) URLs.
"""
from __future__ import annotations

import gzip
import io
import os
import re
import stat
import sys
import zlib
from typing import BinaryIO, Iterable, Iterator, Union

from .fetch import is_url, read_url
from .jsonl import capped_lines, read_jsonl
from .record import InputError, Record
from .rss import read_feed
from .sniff import GZIP_MAGIC, decode, kind_of
from .warc import read_warc

Item = Union[Record, InputError]

MAX_FILE_BYTES = 200 * 1024 * 1024   # a feed read whole
# One article: no news story is anywhere near this; the caps also bound what a gzip bomb inflates.
MAX_ARTICLE_BYTES = {"text": 2 * 1024 * 1024, "html": 10 * 1024 * 1024}
SNIFF_BYTES = 16384
_HTML_KINDS = {"html": True, "text": False}
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)


def _looks_html(text: str) -> bool:
    """Whether a string (not bytes) holds HTML; used by the Python API."""
    return kind_of(text[:SNIFF_BYTES].encode("utf-8", "replace")) == "html"


def read_inputs(paths: Iterable[str], seen_url=None) -> Iterator[Item]:
    """Records of every input in order. `seen_url(url) -> bool`, when given, names feed items
    whose page is already stored: they are not fetched again (see fetch.read_url)."""
    for p in paths:
        yield from read_path(p, seen_url=seen_url)


def read_path(path: str, seen_url=None) -> Iterator[Item]:
    """Every record of one command-line input (never raises for bad input)."""
    try:
        if path == "-":
            yield from read_stream("-", io.BytesIO(sys.stdin.buffer.read(MAX_FILE_BYTES + 1)))
        elif is_url(path):
            yield from read_url(path, seen_url=seen_url)
        elif _SCHEME.match(path) and not os.path.exists(path):
            yield InputError(path, "unsupported URL scheme (use http or https)")
        elif os.path.isdir(path):
            yield from read_directory(path)
        elif not os.path.exists(path):
            yield InputError(path, _missing(path))
        elif not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or device would block or never end
            yield InputError(path, "not a regular file")
        else:
            yield from read_file(path)
    except OSError as exc:
        yield InputError(path, exc.strerror or str(exc))


def _missing(path: str) -> str:
    """Why an existing-looking name cannot be opened (dangling or looping symlink)."""
    try:
        os.stat(path)
    except OSError as exc:
        if os.path.islink(path) and exc.strerror:
            return f"broken symbolic link ({exc.strerror})"
    return "no such file or directory"


def read_directory(path: str) -> Iterator[Item]:
    """All files under `path`, in sorted order, skipping hidden files and folders; a directory
    with no such file is one InputError (an empty result would look like success)."""
    found, unreadable = False, []
    for root, dirs, files in os.walk(path, onerror=unreadable.append):
        yield from _walk_errors(unreadable)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                found = True
                yield from read_path(os.path.join(root, name))
    yield from _walk_errors(unreadable)
    if not found:
        yield InputError(path, "directory holds no files to read (hidden ones are skipped)")


def _walk_errors(errors: list) -> Iterator[Item]:
    """A folder os.walk could not list (permission denied...) as one InputError naming it."""
    while errors:
        exc = errors.pop(0)
        yield InputError(exc.filename or "?", exc.strerror or str(exc))


def read_file(path: str) -> Iterator[Item]:
    with open(path, "rb") as fh:
        yield from read_stream(path, fh)


def read_stream(name: str, raw: BinaryIO) -> Iterator[Item]:
    """Sniff a byte stream (gzip unwrapped) and hand it to the matching reader."""
    stream = gzip.GzipFile(fileobj=raw) if _peek(raw, 2) == GZIP_MAGIC else raw
    try:
        if _peek(stream, 2) in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 (Windows "Unicode")
            data = stream.read(MAX_FILE_BYTES).decode("utf-16", errors="replace")
            stream = io.BytesIO(data.encode("utf-8"))
        kind = kind_of(_peek(stream, SNIFF_BYTES))
        if kind == "warc":
            yield from read_warc(name, stream)
        elif kind == "jsonl":
            yield from read_jsonl(name, capped_lines(stream))
        else:
            yield from _read_document(name, stream, kind)
    except (gzip.BadGzipFile, EOFError, zlib.error) as exc:
        yield InputError(name, f"corrupt gzip data ({exc or type(exc).__name__})")


def _peek(stream: BinaryIO, n: int) -> bytes:
    pos = stream.tell()
    data = stream.read(n)
    stream.seek(pos)
    return data


def _read_document(name: str, stream: BinaryIO, kind: str) -> Iterator[Item]:
    """A whole-file input: one article (text, HTML) or a feed."""
    if kind == "empty":
        yield InputError(name, "empty input")
        return
    if kind == "pdf":
        yield InputError(name, "PDF is not supported (convert it to text or HTML first)")
        return
    if kind == "binary":
        yield InputError(name, "binary data, not text, HTML, JSON Lines, RSS/Atom or WARC")
        return
    limit = MAX_ARTICLE_BYTES.get(kind, MAX_FILE_BYTES)
    data = stream.read(limit + 1)
    if len(data) > limit and kind == "feed":
        yield InputError(name, f"larger than {limit} bytes (the limit for one {kind} document)")
    elif kind == "feed":
        yield from read_feed(name, data)
    else:
        cut = len(data) > limit
        record = Record(input=name, content=decode(data[:limit]), is_html=_HTML_KINDS[kind])
        if cut:  # code the first part rather than nothing (the rest is never read)
            record.warnings.append(f"input larger than {limit} bytes: only the first {limit} "
                                   "bytes were read")
        yield record


def read_text_blob(name: str, data: bytes) -> Iterator[Item]:
    """Any input given as bytes (kept for callers that already hold the data)."""
    yield from read_stream(name, io.BytesIO(data))
