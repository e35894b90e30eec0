"""`dateline eval actors`: actor-resolution cases (text [+ context, date] -> country, sector).

The default case file is NGEC's actor-resolution test suite as parsed into the shared data
(actor_resolution_cases.tsv). It uses PLOVER/NGEC code names where dateline follows the project
contract, so expected codes are translated before comparing (documented in TRANSLATE below):
UNO -> UN (or a UN agency code), EUR -> EU, IGO -> any non-country IGO code, JRN (journalism) ->
MED (the project's media code), MED (PLOVER health) -> HLH. A field missing from `expected` is not
checked; an empty expected value means "null". Rows marked xfail are reported separately.
"""
from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

from ..paths import shared_data

UN_FAMILY = {"UN", "WHO", "IAEA", "UNHCR", "UNICEF", "WFP"}
SECTOR_TRANSLATE = {"JRN": "MED", "MED": "HLH"}


def add_arguments(p) -> None:
    p.add_argument("--cases", default=None,
                   help="TSV of cases (default: shared actors/actor_resolution_cases.tsv)")
    p.add_argument("--show", type=int, default=0, help="print up to N failing cases")
    p.add_argument("--gold", default=None, metavar="DIR",
                   help="instead: gold article files (GOLD_FORMAT.md); score the country of the "
                        "actor found at each event side's and quote speaker's words")
    p.add_argument("--same-country", default=None, metavar="DIR",
                   help="instead: count X->X events on gold articles, split by whether the "
                        "recipient is named in the text (evaluation/sides.py)")
    p.add_argument("--bbc", default=None, metavar="DIR",
                   help="instead: share of same-country events and person-country consistency "
                        "on the first --limit .txt articles of DIR (evaluation/sides.py)")
    p.add_argument("--limit", type=int, default=100, help="articles read with --bbc")


def _country_ok(expected, got, countries) -> bool:
    if isinstance(expected, dict):
        if expected.get("op") == "NotEq":
            return got != expected.get("val")
        if expected.get("op") == "In":
            return any(_country_ok(v, got, countries) for v in expected.get("val", []))
        return True
    if expected == "":
        return got is None
    if expected == "UNO":
        return got in UN_FAMILY
    if expected == "EUR":
        return got == "EU"
    if expected == "IGO":
        return got is not None and got not in countries and got not in ("EU", "UN")
    return got == expected


def _sector_ok(expected, got) -> bool:
    if isinstance(expected, dict):
        if expected.get("op") == "In":
            return any(_sector_ok(v, got) for v in expected.get("val", []))
        if expected.get("op") == "NotEq":
            return got != SECTOR_TRANSLATE.get(expected.get("val"), expected.get("val"))
        return True
    if expected == "":
        return got is None
    return got == SECTOR_TRANSLATE.get(expected, expected)


def _date(value: str):
    from ..clean import normalise_date

    value = (value or "").strip()
    if not value or value.lower() == "today":
        return None  # the evaluator never assumes today's date
    return normalise_date(value)


def load_cases(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    for r in rows:
        r["expected"] = json.loads(r["expected"] or "{}")
        r["xfail"] = str(r.get("xfail", "")).strip().lower() == "true"
    return rows


def run(args) -> int:
    from . import sides

    if getattr(args, "same_country", None):
        return sides.run_same_country(Path(args.same_country), args.show)
    if getattr(args, "bbc", None):
        return sides.run_bbc(Path(args.bbc), args.limit, args.show)
    if getattr(args, "gold", None):
        return run_gold(args)
    return run_cases(args)


def run_cases(args) -> int:
    from ..actors import kb as kb_mod, lookup

    path = Path(args.cases) if args.cases else shared_data("actors", "actor_resolution_cases.tsv")
    if not path.is_file():
        print(f"dateline: cases file not found: {path}", file=sys.stderr)
        return 2
    countries = set(kb_mod.load().countries)
    cases = load_cases(path)
    stats = {k: [0, 0] for k in ("country", "sector", "sector_lenient", "both")}
    xstats = [0, 0]
    fails = []
    from .. import nlp as nlp_mod
    from ..actors import describe_parsed

    t0 = time.perf_counter()
    lookup("warm up")
    t_warm = time.perf_counter()
    parsed = list(nlp_mod.load().pipe([r["text"] for r in cases], batch_size=64))
    for r, sp in zip(cases, parsed):
        exp = r["expected"]
        date = _date(r.get("query_date", ""))
        got = None
        if r.get("context"):
            got = describe_parsed(sp, date, context=r["context"])
        got = got or describe_parsed(sp, date) or {}
        checks = {}
        if "country" in exp:
            checks["country"] = _country_ok(exp["country"], got.get("country"), countries)
        if "code_1" in exp:
            checks["sector"] = _sector_ok(exp["code_1"], got.get("sector"))
            checks["sector_lenient"] = checks["sector"] or (
                "code_2" in exp and _sector_ok(exp["code_2"], got.get("sector")))
        if "country" in checks and "sector" in checks:
            checks["both"] = checks["country"] and checks["sector"]
        if not checks:
            continue
        if r["xfail"]:
            xstats[0] += all(checks.values())
            xstats[1] += 1
            continue
        for k, ok in checks.items():
            stats[k][0] += ok
            stats[k][1] += 1
        if not all(checks.values()):
            fails.append((r, got))
    elapsed = time.perf_counter() - t_warm
    print(f"cases: {path} ({len(cases)} rows)")
    for k, (ok, n) in stats.items():
        rate = ok / n if n else 0.0
        print(f"{k:15s} {ok:4d}/{n:<4d} {rate:.3f}")
    print(f"{'xfail rows':15s} {xstats[0]:4d}/{xstats[1]:<4d} passed (not in the rates above)")
    print(f"time: {elapsed:.2f}s for {len(cases)} lookups (parsed in batches with nlp.pipe) "
          f"after a {t_warm - t0:.1f}s warm-up")
    for r, got in fails[: args.show]:
        print(f"FAIL {r['text']!r} ctx={r.get('context')!r} date={r.get('query_date')!r} "
              f"expected={json.dumps(r['expected'])} got={got.get('country')}/{got.get('sector')} "
              f"{got.get('name')!r}")
    return 0


def _gold_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.glob("*.json")) + sorted(path.glob("*.gold.json"))


