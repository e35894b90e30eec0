"""Actor resolution: who can act in the article, resolved to country and sector.

`resolve_actors(doc)` fills `doc.article.actors` and leaves an `ActorIndex` in
`doc.actor_index` (`.at`, `.in_span`, `.is_place`) for the later stages;
`lookup(text, date)` resolves a free string ("the Kremlin", "Iranian Foreign Minister ...").
"""
from __future__ import annotations

import contextlib
import logging
import threading
from typing import Iterable, Optional

from .index import ActorIndex
from ..pronouns import pronouns

log = logging.getLogger(__name__)
_SKIP = pronouns(case=("subj", "obj", "poss"))  # "he", "them", "hers": nobody in particular


def resolve_actors(doc) -> None:
    """Fill `doc.article.actors` and `doc.actor_index` (errors go to the pipeline's stage guard)."""
    from .resolve import resolve

    doc.actor_index = ActorIndex()
    doc.article.actors = []
    if doc.spacy is None or not len(doc.spacy):
        return
    actors, index = resolve(doc.spacy, doc.article.text, _date(doc.article.published),
                            getattr(doc.article, "dateline", None))
    doc.article.actors = actors
    doc.actor_index = index


def warm() -> None:
    """Build the KB and its match index now (a few seconds), e.g. before forking workers."""
    from . import kb, match

    kb.load()
    match.index()


def _date(value: Optional[str]) -> Optional[str]:
    if not value or len(value) < 10 or value[4] != "-":
        return None
    return value[:10]


def lookup(text: str, date: Optional[str] = None) -> Optional[dict]:
    """{"name", "country", "sector", "kind"} for a free actor string, or None if nothing is known."""
    if not text or not text.strip():
        return None
    try:
        hit = _lookup(text.strip(), _date(_norm_date(date)))
    except Exception:
        log.exception("lookup failed for %r", text)
        return None
    return dict(hit) if hit else None


def prefetch(asked: Iterable[tuple[str, Optional[str]]]) -> int:
    """Answer the (text, date) look-ups in `asked` that `lookup` has not seen, parsing their
    strings in one `nlp.pipe` call, so the `lookup` calls that follow are cache hits.

    One short string alone costs about 3 ms of spaCy's fixed per-call overhead; in a batch,
    about 0.6 ms. Answers are `lookup`'s own. Returns how many strings were parsed; an error
    is logged and leaves the strings to `lookup`."""
    from .. import nlp as nlp_mod

    todo: dict[str, list] = {}
    for text, date in asked:
        text, day = (text or "").strip(), _date(_norm_date(date))
        if text and text.lower() not in _SKIP and (text, day) not in _CACHE:
            days = todo.setdefault(text, [])
            if day not in days:
                days.append(day)
    if not todo:
        return 0
    try:
        for (text, days), sp in zip(todo.items(), nlp_mod.load().pipe(list(todo))):
            for day in days:
                _remember((text, day), describe_parsed(sp, day))
    except Exception:
        log.exception("prefetch failed")
    return len(todo)


@contextlib.contextmanager
def recording():
    """Within the block, `lookup` (in this thread) answers only from its cache (None for a
    string not yet seen) and collects the strings it was asked for in the yielded list, for
    `prefetch`."""
    asked: list[str] = []
    outer = getattr(_RECORDING, "asked", None)
    _RECORDING.asked = asked
    try:
        yield asked
    finally:
        _RECORDING.asked = outer


def _norm_date(date: Optional[str]) -> Optional[str]:
    if not date:
        return None
    try:
        from ..clean import normalise_date

        return normalise_date(date) or None
    except Exception:
        return None


_CACHE: dict = {}  # (text, date) -> lookup answer (a tuple of items) or None
_CACHE_SIZE = 20000  # cleared when full: answers are recomputed the same
_RECORDING = threading.local()  # per thread: another thread's look-ups are never recorded


def _remember(key: tuple, hit: Optional[dict]) -> Optional[tuple]:
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    value = _CACHE[key] = tuple(hit.items()) if hit else None
    return value


def _lookup(text: str, date: Optional[str]):
    from .. import nlp as nlp_mod

    if text.lower() in _SKIP:  # a bare pronoun: someone, unidentified
        return (("name", text), ("country", None), ("sector", "UNK"), ("kind", "person"))
    key = (text, date)
    if key in _CACHE:
        return _CACHE[key]
    asked = getattr(_RECORDING, "asked", None)
    if asked is not None:
        asked.append(text)
        return None
    return _remember(key, describe_parsed(nlp_mod.load()(text), date))


def describe_parsed(sp, date: Optional[str] = None, context: Optional[str] = None
                    ) -> Optional[dict]:
    """`lookup` on an already parsed string (lets a caller batch the parsing with nlp.pipe)."""
    from .describe import Description, describe
    from .match import find
    from .resolve import _clean_name

    if sp.text.strip().lower() in _SKIP:
        return {"name": sp.text.strip(), "country": None, "sector": "UNK", "kind": "person"}
    names, roles = find(sp)
    d = describe(sp, 0, len(sp), names, roles, date, context=context)
    if d is None and context is None:
        persons = [e for e in sp.ents if e.label_ == "PERSON"]
        if persons:
            d = Description(_clean_name(persons[-1]), None, None, "person")
        else:
            orgs = [e for e in sp.ents if e.label_ == "ORG"]
            if orgs:
                d = Description(orgs[-1].text, None, None, "organisation")
    return d.as_dict() if d else None


def lookup_in_context(text: str, context: str, date: Optional[str] = None) -> Optional[dict]:
    """Like `lookup`, with a country hint ("German" + "Defense Minister")."""
    from .. import nlp as nlp_mod

    hit = describe_parsed(nlp_mod.load()(text), _date(_norm_date(date)), context=context)
    return hit or lookup(text, date)


__all__ = ["resolve_actors", "lookup", "lookup_in_context", "describe_parsed", "warm",
           "ActorIndex", "prefetch", "recording"]
