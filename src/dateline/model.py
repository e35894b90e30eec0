"""The output contract (../shared/CONTRACT.md) in code.

Every stage reads and writes these dataclasses; `Article.to_dict()` is the one place that
defines the JSON shape users see, so changing a field here changes the contract.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
STATUSES = ("asserted", "future", "hypothetical", "negated", "alleged")
QUOTE_KINDS = ("direct", "indirect", "partial")


@dataclass
class Span:
    """A piece of the article text: offsets are into `Article.text`."""
    text: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end}


Mention = Span


@dataclass
class Actor:
    """One resolved participant of the article, with all the places it is mentioned."""
    id: str
    name: str
    country: Optional[str] = None
    sector: Optional[str] = None
    kind: str = "organisation"  # person | organisation | country | igo | group
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "country": self.country, "sector": self.sector,
                "kind": self.kind, "mentions": [m.to_dict() for m in self.mentions]}

    def ref(self, text: str) -> "ActorRef":
        """How an event side or a quote speaker points at this actor."""
        return ActorRef(text=text, name=self.name, country=self.country, sector=self.sector,
                        actor=self.id)


@dataclass
class ActorRef:
    """An actor as it fills one role: the words used there plus the resolved identity."""
    text: str
    name: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None
    actor: Optional[str] = None

    def to_dict(self) -> dict:
        return {"text": self.text, "name": self.name, "country": self.country,
                "sector": self.sector, "actor": self.actor}


@dataclass
class TimeRef:
    """A resolved date (or date range, with `end`) and the words that gave it."""
    text: Optional[str]
    value: str
    end: Optional[str] = None

    def to_dict(self) -> dict:
        return {"text": self.text, "value": self.value, "end": self.end}


@dataclass
class Place:
    text: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None

    def to_dict(self) -> dict:
        return {"text": self.text, "country": self.country, "lat": self.lat, "lon": self.lon}


@dataclass
class Event:
    id: str
    type: str
    evidence: Span
    mode: Optional[str] = None
    contexts: list[str] = field(default_factory=list)
    quad: Optional[str] = None
    cameo: Optional[str] = None
    source: list[ActorRef] = field(default_factory=list)
    target: list[ActorRef] = field(default_factory=list)
    status: str = "asserted"
    date: Optional[TimeRef] = None
    location: Optional[Place] = None
    attributed_to: Optional[str] = None
    confidence: float = 0.5
    mentions: list[Span] = field(default_factory=list)  # later references ("his arrest")

    def to_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "mode": self.mode, "contexts": list(self.contexts),
            "quad": self.quad, "cameo": self.cameo,
            "source": [a.to_dict() for a in self.source],
            "target": [a.to_dict() for a in self.target],
            "status": self.status,
            "date": self.date.to_dict() if self.date else None,
            "location": self.location.to_dict() if self.location else None,
            "evidence": self.evidence.to_dict(),
            "mentions": [m.to_dict() for m in self.mentions],
            "attributed_to": self.attributed_to,
            "confidence": round(float(self.confidence), 3),
        }


@dataclass
class Quote:
    id: str
    text: str
    start: int
    end: int
    kind: str = "direct"
    speaker: Optional[ActorRef] = None
    cue: Optional[Span] = None
    content: Optional[Span] = None  # attribution content holding `text` (partial; 'X, he said, Y')

    def to_dict(self) -> dict:
        return {"id": self.id,
                "speaker": self.speaker.to_dict() if self.speaker else None,
                "cue": self.cue.to_dict() if self.cue else None,
                "text": self.text, "start": self.start, "end": self.end, "kind": self.kind,
                "content": self.content.to_dict() if self.content else None}


@dataclass
class PlaceMention:
    """One toponym in the text (GeoNames-based gazetteer entry; fields None when unresolved).

    `role`: "literal" (a place on the map) or "metonymic" (the place names its people or
    government: "Moscow said"). `kind`: city | county | state | region | country | continent |
    site. `resolution`: "point" (lat/lon are the place's own), "containing" (a site or locality
    the gazetteer lacks, put at the place that contains it, named in `within`: an estimate),
    "contained" (a county put at the middle of its towns the article names); None unresolved.
    """
    text: str
    start: int
    end: int
    role: str
    geonameid: Optional[int] = None
    name: Optional[str] = None
    country: Optional[str] = None  # ISO3
    admin1: Optional[str] = None  # first-level division code (US state code)
    lat: Optional[float] = None
    lon: Optional[float] = None
    kind: Optional[str] = None
    resolution: Optional[str] = None
    within: Optional[str] = None

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "role": self.role,
                "geonameid": self.geonameid, "name": self.name, "country": self.country,
                "admin1": self.admin1, "lat": self.lat, "lon": self.lon, "kind": self.kind,
                "resolution": self.resolution, "within": self.within}


@dataclass
class TimeMention:
    """One time expression in the text as a TimeML TIMEX3: type DATE | TIME | DURATION | SET,
    value as TimeML writes it ("2025-03-10", "2025-W10", "P3Y", "PRESENT_REF")."""
    text: str
    start: int
    end: int
    type: str
    value: str

    def to_dict(self) -> dict:
        return {"text": self.text, "start": self.start, "end": self.end, "type": self.type,
                "value": self.value}


@dataclass
class Article:
    id: str
    input: str
    text: str
    url: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None
    language: str = "en"
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # The wire dateline split off the text's first paragraph ('KADUNA, Nigeria —'):
    # {"text", "place", "date" (YYYY-MM-DD or None)}; a fallback for event location and the
    # reference date, never part of `text` (so offsets into `text` skip it).
    dateline: Optional[dict] = None
    warnings: list[str] = field(default_factory=list)  # one line per problem met (stage failed, text cut)
    places: list[PlaceMention] = field(default_factory=list)  # every toponym, in text order
    times: list[TimeMention] = field(default_factory=list)  # every TIMEX3, in text order
    # Metadata kept for the store and later stages; not part of the JSON contract.
    site: Optional[str] = None
    author: Optional[str] = None

    def to_dict(self) -> dict:
        return {
            "id": self.id, "input": self.input, "url": self.url, "title": self.title,
            "published": self.published, "language": self.language,
            "dateline": self.dateline, "text": self.text,
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "warnings": list(self.warnings),
            "places": [p.to_dict() for p in self.places],
            "times": [t.to_dict() for t in self.times],
        }


@dataclass
class Story:
    """A group of articles about the same happening (filled by the stories stage)."""
    id: str
    title: str
    article_ids: list[str] = field(default_factory=list)
    score: float = 0.0

    def to_dict(self) -> dict:
        return {"id": self.id, "title": self.title, "article_ids": list(self.article_ids),
                "score": round(float(self.score), 4)}
