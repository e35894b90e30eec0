"""Fetch articles and feeds over HTTP(S), politely and within limits.

One URL gives an article page or a feed; feed items without full content are followed to their
pages. Limits (timeout, size cap, redirects, items followed) keep one bad server from stalling
or flooding a batch; every failure is one `InputError` naming the URL.
"""
from __future__ import annotations

from typing import Iterator, Optional, Union

from .record import InputError, Record
from .sniff import decode, kind_of

Item = Union[Record, InputError]

USER_AGENT = "dateline/0.1 (+news event extraction)"
TIMEOUT_S = 15.0
MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
MAX_FEED_ITEMS = 50  # items followed per feed


def is_url(path: str) -> bool:
    return path.lower().startswith(("http://", "https://"))


def read_url(url: str, timeout: float = TIMEOUT_S, max_bytes: int = MAX_BYTES,
             seen_url=None) -> Iterator[Item]:
    """Records of one URL: a page, or a feed whose teaser items are followed to their pages.

    A feed item whose link `seen_url(link)` says is already stored is not fetched: it comes
    back as an empty Record with that URL, which the store's resume check counts as stored."""
    import httpx

    if not _host(url):
        yield InputError(url, "invalid URL (no host name)")
        return
    with httpx.Client(timeout=timeout, follow_redirects=True, max_redirects=MAX_REDIRECTS,
                      headers={"User-Agent": USER_AGENT}) as client:
        fetched = _get(client, url, url, max_bytes)
        if isinstance(fetched, InputError):
            yield fetched
            return
        final_url, data, charset = fetched
        kind = kind_of(data[:8192])
        if kind == "feed":
            from .rss import read_feed

            yield from read_feed(url, data, follow=_follower(client, max_bytes, seen_url))
        else:
            yield _page(url, final_url, data, kind, charset)


def _host(url: str) -> str:
    from urllib.parse import urlsplit

    try:
        return urlsplit(url).hostname or ""
    except ValueError:  # e.g. a malformed IPv6 literal
        return ""


def _follower(client, max_bytes: int, seen_url=None):
    count = {"n": 0}

    def follow(where: str, link: str) -> Iterator[Item]:
        if seen_url is not None and seen_url(link):
            yield Record(input=where, content="", url=link)
            return
        count["n"] += 1
        if count["n"] > MAX_FEED_ITEMS:
            yield InputError(where, f"not followed: more than {MAX_FEED_ITEMS} items in feed")
            return
        yield fetch_page(client, where, link, max_bytes)
    return follow


def fetch_page(client, where: str, link: str, max_bytes: int) -> Item:
    """The article page at `link` as a Record, or an InputError naming `where` with the reason
    (and the link, when `where` is a feed item rather than the link itself)."""
    fetched = _get(client, where, link, max_bytes)
    if isinstance(fetched, InputError):
        return fetched if where == link else InputError(where, f"{link}: {fetched.reason}")
    final_url, data, charset = fetched
    return _page(where, final_url, data, kind_of(data[:8192]), charset)


def _page(where: str, url: str, data: bytes, kind: str, charset: Optional[str]) -> Item:
    if kind == "pdf":
        return InputError(where, "PDF is not supported (convert it to text or HTML first)")
    if kind not in ("html", "text"):
        return InputError(where, f"not an article page ({kind} content)")
    return Record(input=where, content=decode(data, charset), is_html=kind == "html", url=url)


def _get(client, where: str, url: str, max_bytes: int):
    """(final URL, body bytes, declared charset) or an InputError with a one-line reason."""
    import httpx

    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                return InputError(where, f"HTTP {resp.status_code} {resp.reason_phrase}".strip())
            data = _read_capped(resp, max_bytes)
            if data is None:
                return InputError(where, f"response larger than {max_bytes} bytes")
            return str(resp.url), data, resp.charset_encoding
    except httpx.TooManyRedirects:
        return InputError(where, f"more than {MAX_REDIRECTS} redirects")
    except httpx.TimeoutException:
        return InputError(where, f"timed out after {client.timeout.read or TIMEOUT_S:g} s")
    except httpx.InvalidURL as exc:
        return InputError(where, f"invalid URL ({exc})")
    except httpx.HTTPError as exc:
        return InputError(where, f"could not fetch ({type(exc).__name__}: {exc})")


def _read_capped(resp, max_bytes: int) -> Optional[bytes]:
    declared = resp.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return None
    chunks, size = [], 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
