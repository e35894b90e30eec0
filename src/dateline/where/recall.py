"""Toponyms spaCy does not label as places: wire datelines in capitals, and town names that
the text itself marks as places.

Two kinds, both read off the text's own form, not off any one article's wording:
- A dateline ("SAN DIEGO (AP) -", "PLEASANTON, Calif.--", "ST. LOUIS -") opens a wire story
  with the place it was filed from, in capitals (AP and Reuters style). A capitalised run
  followed by an agency in brackets or by the story dash is looked up in the gazetteer.
- A capitalised name that spaCy labelled a person, organisation or nothing, but that the
  gazetteer knows as a town, is a *candidate* toponym when the text marks it as a place:
  after a preposition of place or motion ("drove to Cirencester", "from Misrata"), as the
  residence in ", of Hayes", qualified by a following state, province or country
  ("Rockingham, Northamptonshire"), or in a list with a place already found ("Zilina, Nitra
  and Kosice"). A candidate is kept only if the document's other places agree with it (its
  country among theirs; rank.resolve checks that), the way geoparsers let context decide.
"""
from __future__ import annotations

import calendar
import re

from ..nlp import _per_parse, entities_of, text_of
from .gazetteer import candidates, compass_words, gazetteer

CANDIDATE_LABELS = {"ORG", "PERSON", "NORP", "PRODUCT", "DATE", "WORK_OF_ART", "EVENT", "FAC", ""}
PLACE_PREPS = {"in", "near", "outside", "around", "at", "from", "to", "into", "towards",
               "toward", "via", "through", "across"}
LIST_GLUE = {"and", ", and", "or", ", or", "/", "&"}
_LIST_NEXT = re.compile(r"^\s*(?:,|and\b|or\b|&)")
MIN_POPULATION = 1_000
BIG_TITLE = 15_000  # a title-case word opening a line ("Reading: ...") must be a real town
MAX_TOKENS = 3
_TAIL = (r"(?P<qual>,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"  # ", Calif.", ", Philippines"
         r"(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2})?,?\s*"  # ", Apr 5"
         r"(?:\([A-Za-z .&]{1,30}\)\s*)?")  # "(AP)"
_CAPS = r"[A-Z][A-Z.'\u2019-]*[A-Z.](?:[ ][A-Z][A-Z.'\u2019-]*[A-Z.]){0,3}"
# anywhere in a line's opening: a capitalised place before the story dash or an agency
_CAPS_RUN = re.compile(r"(?<![A-Za-z])(?P<name>" + _CAPS + r")(?=" + _TAIL +
                       r"(?:--|[-\u2013\u2014:|]|(?<=\)\s)|(?<=\))))")
# at the very start of a line: a capitalised place, then the story (some feeds drop the dash),
# or a place in title case followed by a colon or dash ("Muscat: The festival ...")
_LINE_CAPS = re.compile(r"^\s*(?:By\s+)?(?P<name>" + _CAPS + r")(?=" + _TAIL +
                        r"(?:--|[-\u2013\u2014:|]|\s+[A-Z]))")
_LINE_TITLE = re.compile(r"^\s*(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+)?)(?=" + _TAIL +
                         r"(?:--|[-\u2013\u2014:|]))")
_QUALIFIER = re.compile(r"^,\s*([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})")


def dateline_spans(doc) -> list:
    """(name span, qualifier span or None) of the wire datelines the gazetteer knows (a town,
    state or country). Only the first 300 characters of each line are read: a dateline opens
    the story."""
    text, out = text_of(doc), []
    pos = 0
    for line in text.split("\n"):
        head = line[:300]
        found = list(_CAPS_RUN.finditer(head))
        title = _LINE_TITLE.match(head)
        for first in (_LINE_CAPS.match(head), title):
            if first and not any(m.start("name") == first.start("name") for m in found):
                found.insert(0, first)
        for m in found:
            name, offset = _dateline_name(m.group("name"), whole=m is title)
            if name is None:
                continue
            span = doc.char_span(pos + m.start("name") + offset,
                                 pos + m.start("name") + offset + len(name), alignment_mode="expand")
            if span is not None and not name.isupper() and span[0].pos_ != "PROPN":
                continue  # "Reading: ..." opens with a verb, "Muscat: ..." with a name
            qual = None
            if m.group("qual"):
                q0 = pos + m.start("qual") + len(m.group("qual")) - len(m.group("qual").lstrip(", "))
                qual = doc.char_span(q0, pos + m.end("qual"), alignment_mode="expand")
            if span is not None:
                out.append((span, qual))
        pos += len(line) + 1
    return out


def _dateline_name(run: str, whole: bool = False) -> tuple:
    """The known place a capitalised run ends with ("X. MANILA" -> "MANILA") and its offset
    in the run; (None, 0) when there is none. A title-case or short capital name must be a
    town of BIG_TITLE people ("NATO" is also a village)."""
    words = run.split(" ")
    for k in range(1 if whole else len(words)):
        name = " ".join(words[k:])
        if name.endswith(".") and not name.endswith(("ST.", "FT.", "MT.")):
            name = name.rstrip(".")
        small = not name.isupper() or (" " not in name and len(name) <= 4)
        if len(name.replace(" ", "")) >= 4 and _known(name, BIG_TITLE if small else MIN_POPULATION):
            return name, len(run) - len(" ".join(words[k:]))
    return None, 0


