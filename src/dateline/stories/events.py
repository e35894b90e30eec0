"""Events deduplicated across a story's articles: one story event per real event, with one
mention per article that reports it.

Two article events are the same story event when they have the same PLOVER type, compatible
sides (source with source, target with target) and compatible dates. A side is compatible
when both are empty, when they name a common actor, or when their countries are the same
non-empty set; dates are compatible when equal or when either is unknown. One article
contributes at most one mention to a story event (two same-type events in one article are two
events, unless the article codes the same clause twice: that is one mention listing both
event ids). When the sides disagree, the evidence decides: the same clause (word Jaccard >=
SAME_CLAUSE) is the same event, as is a similar clause (>= SIMILAR_CLAUSE) with one side
unknown and the other agreeing; copies often resolve a side differently. Among compatible
story events the one whose evidence shares most words wins.
"""
from __future__ import annotations

from typing import Iterable, Optional

from .text import content_terms

SAME_CLAUSE = 0.6      # evidence word Jaccard from which two same-type events are one
SIMILAR_CLAUSE = 0.3   # ... when one side is unknown and the other side agrees


def _side(side: Optional[list]) -> tuple[frozenset, frozenset]:
    names = frozenset((a.get("name") or a.get("text") or "").lower() for a in side or [])
    countries = frozenset(a.get("country") for a in side or [] if a.get("country"))
    return names - {""}, countries


def _sides_match(a: tuple, b: tuple) -> bool:
    (na, ca), (nb, cb) = a, b
    if not na and not nb:
        return True
    if na & nb:
        return True
    return bool(ca) and ca == cb


def _date(ev: dict) -> Optional[str]:
    return (ev.get("date") or {}).get("value")


class _Group:
    def __init__(self, ev: dict, article_id: str):
        self.first = ev
        self.type = ev["type"]
        self.source = _side(ev.get("source"))
        self.target = _side(ev.get("target"))
        self.date = _date(ev)
        self.words = set(content_terms((ev.get("evidence") or {}).get("text", "")))
        self.mentions: list[dict] = []
        self.articles: set = set()
        self.add(ev, article_id)

    def add(self, ev: dict, article_id: str) -> None:
        self.mentions.append({"article_id": article_id, "event_id": ev.get("id"),
                              "event_ids": [ev.get("id")],
                              "evidence": (ev.get("evidence") or {}).get("text", "")})
        self.articles.add(article_id)
        self.date = self.date or _date(ev)

    def accepts(self, ev: dict, article_id: str) -> bool:
        d = _date(ev)
        if (ev["type"] != self.type or article_id in self.articles
                or (d and self.date and d != self.date)):
            return False
        src, tgt = _side(ev.get("source")), _side(ev.get("target"))
        if _sides_match(self.source, src) and _sides_match(self.target, tgt):
            return True
        overlap = self.overlap(ev)
        if overlap >= SAME_CLAUSE:  # the same clause, its sides resolved differently
            return True
        unknown = not any(src) or not any(tgt) or not any(self.source) or not any(self.target)
        return unknown and overlap >= SIMILAR_CLAUSE and (
            _sides_match(self.source, src) or _sides_match(self.target, tgt))

    def absorb(self, ev: dict, article_id: str) -> None:
        """A second coding of the same clause by one article: the same mention."""
        for m in self.mentions:
            if m["article_id"] == article_id:
                m["event_ids"].append(ev.get("id"))
                return

    def restates(self, ev: dict, article_id: str) -> bool:
        return (article_id in self.articles and ev["type"] == self.type
                and self.overlap(ev) >= SAME_CLAUSE)

    def overlap(self, ev: dict) -> float:
        words = set(content_terms((ev.get("evidence") or {}).get("text", "")))
        return len(words & self.words) / (len(words | self.words) or 1)

    def to_dict(self) -> dict:
        keep = ("type", "mode", "contexts", "quad", "cameo", "status", "source", "target",
                "location", "evidence", "attributed_to", "confidence")
        out = {k: self.first.get(k) for k in keep}
        out["date"] = self.first.get("date") or ({"text": None, "value": self.date, "end": None}
                                                 if self.date else None)
        out["mentions"] = self.mentions
        out["n_mentions"] = len(self.mentions)
        return out


def dedup_events(articles: Iterable[dict]) -> list[dict]:
    """Story events from contract article dicts (in story order): each is the first mention's
    event fields plus `mentions` [{article_id, event_id, event_ids, evidence}] (one per
    reporting article) and `n_mentions`."""
    groups: list[_Group] = []
    for art in articles:
        for ev in art.get("events") or []:
            fits = [g for g in groups if g.accepts(ev, art["id"])]
            again = [g for g in groups if g.restates(ev, art["id"])]
            if fits:
                max(fits, key=lambda g: g.overlap(ev)).add(ev, art["id"])
            elif again:
                max(again, key=lambda g: g.overlap(ev)).absorb(ev, art["id"])
            else:
                groups.append(_Group(ev, art["id"]))
    return [g.to_dict() for g in groups]
