"""Event candidates from the dependency parse.

One candidate per trigger (a verb or event noun from the lexicon): who acts (subject, the
"by" agent of a passive, a possessive, the subject of a light verb such as "offered his support"),
towards whom (object, dative, "to/with/against/on/for/at" targets, "between X and Y"), in which
status, and the clause that says so. Coordinated sides ("China and Russia") give several actors.
Triggers inside another trigger's complement are either its content ("urged X to leave": one
REQUEST), an alleged event ("accused X of sending ...": ACCUSE plus AID alleged) or a denied one.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..model import Actor, ActorRef
from .actorview import ActorView
from .lexicon import Trigger, cues, match, movers_of, triggers
from .status import status_of
from ..nlp import text_of
from ..paths import word_set
from ..pronouns import pronouns
from ..actors.describe import POSTED_ABROAD

TARGET_PREPS = {"to", "with", "against", "on", "for", "at", "toward", "towards", "into", "upon",
                "around"}
VERBAL_TYPES = {"ACCUSE", "REJECT", "SUPPORT", "REQUEST", "THREATEN", "AGREE"}
FORCE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}
PRONOUNS = pronouns(person=(1, 3), case=("subj", "det"))  # "it", "we", "their", "his"
PLACE_PREPS = {"to", "in", "into"}
EMBED_DEPS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "acl", "relcl", "conj"}
COOP_TYPES = {"AGREE", "SUPPORT", "AID", "COOPERATE", "CONCEDE", "CONSULT"}
PARTNER_TYPES = {"CONSULT", "MOBILIZE", "AID", "COOPERATE"}
RECIPROCAL = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "RETREAT", "ASSAULT"}
# acts between equals (PLOVER CONSULT: "meeting at a neutral location"; AGREE, COOPERATE): their
# partners come from the subject's conjuncts, "with" or "between"; "in Geneva" or "at the UN" is
# the venue, the event's place, never a side (unless the act is a visit: the "place" flag)
SYMMETRIC = {"CONSULT", "AGREE", "COOPERATE"}
VENUE_PREPS = {"at", "in"}
VENUE_TYPES = {"CONSULT", "AGREE"}  # meetings and agreements have venues; "invested in X" has none
# signing a formal agreement (PLOVER SUPPORT mode "sign", CAMEO 057) takes place at a venue too:
# the PLOVER GSR examples code the signers as the sides ("SRC/TAR"), never the place of signing
VENUE_MODES = {"sign"}
REL_PRONOUNS = pronouns(kind="relative")
SKIP_CHILD_DEPS = {"conj", "cc", "advcl", "parataxis", "punct", "mark", "relcl", "dep"}


@dataclass
class Candidate:
    trigger: object                  # spaCy Token
    row: Trigger
    light: object = None             # the light verb that carries a trigger noun
    embedded: Optional[str] = None   # "allege" | "deny" | None
    parent: Optional["Candidate"] = None
    source_toks: list = field(default_factory=list)
    target_toks: list = field(default_factory=list)
    passive: bool = False
    dropped: bool = False
    source: list = field(default_factory=list)   # ActorRef
    target: list = field(default_factory=list)
    status: str = "asserted"
    types: tuple = ()
    implicit_source: bool = False
    implicit_target: bool = False
    modifier_toks: list = field(default_factory=list)
    pronoun_fallback: list = field(default_factory=list)
    mentions: list = field(default_factory=list)  # later candidates that refer back to this one

    @property
    def head(self):
        return self.light if self.light is not None else self.trigger


def _is_light(tok, row: Optional[Trigger]) -> bool:
    if row is not None and "light" in row.flags:
        return True
    return tok.lemma_.lower() in cues()["light_takes_event_object"]


def _expand(tok) -> list:
    """A token and its coordinated siblings ("China and Russia")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_expand(c))
    return out


def _subject_of(verb, depth: int = 0, control: bool = False):
    """(tokens, passive) for a verb's acting side, inherited through conj/xcomp/acl when missing.
    `control`: asked for the complement of `verb` ("Japan is set to hold talks"): the passive
    subject of a raising/control verb is the complement's subject."""
    if depth > 4:
        return [], False
    deps = ("nsubj", "csubj", "nsubjpass") if control else ("nsubj", "csubj")
    subj = [c for c in verb.children if c.dep_ in deps]
    agent = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if agent:
        return agent, True
    if subj:
        if subj[0].lower_ in REL_PRONOUNS and verb.dep_ == "relcl":
            return [verb.head], False
        return subj, False
    if any(c.dep_ == "nsubjpass" for c in verb.children):
        return [], True
    head = verb.head
    if head is verb:
        return [], False
    if verb.dep_ in ("conj", "xcomp", "advcl"):
        return _subject_of(head, depth + 1, control=verb.dep_ == "xcomp")[0], False
    if verb.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head], False
    return [], False


