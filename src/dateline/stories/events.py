"""Events deduplicated across a story's articles: one story event per real event, with one
mention per article that reports it.

Each article event is a mention candidate for the story events already built from earlier
articles. Hard conditions: a story event holds at most one mention per article, and known
dates must agree (location is not one: copies often carry another paragraph's place). Then,
best tier first:
  0. same PLOVER type and the same clause (evidence word Jaccard >= SAME_CLAUSE), whatever
     the sides: copies often resolve a side differently, and a clause repeated word for word
     is stronger evidence than sides that merely fit; a clause of fewer than MIN_CONTAINED
     content words ("him to step down") counts only inside the same sentence;
  1. same type and compatible sides (source with source, target with target), or
     containment >= SAME_CLAUSE of the shorter evidence with one side agreeing (a coder may
     cut the span shorter in one copy);
  2. same type, one side unknown and the other compatible, and a similar clause (Jaccard >=
     SIMILAR_CLAUSE) or the same sentence reworded (sentence Jaccard >= SAME_SENTENCE);
  3. another type, but the same sentence (>= SAME_SENTENCE) and either the same clause
     (Jaccard or containment >= SAME_CLAUSE) with one side agreeing, or both sides agreeing:
     the coder read a reworded clause as another type ("vowed that X would be brought to
     justice" coded AGREE in one copy and THREATEN in the other); the story event keeps its
     first type.
Within a tier the candidate sharing most words wins; each article's events are assigned
together, one to one, so two events of one article never compete for one story event.

A side is compatible when both are empty, when they name a common actor, or when their
countries are the same non-empty set; it agrees only in the last two cases. Words are content
words (stories.text.content_terms). Containment is the share of the shorter evidence's words
found in the other, counted from MIN_CONTAINED words. Sentence similarity compares the
sentences holding the evidence spans (from the article text and the evidence offsets), which
a light paraphrase (a few words swapped) keeps high. An article that codes the same clause
twice (same type, evidence Jaccard >= SAME_CLAUSE) gives one mention listing both event ids.
Thresholds are measured with `dateline eval dedup` (docs/results.md, "stories"), including
how often events of unrelated developments would merge.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from .align import Aligner
from .text import content_terms

SAME_CLAUSE = 0.6      # evidence word similarity from which two events report one clause
SIMILAR_CLAUSE = 0.3   # ... enough when one side is unknown and the other side agrees
SAME_SENTENCE = 0.6    # sentence word Jaccard of one sentence and its light paraphrase
MIN_CONTAINED = 3      # content words the shorter evidence needs for containment to count
_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


def _side(side: Optional[list]) -> tuple[frozenset, frozenset]:
    names = frozenset((a.get("name") or a.get("text") or "").lower() for a in side or [])
    countries = frozenset(a.get("country") for a in side or [] if a.get("country"))
    return names - {""}, countries


def _sides_match(a: tuple, b: tuple) -> bool:
    (na, ca), (nb, cb) = a, b
    if not na and not nb:
        return True
    if na & nb:
        return True
    return bool(ca) and ca == cb


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / (len(a | b) or 1)


def _contained(a: frozenset, b: frozenset) -> float:
    """Share of the shorter evidence's words in the other (0 when it has < MIN_CONTAINED)."""
    small = min(len(a), len(b))
    return len(a & b) / small if small >= MIN_CONTAINED else 0.0


