"""The model's attribute ruler with the same output, at a fraction of the cost.

spaCy's `AttributeRuler` runs a `Matcher` of ~180 token patterns over every Doc (in
en_core_web_sm, about a tenth of the whole parse) and then sets POS, MORPH, LEMMA, TAG or
DEP on each matched token, the rule added later winning. Nearly every pattern looks at one
token only (its TAG, LOWER, DEP and IS_SPACE), so what the ruler does to a token is a
function of those four values: this component works that out once per distinct combination,
keeps it as one row of a table, and writes a Doc's rows with one `Doc.from_array`. The few
patterns that span two tokens ("gon na", "let 's") still run through a real `Matcher`, only on
a Doc holding a token that can start one, and merge by the same precedence.
`tests/test_nlp_pipes.py` checks the output against spaCy's ruler.
"""
from __future__ import annotations

import re

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.matcher import Matcher

from .wrapper import WrappedPipe

_READS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_SETS = (POS, TAG, MORPH, LEMMA, DEP)  # what an attribute-ruler rule may assign (else refused)


def _predicate(value):
    """A test on one attribute's string value, as spaCy's Matcher reads the pattern."""
    if isinstance(value, dict):
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda v: v not in banned
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda v: bool(rx.search(v))
        raise ValueError(f"unsupported attribute-ruler operator {op!r}")
    return lambda v: v == value


def _tests(tok: dict) -> list:
    if set(tok) - set(_READS):
        raise ValueError(f"unsupported attribute-ruler pattern {tok!r}")
    return [(name, _predicate(v)) for name, v in tok.items()]


