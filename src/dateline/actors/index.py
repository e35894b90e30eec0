"""The hand-over object other stages use: which actor a character span refers to."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from ..model import Actor


def best_overlap(mentions, start: int, end: int) -> Optional[Actor]:
    """Of `mentions` ((start, end, actor) triples, in list order), the actor whose span best
    overlaps [start, end): largest overlap, then closest length; the first listed on a tie."""
    best, best_key = None, None
    for s, e, actor in mentions:
        overlap = min(e, end) - max(s, start)
        if overlap <= 0:
            continue
        key = (overlap, -abs((e - s) - (end - start)))
        if best_key is None or key > best_key:
            best, best_key = actor, key
    return best


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
        """The actor whose mention best overlaps [start, end) (largest overlap, then tightest;
        on a tie the mention listed first)."""
        return best_overlap(self._near(start, end), start, end)

    def _near(self, start: int, end: int) -> list:
        """The mentions that can overlap [start, end), in list order: those starting within
        the longest mention's length before `start` and before `end` (found by bisection over
        the starts, kept per length of the list, which only grows while the actor stage runs)."""
        ms = self.mentions
        if len(ms) < 32:
            return ms
        cache = self.__dict__.get("_starts")
        if cache is None or cache[0] != len(ms):
            order = sorted(range(len(ms)), key=lambda k: ms[k][0])
            cache = (len(ms), order, [ms[k][0] for k in order],
                     max(max(e - s for s, e, _ in ms), 0))
            self.__dict__["_starts"] = cache
        _, order, starts, longest = cache
        lo = bisect.bisect_right(starts, start - longest)
        hi = bisect.bisect_left(starts, end)
        return [ms[k] for k in sorted(order[lo:hi])]

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
