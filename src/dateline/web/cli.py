"""`dateline serve` (the page and API) and `dateline export --notes` (analysts' corrections).

    dateline serve --db news.sqlite [--port 8000] [--host 127.0.0.1]
    dateline export --db news.sqlite --notes [-o corrections.jsonl]

`serve` binds the loopback address unless --host is given. Problems (no store, port taken,
web extra not installed) give one line on stderr and exit status 2.
"""
from __future__ import annotations

import argparse
import os
import sys

from ..commands.common import DB_HELP, db_location, positive_int


def _workers(value: str) -> int:
    n = positive_int(value)
    if n > 64:
        raise argparse.ArgumentTypeError(f"{value!r}: give 1 to 64 processes")
    return n


def _port(value: str) -> int:
    """A TCP port for --port; anything else is a usage error (exit 64)."""
    if not value.strip().isdigit() or not 1 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"{value!r} is not a TCP port (1-65535)")
    return int(value)


def _err(msg: str) -> int:
    print(f"dateline: {msg}", file=sys.stderr)
    return 2


def register(sub) -> None:
    """Add `serve`, and the `--notes` switch of `export`, to the main parser."""
    p = sub.add_parser("serve", help="serve the Top Stories page and the HTTP API")
    p.add_argument("--db", required=True, type=db_location, help=DB_HELP)
    p.add_argument("--port", type=_port, default=8000, help="TCP port, 1-65535 (default 8000)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--workers", type=_workers, default=1,
                   help="server processes sharing the port, 1-64 (default 1)")
    p.set_defaults(func=cmd_serve)
    export = sub.choices.get("export")
    if export is not None:
        export.add_argument("--notes", action="store_true",
                            help="export analysts' notes as correction records (JSON Lines)")
        export.set_defaults(func=_with_notes(export.get_default("func")))


def cmd_serve(args) -> int:
    try:
        import uvicorn
    except ImportError:
        return _err("serve needs the web extra: pip install 'dateline[web]'")
    from ..store import StoreError, open_store

    if not 0 < args.port < 65536:
        return _err(f"--port {args.port}: not a TCP port")
    try:
        store = open_store(args.db, create=False)
    except StoreError as exc:
        return _err(str(exc))
    print(f"dateline: serving {store.name} at http://{_url_host(args.host)}:{args.port}/ "
          f"(API description at /docs)", file=sys.stderr)
    if args.workers > 1:  # each worker process opens the store itself (see app.from_env)
        store.close()
        os.environ["DATELINE_SERVE_DB"] = args.db
        target, kwargs = "dateline.web.app:from_env", {"factory": True, "workers": args.workers}
    else:
        from .app import create_app

        target, kwargs = create_app(store), {}
    try:
        uvicorn.run(target, host=args.host, port=args.port, log_level="warning",
                    access_log=False, **kwargs)
    except OSError as exc:
        return _err(f"{args.host}:{args.port}: {exc.strerror or exc}")
    except SystemExit as exc:  # uvicorn exits when it cannot bind
        return _err(f"{args.host}:{args.port}: cannot listen") if exc.code else 0
    finally:
        store.close()
    return 0


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _with_notes(export_func):
    def run(args):
        if not getattr(args, "notes", False):
            return export_func(args)
        return cmd_export_notes(args)
    return run


def cmd_export_notes(args) -> int:
    from ..store import StoreError, open_store
    from ..store.notes import export_corrections

    try:
        store = open_store(args.db, create=False)
    except StoreError as exc:
        return _err(str(exc))
    with store:
        try:
            out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
        except OSError as exc:
            return _err(f"{args.output}: {exc.strerror or exc}")
        try:
            n = export_corrections(store, out)
        finally:
            if args.output:
                out.close()
    print(f"dateline: {n} notes exported from {store.name}", file=sys.stderr)
    return 0