def _prep_targets(tok, preps=TARGET_PREPS) -> list:
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _between(tok) -> list:
    return [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"
            for g in c.children if g.dep_ == "pobj"]


def _object_preps(verb, any_prep: bool = False) -> list:
    """Targets attached to the object: "signed agreements with X", "held talks with X";
    for verbal acts any owner named there ("alleging corruption within X's police")."""
    out = []
    for c in verb.children:
        if c.dep_ == "dobj":
            out += _prep_targets(c, {"with", "to", "against", "for"})
            if any_prep and c.lemma_.lower() not in _release_nouns():
                out += [t for t in c.subtree if t.dep_ in ("pobj", "poss") and t is not c]
            for g in c.children:
                if g.dep_ in ("amod", "acl", "prep"):
                    out += _prep_targets(g, {"with", "to"})
                if g.dep_ == "prep" and g.lower_ == "of":  # "a shipment of supplies to X"
                    out += [t for o in g.children if o.dep_ == "pobj"
                            for t in _prep_targets(o, {"to"})]
    return out


def _matrix_subject(verb) -> list:
    """"Ecuador announced it is expelling ...": the pronoun is the announcer."""
    head = verb
    while head.dep_ in ("ccomp", "xcomp", "conj") and head.head is not head:
        head = head.head
        subj = [c for c in head.children if c.dep_ == "nsubj"]
        if subj and subj[0].lower_ not in PRONOUNS:
            return subj
    return []


def _target_preps(cand: Candidate) -> set:
    """The prepositions whose objects may be the recipient of this candidate's act."""
    if "place" in cand.row.flags:
        return TARGET_PREPS | PLACE_PREPS
    if cand.types[0] in SYMMETRIC:
        return TARGET_PREPS - VENUE_PREPS
    return TARGET_PREPS


def _verb_args(cand: Candidate) -> None:
    verb = cand.trigger
    subj, passive = _subject_of(verb)
    if subj and subj[0].lower_ in PRONOUNS and not passive:
        cand.pronoun_fallback = _matrix_subject(verb)
    cand.passive = passive
    cand.source_toks = subj
    tgt = [c for c in verb.children if c.dep_ in ("dobj", "dative", "nsubjpass", "attr")]
    tgt += _prep_targets(verb, _target_preps(cand))
    if cand.row.condition == "oprd":  # "called Kenya's election illegitimate" (parsed as one oprd)
        tgt += [c for o in verb.children if o.dep_ == "oprd" for c in o.children
                if c.dep_ == "poss" and c.lower_ not in PRONOUNS]
    # "appealed for help to X", "asked for assistance from X": the addressee hangs off the object
    tgt += [t for o in _prep_targets(verb, {"for"}) for t in _prep_targets(o, {"to", "from"})]
    btw = _between(verb)
    if btw:
        cand.target_toks = tgt + btw
    else:
        cand.target_toks = tgt
    if cand.types[0] == "MOBILIZE":
        _deploy_args(cand)
    if "from_source" in cand.row.flags:  # "planeloads of aid arrived from Japan and Turkey"
        cand.source_toks, cand.target_toks = _prep_targets(verb, {"from"}), []


def _deploy_args(cand: Candidate) -> None:
    """A deployment is towards where the force goes, not the force itself: "ordered troops sent
    to the border with X" is towards X (the destination of the verb or of the verb it governs);
    the troops, jets or ships moved are not the recipient (PLOVER MOBILIZE)."""
    forces = cues()["forces"] | cues()["military"]
    cand.target_toks = [t for t in cand.target_toks
                        if not ({t.lemma_.lower(), t.lower_} & forces and t.dep_ != "pobj")]
    for m in movers_of(cand.trigger):
        cand.target_toks += _prep_targets(m, TARGET_PREPS | PLACE_PREPS)
        cand.target_toks += [g for c in m.children if c.dep_ == "dative" for g in c.children
                             if g.dep_ == "pobj"]
    # "to X's border with Y": the force faces Y
    cand.target_toks = [w for t in cand.target_toks for w in (_prep_targets(t, {"with"}) or [t])]


def _noun_args(cand: Candidate) -> None:
    noun = cand.trigger
    src = [c for c in noun.children if c.dep_ == "poss"]
    src += [g for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
            for g in c.children if g.dep_ == "pobj"]
    btw = _between(noun)
    mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")]
    preps = _target_preps(cand)
    tgt = _prep_targets(noun, preps)
    if cand.light is not None:
        light_subj = _subject_of(cand.light)[0]
        if light_subj and (not src or all(t.pos_ == "PRON" for t in src)):
            src = light_subj
        tgt += [c for c in cand.light.children if c.dep_ == "dative"]
        tgt += _prep_targets(cand.light, preps)
    if not src and btw:
        src, tgt = btw, tgt or btw
    if not src:
        src = _clause_source(noun)
    if src and all(t.lower_ in PRONOUNS for t in src):
        cand.pronoun_fallback = _ancestor_subject(noun)
    cand.source_toks, cand.target_toks = src, tgt
    cand.modifier_toks = mods  # "Chinese attack", "US-led strikes": a source if nothing else


