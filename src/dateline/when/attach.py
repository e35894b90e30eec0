"""Give each event the time expression that governs it (the pipeline component).

Only an expression attached in the dependency tree to the event's predicate counts (inside the
evidence or elsewhere in its sentence; through control complements, participle clauses, later
conjuncts, the noun's own clause, or the occasion it was said on). An expression that hangs off
another clause's verb is left alone even inside the evidence: its date belongs to that clause,
and a wrong date is worse than none. Tense (for "on Tuesday", "in March") comes from the event's
status when it is future, else from the parse of the verb the expression hangs off.
"""
from __future__ import annotations

import calendar as pycal
import functools
import re
from typing import Optional

from . import calendar as cal
from . import lexicon as lx
from .resolve import parse_anchor, resolve_match, to_timeref
from .tagger import Match, tag
from ..nlp import text_of

VERBAL = ("VERB", "AUX")
NOMINAL = ("NOUN", "PROPN", "PRON")
# "now", "currently": true of the time of writing, but they do not date an event
UNDATING = ("present",)
NOUN_MODIFIER = ("compound", "nmod", "amod", "nummod", "poss")
INSIDE_FALLBACK = False  # an evidence-internal expression not attached to the predicate
CORE_ARGS = ("dobj", "nsubj", "nsubjpass", "attr", "oprd")
FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}


@functools.lru_cache(maxsize=None)
def future_cues() -> frozenset:
    return frozenset(lx.word_list("future_cues.tsv"))


@functools.lru_cache(maxsize=None)
def forward_verbs() -> frozenset:
    return frozenset(lx.word_list("forward_verbs.tsv"))


def points_ahead(text: str, verb) -> bool:
    """'postponed until Monday', 'delayed to March': a deadline set by a verb that moves a
    happening later lies ahead of the time of writing, whatever the verb's tense."""
    return verb is not None and verb.lemma_.lower() in forward_verbs() and bool(
        re.match(r"\s*(?:until|till|til|to|into)\b", text, re.I))


@functools.lru_cache(maxsize=None)
def occasion_nouns() -> frozenset:
    return frozenset(lx.word_list("occasion_nouns.tsv"))


def _span(sdoc, start: int, end: int):
    return sdoc.char_span(start, end, alignment_mode="expand")


def governor(tok):
    """The verb a token hangs off (itself if it is one); the sentence root as a last resort."""
    t = tok
    for _ in range(60):
        if t.pos_ in VERBAL and t.dep_ not in ("aux", "auxpass"):
            return t
        if t.head.i == t.i:
            return t
        t = t.head
    return t


def tense_of(verb) -> str:
    """'future' (will / shall / a plan-like head), 'past' (past tense or perfect), else 'present'."""
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_AUX:
            return "future"
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        cue = head.lemma_.lower()
        if cue == "be" or head.lower_ == "going":
            return "future"  # "is to resume", "is going to visit"
        if cue in future_cues():
            if head.tag_ in ("VBN", "JJ") or tense_of(head) != "past":
                return "future"  # "set to resume", "plans to visit"
            return "present"  # "agreed to buy ... in February": ahead of a past time only
    if "Past" in verb.morph.get("Tense") or any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
        return "past"
    if verb.tag_ == "MD":
        return "future"
    if any(c.dep_ == "aux" and c.tag_ == "VBD" for c in verb.children):
        return "past"
    return "present"


def tense_at(sdoc, start: int, end: int, default: str = "present") -> str:
    """Tense of the clause a character span sits in ('present' reads as: nearest)."""
    span = _span(sdoc, start, end) if sdoc is not None else None
    if span is None:
        return default
    gov = governor(span.root)
    if points_ahead(text_of(sdoc)[start:end], gov):
        return "future"
    return tense_of(gov)


def _attached(expr_root, pred) -> bool:
    """Does the expression modify the predicate (directly, via a noun phrase, or through a
    shared conjunction / control verb)?"""
    gov = None
    t = expr_root
    via_noun = False
    for _ in range(60):
        if t.i == pred.i:
            return True
        if t.pos_ in VERBAL and t.dep_ not in ("aux", "auxpass"):
            gov = t
            break
        if t.i != expr_root.i and t.pos_ in NOMINAL:
            via_noun = True
        if t.head.i == t.i:
            break
        t = t.head
    if gov is None or via_noun:
        return False  # "results to March 2005": it dates a thing, not the clause
    if _linked(gov, pred, expr_root.i):
        return True
    if gov.dep_ in ("acl", "relcl") and gov.head.i == pred.i:
        return True  # "a letter made public on Tuesday": the noun's own clause
    if gov.dep_ in ("acl", "relcl") and gov.head.lemma_.lower() in occasion_nouns():
        # "In a statement issued on Wednesday, Beijing condemned ...": the occasion's date
        occasion = gov.head
        return occasion.dep_ == "pobj" and occasion.head.head.i == pred.i
    # a nominal event that is the verb's own argument ("made a visit on Tuesday"), not one
    # inside an adjunct ("visits Vietnam on June 19, after his visit to Korea")
    return pred.pos_ not in VERBAL and _core_noun(pred).head.i == gov.i and \
        _core_noun(pred).dep_ in CORE_ARGS


