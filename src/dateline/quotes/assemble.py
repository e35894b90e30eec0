"""Build `Quote` objects for one Doc (see the package docstring for the rules)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import Quote, Span
from . import lexicon, marks, reported
from .speakers import SpeakerResolver, subject_of


@dataclass
class Cand:
    start: int
    end: int
    kind: str
    cue: Optional[tuple] = None
    speaker_tok: object = None
    group: int = 0
    inherited: Optional["Cand"] = None
    segs: list = field(default_factory=list)


def _inside(pos: int, segs) -> bool:
    return any(s.start - 1 <= pos < s.end + 1 for s in segs)


def _is_cue_verb(tok, lex) -> bool:
    return tok.lemma_.lower() in lex.verbs and tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBG" \
        or (tok.lemma_.lower() in lex.verbs and tok.pos_ == "VERB" and tok.dep_ in ("advcl", "conj"))


def _sents(sp) -> list:
    """Doc.sents is recomputed on every access: keep one list per parse."""
    cached = sp.user_data.get("dateline_sents")
    if cached is None:
        cached = sp.user_data["dateline_sents"] = list(sp.sents)
    return cached


def _sents_for(sp, start: int, end: int):
    return [s for s in _sents(sp) if s.start_char < end and s.end_char > start]


def _reported_candidates(sp, lex, segs) -> list[Cand]:
    out = []
    for tok in sp:
        if _inside(tok.idx, segs):
            continue
        rep = None
        low = tok.lower_
        if low == "according":
            rep = reported.from_according(tok)
        elif _is_cue_verb(tok, lex):
            rep = reported.from_verb(tok, lex)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.nouns:
            rep = reported.from_noun(tok, lex)
        if rep is None:
            continue
        start, end = reported.trim(sp.text, rep.start, rep.end)
        if end - start < 8 or len(sp.text[start:end].split()) < 3:
            continue
        out.append(Cand(start, end, "indirect", rep.cue, rep.speaker_tok))
    return out


def _nearest_cue(sp, lex, seg, segs):
    """A cue verb in the segment's sentence(s), outside every quote, nearest to the segment."""
    best, best_d = None, None
    for sent in _sents_for(sp, seg.start, seg.end):
        for tok in sent:
            if _inside(tok.idx, segs) or not (_is_cue_verb(tok, lex) or tok.lower_ == "according"):
                continue
            d = seg.start - tok.idx if tok.idx < seg.start else tok.idx - seg.end
            if best is None or d < best_d:
                best, best_d = tok, d
    return best


def _colon_lead(sp, lex, seg, segs):
    """A cue in the sentence just before a quote when that sentence ends with a colon."""
    prev = [s for s in _sents(sp) if s.end_char <= seg.start]
    if not prev:
        return None
    sent = prev[-1]
    if not sent.text.rstrip().endswith(":") and not sp.text[sent.end_char:seg.start].strip().startswith(":"):
        return None
    for tok in sent:
        if not _inside(tok.idx, segs) and _is_cue_verb(tok, lex):
            return tok
    return None


def _is_full(sp, seg) -> bool:
    """Does the quote make (most of) its sentence, i.e. is it direct rather than partial?"""
    sents = _sents_for(sp, seg.start, seg.end)
    if not sents:
        return True
    a, b = sents[0].start_char, sents[-1].end_char
    before = sp.text[a:seg.start].rstrip("\"\u201c\u201e\u00ab ").rstrip()
    if not before or before[-1] in ",:":
        return True
    return (seg.end - seg.start) >= 0.5 * (b - a)


def _speaker_tok_for(cue):
    if cue is None:
        return None
    if cue.lower_ == "according":
        to = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
        return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    subj = subject_of(cue)
    if subj is not None:
        return subj
    for k in (1, 2, -1):  # "said Caddell" with a broken parse: a name right next to the cue
        j = cue.i + k
        if 0 <= j < len(cue.doc) and cue.doc[j].pos_ in ("PROPN", "PRON"):
            return cue.doc[j]
    return None


def _cue_of(tok) -> tuple:
    if tok.lower_ == "according" and tok.i + 1 < len(tok.doc):
        return (tok.idx, tok.nbor(1).idx + len(tok.nbor(1).text))
    return (tok.idx, tok.idx + len(tok.text))


def _governing_cue(sp, lex, seg):
    """The cue a partial quote belongs to: up the tree from the quoted words, through a reported
    clause or at most one other content word ("pledged support for ... 'threats'" is not speech)."""
    span = sp.char_span(seg.start, seg.end, alignment_mode="expand")
    inner = list(span) if span is not None else []
    roots = [t for t in inner if not (seg.start <= t.head.idx < seg.end) or t.head.i == t.i]
    if not roots:
        return None
    tok, hops = roots[0], 0
    while tok.head.i != tok.i:
        dep, tok = tok.dep_, tok.head
        if _is_cue_verb(tok, lex) or tok.lower_ == "according":
            return tok
        if dep in ("ccomp",) and tok.head.i != tok.i and _is_cue_verb(tok.head, lex):
            return tok.head
        if tok.pos_ in ("NOUN", "PROPN", "VERB") and not (tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.nouns):
            hops += 1
            if hops > 1 and dep != "ccomp":
                return None
    return None