def _agree(a: tuple, b: tuple) -> bool:
    """Positive agreement: a common actor name, or the same non-empty set of countries."""
    (na, ca), (nb, cb) = a, b
    return bool(na & nb) or (bool(ca) and ca == cb)


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence(s) of `text` holding the span [start, end) (offsets in characters)."""
    head = text[:start]
    cut = [m.end() for m in _END.finditer(head)]
    tail = _END.search(text, max(end, start))
    return text[cut[-1] if cut else 0:tail.end() if tail else len(text)]


class _Mention:
    """One article event with the features the matching reads."""

    def __init__(self, ev: dict, art: dict):
        self.ev, self.article_id = ev, art["id"]
        self.type = ev["type"]
        self.source, self.target = _side(ev.get("source")), _side(ev.get("target"))
        self.date = (ev.get("date") or {}).get("value")
        evidence = ev.get("evidence") or {}
        self.evidence = evidence.get("text", "")
        self.words = frozenset(content_terms(self.evidence))
        text, start = art.get("text") or "", evidence.get("start")
        sentence = (sentence_of(text, start, evidence.get("end") or start)
                    if isinstance(start, int) and text else self.evidence)
        self.sentence = frozenset(content_terms(sentence)) | self.words

    def sides_match(self, other: "_Mention") -> tuple[bool, bool]:
        return _sides_match(self.source, other.source), _sides_match(self.target, other.target)

    def sides_agree(self, other: "_Mention") -> bool:
        return _agree(self.source, other.source) or _agree(self.target, other.target)

    def both_agree(self, other: "_Mention") -> bool:
        return _agree(self.source, other.source) and _agree(self.target, other.target)

    def unknown_side(self, other: "_Mention") -> bool:
        return not all(any(s) for s in (self.source, self.target, other.source, other.target))


class _Group:
    def __init__(self, m: _Mention):
        self.first = m.ev
        self.type = m.type
        self.head = m                      # sides are compared with the first mention's
        self.texts: dict = {}              # distinct (evidence words, sentence words) seen
        self.mentions: list[dict] = []
        self.members: list[_Mention] = []  # the coded mentions, for alignment (stories.align)
        self.articles: set = set()
        self.date: Optional[str] = None
        self.add(m)

    def add(self, m: _Mention) -> None:
        self.mentions.append({"article_id": m.article_id, "event_id": m.ev.get("id"),
                              "event_ids": [m.ev.get("id")], "evidence": m.evidence})
        self.texts.setdefault((m.words, m.sentence), m)
        self.members.append(m)
        self.articles.add(m.article_id)
        self.date = self.date or m.date

    def overlap(self, m: _Mention) -> float:
        return max(_jaccard(m.words, w) for w, _ in self.texts)

    def contained(self, m: _Mention) -> float:
        return max(_contained(m.words, w) for w, _ in self.texts)

    def sentence(self, m: _Mention) -> float:
        return max(_jaccard(m.sentence, s) for _, s in self.texts)

    def tier(self, m: _Mention) -> Optional[int]:
        """The best tier (module docstring) at which `m` is a mention of this event, or None."""
        if m.article_id in self.articles or (m.date and self.date and m.date != self.date):
            return None
        src, tgt = self.head.sides_match(m)
        if m.type == self.type:
            same = self.overlap(m)
            if same >= SAME_CLAUSE and (len(m.words) >= MIN_CONTAINED
                                        or self.sentence(m) >= SAME_SENTENCE):
                return 0
            if (src and tgt) or (self.head.sides_agree(m) and self.contained(m) >= SAME_CLAUSE):
                return 1
            if (self.head.unknown_side(m) and (src or tgt)
                    and (same >= SIMILAR_CLAUSE or self.sentence(m) >= SAME_SENTENCE)):
                return 2
            return None
        if not (src or tgt) or self.sentence(m) < SAME_SENTENCE:
            return None
        if self.head.both_agree(m) or (self.head.sides_agree(m) and max(
                self.overlap(m), self.contained(m)) >= SAME_CLAUSE):
            return 3
        return None

    def absorb(self, m: _Mention) -> None:
        """A second coding of the same clause by one article: the same mention."""
        for mention in self.mentions:
            if mention["article_id"] == m.article_id:
                mention["event_ids"].append(m.ev.get("id"))
                return

    def restates(self, m: _Mention) -> bool:
        return (m.article_id in self.articles and m.type == self.type
                and self.overlap(m) >= SAME_CLAUSE)

    def add_aligned(self, mention: dict) -> None:
        """A mention found by sentence alignment in a near-duplicate (stories.align)."""
        self.mentions.append(mention)
        self.articles.add(mention["article_id"])

    def to_dict(self) -> dict:
        keep = ("type", "mode", "contexts", "quad", "cameo", "status", "source", "target",
                "location", "evidence", "attributed_to", "confidence")
        out = {k: self.first.get(k) for k in keep}
        out["date"] = self.first.get("date") or ({"text": None, "value": self.date, "end": None}
                                                 if self.date else None)
        out["mentions"] = self.mentions
        out["n_mentions"] = len(self.mentions)
        return out


def _assign(groups: list[_Group], mentions: list[_Mention]) -> set[int]:
    """Add one article's mentions to existing story events, one to one, best tier and most
    shared words first; returns the indexes of the mentions placed."""
    pairs = []
    for i, m in enumerate(mentions):
        for j, g in enumerate(groups):
            tier = g.tier(m)
            if tier is not None:
                pairs.append((tier, -(g.overlap(m) + g.sentence(m)), i, j))
    placed, used = set(), set()
    for _, _, i, j in sorted(pairs):
        if i not in placed and j not in used:
            groups[j].add(mentions[i])
            placed.add(i)
            used.add(j)
    return placed


def add_aligned_mentions(groups: list[_Group], articles: list[dict], copies: dict) -> int:
    """Give each story event the mentions that near-duplicates of its reporting articles hold
    in their aligned sentences (stories.align); returns how many were added."""
    aligner = Aligner(articles, copies, SAME_SENTENCE, SAME_CLAUSE)
    order = [a["id"] for a in articles]
    added = 0
    for g in groups:
        for dst in order:
            if dst in g.articles:
                continue
            found = next((x for m in list(g.members) if (x := aligner.mention(
                m.ev, m.article_id, dst, m.words)) is not None), None)
            if found is not None:
                g.add_aligned(found)
                added += 1
        rank = {aid: k for k, aid in enumerate(order)}
        g.mentions.sort(key=lambda x: rank.get(x["article_id"], len(rank)))
    return added


def dedup_events(articles: Iterable[dict], copies: Optional[dict] = None) -> list[dict]:
    """Story events from contract article dicts (in story order): each is the first mention's
    event fields plus `mentions` [{article_id, event_id, event_ids, evidence}] (one per
    reporting article) and `n_mentions`. Article dicts need `id` and `events`; `text` and the
    evidence offsets, when present, give the sentence similarity. `copies` ({article id: id of
    the article it near-duplicates, or None}, as the copy detection stored it) adds the
    mentions that a near-duplicate's aligned sentence gives (stories.align; such a mention has
    `event_id` None, `event_ids` [], evidence `start`/`end` and `aligned_with`)."""
    articles = list(articles)
    groups: list[_Group] = []
    for art in articles:
        mentions = [_Mention(ev, art) for ev in art.get("events") or []]
        placed = _assign(groups, mentions)
        for i, m in enumerate(mentions):
            if i in placed:
                continue
            again = [g for g in groups if g.restates(m)]
            if again:
                max(again, key=lambda g: g.overlap(m)).absorb(m)
            else:
                groups.append(_Group(m))
    if copies:
        add_aligned_mentions(groups, articles, copies)
    return [g.to_dict() for g in groups]
