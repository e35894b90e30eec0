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

from ..ingest.record import InputError, Record
from ..model import Article
from ..paths import data_file
from .dateline import Dateline, split_dateline
from .dateline import _valid  # one calendar check for dates found in text

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


def _from_match(m: re.Match) -> Optional[str]:
    g = m.groupdict()
    for d, mon, y in (("d1", "m1", "y1"), ("d2", "m2", "y2"), ("d3", "m3", "y3")):
        if g.get(y):
            month = int(g[mon]) if g[mon].isdigit() else _MONTHS.get(g[mon].lower()[:3])
            if month and _valid(int(g[y]), month, int(g[d])):
                return f"{int(g[y]):04d}-{month:02d}-{int(g[d]):02d}"
    return None


MASTHEAD_MAX_WORDS = 6  # per part of an "Outlet | Section | 20 May 2025" header line
# parts of a masthead line: '|' or a spaced dash ("- The Daily Times - Friday, May 3, 2019")
_MASTHEAD_SEPARATOR = re.compile(r"\s*\|\s*|\s+[-–—]\s+|^[-–—]\s+")


def parse_date_words(value: str) -> Optional[str]:
    """A date line such as 'Tue 19 Aug 2003 07.43 EDT' or 'Monday, July 10, 2017' as ISO;
    also a masthead line whose short parts, separated by '|' or spaced dashes, include one."""
    m = _DATE_LINE.match(value.strip()) or _SIGNOFF_DATE.match(value.strip())
    if m:
        return _from_match(m)
    parts = [p.strip() for p in _MASTHEAD_SEPARATOR.split(value.strip())]
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
    inserted: bool = False  # furniture a template puts between paragraphs (ads, share bars)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The furniture patterns of data/clean/furniture.tsv, compiled once."""
    out = []
    with open(data_file("clean", "furniture.tsv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            out.append(Rule(row["action"], row["zone"], int(row["max_words"]),
                            re.compile(row["pattern"], re.I), row.get("inserted") == "yes"))
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


def inserted_furniture(line: str) -> bool:
    """A whole-line `drop` rule marked `inserted` (data/clean/furniture.tsv: adverts, share bars,
    social and newsletter prompts, caption credits, rules) matches `line`: furniture a page
    template puts between the paragraphs of an article, not a label opening a block of its own
    ("Latest News", "Related Topics", "Read more")."""
    if len(line) > MAX_RULE_CHARS:
        return False
    words = len(line.split())
    return any(r.action == "drop" and r.inserted and not (r.max_words and words > r.max_words)
               and r.pattern.fullmatch(line) for r in rules())


def _starts_footer(line: str) -> bool:
    """A `cut` rule of furniture.tsv matches the whole line (comments, related stories)."""
    if len(line) > MAX_RULE_CHARS:
        return False
    words = len(line.split())
    return any(r.action == "cut" and not (r.max_words and words > r.max_words)
               and r.pattern.fullmatch(line) for r in rules())


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


def paragraph_like(line: str) -> bool:
    words = len(line.split())
    return words >= 20 or (words >= 8 and line.endswith(_TERMINAL))


# ---------------------------------------------------------------- the line filter

@dataclass
class Cleaned:
    body: str
    title: Optional[str]
    published: Optional[str]
    dateline: Optional[Dateline] = None


TRAFILATURA_CUT = 0.5  # trafilatura's body is mostly content already: a lower cut keeps its recall
BETWEEN_CUT = 0.5      # hysteresis: a line between two kept lines needs only this P(content)


def content_threshold() -> float:
    from .model import load

    return load().stacked.cut


def pick_title(p_title, lines: list[str], threshold: Optional[float] = None) -> Optional[int]:
    """The line the title model scores highest among those before the first paragraph, if
    at least its threshold: a headline comes before the article text (subheads come after
    it), and a photo caption above the headline scores lower than the headline. A line after a
    caption marker ('Image caption', data/clean/furniture.tsv) is that caption, never the title."""
    if threshold is None:
        from .model import load

        threshold = load().title.cut
    first_para = next((i for i, x in enumerate(lines) if paragraph_like(x)), len(lines))
    head = [i for i in range(min(first_para, len(p_title))) if p_title[i] >= threshold
            and not (i and _rule_for(lines[i - 1], True) == "caption")]
    return max(head, key=lambda i: p_title[i]) if head else None


