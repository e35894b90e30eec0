"""The hand-over object other stages use: which actor a character span refers to."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import Actor


@dataclass
class Place:
    start: int
    end: int
    text: str
    country: Optional[str]


@dataclass
class ActorIndex:
    """Mentions (char offsets into the article text) of resolved actors, plus toponyms that were
    used as places (not actors), for the quote, event and where stages."""
    mentions: list[tuple[int, int, Actor]] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    countries: dict[str, int] = field(default_factory=dict)  # home-country evidence (home.py)
    # ids of actors whose country is only the article's by default (resolve._focal_default):
    # later stages may replace it with the document's own evidence (a quote's speaker)
    defaulted: set = field(default_factory=set)

    def at(self, start: int, end: int) -> Optional[Actor]:
        """The actor whose mention best overlaps [start, end) (largest overlap, then tightest)."""
        best, best_key = None, None
        for s, e, actor in self.mentions:
            overlap = min(e, end) - max(s, start)
            if overlap <= 0:
                continue
            key = (overlap, -abs((e - s) - (end - start)))
            if best_key is None or key > best_key:
                best, best_key = actor, key
        return best

    def in_span(self, start: int, end: int) -> list[Actor]:
        """Actors with a mention inside [start, end), in order of their first mention there."""
        out: list[Actor] = []
        for s, e, actor in sorted(self.mentions, key=lambda m: m[0]):
            if s >= start and e <= end and actor not in out:
                out.append(actor)
        return out

    def is_place(self, start: int, end: int) -> bool:
        """True when a toponym overlapping [start, end) is used as a place, not as an actor."""
        return any(min(p.end, end) > max(p.start, start) for p in self.places)

    def places_in(self, start: int, end: int) -> list[Place]:
        return [p for p in self.places if p.start >= start and p.end <= end]
