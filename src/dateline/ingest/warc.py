"""WARC archives (warcio): each HTML response record becomes one article.

The record's WARC-Target-URI is the article URL; its WARC-Date says when the page was
captured: not a publication date (it only supplies the year of a dateline such as "30 Nov").
Requests, metadata, redirects, images and other non-HTML records are skipped silently: they are not articles.
"""
from __future__ import annotations

from typing import BinaryIO, Iterator, Optional, Union

from .record import InputError, Record
from .sniff import decode, kind_of

Item = Union[Record, InputError]

MAX_RECORD_BYTES = 10 * 1024 * 1024


def _quiet_iterator(stream: BinaryIO):
    """warcio's iterator without its multi-line stderr warning on a wrong Content-Length
    (the misread record that follows is reported as one InputError instead)."""
    from warcio.archiveiterator import ArchiveIterator

    class Quiet(ArchiveIterator):
        INC_RECORD = ""

    return Quiet(stream)


def read_warc(name: str, stream: BinaryIO) -> Iterator[Item]:
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        for number, rec in enumerate(_quiet_iterator(stream), start=1):
            item = _record(f"{name}:{number}", rec)
            if item is not None:
                yield item
    except ArchiveLoadFailed as exc:
        yield InputError(f"{name}:{number + 1}", f"broken WARC record ({_short(exc)})")
    except Exception as exc:  # warcio raises assorted errors on truncated or hostile data
        yield InputError(f"{name}:{number + 1}", f"unreadable WARC data ({_short(exc)})")


def _short(exc: Exception) -> str:
    return (str(exc) or type(exc).__name__).splitlines()[0][:120]


def _record(where: str, rec) -> Optional[Item]:
    if rec.rec_type not in ("response", "resource"):
        return None
    if rec.http_headers is not None:
        status = rec.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        ctype = rec.http_headers.get_header("Content-Type") or ""
    else:
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    if ctype and "html" not in ctype.lower():
        return None
    data = rec.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(data) > MAX_RECORD_BYTES:
        return InputError(where, f"HTML record larger than {MAX_RECORD_BYTES} bytes")
    if kind_of(data[:8192]) != "html":
        return None
    date = rec.rec_headers.get_header("WARC-Date") or ""
    return Record(input=where, content=decode(data), is_html=True,
                  url=rec.rec_headers.get_header("WARC-Target-URI"),
                  fallback_published=date[:10] or None)