def fix_text(text: str) -> str:
    """Repair mojibake (ftfy) and odd spaces; quotes are left as written."""
    import ftfy

    text = ftfy.fix_text(text, uncurl_quotes=False, fix_line_breaks=True)
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", text)
    return re.sub(r"[\u00a0\u2007\u202f\t]", " ", text)


WRAP_MAX_WIDTH = 100   # hard-wrapped text (wire copy, e-mail) is wrapped at 60-80 characters
WRAP_SHARE = 0.5       # ... and at least half its lines fill 60% of the width or more


def wrap_width(raws: list[str]) -> Optional[int]:
    """The column a hard-wrapped text is wrapped at, or None when it is not hard-wrapped."""
    lengths = sorted(len(x) for x in raws if x)
    if len(lengths) < 6:
        return None
    width = lengths[int(0.9 * (len(lengths) - 1))]
    full = sum(0.6 * width <= n <= width for n in lengths)
    return width if width <= WRAP_MAX_WIDTH and full >= WRAP_SHARE * len(lengths) else None


def _logical_lines(text: str) -> list[str]:
    """Lines with hard wraps undone: a line that stops mid-sentence joins the next; in a
    hard-wrapped text, so does any line after a full-width line without final punctuation."""
    raws = [" ".join(raw.split()) for raw in text.split("\n")]
    width = wrap_width(raws)
    out: list[str] = []
    joinable, previous = False, ""
    for line in raws:
        if not line:
            joinable = False
            continue
        wrapped = bool(width) and len(previous) >= 0.6 * width
        if joinable and out and (line[0].islower() or wrapped
                                 or (len(out[-1]) >= 40 and out[-1].endswith((",", "-", "–")))):
            out[-1] = out[-1] + " " + line
        else:
            out.append(line)
        joinable, previous = not line.endswith(_TERMINAL + (":",)), line
    return [part for x in out for part in split_after_credit(x)]


# a photo credit in brackets ('[AFP]', '[Reuters/Jane Doe]') that ends a caption and is followed,
# on the same line, by the next text: a caption flowed into hard-wrapped wire copy
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")
_CREDIT_BREAK = re.compile(r"(?<=\])\s*\|?\s+(?=[A-Z\"“‘])")
_BRACKET_CREDIT = re.compile(
    r"[.!?\"”’]\s*\[(?:afp|ap|reuters|getty(?: images)?|epa|xinhua|anadolu|efe|file|photo|ians|pti|ani)"
    r"(?:[/ ][^\]]{0,40})?\]$", re.I)


def split_after_credit(line: str) -> list[str]:
    """`line` cut after every bracketed photo credit that is followed by more text ("... rocked
    the region.[AFP] | Pakistan also said ..."): a caption flowed into hard-wrapped copy. A part
    so cut off that is one sentence is that caption, and goes; a longer part (the caption may
    have been joined to text before it) stays as a line of its own for the line model."""
    out, start = [], 0
    for m in _CREDIT_BREAK.finditer(line):
        part = line[start:m.start()]
        if _BRACKET_CREDIT.search(part):
            if _SENTENCE_BREAK.search(part[:part.rindex("[")].rstrip(".!?\"”’ ")):
                out.append(part)
            start = m.end()
    return out + [line[start:]] if start else [line]


_DATE_IN_LINE = re.compile(rf"\b{_CORE}\b", re.I)
HEADER_DATE_MAX_WORDS = 14  # a dated byline ('Outlet, Name, Tuesday 9 Oct 2012'), not a sentence


