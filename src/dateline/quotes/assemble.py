"""Build `Quote` objects for one Doc (see the package docstring for the rules)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import Quote, Span
from . import admit, dangling, layout, lexicon, marks, relay, reported, sentences, tagger
from . import speakers
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
    learned: bool = False  # found by the learned tagger, not by a rule
    arg: Optional[tuple] = None  # attribution content holding the text (`_argument_of`, 'X, he said, Y')


def _inside(pos: int, segs) -> bool:
    return any(s.start - 1 <= pos < s.end + 1 for s in segs)


def _is_cue_verb(tok, lex) -> bool:
    return tok.lemma_.lower() in lex.verbs and tok.pos_ in ("VERB", "AUX") and tok.tag_ != "VBG" \
        or (tok.lemma_.lower() in lex.verbs and tok.pos_ == "VERB" and tok.dep_ in ("advcl", "conj", "pcomp"))


def _sents(sp) -> list:
    """Doc.sents is recomputed on every access: keep one list per parse."""
    return sentences.sents(sp)


def _sents_for(sp, start: int, end: int):
    return [s for s in _sents(sp) if s.start_char < end and s.end_char > start]


def _reported_candidates(sp, lex, segs, scope: str = "quotations") -> list[Cand]:
    out = []
    inside = {p for s in segs for p in range(s.start - 1, s.end + 1)}  # as `_inside`, once
    for tok in sp:
        if tok.idx in inside:
            continue
        rep = None
        low = tok.lower_
        lem = tok.lemma_.lower()
        if low == "according":
            rep = reported.from_according(tok)
        elif lem not in lex.verbs and lem not in lex.nouns:
            continue  # neither test below can hold
        elif _is_cue_verb(tok, lex):
            rep = reported.from_verb(tok, lex)
        elif tok.pos_ == "NOUN" and lem in lex.nouns:
            rep = reported.from_noun(tok, lex)
        if rep is None:
            continue
        start, end = reported.trim(sentences.text(sp), *_in_paragraph(sentences.text(sp), rep.cue[0], rep.start, rep.end))
        if end - start < 8 or len(sentences.text(sp)[start:end].split()) < 3:
            continue
        whole = None
        if rep.whole is not None:  # 'X, he said, Y': X and Y are one attribution's content
            whole = reported.trim(sentences.text(sp), *_in_paragraph(sentences.text(sp), rep.cue[0], *rep.whole))
            whole = None if whole == (start, end) else whole
        out.append(Cand(start, end, "indirect", rep.cue, rep.speaker_tok, arg=whole))
    learned = _learned_candidates(sp, segs, {c.cue[0] for c in out}, scope)
    return relay.settle(out, sentences.text(sp), scope) + learned


def _in_paragraph(text: str, at: int, start: int, end: int) -> tuple[int, int]:
    """(start, end) clipped to the paragraph holding character `at` (the cue)."""
    a, b = marks.paragraph_bounds(text, at)
    return max(start, a), max(min(end, b), max(start, a))


FINITE = ("VBD", "VBZ", "VBP", "MD")
NAMING = ("PROPN", "NOUN", "PRON")  # the parts of speech a source's head word can have
CUE_THRESHOLD = 0.5  # probability of the learned cue model (PolNeAR train) to propose a cue
SCOPES = ("quotations", "attributions")


def _noun_clause(sp, start: int, end: int) -> tuple[int, int]:
    """Content opening with a noun that carries a that-clause ('expressed optimism that X',
    'voiced concern that X'): the clause is what was said; the noun belongs to the cue."""
    span = sp.char_span(start, end, alignment_mode="expand")
    if span is None or span[0].pos_ != "NOUN":
        return start, end
    for child in span[0].children:
        if child.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" and m.dep_ == "mark" for m in child.children):
            toks = [t for t in child.subtree if t.lower_ != "that" or t.dep_ != "mark"]
            if toks and toks[-1].idx < end:
                return toks[0].idx, max(end, toks[-1].idx + len(toks[-1].text))
    return start, end


def _has_finite_verb(sp, start: int, end: int) -> bool:
    """Reported speech or thought has a finite clause as content; a noun phrase or an infinitive
    object ('signed agreements worth ...', 'urged them to leave') is an act, coded as an event."""
    span = sp.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    roots = [t for t in span if t.head.i == t.i or not (span.start <= t.head.i < span.end)]
    heads = [t for t in roots if not t.is_punct and t.lower_ not in ("that", "whether", "if")]
    if not heads:
        return False
    root = heads[0]  # the clause's verb, not a noun with a relative clause ('a bombing that killed')
    return root.pos_ in ("VERB", "AUX") and any(
        t.tag_ in FINITE for t in [root] + [c for c in root.children if c.dep_ in ("aux", "auxpass")])


def _learned_candidates(sp, segs, known: set, scope: str) -> list[Cand]:
    """Cues the learned tagger finds that the rules did not, with its source and content.

    scope "quotations" (the pipeline's): only attributions with a source, and with a finite
    clause as content unless the learned admission model (`admit`, PolNeAR train) scores the
    attribution as real and it does not take the shape the dev gold codes as an act
    (`admit.admitted`); "attributions": every one, as PolNeAR annotates them (beliefs,
    intentions, noun objects such as 'criticized the plan')."""
    out = []
    for tok, att, start, end, cue_p in tagged(sp, segs, known):
        if scope == "quotations":
            if att.source is None:
                continue
            start, end = _noun_clause(sp, start, end)  # 'optimism that X' -> 'X'
            if not _has_finite_verb(sp, start, end) and not admit.admitted(sp, tok, att, start, end, cue_p):
                continue
        out.append(Cand(start, end, "indirect", _cue_of(tok), att.source, learned=True))
    return out


def tagged(sp, segs, known: set):
    """(cue token, `tagger.Attribution`, content start, content end, cue probability) for every
    cue the learned tagger finds outside quotes and outside `known` (cue characters of the rules'
    candidates), with content of three words or more in the cue's paragraph."""
    model = tagger.load()
    if model is None:
        return
    inq = {i for s in segs for i in range(s.start, s.end)}
    text = sentences.text(sp)
    for tok in sp:
        if tok.is_punct or tok.is_space or tok.idx in inq or tok.idx in known:
            continue
        if tok.pos_ not in ("VERB", "NOUN", "ADJ"):
            continue
        cue_p = model.cue_prob(tok, False)
        if cue_p < CUE_THRESHOLD:
            continue
        att = model.attribution(tok, inq)
        if att.content is None:
            continue
        if att.source is not None and att.source.pos_ not in NAMING:
            att.source = None  # 'Observers, both local and foreign, ...': 'and' names no one
        if att.source is None:
            att.source = _subject_source(tok, *att.content)
        start, end = reported.trim(text, *_in_paragraph(text, tok.idx, *att.content))
        if end - start < 8 or len(text[start:end].split()) < 3:
            continue
        yield tok, att, start, end, cue_p


def _subject_source(cue, start: int, end: int):
    """The cue's grammatical subject (`speakers.subject_of`) as its source when the tagger names
    none, unless it lies inside the content."""
    subj = subject_of(cue)
    if subj is None or start <= subj.idx < end or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return subj


def _same_paragraph(text: str, a: int, b: int) -> bool:
    return marks.same_paragraph(text, a, b)


def _nearest_cue(sp, lex, seg, segs):
    """A cue verb in the segment's sentence(s) and paragraph, outside every quote, nearest to it."""
    best, best_d = None, None
    for sent in _sents_for(sp, seg.start, seg.end):
        for tok in sent:
            if _inside(tok.idx, segs) or not (_is_cue_verb(tok, lex) or tok.lower_ == "according"):
                continue
            if not _same_paragraph(sentences.text(sp), tok.idx, seg.start if tok.idx < seg.start else seg.end):
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
    if not sent.text.rstrip().endswith(":") and not sentences.text(sp)[sent.end_char:seg.start].strip().startswith(":"):
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
    pa, _ = marks.paragraph_bounds(sentences.text(sp), seg.start)  # sentences clipped to the paragraph
    _, pb = marks.paragraph_bounds(sentences.text(sp), max(seg.start, seg.end - 1))
    a, b = max(a, pa), min(b, pb)
    before = sentences.text(sp)[a:seg.start].rstrip("\"\u201c\u201e\u00ab ").rstrip()
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
    if subj is not None and not marks.same_paragraph(sentences.text(cue.doc), subj.idx, cue.idx):
        subj = _paragraph_subject(cue)  # the parse ran across a paragraph break ('READ MORE')
    if subj is not None:
        return subj
    for k in (1, 2, -1):  # "said Caddell" with a broken parse: a name right next to the cue
        j = cue.i + k
        if 0 <= j < len(cue.doc) and cue.doc[j].pos_ in ("PROPN", "PRON"):
            return cue.doc[j]
    return None


def _paragraph_subject(cue):
    """The first noun phrase head of the cue's paragraph, before the cue, or None."""
    a, _ = marks.paragraph_bounds(sentences.text(cue.doc), cue.idx)
    for chunk in cue.doc.noun_chunks:
        if a <= chunk.start_char and chunk.end_char <= cue.idx:
            return chunk.root
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


MAX_ARGUMENT_WORDS = 40


def _argument_of(sp, cue, seg) -> Optional[tuple[int, int]]:
    """The cue's argument that holds a partial quote: 'called Trump a "pathological liar"' ->
    'Trump a "pathological liar"'; 'said that the plan was "a disaster" for farmers' -> the
    clause. What was said is the argument, of which the marked words are the verbatim part
    (PolNeAR's content spans, learned from its annotation, are these arguments). The cue's
    dependents after the cue that lie between it and the quote, plus the one holding the quote,
    within the paragraph; None when that is no more than the quote or longer than
    MAX_ARGUMENT_WORDS."""
    span = sp.char_span(seg.start, seg.end, alignment_mode="expand")
    if span is None or cue.i >= span.start:
        return None
    tok = span.root
    while tok.head.i != cue.i and tok.head.i != tok.i:
        tok = tok.head
    if tok.head.i != cue.i:
        return None
    kids = [c for c in cue.children if cue.i < c.i <= tok.i and c.dep_ not in ("punct", "cc", "advmod", "npadvmod")
            and not (c.dep_ == "prep" and c.i < tok.i and c.lower_ in ("on", "in", "at", "during"))]
    first = min((c.left_edge.i for c in kids), default=tok.left_edge.i)
    last = max(tok.right_edge.i, span.end - 1)
    toks = [t for t in sp[first:last + 1] if not t.is_space]
    a, b = marks.paragraph_bounds(sentences.text(sp), seg.start)
    start = max(a, min(toks[0].idx, seg.start))
    end = min(b, max(toks[-1].idx + len(toks[-1].text), seg.end))
    if len(sentences.text(sp)[start:end].split()) > MAX_ARGUMENT_WORDS:
        return None
    text = sentences.text(sp)
    start, end = reported.trim(text, start, end)
    qs, qe = reported.trim(text, seg.start, seg.end)  # the marked words without their punctuation
    if start > qs or end < qe or (start, end) == (qs, qe):
        return None
    # a quote closing its sentence keeps the stop it holds ('called it "a disgrace."': US style)
    start, end = min(start, seg.start), max(end, seg.end)
    # the verbatim part's marks stay paired when it opens or closes the argument
    if end == seg.end and start < seg.start and end < len(text) and text[end] in marks.CLOSE:
        end += 1
    if start == seg.start and end > seg.end and start > 0 and text[start - 1] in marks.OPEN:
        start -= 1
    return start, end


def _marked_candidates(sp, lex, segs) -> list[Cand]:
    out = []
    for seg in segs:
        full = _is_full(sp, seg)
        signed = layout.dash_signoff(sp, seg) if full else None
        if signed is not None:  # '"..." — Name'
            out.append(Cand(seg.start, seg.end, "direct", signed[0], signed[1], group=seg.group, segs=[seg]))
            continue
        if full:
            cue = _nearest_cue(sp, lex, seg, segs) or _colon_lead(sp, lex, seg, segs)
        else:
            cue = _governing_cue(sp, lex, seg)
        if cue is None and full:
            led = layout.lead_in(sp, seg, lambda t: _is_cue_verb(t, lex), _speaker_tok_for)
            if led is not None:  # a lead-in line naming the speaker ('From the minister:') + quote
                out.append(Cand(seg.start, seg.end, "direct", led[0], led[1], group=seg.group, segs=[seg]))
                continue
        if cue is None and not full:
            continue  # scare quote or title: not speech
        arg = None if full or cue is None else _argument_of(sp, cue, seg)
        out.append(Cand(seg.start, seg.end, "direct" if full else "partial",
                        _cue_of(cue) if cue is not None else None, _speaker_tok_for(cue),
                        group=seg.group, segs=[seg], arg=arg))
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
            same_para = last is not None and marks.same_paragraph(sentences.text(sp), last.end, c.start) \
                and c.start - last.end < 400
            if mates:
                c.inherited = mates[0]
            elif last is not None and (same_para or _adjacent_paragraph(sentences.text(sp), last, c)):
                c.inherited = last
        if c.cue is not None or c.inherited is not None:
            last = c


def _adjacent_paragraph(text: str, a: Cand, b: Cand) -> bool:
    """A paragraph that is one unattributed quote, right after a paragraph with an attributed
    one, continues that speaker (the newspaper convention for a speaker's further words)."""
    if text[b.start - 1] not in marks.OPEN or marks.same_paragraph(text, a.end, b.start):
        return False
    pa, _ = marks.paragraph_bounds(text, b.start)
    if text[pa:b.start - 1].strip():
        return False  # words before the quote in its own paragraph: not a bare quote paragraph
    _, prev_end = marks.paragraph_bounds(text, a.end)
    return not text[prev_end:pa].strip()  # the very next paragraph


def _overlap(a: Cand, b: Cand) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _extent(c: Cand) -> Cand:
    """The candidate widened to the attribution content it belongs to ('X, he said, Y')."""
    if c.arg is None:
        return c
    return Cand(min(c.start, c.arg[0]), max(c.end, c.arg[1]), c.kind)


def _reconcile(marked: list[Cand], indirect: list[Cand]) -> list[Cand]:
    """One prediction per stretch of text: quoted words win when they make most of a clause."""
    keep_ind, drop_marked = [], set()
    for ind in _dedupe([c for c in indirect if not c.learned]):
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
    keep_ind += _learned_additions([c for c in indirect if c.learned], marked, keep_ind)
    return [m for m in marked if id(m) not in drop_marked] + keep_ind


def _learned_additions(learned: list[Cand], marked: list[Cand], kept: list[Cand]) -> list[Cand]:
    """Learned attributions where the rules found none: one overlapping a rule's clause is
    dropped; one holding quoted words lends them its cue and source and is dropped."""
    out = []
    for ind in _dedupe(learned):
        if any(_overlap(ind, _extent(k)) > 0 for k in kept + out):
            continue
        inside = [m for m in marked if _overlap(m, ind) > 0]
        for m in inside:
            if m.cue is None and m.inherited is None:
                m.cue, m.speaker_tok = ind.cue, ind.speaker_tok
        if not inside:
            out.append(ind)
    return out


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
    text = sentences.text(sp)
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


def _transcript_turns(sp, cands) -> list[Cand]:
    """Paragraphs opening with a speaker label ('NAME: words', `layout.transcript_label`): the
    label is the speaker of the paragraph's words, whether or not they carry quote marks. A quote
    found there already takes the label as its speaker and loses the label from its text."""
    text = sentences.text(sp)
    out, pos = [], 0
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        start = pos
        while start < end and (text[start].isspace() or text[start] in marks.OPEN):
            start += 1
        turn = layout.transcript_label(sp, start) if start < end else None
        if turn is not None:
            cue, who, body = turn
            stop = end
            while stop > body and (text[stop - 1].isspace() or text[stop - 1] in marks.CLOSE):
                stop -= 1
            inside = [c for c in cands if c.start <= body < c.end or start <= c.start < end]
            for c in inside[1:]:  # the turn is one quote: what was found inside it merges into it
                cands.remove(c)
            if inside:
                c = inside[0]
                c.start, c.end, c.kind, c.cue, c.speaker_tok, c.inherited = body, stop, "direct", cue, who, None
            elif stop - body >= 8:
                out.append(Cand(body, stop, "direct", cue, who))
        pos = end + 1
    return out


def _headline(sp, cands) -> list[Cand]:
    """The headline's 'Source: claim' (`layout.headline_label`) when nothing was found there."""
    found = layout.headline_label(sp, speakers.speaks)
    if found is None:
        return []
    cue, who, (start, end) = found
    if any(c.start < end and start < c.end for c in cands):
        return []
    return [Cand(start, end, "indirect", cue, who)]


def _without_trailing_comma(text: str, start: int, end: int) -> int:
    """'"We are ready," he said' quotes 'We are ready': the comma belongs to the attribution."""
    while end > start + 1 and (text[end - 1] in ",;" or text[end - 1].isspace()):
        end -= 1
    return end


def find_quotes(doc, scope: str = "quotations") -> None:
    """Fill `doc.article.quotes` and `doc.quote_sources` (errors go to the pipeline's stage guard).

    `scope`: "quotations" (the pipeline's: speech with a speaker) or "attributions" (also every
    attribution the learned tagger finds, beliefs and noun objects included, as PolNeAR counts).
    Uses what `prepare_quotes` left in `doc.quote_candidates`, if any."""
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES}, not {scope!r}")
    doc.article.quotes = []
    prepared = getattr(doc, "quote_candidates", None) if scope == "quotations" else None
    doc.quote_candidates = None
    if prepared is None:
        prepared = Prepared(_candidates(doc, scope))
    quotes, sources = _assemble(doc, prepared)
    doc.article.quotes = quotes
    doc.quote_sources = sources


