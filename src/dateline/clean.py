"""Turn a raw `Record` into an `Article` with clean text, title and published date.

HTML goes through trafilatura (body, title, author, date, site). Both HTML bodies and plain
text then go through the same line rules, which drop page furniture (section labels, a
repeated headline, bylines, captions, comment and share footers) but keep real sentences. The
patterns live in data/clean/furniture.tsv. The cleaned text is a plain string whose paragraphs
are separated by a blank line; later stages take their offsets from it.
"""
from __future__ import annotations

import csv
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Optional

from .ingest.record import InputError, Record
from .model import Article
from .paths import data_file

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
        return value[:10] if _valid(*map(int, value[:10].split("-"))) else None
    found = parse_date_words(value)
    if found:
        return found
    if re.fullmatch(r"\d{8}", value):
        return normalise_date(f"{value[:4]}-{value[4:6]}-{value[6:]}")
    if not re.search(r"\d{4}", value):  # "yesterday", "2 days ago": relative to nothing known
        return None
    try:
        import dateparser

        dt = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    except Exception:  # dateparser raises assorted errors on hostile strings
        return None
    return dt.date().isoformat() if dt else None


# ---------------------------------------------------------------- dates written in the text

_MONTHS = {m: i for i, names in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july",
     "aug august", "sep sept september", "oct october", "nov november", "dec december"], 1)
    for m in names.split()}
_MON = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_CORE = (rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MON}),?\s+(?P<y1>\d{{4}})"
         rf"|(?P<m2>{_MON})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
         rf"|(?P<y3>\d{{4}})-(?P<m3>\d{{2}})-(?P<d3>\d{{2}}))")
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_TIME = r"(?:,?\s+(?:at\s+)?\d{1,2}[.:]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[a-z]{2,5})?)?"
_DATE_LINE = re.compile(
    rf"^(?:(?:published|updated|posted|last updated|date)(?:\s+on)?\s*:?\s*)?{_WEEKDAY}{_CORE}"
    rf"{_TIME}\.?$", re.I)
_SIGNOFF_DATE = re.compile(rf"^\((?:[^()]{{2,40}}?)[\s,]+{_WEEKDAY}{_CORE}\)$", re.I)
_AGENCY = r"(?:reuters|ap|afp|upi|xinhua|tass|ria|anadolu|efe|dpa|ians|pti|ani|bernama|[A-Z]{2,6})"
_DATELINE = re.compile(
    rf"^(?-i:[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){{0,4}})(?:,\s*[A-Z][\w.' -]{{0,30}}?)?,?\s+"
    rf"(?P<m>{_MON})\s+(?P<d>\d{{1,2}})(?:,\s*(?P<y>\d{{4}}))?\s*\({_AGENCY}\)\s*[-–—]", re.I)
_DATELINE_START = re.compile(
    r"^(?-i:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,4})(?:,\s*[\w.' -]{2,40}?)?\s*(?:\([^()]{2,30}\))?"
    r"\s*[-–—]{1,2}\s", re.I)


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return 1900 <= y <= 2100


def _from_match(m: re.Match) -> Optional[str]:
    g = m.groupdict()
    for d, mon, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3")):
        if g.get(y):
            month = int(g[mon]) if g[mon].isdigit() else _MONTHS.get(g[mon].lower()[:3])
            if month and _valid(int(g[y]), month, int(g[d])):
                return f"{int(g[y]):04d}-{month:02d}-{int(g[d]):02d}"
    return None


MASTHEAD_MAX_WORDS = 6  # per part of an "Outlet | Section | 20 May 2025" header line


def parse_date_words(value: str) -> Optional[str]:
    """A date line such as 'Tue 19 Aug 2003 07.43 EDT' or 'Monday, July 10, 2017' as ISO;
    also a masthead line whose short '|'-separated parts include one."""
    m = _DATE_LINE.match(value.strip()) or _SIGNOFF_DATE.match(value.strip())
    if m:
        return _from_match(m)
    parts = [p.strip() for p in value.split("|")]
    if len(parts) < 2 or any(len(p.split()) > MASTHEAD_MAX_WORDS for p in parts):
        return None
    return next((d for d in map(parse_date_words, filter(None, parts)) if d), None)


def dateline_date(paragraph: str, reference: Optional[str]) -> Optional[str]:
    """The date of a wire dateline ('MOSCOW, May 17 (Reuters) -'); a year-less one only when
    `reference` (a capture date) gives the year. Never invented."""
    m = _DATELINE.match(paragraph[:EDGE_CHARS])
    if not m:
        return None
    month = _MONTHS.get(m.group("m").lower()[:3])
    day = int(m.group("d"))
    if m.group("y"):
        year = int(m.group("y"))
    elif reference and _ISO_DATE.match(reference):
        ref = date.fromisoformat(reference)
        year = ref.year if (month, day) <= (ref.month, ref.day) else ref.year - 1
    else:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if month and _valid(year, month, day) else None


