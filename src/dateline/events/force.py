"""Figurative force: ASSAULT, COERCE and MOBILIZE need a physical act against people or property.

PLOVER (manual, material conflict) codes force only for physical acts by an armed or state
actor. Politics reports use the same verbs for words: "attacked the Tory plans", "fight crime",
"on the offensive". `judge(cand)` returns "physical", "verbal" (an attack on plans, claims or a
record: re-coded ACCUSE) or "figurative" (not coded).

Knowledge used, no word list of our own:
- what a force verb's object may be comes from PETRARCH2's CAMEO patterns (data/events/
  petrarch_*.tsv): the object heads of patterns coded as force (ASSAULT/COERCE/MOBILIZE, e.g.
  ATTACK * &MILITARY, SEIZE * &WEAPON) are physical; the object heads of the same verbs'
  patterns coded as words (ATTACK * &PROPOSAL -> 111 criticize) are verbal;
- armed actors are the actor sectors MIL, REB, COP, SPY, UAF, CRM, state ones GOV, JUD (the
  actors stage, data/actors/roles.tsv), or a side named by a military noun (cues.json military);
  a minister attacking a decision is words, so for ASSAULT only armed sectors count, or a
  country named as the actor (a GPE: the state as a whole);
- people and property are persons, groups and places (entity labels PERSON, NORP, GPE, LOC,
  FAC, ORG), personal pronouns and PETRARCH's synsets of people, places, arms and forces
  (&PEOPLE, &TOWN, &WEAPON, &MILITARY ...) with cues.json military/captive nouns;
Rule: physical if the recipient is people or property, or the trigger is a state act by
definition (arrest, detain: lexicon flag "state"); with no recipient named, figurative when the
named source is unarmed (a known non-armed sector) or when only PETRARCH's code for the bare
verb made it force; an object in the verbal set,
or any other object (a plan, a record, crime) unless the source is positively armed, makes the
act verbal (ACCUSE) when CAMEO also codes the verb as criticism (ATTACK, BLAST ...) and the
object has an owner ("Labour's pledges", "Tory plans"), else figurative (not coded).
"""
from __future__ import annotations

import functools

from .lexicon import cues
from .petrarch import _synsets, tables
from ..pronouns import pronouns

FORCE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}
ARMED = {"MIL", "REB", "COP", "SPY", "UAF", "CRM"}
STATE = {"GOV", "JUD"}
PEOPLE_LABELS = {"PERSON", "NORP", "GPE", "LOC", "FAC", "ORG"}
PERSON_PRONOUNS = pronouns(case=("subj", "obj")) - pronouns(gender="n")  # not "it"
VERBAL_CODES = {"ACCUSE", "REJECT", "REQUEST", "THREATEN", "PROTEST"}


def _heads(pattern) -> set[str]:
    out = set()
    for kind, _prep, heads, _mods in pattern.constraints:
        if kind == "obj":
            out |= set(heads)
    return out


@functools.lru_cache(maxsize=1)
def object_sets() -> tuple[frozenset, frozenset]:
    """(physical, verbal) object heads of PETRARCH's patterns of force verbs."""
    verbs, patterns = tables()
    force_blocks = {block for rows in verbs.values() for _p, block, _c, t, _m in rows
                    if t in FORCE_TYPES}
    force_objs, verbal = set(), set()
    for block in force_blocks:
        for pat in patterns.get(block, ()):
            if pat.type in FORCE_TYPES:
                force_objs |= _heads(pat)
            elif pat.type in VERBAL_CODES:
                verbal |= _heads(pat)
    physical = set()
    syn = _synsets()
    for name in ("&MILITARY", "&PEOPLE", "&TOWN", "&WEAPON", "&AIRCRAFT", "&CAR",
                 "&STRONGHOLD", "&HOSTAGE", "&REFUGEE", "&SUSPECT", "&LEADER", "&OPPOSITION"):
        physical |= set(syn.get(name, ()))
    physical |= cues()["military"] | cues()["captive"]
    # a head both coded as force and as words ("attack" the attacks, "fire") stays undecided
    return frozenset(physical), frozenset(verbal - physical - force_objs)


def verbal_block(lemma: str) -> bool:
    """Does CAMEO also code this verb as words (a criticism pattern in its block)?"""
    verbs, patterns = tables()
    blocks = {b for _p, b, *_ in verbs.get(lemma, ())}
    return any(p.type == "ACCUSE" for b in blocks for p in patterns.get(b, ()))


def _forms(tok) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


def _armed(cand) -> bool:
    """A source positively named as armed (or, for COERCE/MOBILIZE, as the state)."""
    words = cues()["military"]
    if any(_forms(t) & words or any(_forms(c) & words for c in t.children
                                    if c.dep_ in ("compound", "amod")) for t in cand.source_toks):
        return True
    if any(t.ent_type_ == "GPE" for t in cand.source_toks):
        return True  # a country acting as a whole ("attacked by Uganda") is the state
    allowed = ARMED | (STATE if cand.types[0] != "ASSAULT" else set())
    return any(r.sector in allowed for r in cand.source)


