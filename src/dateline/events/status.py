"""Event modality: asserted, future, hypothetical, negated or alleged.

Read off the trigger's own dependents (auxiliaries, negation, adverbs, modifiers) and the chain
of heads that governs it ("plans to visit", "is due to", "ahead of his planned visit", "if ...").
The coder passes `embedded` when the event sits inside an accusation ("alleged") or a denial
("negated").
"""
from __future__ import annotations

from typing import Optional

from .lexicon import cues

_CHAIN_DEPS = ("xcomp", "aux", "auxpass", "conj", "acomp", "pcomp")


def _aux_words(tok) -> set[str]:
    return {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}


def _neg(tok) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no" and tok.pos_ == "NOUN")
               for c in tok.children)


def _governors(tok, limit: int = 4):
    """Heads above the trigger through control/complement links: want/plan/refuse/fail...;
    not past an adverbial clause that has a subject of its own."""
    out, cur = [], tok
    for _ in range(limit):
        if cur.dep_ not in ("xcomp", "pcomp", "pobj", "prep", "acomp", "advcl") or cur.head is cur:
            break
        if cur.dep_ == "advcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
            break  # "..., as forces traded gunfire": its own subject, its own act
        cur = cur.head
        out.append(cur)
    return out


def _is_conditional(tok) -> bool:
    marks = cues()["hypothetical_marks"]
    for t in [tok] + [a for a in tok.ancestors][:3]:
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in t.children):
            return True
    return False


def _open_question(chain) -> bool:
    """"discussed whether to send troops", "a decision on whether to allow X": a complement
    marked by "whether"/"if" is an open question, not a fact (PLOVER auxiliary mode
    hypothetical)."""
    marks = cues()["hypothetical_marks"]
    return any(t.dep_ in ("xcomp", "ccomp", "pcomp", "acl") and
               any(c.dep_ == "mark" and c.lower_ in marks for c in t.children) for t in chain)


def _be_to(tok) -> bool:
    """"Kenya is to hold talks" ("be to" + infinitive: an arranged act), not "it is necessary to
    increase pressure" (a predicate with its own complement or an expletive subject)."""
    head = tok.head
    return (tok.dep_ == "xcomp" and head.lemma_ == "be"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and not any(c.dep_ in ("acomp", "attr", "expl") or c.lower_ == "it"
                        for c in head.children))


def _reported(tok) -> bool:
    """"would" under a reporting verb is a future-in-the-past, not a hypothetical."""
    head = tok.head
    return tok.dep_ == "ccomp" and head.lemma_.lower() in cues()["reporting_verbs"]


def verb_status(tok) -> str:
    c = cues()
    chain = [tok] + _governors(tok)
    if any(_neg(t) for t in chain) or any(g.lemma_.lower() in c["negating_governors"]
                                          for g in chain[1:]):
        return "negated"
    aux = set().union(*(_aux_words(t) for t in chain))
    if aux & c["hypothetical_aux"]:
        if aux & {"would"} and _reported(chain[-1]) and not _is_conditional(tok):
            return "future"
        return "hypothetical"
    if _is_conditional(tok) or _open_question(chain + list(tok.ancestors)[:3]):
        return "hypothetical"
    if aux & c["future_aux"]:
        return "future"
    if any(g.lemma_.lower() in c["future_governors"] or g.lower_ in c["future_governors"]
           for g in chain[1:]):
        return "future"
    if any(_be_to(t) for t in chain):
        return "future"  # "Kenya is to hold talks": "be to" + infinitive is an arrangement
    if any(g.lemma_.lower() in c["commissive_governors"] for g in chain[1:]):
        return "future"  # "agreed to hold talks": the talks are still to come (PLOVER AGREE)
    if any(ch.lower_ in c["alleged_adverbs"] for t in chain for ch in t.children):
        return "alleged"
    return "asserted"


def noun_status(tok) -> str:
    c = cues()
    mods = {ch.lower_ for ch in tok.children if ch.dep_ in ("amod", "compound", "nmod", "advmod")}
    if _neg(tok):
        return "negated"
    if mods & c["hypothetical_modifiers"]:
        return "hypothetical"
    if mods & c["future_modifiers"]:
        return "future"
    for anc in list(tok.ancestors)[:3]:
        if anc.lower_ in c["future_preps"] and anc.dep_ in ("advmod", "prep"):
            return "future"
    head = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "of" else tok  # "a round of talks"
    if head.dep_ in ("nsubjpass", "dobj") and head.head.lemma_.lower() in c["deferring_governors"]:
        return "future"  # "talks ... have been postponed until Monday": they are still to come
    if mods & c["alleged_modifiers"]:
        return "alleged"
    return "asserted"


def status_of(tok, light_verb=None, embedded: Optional[str] = None) -> str:
    """Status of the event triggered by `tok` (a noun carried by `light_verb` takes the verb's)."""
    if tok.pos_ in ("NOUN", "PROPN"):
        own = noun_status(tok)
        if own == "asserted" and light_verb is not None:
            own = verb_status(light_verb)
        elif own == "asserted" and tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX"):
            governed = verb_status(tok.head.head)  # "will meet ... during his visit"
            own = governed if governed == "future" else own
        elif own == "asserted" and tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):
            governed = verb_status(tok.head)  # "will have one-on-one conversations"
            own = governed if governed == "future" else own
    else:
        own = verb_status(tok)
    if embedded == "deny" and own == "asserted":
        return "negated"
    if embedded == "allege" and own in ("asserted", "future"):
        return "alleged"
    return own
