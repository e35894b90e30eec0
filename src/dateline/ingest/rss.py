"""RSS and Atom feeds (feedparser): each item with full content becomes an article.

An item carrying only a teaser is followed to its page when a `follow(url)` callable is given
(feeds fetched by URL); a local feed file has no network behind it, so such items are reported.
"""
from __future__ import annotations

import html
import re
import time
from typing import Callable, Iterator, Optional, Union

from .record import InputError, Record

Item = Union[Record, InputError]
Follow = Callable[[str, str], Iterator[Item]]

MIN_FULL_CHARS = 500  # text (tags stripped) below this is a teaser, not an article
_TAG = re.compile(r"<[^>]+>")
# A CDATA section written escaped inside an element ('&lt;![CDATA[&lt;p&gt;...]]&gt;'): feedparser
# reads it as a markup declaration and drops the whole body (kurtmckee/feedparser#440).
_ESCAPED_CDATA = re.compile(rb"&lt;!\[CDATA\[(.*?)\]\]&gt;", re.S)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});")
MAX_UNESCAPE_ROUNDS = 3  # '&amp;amp;apos;' and worse: feeds escaped more than once


def unwrap_escaped_cdata(data: bytes) -> bytes:
    """The feed with escaped CDATA wrappers removed; the escaped markup inside them stays
    escaped, which is how an element's HTML is normally written."""
    return _ESCAPED_CDATA.sub(lambda m: m.group(1), data)


def plain_title(title: Optional[str]) -> Optional[str]:
    """An item title with entities left over from double escaping decoded ('&apos;' -> "'")."""
    if not title:
        return None
    for _ in range(MAX_UNESCAPE_ROUNDS):
        if not _ENTITY.search(title):
            break
        title = html.unescape(title)
    return " ".join(title.split()) or None


def read_feed(name: str, data: bytes, follow: Optional[Follow] = None) -> Iterator[Item]:
    import feedparser

    try:
        feed = feedparser.parse(unwrap_escaped_cdata(data))
    except Exception as exc:  # feedparser is lenient; this is a last resort
        yield InputError(name, f"not a readable RSS/Atom feed ({type(exc).__name__})")
        return
    if not feed.entries:
        why = "not a readable RSS/Atom feed" if feed.get("bozo") else "feed has no items"
        yield InputError(name, why)
        return
    for number, entry in enumerate(feed.entries, start=1):
        yield from _entry(f"{name}:{number}", entry, follow)


def _entry(where: str, entry, follow: Optional[Follow]) -> Iterator[Item]:
    link = entry.get("link") or None
    title = plain_title(entry.get("title"))
    published = _date(entry)
    content = _full_content(entry)
    if content:
        yield Record(input=where, content=content, is_html=True, url=link, title=title,
                     published=published)
    elif link and follow:
        for item in follow(where, link):
            if isinstance(item, Record):
                item.title = item.title or title
                item.published = item.published or published
            yield item
    elif link:
        yield InputError(where, f"item has no full content; fetch the feed by URL to follow {link}")
    else:
        yield InputError(where, "item has neither full content nor a link")


def _full_content(entry) -> Optional[str]:
    """The item's body: content:encoded / Atom content as given, or a description long enough
    to be the article rather than a teaser (feeds put teasers in descriptions, not content)."""
    contents = [c.get("value", "") for c in entry.get("content", []) or []]
    best = max(contents, key=len, default="")
    if _TAG.sub(" ", best).strip():
        return best
    summary = entry.get("summary", "") or ""
    return summary if len(_TAG.sub(" ", summary).strip()) >= MIN_FULL_CHARS else None


def _date(entry) -> Optional[str]:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None