def _core_noun(pred):
    """'a new round of talks has been postponed': the noun phrase's head ('round') carries
    the event noun ('talks') into the clause."""
    t = pred
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.lower_ == "of" \
                and t.head.head.pos_ in NOMINAL:
            t = t.head.head
        elif t.dep_ == "prep" and t.lower_ == "of" and t.head.pos_ in NOMINAL:
            t = t.head
        else:
            break
    return t


def _edges(v, expr_i: int):
    """Clauses that share their time with verb `v`: a control complement ("plans to visit"),
    a participle clause ("..., detaining seven"), a later conjunct ("met on Monday and signed")."""
    def shares(child) -> bool:
        if child.dep_ == "xcomp":
            return True
        if child.dep_ == "advcl" and child.tag_ == "VBG":
            return True
        return child.dep_ == "conj" and child.pos_ in VERBAL and expr_i < child.i

    for c in v.children:
        if shares(c):
            yield c
    if v.head.i != v.i and shares(v):
        yield v.head


def _linked(gov, pred, expr_i: int, hops: int = 2) -> bool:
    frontier, seen = [gov], {gov.i}
    for _ in range(hops):
        nxt = []
        for v in frontier:
            for w in _edges(v, expr_i):
                if w.i == pred.i:
                    return True
                if w.i not in seen:
                    seen.add(w.i)
                    nxt.append(w)
        frontier = nxt
    return False


def _event_tense(event, gov) -> str:
    if event.status == "future":
        return "future"
    return tense_of(gov) if gov is not None else "present"


def _contradicts(event, p, anchor) -> bool:
    """A future event dated wholly before the time of writing took the date of the clause
    that announced it ("agreed last week to extend sanctions")."""
    return event.status == "future" and anchor is not None and p.end < anchor


def _after_writing(event, p, anchor) -> bool:
    """An event its article asserts but dates wholly after the time of writing ("talks ...
    postponed until Monday" in Sunday's paper) has not happened yet: it is future."""
    return event.status == "asserted" and anchor is not None and p.start > anchor


def _predicates(espan) -> list:
    """The evidence's head word in each sentence it touches, the longest part first
    (an evidence may start with a dateline such as "Belgrade (EFE).-")."""
    parts = []
    for sent in espan.sents:
        lo, hi = max(sent.start, espan.start), min(sent.end, espan.end)
        if hi > lo:
            parts.append((hi - lo, espan.doc[lo:hi].root))
    return [root for _, root in sorted(parts, key=lambda x: -x[0])]


def _names_a_thing(root, pred) -> bool:
    """A date before a noun ("broke the June 17 ceasefire") names the thing, not the time of
    the event; unless the noun is the event or its subject ("Wednesday's talks ended")."""
    if root.dep_ not in NOUN_MODIFIER or root.head.i < root.i:
        return False
    noun = root.head
    if noun.i == pred.i:
        return False
    return not (noun.dep_ in ("nsubj", "nsubjpass") and noun.head.i == pred.i)


def _candidates(pred, matches: list[Match], inside: list[Match], sdoc) -> list:
    sent = pred.sent
    out = []
    for m in matches:
        if m.start < sent.start_char or m.end > sent.end_char or m.rule in UNDATING:
            continue
        mspan = _span(sdoc, m.start, m.end)
        if mspan is None:
            continue
        if _names_a_thing(mspan.root, pred):
            continue
        attached = _attached(mspan.root, pred)
        if attached or (INSIDE_FALLBACK and m in inside):
            rank = (0 if attached else 1, 0 if m in inside else 1, abs(mspan.root.i - pred.i))
            out.append((rank, m, governor(mspan.root)))
    return out


def choose(event, matches: list[Match], sdoc) -> Optional[tuple[Match, object]]:
    """The expression that governs `event` and the verb it hangs off (None if unparsed)."""
    ev = event.evidence
    inside = [m for m in matches if m.start >= ev.start and m.end <= ev.end
              and m.rule not in UNDATING]
    espan = _span(sdoc, ev.start, ev.end) if sdoc is not None else None
    if espan is None:
        return None
    for pred in _predicates(espan):
        scored = _candidates(pred, matches, inside, sdoc)
        if scored:
            scored.sort(key=lambda x: x[0])
            return scored[0][1], scored[0][2]
    return None


