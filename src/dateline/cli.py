"""`dateline` command line: a thin layer over the pipeline, the store and the evaluations.

Bad input never produces a traceback: each bad input gives one line on stderr naming it and
the reason, the other inputs are still processed, and the exit status is 2.
"""
from __future__ import annotations

import argparse
import importlib
import json
import sys
from typing import Iterable, Optional

from .evaluation import EVALUATIONS
from .ingest.record import InputError


def _err(msg: str) -> None:
    print(f"dateline: {msg}", file=sys.stderr)


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="file, directory, URL, or - for standard input")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for inputs that lack one")
    p.add_argument("--url", help="source URL (applied when there is a single input)")
    p.add_argument("--workers", type=int, default=None,
                   help="processes to use (default: all cores)")


def records_from_args(args) -> Iterable:
    """Readers' output with the command-line metadata applied (flags fill gaps only)."""
    from .clean import normalise_date
    from .ingest import read_inputs

    published = normalise_date(args.published) if args.published else None
    if args.published and not published:
        raise SystemExit(_usage_error(f"--published {args.published!r} is not a date"))
    single = len(args.paths) == 1
    for item in read_inputs(args.paths):
        if not isinstance(item, InputError):
            item.published = item.published or published
            if single:  # one URL for many articles would give them all the same id
                item.url = item.url or args.url
        yield item


def _usage_error(msg: str) -> int:
    _err(msg)
    return 2


def _workers(args) -> int:
    from .pipeline import default_workers

    return args.workers if args.workers and args.workers > 0 else default_workers()


def _table(article: dict) -> str:
    rows = [f"# {article['title'] or '(no title)'}  [{article['published'] or 'no date'}]"]
    for e in article["events"]:
        src = ",".join(a["country"] or "?" for a in e["source"]) or "-"
        tgt = ",".join(a["country"] or "?" for a in e["target"]) or "-"
        date = e["date"]["value"] if e["date"] else ""
        rows.append(f"{e['id']:>4} {e['type']:<10} {e['status']:<12} {src:>8} -> {tgt:<8} "
                    f"{date:<10} {e['evidence']['text'][:70]}")
    for q in article["quotes"]:
        who = q["speaker"]["name"] if q["speaker"] else "?"
        rows.append(f"{q['id']:>4} {q['kind']:<8} {who[:24]:<24} {q['text'][:80]}")
    return "\n".join(rows)


def cmd_extract(args) -> int:
    from .pipeline import extract_stream

    status = 0
    results = list(_iter_results(args, extract_stream))
    articles = [r for r in results if not isinstance(r, InputError)]
    for r in results:
        if isinstance(r, InputError):
            status = 2
    single = len(results) == 1 and args.format == "json"
    for a in articles:
        d = a.to_dict()
        if args.format == "table":
            print(_table(d))
        elif single:
            print(json.dumps(d, ensure_ascii=False, indent=2))
        else:
            print(json.dumps(d, ensure_ascii=False))
    return status


def _iter_results(args, extract_stream):
    """Results in input order; errors are reported as they come."""
    for r in extract_stream(records_from_args(args), workers=_workers(args)):
        if isinstance(r, InputError):
            _err(str(r))
        yield r


def cmd_eval(args) -> int:
    module = importlib.import_module(f"dateline.evaluation.{args.benchmark}")
    return module.run(args) or 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dateline", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="process articles and print contract JSON")
    _add_input_options(p)
    p.add_argument("--format", choices=["json", "jsonl", "table"], default="json")
    p.set_defaults(func=cmd_extract)

    from .store import cli as store_cli

    store_cli.register(sub, _add_input_options, records_from_args, _workers)
    from .stories import cli as stories_cli

    stories_cli.register(sub)

    from .web import cli as web_cli

    web_cli.register(sub)

    from . import spark

    p = sub.add_parser("spark", help="run the pipeline as a PySpark job (JSON Lines part files)")
    spark.add_arguments(p)
    p.set_defaults(func=spark.cmd_spark)

    from . import benchmark

    p = sub.add_parser("bench", help="throughput of the whole pipeline against bare spaCy (BBC texts)")
    benchmark.add_arguments(p)
    p.set_defaults(func=benchmark.cmd_bench)

    p = sub.add_parser("eval", help="score dateline on a benchmark")
    ev = p.add_subparsers(dest="benchmark", required=True)
    for name, help_text in EVALUATIONS.items():
        try:
            module = importlib.import_module(f"dateline.evaluation.{name}")
        except ModuleNotFoundError:
            continue
        q = ev.add_parser(name, help=help_text)
        module.add_arguments(q)
        q.set_defaults(func=cmd_eval)
    return parser


def main(argv: Optional[list[str]] = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last resort: a one-line error, never a traceback
        from .nlp import ModelError

        if isinstance(exc, (ModelError, OSError, ValueError)):
            _err(str(exc))
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