def _ancestor_subject(tok) -> list:
    """The nearest governing clause's full-noun subject: "the coalition denied that an air
    strike it carried out ..." ("it" = the coalition) when the pronoun is left unresolved."""
    for anc in tok.ancestors:
        if anc.pos_ in ("VERB", "AUX"):
            subj = [c for c in anc.children if c.dep_ == "nsubj" and c.lower_ not in PRONOUNS
                    and not any(d.i == tok.i for d in c.subtree)]
            if subj:
                return subj
    return []


def _clause_source(noun) -> list:
    """Who does a bare event noun: "protests organised by X", "an air strike it carried out",
    "X pledged during a visit to London" (the visitor is the subject of the clause)."""
    for c in noun.children:
        if c.dep_ in ("acl", "relcl"):
            agent = [g for a in c.children if a.dep_ == "agent" for g in a.children
                     if g.dep_ == "pobj"]
            subj = [g for g in c.children if g.dep_ == "nsubj" and g.lower_ not in REL_PRONOUNS]
            if agent or subj:
                return agent or subj
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in (
            "during", "on", "after", "before", "in", "following"):
        verb = noun.head.head
        if verb.pos_ in ("VERB", "AUX"):
            return _subject_of(verb)[0]
    return []


def _core_span(tok) -> tuple[int, int]:
    """Character span of a noun's own words (modifiers on its left), not its clauses."""
    start = tok.idx
    for c in tok.lefts:
        if c.dep_ in ("compound", "amod", "poss", "nmod", "det", "nummod", "quantmod"):
            start = min(start, _core_span(c)[0] if c.dep_ in ("poss", "compound") else c.idx)
    end = tok.idx + len(tok.text)
    for c in tok.rights:
        if c.dep_ in ("compound", "flat") or (c.dep_ == "case"):
            end = max(end, c.right_edge.idx + len(c.right_edge.text))
    return start, end


def sent_bounds(tok) -> tuple[int, int]:
    """(start, end) token indices of a token's sentence; computed once per parse (spaCy's
    `Token.sent` walks the whole document on every call)."""
    doc = tok.doc
    table = doc.user_data.get("dateline_sent_of")
    if table is None:
        table = [0] * len(doc)
        bounds = []
        for k, s in enumerate(doc.sents):
            bounds.append((s.start, s.end))
            for i in range(s.start, s.end):
                table[i] = k
        doc.user_data["dateline_sent_of"] = table
        doc.user_data["dateline_sent_bounds"] = bounds
    return doc.user_data["dateline_sent_bounds"][table[tok.i]]


def _tok_range(tok, start: int, end: int) -> slice:
    first = sent_bounds(tok)[0]
    lo = tok.i
    while lo > first and tok.doc[lo - 1].idx >= start:
        lo -= 1
    return slice(lo, tok.i + 1)


def resolve(tok, view: ActorView, allow_place: bool = False, depth: int = 0) -> Optional[tuple]:
    """(Actor, text) for an argument token, or None."""
    if depth > 2:
        return None
    start, end = _core_span(tok)
    text = text_of(tok.doc)[start:end]
    actor = view.at(tok.idx, tok.idx + len(tok.text))
    if actor is None:
        found = view.in_span(start, end)
        actor = found[-1] if found else None
    if actor is not None and actor.country is None and actor.name is None:
        actor = None
    if actor is not None:
        return actor, text
    if any(t.ent_type_ in ("NORP", "GPE") for t in tok.doc[_tok_range(tok, start, end)]):
        # "Pakistani officials": a nationality adjective the actor stage left unlinked
        hit = view.place_actor(text.removeprefix("the ").strip())
        if hit is not None and (hit.kind != "country" or tok.pos_ in ("PROPN", "ADJ")):
            return hit, text
    if tok.pos_ == "PROPN" and (allow_place or view.is_place(tok.idx, tok.idx + len(tok.text))):
        # a country named in an actor's slot ("sent Russia missiles") acts for that country;
        # any place may stand for the destination of a visit
        place = view.place_actor(text.removeprefix("the ").strip())
        if place is not None and (allow_place or place.kind == "country"):
            return place, text
    for c in tok.children:
        if c.dep_ == "appos":
            hit = resolve(c, view, False, depth + 1)
            if hit:
                return hit[0], text
        if c.dep_ == "prep" and c.lower_ in ("of", "for", "from"):
            if c.lower_ == "of" and tok.lemma_.lower() in _release_nouns():
                continue  # "the release of the sailors": who is held, not who is asked
            for g in c.children:
                if g.dep_ == "pobj":
                    hit = resolve(g, view, False, depth + 1)
                    if hit:
                        return hit[0], text
    return None


