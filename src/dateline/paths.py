"""Where dateline finds its bundled knowledge and the (never bundled) shared benchmark data."""
from __future__ import annotations

import functools
import os
from pathlib import Path

PACKAGE_DATA = Path(__file__).resolve().parent / "data"


def data_file(*parts: str) -> Path:
    """A file shipped inside the package (lexicons, actor tables, model weights)."""
    return PACKAGE_DATA.joinpath(*parts)


@functools.lru_cache(maxsize=None)
def word_set(*parts: str) -> frozenset[str]:
    """The entries of a one-entry-per-line data file (its first tab-separated column), without
    blank lines and '#' comment lines; read once per process."""
    with open(data_file(*parts), encoding="utf-8") as fh:
        return frozenset(ln.split("\t")[0].strip() for ln in fh
                         if ln.strip() and not ln.startswith("#"))


def shared_dir() -> Path:
    """The shared benchmark folder: $DATELINE_SHARED, else ../shared beside the working tree."""
    env = os.environ.get("DATELINE_SHARED")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidate = parent.parent / "shared"
        if (candidate / "data").is_dir():
            return candidate
    return Path.cwd().parent / "shared"


def shared_data(*parts: str) -> Path:
    return shared_dir().joinpath("data", *parts)
