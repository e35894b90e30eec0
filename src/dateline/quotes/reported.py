"""Reported speech from the dependency parse: cue verb/noun + content clause + subject.

en_core_web_sm attaches quoted material oddly (a quoted noun phrase can hang off the cue verb
instead of the clause's verb), so content is taken from the whole ccomp subtree and, where the
parse gives none, from the sentence around the cue; the caller reconciles this with quote marks.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import sentences
from .speakers import document_nouns, issuer_of, subject_of

PUNCT = set(",.;:!?\u2014\u2013-\"'\u201c\u201d\u2018\u2019()")
INVERTED_VERBS = {"say", "tell", "add", "claim", "state", "write", "note", "warn", "insist", "argue",
                  "explain", "report", "announce", "confirm", "deny", "allege", "stress", "tweet"}
SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
REQUEST_VERBS = {"urge", "ask", "call", "tell", "order", "appeal", "demand", "implore", "press"}


@dataclass
class Reported:
    start: int
    end: int
    cue: tuple            # (start, end)
    speaker_tok: object   # spaCy token or None
    kind: str = "indirect"
    whole: Optional[tuple] = None  # (start, end) of content the attribution interrupts ('X, he said, Y')


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding blanks, punctuation and a leading complementiser "that"."""
    changed = True
    while changed and start < end:
        changed = False
        while start < end and (text[start].isspace() or text[start] in PUNCT):
            start, changed = start + 1, True
        while end > start and (text[end - 1].isspace() or text[end - 1] in PUNCT):
            end, changed = end - 1, True
        if text[start:start + 5].lower() == "that " :
            start, changed = start + 5, True
    return start, end


def _span(tokens) -> tuple[int, int]:
    first, last = min(t.i for t in tokens), max(t.i for t in tokens)
    doc = tokens[0].doc
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _cue_span(verb, nouns) -> tuple[int, int]:
    """The cue words: the verb, its particle, and a cue noun object right after it."""
    toks = [verb] + [c for c in verb.children if c.dep_ == "prt"]
    for c in verb.children:
        if c.dep_ == "dobj" and c.i <= verb.i + 2 and c.pos_ == "NOUN" and c.tag_ in ("NNS", "NN") \
                and c.lemma_ in nouns:
            toks.append(c)
    return _span(toks)


def _with_right_siblings(verb, comp) -> list:
    """The clause plus what the parser hung on the cue after it, up to a comma: in
    'alleged that X had sent Y "dozens of missiles" to use', "dozens" and "to use" attach to the cue."""
    toks = list(comp.subtree)
    for child in verb.children:
        if child.i <= comp.right_edge.i:
            continue
        if child.dep_ in ("punct", "cc", "conj", "mark") or child.lower_ in (",", ";"):
            break
        toks.extend(child.subtree)
    return toks


def _content_from_verb(verb, nouns) -> Optional[list]:
    for child in verb.children:
        if child.dep_ == "ccomp":
            return _with_right_siblings(verb, child)
    # a cue noun object carrying the clause: "reiterated accusations that ..."
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_ in nouns:
            for gc in child.children:
                if gc.dep_ in ("acl", "ccomp", "relcl") and any(m.lower_ == "that" and m.dep_ == "mark"
                                                                for m in gc.children):
                    return _with_right_siblings(verb, gc)
    if verb.lemma_ in REQUEST_VERBS:
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        comp = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if comp is None and obj is not None:
            comp = next((c for c in obj.children if c.dep_ in ("xcomp", "acl")), None)
        if obj is not None and comp is not None and obj.i < comp.i:
            return list(obj.subtree) + list(comp.subtree)
    # inverted attribution: "The strike will go on, the union said."
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and verb.lemma_ in INVERTED_VERBS:
        before, _ = _around(verb)
        return before or None
    return None


def _around(verb) -> tuple[list, list]:
    """The words of the clause the cue is inserted in, before and after the cue's own phrase."""
    sub = set(t.i for t in verb.subtree)
    rest = [t for t in verb.head.subtree if t.i not in sub]
    return [t for t in rest if t.i < verb.left_edge.i], [t for t in rest if t.i > verb.right_edge.i]


def _words(toks) -> int:
    return sum(1 for t in toks if not (t.is_punct or t.is_space))


def parenthetical(verb) -> Optional[tuple[list, list]]:
    """'The talks would resume, the envoy said, once both sides withdrew' / 'In his state, she
    said, offenders are sent to treatment': a cue inserted mid-clause (parsed as a parataxis of
    the clause's verb) splits its content in two; (words before, words after) or None.

    Source: PolNeAR train (scripts/quotes/error_kinds.py; round 6 in docs/results.md): after a
    parataxis cue and its comma the clause's words were content in 133 of 140 attributions, while
    after a cue heading its sentence they were not ('..., he said, adding ...': 3 of 173)."""
    if verb.dep_ != "parataxis" or verb.lemma_ not in INVERTED_VERBS or verb.head.i == verb.i:
        return None
    before, after = _around(verb)
    if _words(after) < 2 or _words(before) < 1:
        return None
    return before, after


def from_verb(verb, lex) -> Optional[Reported]:
    split = parenthetical(verb)
    if split is not None:  # the text is the part holding the clause's verb; `whole` holds both
        before, after = split
        main = before if verb.head.i < verb.i else after
        if any(c.dep_ in SUBJECTS for c in verb.head.children if (c.i < verb.i) != (verb.head.i < verb.i)):
            main = before + after  # 'This campaign, he says, is different': no clause without both
        start, end = _span(main)
        return Reported(start, end, _cue_span(verb, lex.nouns), subject_of(verb), whole=_span(before + after))
    toks = _content_from_verb(verb, lex.nouns)
    if not toks:
        return None
    start, end = _span(toks)
    return Reported(start, end, _cue_span(verb, lex.nouns), subject_of(verb))


def from_noun(noun, lex) -> Optional[Reported]:
    """"Trump's claim that ...", "the accusation that ..." (noun cues not governed by a cue verb)."""
    clause = None
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "relcl") and any(m.lower_ == "that" and m.dep_ == "mark"
                                                           for m in child.children):
            clause = child
    if clause is None:
        return None
    speaker = next((c for c in noun.children if c.dep_ == "poss"), None)
    cue_toks = [noun]
    if speaker is None and noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
        speaker = subject_of(noun.head)
        cue_toks.append(noun.head)
    if speaker is None:
        agent = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if agent is not None:
            speaker = next((c for c in agent.children if c.dep_ == "pobj"), None)
    start, end = _span(list(clause.subtree))
    return Reported(start, end, _span(cue_toks), speaker)


def from_according(tok) -> Optional[Reported]:
    """"According to X, <content>" / "<content>, according to X"."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.lower_ != "to":
        return None
    pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if pobj is not None and pobj.lemma_.lower() in document_nouns():
        pobj = next((c for c in pobj.children if c.dep_ == "poss"), pobj)  # "the president's letter"
    if pobj is not None:
        pobj = issuer_of(pobj) or pobj  # "according to figures published by the election board"
    sent = sentences.sent_of(tok)
    phrase_start = tok.i
    phrase_end = max(tok.right_edge.i, nxt.right_edge.i)
    before = [t for t in sent if t.i < phrase_start]
    after = [t for t in sent if t.i > phrase_end]
    part = max((before, after), key=lambda p: sum(len(t.text) for t in p if not t.is_punct))
    if sum(1 for t in part if not t.is_punct) < 3:
        return None
    start, end = _span(part)
    return Reported(start, end, _span([tok, nxt]), pobj)