class CachedAttributeRuler(WrappedPipe):
    """Drop-in for the pipeline's `attribute_ruler` (same assignments, same precedence).

    Raises ValueError at construction for a pattern it does not evaluate (an attribute other
    than TAG/LOWER/DEP/IS_SPACE, an operator other than IN/NOT_IN/REGEX, an assigned
    attribute other than POS/TAG/MORPH/LEMMA/DEP); the pipeline then keeps spaCy's ruler.
    """
    WRAPPED = "ruler"  # spaCy's own component: answers the rest of the component API

    def __init__(self, ruler):
        self.ruler = ruler
        self.vocab = ruler.vocab
        # one-token rules as (rule id, [(attribute, test), ...], attrs), split by what they
        # read: a LOWER equality or IN list (indexed by the word), another LOWER test, or none
        self.by_word: dict[str, list] = {}
        self.other_word: list = []
        self.no_word: list = []
        # tests on the first token of each two-token rule, by word as above
        self.start_by_word: dict[str, list] = {}
        self.start_other: list = []
        self.multi = Matcher(self.vocab)
        for rule_id, pattern in enumerate(ruler.patterns):
            if set(ruler.attrs[rule_id]) - set(_SETS):
                raise ValueError(f"unsupported attribute-ruler assignment {pattern['attrs']!r}")
            if all(len(p) == 1 for p in pattern["patterns"]):
                for (tok,) in pattern["patterns"]:
                    self._add_single(rule_id, tok, ruler.attrs[rule_id])
            else:
                self.multi.add(str(rule_id), pattern["patterns"])
                for p in pattern["patterns"]:
                    self._add_start(p[0])
        self.rows: dict[tuple, int] = {}  # (TAG, LOWER, DEP, IS_SPACE) -> row of the tables
        self.word_free: dict[tuple, dict] = {}
        # per row: the value set in each column of _SETS, and the rule that set it (-1: none);
        # grown by doubling, the first len(self.can_start) rows in use
        self.values = numpy.zeros((1024, len(_SETS)), dtype=numpy.uint64)
        self.rules = numpy.full((1024, len(_SETS)), -1, dtype=numpy.int64)
        self.can_start: list[bool] = []

    def _add_single(self, rule_id: int, tok: dict, attrs: dict) -> None:
        tests = _tests(tok)
        rest = [t for t in tests if t[0] != "LOWER"]
        lower = tok.get("LOWER")
        if lower is None:
            self.no_word.append((rule_id, rest, attrs))
        elif isinstance(lower, str):
            self.by_word.setdefault(lower, []).append((rule_id, rest, attrs))
        elif isinstance(lower, dict) and set(lower) == {"IN"}:
            for word in lower["IN"]:
                self.by_word.setdefault(word, []).append((rule_id, rest, attrs))
        else:
            self.other_word.append((rule_id, tests, attrs))

    def _add_start(self, tok: dict) -> None:
        tests = _tests(tok)
        lower = tok.get("LOWER")
        words = [lower] if isinstance(lower, str) else (
            lower["IN"] if isinstance(lower, dict) and set(lower) == {"IN"} else None)
        if words is None:
            self.start_other.append(tests)
        for word in words or ():
            self.start_by_word.setdefault(word, []).append([t for t in tests if t[0] != "LOWER"])

    def _can_start(self, values: dict) -> bool:
        alts = self.start_by_word.get(values["LOWER"], []) + self.start_other
        return any(all(test(values[n]) for n, test in alt) for alt in alts)

    @staticmethod
    def _fold(rules, values: dict, out: dict) -> dict:
        """Add the assignments of the `rules` that hold for `values`, the latest rule winning."""
        for rule_id, tests, attrs in rules:
            if all(test(values[name]) for name, test in tests):
                for attr, value in attrs.items():
                    if attr not in out or out[attr][0] < rule_id:
                        out[attr] = (rule_id, value)
        return out

    def _assignments(self, key: tuple, values: dict) -> dict:
        """{attribute id: (rule id, value)} for a token with these TAG, LOWER, DEP, IS_SPACE."""
        free_key = (key[0], key[2], key[3])
        base = self.word_free.get(free_key)
        if base is None:
            base = self.word_free[free_key] = self._fold(self.no_word, values, {})
        out = dict(base)
        self._fold(self.by_word.get(values["LOWER"], ()), values, out)
        return self._fold(self.other_word, values, out)

    def _new_row(self, key: tuple) -> int:
        strings = self.vocab.strings
        values = {"TAG": strings[key[0]], "LOWER": strings[key[1]], "DEP": strings[key[2]],
                  "IS_SPACE": bool(key[3])}
        hit = self._assignments(key, values)
        index = len(self.can_start)
        if index == len(self.values):
            self.values = numpy.concatenate([self.values, numpy.zeros_like(self.values)])
            self.rules = numpy.concatenate([self.rules, numpy.full_like(self.rules, -1)])
        for col, attr in enumerate(_SETS):
            if attr in hit:
                self.rules[index, col], self.values[index, col] = hit[attr]
        self.can_start.append(self._can_start(values))
        self.rows[key] = index
        return index

    def _table_rows(self, doc) -> list[int]:
        rows, new = self.rows, self._new_row
        return [rows.get(key) if key in rows else new(key)
                for key in map(tuple, doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist())]

    def __call__(self, doc):
        if not len(doc):
            return doc
        rows = numpy.asarray(self._table_rows(doc), dtype=numpy.intp)
        array = doc.to_array(list(_SETS))
        if array.ndim == 1:
            array = array.reshape((-1, len(_SETS)))
        array = numpy.where(self.rules[rows] >= 0, self.values[rows], array)
        if any(self.can_start[r] for r in set(rows.tolist())):
            self._apply_multi(doc, rows, array)
        doc.from_array(list(_SETS), array.astype(numpy.uint64, copy=False))
        return doc

    def _apply_multi(self, doc, rows, array) -> None:
        """Overwrite `array` where a two-token rule outranks the token's one-token rules."""
        best: dict = {}  # (token, column) -> rule id
        for match_id, start, end in self.multi(doc, allow_missing=True):
            rule_id = int(self.vocab.strings[match_id])
            index = self.ruler.indices[rule_id]
            target = (start if index >= 0 else end) + index
            if not start <= target < end:
                raise ValueError(f"attribute-ruler index {index} outside its match")
            for attr, value in self.ruler.attrs[rule_id].items():
                col = _SETS.index(attr)
                if max(best.get((target, col), -1), self.rules[rows[target], col]) < rule_id:
                    best[(target, col)] = rule_id
                    array[target, col] = value
