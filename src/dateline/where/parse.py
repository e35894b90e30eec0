"""Mentions + ranking for one parsed text, with the actor stage's opinion when it has one."""
from __future__ import annotations

from collections import Counter
from typing import Optional

from ..nlp import text_of
from .mentions import Mention, find_mentions
from .rank import resolve

WEAK_CUES = ("dep:", "mod:", "of:")  # syntactic readings the actor stage may overrule


def _apply_actor_index(mentions: list[Mention], index) -> None:
    """Where the parse says little, a span the actor stage holds as an actor is not a place."""
    for m in mentions:
        try:
            if m.literal and (m.cue or "").startswith(WEAK_CUES) \
                    and index.at(m.start, m.end) is not None and not index.is_place(m.start, m.end):
                m.literal, m.cue = False, "actor-index"
        except Exception:  # another stage's object: never let it break places
            return


def parse_doc(parsed, actor_countries: Optional[Counter] = None, actor_index=None) -> list[dict]:
    """Resolved mentions of a spaCy Doc, as geoparse() dicts (plus `kind`, `cue`, `geonameid`,
    `resolution` and `within` (see gazetteer.Entry), and the lemma/part of speech of the word
    each name attaches to)."""
    mentions = find_mentions(parsed)
    if actor_index is not None:
        _apply_actor_index(mentions, actor_index)
    entries = resolve(mentions, text_of(parsed), actor_countries)  # Doc.text is rebuilt per access
    out = []
    for m, e in zip(mentions, entries):
        if m.weak and e is None:
            continue  # a candidate the document's places did not confirm
        out.append({
            "start": m.start, "end": m.end, "text": m.text,
            "name": e.name if e else None, "country": e.country if e else None,
            "lat": e.lat if e else None, "lon": e.lon if e else None,
            "literal": m.literal, "kind": e.kind if e else None,
            "geonameid": e.gid if e else None, "admin1": e.admin1 if e else None, "cue": m.cue,
            "resolution": e.resolution if e else None, "within": e.within if e else None,
            "anchor_lemma": m.anchor_lemma, "anchor_pos": m.anchor_pos, "anchor_at": m.anchor_at,
        })
    return out


def geoparse(text: str, nlp_doc=None) -> list[dict]:
    """Every place-name mention of `text`: start, end, text, name, country, lat, lon, literal.

    Unresolved names (not in the gazetteer) come back with name/country/lat/lon None.
    """
    if nlp_doc is None:
        from .. import nlp as nlp_mod

        nlp_doc = nlp_mod.load()(text)
    return parse_doc(nlp_doc)
