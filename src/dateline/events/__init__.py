"""PLOVER event coding: `code_events(doc)` fills `doc.article.events`.

Candidates come from the dependency parse (coder.py) with types from the trigger lexicon; where
a trigger is ambiguous, the trained classifier (events/classify.py, when installed) chooses among
the lexicon's types, in one batched call per article. Events whose sides resolve to no actor are
not coded; the same event told twice in a paragraph is kept once.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Optional

from ..model import Event, Span
from . import ontology
from .actorview import ActorView
from .contexts import contexts_for
from .force import sort_force
from .mentions import fold_mentions, resolve_pairs
from .response import default_recipients, respond_to_antecedents
from ..nlp import sentences_of
from .coder import PARTNER_TYPES, sent_bounds, Candidate, evidence_bounds, sentence_candidates

log = logging.getLogger(__name__)
NEEDS_BOTH = {"CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "RETREAT", "REQUEST", "SANCTION",
              "MOBILIZE"}


def _sent_text(tok) -> str:
    start, end = sent_bounds(tok)
    return tok.doc[start:end].text


def _sent_span(tok):
    start, end = sent_bounds(tok)
    return tok.doc[start:end]


def _classifier():
    try:
        from .classify import predict_proba  # built by the classifier engineer
        return predict_proba
    except Exception:
        return None


def _proba_rows(result, n: int) -> list[dict]:
    """Normalise the classifier's answer to one {type: p} dict per candidate."""
    if isinstance(result, tuple) and len(result) in (2, 3):
        classes, matrix = (result[2], result[1]) if len(result) == 3 else result
        return [dict(zip(classes, map(float, row))) for row in matrix]
    rows = list(result)
    if rows and isinstance(rows[0], dict):
        return rows
    return [{} for _ in range(n)]


def choose_types(cands: list[Candidate]) -> None:
    """Pick each ambiguous candidate's type with the classifier (YIELD = CONCEDE or RETREAT)."""
    ambiguous = [c for c in cands if len(c.types) > 1 and (c.source or c.target)]
    predict = _classifier() if ambiguous else None
    if predict is None:
        return
    sents = [_sent_text(c.head) for c in ambiguous]
    srcs = [c.source[0].text if c.source else "" for c in ambiguous]
    tgts = [c.target[0].text if c.target else "" for c in ambiguous]
    try:
        rows = _proba_rows(predict(sents, srcs, tgts, docs=[_sent_span(c.head) for c in ambiguous]), len(ambiguous))
    except Exception as exc:  # the classifier is optional: the lexicon default stands
        log.debug("classifier failed: %s", exc)
        return
    for cand, probs in zip(ambiguous, rows):
        if "YIELD" in probs:
            probs = dict(probs, CONCEDE=probs["YIELD"], RETREAT=probs["YIELD"])
        best = max(cand.types, key=lambda t: probs.get(t, 0.0))
        if probs.get(best, 0.0) > 0:
            cand.types = (best,) + tuple(t for t in cand.types if t != best)


def confirm_bare_verbs(cands: list[Candidate], floor: float = 0.05) -> list[Candidate]:
    """A trigger that only PETRARCH's code for the bare verb supports (no pattern, no lexicon
    row) is kept when the PLV classifier gives its type at least `floor` on the sentence:
    CAMEO's verb codes are broad ("use", "take", "head"), the classifier reads the context."""
    bare = [c for c in cands if "petrarch" in c.row.flags and "pattern" not in c.row.flags]
    predict = _classifier() if bare else None
    if predict is None:
        return cands
    try:
        rows = _proba_rows(predict([_sent_text(c.head) for c in bare],
                                   [c.source[0].text if c.source else "" for c in bare],
                                   [c.target[0].text if c.target else "" for c in bare],
                                   docs=[_sent_span(c.head) for c in bare]), len(bare))
    except Exception as exc:
        log.debug("classifier failed: %s", exc)
        return cands
    drop = {id(c) for c, probs in zip(bare, rows) if probs.get(c.types[0], 0.0) < floor}
    return [c for c in cands if id(c) not in drop]


def _confidence(c: Candidate) -> float:
    """A rough belief that the event is right: resolved sides, an unambiguous verb trigger."""
    conf = 0.35
    conf += 0.2 if c.source and not c.implicit_source else 0.05 if c.source else 0.0
    conf += 0.15 if c.target and not c.implicit_target else 0.0
    conf += 0.1 if len(c.row.types) == 1 else 0.0
    conf += 0.05 if c.trigger.pos_ in ("VERB", "AUX") or c.light is not None else 0.0
    conf -= 0.1 if c.embedded or c.parent is not None else 0.0
    return max(0.05, min(0.9, conf))


def _paragraph_of(text: str, pos: int) -> int:
    return text.count("\n\n", 0, pos)


def _quote_for(quotes, start: int, end: int):
    for q in quotes or ():
        if q.start <= start and end <= q.end:
            return q.id
    return None


def _to_event(c: Candidate, text: str, quotes) -> Event:
    type_ = c.types[0]
    if type_ == "SUPPORT" and c.row.mode == "sign" and c.status in ("future", "hypothetical"):
        type_ = "AGREE"  # PLOVER: an agreement not yet signed is an expressed intent
    mode = ontology.valid_mode(type_, c.row.mode if type_ == c.row.types[0] else None)
    start, end = evidence_bounds(c)
    mentions = [Span(text[a:b], a, b) for a, b in map(evidence_bounds, c.mentions)]
    return Event(
        id="", type=type_, mode=mode,
        contexts=contexts_for(ontology.contexts(type_), _sent_text(c.trigger)),
        quad=ontology.quad(type_),
        cameo=ontology.cameo(type_, mode), source=c.source, target=c.target, status=c.status,
        evidence=Span(text[start:end], start, end),
        attributed_to=_quote_for(quotes, c.trigger.idx, c.trigger.idx + len(c.trigger.text)),
        confidence=_confidence(c), mentions=mentions)


