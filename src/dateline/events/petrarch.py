"""PETRARCH2's CAMEO verb patterns, mapped to PLOVER, as a trigger source.

Data: data/events/petrarch_{verbs,patterns,synsets}.tsv, compiled by
scripts/events/build_petrarch.py from openeventdata/petrarch2 CAMEO.2.0.txt (MIT) through
CAMEO2PLOVER-2021. `pattern_match(tok)` gives the most specific verb + object/preposition
pattern that holds for a verb token (a `Trigger` with the pattern's PLOVER type and mode, flag
"petrarch"); `verb_match(tok)` gives the verb's own code when PETRARCH has one (a bare verb).
Constraint words match a token's lemma, its lower-case form or a regular singular of it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Optional

from ..paths import data_file
from .lexicon import Trigger, cues

OBJ_DEPS = ("dobj", "nsubjpass", "attr", "oprd")
MOD_DEPS = ("amod", "compound", "nmod", "poss")
# PLOVER types whose complement clause is the act's content ("vowed to retaliate")
CONTENT_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT", "SUPPORT"}


def _forms(word: str) -> set[str]:
    w = word.lower()
    out = {w}
    if w.endswith("ies") and len(w) > 4:
        out.add(w[:-3] + "y")
    elif w.endswith("sses"):
        out.add(w[:-2])
    elif w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        out.add(w[:-1])
    return out


@dataclass(frozen=True)
class Pattern:
    cameo: str
    type: str
    mode: str
    constraints: tuple  # ((kind, prep, head_forms, mod_forms), ...)

    @functools.cached_property
    def weight(self) -> int:
        return sum(1 + len(c[3]) for c in self.constraints)


def _rows(name: str):
    with open(data_file("events", name), encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


@functools.lru_cache(maxsize=1)
def _synsets() -> dict[str, frozenset]:
    sets: dict[str, set] = {}
    for name, member in _rows("petrarch_synsets.tsv"):
        sets.setdefault(name, set()).update(_forms(member.replace("_", " ").split()[-1]))
    return {k: frozenset(v) for k, v in sets.items()}


def _word_forms(word: str) -> frozenset:
    if word.startswith("&"):  # a synset the dictionary does not define matches nothing
        return _synsets().get(word, frozenset({"&undefined"}))
    return frozenset(_forms(word.split()[-1]))


def _constraint(text: str) -> tuple:
    kind, _, value = text.partition("=")
    prep = ""
    if kind == "prep":
        prep, _, value = value.partition(":")
    if not value:
        return kind, prep, frozenset(), ()
    head, *mods = value.split("+")
    return kind, prep, _word_forms(head), tuple(_word_forms(m) for m in mods)


@functools.lru_cache(maxsize=1)
def tables() -> tuple[dict, dict]:
    """(verb -> [(particle, block, cameo, type, mode)], block -> [Pattern])."""
    verbs: dict[str, list] = {}
    for verb, prt, block, cameo, type_, mode in _rows("petrarch_verbs.tsv"):
        verbs.setdefault(verb, []).append((prt, block, cameo, type_, mode))
    patterns: dict[str, list] = {}
    for block, cameo, type_, mode, cons in _rows("petrarch_patterns.tsv"):
        parsed = tuple(_constraint(c) for c in cons.split(";") if c)
        patterns.setdefault(block, []).append(Pattern(cameo, type_, mode, parsed))
    for rows in patterns.values():
        rows.sort(key=lambda p: -p.weight)
    return verbs, patterns


def _tok_forms(tok) -> set[str]:
    return {tok.lemma_.lower()} | _forms(tok.text)


def _noun(tok) -> tuple:
    """(forms of the noun, forms of its modifiers): what a constraint's head and modifier
    words are checked against."""
    words = set()
    for c in tok.children:
        if c.dep_ in MOD_DEPS:
            words |= _tok_forms(c)
    return _tok_forms(tok), words


def _noun_ok(noun: tuple, heads: frozenset, mods: tuple) -> bool:
    forms, words = noun
    if heads and heads.isdisjoint(forms):
        return False
    return all(not words.isdisjoint(m) for m in mods)


def _objects(tok) -> list:
    """The verb's object heads, their conjuncts and their "of" complements: PETRARCH names
    the head of what is acted on, which for "a shipment of supplies" is also "supplies"."""
    objs = [c for c in tok.children if c.dep_ in OBJ_DEPS]
    if tok.dep_ == "acl" and tok.tag_ == "VBN":
        objs.append(tok.head)  # "the diplomats expelled by X"
    objs += [g for o in list(objs) for g in o.children if g.dep_ == "conj"]
    return objs + [g for o in objs for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
                   for g in p.children if g.dep_ == "pobj"]


def _preps(tok) -> list:
    out = [c for c in tok.children if c.dep_ in ("prep", "agent", "dative")]
    for o in tok.children:
        if o.dep_ in OBJ_DEPS:
            out += [c for c in o.children if c.dep_ == "prep"]
    return out


class _Context:
    """What PETRARCH constraints read around one verb token, read from the parse once per
    token (a verb is checked against up to ~150 patterns): its objects, subjects, particle-like
    children and prepositional phrases, each noun as (forms, modifier forms).

    `particles` and `words` (what `_entries` and `_candidates` need) are read at once; the
    nouns with their modifiers only when a pattern is checked (most verbs have no candidate
    pattern: `_candidates` finds none of their head words here)."""
    __slots__ = ("particles", "words", "_toks", "_nouns")

    def __init__(self, tok):
        kids = [(c, c.dep_) for c in tok.children]
        self.particles = {c.lower_ for c, dep in kids if dep in ("prt", "advmod", "prep")}
        subj = [c for c, dep in kids if dep == "nsubj"]
        subj += [g for c, dep in kids if dep == "agent" for g in c.children]
        preps = []
        for p in _preps(tok):
            objs = [g for g in p.children if g.dep_ in ("pobj", "pcomp")]
            if not objs and p.i + 1 < len(p.doc) and p.doc[p.i + 1].head.i == tok.i:
                objs = [p.doc[p.i + 1]]  # "put on hold X": parsed as a bare "on" and object "hold"
            preps.append((p.lower_, objs))
        objs = _objects(tok)
        self._toks = (objs, subj, preps)
        self._nouns: Optional[tuple] = None
        # every word a constraint's head words can meet here (see `_candidates`)
        nouns = objs + subj + [g for _, found in preps for g in found]
        self.words = set(self.particles).union(*(_tok_forms(t) for t in nouns))

    def _read(self) -> tuple:
        if self._nouns is None:
            objs, subj, preps = self._toks
            by_prep: dict[str, list] = {}
            for word, found in preps:
                by_prep.setdefault(word, []).append([_noun(g) for g in found])
            self._nouns = ([_noun(o) for o in objs], [_noun(s) for s in subj], by_prep)
        return self._nouns

    @property
    def objs(self) -> list:
        return self._read()[0]

    @property
    def subjs(self) -> list:
        return self._read()[1]

    @property
    def preps(self) -> dict:
        return self._read()[2]


def _context(tok) -> _Context:
    """The token's `_Context`, built once per parse (kept in the Doc's user_data)."""
    cache = tok.doc.user_data.setdefault("dateline_petrarch_context", {})
    ctx = cache.get(tok.i)
    if ctx is None:
        ctx = cache[tok.i] = _Context(tok)
    return ctx


def _holds(con: tuple, tok) -> bool:
    return _holds_in(con, _context(tok))


def _holds_in(con: tuple, ctx: _Context) -> bool:
    kind, prep, heads, mods = con
    if kind == "obj":
        return any(_noun_ok(o, heads, mods) for o in ctx.objs)
    if kind == "subj":
        return any(_noun_ok(s, heads, mods) for s in ctx.subjs)
    if kind == "prt":
        return prep in ctx.particles or not ctx.particles.isdisjoint(heads)
    if kind == "prep":
        for objs in ctx.preps.get(prep, ()):
            if not heads or any(_noun_ok(g, heads, mods) for g in objs):
                return True
    return False


def _flags(type_: str, mode: str) -> frozenset:
    flags = {"petrarch"}
    if type_ in CONTENT_TYPES:
        flags.add("content")
    if type_ == "ACCUSE" and mode == "allege":
        flags.add("allege")
    return frozenset(flags)


def _mode_of(type_: str, cameo: str, mode: str) -> str:
    """The crosswalk's mode, or else the PLOVER mode whose CAMEO code this is (057 -> sign)."""
    if mode:
        return mode
    from . import ontology
    modes = ontology._table()["modes"].get(type_, {})
    return next((m for m, code in modes.items() if code == cameo), "")


