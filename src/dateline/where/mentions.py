"""Find place-name mentions in a parsed text and tell literal places from metonyms.

A mention is a spaCy GPE/LOC/FAC entity, or a gazetteer name spaCy missed or mislabelled
(a country, a US state, a region, a city of some size). Metonymy is read off the parse: a place
name that is the subject of an action or speech verb ("Pyongyang said"), the recipient of a
political verb ("accused Washington"), or the owner of an official ("Russia's ambassador") stands
for its people or government and puts nothing on the map.
"""
from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Optional

from ..paths import data_file, word_set
from .gazetteer import candidates, gazetteer
from .streets import street_spans
from .recall import candidate_spans, dateline_spans, known_parts, place_cue, proper_title, town
from ..nlp import entities_of, text_of

PLACE_LABELS = {"GPE", "LOC", "FAC"}
OTHER_LABELS = {"ORG", "PERSON", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"}
BIG_CITY = 100_000  # a capitalised name outside place entities counts only for towns this big
MAX_NGRAM = 4
NAME_LABELS = {"ORG", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT"}
# after a dateline place: ", Country", "(Agency)", "Apr 5", then the dash that opens the story
_DATELINE_TAIL = re.compile(r"^(?:,\s*[A-Z][\w.' -]{1,30}?)*\s*(?:\([^)\n]{1,30}\))?"
                            r"\s*(?:,?\s*[A-Z][a-z]{2,8}\.? \d{1,2})?\s*[-\u2013\u2014]")
_DATELINE_HEAD = re.compile(r"^\s*(?:By\s+)?(?:[A-Z][\w.' -]{1,30},\s*)?$")


@dataclass
class Mention:
    start: int  # character offsets into the text
    end: int
    text: str
    token_start: int
    token_end: int
    literal: bool = True
    cue: Optional[str] = None  # the syntactic reason for the literal/metonymic decision
    anchor_lemma: Optional[str] = None  # the word the name attaches to ("met in X" -> meet)
    anchor_pos: Optional[str] = None
    anchor_at: Optional[int] = None  # character offset of that word
    site: bool = False  # a street, building or park (its name ends in a facility word)
    weak: bool = False  # a candidate kept only if the document's other places agree (recall.py)
    street: bool = False  # a street named without its street word (streets.py): no lookup


@functools.lru_cache(maxsize=1)
def cues() -> dict:
    raw = json.loads(data_file("geo", "cues.json").read_text(encoding="utf-8"))
    return {k: set(v) for k, v in raw.items() if isinstance(v, list)}


def _trim(span):
    """Drop a leading determiner and a trailing possessive from an entity span."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in ("'", "’")):
        end -= 1
    return doc[start:end] if end > start else None


def _big_name(text: str) -> bool:
    """A name worth taking outside spaCy's place entities: an admin unit, or a big city
    called by its own name (alternate names and short all-caps forms are too often words)."""
    g = gazetteer()
    for e in g.lookup(text):
        if e.kind in ("province", "county"):
            # GeoNames divisions are often also words or surnames ("Western", "Logan"): only
            # a name that says what it is ("Morris County", "Northamptonshire") counts here
            if text.split()[-1].lower() in ("county", "parish", "province", "state", "region") \
                    or text.lower().endswith("shire"):
                return True
            continue
        if e.kind != "city":
            return True
        if e.population >= BIG_CITY and g.is_primary(e, text) and len(text) >= 4 \
                and (len(text) >= 5 or not text.isupper()):
            return True
    return False


LOCATIVE_BEFORE = {"in", "near", "outside", "around"}
SMALL_TOWN = 1_000


def _town_after_in(span) -> bool:
    """'in Riverdale', 'near Cirencester': after a locative preposition a name the gazetteer
    knows as a town (any size above SMALL_TOWN) is the town, whatever label spaCy gave it."""
    if span.start == 0 or span.doc[span.start - 1].lower_ not in LOCATIVE_BEFORE:
        return False
    g = gazetteer()
    return any(e.kind == "city" and e.population >= SMALL_TOWN and g.is_primary(e, span.text)
               for e in g.lookup(span.text))


def find_mentions(doc) -> list[Mention]:
    """Place-name mentions in reading order, each with its literal/metonymic reading."""
    out, taken = [], set()
    for ent in doc.ents:
        span = _trim(ent)
        if span is None:
            continue
        if ent.label_ in PLACE_LABELS or (ent.label_ in ("ORG", "NORP", "PERSON")
                                          and (_big_name(span.text) or _town_after_in(span))):
            out.append(_mention(span))
        elif ent.label_ in ("ORG", "PERSON") and _is_site(span):  # "Carnegie Library"
            out.append(_mention(span))
        elif ent.label_ in COERCIBLE and _coerced(span) and \
                (ent.label_ != "EVENT" or _embedded(span) is None):  # "at the Bank of England"
            out.append(_site(span))
        elif ent.label_ in OTHER_LABELS:
            embedded = _embedded(span) if ent.label_ in ("ORG", "EVENT") else None
            if embedded is not None and ent.label_ == "EVENT":
                # "the Dubai World Cup", "the Muscat Film Festival": where the event is held
                embedded.literal, embedded.cue = True, "embedded-event"
            if embedded is not None:
                out.append(embedded)
        taken.update(range(ent.start, ent.end))
    out.extend(_merged_towns(doc, out))
    out.extend(_gazetteer_mentions(doc, taken))
    out.extend(_unlabelled_sites(doc, taken, out))
    out = _with_datelines(doc, out)
    out = _split_unknown(doc, out)
    out = _with_streets(doc, out)
    out.extend(_repeats(doc, out))
    out.extend(_candidates(doc, out))
    out.sort(key=lambda m: m.start)
    return out


COERCIBLE = {"ORG", "FAC", "EVENT"}


def _coerced(span) -> bool:
    """An organisation, event or building the gazetteer lacks, named after a preposition of
    place ("met at the Bank of England", "fireworks inside Anfield", "at the World Cup"): a site
    where something happens (GeoWebNews' Coercion), unless the preposition marks a target
    ("took a swipe at Kelly"; cues.json directed_at) or a person's affiliation ("a professor at
    Cornell University"; the roles of data/actors/roles.tsv)."""
    doc, c = span.doc, cues()
    i = span.start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0 or doc[i].lower_ not in c["site_preps"] or not span.text[:1].isupper():
        return False
    if span.root.head.i != i:  # the preposition governs the name
        return False
    head = doc[i].head
    if head.lemma_.lower() in c["directed_at"] or head.lower_ in c["directed_at"]:
        return False
    if head.pos_ in ("NOUN", "PROPN") and (head.lemma_.lower() in role_nouns()
                                          or head.lower_ in role_nouns()):
        return False  # "a professor at Cornell University": an affiliation, not a site
    return not candidates(span.text) and not span.text.isupper()


@functools.lru_cache(maxsize=1)
def role_nouns() -> frozenset:
    """People's roles ("professor", "analyst", "employee"): the actor stage's list."""
    return word_set("actors", "roles.tsv")


def _site(span) -> Mention:
    m = _mention(span)
    m.site, m.literal = True, True
    m.cue = f"site:{m.cue}"
    return m


def _unlabelled_sites(doc, taken: set, found: list[Mention]) -> list[Mention]:
    """Capitalised runs spaCy left unlabelled that end in a facility word ("Princes Theatre",
    "Third Street"): sites, placed at the article's town when the gazetteer lacks them."""
    covered = set(taken) | {i for m in found for i in range(m.token_start, m.token_end)}
    names, words = proper_title(doc), facility_words()
    out, i, n = [], 0, len(names)
    while i < n:
        j = i
        while j < n and j not in covered and (names[j] or (j > i and doc[j].is_title
                                                          and doc[j].lower_ in words)):
            j += 1
        if j - i >= 2:
            span = doc[i:j]
            if _is_site(span) and span.start_char > 0 and doc[i].lower_ not in words:
                out.append(_mention(span))
        i = max(j, i + 1)
    return out


def _with_datelines(doc, found: list[Mention]) -> list[Mention]:
    """Wire datelines ("SAN DIEGO (AP) -", "MANILA, Philippines -") replace what spaCy made
    of their place; the place and its qualifier are literal (where the story was filed)."""
    spans = dateline_spans(doc)
    if not spans:
        return found
    names = [s for s, _ in spans]
    quals = [q for _, q in spans if q is not None]
    keep = [m for m in found if not any(m.start < s.end_char and m.end > s.start_char
                                        for s in names)]
    for m in keep:
        if any(m.start < q.end_char and m.end > q.start_char for q in quals):
            m.literal, m.cue = True, "dateline"
    for s in names:
        keep.append(Mention(s.start_char, s.end_char, s.text, s.start, s.end, True, "dateline",
                            None, None, None, False))
    return keep


def _with_streets(doc, found: list[Mention]) -> list[Mention]:
    """Street names of block, corner and "X and Y streets" phrases (streets.py) replace what
    the parse made of them: sites, never looked up in the gazetteer."""
    spans = street_spans(doc)
    if not spans:
        return found
    keep = [m for m in found if not any(m.start < s.end_char and m.end > s.start_char
                                        for s in spans)]
    for s in spans:
        m = _site(s)
        m.street = True
        keep.append(m)
        town = _town_after(s, keep)
        if town is not None:  # spaCy often makes one name of "Maple in Akron"
            keep.append(_mention(town))
    return keep


def _merged_towns(doc, found: list[Mention]) -> list[Mention]:
    """A town spaCy swallowed into another name after "in" ("the Children's Hospital of
    Manitoba in Winnipeg", "Maple in Akron" as one ORG): the town is a mention of its own."""
    out = []
    for ent in entities_of(doc):
        if ent.label_ in PLACE_LABELS:
            continue
        for tok in ent[1:-1]:
            if tok.lower_ == "in":
                town_span = _town_after(doc[ent.start:tok.i], found + out)
                if town_span is not None and town_span.end <= ent.end:
                    out.append(_mention(town_span))
    return out


def _town_after(street, found: list[Mention]):
    """The town written right after a street ("... block of Maple in Akron"), when no
    mention holds it yet: a span of up to MAX_NGRAM title-case words the gazetteer knows."""
    doc = street.doc
    i = street.end
    if i >= len(doc) or doc[i].lower_ not in ("in", ","):
        return None
    for n in range(min(MAX_NGRAM, len(doc) - i - 1), 0, -1):
        span = doc[i + 1:i + 1 + n]
        if all(t.is_title for t in span) and (_big_name(span.text) or town(span.text)) \
                and not any(f.start < span.end_char and f.end > span.start_char for f in found):
            return span
    return None


def _split_unknown(doc, found: list[Mention]) -> list[Mention]:
    """A name the gazetteer does not know as a whole stands for the places inside it
    (recall.known_parts); a street or building keeps its name and gives up its owner
    ("Harare's Third Street": Harare, then Third Street)."""
    out = []
    for m in found:
        if m.cue == "embedded" or m.token_end - m.token_start < 2 or candidates(m.text):
            out.append(m)
            continue
        span = doc[m.token_start:m.token_end]
        if m.site:
            owner = [t.i for t in span if t.tag_ == "POS"]
            whole = doc[m.token_start:owner[0]] if owner else None
            parts = [whole] if whole is not None and len(whole) and _owner(whole) else []
            if not parts:
                out.append(m)
                continue
            for p in parts:
                own = _mention(p)
                own.weak = not _big_name(p.text)  # a small town must fit the story's places
                out.append(own)
            rest = doc[owner[0] + 1:m.token_end]
            if len(rest) > 1:
                out.append(_mention(rest))
            continue
        parts = known_parts(span, lambda p: _big_name(p.text))
        out.extend(_mention(p) for p in parts) if parts else out.append(m)
    return out


def _owner(span) -> bool:
    """The owner in "Harare's Third Street": a division or a town of some size."""
    return _big_name(span.text) or town(span.text)


def _candidates(doc, found: list[Mention]) -> list[Mention]:
    """Town names the text marks as places though spaCy gave them another label (recall.py);
    `weak`: kept only where the document's other places agree (rank.resolve)."""
    covered = {i for m in found for i in range(m.token_start, m.token_end)}
    places = [(m.start, m.end) for m in found]
    out = []
    for span in candidate_spans(doc, covered):
        if place_cue(span, places) is not None:
            m = _mention(span)
            m.weak = True
            out.append(m)
    return out


def _repeats(doc, found: list[Mention]) -> list[Mention]:
    """One sense per discourse: a town name taken once ("in Riverdale") is a place wherever
    else the article writes it, though spaCy labelled that other mention a person or nothing;
    not inside a longer name ("Nelson Mandela")."""
    g = gazetteer()
    names = {}
    for m in found:
        if m.cue != "embedded" and not m.site and m.text[:1].isupper() and g.lookup(m.text):
            toks = m.text.split()
            names.setdefault(toks[0], set()).add(len(toks))
    if not names:
        return []
    covered = set()
    for m in found:
        covered.update(range(m.token_start, m.token_end))
    known = {m.text for m in found}
    out = []
    for tok in doc:
        if tok.i in covered or tok.text not in names:
            continue
        for n in sorted(names[tok.text], reverse=True):
            span = doc[tok.i:tok.i + n]
            if span.text not in known or any(t.i in covered for t in span):
                continue
            ent = _entity_of(span)
            if ent is not None and (ent.start, ent.end) != (span.start, span.end):
                continue
            out.append(_mention(span))
            covered.update(range(span.start, span.end))
            break
    return out


def _entity_of(span):
    for ent in entities_of(span.doc):
        if ent.start <= span.start < ent.end or span.start <= ent.start < span.end:
            return ent
    return None


@functools.lru_cache(maxsize=1)
def facility_words() -> frozenset:
    return frozenset(w.lower() for w in word_set("geo", "facility_words.tsv"))


def _is_site(span) -> bool:
    return len(span) > 1 and span[-1].lower_ in facility_words() and span[-1].text[:1].isupper()


def _embedded(span) -> Optional[Mention]:
    """A place name opening an organisation's name ("Texas A&M", "U.S. Department of Justice"):
    found, but never on the map: it names who, not where."""
    for n in range(min(3, len(span) - 1), 0, -1):
        part = span[:n]
        if part[-1].text[:1].isupper() and _big_name(part.text):
            return Mention(part.start_char, part.end_char, part.text, part.start, part.end,
                           False, "embedded")
    return None


def _gazetteer_mentions(doc, taken: set) -> list[Mention]:
    """Capitalised token runs outside entities that name a known admin unit or big city."""
    out, i = [], 0
    while i < len(doc):
        hit = None
        tok = doc[i]
        if i not in taken and tok.pos_ == "PROPN" and (tok.is_title or (tok.is_upper and len(tok) > 3)):
            for n in range(min(MAX_NGRAM, len(doc) - i), 0, -1):
                idx = range(i, i + n)
                if any(j in taken for j in idx) or not doc[i + n - 1].text[:1].isupper():
                    continue
                if _big_name(doc[i:i + n].text) or _town_after_in(doc[i:i + n]):
                    hit = doc[i:i + n]
                    break
        if hit is not None:
            out.append(_mention(hit))
            i = hit.end
        else:
            i += 1
    return out


def _in_dateline(span) -> bool:
    """A place that opens a line and is followed by the story dash ("MANILA, Philippines -")."""
    text = text_of(span.doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    head = text[line_start:span.start_char]
    return bool(_DATELINE_HEAD.match(head)) and bool(
        _DATELINE_TAIL.match(text[span.end_char:span.end_char + 80]))


def _mention(span) -> Mention:
    literal, cue = (True, "dateline") if _in_dateline(span) else reading(span)
    anchor = _anchor(span)
    return Mention(span.start_char, span.end_char, span.text, span.start, span.end, literal, cue,
                   anchor.lemma_, anchor.pos_, anchor.idx, _is_site(span))


def _anchor(span):
    """The word a place name attaches to: the verb or noun its preposition (or object) hangs on."""
    tok = span.root
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep":
        return head.head
    return head


def reading(span) -> tuple[bool, str]:
    """(literal?, cue) for a place-name span from its syntactic role."""
    c = cues()
    tok = span.root
    while tok.dep_ in ("conj", "appos") and tok.head is not tok:
        tok = tok.head
    head = tok.head
    dep = tok.dep_
    if dep == "pobj":
        return _prep_reading(head, c)
    if dep in ("nsubj", "csubj"):
        if head.lemma_ in c["stative_verbs"]:
            return True, f"subj-stative:{head.lemma_}"
        return False, f"subj:{head.lemma_}"
    if dep == "nsubjpass":
        return True, "subjpass"
    if dep == "dative":  # "sent Russia missiles": the recipient
        return False, f"dative:{head.lemma_}"
    if dep in ("dobj", "obj"):
        if head.lemma_ in c["recipient_verbs"]:
            return False, f"obj:{head.lemma_}"
        return True, f"obj:{head.lemma_}"
    if dep == "poss":
        agentive = head.lower_ in c["agentive_nouns"] or head.lemma_ in c["agentive_nouns"]
        return (not agentive), f"poss:{head.lower_}"
    if dep == "compound" and head.pos_ == "PROPN" and head.ent_type_ in NAME_LABELS:
        return False, f"name:{head.lower_}"  # "Cambridge Analytica", "Liverpool FC"
    if dep in ("compound", "amod", "nmod"):
        if head.lower_ in c["actor_nouns"] or head.lemma_ in c["actor_nouns"]:
            return False, f"mod:{head.lower_}"
        return True, f"mod:{head.lower_}"
    return True, f"dep:{dep}"


def _prep_reading(prep, c: dict) -> tuple[bool, str]:
    """A name after a preposition: literal unless the phrase is about dealings with its people."""
    word, gov = prep.lower_, prep.head
    if gov.lemma_ in c["interaction_nouns"] or gov.lower_ in c["interaction_nouns"]:
        if word in ("in", "at"):  # "talks in Geneva", "the war in Yemen": where they happen
            return True, f"prep:{word}:{gov.lower_}"
        return False, f"prep:{word}:{gov.lower_}"
    if word in c["metonymic_preps"] and gov.lemma_ not in c["place_nouns"]:
        return False, f"prep:{word}"
    if word == "to" and gov.lower_ in c["actor_nouns"]:  # "ambassador to Turkey": posted there
        return True, f"prep:to:{gov.lower_}"
    if word == "to" and gov.lemma_ in c["giving_verbs"]:  # "sold jets to Egypt": they go there
        return True, f"prep:to:{gov.lemma_}"
    if word == "of" and gov.lower_ in c["actor_nouns"]:  # "the president of Russia"
        return False, f"of:{gov.lower_}"
    return True, ("of" if word == "of" else f"prep:{word}")