def _unarmed(cand) -> bool:
    """The source is named and none of it is armed (or, for COERCE/MOBILIZE, the state): a
    politician, a party, a paper. A source of unknown sector is given the benefit of the doubt."""
    if not cand.source:
        return False
    words = cues()["military"]
    if any(_forms(t) & words or any(_forms(c) & words for c in t.children
                                    if c.dep_ in ("compound", "amod")) for t in cand.source_toks):
        return False
    allowed = ARMED | (STATE if cand.types[0] != "ASSAULT" else set())
    return all(r.sector and r.sector not in allowed for r in cand.source)


def _object_kind(tok, view=None) -> str:
    """"people" (people or property), "verbal" or "abstract" for one recipient token."""
    physical, verbal = object_sets()
    if tok.lower_ in PERSON_PRONOUNS or tok.ent_type_ in PEOPLE_LABELS:
        return "people"
    if view is not None and (view.at(tok.idx, tok.idx + len(tok.text)) is not None
                             or view.is_place(tok.idx, tok.idx + len(tok.text))):
        return "people"  # the actor stage found a person, group or place here
    if _forms(tok) & physical:
        return "people"
    if _forms(tok) & verbal:
        return "verbal"
    return "abstract"


def recipients(cand) -> list:
    toks = [t for t in cand.target_toks if t.pos_ in ("NOUN", "PROPN", "PRON")]
    if cand.trigger.pos_ in ("NOUN", "PROPN"):
        toks += [g for c in cand.trigger.children if c.dep_ == "prep"
                 and c.lower_ in ("on", "against") for g in c.children if g.dep_ == "pobj"]
    return toks


def judge(cand, view=None) -> str:
    """"physical", "verbal" or "figurative" for a force candidate (see the module doc);
    `view` (ActorView) lets a recipient the actor stage resolved count as people."""
    if cand.types[0] not in FORCE_TYPES:
        return "physical"
    if cand.types[0] == "MOBILIZE" and _moves_forces(cand.trigger):
        return "physical"  # troops, ships or jets moved: a deployment whatever the recipient
    kinds = [_object_kind(t, view) for t in recipients(cand)]
    if "people" in kinds:
        return "physical"
    if "state" in cand.row.flags:
        return "physical"  # arrest, detain: an act of the state by definition
    if not kinds:
        if "petrarch" in cand.row.flags and "pattern" not in cand.row.flags:
            return "figurative"  # CAMEO's code for a bare verb ("die", "battle") needs a victim
        return "figurative" if _unarmed(cand) else "physical"
    if "verbal" not in kinds and (_armed(cand) or (cand.types[0] != "ASSAULT"
                                                     and not _unarmed(cand))):
        return "physical"  # states close borders and issue decrees: COERCE need not be bodily
    owned = any(_owner(t) for t in recipients(cand))
    return "verbal" if owned and verbal_block(cand.trigger.lemma_.lower()) else "figurative"


def _moves_forces(verb) -> bool:
    """The verb's object (or the subject of a verb it governs: "ordered troops sent") is a
    military force (cues.json forces/military)."""
    words = cues()["forces"] | cues()["military"]
    objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objs += [g for c in verb.children if c.dep_ in ("xcomp", "ccomp", "conj")
             for g in c.children if g.dep_ in ("nsubj", "nsubjpass", "dobj")]
    objs += [g for o in list(objs) for g in o.children if g.dep_ == "conj"]
    objs += [g for o in list(objs) for p in o.children if p.dep_ == "prep" and p.lower_ == "of"
             for g in p.children if g.dep_ == "pobj"]
    return any(_forms(o) & words for o in objs)


def _owner(tok) -> bool:
    """"Labour's pledges", "the Tory plans", "plans by X": the attacked thing has an owner, so
    the attack is a criticism of that owner (ACCUSE); "fight crime" has none."""
    for c in tok.children:
        if c.dep_ == "poss" and c.lower_ not in pronouns(case="det"):
            return True
        if c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in PEOPLE_LABELS:
            return True
        if c.dep_ == "prep" and c.lower_ in ("by", "of", "from"):
            if any(g.ent_type_ in PEOPLE_LABELS for g in c.children):
                return True
    return False


def sort_force(cands: list, view=None) -> list:
    """Re-code verbal attacks as ACCUSE (disapprove), drop figurative force."""
    out = []
    for c in cands:
        verdict = judge(c, view)
        if verdict == "figurative":
            continue
        if verdict == "verbal":
            c.types = ("ACCUSE",)
            c.verbal_force = True
        out.append(c)
    return out
