"""How the event coder sees actors: the actor stage's index when present, else a stand-in.

The actor stage (dateline.actors) leaves `doc.actor_index` with `.at(start, end)`,
`.in_span(start, end)` and `.is_place(start, end)`. Without it (actor stage absent or failed) we
fall back on the article's actor mentions, then on spaCy's named entities passed through
`dateline.actors.lookup`, so the coder still works, only less well.
"""
from __future__ import annotations

from typing import Optional

from ..model import Actor

STATE = {"GOV", "MIL", "COP", "LEG", "JUD", "SPY"}  # a speaker's own state's organs
_ENT_LABELS = ("GPE", "NORP", "ORG", "PERSON", "LOC", "FAC")


def _lookup_fn():
    try:
        from ..actors import lookup  # type: ignore
        return lookup
    except Exception:
        return None


class MentionIndex:
    """A minimal index over (start, end, actor, is_place) mentions."""

    def __init__(self, mentions: list[tuple[int, int, Optional[Actor], bool]]):
        self.mentions = sorted(mentions, key=lambda m: (m[0], m[1]))

    def at(self, start: int, end: int) -> Optional[Actor]:
        for s, e, actor, _ in self.mentions:
            if actor is not None and s < end and start < e:
                return actor
        return None

    def in_span(self, start: int, end: int) -> list[Actor]:
        return [a for s, e, a, _ in self.mentions if a is not None and s < end and start < e]

    def is_place(self, start: int, end: int) -> bool:
        return any(p for s, e, _, p in self.mentions if s < end and start < e)


def _from_article(doc) -> Optional[MentionIndex]:
    mentions = [(m.start, m.end, a, False) for a in doc.article.actors for m in a.mentions]
    return MentionIndex(mentions) if mentions else None


def _from_entities(doc) -> MentionIndex:
    lookup = _lookup_fn()
    mentions = []
    for n, ent in enumerate(getattr(doc.spacy, "ents", ())):
        if ent.label_ not in _ENT_LABELS or lookup is None:
            continue
        try:
            hit = lookup(ent.text)
        except Exception:
            hit = None
        if not hit:
            continue
        actor = Actor(id=f"x{n}", name=hit.get("name") or ent.text, country=hit.get("country"),
                      sector=hit.get("sector"), kind=hit.get("kind") or "organisation")
        mentions.append((ent.start_char, ent.end_char, actor, ent.label_ in ("LOC", "FAC")))
    return MentionIndex(mentions)


def home_country(actors: list) -> Optional[str]:
    """The article's own country: the one most of its country-coded mentions belong to.

    Domestic groups ("rebels", "the government", "police") that the actor stage leaves
    without a country act for it: PLOVER codes them by the state they act in."""
    counts: dict[str, int] = {}
    for a in actors:
        c = a.country
        if c and len(c) == 3 and c.isupper() and c not in ("UNK",):
            counts[c] = counts.get(c, 0) + max(1, len(a.mentions))
    if not counts:
        return None
    best = max(counts, key=counts.get)
    total = sum(counts.values())
    return best if counts[best] / total >= 0.3 else None


def _speakers_own(doc, defaulted) -> None:
    """An unqualified office or force that the actor stage gave the article's country by
    default, and that is named only inside quotations of one speaker, is the speaker's own:
    "'Mr. Defense Minister, move 10 battalions to the border,' Chavez said" (issue 7, kind 1:
    the document's own evidence before the home-country default)."""
    quotes = [q for q in (getattr(doc.article, "quotes", None) or ())
              if q.speaker is not None and q.speaker.country and q.kind == "direct"]
    if not defaulted or not quotes:
        return
    for actor in doc.article.actors:
        if actor.id not in defaulted or not actor.mentions or actor.sector not in STATE:
            continue
        said = set()
        for m in actor.mentions:
            inside = [q for q in quotes if q.start <= m.start and m.end <= q.end]
            if not inside:
                break
            said.add(inside[0].speaker.country)
        else:
            if len(said) == 1:
                actor.country = said.pop()


class ActorView:
    """Actor look-ups by character span, plus the country of a place (for visit recipients)."""

    def __init__(self, doc):
        self.index = doc.actor_index or _from_article(doc) or _from_entities(doc)
        weights = getattr(self.index, "countries", None)
        if weights:  # the actor stage's evidence: dateline, headline, mentions (actors/home.py)
            from ..actors.home import home_country as _home, principal
            self.home = _home(weights)
            self.principal = principal(weights)
        else:
            self.home = home_country(doc.article.actors)
            self.principal = [self.home] if self.home else []
        self._lookup = _lookup_fn()
        self._date = getattr(doc.article, "published", None)
        _speakers_own(doc, getattr(self.index, "defaulted", None))

    def at(self, start: int, end: int) -> Optional[Actor]:
        try:
            return self.index.at(start, end)
        except Exception:
            return None

    def in_span(self, start: int, end: int) -> list[Actor]:
        try:
            return list(self.index.in_span(start, end))
        except Exception:
            return []

    def sharing(self, actor: Actor, start: int, end: int) -> list[Actor]:
        """Other actors the actor stage linked to the very words of `actor`'s mention over
        [start, end): "the two leaders" stands for both leaders named before."""
        spans = []
        for m in getattr(self.index, "mentions", ()):
            s, e, a = m[0], m[1], m[2]
            if a is actor and s < end and start < e:
                spans.append((s, e))
        out: list[Actor] = []
        for m in getattr(self.index, "mentions", ()):
            s, e, a = m[0], m[1], m[2]
            if (s, e) in spans and a is not None and a is not actor and a not in out:
                out.append(a)
        return out

    def is_place(self, start: int, end: int) -> bool:
        try:
            return bool(self.index.is_place(start, end))
        except Exception:
            return False

    def place_actor(self, text: str) -> Optional[Actor]:
        """A country-level stand-in for a place named as a visit's destination."""
        if self._lookup is None:
            return None
        try:
            hit = self._lookup(text, self._date)
        except TypeError:
            hit = self._lookup(text)
        except Exception:
            hit = None
        if not hit or not hit.get("country"):
            return None
        return Actor(id="", name=hit.get("name") or text, country=hit["country"],
                     sector=hit.get("sector"), kind=hit.get("kind") or "country")