# ---------------------------------------------------------------- furniture rules

MAX_RULE_CHARS = 1000  # no furniture line is longer; bounds the regex work on hostile input
EDGE_CHARS = 200       # how far into a line the prefix/suffix rules look


@dataclass(frozen=True)
class Rule:
    action: str
    zone: str
    max_words: int
    pattern: re.Pattern


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The furniture patterns of data/clean/furniture.tsv, compiled once."""
    out = []
    with open(data_file("clean", "furniture.tsv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            out.append(Rule(row["action"], row["zone"], int(row["max_words"]),
                            re.compile(row["pattern"], re.I)))
    return tuple(out)


def _rule_for(line: str, in_head: bool) -> Optional[str]:
    """The action of the first whole-line rule matching `line`, or None."""
    if len(line) > MAX_RULE_CHARS:
        return None
    words = len(line.split())
    for r in rules():
        if r.action.startswith("strip_") or (r.zone == "head" and not in_head):
            continue
        if r.max_words and words > r.max_words:
            continue
        if r.pattern.fullmatch(line):
            return r.action
    return None


def _strip_edges(line: str) -> tuple[str, Optional[str]]:
    """The line without leading/trailing furniture, and a date found in what was cut."""
    found = None
    for r in rules():
        m, offset = None, 0
        if r.action == "strip_prefix":
            m = r.pattern.match(line[:EDGE_CHARS])
        elif r.action == "strip_suffix":
            offset = max(0, len(line) - EDGE_CHARS)
            m = re.compile(f"(?:{r.pattern.pattern})$", re.I).search(line[offset:])
        if m and (offset + m.start() > 0 or offset + m.end() < len(line)):
            found = found or normalise_date(m.group(0).strip()[-10:])
            line = line[:offset + m.start()] + line[offset + m.end():]
    return line.strip(), found


# ---------------------------------------------------------------- line shapes

_TERMINAL = tuple(".!?\"”’'»)…")


def _norm(line: str) -> str:
    return re.sub(r"\W+", " ", line).strip().casefold()


def headline_like(line: str) -> bool:
    """Reads as a headline: short-ish, capitalised, no final full stop, not a dateline."""
    words = line.split()
    ending_ok = line.endswith("...") or not line.endswith((".", ",", ";", ":"))
    start_ok = (line[0].isupper() or line[0].isdigit() or line[0] in "\"'‘“$£€¥"
                or (len(words[0]) > 1 and words[0][1].isupper()))  # iPhone, eBay
    return (2 <= len(words) <= 30 and len(line) <= 200 and ending_ok and start_ok
            and not _DATELINE_START.match(line[:EDGE_CHARS]) and any(c.isalpha() for c in line))


def _label_before(first: str, line: str) -> bool:
    """A 1-3 word Title Case line followed by a longer headline was a section label."""
    words = first.split()
    return (len(words) <= 3 < len(line.split())
            and all(w[0].isupper() or not w[0].isalpha() for w in words))


def paragraph_like(line: str) -> bool:
    words = len(line.split())
    return words >= 20 or (words >= 8 and line.endswith(_TERMINAL))


# ---------------------------------------------------------------- the line filter

@dataclass
class Cleaned:
    body: str
    title: Optional[str]
    published: Optional[str]


def fix_text(text: str) -> str:
    """Repair mojibake (ftfy) and odd spaces; quotes are left as written."""
    import ftfy

    text = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True)
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    return re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)


def _logical_lines(text: str) -> list[str]:
    """Lines with hard wraps undone: a line that stops mid-sentence joins the next."""
    out: list[str] = []
    joinable = False
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            joinable = False
            continue
        if joinable and out and (line[0].islower()
                                 or (len(out[-1]) >= 40 and out[-1].endswith((",", "-", "–")))):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
        joinable = not line.endswith(_TERMINAL + (":",))
    return out


def filter_lines(lines: list[str], title: Optional[str] = None,
                 detect_title: bool = True) -> Cleaned:
    """Drop furniture lines; find the title (if not given) and a date line in the header."""
    keep: list[Optional[str]] = []
    found_title, published, body_seen = title, None, 0
    skip_next, dropped = False, ""
    stripped = [_strip_edges(x) for x in lines]
    lines = [x for x, _ in stripped if x]
    published = next((d for x, d in stripped[:3] if d), None)
    for i, line in enumerate(lines):
        in_head = body_seen < 2
        if skip_next or (len(line) >= 10 and line in dropped and not paragraph_like(line)):
            skip_next, dropped = False, line  # caption text, or alt text repeating a caption
            continue
        dropped = line  # reset below when the line is kept
        date_value = parse_date_words(line)
        if date_value:
            if in_head or i >= len(lines) - 3:
                published = published or date_value
            continue
        action = _rule_for(line, in_head)
        if action == "cut" and body_seen:
            break
        if action == "caption":
            skip_next = True
            if keep and keep[-1] and len(keep[-1].split()) <= 12 and not paragraph_like(keep[-1]):
                keep[-1] = None
            continue
        if action:
            continue
        if found_title and _norm(line) == _norm(found_title):
            continue
        if detect_title and not body_seen and headline_like(line) and i + 1 < len(lines) \
                and (not found_title or _label_before(found_title, line)):
            found_title = line
            continue
        if i + 1 < len(lines) and line == lines[i + 1] and headline_like(line):
            skip_next = True  # a widget headline shown twice in a row
            continue
        keep.append(line)
        dropped = ""
        body_seen += paragraph_like(line)
    body = "\n\n".join(x for x in keep if x)
    return Cleaned(body=body, title=found_title, published=published)


def clean_text(text: str, reference: Optional[str] = None, title: Optional[str] = None) -> Cleaned:
    """Body, title and stated date of a plain-text article (`title` when the input gave one)."""
    text = fix_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    cleaned = filter_lines(_logical_lines(text), title=title, detect_title=not title)
    if not cleaned.published:
        cleaned.published = _first_dateline(cleaned.body, reference)
    return cleaned


def _first_dateline(body: str, reference: Optional[str]) -> Optional[str]:
    for paragraph in body.split("\n\n")[:3]:
        value = dateline_date(paragraph, reference)
        if value:
            return value
    return None


# ---------------------------------------------------------------- HTML

@dataclass
class HtmlPage:
    body: str
    title: Optional[str]
    date: Optional[str]
    author: Optional[str] = None
    site: Optional[str] = None


def extract_html(html: str, url: Optional[str] = None) -> HtmlPage:
    """trafilatura's main-text extraction plus page metadata, before any line rules."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, include_comments=False, with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:  # malformed markup: fall back to the bare text below
        doc = None
    if doc is None or not (doc.text or "").strip():
        return HtmlPage(body=_html_text(html), title=getattr(doc, "title", None), date=None)
    return HtmlPage(body=doc.text, title=doc.title, date=doc.date, author=doc.author,
                    site=doc.sitename)