def _release_nouns() -> frozenset[str]:
    return word_set("actors", "release_nouns.tsv")


def _of_conjuncts(tok) -> list:
    """"the delegations of A, B and C": the owners' conjuncts stand for the head."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "from"):
            for g in c.children:
                if g.dep_ == "pobj" and any(x.dep_ == "conj" for x in g.children):
                    return _expand(g)
    return []


def _past_dateline(tok):
    """"SEOUL, South Korea — North Korea's military threatened": the wire dateline is parsed as
    the subject with the real one in apposition; take the last apposition."""
    if tok.i == sent_bounds(tok)[0] and tok.text.isupper() and len(tok.text) > 2:
        appos = [c for c in tok.children if c.dep_ == "appos"]
        if appos:
            return appos[-1]
    return tok


def _coordinated_modifiers(tok) -> list:
    """"the IMF and Pakistani officials" parsed as modifiers of one noun: each owner acts."""
    out = []
    for c in tok.children:
        if c.dep_ in ("nmod", "compound", "amod") and any(g.dep_ == "conj" for g in c.children):
            out.extend(_expand(c))
    return out


def to_refs(toks: list, view: ActorView, allow_place: bool = False) -> list[ActorRef]:
    refs, seen = [], set()
    for tok in map(_past_dateline, toks):
        owners = _of_conjuncts(tok)  # "diplomats from India and Pakistan": the owners act
        named = any(resolve(o, view, allow_place) for o in owners)  # not "critics of X and Y"
        for t in _expand(tok)[named:] + owners + _coordinated_modifiers(tok):
            hit = resolve(t, view, allow_place)
            if not hit:
                continue
            actor, text = hit
            for actor in [actor] + view.sharing(actor, t.idx, t.idx + len(t.text)):
                key = actor.id or actor.country or actor.name
                if key in seen:
                    continue
                seen.add(key)
                ref = actor.ref(text) if isinstance(actor, Actor) else None
                if ref is not None and not actor.id:
                    ref.actor = None
                if ref is not None and not ref.country and view.home:
                    ref.country = view.home  # a domestic group acts for the article's country
                refs.append(ref)
    return [r for r in refs if r is not None]


def _bare_participle(tok) -> bool:
    """"Asked about the cable, he said ...": a participle adjunct is not an act of its own."""
    return (tok.tag_ == "VBN" and tok.dep_ == "advcl"
            and not any(c.dep_ in ("nsubj", "nsubjpass", "agent", "auxpass") for c in tok.children))


def find_triggers(sent) -> list[Candidate]:
    """Triggers of one sentence, with trigger nouns attached to their light verbs."""
    rows = {}
    for tok in sent:
        row = match(tok)
        if row is not None:
            rows[tok.i] = row
    cands: dict[int, Candidate] = {}
    for i, row in rows.items():
        tok = sent.doc[i]
        if not row.types or _bare_participle(tok):
            continue
        cands[i] = Candidate(trigger=tok, row=row, types=row.types)
    for i, cand in list(cands.items()):
        tok = cand.trigger
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        head = tok.head
        carrier = head if tok.dep_ in ("dobj", "nsubjpass") and head.pos_ in ("VERB", "AUX") else None
        if carrier is None:
            continue
        lo, hi = sorted((carrier.i, tok.i))
        apart = any(t.text in ("-", "–", "—", ";", ":") for t in sent.doc[lo + 1:hi])
        if apart:  # "pledged ... - a key demand by X": an apposition, not the verb's object
            continue
        if carrier.lemma_.lower() in cues()["deferring_governors"]:
            if carrier.i in cands:  # "talks were postponed": the talks are the event (future)
                cands[carrier.i].dropped = True
            continue
        if _is_light(carrier, rows.get(carrier.i)) and not any(
                c.dep_ in ("ccomp", "xcomp") for c in carrier.children):
            cand.light = carrier
            if carrier.i in cands:
                cands[carrier.i].dropped = True
        elif carrier.i in cands:
            cand.dropped = True
    return [c for c in cands.values() if not c.dropped]


def _embedding(cand: Candidate, by_token: dict) -> Optional[Candidate]:
    """The nearest trigger governing this verb trigger through complement links."""
    cur = cand.head
    for _ in range(5):
        if cur.dep_ not in EMBED_DEPS or cur.head is cur:
            return None
        if cur.dep_ == "conj":
            return None
        cur = cur.head
        if cur.i in by_token:
            return by_token[cur.i]
        if cur.pos_ in ("NOUN", "PROPN") and cur.dep_ not in ("pobj",):
            return None
    return None


def _purpose_of(cand: Candidate, by_token: dict) -> bool:
    tok = cand.trigger
    return (tok.dep_ == "advcl" and tok.head.i in by_token
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children))


def link_embedded(cands: list[Candidate]) -> list[Candidate]:
    by_token = {}
    for c in cands:
        by_token[c.trigger.i] = c
        if c.light is not None:
            by_token[c.light.i] = c
    for cand in cands:
        if cand.row.condition.startswith("dest:"):  # "ordered troops sent to X": one act
            for m in movers_of(cand.trigger):
                own_subject = any(g.dep_ in ("nsubj", "nsubjpass") for g in m.children)
                if m.i in by_token and (m.dep_ != "conj" or own_subject):
                    by_token[m.i].dropped = True
    for cand in cands:
        if cand.trigger.pos_ in ("NOUN", "PROPN"):
            continue
        if _purpose_of(cand, by_token):
            cand.dropped = True  # "approved a loan to help X": the help is the loan's purpose
            continue
        parent = _embedding(cand, by_token)
        if parent is None or parent is cand:
            continue
        cand.parent = parent
        if "allege" in parent.row.flags:
            cand.embedded = "allege"
        elif "deny" in parent.row.flags:
            cand.embedded = "deny"
        elif "content" in parent.row.flags:
            cand.dropped = True
    return cands


COERCIVE_CONTENT = {"ASSAULT", "COERCE", "MOBILIZE", "SANCTION", "PROTEST", "THREATEN"}


def commissive_threats(cands: list[Candidate]) -> None:
    """A promise to use force, punish or protest is a threat (PLOVER THREATEN: a statement of
    intent to act against the recipient; AGREE is intent to cooperate): "vowed to fight on",
    "vowed that those responsible would be brought to justice", "promised to resume the
    protests". The content's own trigger is part of the threat, not an event of its own."""
    for cand in cands:
        if "content" not in cand.row.flags or cand.types[0] not in ("AGREE", "THREATEN"):
            continue
        if cand.trigger.pos_ not in ("VERB", "AUX"):
            continue
        content = {t.i for c in cand.trigger.children if c.dep_ in ("xcomp", "ccomp")
                   for t in c.subtree}
        inner = [o for o in cands if o is not cand and o.trigger.i in content
                 and o.types[0] in COERCIVE_CONTENT]
        punish = any(cand.trigger.doc[i].lemma_.lower() in cues()["punishment"] for i in content)
        if inner or punish:
            cand.types = ("THREATEN",)
            for o in inner:
                o.dropped = True