@dataclass
class Prepared:
    """What `prepare_quotes` leaves in `Doc.quote_candidates` for `find_quotes`: the doc's
    candidates and, from the dry run of their speaker resolution, the resolver (its per-document
    tables already built) and per owner (by `id`) `(speaker, local, recent)`, the answer for the
    speakers `recent` before it, kept only where no name had to be looked up outside the cache."""
    cands: list
    resolver: Optional[SpeakerResolver] = None
    known: dict = field(default_factory=dict)


def prepare_quotes(docs: list) -> None:
    """The stage's batch step (`pipeline.Stage.prepare`), run over a batch of parsed docs
    before `find_quotes` runs on each: finds each doc's candidates, dry-runs their speaker
    resolution with `actors.lookup` answering only from its cache, and answers the names it
    asked for in one batched parse (`actors.prefetch`); kept in `doc.quote_candidates`
    (`Prepared`). A doc that fails here is left to `find_quotes`."""
    from .. import actors

    asked: list[tuple[str, Optional[str]]] = []
    for doc in docs:
        try:
            prepared = Prepared(_candidates(doc, "quotations"))
            names = _dry_speakers(doc, prepared)
        except Exception:
            continue
        doc.quote_candidates = prepared
        published = getattr(doc.article, "published", None)
        asked += [(name, published) for name in names]
    if asked:
        actors.prefetch(asked)