def _stated_date(lines: list[str]) -> Optional[str]:
    """A date line ('Tue 19 Aug 2003 07.43 EDT') or a short dated byline before the first
    paragraph, or a date line in the last three lines: the page's own statement of its date."""
    first_para = next((i for i, x in enumerate(lines) if paragraph_like(x)), len(lines))
    for i, line in enumerate(lines):
        if i < first_para or i >= len(lines) - 3:
            value = parse_date_words(line[:MAX_RULE_CHARS])
            if value:
                return value
    for line in lines[:first_para]:
        m = _DATE_IN_LINE.search(line[:MAX_RULE_CHARS])
        if m and len(line.split()) <= HEADER_DATE_MAX_WORDS:
            return _from_match(m)
    return None


def teaser_of_neighbour(lines: list[str], i: int) -> bool:
    """Line i is a teaser cut short ('...' or '…') whose words open a longer line within two
    lines of it: all its words are kept there, so dropping it loses nothing."""
    from .lines import TEASER_MIN_WORDS, words_of

    if not lines[i].rstrip().endswith(("...", "…")):
        return False
    t = " ".join(words_of(lines[i]))
    if len(t.split()) < TEASER_MIN_WORDS:
        return False
    near = range(max(0, i - 2), min(len(lines), i + 3))
    return any(j != i and " ".join(words_of(lines[j])).startswith(t + " ") for j in near)


RUN_GAP = 2  # furniture lines (share buttons, a caption) that may sit inside the run of text


STANDFIRST_WORDS = 12  # a deck under the headline is a long line; section labels are short


def _standfirst(body: list[int], k: int, p: "np.ndarray", lines: list[str], cut: float) -> bool:
    """The first line after the title, long and followed by a kept paragraph, is the article's
    standfirst (deck): content, though it reads like a headline. Up to RUN_GAP lines that are not
    paragraphs (an agency-and-place dateline such as "AFP, LES CAYES, Haiti", a byline) may sit
    between the deck and that paragraph."""
    if k != 0 or len(lines[body[0]].split()) < STANDFIRST_WORDS:
        return False
    first_paragraph = next((i for i in body[1:RUN_GAP + 2] if paragraph_like(lines[i])), None)
    return first_paragraph is not None and p[first_paragraph] >= cut


def _kept_run(body: list[int], p: "np.ndarray", lines: list[str], cut: float) -> list[int]:
    """The indexes of `body` kept: P(content) >= cut, or >= BETWEEN_CUT for a line between two
    kept lines, or for a paragraph whose previous paragraph (at most RUN_GAP lines back) was
    kept: article text comes in one run, and its last paragraph, with only furniture after
    it, scores lower than the rest. A line of prose cut off mid-sentence (lines.cut_off: it stops
    on "the", "a", "of" ...) within RUN_GAP lines after a kept paragraph is kept whatever its
    score: such lines are article text cut at a length limit or broken by an inserted element
    (all 3 in the Zyte pages and all 3 in the dev articles are body), and the model, which has
    seen few, scores them low."""
    from .lines import cut_off

    kept: list[int] = []
    last_para_kept = -RUN_GAP - 2  # position in body of the last kept paragraph
    for k, i in enumerate(body):
        ok = p[i] >= cut or (cut_off(lines[i]) and k - last_para_kept <= RUN_GAP + 1)
        if not ok and p[i] >= BETWEEN_CUT:
            between = kept and kept[-1] == body[k - 1] and k < len(body) - 1 \
                and p[body[k + 1]] >= cut
            continues = paragraph_like(lines[i]) and k - last_para_kept <= RUN_GAP + 1
            ok = bool(between or continues or _standfirst(body, k, p, lines, cut))
        if ok:
            kept.append(i)
            if paragraph_like(lines[i]):
                last_para_kept = k
    return kept


def _headline_of(title: Optional[str]) -> Optional[str]:
    """The title as the page repeats it: without a wire slug ("UPDATE 1-", "REFILE-"; list in
    data/stories/wire_prefixes.txt), which agencies put on the feed's headline, not the page's."""
    from ..stories.text import strip_wire_prefix

    return strip_wire_prefix(title) if title else title


