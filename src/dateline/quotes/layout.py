"""Attributions signalled by layout rather than by a reporting verb.

  * dash sign-off: a quote followed by a dash and a name, on its line or alone on the next one
    ('"..." — the trade minister, Ana Lopes'), the press-release and pull-quote convention;
  * lead-in line: a short line ending with a colon that names someone and has no reporting verb
    ('And from the agriculture minister:'), followed by the quote's paragraph;
  * transcript label: a paragraph opening with a speaker's name and a colon ('OKAFOR: We will
    ...', 'Ms Lund: ...'), the layout of interview and debate transcripts.

The first two return (cue (start, end) characters, speaker head token) or None. A lead-in with a reporting
verb ('Smith told reporters:') takes that verb as its cue.
"""
from __future__ import annotations

from typing import Optional

from . import marks, sentences

DASHES = ("\u2014", "\u2013", "\u2015", "--", "-")
MAX_SIGNOFF_WORDS = 14
MAX_LEADIN_WORDS = 16
SPEAKER_LABELS = ("PERSON", "ORG", "NORP", "GPE")


def _head_of(sp, start: int, end: int):
    """The speaker's head token in a short phrase: the last PERSON, else ORG..., else its root."""
    span = sp.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    for label in SPEAKER_LABELS:
        ents = [e for e in sentences.ents(sp) if e.label_ == label
                and span.start <= e.start and e.end <= span.end]
        if ents:
            return ents[0].root
    nouns = [t for t in span if t.pos_ in ("PROPN", "NOUN")]
    if not nouns:
        return None
    root = span.root
    return root if root.pos_ in ("PROPN", "NOUN") else nouns[-1]


def dash_signoff(sp, seg) -> Optional[tuple]:
    """'"..." — Name' : ((dash start, dash end), speaker token) or None."""
    text = sentences.text(sp)
    i = seg.end
    while i < len(text) and (text[i] in marks.CLOSE or text[i] in ".,!?"):
        i += 1
    j = i
    while j < len(text) and text[j] in " \t\u00a0":
        j += 1
    if j < len(text) and text[j] == "\n":  # the sign-off alone on the next line
        j += 1
        while j < len(text) and text[j] in " \t\u00a0":
            j += 1
    dash = next((d for d in DASHES if text.startswith(d, j)), None)
    if dash is None or (j == i and dash == "-"):  # a hyphen glued to the mark is not a dash
        return None
    a = j + len(dash)
    b = text.find("\n", a)
    b = len(text) if b < 0 else b
    phrase = text[a:b].strip()
    if not phrase or len(phrase.split()) > MAX_SIGNOFF_WORDS or phrase[0] in marks.OPEN:
        return None
    a = a + (len(text[a:b]) - len(text[a:b].lstrip()))
    head = _head_of(sp, a, a + len(phrase.rstrip(".")))
    return ((j, j + len(dash)), head) if head is not None else None


def lead_in(sp, seg, has_cue, speaker_of) -> Optional[tuple]:
    """A short colon-ending line right before the quote's paragraph, naming its speaker.

    `has_cue(tok) -> bool` tells reporting verbs; a line with one ('Coach Ben Adler told the club
    website:') gives that verb as the cue and `speaker_of(verb)` as the speaker."""
    text = sentences.text(sp)
    para_start = text.rfind("\n", 0, seg.start) + 1
    if text[para_start:seg.start].strip() not in ("",) + tuple(marks.OPEN):
        return None
    k = para_start - 1
    while k >= 0 and text[k] in "\n \t":
        k -= 1
    if k < 0 or text[k] != ":" or text[k + 1:para_start].count("\n") > 2:
        return None
    line_start = text.rfind("\n", 0, k) + 1
    line = text[line_start:k]
    if not line.strip() or len(line.split()) > MAX_LEADIN_WORDS or any(c in line for c in marks.OPEN):
        return None
    span = sp.char_span(line_start, k, alignment_mode="expand")
    if span is None:
        return None
    verb = next((t for t in span if has_cue(t)), None)
    if verb is not None:
        who = speaker_of(verb)
        return ((verb.idx, verb.idx + len(verb.text)), who) if who is not None else None
    head = _head_of(sp, line_start, k)
    return ((k, k + 1), head) if head is not None else None


MAX_LABEL_WORDS = 3


def transcript_label(sp, start: int) -> Optional[tuple]:
    """'NAME: words' at character `start` (a paragraph's start, after any opening mark):
    ((colon start, colon end), speaker token, start of the words) or None.

    The label must name a person: tagged PERSON, or equal (case aside) to a person's full name or
    surname named elsewhere in the text ('WALLACE' after 'Chris Wallace'); all-capital labels
    that name no one ('UPDATE:', 'WASHINGTON:') are not speakers."""
    text = sentences.text(sp)
    colon = text.find(":", start, start + 60)
    if colon < 0 or "\n" in text[start:colon]:
        return None
    label = text[start:colon].strip()
    words = label.split()
    if not words or len(words) > MAX_LABEL_WORDS or not all(w[:1].isupper() for w in words):
        return None
    span = sp.char_span(start, colon, alignment_mode="expand")
    if span is None or not len(span):
        return None
    people = [e for e in sentences.ents(sp) if e.label_ == "PERSON"]
    inside = [e for e in people if span.start <= e.start and e.end <= span.end]
    known = {e.text.lower() for e in people} | {e[-1].text.lower() for e in people}
    if not inside and label.lower() not in known and words[-1].lower() not in known:
        return None
    body = colon + 1
    while body < len(text) and text[body] in " \t":
        body += 1
    if body >= len(text) or text[body] == "\n":
        return None
    head = inside[0].root if inside else span[-1]
    return (colon, colon + 1), head, body


MAX_HEADLINE_LABEL_WORDS = 6


def headline_label(sp, is_source) -> Optional[tuple]:
    """'Source: claim' as the article's first line, the headline convention ('Poll: Sanders Leads
    in Iowa', 'Gazprom: Russia to cut gas to Ukraine'): ((colon start, colon end), speaker token,
    (claim start, claim end)) or None.

    The label (at most MAX_HEADLINE_LABEL_WORDS words, no reporting verb needed) must hold a
    person, organisation or country (`SPEAKER_LABELS`) or a noun `is_source(tok)` accepts
    ('Poll'); section labels ('UPDATE:', 'READ MORE:') hold none."""
    text = sentences.text(sp)
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    colon = text.find(":", start, end)
    if colon <= start or len(text[start:colon].split()) > MAX_HEADLINE_LABEL_WORDS:
        return None
    body = colon + 1
    while body < end and text[body] in " \t":
        body += 1
    stop = end
    while stop > body and text[stop - 1].isspace():
        stop -= 1
    if len(text[body:stop].split()) < 3 or text[colon + 1:colon + 2] not in (" ", "\t"):
        return None
    span = sp.char_span(start, colon, alignment_mode="expand")
    if span is None or not len(span):
        return None
    ents = [e for e in sentences.ents(sp) if e.label_ in SPEAKER_LABELS and span.start <= e.start and e.end <= span.end]
    if ents:
        return (colon, colon + 1), ents[-1].root, (body, stop)
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN") and is_source(t)]
    return ((colon, colon + 1), nouns[-1], (body, stop)) if nouns else None