def _html_text(html: str) -> str:
    """Block texts of a fragment (feed content too short for trafilatura's thresholds)."""
    import lxml.html

    try:
        root = lxml.html.fromstring(html)
    except Exception:  # lxml rejects empty or non-HTML strings
        return ""
    for bad in root.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    blocks = root.xpath("//p|//h2|//h3|//li|//blockquote")
    texts = [b.text_content() for b in blocks] or [root.text_content()]
    return "\n".join(" ".join(t.split()) for t in texts if t.strip())


def clean_html(html: str, url: Optional[str] = None) -> HtmlPage:
    """(body, title, date, author, site) of an HTML page: the path users and the eval share."""
    page = extract_html(html, url)
    title = fix_text(page.title).strip() if page.title else None
    lines = [" ".join(x.split()) for x in fix_text(page.body).split("\n")]
    cleaned = filter_lines([x for x in lines if x], title=title, detect_title=not title)
    page.body, page.title = cleaned.body, cleaned.title
    page.date = normalise_date(page.date) or cleaned.published or _first_dateline(page.body, None)
    return page


# ---------------------------------------------------------------- records -> articles

MAX_TITLE_CHARS = 500  # a headline longer than this is a mislabelled body, not a title


def _cap(value: Optional[str], limit: int) -> Optional[str]:
    if value is None:
        return None
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def to_article(record: Record) -> Article:
    author = site = None
    if record.is_html:
        page = clean_html(record.content, record.url)
        body, title, found_date = page.body, page.title, page.date
        author, site = page.author, page.site
        if not found_date and record.fallback_published:
            found_date = _first_dateline(body, record.fallback_published)
    else:
        cleaned = clean_text(record.content, reference=record.fallback_published,
                             title=record.title)
        body, title, found_date = cleaned.body, cleaned.title, cleaned.published
    if not body.strip():
        raise InputError(record.input, "no article text found")
    return Article(
        id=article_id(record.url, body),
        input=record.input,
        url=record.url,
        title=_cap(record.title or title, MAX_TITLE_CHARS),
        # A capture date (WARC-Date, crawl time) says when a page was fetched, not when it was
        # published: it only helps read a dateline's missing year, never becomes `published`.
        published=normalise_date(record.published) or found_date,
        text=body,
        site=site,
        author=author,
    )
