"""Choose one gazetteer entry per mention.

Why these signals: a name alone is ambiguous ("Paris", "Springfield", "Georgia"); news disambiguates
by an explicit qualifier ("Paris, Texas"), by the other places and actors of the story (a story about
Texas towns means the Texan Paris), and otherwise by prominence (population; countries over towns).
"""
from __future__ import annotations

import functools
import math
import re
from collections import Counter
from typing import Optional

from ..paths import data_file
from .gazetteer import Entry, candidates, compass_words, gazetteer, norm, strip_designator
from .mentions import Mention
from .recall import PLACE_PREPS
from .streets import road_words

KIND_BASE = {"country": 12.0, "continent": 11.5, "state": 9.5, "province": 9.0, "region": 8.5,
             "county": 8.0}
BARE_DIVISION = 6.0  # a county or province named without its designator: a town of 10,000
CONTEXT_WEIGHT = 3.0
SMALL_NAMESAKE = 10  # population ratio below which a town needs its state named (_needs_state)
STATE_WEIGHT = 3.0  # tuned on even GWN documents (1.5 -> 3.0), checked on odd and TR-News
PRIMARY_BONUS = 2.0
CITY_OVER_STATE = 500_000  # "New York", "Washington": the big city, not the state


def _qualifier(text: str) -> Optional[list[Entry]]:
    """Admin units a qualifier names ("Texas", "France", "Ill." is not handled)."""
    admins = [e for e in candidates(text) if e.kind in ("state", "country", "region")]
    return admins or None


