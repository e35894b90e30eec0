"""Which learned attributions without a finite clause are quotations (the pipeline's scope).

The learned tagger (`tagger`) also finds attributions whose content is a noun phrase or an
infinitive ('criticized the plan', 'was dismissive of the report', 'urged them to leave'). PolNeAR
annotates all of them; the dev gold (GOLD_FORMAT.md) lists speech and codes acts as PLOVER
events. Two parts decide:
  * a logistic regression learned from PolNeAR train (scripts/quotes/train_admit.py, weights in
    data/quotes/admit.json): P(the candidate's content is a gold attribution's content) from the
    cue's lemma and tags, the tagger's cue probability, the content's shape and the source's kind;
  * the event stage's trigger lexicon (`events.lexicon.match`: PLOVER manual, PETRARCH2's CAMEO
    verb dictionary): a cue it codes as an event is an act, as the dev gold codes it.
`features(sp, cue, att, start, end, cue_p) -> list[str]`; `admitted(...) -> bool`.
"""
from __future__ import annotations

import functools
import json
import math
from typing import Optional

from ..paths import data_file

THRESHOLD = 0.5  # admission probability (chosen on PolNeAR dev and dev 01-20; see docs/results.md)
FUNCTION_WORDS = frozenset({"to", "as", "for", "of", "on", "about", "that", "with", "against", "in", "at",
                            "by", "from", "over", "into", "whether", "if", "what", "how", "why"})


def is_event_trigger(tok) -> bool:
    """Does the event stage code this cue as a PLOVER event (`events.lexicon.match`)?"""
    from ..events import lexicon as event_lexicon
    return event_lexicon.match(tok) is not None


def _bucket(x: float, edges) -> str:
    return next((str(e) for e in edges if x <= e), "more")


def features(sp, cue, att, start: int, end: int, cue_p: float) -> list[str]:
    """Feature strings of one candidate (see the module docstring)."""
    span = sp.char_span(start, end, alignment_mode="expand")
    toks = [t for t in span if not t.is_space] if span is not None else []
    first = toks[0] if toks else None
    first_s = (first.lower_ if first.lower_ in FUNCTION_WORDS else first.pos_) if first is not None else "-"
    root = span.root if span is not None and len(span) else None
    lem = cue.lemma_.lower()
    src = att.source
    src_s = "-" if src is None else (src.ent_type_ or ("PRON" if src.pos_ == "PRON" else src.pos_))
    trig = is_event_trigger(cue)
    f = ["b", f"l={lem}", f"p={cue.pos_}", f"t={cue.tag_}", f"d={cue.dep_}", f"trig={trig}",
         f"cp={_bucket(cue_p, (0.6, 0.7, 0.8, 0.9, 0.95))}", f"first={first_s}",
         f"root={root.pos_ if root is not None else '-'}|{root.dep_ if root is not None else '-'}",
         f"len={_bucket(len(toks), (3, 5, 8, 13, 21, 34))}", f"src={src_s}",
         f"l|first={lem}|{first_s}", f"trig|first={trig}|{first_s}", f"p|first={cue.pos_}|{first_s}",
         f"vbg={any(t.tag_ == 'VBG' for t in toks[:3])}", f"ing_first={first is not None and first.tag_ == 'VBG'}"]
    return f


@functools.lru_cache(maxsize=None)
def _weights() -> Optional[dict]:
    path = data_file("quotes", "admit.json")
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def probability(feats: list[str]) -> Optional[float]:
    """P(real attribution) under the learned weights, or None when the weights file is missing."""
    model = _weights()
    if model is None:
        return None
    w = model["weights"]
    z = model["intercept"] + sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-z))


def admitted(sp, cue, att, start: int, end: int, cue_p: float) -> bool:
    """Is this non-finite learned attribution a quotation? Not when the event stage codes its cue
    as an event (an act: 'accused X of Y', 'condemned the attack'); otherwise when the learned
    probability reaches THRESHOLD (without the weights file: always, the rule of round 4).

    Admitting event-stage cues the model is sure of (p >= 0.9 or 0.95) raised PolNeAR dev content
    F1 to 0.713 but lowered dev quotes F1 to 0.78-0.80 (docs/results.md, round 5 quotes)."""
    if is_event_trigger(cue):
        return False
    p = probability(features(sp, cue, att, start, end, cue_p))
    return p is None or p >= THRESHOLD
