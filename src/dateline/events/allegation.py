"""Reported allegations: "X said Y lied" is an accusation by X against Y (PLOVER ACCUSE).

News states most accusations by reporting them: "Lavrov said the arrests showed the party of
war was gaining the upper hand", "activists say Thein Sein has lagged behind on reforms",
"a spokesman said tanks from Russia crossed into Ukraine". A reporting verb (cues.json
reporting_verbs) whose content clause (ccomp) names an actor as the doer (its subject, the "by"
agent of a passive, or the owner of the subject: "Georgia's actions") and whose predicate is a
clearly negative verb or adjective (not a plan: no future or modal auxiliary) gives a candidate ACCUSE from the speaker to that actor. Negative words are the
VADER sentiment lexicon's (data/events/negative_words.tsv, built by
scripts/events/build_negative_words.py). The candidate is kept only when both sides resolve to
actors and differ (an actor reporting its own act accuses no one).

Characterisation is the other common form: "Ivanov called Georgia's actions wild and
hysterical", "described Uganda's decision as reckless" - a labelling verb (cues.json
labelling_verbs), an object owned by or naming an actor, and a negative label (VADER, or a word
PETRARCH codes as criticism after CALL: "unjustified", "illegitimate").
"""
from __future__ import annotations

import functools

from ..paths import word_set
from ..pronouns import pronouns
from .lexicon import Trigger, cues

# a pronoun subject ("it", "this", "there", "who") names no accused actor of its own
SELF_PRONOUNS = pronouns(case="subj", kind=("personal", "relative", "demonstrative", "expletive"))


def negative_words() -> frozenset[str]:
    return word_set("events", "negative_words.tsv")


def _doers(clause) -> list:
    """The actor a content clause says did something: agent of a passive, else the subject
    (with the owner of a possessed subject: "Georgia's actions")."""
    agent = [g for c in clause.children if c.dep_ == "agent" for g in c.children
             if g.dep_ == "pobj"]
    if agent:
        return agent
    subj = [c for c in clause.children if c.dep_ in ("nsubj", "csubj")]
    out = []
    for s in subj:
        if s.lower_ in SELF_PRONOUNS:
            continue
        out.append(s)
        out += [c for c in s.children if c.dep_ == "poss" and c.lower_ not in SELF_PRONOUNS]
    return out


PREDICATE_DEPS = ("acomp", "attr", "dobj", "oprd", "xcomp", "advmod", "conj")


@functools.lru_cache(maxsize=1)
def label_words() -> frozenset[str]:
    """Negative words plus the objects of PETRARCH's CALL patterns coded as criticism (ACCUSE)."""
    from .petrarch import tables

    verbs, patterns = tables()
    extra = set()
    for prt, block, *_ in verbs.get("call", ()):
        if prt:  # "call off", "call up" are other verbs
            continue
        for pat in patterns.get(block, ()):
            if pat.type == "ACCUSE" and pat.cameo.startswith("11"):  # criticise, accuse
                for kind, _p, heads, _m in pat.constraints:
                    if kind == "obj":
                        extra |= {h for h in heads if len(h) > 3}
    return negative_words() | frozenset(extra)


def _label(obj, verb) -> bool:
    """A negative label on the object: a predicate complement, an "as" phrase or (as the small
    model parses "called X wild") an adjective on the object."""
    words = label_words()
    spots = [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "ccomp")]
    spots += [g for h in (verb, obj) for c in h.children if c.dep_ == "prep" and c.lower_ == "as"
              for g in c.subtree]
    spots += [c for c in obj.children if c.dep_ == "amod"]
    spots += [g for s in list(spots) for g in s.children if g.dep_ == "conj"]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in spots
               if t.pos_ in ("ADJ", "NOUN", "VERB"))


def characterisations(sent, triggers: set) -> list:
    """[(labelling verb, speaker tokens, labelled tokens, Trigger)] for one sentence."""
    from .coder import _subject_of

    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.i in triggers:
            continue
        if tok.lemma_.lower() not in cues()["labelling_verbs"]:
            continue
        speaker, passive = _subject_of(tok)
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if not speaker or passive or not objs or not _label(objs[0], tok):
            continue
        owners = [c for c in objs[0].children if c.dep_ == "poss" and c.lower_ not in SELF_PRONOUNS]
        row = Trigger(tok.lemma_.lower(), "V", ("ACCUSE",), "disapprove",
                      frozenset({"allegation"}), "")
        out.append((tok, speaker, owners or objs, row))
    return out


def _negative(clause) -> bool:
    """The clause's predicate says something bad: its head verb or adjective, or the head's
    complement or object ("had lied", "was rigged", "were waging a war"); a negative noun deep
    in a description ("allies in the war on terror") does not count."""
    words = negative_words()
    preds = [clause] + [c for c in clause.children if c.dep_ in PREDICATE_DEPS]
    return any(t.lemma_.lower() in words or t.lower_ in words for t in preds
               if t.pos_ in ("VERB", "ADJ", "ADV"))  # a deed or a judgement, not a topic noun


def _intent(clause) -> bool:
    """"X said Gazprom will stop supplies": a reported plan or possibility is not a charge."""
    aux = cues()["future_aux"] | cues()["hypothetical_aux"]
    return any(c.dep_ == "aux" and c.lower_ in aux for c in clause.children)


def allegations(sent, triggers: set) -> list:
    """[(reporting verb token, speaker tokens, accused tokens, Trigger)] for one sentence;
    `triggers` holds token indices already coded as triggers (those verbs are left alone)."""
    from .coder import _subject_of

    reporting = cues()["reporting_verbs"]
    out = []
    for tok in sent:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in reporting or tok.i in triggers:
            continue
        speaker, passive = _subject_of(tok)
        if not speaker or passive or speaker[0].lower_ in SELF_PRONOUNS:
            continue
        for clause in (c for c in tok.children if c.dep_ == "ccomp"):
            doers = _doers(clause)
            if doers and _negative(clause) and not _intent(clause):
                row = Trigger(tok.lemma_.lower(), "V", ("ACCUSE",), "allege",
                              frozenset({"allegation"}), "")
                out.append((tok, speaker, doers, row))
                break
    return out