def fold_purpose_mentions(cands: list[Candidate]) -> None:
    """"thronged the streets to join protests": a trigger of the same type inside another's
    purpose or complement clause names the same act; it is kept as a mention, not coded twice."""
    for cand in cands:
        inner = {t.i for c in cand.head.children if c.dep_ in ("xcomp", "advcl")
                 and not any(g.dep_ in ("nsubj", "nsubjpass", "mark") and g.lower_ != "to"
                             for g in c.children)  # not "after X killed": an act of its own
                 for t in c.subtree}
        for o in cands:
            if (o is not cand and not o.dropped and not cand.dropped and o.trigger.i in inner
                    and o.types[0] == cand.types[0]):
                o.dropped = True
                cand.mentions.append(o)
                cand.target_toks += [t for t in o.target_toks if t not in cand.target_toks]
                cand.source_toks = cand.source_toks or o.source_toks


def _charge_args(cand: Candidate) -> None:
    """"China claims that US drills incite Pyongyang": China accuses the drills' owners."""
    verb = cand.trigger
    head = verb.head
    if verb.dep_ != "ccomp" or head.lemma_.lower() not in cues()["reporting_verbs"] | {"accuse"}:
        cand.dropped = True
        return
    cand.source_toks = _subject_of(head)[0]
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    owners = []
    for s in subj:
        owners.append(s)
        owners += [c for c in s.children if c.dep_ in ("poss", "compound")]
        owners += [g for c in s.children if c.dep_ == "prep" and c.lower_ in ("between", "of", "by")
                   for g in c.children if g.dep_ == "pobj"]
    cand.target_toks = owners


def arguments(cand: Candidate) -> None:
    if "charge" in cand.row.flags:
        _charge_args(cand)
    elif cand.trigger.pos_ in ("NOUN", "PROPN"):
        _noun_args(cand)
    else:
        _verb_args(cand)


