"""`dateline extract`: process articles and print contract JSON (no store)."""
from __future__ import annotations

import json
import sys

from ..ingest.record import InputError
from .common import EX_FAILED, EX_OK, err
from .inputs import add_input_options, check_input_args, records_from_args, workers


def register(sub) -> None:
    p = sub.add_parser("extract", help="process articles and print contract JSON",
                       description="Process articles and print contract JSON "
                                   "(docs/CONTRACT.md).")
    add_input_options(p)
    p.add_argument("--format", choices=["json", "jsonl", "table"], default="json",
                   help="json: one object for one input, else one per line; jsonl; table")
    p.set_defaults(func=run, check=check_input_args)


def _table(article: dict) -> str:
    rows = [f"# {article['title'] or '(no title)'}  [{article['published'] or 'no date'}]"]
    for e in article["events"]:
        src = ",".join(a["country"] or "?" for a in e["source"]) or "-"
        tgt = ",".join(a["country"] or "?" for a in e["target"]) or "-"
        day = e["date"]["value"] if e["date"] else ""
        rows.append(f"{e['id']:>4} {e['type']:<10} {e['status']:<12} {src:>8} -> {tgt:<8} "
                    f"{day:<10} {e['evidence']['text'][:70]}")
    for q in article["quotes"]:
        who = q["speaker"]["name"] if q["speaker"] else "?"
        rows.append(f"{q['id']:>4} {q['kind']:<8} {who[:24]:<24} {q['text'][:80]}")
    return "\n".join(rows)


def run(args) -> int:
    from ..pipeline import extract_stream

    status = EX_OK
    results = []
    for r in extract_stream(records_from_args(args), workers=workers(args)):
        if isinstance(r, InputError):
            err(str(r))
            status = EX_FAILED
        else:
            results.append(r)
    single = len(results) == 1 and status == EX_OK and args.format == "json"
    for a in results:
        d = a.to_dict()
        if args.format == "table":
            print(_table(d))
        elif single:
            print(json.dumps(d, ensure_ascii=False, indent=2))
        else:
            print(json.dumps(d, ensure_ascii=False))
    sys.stdout.flush()
    return status