def _find(text: str, needle: str, near: int) -> int:
    """Occurrence of `needle` closest to `near` (-1 if absent)."""
    best, i = -1, text.find(needle)
    while i >= 0:
        if best < 0 or abs(i - near) < abs(best - near):
            best = i
        i = text.find(needle, i + 1)
    return best


def _article_sides(g: dict, text: str):
    """(words, position, gold codes) for event sides and quote speakers of one gold article."""
    for ev in g.get("events", []):
        near = max(0, text.find(ev.get("evidence") or "\0"))
        for side in ("source", "target"):
            codes = {c for c in ev.get(side) or [] if c and c != "UNK"}
            words = ev.get(f"{side}_text")
            if codes and words:
                yield "event", words, near, codes
    for q in g.get("quotes", []):
        country, name = q.get("speaker_country"), (q.get("speaker") or "").strip()
        if country and name:
            near = max(0, text.find(q.get("text") or "\0"))
            words = [w for w in name.split() if len(w) > 1 and w[0].isupper()]
            best = min(words, key=lambda w: abs(_find(text, w, near) - near)
                       if _find(text, w, near) >= 0 else 10 ** 9) if words else name
            yield "quote", best, near, {country}


def run_gold(args) -> int:
    from .. import nlp as nlp_mod
    from ..model import Article
    from ..pipeline import annotate

    path = Path(args.gold)
    files = _gold_files(path)
    if not files:
        print(f"dateline: no gold files in {path}", file=sys.stderr)
        return 2
    nlp = nlp_mod.load()
    from ..actors import lookup

    lookup("warm up")  # build the KB indexes outside the timed part
    stats = {"event": [0, 0, 0], "quote": [0, 0, 0]}  # correct, none found, total
    fails = []
    elapsed = 0.0
    for f in files:
        g = json.loads(f.read_text(encoding="utf-8"))
        text = g["text"]
        article = Article(id=f.stem, input=str(f), text=text, published=g.get("published"))
        parsed = nlp(text)
        t0 = time.perf_counter()
        doc = annotate(article, stages=["actors"], parsed=parsed)
        elapsed += time.perf_counter() - t0
        index = doc.actor_index
        for kind, words, near, codes in _article_sides(g, text):
            start = _find(text, words, near)
            if start < 0:
                continue
            actor = index.at(start, start + len(words))
            st = stats[kind]
            st[2] += 1
            if actor is None:
                st[1] += 1
                fails.append((f.stem, kind, words, codes, None))
            elif actor.country in codes:
                st[0] += 1
            else:
                fails.append((f.stem, kind, words, codes, f"{actor.name}/{actor.country}"))
    print(f"gold articles: {path} ({len(files)} files)")
    for kind, (ok, none, n) in stats.items():
        rate = ok / n if n else 0.0
        print(f"{kind + ' sides':15s} {ok:4d}/{n:<4d} {rate:.3f} country correct  "
              f"({none} with no actor at the words)")
    print(f"time: {elapsed:.2f}s resolving {len(files)} articles (spaCy parse and KB build "
          f"not included)")
    for stem, kind, words, codes, got in fails[: args.show]:
        print(f"FAIL {stem[:28]:28s} {kind:5s} {words[:40]!r} gold={sorted(codes)} got={got}")
    return 0
