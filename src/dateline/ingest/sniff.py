"""Decide what a blob of bytes is by looking at it, not at its file name.

File extensions lie (a `.txt` that is HTML, a feed saved as `.html`, a `.gz` of anything), so
every reader is chosen from the first bytes of the (decompressed) content.
"""
from __future__ import annotations

import re
from typing import Optional

GZIP_MAGIC = b"\x1f\x8b"
_FEED = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_HTML = re.compile(rb"<(!doctype html|html|head|body|p|div|article|br)[\s>/]", re.I)
_JSON_LIST = re.compile(rb"\[\s*\{")  # a JSON list of article objects
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.I)

KINDS = ("warc", "feed", "jsonl", "html", "text", "pdf", "binary", "empty")


def kind_of(head: bytes) -> str:
    """One of KINDS for the first bytes (at least a few KiB) of an input."""
    body = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not body:
        return "empty"
    if body.startswith(b"WARC/"):
        return "warc"
    if body.startswith(b"%PDF-"):
        return "pdf"
    if _is_binary(body[:8192]):
        return "binary"
    start = body[:4096]
    if _FEED.search(start) and not re.search(rb"<html[\s>]", start[:600], re.I):
        return "feed"
    if body.startswith(b"{") or _JSON_LIST.match(body):  # no article starts with a brace
        return "jsonl"
    if _HTML.search(start):
        return "html"
    return "text"


def _is_binary(chunk: bytes) -> bool:
    if b"\x00" in chunk:
        return True
    controls = sum(1 for b in chunk if b < 9 or 13 < b < 32)
    return controls > len(chunk) // 20


def decode(data: bytes, declared: Optional[str] = None) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else the charset declared by the server
    or in the document, else cp1252 (what mislabelled Western pages nearly always are)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(data[:4096])
    for charset in (declared, m.group(1).decode("ascii") if m else None):
        if charset:
            try:
                return data.decode(charset, errors="replace")
            except LookupError:
                continue
    return data.decode("cp1252", errors="replace")
