"""Where dateline finds its bundled knowledge and the (never bundled) shared benchmark data."""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DATA = Path(__file__).resolve().parent / "data"


def data_file(*parts: str) -> Path:
    """A file shipped inside the package (lexicons, actor tables, model weights)."""
    return PACKAGE_DATA.joinpath(*parts)


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