def _owner(cand):
    """The candidate whose speaker `cand` takes (itself, or the one it inherits from)."""
    owner = cand.inherited or cand
    while owner.inherited is not None and owner.inherited is not owner:
        owner = owner.inherited
    return owner


def _recent(previous: list, tok) -> Optional[list]:
    """What `SpeakerResolver.resolve` reads of `previous` for `tok`, or None for no token."""
    return None if tok is None else speakers.recent_speakers(previous, tok)


def _dry_speakers(doc, prepared: Prepared) -> list[str]:
    """A dry run of `_assemble`'s speaker loop with `lookup` answering only from its cache:
    returns the names it asked for that are not cached yet, and keeps in `prepared` the resolver
    and each answer that needed no such name (`_assemble` reuses an answer when the speakers
    recent before it are the same, which makes the answer the same). A name the dry run does
    not reach is looked up alone later, as before, so the records never depend on this."""
    from .. import actors

    with actors.recording() as asked:
        dry = prepared.resolver = SpeakerResolver(doc)
        previous, done = [], {}
        for c in prepared.cands:
            owner = _owner(c)
            if id(owner) not in done:
                before = len(asked)
                try:
                    done[id(owner)] = dry.resolve(owner.speaker_tok, previous)
                except Exception:
                    done[id(owner)] = (None, None)
                    before = -1
                if len(asked) == before:
                    prepared.known[id(owner)] = done[id(owner)] + (_recent(previous, owner.speaker_tok),)
            speaker = done[id(owner)][0]
            if speaker is not None and speaker.name:
                previous.append((speaker, dry.is_person(speaker), c.start))
    return asked