def resolve_sides(cand: Candidate, view: ActorView) -> None:
    place_ok = "place" in cand.row.flags
    # a pronoun bound by the governing clause's subject ("X denied that a strike it carried out",
    # "X announced it is expelling") is that subject, whatever a wider coreference guessed
    cand.source = (to_refs(cand.pronoun_fallback, view) or to_refs(cand.source_toks, view)
                   or to_refs(cand.modifier_toks, view))
    if "joint_if_many" in cand.row.flags:
        partners = to_refs(_prep_targets(cand.trigger, {"with"}), view)
        if cand.light is not None:
            partners += to_refs(_prep_targets(cand.light, {"with"}), view)
        if partners or len({r.country for r in cand.source}) > 1:
            cand.types = ("COOPERATE",)  # several sides' exercise ("with X") is a joint one
            if partners:
                union = cand.source + [p for p in partners
                                       if _key(p) not in {_key(r) for r in cand.source}]
                cand.source = list(union)
                cand.target_toks = []
                cand.target = list(union)
                return
    cand.target = to_refs(cand.target_toks, view, allow_place=place_ok)
    _envoy_hosts(cand, view)
    _own_forces(cand, view)
    if "charge" in cand.row.flags:
        cand.dropped = cand.dropped or not cand.target or not cand.source
        return
    if not cand.target and cand.trigger.pos_ not in ("NOUN", "PROPN"):
        toks = _object_preps(cand.trigger, cand.types[0] in VERBAL_TYPES)
        if cand.row.mode in VENUE_MODES:  # "signed an accord with X in Nairobi": X, not Nairobi
            toks = [t for t in toks if not (t.dep_ == "pobj" and t.head.lower_ in VENUE_PREPS)]
        cand.target = to_refs(toks, view, allow_place=place_ok)



def _envoy_hosts(cand: Candidate, view: ActorView) -> None:
    """"Russia recalled its ambassador to Georgia": an act on one's own envoy is towards the
    country the envoy is posted to (the "to/in" phrase), not towards oneself."""
    own = {r.country for r in cand.source if r.country}
    if not own:
        return
    for tok in cand.target_toks:
        if tok.lemma_.lower() not in POSTED_ABROAD:
            continue
        posts = _prep_targets(tok, {"to", "in", "at", "from"})
        posts += _prep_targets(cand.head, {"in", "from"})  # "withdrew its envoy from Kinshasa"
        hosts = [r for r in to_refs(posts, view, allow_place=True)
                 if r.country and r.country not in own]
        if not hosts:
            continue
        words = _core_span(tok)
        text = text_of(tok.doc)[words[0]:words[1]]
        keep = [r for r in cand.target if r.text != text or r.country not in own | {None}]
        cand.target = keep + [h for h in hosts[:1] if h.country not in {r.country for r in keep}]


ARMED = {"MIL", "COP", "PRM"}
DESTINATION_PREPS = {"to", "toward", "towards", "into", "near", "along", "from", "across"}
FRONTIER = {"border", "frontier", "boundary"}


def _destination(head, view: ActorView, own: set) -> list[ActorRef]:
    """The other country of a movement's destination: "to the border with Colombia",
    "into Georgia", "along the Kenyan frontier"."""
    for tok in _prep_targets(head, DESTINATION_PREPS):
        if tok.lemma_.lower() in FRONTIER:
            other = [r for r in to_refs(_prep_targets(tok, {"with"}), view, allow_place=True)
                     if r.country and r.country not in own]
            if other:
                return other[:1]
        refs = [r for r in to_refs([tok], view, allow_place=True)
                if r.country and r.country not in own]
        if refs:
            return refs[:1]
    return []


def _own_forces(cand: Candidate, view: ActorView) -> None:
    """"Move 10 battalions to the border with Colombia", "ordered troops to the frontier": the
    forces one moves are one's own, the instrument, not the recipient; the recipient is the other
    country the destination names, else none (the default rule decides)."""
    own = {r.country for r in cand.source if r.country}
    if not own or not cand.target:
        return
    forces = [r for r in cand.target if r.country in own and r.sector in ARMED]
    if not forces:
        return
    cand.target = [r for r in cand.target if r not in forces] or _destination(cand.head, view, own)


def _key(ref: ActorRef):
    return ref.actor or (ref.name, ref.country)


def inherit_sides(cand: Candidate) -> None:
    """Fill sides the clause leaves implicit: "accused X of sending" (X acts), passive arrests."""
    parent = cand.parent
    if not cand.source and parent is not None and cand.embedded == "allege":
        cand.source = list(parent.target)
    if not cand.source and "state" in cand.row.flags and cand.passive and cand.target:
        cand.source = [ActorRef(text="", name=None, country=r.country, sector="GOV", actor=None)
                       for r in cand.target[:1] if r.country]
        cand.implicit_source = True
    src_keys = {_key(r) for r in cand.source}
    cand.target = [r for r in cand.target if _key(r) not in src_keys or len(cand.source) > 1]
    if (not cand.target and len(cand.source) > 1 and cand.types[0] in RECIPROCAL
            and not cand.passive):
        cand.target = list(cand.source)


