"""Choose one gazetteer entry per mention.

Why these signals: a name alone is ambiguous ("Paris", "Springfield", "Georgia"); news disambiguates
by an explicit qualifier ("Paris, Texas"), by the other places and actors of the story (a story about
Texas towns means the Texan Paris), and otherwise by prominence (population; countries over towns).
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Optional

from .gazetteer import Entry, gazetteer
from .mentions import Mention

KIND_BASE = {"country": 12.0, "continent": 11.5, "state": 9.5, "region": 8.5, "county": 8.0}
CONTEXT_WEIGHT = 3.0
STATE_WEIGHT = 1.5
PRIMARY_BONUS = 2.0
CITY_OVER_STATE = 500_000  # "New York", "Washington": the big city, not the state


def candidates(text: str) -> list[Entry]:
    g = gazetteer()
    found = g.lookup(text)
    if not found and text.lower().endswith(("'s", "’s")):
        found = g.lookup(text[:-2])
    return found


def _qualifier(text: str) -> Optional[list[Entry]]:
    """Admin units a qualifier names ("Texas", "France", "Ill." is not handled)."""
    admins = [e for e in candidates(text) if e.kind in ("state", "country", "region")]
    return admins or None


def _fits(entry: Entry, admins: list[Entry]) -> bool:
    for a in admins:
        if a.kind == "state" and entry.admin1 == a.admin1:
            return True
        if a.kind in ("country", "region") and a.country and entry.country == a.country \
                and entry is not a:
            return True
    return False


def _first_guess(cands: list[Entry]) -> Optional[Entry]:
    """The reading taken before context is known: admin units first, then the biggest town."""
    admin = [e for e in cands if e.kind != "city"]
    if admin:
        best = max(admin, key=lambda e: KIND_BASE[e.kind])
        if sum(e.kind == best.kind for e in admin) > 1:
            return None  # "Orange County" is in eight states: no vote before context
        return best
    cities = sorted(cands, key=lambda e: -e.population)
    if len(cities) == 1 or (cities and cities[0].population >= 5 * max(cities[1].population, 1)):
        return cities[0]
    return None


def _score(entry: Entry, text: str, ctx: Counter, states: Counter, cands: list[Entry]) -> float:
    if entry.kind == "city":
        score = math.log10(entry.population + 1)
        if gazetteer().is_primary(entry, text):
            score += PRIMARY_BONUS
        if entry.population >= CITY_OVER_STATE and any(c.kind == "state" for c in cands):
            score += 10
    else:
        score = KIND_BASE[entry.kind]
    total = sum(ctx.values())
    if total and entry.country:
        score += CONTEXT_WEIGHT * ctx[entry.country] / total
    elif total and entry.kind in ("region", "continent"):
        score += CONTEXT_WEIGHT  # a sea or a multi-country region fits any story's countries
    n_states = sum(states.values())
    if n_states and entry.admin1:
        score += STATE_WEIGHT * states[entry.admin1] / n_states
    return score


def resolve(mentions: list[Mention], text: str, actor_countries: Counter | None = None
            ) -> list[Optional[Entry]]:
    """One entry (or None when the gazetteer has nothing) per mention, in order."""
    cands = [candidates(m.text) for m in mentions]
    quals: list[Optional[list[Entry]]] = [None] * len(mentions)
    for i, m in enumerate(mentions):
        if "," in m.text and not cands[i]:  # spaCy merged "Springfield, Illinois"
            head, _, tail = m.text.partition(",")
            cands[i], quals[i] = candidates(head.strip()), _qualifier(tail.strip())
        elif i + 1 < len(mentions) and text[m.end:mentions[i + 1].start].strip() == ",":
            quals[i] = _qualifier(mentions[i + 1].text)
        if quals[i]:
            fitting = [e for e in cands[i] if _fits(e, quals[i])]
            cands[i] = fitting or cands[i]
    guesses = [_first_guess(c) for c in cands]
    ctx = Counter(actor_countries or {})
    states = Counter()
    for g in guesses:
        if g is not None and g.country:
            ctx[g.country] += 1
            if g.admin1:
                states[g.admin1] += 1
    out = []
    for m, cs, g in zip(mentions, cands, guesses):
        if not cs:
            out.append(None)
            continue
        own_ctx, own_states = ctx.copy(), states.copy()
        if g is not None and g.country:  # a name does not vote for itself
            own_ctx[g.country] -= 1
            if g.admin1:
                own_states[g.admin1] -= 1
        out.append(max(cs, key=lambda e: _score(e, m.text, own_ctx, own_states, cs)))
    return place_sites(mentions, place_counties(out))


def place_sites(mentions: list[Mention], entries: list[Optional[Entry]]) -> list[Optional[Entry]]:
    """A street, building or park the gazetteer does not know ("Royal Street", "Manila
    Cathedral") stands at the town the article is about: its most often named town (the first
    named on a tie). Left unresolved when the article names no town."""
    towns = Counter()
    first = {}
    for m, e in zip(mentions, entries):
        if e is not None and e.kind == "city":
            towns[e] += 1
            first.setdefault(e, m.start)
    if not towns:
        return entries
    countries = Counter(e.country for e in entries if e is not None and e.country)
    town = max(towns, key=lambda e: (countries[e.country], towns[e], e.population, -first[e]))
    out = []
    for m, e in zip(mentions, entries):
        if e is None and m.site:
            e = Entry(m.text, "site", town.country, town.lat, town.lon, 0, town.admin1, None)
        out.append(e)
    return out


def place_counties(entries: list[Optional[Entry]]) -> list[Optional[Entry]]:
    """A county has no point of its own in the gazetteer: put it at the middle of the towns of
    its state that the same document names (local news names the county's towns), else keep
    its state's point."""
    towns: dict[str, list[Entry]] = {}
    for e in entries:
        if e is not None and e.kind == "city" and e.country == "USA" and e.admin1:
            towns.setdefault(e.admin1, []).append(e)
    out = []
    for e in entries:
        near = towns.get(e.admin1) if e is not None and e.kind == "county" else None
        if near:
            lats, lons = sorted(t.lat for t in near), sorted(t.lon for t in near)
            e = e._replace(lat=lats[len(lats) // 2], lon=lons[len(lons) // 2])
        out.append(e)
    return out