FULL_DATE_RULES = ("mdy", "dmy", "iso", "dotted", "numeric")


def _stated_dates(matches: list[Match]) -> list:
    """Days the article states in full (day, month and year): a caption or dateline date."""
    days = []
    for m in matches:
        if m.rule in FULL_DATE_RULES and m.groups.get("y"):
            p = resolve_match(m, None)
            if p is not None and p.start == p.end:
                days.append(p.start)
    return days


def _weekday_of_stated_date(m: Match, stated: list):
    """Without a publication date, 'on Saturday' is dated only when the article states in full
    exactly one day that is a Saturday (a caption's "Jun. 28, 2025"); anything else is a guess.
    Expressions that carry their own year resolve as usual."""
    if m.rule == "weekday" and not m.groups.get("shift"):
        wd = lx.weekdays()[m.groups["wd"].lower()]
        same = {d for d in stated if d.weekday() == wd}
        if len(same) == 1:
            return cal.day(same.pop())
        return None
    return resolve_match(m, None)


def dateline_date(article):
    """The date of the article's dateline ("KYIV, June 3 (Reuters) -"), when clean found one:
    the anchor for articles that carry no publication date."""
    dl = getattr(article, "dateline", None)
    value = dl.get("date") if isinstance(dl, dict) else getattr(dl, "date", None)
    return parse_anchor(value) if value else None


_MONTHS = {m.lower(): i for i, m in enumerate(pycal.month_abbr) if m}
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[/-](\d{1,2}|[A-Za-z]{3})[/-](\d{1,2})(?!\d)")


def url_date(url):
    """The date a news address carries ("/2013-01-28/", "/2017/03/27/", "/2008/may/23/"):
    the anchor for articles that carry no publication date and no dated dateline."""
    for m in _URL_DATE.finditer(url or ""):
        year, month, day = m.groups()
        month = _MONTHS.get(month.lower()) if month.isalpha() else int(month)
        try:
            return parse_anchor(f"{int(year):04d}-{month:02d}-{int(day):02d}") if month else None
        except (TypeError, ValueError):
            continue
    return None


def _times(text: str, anchor, sdoc, tagged=None) -> list:
    from ..model import TimeMention
    from .timex import annotate

    try:
        return [TimeMention(t.text, t.start, t.end, t.type, t.value)
                for t in annotate(text, anchor, sdoc, tagged)]
    except Exception:  # an odd text keeps its events' dates; it only loses the time list
        return []


def resolve_dates(doc) -> None:
    """Set `event.date` for each event of `doc.article` whose date the text states."""
    article = doc.article
    anchor = parse_anchor(article.published) or dateline_date(article) or \
        url_date(getattr(article, "url", None))
    matches = doc.time_expressions
    if matches is None:
        matches = tag(article.text or "")
        doc.time_expressions = matches
    article.times = _times(article.text or "", anchor, doc.spacy, matches)
    stated = _stated_dates(matches) if anchor is None else []
    for event in article.events:
        try:
            picked = choose(event, matches, doc.spacy)
            if picked is None:
                continue
            m, gov = picked
            if anchor is None:
                p = _weekday_of_stated_date(m, stated)
            else:
                tense = "future" if points_ahead(m.text, gov) else _event_tense(event, gov)
                p = resolve_match(m, anchor, tense)
            if p is not None and not _contradicts(event, p, anchor):
                event.date = to_timeref(m.text, p)
                if _after_writing(event, p, anchor):
                    event.status = "future"
        except Exception:  # an odd event (bad offsets, unparsed text) keeps its null date
            continue
    _dateline_dates(article)


def _dateline_dates(article) -> None:
    """A dateline that states its own day ("Burkina Faso, 13 February 2020:", "KYIV, June 3
    (Reuters) -") dates the lead: an asserted event of the first paragraph with no date of its
    own happened on that day (issue 7, kind 5: the dateline is a fallback for the date)."""
    day = dateline_date(article)
    if day is None:
        return
    from ..model import TimeRef

    dl = article.dateline
    words = dl.get("text") if isinstance(dl, dict) else getattr(dl, "text", None)
    text = article.text or ""
    lead_end = text.find("\n\n")
    lead_end = len(text) if lead_end < 0 else lead_end
    for event in article.events:
        ev = getattr(event, "evidence", None)
        if event.date is None and event.status == "asserted" and ev is not None and \
                ev.start < lead_end:
            event.date = TimeRef(text=words, value=day.isoformat())