POSSESSIVES = pronouns(case="det")
BELONGING_PREPS = {"to", "in", "from", "into", "at"}


def own_belongings(cand: Candidate, view: ActorView) -> None:
    """"Russia recalled its ambassador to Georgia", "withdrew its troops from Hebron",
    "demanded the release of our citizens": what the actor acts on is its own (a possessive
    pronoun), so the recipient is the place it is posted in or taken from, else unnamed (the
    default recipient applies later); never the actor's own country (issue 7, kind 1)."""
    own = {r.country for r in cand.source if r.country}
    if len(own) != 1 or any(r.country and r.country not in own for r in cand.target):
        return
    toks = [t for t in cand.target_toks if any(
        w.lower_ in POSSESSIVES and w.dep_ == "poss" for w in t.subtree)]
    if not toks:
        return
    places = [g for t in toks for w in t.subtree if w.dep_ == "prep" and w.lower_ in BELONGING_PREPS
              for g in w.children if g.dep_ == "pobj"]
    places += _prep_targets(cand.head, BELONGING_PREPS)
    refs = [r for r in to_refs(places, view, allow_place=True) if r.country and r.country not in own]
    cand.target = refs[:1]


def locative_targets(cand: Candidate, view: ActorView) -> None:
    """A cooperative act "in Benin" / "during his visit to X" is taken to be towards that country;
    goods that arrive from abroad with no place named arrive in the article's country."""
    if cand.target or not cand.source or cand.types[0] not in COOP_TYPES | FORCE_TYPES:
        return
    if "from_source" in cand.row.flags and view.home and view.home not in {
            r.country for r in cand.source}:
        cand.target = [ActorRef(text="", name=None, country=view.home, sector=None, actor=None)]
        cand.implicit_target = True
        return
    venue = (cand.types[0] in VENUE_TYPES or cand.row.mode in VENUE_MODES) and not _is_visit(cand)
    own = {r.country for r in cand.source}
    for c in cand.head.children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "during", "at", "near", "off"):
            continue
        toks = [t for t in c.subtree if t.dep_ == "pobj"]
        if venue:  # "met in Geneva": a venue is the event's place; "during his visit to X": host
            toks = [t for t in toks if _in_stay(t, c)]
        refs = [r for r in to_refs(toks, view, allow_place=True) if r.country not in own]
        if refs:
            cand.target = refs[:1]
            return


def _is_visit(cand: Candidate) -> bool:
    """A visit ("arrived in Senegal", "toured Benin"): its place is the host, a recipient. The
    lexicon marks visit triggers with the "place" flag, also when a PETRARCH pattern coded the
    token first."""
    tok = cand.head
    pos = "V" if tok.pos_ in ("VERB", "AUX") else "N"
    rows = triggers().get((tok.lemma_.lower(), pos), [])
    return "place" in cand.row.flags or any("place" in r.flags for r in rows)


def _in_stay(tok, top) -> bool:
    """Is `tok` inside a stay noun ("visit", "stop") below the preposition `top`?"""
    stays = word_set("actors", "stay_nouns.tsv")
    return any(a.lemma_.lower() in stays for a in tok.ancestors
               if a.i != top.i and top.i in {x.i for x in a.ancestors})


def domestic_target(cand: Candidate, home: Optional[str] = None) -> None:
    """No recipient named: the act is taken to be towards the actor's own country (PLOVER's
    domestic default) - or, for force, the country the article is about - marked as implicit;
    not for acts that need a partner."""
    if cand.target or not cand.source or cand.types[0] in PARTNER_TYPES:
        return
    country = cand.source[0].country
    if cand.types[0] in FORCE_TYPES and home:
        country = home
    if country:
        cand.target = [ActorRef(text="", name=None, country=country, sector=None, actor=None)]
        cand.implicit_target = True


def _complement_targets(cand: Candidate, view: ActorView) -> list[ActorRef]:
    """Actors named as objects inside a content clause ("committed to develop X with Y")."""
    own = {_key(s) for s in cand.source}
    comps = [c for c in cand.head.children if c.dep_ in ("xcomp", "ccomp")]
    # "committed to paying the teachers": a gerund clause after a preposition is content too
    comps += [g for c in cand.head.children if c.dep_ == "prep" and c.lower_ in ("to", "on")
              for g in c.children if g.dep_ == "pcomp" and g.pos_ in ("VERB", "AUX")]
    for comp in comps:
        toks = [t for t in comp.subtree if t.dep_ in ("pobj", "dobj", "dative", "nsubjpass")]
        toks += [t for t in comp.subtree if t.dep_ == "nsubj"]
        refs = [r for r in to_refs(toks, view) if _key(r) not in own]
        if refs:
            return refs[:2]
    return []