def _keep(c: Candidate) -> bool:
    """Only events with a resolved actor: a source, or a recipient of a passive/nominal event.

    A bare event noun needs both sides ("Li's trip" alone is a mention, not an event)."""
    noun = c.trigger.pos_ in ("NOUN", "PROPN") and c.light is None
    if noun and c.types[0] in NEEDS_BOTH and not (c.source and c.target):
        return False
    if c.source:
        return True
    if "petrarch" in c.row.flags:
        # PETRARCH codes a verb pattern only between two actors: an agentless passive ("the
        # school had been closed") is no event; a named but unresolved agent ("burned down by
        # armed men") still acts
        return bool(c.target) and c.passive and bool(c.source_toks)
    if noun:
        return False  # "the accusation against X", "in the bombing": a mention, nobody acting
    return bool(c.target) and c.passive


def _side_key(refs) -> frozenset:
    return frozenset(r.actor or r.country or r.name for r in refs)


def deduplicate(events: list[Event], text: str, lemmas: dict) -> list[Event]:
    """One event per (type, source, target, status, trigger word) within a paragraph.

    The trigger word is part of the key so that two distinct acts of one type in a paragraph
    ("expressed gratitude ... and pledged support") stay two events.
    """
    best: dict = {}
    for ev in events:
        key = (ev.type, _side_key(ev.source), _side_key(ev.target), ev.status,
               _paragraph_of(text, ev.evidence.start), lemmas.get(id(ev)))
        old = best.get(key)
        if old is None:
            best[key] = ev
            continue
        win, lose = (ev, old) if ev.confidence > old.confidence else (old, ev)
        spans = [lose.evidence] + lose.mentions + win.mentions  # the same event told twice
        win.mentions = sorted({(m.start, m.end): m for m in spans
                               if (m.start, m.end) != (win.evidence.start, win.evidence.end)
                               }.values(), key=lambda m: m.start)
        best[key] = win
    kept = sorted(best.values(), key=lambda e: e.evidence.start)
    for n, ev in enumerate(kept, 1):
        ev.id = f"e{n}"
    return kept


@dataclass
class Prepared:
    """What `prepare_events` leaves in `Doc.event_candidates` for `code_events`: the doc's
    `ActorView` and, per sentence (in `sentences_of` order), its candidates, or None where
    `code_events` must find them itself (the dry run asked a string not yet looked up)."""
    view: ActorView
    found: list


def prepare_events(docs: list) -> None:
    """The stage's batch step (`pipeline.Stage.prepare`), run over a batch of docs before
    `code_events` runs on each.

    Finds every sentence's candidates with `actors.lookup` answering only from its cache
    (`actors.recording`); a sentence whose look-ups were all answered keeps its candidates
    (they are what `code_events` would find), and the strings the others asked for are parsed
    in one batched call (`actors.prefetch`, ~0.6 ms a string instead of ~3.4 ms alone), so
    that `code_events` finds them cached when it redoes those sentences. Records are the same
    with or without this step. A doc that fails here is left to `code_events`."""
    from .. import actors

    asked: list[tuple[str, object]] = []
    for doc in docs:
        try:
            view = ActorView(doc)  # outside `recording`: its fallback path looks actors up
            found = [_dry_run(sent, view, asked) for sent in sentences_of(doc.spacy)]
        except Exception as exc:
            log.debug("events batch step skipped a doc: %s", exc)
            continue
        doc.event_candidates = Prepared(view, found)
    if asked:
        actors.prefetch(asked)


def _dry_run(sent, view: ActorView, asked: list) -> Optional[list[Candidate]]:
    """The sentence's candidates if finding them needed no look-up outside the cache, else
    None (and the strings looked up, with the article's date, are added to `asked`)."""
    from .. import actors

    with actors.recording() as names:
        try:
            found = sentence_candidates(sent, view)
        except Exception:
            found = None  # `code_events` redoes it, and skips it if it fails again
    asked += [(name, view._date) for name in names]
    return None if names else found


def code_events(doc) -> None:
    """Fill `doc.article.events`; an odd sentence is skipped (errors of the whole stage go to the
    pipeline's stage guard). Uses what `prepare_events` left in `doc.event_candidates`, if any."""
    article = doc.article
    article.events = []
    prepared, doc.event_candidates = getattr(doc, "event_candidates", None), None
    view = prepared.view if prepared is not None else ActorView(doc)
    cands: list[Candidate] = []
    for k, sent in enumerate(sentences_of(doc.spacy)):
        found = prepared.found[k] if prepared is not None else None
        if found is None:
            try:
                found = sentence_candidates(sent, view)
            except Exception as exc:
                log.debug("skipped sentence: %s", exc)
                continue
        cands.extend(found)
    resolve_pairs(cands)
    cands = confirm_bare_verbs([c for c in fold_mentions(cands) if _keep(c)])
    respond_to_antecedents(cands)
    default_recipients(cands, view)  # was coder.domestic_target (issue 7, kind 1)
    cands = [c for c in cands if c.target or c.types[0] not in PARTNER_TYPES - {"MOBILIZE"}]
    choose_types(cands)
    cands = sort_force(cands, view)
    events = [_to_event(c, article.text, article.quotes) for c in cands]
    lemmas = {id(e): c.trigger.lemma_.lower() for e, c in zip(events, cands)}
    article.events = deduplicate(events, article.text, lemmas)
