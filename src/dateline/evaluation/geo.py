"""`dateline eval geo [--set gwn|trnews]`: toponym finding and resolution on GeoWebNews / TR-News.

Definitions (GWN):
- gold literal = toponyms typed Literal, Literal_Modifier, Mixed, Embedded_Literal or Coercion that
  carry coordinates (the paper's "literal" group: they point at a place on the map).
- found = our parser outputs an overlapping mention, resolved to coordinates and flagged literal
  (what would go on the map). recall = found / gold literal.
- acc@161km = share of found whose coordinates are within 161 km of gold.
- map precision = of our on-map mentions, the share overlapping a gold literal toponym (GWN
  annotates every toponym, so the rest are mostly metonyms or non-places we put on the map).
- metonym precision = of the gold Metonymic toponyms, the share we do NOT put on the map (no
  overlapping mention flagged literal with coordinates). Reported with the share of them we detect
  at all and, of those, the share we flag metonymic.
TR-News has no literal/metonymic typing: every gold toponym with coordinates counts, and `found`
is any overlapping resolved mention, whatever its flag. TR-News counts adjectives ("Turkish") as
toponyms, which we do not tag, so its recall is lower by construction.

--split: articles by position; dev = 2 of every 3, heldout = every third (checks rule tuning);
even / odd = the two halves (round 5 tuned on even and reports odd).
"""
from __future__ import annotations

import math
import re
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from ..paths import shared_data

LITERAL_TYPES = {"Literal", "Literal_Modifier", "Mixed", "Embedded_Literal", "Coercion"}
METONYMIC_TYPES = {"Metonymic"}
KM = 161.0
SETS = {"gwn": "GWN.xml", "trnews": "TR-News.xml"}


@dataclass
class Gold:
    start: int
    end: int
    text: str
    type: str
    lat: Optional[float]
    lon: Optional[float]


def add_arguments(p) -> None:
    p.add_argument("--set", choices=sorted(SETS), default="gwn", help="benchmark (default gwn)")
    p.add_argument("--file", default=None, help="XML file (default: shared geo/<set>)")
    p.add_argument("--split", choices=["all", "dev", "heldout", "even", "odd"], default="all",
                   help="dev/heldout: 2 of 3 / every third article; even/odd: halves by position")
    p.add_argument("--limit", type=int, default=0, help="first N articles only")
    p.add_argument("--errors", type=int, default=0, metavar="N", help="print N far resolutions")
    p.add_argument("--misses", type=int, default=0, metavar="N", help="print N unfound literals")