def _same_side(a: Candidate, b: Candidate) -> bool:
    return bool(a.source) and {_key(r) for r in a.source} == {_key(r) for r in b.source}


def borrow_content_targets(cands: list[Candidate], view: ActorView) -> None:
    """A REQUEST/AGREE/ACCUSE... without its own recipient takes the one of its content clause."""
    for c in cands:
        if not c.target and not c.dropped and c.trigger.pos_ in ("VERB", "AUX"):
            c.target = _complement_targets(c, view)
    by_head = {c.head.i: c for c in cands}
    for c in cands:
        sib = by_head.get(c.head.head.i) if c.head.dep_ == "conj" else None
        if not c.target and sib is not None and sib is not c and _same_side(c, sib):
            c.target = list(sib.target)
    for c in cands:
        p = c.parent
        if p is not None and c.embedded == "allege" and not p.target and c.source:
            own = {_key(s) for s in p.source}
            p.target = [r for r in c.source if _key(r) not in own]
    for c in cands:
        if c.dropped and c.parent is not None and not c.parent.target:
            p = c.parent
            own = {_key(s) for s in p.source}
            p.target = [r for r in (c.target or c.source) if _key(r) not in own]


def evidence_bounds(cand: Candidate) -> tuple[int, int]:
    """Character span of the clause stating the event, within its sentence."""
    head = cand.head
    sent = head.doc[slice(*sent_bounds(head))]
    toks = {head.i}
    keep_content = bool({"allege", "content", "deny", "allegation"} & cand.row.flags)
    for c in head.children:
        if c.dep_ in SKIP_CHILD_DEPS:
            continue
        if c.dep_ in ("ccomp", "xcomp") and not keep_content and cand.light is None:
            continue
        toks.update(t.i for t in c.subtree)
    if cand.trigger is not head:
        toks.update(t.i for t in cand.trigger.subtree if t.dep_ not in ("relcl",))
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj":
        toks.add(head.head.i)
        if head.head.head.lower_ in ("ahead", "prior"):
            toks.add(head.head.head.i)
    for t in cand.source_toks:
        if t.head in (head, cand.trigger) and sent.start <= t.i < sent.end:
            toks.update(x.i for x in _expand(t))
            toks.add(t.left_edge.i)
    lo = max(min(toks), sent.start)
    hi = min(max(toks), sent.end - 1)
    doc = head.doc
    while lo < hi and doc[lo].is_punct and doc[lo].text not in ('"', "“"):
        lo += 1
    while hi > lo and doc[hi].is_punct and doc[hi].text not in ('"', "”"):
        hi -= 1
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    text = text_of(doc)
    para_start = text.rfind("\n\n", start, head.idx)
    para_end = text.find("\n\n", head.idx, end)
    if para_start >= 0:
        start = para_start + 2
    if para_end >= 0:
        end = para_end
    return _strip(text, start, end)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\n,;:-–—":
        start += 1
    while end > start and text[end - 1] in " \t\n,;:-–—":
        end -= 1
    return start, end


def _allegation_candidates(sent, cands: list[Candidate]) -> list[Candidate]:
    """ACCUSE candidates for reported allegations (events/allegation.py), unless the sentence
    already codes an accusation or rejection."""
    from .allegation import allegations, characterisations

    if any(c.types[0] in ("ACCUSE", "REJECT") for c in cands):
        return []
    taken = {c.trigger.i for c in cands} | {c.light.i for c in cands if c.light is not None}
    found = allegations(sent, taken) + characterisations(sent, taken)
    return [Candidate(trigger=tok, row=row, types=row.types, source_toks=speaker,
                      target_toks=doers) for tok, speaker, doers, row in found]


def sentence_candidates(sent, view: ActorView) -> list[Candidate]:
    cands = find_triggers(sent)
    for c in cands:
        arguments(c)
    cands += _allegation_candidates(sent, cands)
    link_embedded(cands)
    commissive_threats(cands)
    fold_purpose_mentions(cands)
    for c in cands:
        resolve_sides(c, view)
    for c in cands:
        inherit_sides(c)
        if "allegation" in c.row.flags and not (c.source and any(r.actor for r in c.target)):
            c.dropped = True  # an allegation needs a named accuser and a named accused actor
    borrow_content_targets(cands, view)
    for c in cands:
        own_belongings(c, view)
    for c in cands:
        locative_targets(c, view)
    for c in cands:
        c.status = status_of(c.trigger, c.light, c.embedded)
    return [c for c in cands if not c.dropped]