def _scored_without_rule_furniture(lines: list[str], head: Optional[str], p: "np.ndarray"):
    """Scores of the page as if the rule furniture inside the article were not on it: the
    stacked model reads the neighbours' scores, and an ad, a share bar or a label between
    paragraphs should not make the text around it look like furniture. A line a whole-line
    `drop` rule matches (data/clean/furniture.tsv) is inside the article when lines scoring at
    least BETWEEN_CUT stand before and after it. Furniture a template inserts between paragraphs
    (inserted_furniture: "Advertisement", "Share this article") is taken out for every line; a
    label that may open a block of furniture ("Related Topics", "Read more", "Latest News") only
    for the lines above the first such label, since what follows it may be that block (related
    headlines with their teasers). A paragraph next to any rule line is rescored without the
    rule lines too. Every rescored line keeps the better of its two scores."""
    from .model import line_scores

    ruled = [i for i, x in enumerate(lines) if _rule_for(x, False) == "drop"]
    if not ruled or len(ruled) == len(lines):
        return p
    good = [i for i in range(len(lines)) if p[i] >= BETWEEN_CUT and i not in ruled]
    inside = [i for i in ruled if good and good[0] < i < good[-1]]
    inserted = {i for i in inside if inserted_furniture(lines[i])}
    labels = [i for i in inside if i not in inserted]
    edge = {j for i in ruled for j in (i - 1, i + 1) if 0 <= j < len(lines)
            and j not in ruled and paragraph_like(lines[j])}
    passes = [(inserted, range(len(lines))), (set(ruled), sorted(edge))]
    if labels:
        passes.append((inserted | set(labels), range(labels[0])))
    out = p.copy()
    for gone, targets in passes:
        if not gone or not targets:
            continue
        rest = [i for i in range(len(lines)) if i not in gone]
        alone, _ = line_scores([lines[i] for i in rest], head, title_model=False)
        where = {i: k for k, i in enumerate(rest)}
        for j in targets:
            if j in where:
                out[j] = max(out[j], alone[where[j]])
    return out


LEAD_MAX_PARAGRAPHS = 3  # a dateline lead opens the article: among its first paragraphs


def dateline_lead(lines: list[str]) -> int:
    """Index of the article's lead when it opens with a wire dateline ("DUBAI — ", "LA PAZ,
    Bolivia — ", "MOSCOW, May 17 (Reuters) -") and is among the first LEAD_MAX_PARAGRAPHS
    paragraphs, else -1. A line of at most one sentence above such a lead is not article text
    (filter_lines drops it; the title is handled apart): in the Zyte pages whose body opens
    with a dateline, 279 of the 281 lines above it are furniture (captions, teasers, bylines;
    the other two a stray "REUTERS" and a bullet summary), and with the line model's
    out-of-fold scores dropping them removes 6 more furniture lines and no content line; in
    the dev articles 9 of 9. A paragraph of several sentences above it is left to the line
    model (a rewritten copy may move a paragraph above the lead)."""
    paragraphs = [i for i, x in enumerate(lines) if paragraph_like(x)]
    return next((i for i in paragraphs[:LEAD_MAX_PARAGRAPHS]
                 if _DATELINE_START.match(lines[i][:EDGE_CHARS])), -1)


OTHER_LANGUAGE_MIN_WORDS = 5       # shorter lines are too short for a language identifier
OTHER_LANGUAGE_PROBABILITY = 0.95  # py3langid's probability for the line's and the page's language
OTHER_LANGUAGE_MAX_FUNCTION = 0.15  # lines with more English function words read as English prose