def haversine(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _float(text: Optional[str]) -> Optional[float]:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def _gwn(root) -> list[tuple[str, list[Gold]]]:
    out = []
    for art in root.iter("article"):
        golds = []
        for t in art.find("toponyms"):
            golds.append(Gold(int(t.findtext("start")), int(t.findtext("end")),
                              t.findtext("extractedName") or "", t.findtext("type") or "",
                              _float(t.findtext("latitude")), _float(t.findtext("longitude"))))
        out.append((art.findtext("text") or "", golds))
    return out


def _trnews(root) -> list[tuple[str, list[Gold]]]:
    out = []
    for art in root.iter("article"):
        golds = []
        for t in art.find("toponyms"):
            tag = t.find("gaztag")
            lat = _float(tag.findtext("lat")) if tag is not None else None
            lon = _float(tag.findtext("lon")) if tag is not None else None
            golds.append(Gold(int(t.findtext("start")), int(t.findtext("end")),
                              t.findtext("phrase") or "", "Literal", lat, lon))
        out.append((art.findtext("text") or "", golds))
    return out


def _realign(text: str, g: Gold) -> Gold:
    """TR-News offsets count each line break twice (CR LF) in 117 of 1,319 toponyms, so the
    span drifts down the article: move it to the nearest occurrence of its own name."""
    if text[g.start:g.end] == g.text or not g.text:
        return g
    best = None
    for m in re.finditer(re.escape(g.text), text):
        if best is None or abs(m.start() - g.start) < abs(best - g.start):
            best = m.start()
    if best is None or abs(best - g.start) > 400:
        return g
    return Gold(best, best + len(g.text), g.text, g.type, g.lat, g.lon)


def load(name: str, path: Optional[str] = None) -> list[tuple[str, list[Gold]]]:
    root = ET.parse(path or shared_data("geo", SETS[name])).getroot()
    arts = _gwn(root) if name == "gwn" else _trnews(root)
    return [(text, [_realign(text, g) for g in golds]) for text, golds in arts]


def _overlap(g: Gold, preds: list[dict]) -> list[dict]:
    return [p for p in preds if p["start"] < g.end and p["end"] > g.start]


def _split(items: list, split: str) -> list:
    if split == "all":
        return items
    if split in ("even", "odd"):
        return items[0 if split == "even" else 1::2]
    keep = (lambda i: i % 3 == 2) if split == "heldout" else (lambda i: i % 3 != 2)
    return [x for i, x in enumerate(items) if keep(i)]


def score(name: str, articles, parses, errors: int = 0, misses: int = 0) -> dict:
    """Counts over all articles; prints up to `errors`/`misses` examples."""
    c = Counter()
    for (text, golds), preds in zip(articles, parses):
        for g in golds:
            hits = [p for p in _overlap(g, preds) if p["lat"] is not None]
            if g.type in METONYMIC_TYPES:
                c["meto"] += 1
                c["meto_detected"] += bool(hits)
                c["meto_flagged"] += bool(hits) and not any(p["literal"] for p in hits)
                c["meto_off_map"] += not any(p["literal"] for p in hits)
            if g.type not in LITERAL_TYPES or g.lat is None:
                continue
            c["gold"] += 1
            on_map = hits if name == "trnews" else [p for p in hits if p["literal"]]
            c["any_found"] += bool(hits)
            if not on_map:
                if misses and c["missprint"] < misses:
                    c["missprint"] += 1
                    flag = "metonymic" if hits else "not found"
                    print(f"MISS [{flag}] {g.text!r}: ...{text[max(0, g.start - 50):g.end + 30]!r}")
                continue
            c["found"] += 1
            p = on_map[0]
            km = haversine(g.lat, g.lon, p["lat"], p["lon"])
            c["within"] += km <= KM
            if km > KM and errors and c["errprint"] < errors:
                c["errprint"] += 1
                print(f"FAR {km:7.0f} km {g.text!r} -> {p['name']} ({p['country']}, {p['kind']})")
    for (text, golds), preds in zip(articles, parses):
        lit = [g for g in golds if g.type in LITERAL_TYPES]
        for p in preds:
            if p["literal"] and p["lat"] is not None:
                c["pred_on_map"] += 1
                c["pred_on_map_gold"] += any(g.start < p["end"] and g.end > p["start"] for g in lit)
    return c


def report(name: str, c: Counter, secs: float, n_articles: int) -> None:
    def ratio(a, b):
        return a / b if b else 0.0
    print(f"set={name} articles={n_articles} time={secs:.1f}s")
    print(f"gold literal toponyms with coordinates: {c['gold']}")
    print(f"recall (found on map / gold literal): {ratio(c['found'], c['gold']):.3f} "
          f"({c['found']}/{c['gold']}); detected at all: {ratio(c['any_found'], c['gold']):.3f}")
    print(f"acc@161km of found: {ratio(c['within'], c['found']):.3f} ({c['within']}/{c['found']})")
    print(f"acc@161km over all gold literal: {ratio(c['within'], c['gold']):.3f}")
    print(f"map precision (our on-map mentions that are gold literal toponyms): "
          f"{ratio(c['pred_on_map_gold'], c['pred_on_map']):.3f} "
          f"({c['pred_on_map_gold']}/{c['pred_on_map']})")
    if c["meto"]:
        print(f"metonym precision (gold Metonymic kept off the map): "
              f"{ratio(c['meto_off_map'], c['meto']):.3f} ({c['meto_off_map']}/{c['meto']}); "
              f"detected {c['meto_detected']}, flagged metonymic "
              f"{ratio(c['meto_flagged'], c['meto_detected']):.3f} of detected")


def run(args) -> int:
    from .. import nlp as nlp_mod
    from ..where import parse_doc

    articles = _split(load(args.set, args.file), args.split)
    if args.limit:
        articles = articles[: args.limit]
    t0 = time.time()
    nlp = nlp_mod.load()
    parses = [parse_doc(d) for d in nlp.pipe((t for t, _ in articles), batch_size=16)]
    secs = time.time() - t0
    c = score(args.set, articles, parses, args.errors, args.misses)
    report(args.set, c, secs, len(articles))
    return 0
