"""`dateline eval wild [DIR]`: the small inputs written after peers' bug reports, each checked
against what a careful coder expects (`NN-slug.expect.json` beside `NN-slug.*`; format in the
folder's README.md).

Each input is run through `dateline extract` (with the file's `published`, when not null); each
expectation passes or fails on its own. Sets of countries (`source`, `target`) match by
intersection; `actors_include` must all appear among the event's source and target countries;
a `date` is the event date's value and `date_end` its end; `record` picks the N-th record
(1-based) of a multi-record input. Prints one line per expectation and a total; exit 0 always
(it is a measurement), 2 if the folder has no inputs.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable, Optional

from ..paths import shared_dir


def add_arguments(p) -> None:
    p.add_argument("dir", nargs="?", default=None,
                   help="folder of inputs with .expect.json files (default: shared examples/wild)")
    p.add_argument("--json", action="store_true", help="print the results as JSON")


def _norm(s: Optional[str]) -> str:
    return " ".join((s or "").replace("\u2019", "'").replace("\u2018", "'").split()).lower()


def _countries(side: list) -> set:
    return {a.get("country") for a in side if a.get("country")}


def _event_matches(ev: dict, x: dict) -> bool:
    src, tgt = _countries(ev["source"]), _countries(ev["target"])
    date = ev.get("date") or {}
    loc = ev.get("location") or {}
    checks = [
        ("type", lambda: ev["type"] == x["type"]),
        ("status", lambda: ev["status"] == x["status"]),
        ("mode", lambda: ev.get("mode") == x["mode"]),
        ("source", lambda: bool(src & set(x["source"]))),
        ("target", lambda: bool(tgt & set(x["target"]))),
        ("target_country", lambda: x["target_country"] in tgt),
        ("actors_include", lambda: set(x["actors_include"]) <= src | tgt),
        ("location_country", lambda: loc.get("country") == x["location_country"]),
        ("date", lambda: date.get("value") == x["date"]),
        ("date_end", lambda: date.get("end") == x["date_end"]),
    ]
    return all(test() for key, test in checks if key in x)


def _quote_matches(q: dict, x: dict) -> bool:
    speaker = _norm((q.get("speaker") or {}).get("name") or (q.get("speaker") or {}).get("text"))
    if "speaker" in x and _norm(x["speaker"]) not in speaker:
        return False
    if "speaker_contains" in x and _norm(x["speaker_contains"]) not in speaker:
        return False
    return _norm(x.get("contains")) in _norm(q["text"])


CHECKS: dict[str, Callable[[Optional[dict], dict], bool]] = {
    "article_present": lambda a, x: a is not None,
    "event": lambda a, x: any(_event_matches(e, x) for e in a["events"]),
    "no_event": lambda a, x: not any(_event_matches(e, x) for e in a["events"]),
    "quote": lambda a, x: any(_quote_matches(q, x) for q in a["quotes"]),
    "no_quote_text_contains": lambda a, x: not any(_norm(x["text"]) in _norm(q["text"])
                                                   for q in a["quotes"]),
    "title": lambda a, x: _norm(a["title"]) == _norm(x["value"]),
    "published": lambda a, x: a["published"] == x["value"],
    "text_contains": lambda a, x: _norm(x["text"]) in _norm(a["text"]),
    "text_excludes": lambda a, x: _norm(x["text"]) not in _norm(a["text"]),
    "no_event_from": lambda a, x: not any(
        _norm(e["evidence"]["text"]) and _norm(e["evidence"]["text"]) in _norm(x["text"])
        for e in a["events"]),
    "no_actor_or_place_country": lambda a, x: x["country"] not in (
        {ac.get("country") for ac in a["actors"]}
        | {(e.get("location") or {}).get("country") for e in a["events"]}
        | {p.get("country") for p in a.get("places", [])}),
}


def check_input(path: Path, spec: dict) -> list[dict]:
    """Run one input and check each of its expectations: [{what, passed, detail}]."""
    from ..ingest import read_inputs
    from ..ingest.record import InputError
    from ..pipeline import extract_stream

    records = [r for r in read_inputs([str(path)])]
    for r in records:
        if not isinstance(r, InputError) and spec.get("published"):
            r.published = r.published or spec["published"]
    results = [r for r in extract_stream(records, workers=1)]
    articles = [r.to_dict() if not isinstance(r, InputError) else None for r in results]
    out = []
    for x in spec["expect"]:
        idx = int(x.get("record", 1)) - 1
        article = articles[idx] if 0 <= idx < len(articles) else None
        check = CHECKS.get(x["what"])
        if check is None:
            out.append({"what": x["what"], "passed": False, "detail": "unknown expectation"})
            continue
        passed = article is not None and check(article, x) if x["what"] != "article_present" \
            else check(article, x)
        detail = {k: v for k, v in x.items() if k not in ("what", "note")}
        out.append({"what": x["what"], "passed": bool(passed), "detail": detail})
    return out


def run(args) -> int:
    folder = Path(args.dir) if args.dir else shared_dir() / "examples" / "wild"
    specs = sorted(folder.glob("*.expect.json"))
    if not specs:
        print(f"dateline: no .expect.json files in {folder}", file=sys.stderr)
        return 2
    report, passed, total = {}, 0, 0
    for spec_path in specs:
        stem = spec_path.name[: -len(".expect.json")]
        inputs = [p for p in folder.glob(stem + ".*") if not p.name.endswith(".expect.json")]
        if not inputs:
            continue
        results = check_input(inputs[0], json.loads(spec_path.read_text(encoding="utf-8")))
        report[stem] = results
        passed += sum(r["passed"] for r in results)
        total += len(results)
    if args.json:
        print(json.dumps({"passed": passed, "total": total, "inputs": report}, indent=1))
        return 0
    for stem, results in report.items():
        ok = sum(r["passed"] for r in results)
        print(f"{stem:<34} {ok}/{len(results)}")
        for r in results:
            if not r["passed"]:
                print(f"    FAIL {r['what']}: {json.dumps(r['detail'], ensure_ascii=False)}")
    print(f"wild expectations met: {passed}/{total} "
          f"({sum(all(r['passed'] for r in rs) for rs in report.values())}/{len(report)} inputs fully)")
    return 0
