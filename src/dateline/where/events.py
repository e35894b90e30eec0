"""The pipeline component: each event's `location` from the places its own sentence names.

Conservative on purpose (the contract says a location is null when the article does not say):
an event gets a place named literally in its evidence or sentence; failing that, a visit gets the
place it is a visit to; failing that, a physical event gets the article's dateline or clearly
dominant place. Everything else stays null.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from ..model import Place, PlaceMention
from ..nlp import sentences_of
from .mentions import cues
from .parse import parse_doc
from .rank import candidates

SPECIFIC = {"city": 0, "region": 1, "state": 2, "country": 3, "continent": 4}
# "in X", "at X", "near X" ... locate what they attach to; "to X" and "visit X" only after a visit
LOCATIVE = {"prep:in", "prep:at", "prep:near", "prep:inside", "prep:outside", "prep:throughout",
            "prep:across", "prep:around", "prep:within", "prep:outside"}
PHYSICAL = {"PROTEST", "ASSAULT", "COERCE", "MOBILIZE", "AID", "RETREAT", "COOPERATE", "SANCTION"}
DATELINE = re.compile(r"^\s*([A-Z][A-Za-z .'-]{1,40}?(?:, [A-Z][A-Za-z .'-]{1,30})?)"
                      r"\s*(?:\([A-Za-z .]+\)\s*)?[-\u2013\u2014:]{1,2}\s")
DOMINANT_SHARE = 0.6


def resolve_places(doc) -> None:
    """Set `article.places` (every toponym) and `event.location` for the events of
    `doc.article` (null when the text does not say)."""
    if doc.spacy is None:
        return
    places = _places(doc)
    doc.places = places
    doc.article.places = [_mention(p) for p in places]
    events = getattr(doc.article, "events", None) or []
    if not events:
        return
    literal = [p for p in places if p["literal"] and p["lat"] is not None]
    fallback = _dateline_place(doc.article.text, places) or \
        _given_dateline(getattr(doc.article, "dateline", None)) or _dominant(literal)
    for event in events:
        try:
            event.location = _event_place(event, doc, literal, fallback)
        except Exception:
            continue


def _places(doc) -> list[dict]:
    actors = Counter(a.country for a in getattr(doc.article, "actors", []) or [] if a.country)
    return parse_doc(doc.spacy, actors, doc.actor_index)


def _mention(p: dict) -> PlaceMention:
    r = (lambda v: round(v, 4) if v is not None else None)
    return PlaceMention(text=p["text"], start=p["start"], end=p["end"],
                        role="literal" if p["literal"] else "metonymic",
                        geonameid=p.get("geonameid"), name=p["name"], country=p["country"],
                        admin1=p.get("admin1"), lat=r(p["lat"]), lon=r(p["lon"]),
                        kind=p.get("kind"), resolution=p.get("resolution"),
                        within=p.get("within"))


def _to_place(p: dict) -> Place:
    return Place(text=p["text"], country=p["country"], lat=round(p["lat"], 4),
                 lon=round(p["lon"], 4))


def _sentence_bounds(doc, start: int, end: int) -> tuple[int, int]:
    lo, hi = start, end
    for sent in sentences_of(doc.spacy):  # Doc.sents is rebuilt on every access
        if sent.end_char > start and sent.start_char < end:
            lo, hi = min(lo, sent.start_char), max(hi, sent.end_char)
    return lo, hi


def _best(found: list[dict]) -> Optional[dict]:
    if not found:
        return None
    return min(found, key=lambda p: (SPECIFIC.get(p["kind"], 5), p["start"]))


def _locates(p: dict, event, heads: set) -> bool:
    """Whether a literal place says where this event happens, not just where something is.

    "met in Helsinki" (the event's own verb + locative) and "visit Vietnam" do; "the violence in
    Syria" inside a demand, "for use in Ukraine" inside an accusation, "gas supplies to Ukraine"
    do not. `heads` are the character offsets of the evidence's root and its head: a statement is
    located only through them; a physical event also through any verb or noun of its sentence.
    """
    cue, lemma = p.get("cue") or "", p.get("anchor_lemma") or ""
    c = cues()
    ev = event.evidence
    inside = p["start"] >= ev.start and p["end"] <= ev.end
    visit = lemma in c["visit_lemmas"] and (cue.startswith("obj:") or cue in ("prep:to", "prep:in"))
    physical = event.type in PHYSICAL
    if physical and inside and (cue.startswith("obj:") or (cue == "of" and lemma in c["event_nouns"])):
        return True  # "shelled Goma", "the siege of Monrovia"
    if cue.count(":") == 2 and cue.rsplit(":", 1)[0] in LOCATIVE:
        # "talks in Geneva", "signed a deal in Lima": the venue of the event's own meeting or
        # agreement noun ("prep:in:talks", an interaction noun read as literal) locates it
        return lemma in c["meeting_nouns"] and inside
    if not (cue in LOCATIVE or visit):
        return False
    if physical or visit:  # "clashes in Belgrade", "in his first stop in Benin, he promised"
        return True
    if p.get("anchor_at") in heads:
        return True
    return lemma in c["meeting_nouns"] and inside  # a statement is located by its meeting


def _heads(doc, ev) -> set:
    span = doc.spacy.char_span(ev.start, ev.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    return {span.root.idx, span.root.head.idx}


def _event_place(event, doc, literal: list[dict], fallback: Optional[dict]) -> Optional[Place]:
    ev = event.evidence
    heads = _heads(doc, ev)
    usable = [p for p in literal if _locates(p, event, heads)]
    inside = [p for p in usable if p["start"] >= ev.start and p["end"] <= ev.end]
    lo, hi = _sentence_bounds(doc, ev.start, ev.end)
    in_sent = [p for p in usable if p["start"] >= lo and p["end"] <= hi]
    best = _best(inside) or _best(in_sent)
    if best is not None:
        return _to_place(best)
    if _is_visit(event, doc, ev):
        place = _visit_target(event)
        if place is not None:
            return place
    if fallback is not None and event.type in PHYSICAL:
        return _to_place(fallback)
    return None


def _is_visit(event, doc, ev) -> bool:
    if event.mode == "visit":
        return True
    if event.type != "CONSULT":  # "support ... ahead of his visit": the visit is another event
        return False
    span = doc.spacy.char_span(ev.start, ev.end, alignment_mode="expand")
    return span is not None and any(t.lemma_ in cues()["visit_lemmas"] for t in span)


def _visit_target(event) -> Optional[Place]:
    """The target of a visit, when the target is itself a place name ("visit Vietnam")."""
    for ref in event.target or []:
        cands = [e for e in candidates(ref.text or "") if e.kind in ("country", "city", "state")]
        if cands:
            e = max(cands, key=lambda e: (e.kind == "country", e.population))
            return Place(text=ref.text, country=e.country, lat=round(e.lat, 4), lon=round(e.lon, 4))
    return None


def _dateline_place(text: str, places: list[dict]) -> Optional[dict]:
    """The place of a wire dateline ("KYIV, Ukraine (Reuters) -"): where the story was filed."""
    m = DATELINE.match(text[:120])
    if not m:
        return None
    for p in places:
        if p["start"] >= m.start(1) and p["end"] <= m.end(1) and p["lat"] is not None:
            return p
    return None


def _given_dateline(dateline) -> Optional[dict]:
    """The place of the dateline the cleaning stage split off the text ("Burkina-Faso, 13
    February 2020:", "KADUNA, Nigeria —"): the last comma part the gazetteer knows, preferring
    a country (issue 7, kind 5: the dateline is a fallback for the place, never an actor)."""
    place = dateline.get("place") if isinstance(dateline, dict) else \
        getattr(dateline, "place", None)
    if not place:
        return None
    for part in reversed([x.strip() for x in str(place).split(",") if x.strip()]):
        for form in dict.fromkeys((part, part.replace("-", " "), part.title(),
                                   part.replace("-", " ").title())):
            found = [e for e in candidates(form) if e.lat is not None]
            if found:
                e = max(found, key=lambda e: (e.kind == "country", e.population))
                return {"text": part, "name": e.name, "country": e.country, "lat": e.lat,
                        "lon": e.lon, "kind": e.kind, "start": -1, "end": -1}
    return None


def _dominant(literal: list[dict]) -> Optional[dict]:
    """The one literal place that most of the article's literal mentions point to, if any.
    Containment estimates (sites and localities put at their town) do not vote: they repeat
    a town already counted, or guess one."""
    literal = [p for p in literal if p.get("resolution") != "containing"]
    if len(literal) < 2:
        return None
    counts = Counter((p["name"], p["country"]) for p in literal)
    (key, n), = counts.most_common(1)
    if n >= 2 and n / len(literal) >= DOMINANT_SHARE:
        return next(p for p in literal if (p["name"], p["country"]) == key)
    return None
