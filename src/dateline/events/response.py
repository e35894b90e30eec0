"""Responses to an earlier act: "Belarus condemned the decision" answers whoever decided.

When a reaction event (rejecting, condemning, welcoming...) has no named recipient and its
object is a definite noun for an act ("the decision", "the criticism", "the sanctions"), the
recipient is the source of the nearest earlier event by another actor in the article - the act
the noun refers back to. The nouns are data (data/events/response_nouns.tsv).
"""
from __future__ import annotations

from ..actors.kb import jurisdiction
from ..paths import word_set

WINDOW_CHARS = 600  # an antecedent further back than this is rarely the one meant


def _nouns() -> frozenset[str]:
    return word_set("events", "response_nouns.tsv")


def _offer_nouns() -> frozenset[str]:
    return word_set("actors", "offer_nouns.tsv")


def _anaphoric_object(cand):
    """The definite act-noun the trigger takes as object ("rejected the criticism"), or an
    offer-like noun whatever its article ("declined an offer of helicopters"), if any."""
    for child in cand.head.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in _nouns():
            if any(d.lower_ in ("the", "this", "that", "these", "those", "such")
                   or d.dep_ == "poss" for d in child.children):
                return child
            if child.lemma_.lower() in _offer_nouns() and not any(
                    c.dep_ in ("poss", "prep") and c.lower_ in ("by", "from") or c.dep_ == "poss"
                    for c in child.children):
                return child
    return None


def _countries(refs) -> set:
    return {r.country for r in refs if r.country}


def respond_to_antecedents(cands: list) -> None:
    """Give each recipient-less response the source of the act it answers."""
    ordered = sorted(cands, key=lambda c: c.trigger.idx)
    for i, cand in enumerate(ordered):
        if cand.target or not cand.source or _anaphoric_object(cand) is None:
            continue
        own = _countries(cand.source)
        for prev in reversed(ordered[:i]):
            if cand.trigger.idx - prev.trigger.idx > WINDOW_CHARS:
                break
            theirs = _countries(prev.source)
            if theirs and not theirs & own:
                cand.target = list(prev.source)
                break


def _release_object(cand) -> bool:
    """Does the trigger ask for someone's release or return ("demanded the release of ...",
    "called for the return of ...")? (data/actors/release_nouns.tsv)"""
    from .coder import _release_nouns

    nouns = _release_nouns()
    for child in cand.head.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in nouns:
            return True
        if child.dep_ == "prep" and child.lower_ == "for" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in nouns for g in child.children):
            return True
    return False


def ask_the_holder(cands: list) -> None:
    """A demand for someone's release with no named recipient is addressed to whoever the
    article says took them: the source of the nearest earlier coercion (detaining, seizing,
    abducting) by another country ("Azerbaijan detained four soldiers ... Armenia demanded their
    release" is ARM -> AZE; issue 7, kind 1)."""
    ordered = sorted(cands, key=lambda c: c.trigger.idx)
    for i, cand in enumerate(ordered):
        if cand.target or not cand.source or not _release_object(cand):
            continue
        own = _countries(cand.source)
        for prev in reversed(ordered[:i]):
            theirs = _countries(prev.source)
            if prev.types and prev.types[0] == "COERCE" and theirs and not theirs & own:
                cand.target = list(prev.source)
                break


# --- the recipient when none is named (issue 7, kind 1) -------------------------------------