@functools.lru_cache(maxsize=1)
def state_abbreviations() -> dict[str, str]:
    """'Pa.', 'PA', 'Ill.' -> state code (AP style and USPS codes; data/geo)."""
    out = {}
    for line in data_file("geo", "state_abbreviations.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, *forms = line.split("\t")
            for f in [code] + [x for f in forms for x in f.split("|") if x]:
                out[f] = code
    return out


_ABBR = re.compile(r"^,\s*([A-Z][A-Za-z.]{1,5})(?=[\s,;)]|$)")


def _state_abbreviation(after: str) -> Optional[list[Entry]]:
    """'Lebanon, Pa.' or 'Lebanon, PA 17042': a US state written the postal or AP way;
    'Brandon, Man.': a province abbreviation the gazetteer knows (data/geo/aliases.tsv)."""
    m = _ABBR.match(after)
    if not m:
        return None
    code = state_abbreviations().get(m.group(1))
    state = gazetteer().states.get(code) if code else None
    if state:
        return [state]
    return [e for e in gazetteer().lookup(m.group(1)) if e.kind in ("state", "region")] or None


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


def _says_division(text: str) -> bool:
    """"Kent County", "Northamptonshire", "Sichuan province": the name says it is a division."""
    low = text.lower()
    return low.endswith("shire") or strip_designator(text) is not None


def _needs_state(entry: Entry, states: Counter, cands: list[Entry]) -> bool:
    """A small town with a namesake ten times its size ("London, Kentucky" beside London) is
    not chosen for its country alone: the story must also name its state (Paris among
    Illinois towns is Paris, Illinois)."""
    if entry.kind != "city" or not entry.admin1 or states[entry.admin1]:
        return False
    biggest = max((c.population for c in cands if c.kind == "city"), default=0)
    return biggest >= SMALL_NAMESAKE * max(entry.population, 1)


def _score(entry: Entry, text: str, ctx: Counter, states: Counter, cands: list[Entry]) -> float:
    if entry.kind == "city":
        score = math.log10(entry.population + 1)
        if gazetteer().is_primary(entry, text):
            score += PRIMARY_BONUS
        if entry.population >= CITY_OVER_STATE and any(c.kind == "state" for c in cands):
            score += 10
    elif entry.kind in ("county", "province") and not _says_division(text):
        score = BARE_DIVISION  # "Salisbury" is the town before it is the district
    else:
        score = KIND_BASE[entry.kind]
    total = sum(ctx.values())
    if total and entry.country and not _needs_state(entry, states, cands):
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
    cands = [[] if m.street else candidates(m.text) for m in mentions]
    quals: list[Optional[list[Entry]]] = [None] * len(mentions)
    within: list[Optional[Entry]] = [None] * len(mentions)
    for i, m in enumerate(mentions):
        if "," in m.text and not cands[i]:  # spaCy merged "Springfield, Illinois"
            head, _, tail = m.text.partition(",")
            cands[i], quals[i] = candidates(head.strip()), _qualifier(tail.strip())
        elif i + 1 < len(mentions) and text[m.end:mentions[i + 1].start].strip() == ",":
            quals[i] = _qualifier(mentions[i + 1].text)
        if not quals[i]:
            quals[i] = _state_abbreviation(text[m.end:m.end + 12])
        if quals[i]:
            fitting = [e for e in cands[i] if _fits(e, quals[i])]
            cands[i] = fitting or cands[i]
        within[i] = _within_qualifier(m, cands[i], quals[i], mentions[i + 1:i + 2], text)
        if within[i] is not None:
            cands[i] = []
    keys = [norm(m.text) for m in mentions]
    picks = [None if m.weak else _first_guess(c) for m, c in zip(mentions, cands)]
    for _ in range(2):  # first from prominence, then again from the places chosen
        picks = _choose(mentions, cands, keys, picks, actor_countries)
    _one_sense(keys, picks, quals)
    _check_candidates(mentions, keys, picks, quals, actor_countries)
    for i, (m, at) in enumerate(zip(mentions, within)):
        if at is not None and picks[i] is None:
            picks[i] = _contained(m, at)
    return place_sites(mentions, place_counties(picks), text)


def _contained(m: Mention, at: Entry) -> Entry:
    """`m`, which the gazetteer lacks, put at the place `at` that contains it."""
    return Entry(m.text, "site", at.country, at.lat, at.lon, 0, at.admin1, None, "containing",
                 at.name)


LOCALITY_WITHIN = ("state", "province", "county")


def _within_qualifier(m: Mention, cands: list[Entry], quals, following: list[Mention],
                      text: str) -> Optional[Entry]:
    """The state, province or county a qualifier puts a name in when the gazetteer has no
    place of that name there ("CAMP MURRAY, Wash.", "in Matias Romero, Oaxaca State"): the
    name is a locality of that division, placed at its point. None otherwise."""
    if m.weak or m.street or not m.literal or not m.text[:1].isupper():
        return None
    if cands:  # only a postal or AP state abbreviation is sure to qualify, not a list
        states = _state_abbreviation(text[m.end:m.end + 12])
        if not states or any(e.kind != "city" or _fits(e, states) for e in cands):
            return None
        return states[0]
    if not following or text[m.end:following[0].start].strip() != "," \
            or _LIST_GOES_ON.match(text[following[0].end:following[0].end + 40]):
        return None
    admins = [e for e in candidates(following[0].text) if e.kind in LOCALITY_WITHIN]
    return admins[0] if len(admins) == 1 else None


_LIST_GOES_ON = re.compile(r"^\s*(?:,\s*[A-Z][\w.' -]*\s*(?:,|and\b|or\b)|and\b|or\b)")


def _check_candidates(mentions, keys, picks, quals, actor_countries) -> None:
    """A candidate toponym (Mention.weak: a town name spaCy labelled otherwise) stays only if a
    qualifier pinned it or the document's other places (or actors) share its country, and its
    state when they name states ("passed to Tyler" in an Ohio story is no Texas town)."""
    countries, states = Counter(actor_countries or {}), Counter()
    for m, k, e in zip(mentions, keys, picks):
        if not m.weak and e is not None and e.country:
            countries[e.country] += 1
            states[e.admin1] += bool(e.admin1)
    for i, (m, e) in enumerate(zip(mentions, picks)):
        if not m.weak or e is None or quals[i]:
            continue
        # in a story that names states, a town of another state is not confirmed
        if not countries[e.country] or (e.admin1 and sum(states.values()) and not states[e.admin1]):
            picks[i] = None


def place_sites(mentions: list[Mention], entries: list[Optional[Entry]], text: str = ""
                ) -> list[Optional[Entry]]:
    """A street, building or park the gazetteer does not know ("Royal Street", "Manila
    Cathedral") stands at the town its own phrase names ("... Hospital in Rome"), else at the
    town its own name opens with ("Cavan Town Hall", "Liverpool Academy"), else at the
    town the article is about: a town of the story's main country and
    state, the most often named, then the biggest. Left unresolved when the article names no town."""
    named = _named_towns(mentions, entries)
    towns = Counter()
    first = {}
    for m, e in zip(mentions, entries):
        if e is not None and e.kind == "city":
            towns[e] += 1
            first.setdefault(e, m.start)
    if not towns:
        towns = Counter(e for e in entries if e is not None and e.kind in ("county", "province"))
        for m, e in zip(mentions, entries):  # no town: the county or province it names most
            first.setdefault(e, m.start)
    if not towns and not named:
        return entries
    countries = Counter(e.country for e in entries if e is not None and e.country)
    states = Counter(e.admin1 for e in entries if e is not None and e.admin1)
    town = max(towns, key=lambda e: (countries[e.country], states[e.admin1] if e.admin1 else 0,
                                     towns[e], e.population, -first[e])) if towns else None
    out = []
    for i, (m, e) in enumerate(zip(mentions, entries)):
        if e is None and (m.site or _local(m)):
            at = _site_town(i, mentions, entries, text) or _own_town(m, named) or town
            if at is None:
                out.append(e)
                continue
            e = Entry(m.text, "site", at.country, at.lat, at.lon, 0, at.admin1, None,
                      "containing", at.name)
        out.append(e)
    return out


OWN_TOWN_WORDS = 3


def _named_towns(mentions: list[Mention], entries: list) -> dict:
    """Lookup key -> entry of the towns and counties the article names as places."""
    out = {}
    for m, e in zip(mentions, entries):
        if e is not None and e.kind in ("city", "county") and not m.site and m.literal:
            out.setdefault(norm(m.text), e)
    return out


def _own_town(m: Mention, named: dict) -> Optional[Entry]:
    """The town a building's own name opens with, when the article names that town as a place
    elsewhere ("Cavan Town Hall" in a story about Cavan, "Riverdale Lukoil South" beside
    "in Riverdale"). Not for streets: "Hampton Avenue" is named after a town, not in it."""
    words = m.text.replace("\u2019", "'").split()
    if m.street or words[-1].lower() in road_words():
        return None
    for n in range(min(OWN_TOWN_WORDS, len(words) - 1), 0, -1):
        head = " ".join(words[:n])
        head = head[:-2] if head.endswith("'s") else head
        if norm(head) in named:
            return named[norm(head)]
    return None


# the prepositions of place and motion that mark candidate toponyms (recall.PLACE_PREPS)
LOCAL_CUES = tuple(f"prep:{w}" for w in sorted(PLACE_PREPS))


def _local(m: Mention) -> bool:
    """A literal name the gazetteer lacks, after a preposition of place or motion ("lives in
    Toomevara", "a shop at Portroe", "the ferry from Fire Island"): a locality of the area the
    story is about, like a street."""
    if not (m.literal and not m.weak and (m.cue or "") in LOCAL_CUES and m.text[:1].isupper()):
        return False
    # "North Africa", "Northern Europe": part of a big area, not a locality; "WA": an acronym
    # "Guangxi province": a division the gazetteer lacks is no locality either
    return m.text.split()[0].lower() not in compass_words() and not m.text.isupper() \
        and strip_designator(m.text) is None


_POSSESSIVE = re.compile(r"^['\u2019]s\s+$")
_SITE_IN = re.compile(r"^\s*(?:\([^)\n]{0,20}\)\s*)?(?:,|in|at|on)\s*$")


def _site_town(i: int, mentions: list[Mention], entries: list, text: str) -> Optional[Entry]:
    """The town a site's own phrase puts it in: "Alder Hey Hospital in Liverpool", "Collins
    Avenue, Miami Beach", "St George's Chapel at Windsor", "Ottawa's Macdonald-Cartier
    Airport"."""
    if i > 0 and text and entries[i - 1] is not None and entries[i - 1].kind == "city" \
            and _POSSESSIVE.match(text[mentions[i - 1].end:mentions[i].start]):
        return entries[i - 1]
    if i + 1 >= len(mentions) or not text:
        return None
    nxt, e = mentions[i + 1], entries[i + 1]
    if e is None or e.kind not in ("city", "county") or not _SITE_IN.match(text[mentions[i].end:nxt.start]):
        return None
    return e


def _votes(picks: list[Optional[Entry]], keys: list[str], actor_countries
           ) -> tuple[dict, dict]:
    """Country and state votes of each name (all its mentions), to leave out its own."""
    by_name_c, by_name_s = {}, {}
    for k, e in zip(keys, picks):
        if e is not None and e.country and k is not None:
            by_name_c.setdefault(k, Counter())[e.country] += 1
            if e.admin1:
                by_name_s.setdefault(k, Counter())[e.admin1] += 1
    return by_name_c, by_name_s


def _choose(mentions, cands, keys, picks, actor_countries) -> list[Optional[Entry]]:
    voters = [None if m.weak else k for m, k in zip(mentions, keys)]  # candidates do not vote
    by_c, by_s = _votes(picks, voters, actor_countries)
    ctx_all = Counter(actor_countries or {})
    for c in by_c.values():
        ctx_all.update(c)
    states_all = Counter()
    for c in by_s.values():
        states_all.update(c)
    out = []
    for m, cs, k in zip(mentions, cands, keys):
        if not cs:
            out.append(None)
            continue
        own_ctx = ctx_all - by_c.get(k, Counter())  # a name does not vote for itself
        own_states = states_all - by_s.get(k, Counter())
        out.append(max(cs, key=lambda e: _score(e, m.text, own_ctx, own_states, cs)))
    return out


def _one_sense(keys: list[str], picks: list, quals: list) -> None:
    """One sense per discourse: a name pinned down once by a qualifier ("Lebanon,
    Pennsylvania") is the same place at its other mentions."""
    pinned = {k: e for k, e, q in zip(keys, picks, quals) if q and e is not None}
    for i, k in enumerate(keys):
        if k in pinned:
            picks[i] = pinned[k]


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
        near = towns.get(e.admin1) if e is not None and e.kind == "county" \
            and e.population == 0 else None
        if near:
            lats, lons = sorted(t.lat for t in near), sorted(t.lon for t in near)
            e = e._replace(lat=lats[len(lats) // 2], lon=lons[len(lons) // 2],
                           resolution="contained")
        out.append(e)
    return out