def _marked_candidates(sp, lex, segs) -> list[Cand]:
    out = []
    for seg in segs:
        full = _is_full(sp, seg)
        if full:
            cue = _nearest_cue(sp, lex, seg, segs) or _colon_lead(sp, lex, seg, segs)
        else:
            cue = _governing_cue(sp, lex, seg)
        if cue is None and not full:
            continue  # scare quote or title: not speech
        out.append(Cand(seg.start, seg.end, "direct" if full else "partial",
                        _cue_of(cue) if cue is not None else None, _speaker_tok_for(cue),
                        group=seg.group, segs=[seg]))
    _share_within_groups(out, sp)
    return out


def _share_within_groups(cands, sp) -> None:
    """Continuation pieces and interrupted quotes share the attributed piece's speaker."""
    by_group: dict = {}
    for c in cands:
        by_group.setdefault(c.group, []).append(c)
    last = None
    for c in cands:
        if c.cue is None:
            mates = [m for m in by_group[c.group] if m.cue is not None]
            same_para = last is not None and "\n" not in sp.text[last.end:c.start].strip() \
                and c.start - last.end < 400
            if mates:
                c.inherited = mates[0]
            elif last is not None and (same_para or _adjacent_paragraph(sp.text, last, c)):
                c.inherited = last
        if c.cue is not None or c.inherited is not None:
            last = c


def _adjacent_paragraph(text: str, a: Cand, b: Cand) -> bool:
    """The next paragraph opens with a quote right after an attributed one: same speaker."""
    gap = text[a.end:b.start]
    return gap.count("\n") <= 3 and len(gap.strip(" \n\"\u201c\u201d.,")) < 40 \
        and text[b.start - 1] in marks.OPEN and "\n" in gap


def _overlap(a: Cand, b: Cand) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _reconcile(marked: list[Cand], indirect: list[Cand]) -> list[Cand]:
    """One prediction per stretch of text: quoted words win when they make most of a clause."""
    keep_ind, drop_marked = [], set()
    for ind in _dedupe(indirect):
        inside = [m for m in marked if _overlap(m, ind) > 0]
        covered = sum(_overlap(m, ind) for m in inside)
        if inside and covered >= 0.5 * (ind.end - ind.start):
            for m in inside:
                if m.cue is None and m.inherited is None:
                    m.cue, m.speaker_tok = ind.cue, ind.speaker_tok
            continue
        if inside:
            drop_marked.update(id(m) for m in inside if m.kind == "partial")
        keep_ind.append(ind)
    return [m for m in marked if id(m) not in drop_marked] + keep_ind


def _dedupe(cands: list[Cand]) -> list[Cand]:
    """Nested reported clauses ("said that X told Y that Z"): keep the outermost."""
    cands = sorted(cands, key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Cand] = []
    for c in cands:
        if out and c.start >= out[-1].start and c.end <= out[-1].end:
            continue
        out.append(c)
    return out


def _unmarked_after_colon(sp, lex, segs, cands) -> list[Cand]:
    """"X said:" closing a paragraph, followed by an unmarked paragraph: that paragraph is the quote."""
    out = []
    text = sp.text
    for tok in sp:
        if not _is_cue_verb(tok, lex) or _inside(tok.idx, segs):
            continue
        rest = text[tok.idx + len(tok.text):]
        line_end = rest.find("\n")
        tail = rest[: line_end if line_end >= 0 else len(rest)].strip()
        if not tail.endswith(":") or len(tail) > 40 or line_end < 0:
            continue
        start = tok.idx + len(tok.text) + line_end
        while start < len(text) and text[start].isspace():
            start += 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if start >= end or text[start] in marks.OPEN or any(c.start <= start < c.end for c in cands):
            continue
        out.append(Cand(start, end, "direct", _cue_of(tok), _speaker_tok_for(tok)))
    return out


def find_quotes(doc) -> None:
    """Fill `doc.article.quotes` and `doc.quote_sources` (errors go to the pipeline's stage guard)."""
    doc.article.quotes = []
    quotes, sources = _find(doc)
    doc.article.quotes = quotes
    doc.quote_sources = sources


def _find(doc):
    sp = doc.spacy
    text = doc.article.text
    lex = lexicon.load()
    segs = [s for s in marks.find_segments(sp.text)]
    marked = _marked_candidates(sp, lex, segs)
    indirect = _reported_candidates(sp, lex, segs)
    cands = _reconcile(marked, indirect)
    cands += _unmarked_after_colon(sp, lex, segs, cands)
    cands.sort(key=lambda c: c.start)
    resolver = SpeakerResolver(doc)
    quotes, sources, previous, done = [], {}, [], {}
    for c in cands:
        owner = c.inherited or c
        while owner.inherited is not None and owner.inherited is not owner:
            owner = owner.inherited
        if id(owner) in done:
            speaker, local = done[id(owner)]
        else:
            speaker, local = resolver.resolve(owner.speaker_tok, previous)
            done[id(owner)] = (speaker, local)
        if speaker is not None and speaker.name:
            previous.append((speaker, resolver.is_person(speaker), c.start))
        cue = Span(text[owner.cue[0]:owner.cue[1]], *owner.cue) if owner.cue else None
        q = Quote(id=f"q{len(quotes) + 1}", text=text[c.start:c.end], start=c.start, end=c.end,
                  kind=c.kind, speaker=speaker, cue=cue)
        quotes.append(q)
        if local:
            sources[q.id] = local
    return quotes, sources