def _candidates(doc, scope: str) -> list:
    """Every quotation candidate of the doc, in text order."""
    sp = doc.spacy
    lex = lexicon.load()
    segs = dangling.mend(sp, list(sentences.segments(sp)), lambda t: _is_cue_verb(t, lex))
    marked = _marked_candidates(sp, lex, segs)
    indirect = _reported_candidates(sp, lex, segs, scope)
    cands = _reconcile(marked, indirect)
    cands += _unmarked_after_colon(sp, lex, segs, cands)
    cands += _transcript_turns(sp, cands)
    cands += _headline(sp, cands)
    cands.sort(key=lambda c: c.start)
    return cands


def _assemble(doc, prepared: Prepared):
    """(quotes, sources): each candidate with its speaker, cue and content."""
    text = doc.article.text
    resolver = prepared.resolver or SpeakerResolver(doc)
    quotes, sources, previous, done = [], {}, [], {}
    for c in prepared.cands:
        owner = _owner(c)
        if id(owner) in done:
            speaker, local = done[id(owner)]
        else:  # a thing ('these plans said') resolves to no speaker (`SpeakerResolver.rejected`)
            known = prepared.known.get(id(owner))
            if known is not None and known[2] == _recent(previous, owner.speaker_tok):
                speaker, local = known[:2]  # the dry run's answer, from the same inputs
            else:
                speaker, local = resolver.resolve(owner.speaker_tok, previous)
            done[id(owner)] = (speaker, local)
        if speaker is not None and speaker.name:
            previous.append((speaker, resolver.is_person(speaker), c.start))
        cue = Span(text[owner.cue[0]:owner.cue[1]], *owner.cue) if owner.cue else None
        end = _without_trailing_comma(text, c.start, c.end)
        content = Span(text[c.arg[0]:c.arg[1]], *c.arg) if c.arg else None
        q = Quote(id=f"q{len(quotes) + 1}", text=text[c.start:end], start=c.start, end=end,
                  kind=c.kind, speaker=speaker, cue=cue, content=content)
        quotes.append(q)
        if local:
            sources[q.id] = local
    return quotes, sources