def other_language(lines: list[str], p: "np.ndarray", cut: float) -> set[int]:
    """Indexes of the lines written in another language than the article's (a comment policy,
    a cookie notice or a menu of a foreign-language site): py3langid (dateline.language.detect)
    gives the line a language other than that of the lines scored at least `cut` (the
    article), both at OTHER_LANGUAGE_PROBABILITY or more. Only lines of
    OTHER_LANGUAGE_MIN_WORDS words or more with few English function words
    (lines.own_features `function_share`) are tried. An article is written in one language; in
    the Zyte pages (with the line model's out-of-fold scores) the three lines so found are all
    furniture, and no content line is found in them or in the dev articles."""
    from ..language import detect
    from .lines import own_features

    tried = [i for i, x in enumerate(lines) if len(x.split()) >= OTHER_LANGUAGE_MIN_WORDS
             and own_features(x, False)["function_share"] < OTHER_LANGUAGE_MAX_FUNCTION]
    sure_lines = []  # the lines' languages first: most pages have no line sure enough, and
    for i in tried:  # then the article's own (a whole text to identify) is not needed
        code, prob = detect(lines[i])
        if prob >= OTHER_LANGUAGE_PROBABILITY:
            sure_lines.append((i, code))
    article = " ".join(x for x, s in zip(lines, p) if s >= cut)
    if not sure_lines or not article:
        return set()
    language, sure = detect(article)
    if sure < OTHER_LANGUAGE_PROBABILITY:
        return set()
    return {i for i, code in sure_lines if code != language}


HEADLINE_OVERLAP = 0.5     # share of the shorter headline's words the other one repeats
HEADLINE_LENGTH_RATIO = 1.5  # a reworded headline is about as long as the original
HEADLINE_PAGE_LINES = 4    # a page with a headline of its own: headline and three lines or more


def _page_headline(lines: list[str], title: str) -> Optional[int]:
    """The index of the page's own headline (the title model's pick, pick_title) when the text
    is a page (HEADLINE_PAGE_LINES lines or more, not a feed summary whose first sentence is
    broken over two lines), the line reads as a headline, has at most HEADLINE_LENGTH_RATIO
    times the words of the given `title` and repeats at least HEADLINE_OVERLAP of the words of
    the shorter of the two (a syndicated or updated headline rewords the original); else None."""
    from .lines import words_of
    from .model import line_scores

    if len(lines) < HEADLINE_PAGE_LINES:
        return None
    _, p_title = line_scores(lines, None, content=False)
    found = pick_title(p_title, lines)
    if found is None or not headline_like(lines[found]):
        return None
    a, b = set(words_of(lines[found])), set(words_of(title))
    if not a or not b or len(lines[found].split()) > HEADLINE_LENGTH_RATIO * len(title.split()):
        return None
    return found if len(a & b) >= HEADLINE_OVERLAP * min(len(a), len(b)) else None


def filter_lines(lines: list[str], title: Optional[str] = None,
                 detect_title: bool = True, cut: Optional[float] = None,
                 page_headline: bool = False) -> Cleaned:
    """Keep the lines the line model (clean/model.py) reads as article content; find the title
    (if not given) with the title model, and a stated date line. `cut`: the P(content) a line
    needs (default: the model's own, tuned for text pages). `page_headline`: when a `title` is
    given but is no line of the text (a feed's or a syndicating site's own headline over a page
    that still shows the original one), the title model finds the page's headline, which is
    then read as the title: scored as such and left out of the body (the given title stays the
    article's title)."""
    from .model import line_scores

    stripped = [_strip_edges(x) for x in lines]
    lines = [x for x, _ in stripped if x]
    published = next((d for x, d in stripped[:3] if d), None) or _stated_date(lines)
    title_index = None
    if detect_title and not title:
        _, p_title = line_scores(lines, None, content=False)
        title_index = pick_title(p_title, lines)
        if title_index is None and len(lines) > 1 and headline_like(lines[0]) \
                and paragraph_like(lines[1]):  # a short text the model abstains on
            title_index = 0
        title = lines[title_index] if title_index is not None else None
    head = _headline_of(title)
    if page_headline and head and not any(_norm(x) == _norm(head) for x in lines):
        title_index = _page_headline(lines, head)
        head = lines[title_index] if title_index is not None else head
    p_content, _ = line_scores(lines, head, title_model=False)
    cut = content_threshold() if cut is None else cut
    p_content = _scored_without_rule_furniture(lines, head, p_content)
    title_norm = _norm(head) if head else None
    lead = dateline_lead(lines)
    foreign = other_language(lines, p_content, cut)
    not_title = [i for i, x in enumerate(lines) if i != title_index and _norm(x) != title_norm
                 and not teaser_of_neighbour(lines, i) and i not in foreign
                 and (i >= lead or _SENTENCE_BREAK.search(x))]
    body: list[int] = []
    for i in not_title:  # a comment or related-stories footer after article text ends it
        if _starts_footer(lines[i]) and any(p_content[j] >= cut or paragraph_like(lines[j])
                                             for j in body):
            break
        body.append(i)
    keep = [lines[i] for i in _kept_run(body, p_content, lines, cut)]
    if not keep:  # a text the model reads as all furniture keeps its sentences, if it has any
        keep = [lines[i] for i in body if paragraph_like(lines[i])] or \
            [lines[i] for i in body if lines[i].endswith(_TERMINAL) and len(lines[i].split()) >= 4]
    if not keep and len(lines) == 1:  # a one-line text is its own body, not a title
        keep, title = lines, None
    return Cleaned(body="\n\n".join(keep), title=title, published=published)


