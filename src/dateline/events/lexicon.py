"""The trigger lexicon (data/events/triggers.tsv) and cue lists (data/events/cues.json).

A trigger row says: this lemma (verb or noun), under this condition, states an event of these
PLOVER types (first = default; more = ambiguous, the classifier may choose) and mode.
"""
from __future__ import annotations

import functools
import json
import os
from dataclasses import dataclass
from typing import Optional

from ..paths import data_file
from ..pronouns import pronouns


@dataclass(frozen=True)
class Trigger:
    lemma: str
    pos: str                 # "V" or "N"
    types: tuple[str, ...]   # () for a pure light verb
    mode: Optional[str]
    flags: frozenset
    condition: str           # "" or "kind:arg"


@functools.lru_cache(maxsize=1)
def cues() -> dict:
    with open(data_file("events", "cues.json"), encoding="utf-8") as fh:
        raw = json.load(fh)
    return {k: set(v) for part in ("status", "classes") for k, v in raw[part].items()}


@functools.lru_cache(maxsize=1)
def triggers() -> dict[tuple[str, str], list[Trigger]]:
    """(lemma, pos) -> rows in file order (the first row whose condition holds wins): triggers.tsv,
    then the meeting nouns compiled from PETRARCH2 (petrarch_nouns.tsv) that it lacks."""
    table: dict[tuple[str, str], list[Trigger]] = {}
    with open(data_file("events", "triggers.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            cols = (line.rstrip("\n").split("\t") + [""] * 6)[:6]
            lemma, pos, types, mode, flags, cond = (c.strip() for c in cols)
            row = Trigger(lemma, pos, tuple(t for t in types.split(",") if t), mode or None,
                          frozenset(f for f in flags.split(",") if f), cond)
            table.setdefault((lemma, pos), []).append(row)
    with open(data_file("events", "petrarch_nouns.tsv"), encoding="utf-8") as fh:
        for line in fh:  # nouns PETRARCH2 codes as meetings under several light verbs
            if line.strip() and not line.startswith("#"):
                noun, _cameo, type_ = line.rstrip("\n").split("\t")[:3]
                table.setdefault((noun, "N"), [Trigger(noun, "N", (type_,), None, frozenset(), "")])
    return table


def _class_words(tok) -> set[str]:
    return {tok.lemma_.lower(), tok.text.lower()}


def _deploys(tok, forces: set) -> bool:
    """"ordered 300 troops to the border", "ordered troops sent to X": the verb's object is a
    force (cue class) and the verb, or a verb it governs, names where the force goes."""
    kids = list(tok.children)
    objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in objs for g in c.children if g.dep_ == "conj"]
    movers = movers_of(tok)
    objs += [g for m in movers for g in m.children if g.dep_ in ("nsubj", "nsubjpass", "dobj")]
    objs += [g for o in list(objs) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
             for g in p.children if g.dep_ == "pobj"]  # "thousands of troops"
    if not any(_class_words(o) & forces for o in objs):
        return False
    dest = cues()["destination"]
    return any(c.dep_ in ("prep", "dative") and c.lower_ in dest
               for m in [tok] + movers for c in m.children)


def movers_of(tok) -> list:
    """Verbs that carry out an order's movement: "ordered troops sent to X" (a complement,
    a conjunct with the force as subject, or a participle on the object)."""
    kids = list(tok.children)
    out = [c for c in kids if c.dep_ in ("xcomp", "ccomp", "conj") and c.pos_ == "VERB"]
    objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass")]
    return out + [g for o in objs for g in o.children if g.dep_ == "acl" and g.pos_ == "VERB"]


SELF_PRONOUNS = pronouns(person=(1, 3), case="subj")  # "warned it would ...", "we will"


def _threat_content(tok, kids: list, acts: set) -> bool:
    """Is a warning a threat (PLOVER THREATEN: the source says it will act)? Its content clause
    has the warner, or a pronoun, as subject ("warned it would cut supplies"), or names a
    punitive or forceful act (`acts`: "warned that protesters would be punished"). A warning of
    what others or events may do ("warned that small firms could be crippled", "warned his
    supporters against complacency") is not."""
    warner = {c.lower_ for c in kids if c.dep_ == "nsubj"}
    for clause in (c for c in kids if c.dep_ in ("ccomp", "xcomp")):
        verbs = [clause] + [c for c in clause.children if c.dep_ in ("conj", "xcomp")]
        subj = {c.lower_ for v in verbs for c in v.children if c.dep_ == "nsubj"}
        if subj & (SELF_PRONOUNS | warner) or any(v.lemma_.lower() in acts for v in verbs):
            return True
    return False


def condition_holds(cond: str, tok) -> bool:
    """Check a row's condition against the trigger token's dependents."""
    if not cond:
        return True
    kind, _, arg = cond.partition(":")
    kids = list(tok.children)
    if kind == "to":
        return any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "to") for c in kids)
    if kind == "oprd":
        return any(c.dep_ == "oprd" for c in kids)
    if kind in ("prt", "prep"):
        return any(c.dep_ in ("prt", "prep", "advmod") and c.lower_ == arg for c in kids)
    words = cues().get(arg, set())
    if kind == "threat":
        return _threat_content(tok, kids, words)
    if kind == "dest":
        return _deploys(tok, words)
    if kind == "subj":  # "demonstrators flooded ...", "hundreds of protesters gathered"
        subj = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
        subj += [g for s in subj for p in s.children if p.dep_ == "prep" and p.lower_ == "of"
                 for g in p.children if g.dep_ == "pobj"]
        return any(_class_words(s) & words for s in subj)
    if kind in ("obj", "noobj"):
        objs = [c for c in kids if c.dep_ in ("dobj", "nsubjpass", "pobj", "attr")]
        if tok.dep_ == "acl" and tok.tag_ == "VBN":
            objs.append(tok.head)  # "footage released by X": the noun is what was released
        objs += [g for c in kids if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        found = any(_class_words(o) & words or any(_class_words(m) & words for m in o.children
                                                   if m.dep_ in ("compound", "amod", "nmod"))
                    for o in objs)
        return found if kind == "obj" else not found
    if kind in ("mod", "nomod"):
        found = any(_class_words(c) & words for c in kids
                    if c.dep_ in ("amod", "compound", "nmod", "npadvmod", "advmod", "acl"))
        found = found or any(_class_words(g) & words for c in kids if c.dep_ == "prep"
                             and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
        found = found or bool(_class_words(tok.head) & words and tok.dep_ in ("dobj", "pobj"))
        return found if kind == "mod" else not found
    return False


@functools.lru_cache(maxsize=1)
def _known_words() -> dict[str, frozenset]:
    """"V"/"N" -> every word `match` can find anything for with that part of speech: the
    lexicon's lemmas, and for verbs also PETRARCH2's and the signing verbs read as its SIGN
    (`petrarch.signing`); a word outside them all matches nothing."""
    from .petrarch import tables

    known = {"V": set(tables()[0]) | set(cues().get("sign", ())), "N": set()}  # + `petrarch.signing`
    for lemma, pos in triggers():
        known.setdefault(pos, set()).add(lemma)
    return {pos: frozenset(words) for pos, words in known.items()}


def petrarch_level() -> str:
    """How much of PETRARCH2's verb dictionary is used: "off", "patterns" (verb + object or
    preposition patterns) or "all" (also a verb's own code when the lexicon lacks the verb).
    Env DATELINE_PETRARCH overrides the default, for ablations (docs/results.md)."""
    return os.environ.get("DATELINE_PETRARCH", "all")


def match(tok) -> Optional[Trigger]:
    """The trigger row for this token, or None.

    Order: a lexicon row whose condition holds; else a PETRARCH verb + object/preposition
    pattern (events/petrarch.py); else an unconditional lexicon row; else PETRARCH's code for
    the bare verb.
    """
    pos = tok.pos_
    pos = "V" if pos in ("VERB", "AUX") else "N" if pos in ("NOUN", "PROPN") else ""
    if not pos:
        return None
    lemma, lower = tok.lemma_.lower(), tok.lower_
    known = _known_words()[pos]
    if lemma not in known and lower not in known:
        return None  # no lexicon row and no PETRARCH entry: every test below finds nothing
    from . import petrarch
    table = triggers()
    rows = table.get((lemma, pos)) or table.get((lower, pos)) or []
    if not rows and pos == "V" and petrarch.signing(tok):
        rows = table.get(("sign", "V"), [])  # "inked a deal" as "signed a deal"
    row = next((r for r in rows if condition_holds(r.condition, tok)), None)
    if row is not None and (row.condition or "state" in row.flags):
        return row  # a conditioned row, or an act of the state by definition (arrest: COERCE)
    level = petrarch_level()
    if pos == "V" and level != "off":
        hit = petrarch.pattern_match(tok)
        if hit is not None:
            return hit
        excluded = any(r.condition.startswith(("noobj:", "nomod:", "threat:")) for r in rows)
        if row is None and not excluded and level == "all":  # a failed "no-" condition excludes
            return petrarch.verb_match(tok)  # the use ("released footage"): no bare-verb code
    return row