def _trigger(tok, cameo: str, type_: str, mode: str, specific: bool) -> Trigger:
    mode = _mode_of(type_, cameo, mode)
    flags = _flags(type_, mode) | ({"pattern"} if specific else set())
    return Trigger(tok.lemma_.lower(), "V", (type_,), mode or None, frozenset(flags),
                   f"cameo:{cameo}")


def signing(tok) -> bool:
    """A verb of signing dateline lists (cues.json classes.sign: 'ink', 'seal') that PETRARCH2's
    dictionary does not list at all: it is read as PETRARCH's SIGN ('inked a pact' as 'signed
    a pact'). Verbs PETRARCH lists keep their own senses ('reach', 'strike', 'conclude')."""
    verbs, _ = tables()
    lemma = tok.lemma_.lower()
    return lemma in cues().get("sign", ()) and lemma not in verbs and tok.lower_ not in verbs


def _entries(tok) -> list:
    verbs, _ = tables()
    rows = verbs.get(tok.lemma_.lower()) or verbs.get(tok.lower_) or []
    if not rows and signing(tok):
        rows = verbs.get("sign", [])
    return [r for r in rows if not r[0] or _holds(("prt", r[0], frozenset(), ()), tok)]


@functools.lru_cache(maxsize=1)
def _pattern_index() -> dict:
    """block -> (positions of patterns with no head word, {head word: positions}).

    A pattern indexed under its first constraint's head words holds only where one of them
    occurs around the verb; positions are those in `tables()`' weight-sorted lists."""
    _, patterns = tables()
    out = {}
    for block, pats in patterns.items():
        free, by_word = [], {}
        for j, pat in enumerate(pats):
            heads = next((c[2] for c in pat.constraints if c[2]), None)
            if heads is None:
                free.append(j)
            for word in heads or ():
                by_word.setdefault(word, []).append(j)
        out[block] = (free, by_word)
    return out


