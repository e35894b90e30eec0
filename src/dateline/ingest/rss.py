"""RSS and Atom feeds (feedparser): each item with full content becomes an article.

An item carrying only a teaser is followed to its page when a `follow(url)` callable is given
(feeds fetched by URL). With no page to follow (a local feed file has no network behind it, or
the item has no link) its description is the article text, with the item's title and date, and
a warning on the record says so. A page that cannot be fetched is an error, not a fallback to
the description: the item is then tried again on the next run instead of being stored as a
teaser.
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
    link = _web_link(entry.get("link"))
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
    else:
        yield _from_description(where, entry, link, title, published)


def _web_link(link: Optional[str]) -> Optional[str]:
    """An item's http(s) link; None for none or another scheme (feedparser gives an Atom entry
    without a link its id, often a 'urn:' or 'tag:' name that no client can fetch)."""
    link = (link or "").strip()
    return link if link.lower().startswith(("http://", "https://")) else None


def _from_description(where: str, entry, link: Optional[str], title: Optional[str],
                      published: Optional[str]) -> Item:
    """The item's description (its teaser) as the article, with a warning saying so."""
    summary = entry.get("summary", "") or ""
    text = " ".join(html.unescape(_TAG.sub(" ", summary)).split())
    if not text:
        why = "item has no full content and an empty description"
        return InputError(where, f"{why}; fetch the feed by URL to follow {link}" if link
                          else f"{why} and no link")
    how = (f"fetch the feed by URL to read the page {link}" if link else "the item has no link")
    record = Record(input=where, content=summary, is_html=bool(_TAG.search(summary)), url=link,
                    title=title, published=published)
    record.warnings.append(f"no full article: coded from the feed item's description only "
                           f"({len(text)} characters; {how})")
    return record


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
