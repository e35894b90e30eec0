"""`dateline extract`: process articles and print contract JSON (no store)."""
from __future__ import annotations

import json
import sys

from ..ingest.record import InputError
from ..pipeline import InputsFailed
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

    status, held = EX_OK, []
    try:
        for r in extract_stream(records_from_args(args), workers=workers(args)):
            if isinstance(r, InputError):
                err(str(r))
                status = EX_FAILED
                continue
            for warning in r.warnings:  # also in the record; said here whatever the format
                err(f"{r.input}: warning: {warning}")
            if args.format == "json" and len(held) < 2:  # one object, or many lines
                held.append(r)
            else:
                _flush(held, args.format)
                held = []
                _print(r, args.format)
    except InputsFailed as exc:  # the records already read are still printed
        err(str(exc))
        status = EX_FAILED
    if len(held) == 1 and status == EX_OK and args.format == "json":
        print(json.dumps(held[0].to_dict(), ensure_ascii=False, indent=2))
    else:
        _flush(held, args.format)
    sys.stdout.flush()
    return status


def _flush(held: list, fmt: str) -> None:
    for r in held:
        _print(r, fmt)


def _print(article, fmt: str) -> None:
    d = article.to_dict()
    print(_table(d) if fmt == "table" else json.dumps(d, ensure_ascii=False))
