"""One event, many mentions: a nominal reference back to an event already coded is a mention.

"Police arrested him on Monday ... after his arrest ... their arrests drew protests" is one
COERCE event told three times. A trigger noun that refers back (a definite or possessive
determiner: "the attack", "his arrest", "this decision") and whose resolved actors are all
among an earlier event's actors of the same type is folded into that event: its evidence span
is kept as a mention (Event.mentions), not coded again. An indefinite noun ("an attack",
"new arrests") is a new event. (Event coreference as in ACE/ERE: an event nominal coreferent
with an earlier verbal mention.)
"""
from __future__ import annotations

DEFINITE = {"the", "this", "that", "these", "those"}
INDEFINITE_MODS = {"new", "another", "further", "fresh", "more", "second", "third", "other"}


def _refers_back(cand) -> bool:
    tok = cand.trigger
    if tok.pos_ not in ("NOUN", "PROPN") or cand.light is not None:
        return False
    kids = list(tok.children)
    if any(c.lower_ in INDEFINITE_MODS or c.dep_ == "nummod" for c in kids):
        return False
    return any((c.dep_ == "det" and c.lower_ in DEFINITE) or c.dep_ == "poss" for c in kids)


def _keys(refs) -> set:
    return {r.actor or r.country or r.name for r in refs if not (r.text == "" and r.actor is None
                                                                  and r.name is None)}


def _same_event(earlier, cand) -> bool:
    if earlier.types[0] != cand.types[0] or earlier.trigger.idx >= cand.trigger.idx:
        return False
    mine = _keys(cand.source) | _keys(cand.target)
    theirs = _keys(earlier.source) | _keys(earlier.target)
    return bool(theirs) and mine <= theirs  # "his arrest" (no actor of its own) fits any


def fold_mentions(cands: list) -> list:
    """Candidates with back-references folded into the event they mention (in text order);
    each kept candidate's `mentions` lists the folded ones."""
    kept: list = []
    for cand in sorted(cands, key=lambda c: c.trigger.idx):
        if _refers_back(cand):
            antecedent = next((e for e in reversed(kept) if _same_event(e, cand)), None)
            if antecedent is not None:
                antecedent.mentions.append(cand)
                continue
        kept.append(cand)
    return kept


PAIR_WORDS = {"two", "both"}


def _pair_phrase(toks) -> bool:
    """"the two leaders", "both sides", "both countries": a plural naming two parties."""
    return any(t.pos_ in ("NOUN", "PRON") and any(c.lower_ in PAIR_WORDS for c in t.children)
               or t.lower_ == "both" for t in toks)


def resolve_pairs(cands: list) -> None:
    """A side given as "the two leaders" / "both sides" with no actor of its own is the two
    parties of the nearest earlier event that has exactly two (an anaphor for a pair)."""
    earlier: list = []
    for cand in sorted(cands, key=lambda c: c.trigger.idx):
        if not cand.source and _pair_phrase(cand.source_toks or _governor_subject(cand.trigger)):
            pair = next((e for e in reversed(earlier) if len(_parties(e)) == 2), None)
            if pair is not None:
                refs = list({(r.actor or r.country or r.name): r
                             for r in pair.source + pair.target}.values())
                cand.source = list(refs)
                if not cand.target:
                    cand.target = list(refs)
        if cand.source or cand.target:
            earlier.append(cand)


def _parties(cand) -> set:
    return {r.actor or r.country or r.name for r in cand.source + cand.target
            if r.country or r.actor}


def _governor_subject(tok) -> list:
    """The subject of the verb a trigger noun is the object of ("the two leaders will have
    conversations")."""
    head = tok.head
    if tok.pos_ not in ("NOUN", "PROPN") or head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
        return []
    return [c for c in head.children if c.dep_ == "nsubj"]
