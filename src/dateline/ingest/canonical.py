"""The URL a page gives for itself: `<link rel="canonical">`, else the Open Graph `og:url`.

Used only when the input names no URL (a saved HTML file, an HTML string, a JSON Lines line
without "url"): the URL is the article's identity (its id is a hash of it) and tells where it
was published. Sources: RFC 6596 (the canonical link relation), the Open Graph protocol
(ogp.me, `og:url`: "the canonical URL of your object").

A URL that cannot name one article is ignored: not http(s), or a site's front page (path "/"
or empty; some sites point every page's canonical link there, which would merge all their
articles into one).
"""
from __future__ import annotations

from html.parser import HTMLParser
from typing import Optional
from urllib.parse import urljoin, urlsplit

HEAD_CHARS = 65536   # the head of any real page ends well before this
MAX_URL_CHARS = 2048


class _HeadLinks(HTMLParser):
    """Collects the canonical link and og:url of a document's head."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.canonical: Optional[str] = None
        self.og_url: Optional[str] = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs if k}
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href", "").strip() or None
        elif tag == "meta" and (a.get("property") or a.get("name", "")).lower() == "og:url":
            self.og_url = self.og_url or a.get("content", "").strip() or None


def page_url(html: str) -> Optional[str]:
    """The page's own absolute http(s) URL from its head, or None (see the module docstring).

    A relative canonical link is resolved against og:url when that is absolute; a
    protocol-relative one ('//host/path') gets https. Never raises."""
    head = html[:HEAD_CHARS]
    end = head.lower().find("</head>")
    parser = _HeadLinks()
    try:
        parser.feed(head if end < 0 else head[:end])
        parser.close()
    except Exception:  # html.parser is lenient; this is a last resort
        return None
    og = _article_url(parser.og_url)
    canonical = parser.canonical
    if canonical and canonical.startswith("//"):
        canonical = "https:" + canonical
    elif canonical and og and not urlsplit(canonical).scheme:
        canonical = urljoin(og, canonical)
    return _article_url(canonical) or og


def _article_url(url: Optional[str]) -> Optional[str]:
    if not url or len(url) > MAX_URL_CHARS or any(c.isspace() for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. a malformed IPv6 host
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if parts.path in ("", "/") and not parts.query:
        return None
    return url


def with_page_url(record):
    """`record` with its url taken from its HTML head when the input gave none (in place)."""
    if record.url is None and record.is_html:
        record.url = page_url(record.content)
    return record