def _candidates(block: str, words: set) -> list[int]:
    """Positions of the block's patterns that can hold given the words around the verb, in
    order (skipping the others changes nothing: they cannot hold, and the weight order that
    ends the search early is kept)."""
    free, by_word = _pattern_index().get(block, ((), {}))
    found = set(free)
    for w in words:
        found.update(by_word.get(w, ()))
    return sorted(found)


def pattern_match(tok) -> Optional[Trigger]:
    """The most specific PETRARCH pattern of this verb that holds, or None."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    _, patterns = tables()
    best = None
    entries = _entries(tok)
    ctx = _context(tok) if entries else None  # most verbs have no PETRARCH entry
    for prt, block, *_ in entries:
        pats = patterns.get(block, ())
        for pat in (pats[j] for j in _candidates(block, ctx.words)):
            if best is not None and pat.weight + bool(prt) <= best[0]:
                break
            if all(_holds_in(c, ctx) for c in pat.constraints):
                best = (pat.weight + bool(prt), pat)
                break
    if best is None:
        return None
    pat = best[1]
    if not any(c[0] in ("obj", "prep") for c in pat.constraints) and any(
            c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return None  # "forces continued to surround X": the complement is the act (as bare verbs)
    return _trigger(tok, pat.cameo, pat.type, pat.mode, True)


def _bare_ok(tok) -> bool:
    """A bare verb's own code needs an argument of its own (an object or a prepositional
    phrase) and no complement clause: PETRARCH codes "plan/want/fail to X" by combining the
    two verbs' codes, and a reporting verb ("he added") states nothing by itself."""
    kids = list(tok.children)
    if any(c.dep_ in ("xcomp", "ccomp") for c in kids) or tok.dep_ in ("parataxis",):
        return False
    if tok.lemma_.lower() in cues()["reporting_verbs"]:
        return False
    return any(c.dep_ in OBJ_DEPS + ("prep", "dative", "agent", "prt") for c in kids) or (
        tok.dep_ == "acl" and tok.tag_ == "VBN")


def verb_match(tok) -> Optional[Trigger]:
    """The verb's own PETRARCH code (particle verbs first), or None (see `_bare_ok`).

    A verb the dictionary lists in several blocks ("take": seize, take over, take leave, take
    note ...) has no one isolated meaning: only its particle forms give a bare code."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    verbs, _ = tables()
    direct = verbs.get(tok.lemma_.lower()) or verbs.get(tok.lower_) or []
    if not direct and not signing(tok):
        return None  # no entry to code it (looked up before `_bare_ok` reads the arguments)
    if not _bare_ok(tok):
        return None
    senses = {r[1] for r in direct}
    rows = sorted(_entries(tok), key=lambda r: not r[0])
    for prt, _block, cameo, type_, mode in rows:
        if type_ and (prt or len(senses) == 1):
            return _trigger(tok, cameo, type_, mode, False)
    return None