def _known(name: str, population: int) -> bool:
    return any(e.kind != "city" or e.population >= population for e in gazetteer().lookup(name))


CALENDAR_WORDS = {w.lower() for w in list(calendar.month_name) + list(calendar.day_name) if w}


def town(text: str) -> bool:
    """Whether `text` is the own name of a gazetteer town of some size (month and weekday
    names excepted: "in March" is a date before it is the Cambridgeshire town)."""
    if text.lower() in CALENDAR_WORDS:
        return False
    g = gazetteer()
    return any(e.kind == "city" and e.population >= MIN_POPULATION and g.is_primary(e, text)
               for e in g.lookup(text))


def proper_title(doc) -> list:
    """Per token of the parse: a title-case proper noun? (computed once per parse)"""
    return _per_parse(doc, "dateline_proper_title",
                      lambda d: [t.is_title and t.pos_ == "PROPN" for t in d])


def candidate_spans(doc, covered: set) -> list:
    """Capitalised spans outside the mentions found so far (token indices in `covered`) that
    name a gazetteer town: spaCy entities of other labels and unlabelled proper-noun runs."""
    spans, seen = [], set(covered)
    for ent in entities_of(doc):
        if ent.label_ in CANDIDATE_LABELS and not any(i in seen for i in range(ent.start, ent.end)):
            if ent.text[:1].isupper() and len(ent) <= MAX_TOKENS and town(ent.text):
                spans.append(ent)
                seen.update(range(ent.start, ent.end))
    ent_tokens = {i for ent in entities_of(doc) for i in range(ent.start, ent.end)}
    names = proper_title(doc)
    i, n_tok = 0, len(names)
    while i < n_tok:
        if i in seen or i in ent_tokens or not names[i]:
            i += 1
            continue
        hit = None
        for n in range(min(MAX_TOKENS, n_tok - i), 0, -1):
            if any(j in seen or j in ent_tokens for j in range(i, i + n)):
                continue
            span = doc[i:i + n]
            if span[-1].is_title and town(span.text):
                hit = span
                break
        if hit is not None:
            spans.append(hit)
            seen.update(range(hit.start, hit.end))
            i = hit.end
        else:
            i += 1
    return spans


def place_cue(span, places: list) -> str | None:
    """What marks `span` as a place in the text, or None. `places` are (start, end) character
    offsets of the toponyms found so far."""
    doc = span.doc
    prev = doc[span.start - 1] if span.start > 0 else None
    if prev is not None and prev.lower_ in PLACE_PREPS:
        return f"near-prep:{prev.lower_}"
    if prev is not None and prev.lower_ == "of" and span.start > 1 and doc[span.start - 2].text == ",":
        return "residence"  # "Jane Doe, of Hayes"
    tail = _QUALIFIER.match(text_of(doc)[span.end_char:span.end_char + 40])
    if tail and _admin(tail.group(1)):
        return "qualified"
    for start, end in places:
        gap = text_of(doc)[end:span.start_char] if end <= span.start_char else \
            text_of(doc)[span.end_char:start] if start >= span.end_char else None
        if gap is None or len(gap) > 6:
            continue
        if gap.strip() in LIST_GLUE or (gap.strip() == "," and _LIST_NEXT.match(
                text_of(doc)[span.end_char:span.end_char + 6])):
            return "list"  # "Nitra, Presov and Kosice"; a lone comma is not a list
    return None


def _admin(text: str) -> bool:
    from .rank import state_abbreviations

    if text in state_abbreviations():
        return True
    return any(e.kind != "city" for e in gazetteer().lookup(text))



def known_parts(span, usable) -> list:
    """The toponyms inside a name the gazetteer does not know as a whole, leftmost-longest, as
    judged by `usable(part)`: "Greece Italy" (a lost comma) -> Greece, Italy; "Asia-Pacific" ->
    Asia, Pacific; "north west London" -> London. A continent or sea after a direction word
    ("North Africa", "South Pacific") is not the whole continent: no part."""
    out, i = [], span.start
    doc = span.doc
    while i < span.end:
        hit = None
        for j in range(span.end, i, -1):
            part = doc[i:j]
            if (i, j) != (span.start, span.end) and part[0].text[:1].isupper() \
                    and part[-1].text[:1].isupper() and part.text.lower() not in compass_words() \
                    and usable(part):
                hit = part
                break
        if hit is not None:
            if not (hit.start > span.start and doc[hit.start - 1].lower_ in compass_words()
                    and any(e.kind in ("continent", "region") for e in candidates(hit.text))):
                out.append(hit)
            i = hit.end
        else:
            i += 1
    return out
