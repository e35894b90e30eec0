"""The `dateline` commands, one module each; cli.py only registers them.

Each module has `register(sub)`, which adds its sub-parser with `func` set to the command.
"""
MODULES = ("extract", "ingest", "events", "quotes", "count", "actors", "show", "export")


def register_all(sub) -> None:
    import importlib

    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
