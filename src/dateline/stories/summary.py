"""A story's card: title and one-line summary chosen from its articles (never generated),
date range, sources, key actors, event counts by quad class and the Top Stories score.

The title is the headline of the story's most central article (highest summed term cosine to
the other members; originals preferred over near-duplicate copies, earlier first on ties); the
summary is that article's lead sentence.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from datetime import date
from typing import Optional

from .text import cosine, strip_wire_prefix

KEY_ACTORS = 8
SUMMARY_CHARS = 300
RECENCY_DAYS = 2.0     # a story one RECENCY_DAYS newer outranks one with e times the sources
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])")


def central(members: list[dict]) -> dict:
    """The member (dicts with 'terms', 'copy_of', 'seq') most similar to all the others."""
    def key(m):
        total = sum(cosine(m["terms"], o["terms"]) for o in members if o is not m)
        return (m.get("copy_of") is None, round(total, 6), -m["seq"])
    return max(members, key=key)


def lead_sentence(text: str, limit: int = SUMMARY_CHARS) -> str:
    """The first sentence of the first paragraph that reads as prose, cut at a word if long."""
    paras = [p.strip() for p in re.split(r"\n\s*\n|\n", text or "") if p.strip()]
    para = next((p for p in paras if len(p.split()) >= 8), paras[0] if paras else "")
    first = _SENTENCE_END.split(para, maxsplit=1)[0].strip()
    if len(first) > limit:
        first = first[:limit].rsplit(" ", 1)[0] + " …"
    return first


def key_actors(articles: list[dict], limit: int = KEY_ACTORS) -> list[dict]:
    """Actors named by most articles: [{name, country, sector, articles}]."""
    seen: Counter = Counter()
    info: dict = {}
    for art in articles:
        for a in {(x.get("name") or "").strip(): x for x in art.get("actors") or []}.values():
            name = (a.get("name") or "").strip()
            if name:
                seen[name] += 1
                info.setdefault(name, {"country": a.get("country"), "sector": a.get("sector")})
    top = sorted(seen.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]
    return [{"name": n, **info[n], "articles": c} for n, c in top]


def score(n_sources: int, last_date: Optional[str], n_recent: int, n_older: int) -> float:
    """Top Stories rank: recency + coverage + growth, comparable across stories at any time.

    recency = days since 1970 of the story's last date / RECENCY_DAYS; coverage =
    ln(1 + distinct sources); growth = 0.5 ln((1 + articles on the last two days) /
    (1 + earlier articles)). An undated article counts as of the day it was stored.
    """
    day = date.fromisoformat(last_date) if last_date else date.today()
    recency = (day - date(1970, 1, 1)).days / RECENCY_DAYS
    return recency + math.log1p(n_sources) + 0.5 * math.log((1 + n_recent) / (1 + n_older))


def card(story_id: str, members: list[dict], articles: list[dict], events: list[dict]) -> dict:
    """The story card stored with the story (see store.stories.list_stories for its fields).

    `members` are sketch rows in story order ({article_id, seq, date, site, copy_of, terms}),
    `articles` the matching contract dicts, `events` the deduplicated story events.
    """
    by_id = {a["id"]: a for a in articles}
    best = by_id[central(members)["article_id"]]
    dates = sorted(m["date"] for m in members if m.get("date"))
    first, last = (dates[0], dates[-1]) if dates else (None, None)
    sources = Counter(m.get("site") or "unknown" for m in members)
    seen = sorted(m.get("date") or (m.get("ingested_at") or "")[:10] or None for m in members)
    seen = [d for d in seen if d]
    rank_last = seen[-1] if seen else None
    recent = sum(1 for d in seen if (date.fromisoformat(rank_last)
                                     - date.fromisoformat(d)).days <= 1)
    quads = Counter(e.get("quad") or "unknown" for e in events)
    return {
        "id": story_id,
        "title": strip_wire_prefix(best.get("title")) or lead_sentence(best["text"], 120),
        "summary": lead_sentence(best.get("text", "")),
        "first_date": first, "last_date": last,
        "n_articles": len(members), "n_sources": len(sources), "n_events": len(events),
        "sources": [{"site": s, "articles": n} for s, n in
                    sorted(sources.items(), key=lambda kv: (-kv[1], kv[0]))],
        "actors": key_actors(articles),
        "quad_counts": dict(sorted(quads.items())),
        "score": round(score(len(sources), rank_last, recent, len(seen) - recent), 6),
        "article_ids": [m["article_id"] for m in members],
    }
