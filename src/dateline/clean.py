"""Turn a raw `Record` into an `Article` with clean text, title and published date.

HTML goes through trafilatura; plain text goes through line rules that drop page furniture
(section labels, a repeated headline, comment and share footers) but keep real sentences.
"""
from __future__ import annotations

import hashlib
import re
from typing import Optional

from .ingest.record import InputError, Record
from .model import Article

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def article_id(url: Optional[str], text: str) -> str:
    """Stable id: the URL when known (so re-fetching is idempotent), else the text."""
    key = url.strip() if url else text.strip()
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def normalise_date(value: Optional[str]) -> Optional[str]:
    """YYYY-MM-DD from any date-ish string, or None when it cannot be read."""
    if not value:
        return None
    value = str(value).strip()
    if _ISO_DATE.match(value[:10]) and (len(value) == 10 or not value[10].isdigit()):
        return value[:10]
    try:
        import dateparser

        dt = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    except Exception:  # dateparser raises assorted errors on hostile strings
        return None
    return dt.date().isoformat() if dt else None


def clean_text(text: str) -> tuple[str, Optional[str]]:
    """(body, title) of a plain-text article."""
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    body = "\n".join(lines).strip()
    title = next((ln.strip() for ln in lines if ln.strip()), None)
    return body, title


def clean_html(html: str) -> tuple[str, Optional[str], Optional[str]]:
    """(body, title, date) of an HTML page, via trafilatura."""
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False) or ""
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta else None
    date = meta.date if meta else None
    return body, title, date


def to_article(record: Record) -> Article:
    if record.is_html:
        body, title, page_date = clean_html(record.content)
    else:
        (body, title), page_date = clean_text(record.content), None
    if not body.strip():
        raise InputError(record.input, "no article text found")
    return Article(
        id=article_id(record.url, body),
        input=record.input,
        url=record.url,
        title=record.title or title,
        published=normalise_date(record.published) or normalise_date(page_date),
        text=body,
    )
