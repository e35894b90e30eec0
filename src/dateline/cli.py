"""`dateline` command line: a thin registry of the commands in dateline/commands/.

Exit status: 0 success; 2 an input or the store failed (one line on stderr naming it, the other
inputs still processed); 64 (EX_USAGE) the command line is wrong; 130 interrupted.
Bad input never produces a traceback.
"""
from __future__ import annotations

import importlib
import logging
import sys
from typing import Optional

from .commands import register_all
from .commands.common import EX_FAILED, EX_INTERRUPTED, EX_USAGE, Parser, UsageError, err
from .evaluation import EVALUATIONS

DESCRIPTION = ("News in, sourced event data out: who did what to whom, when and where, and who "
               "said so. Inputs: text, HTML, RSS/Atom, WARC, JSON Lines files, directories, "
               "http(s) URLs, or - for standard input.")


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("dateline")
    except Exception:  # running from a source tree without installed metadata
        return "unknown"


def cmd_eval(args) -> int:
    module = importlib.import_module(f"dateline.evaluation.{args.benchmark}")
    return module.run(args) or 0


def _register_eval(sub) -> None:
    p = sub.add_parser("eval", help="score dateline on a benchmark")
    ev = p.add_subparsers(dest="benchmark", required=True, metavar="BENCHMARK")
    for name, help_text in EVALUATIONS.items():
        try:
            module = importlib.import_module(f"dateline.evaluation.{name}")
        except ModuleNotFoundError:
            continue
        q = ev.add_parser(name, help=help_text)
        module.add_arguments(q)
        q.set_defaults(func=cmd_eval)


def _register_tools(sub) -> None:
    from . import benchmark, spark
    from .stories import cli as stories_cli
    from .web import cli as web_cli

    stories_cli.register(sub)  # stories, watch
    web_cli.register(sub)  # serve, and export --notes (after export is registered)

    p = sub.add_parser("spark", help="run the pipeline as a PySpark job (JSON Lines part files)")
    spark.add_arguments(p)
    p.set_defaults(func=spark.cmd_spark)
    p = sub.add_parser("bench",
                       help="throughput of the whole pipeline against bare spaCy (BBC texts)")
    benchmark.add_arguments(p)
    p.set_defaults(func=benchmark.cmd_bench)


def build_parser() -> Parser:
    parser = Parser(prog="dateline", description=DESCRIPTION,
                    epilog="Run `dateline COMMAND --help` for a command's options.")
    parser.add_argument("--version", action="version", version=f"dateline {_version()}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    register_all(sub)
    _register_tools(sub)
    _register_eval(sub)
    return parser


class _OneLine(logging.Formatter):
    """Library log records as one line each, like every other dateline message: no traceback
    (a logged exception keeps only its type and message)."""

    def format(self, record: logging.LogRecord) -> str:
        msg = " ".join(record.getMessage().split())
        if record.exc_info and record.exc_info[1] is not None:
            exc = record.exc_info[1]
            msg += f" ({type(exc).__name__}: {' '.join(str(exc).split())})"
        return f"dateline: {record.name}: {msg}"


class _Stderr(logging.StreamHandler):
    """A handler writing to whatever sys.stderr is at the time (it may be replaced)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _log_to_stderr() -> None:
    """Warnings and errors logged by dateline's own modules go to stderr as one line each;
    libraries' log records (trafilatura on a fragment it cannot parse, warcio on a URI with
    spaces) are dropped: dateline handles those cases and reports what matters itself. Without
    this, Python's last-resort handler prints bare messages and full tracebacks."""
    own = logging.getLogger("dateline")
    if not own.handlers:
        handler = _Stderr()
        handler.setFormatter(_OneLine())
        own.addHandler(handler)
        own.setLevel(logging.WARNING)
        own.propagate = False
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())


def main(argv: Optional[list[str]] = None) -> int:
    _log_to_stderr()
    parser = build_parser()
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        parser.print_help()
        return EX_USAGE
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # usage error (64), or --help / --version (0)
        return exc.code if isinstance(exc.code, int) else EX_USAGE
    try:
        check = getattr(args, "check", None)
        if check is not None:
            check(args)
        return args.func(args)
    except UsageError as exc:
        err(str(exc))
        return EX_USAGE
    except KeyboardInterrupt:
        return EX_INTERRUPTED
    except BrokenPipeError:
        return 0
    except Exception as exc:  # last resort: a one-line error, never a traceback
        from .nlp import ModelError

        if isinstance(exc, (ModelError, OSError, ValueError)):
            err(str(exc))
            return EX_FAILED
        raise


if __name__ == "__main__":
    sys.exit(main())