def _type_table() -> dict[str, str]:
    from ..paths import data_file as _df

    out = {}
    with open(_df("actors", "default_recipient.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                type_, how = line.rstrip("\n").split("\t")[:2]
                out[type_] = how
    return out


_TABLE: dict[str, str] = {}


def recipient_rule(type_: str) -> str:
    """'domestic' (own country), 'story' (the article's country when the actor is foreign) or
    'counterpart' (also the other principal country when the actor is one of them)."""
    if not _TABLE:
        _TABLE.update(_type_table())
    return _TABLE.get(type_, "story")


def default_country(type_: str, source_countries: set, home, principal: list):
    """The country an unnamed recipient is taken to be, or None.

    PLOVER's domestic default (the actor's own country) holds only where the text is domestic:
    an actor foreign to the article's country (an IGO, another government) acting without a
    named recipient acts on that country ("the AU condemned the arrests" in a story about Mali);
    in a two-country story one side's act is towards the other side. Force without a named
    recipient falls on the article's country."""
    rule = recipient_rule(type_)
    own = next(iter(sorted(source_countries)), None) if len(source_countries) == 1 else None
    if rule == "force":
        return home or own
    if rule == "domestic" or not source_countries:
        return own
    if home and home not in source_countries and not source_countries & set(principal):
        return home
    others = [c for c in principal if c not in source_countries]
    if rule == "counterpart" and source_countries & set(principal) and len(others) == 1:
        return others[0]
    return own


def _domestic_body(ref) -> bool:
    sectors, words = jurisdiction()
    name = f"{ref.name or ''} {ref.text or ''}".lower().split()
    return ref.sector in sectors or bool(words & set(name))


def own_jurisdiction(cands: list, view) -> None:
    """A police force, court, legislature or regional government acts within its own state: an
    unqualified recipient that the actor stage placed in the article's country only by default
    ("the Amhara regional government accused the rebels" in a story that names Sudan most) is of
    the acting body's country (issue 7, kind 1; data/actors/jurisdiction.tsv)."""
    defaulted = getattr(getattr(view, "index", None), "defaulted", None) or set()
    if not defaulted:
        return
    for cand in cands:
        own = {r.country for r in cand.source if r.country}
        if len(own) != 1 or not all(_domestic_body(r) for r in cand.source) or \
                any(r.actor in defaulted for r in cand.source):
            continue
        country = own.pop()
        for ref in cand.target:
            if ref.actor in defaulted and ref.country != country:
                ref.country = country


def default_recipients(cands: list, view) -> None:
    """Give recipient-less candidates (not partner acts) their default recipient, implicit."""
    from ..model import ActorRef
    from .coder import PARTNER_TYPES

    own_jurisdiction(cands, view)
    ask_the_holder(cands)

    home = getattr(view, "home", None)
    principal = list(getattr(view, "principal", None) or ([home] if home else []))
    for cand in cands:
        if cand.target or not cand.source or cand.types[0] in PARTNER_TYPES:
            continue
        own = {r.country for r in cand.source if r.country}
        country = default_country(cand.types[0], own, home, principal)
        if (country in own and recipient_rule(cand.types[0]) == "counterpart"
                and len(principal) > 1):  # a story about several countries (not domestic)
            country = nearest_other_country(cand, view, own) or country
        if country:
            cand.target = [ActorRef(text="", name=None, country=country, sector=None, actor=None)]
            cand.implicit_target = True


CONTEXT_CHARS = 400  # how far back an unnamed counterpart is looked for


def nearest_other_country(cand, view, own: set):
    """In a story about several countries, an act with no named recipient is towards the
    nearest other country the text names: in the same sentence (closest to the trigger), else
    just before it ("Islamabad declined an offer of helicopters" after India's offer); None
    when there is none. Not the actor's own country (issue 7, kind 1)."""
    from .coder import sent_bounds

    tok = cand.head
    doc = tok.doc
    lo, hi = sent_bounds(tok)
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
    at = tok.idx

    def others(a, b):
        return [x for x in view.in_span(a, b) if x.country and x.country not in own
                and len(x.country) == 3 and x.country != "UNK"]

    def mention_pos(actor):
        spots = [m.start for m in getattr(actor, "mentions", ()) or ()]
        return min(spots, key=lambda p: abs(p - at)) if spots else at

    same = others(start, end)
    if same:
        return min(same, key=lambda x: abs(mention_pos(x) - at)).country
    before = others(max(0, start - CONTEXT_CHARS), start)
    return before[-1].country if before else None