def clean_text(text: str, reference: Optional[str] = None, title: Optional[str] = None) -> Cleaned:
    """Body, title, stated date and wire dateline of a plain-text article (`title` when the
    input gave one)."""
    text = fix_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    cleaned = filter_lines(_logical_lines(text), title=title, detect_title=not title,
                           page_headline=True)
    stated = cleaned.published or _first_dateline(cleaned.body, reference)
    cleaned.dateline, cleaned.body = split_first(cleaned.body, reference)
    cleaned.published = stated or (cleaned.dateline.date if cleaned.dateline else None)
    return cleaned


def split_first(body: str, reference: Optional[str]) -> tuple[Optional[Dateline], str]:
    """The wire dateline cut off the first paragraph of `body` (or of the second, after a
    headline-like first line; a paragraph that is only a dateline goes whole), and the body
    without it."""
    paragraphs = body.split("\n\n")
    for k in range(min(2, len(paragraphs))):
        found, remainder = split_dateline(paragraphs[k], reference)
        if found:
            paragraphs[k:k + 1] = [remainder] if remainder else []
            return found, "\n\n".join(paragraphs)
        if paragraph_like(paragraphs[k]):
            break
    return None, body


def _first_dateline(body: str, reference: Optional[str]) -> Optional[str]:
    """The date of a wire dateline ('MOSCOW, May 17 (Reuters) -') in the first paragraphs."""
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
    dateline: Optional[Dateline] = None


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


def clean_html(html: str, url: Optional[str] = None, reference: Optional[str] = None) -> HtmlPage:
    """(body, title, date, author, site) of an HTML page: the path users and the eval share."""
    page = extract_html(html, url)
    title = fix_text(page.title).strip() if page.title else None
    lines = [" ".join(x.split()) for x in fix_text(page.body).split("\n")]
    cleaned = filter_lines([x for x in lines if x], title=title, detect_title=not title,
                           cut=TRAFILATURA_CUT)
    page.title = cleaned.title
    page.date = normalise_date(page.date) or cleaned.published or _first_dateline(cleaned.body, None)
    page.dateline, page.body = split_first(cleaned.body, page.date or reference)
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
        page = clean_html(record.content, record.url,
                          reference=record.published or record.fallback_published)
        body, title, found_date = page.body, page.title, page.date
        author, site, dateline = page.author, page.site, page.dateline
        if not found_date and dateline and record.fallback_published:
            found_date = dateline.date
    else:
        cleaned = clean_text(record.content, reference=record.fallback_published,
                             title=record.title)
        body, title, found_date = cleaned.body, cleaned.title, cleaned.published
        dateline = cleaned.dateline
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
        dateline=dateline.to_dict() if dateline else None,
    )
