"""English pronouns by person, number, gender, case and kind: the one list (data/pronouns.tsv)
that the actor, event and quote stages select their pronoun sets from.

    pronouns(person=3, gender=("m", "f"))   -> frozenset({"he", "him", "his", "himself", ...})
    pronouns(case="subj", kind=("personal", "relative", "demonstrative", "expletive"))

Each filter is a value or a tuple of values; a word is kept when, for every filter given, one of
its values (comma-separated in the file) is among those asked for. `kind` defaults to
"personal". Raises ValueError for an unknown filter name.
"""
from __future__ import annotations

import functools
from typing import Union

from .paths import data_file

COLUMNS = ("person", "number", "gender", "case", "kind")
Values = Union[str, int, tuple]


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[tuple[str, dict[str, frozenset[str]]], ...]:
    rows = []
    for line in data_file("pronouns.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, *cols = line.split("\t")
        rows.append((word.strip(), {name: frozenset(v.strip() for v in value.split(","))
                                    for name, value in zip(COLUMNS, cols)}))
    return tuple(rows)


def _wanted(value: Values) -> frozenset[str]:
    values = value if isinstance(value, tuple) else (value,)
    return frozenset(str(v) for v in values)


@functools.lru_cache(maxsize=None)
def pronouns(kind: Values = "personal", **filters: Values) -> frozenset[str]:
    """The pronouns matching every filter (see the module docstring)."""
    unknown = set(filters) - set(COLUMNS)
    if unknown:
        raise ValueError(f"unknown pronoun column(s): {', '.join(sorted(unknown))}")
    want = {name: _wanted(v) for name, v in dict(filters, kind=kind).items()}
    return frozenset(word for word, cols in _rows()
                     if all(cols.get(name, frozenset()) & values for name, values in want.items()))
