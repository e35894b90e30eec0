"""Who said it: from the cue's subject to a named actor.

Uses the actor stage's index (`doc.actor_index`) when it is there; otherwise falls back
on spaCy entities: appositives ("Miller, a spokesman for ..."), pronouns ("he said" -> the last
named person), definite role nouns ("the spokesman" -> the last named person introduced with that
role; "the coalition" -> the earlier "Saudi-led coalition" by head word), documents ("a statement
released by X", "the coalition statement" -> their issuer), unnamed spokespeople ("a spokeswoman for
X" -> X, data/quotes/proxy_roles.tsv), and short surnames expanded to the full name used earlier.
"""
from __future__ import annotations

from typing import Optional

from ..model import ActorRef
from ..paths import word_set
from ..pronouns import pronouns
from . import gender, marks, sentences, spelling

PERSON_PRONOUNS = pronouns(person=3, gender=("m", "f"), case=("subj", "obj"))  # he, him, she, her
GROUP_PRONOUNS = pronouns(person=3, gender="n", case=("subj", "obj")) | pronouns(
    person=3, number="pl", case=("subj", "obj"))  # it, they, them
SELF_PRONOUNS = pronouns(person=(1, 2), case="subj")  # i, we, you: the quoted speakers themselves
NAMED = {"PERSON", "ORG", "GPE", "NORP", "FAC"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
PLACE_LABELS = ("FAC",)  # named buildings: speakers only as a seat the actor stage resolves
# to a government or other sector ('the White House' -> USA GOV), not by their city's country
MAX_BACK = 2500  # characters: a he/she further from any named person stays unresolved


def document_nouns() -> frozenset:
    """Nouns naming documents, which speak for whoever issued them (data/quotes/document_nouns.tsv)."""
    return word_set("quotes", "document_nouns.tsv")


def issuer_of(noun):
    """Who issued a document or data ('a statement released by X', 'figures published by X'): the
    agent of a participle modifying the noun, or None."""
    for acl in noun.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN":
            for agent in acl.children:
                if agent.dep_ == "agent":
                    return next((c for c in agent.children if c.dep_ == "pobj"), None)
    return None


def subject_of(verb):
    """The speaking subject of a cue verb, following conjunctions and tolerant of inversion.

    Up to three clauses up: a conjunct or participle shares its head's subject ('ordered troops
    ..., accusing X and saying Y'); an infinitive complement takes its head's object when there
    is one ('prompting Prayuth to announce'), else its subject (object and subject control).
    A participle cue ('..., saying X'; 'was quoted as saying X') takes the subject of the clause
    it is an adjunct of (`_participle_subject`)."""
    if verb.tag_ == "VBG":
        subj = _participle_subject(verb)
        if subj is not None:
            return subj
    tok = verb
    for _ in range(4):
        subjects = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        if subjects:  # "Russia's gas monopoly Gazprom said" parsed as two subjects: the name
            return _named_subject(subjects)
        if tok.dep_ not in ("conj", "xcomp", "advcl") or tok.head.i == tok.i:
            break
        if tok.dep_ == "xcomp":
            obj = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if obj is not None:
                return obj
        tok = tok.head
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a statement issued by X" / "officials speaking on ..."
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                return pobj
    return None


DASHES = ("\u2014", "\u2013", "--", "-")


def _named_subject(subjects):
    """Of a cue's subjects, the name closing one unbroken noun phrase the parser split into several
    ("MDC vice-president Gibson Sibanda", "Russia's gas monopoly Gazprom"), else the first."""
    doc = subjects[0].doc
    kept = [t for t in subjects if not (t.i + 1 < len(doc) and doc[t.i + 1].text in DASHES)]
    subjects = kept or subjects  # "DUBAI — The coalition ... denied": the dateline is no subject
    first, last = subjects[0], subjects[-1]
    if len(subjects) > 1 and last.pos_ == "PROPN" and all(
            t.pos_ in ("NOUN", "PROPN", "ADJ", "DET", "PART") or t.text in ("-", "\u2011")
            for t in first.doc[first.i:last.i + 1]):
        return last
    return first


ADJUNCT_DEPS = ("advcl", "conj", "pcomp", "prep")  # links from a participle up to its clause


def _participle_subject(verb):
    """Subject of the clause a participle cue hangs from, or None (the caller then walks as usual).

    English participial adjuncts take the subject of their main clause (subject control:
    'X sent troops north, accusing Y and saying Z' -> X; 'Y quoted officials as saying Z' -> Y;
    'X was quoted as saying Z' -> X). The parser often hangs the participle on a conjunct or a
    prepositional phrase, so the walk goes up through adjunct links only (never out of a
    reported clause, a relative clause or a noun's modifier) past other participles to the
    first finite verb, and takes its subject when it stands before the cue."""
    if verb.dep_ not in ADJUNCT_DEPS:
        return None
    tok = verb
    for _ in range(8):
        if tok.dep_ not in ADJUNCT_DEPS or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ not in ("VERB", "AUX") or not _finite(tok):
            continue
        subj = next((c for c in tok.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is not None and subj.i < verb.i:
            return subj
        return None
    return None


def _finite(verb) -> bool:
    """A finite verb: past or present tense, or with a modal or tensed auxiliary ('was quoted')."""
    return verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in verb.children)


def _is_subject(tok) -> bool:
    """A subject, or in apposition to / a name part of one ('The president, X, said')."""
    for _ in range(3):
        if tok.dep_ in SUBJECT_DEPS:
            return True
        if tok.dep_ not in ("appos", "compound", "flat"):
            return False
        tok = tok.head
    return False


def _is_actor(ref: ActorRef) -> bool:
    """Did the actor stage resolve these words to a person or organisation (an actor with a
    country or a sector: 'the White House' -> USA GOV, 'residents' -> CVL)? Words it leaves
    bare ('these plans', 'the Eiffel Tower') name things, which speak for no one."""
    return bool(ref.country or ref.sector)


def speaks(tok) -> bool:
    """A noun that may speak though the actor stage leaves it bare: a thing PolNeAR train annotates
    as a source when it is a subject ('the poll found', 'a report says': data/quotes/source_nouns.tsv,
    scripts/quotes/learn_source_nouns.py) or an agent noun ('the regulator', `_agent_suffixes`)."""
    lemma = tok.lemma_.lower()
    return lemma in word_set("quotes", "source_nouns.tsv") or lemma.endswith(_agent_suffixes())


def _spoken_about(tok) -> bool:
    """A noun PolNeAR train has far more often inside what is said than as who says it ('plan',
    'rule', 'bill': data/quotes/content_nouns.tsv, scripts/quotes/learn_source_nouns.py)."""
    return tok.lemma_.lower() in word_set("quotes", "content_nouns.tsv")


def _agent_suffixes() -> tuple:
    """Agent-noun endings, data/quotes/agent_suffixes.tsv ('regulator', 'nominee', 'analyst')."""
    return tuple(sorted(word_set("quotes", "agent_suffixes.tsv")))


def _entity(ents, tok):
    for ent in ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _noun_phrase(tok):
    """The head noun with its left modifiers (det, amod, compound, poss) and flat names."""
    left = tok.i
    for child in tok.lefts:
        if child.dep_ in ("det", "amod", "compound", "poss", "nmod", "nummod"):
            left = min(left, child.left_edge.i)
    right = tok.i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat") or (child.dep_ == "prep" and child.lower_ in ("of", "for")):
            right = max(right, child.right_edge.i)
    return tok.doc[left:right + 1]


def _in_paragraph(span, tok):
    """`span` without the tokens outside `tok`'s paragraph (the parse may run across a break)."""
    a, b = marks.paragraph_bounds(sentences.text(tok.doc), tok.idx)
    toks = [t for t in span if a <= t.idx < b]
    return tok.doc[toks[0].i:toks[-1].i + 1] if toks else span


def _full_name(ents, ent, before: int) -> str:
    """A surname alone ("Caddell") becomes the fuller name used earlier ("Pat Caddell")."""
    text = ent.text
    if ent.label_ != "PERSON":
        return text
    last = ent[-1].text
    best = text
    for other in ents:
        if other.label_ == "PERSON" and other.start_char < before and len(other.text) > len(best) \
                and (other[-1].text == last or other[-1].text.endswith("-" + last)):
            best = other.text
    return best


def _singular(word: str) -> str:
    """A regular plural's singular ('ministries' -> 'ministry', 'services' -> 'service')."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _word_forms(text) -> set:
    """The lower-case words of a name or description, each also in its singular."""
    words = "".join(c if c.isalnum() or c == "-" else " " for c in (text or "").lower()).split()
    return set(words) | {_singular(w) for w in words}


def _modifier_forms(tok) -> list:
    """The content words modifying a description's head noun, each as `_head_forms`."""
    return [_head_forms(t) for t in _noun_phrase(tok) if t.i < tok.i and t.pos_ in ("NOUN", "PROPN", "ADJ")]


def _generic_org(tok) -> bool:
    """Is the noun a class noun for any organisation ('agency', 'group': data/quotes/generic_org_nouns.tsv)?"""
    return bool(_head_forms(tok) & word_set("quotes", "generic_org_nouns.tsv"))


def _head_forms(tok) -> set:
    """A description's head noun as written and as lemma."""
    return {tok.lower_, tok.lemma_.lower(), _singular(tok.lower_)}


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix):
            return text[: -len(suffix)]
    return text


def _antecedent(ents, before: int, person: bool) -> Optional[tuple]:
    """The last named person (or organisation/country) before `before`, as (name, entity)."""
    labels = ("PERSON",) if person else ("ORG", "GPE", "NORP")
    best = None
    for ent in ents:
        if ent.label_ in labels and ent.end_char <= before:
            best = ent
    return (_full_name(ents, best, best.start_char), best) if best is not None else None


RECENT = 1500  # characters: a speaker quoted this far back may still be referred to


def recent_speakers(previous: list, tok) -> list:
    """The (speaker, is_person, offset) entries of `previous` within RECENT characters before
    `tok`: all that `SpeakerResolver.resolve` reads of them."""
    return [p for p in previous if 0 <= tok.idx - p[2] < RECENT]


class SpeakerResolver:
    def __init__(self, doc):
        self.doc = doc
        self.sp = doc.spacy
        self.previous, self.recent, self.rejected = None, [], False
        self.ents = sentences.ents(doc.spacy)  # Doc.ents is rebuilt on every access: read it once
        self.index = getattr(doc, "actor_index", None)
        self.genders, self.quoted, self._mentions, self._accents = None, [], None, None
        try:
            from .. import actors as actors_mod
            self.lookup = getattr(actors_mod, "lookup", None)
        except Exception:  # the actor stage is optional for this one
            self.lookup = None

    def _ref(self, text: str, name: str, start: int, end: int) -> ActorRef:
        actor = None
        if self.index is not None:
            try:
                actor = self.index.at(start, end)
            except Exception:
                actor = None
        if actor is not None:
            ref = actor.ref(text)
            ref.name = self._spelled(ref.name)
            return ref
        info = None
        if self.lookup is not None:
            try:
                info = self.lookup(name, getattr(self.doc.article, "published", None))
            except Exception:
                info = None
        if info:
            return ActorRef(text=text, name=self._spelled(info.get("name") or name), country=info.get("country"),
                            sector=info.get("sector"))
        return ActorRef(text=text, name=name)

    def _spelled(self, name):
        """The knowledge base's name in the article's spelling ('Nicolas' -> 'Nicolás')."""
        if self._accents is None:
            self._accents = spelling.accented_words(self.doc.article.text or "")
        return spelling.respell(name, "", self._accents) if name else name

    def resolve(self, tok, previous=None, definite=False) -> tuple[Optional[ActorRef], Optional[tuple[int, int]]]:
        """(speaker, (start, end) of the words naming it in the sentence), or (None, None).

        `previous` is (ActorRef, is_person, char offset) of the last attributed quote: a pronoun,
        a role noun or a document ("the statement said") near it usually refers back to it.
        `definite`: read a bare common noun as definite ('a government statement' -> 'the
        government')."""
        self.rejected = False  # set when the words name a thing, not a person or organisation
        if tok is None:
            return None, None
        recent = recent_speakers(previous or [], tok)
        self.recent = recent
        self.previous = recent[-1] if recent else None
        low = tok.lower_
        if tok.pos_ == "PRON" or low in PERSON_PRONOUNS | GROUP_PRONOUNS:
            return self._pronoun(tok)
        if tok.lemma_.lower() in document_nouns() and _entity(self.ents, tok) is None:
            return self._document(tok)
        # an appositive naming a person wins over a role noun head ("a spokesman, John Smith,")
        ent = _entity(self.ents, tok)
        if ent is None or ent.label_ not in NAMED:  # "Germany's biggest carmaker Volkswagen"
            ent = next((e for c in tok.rights if c.dep_ == "appos" and c.i == tok.i + 1
                        for e in [_entity(self.ents, c)] if e is not None and e.label_ in ("ORG", "PERSON")), ent)
        if ent is None or ent.label_ not in NAMED:
            # "MDC vice-president Gibson Sibanda", "a spokesman, John Smith,": the person inside
            sub = (tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text))
            for cand in self.ents:  # the last one that is not a possessor ("Putin's adviser, X")
                if cand.label_ == "PERSON" and sub[0] <= cand.start_char and cand.end_char <= sub[1] \
                        and cand.root.dep_ != "poss" and not cand.text.endswith(("'s", "\u2019s")):
                    ent = cand
        if (ent is None or ent.label_ not in NAMED) and tok.lemma_.lower() in word_set("quotes", "proxy_roles.tsv"):
            org = self._represented(tok)  # "a spokeswoman for the Red Cross" -> the Red Cross
            if org is not None:
                return org, (tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text))
        span = _in_paragraph(_noun_phrase(tok), tok)
        if ent is None and tok.is_upper and len(tok.text) > 1:
            ent = self._named_in_capitals(tok)  # a transcript label 'EKBERG' -> 'Tomas Ekberg'
            if ent is not None:
                return self._ref(tok.text, _full_name(self.ents, ent, ent.start_char), ent.start_char,
                                 ent.end_char), (span.start_char, span.end_char)
        local = (min(span.start_char, ent.start_char) if ent is not None else span.start_char,
                 max(span.end_char, ent.end_char) if ent is not None else span.end_char)
        if ent is not None and ent.label_ in NAMED:
            name = _strip_possessive(_full_name(self.ents, ent, ent.start_char))
            ref = self._ref(ent.text, name, ent.start_char, ent.end_char)
            if ent.label_ in PLACE_LABELS and not ref.sector:
                self.rejected = True
                return None, None  # a building or site is no speaker unless it stands for an actor
            return ref, local
        text = span.text
        name = _strip_possessive(text[4:] if text.lower().startswith("the ") else text)
        common = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.is_lower)  # tagger slips
        if (definite or any(t.lower_ == "the" for t in span[:1])) and common:
            ref = self._ref(text, name, span.start_char, span.end_char)
            if any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG") for t in span if t.i < tok.i) \
                    and _is_actor(ref):
                return ref, local  # "the Saudi-led coalition": a name inside, a first mention, not an anaphor
            named = self._role_antecedent(tok)
            echo = (ref.name or "").lower() == name.lower()  # no named holder behind the role
            person_role = self._is_person_role(span)
            if named is None and echo and not person_role:
                named = self._head_antecedent(tok, name)  # "the coalition" -> "the Saudi-led coalition"
            if named is None and (ref.country is None or echo) and not person_role and _is_actor(ref) \
                    and _generic_org(tok):
                named = self._org_antecedent(tok)  # "the relief agency" -> the organisation named
            if named is None and echo and person_role and not self._introduced_before(tok):
                named = self._person_antecedent(tok)  # "the leftist leader" -> the person named
            if named is not None and (ref.name or "").lower() == name.lower():
                return named, local  # the actor stage only echoed the role: the named holder
            if ref.actor is not None or ref.country is not None:
                return self._holders(tok, ref), local  # the actor stage knows "the Russian president"
            if named is not None:
                return named, local
            if common and tok.tag_ in ("NN", "NNP") and (_is_actor(ref) or person_role):
                earlier = self._described_before(tok, person_role)
                if earlier is not None:
                    return earlier, local
        ref = self._ref(text, name, span.start_char, span.end_char)
        if common and _spoken_about(tok) and not (_is_actor(ref) or self._is_person_role(span) or speaks(tok)):
            self.rejected = True
            return None, None  # 'these plans said': a thing, not a person or organisation
        return (self._holders(tok, ref) if common else ref), local

    def _described_before(self, tok, person_role: bool) -> Optional[ActorRef]:
        """The last recent speaker a definite description can refer back to, or None (then the
        description names a new speaker). A person role ('the spokesman') may refer to the last
        person who spoke; any other description only to a speaker whose words or name hold its
        head noun and its modifiers ('the ministry' after 'the health ministry'), the strict
        head-match sieve of rule-based coreference (head match and word inclusion, Lee et al.
        2013): 'the ambulance service' after 'the coastguard' is another speaker."""
        head, mods = _head_forms(tok), _modifier_forms(tok)
        for ref, is_person, _at in reversed(self.recent):
            if person_role and is_person or (not person_role and not is_person and _generic_org(tok)):
                return ref
            words = _word_forms(ref.text) | _word_forms(ref.name)
            if head & words and all(m & words for m in mods):  # word inclusion: 'the fire and rescue
                return ref  # service' is not 'the fire service'
        return None

    def _holders(self, tok, ref: ActorRef) -> ActorRef:
        """'the president's office' named by the office's holder when the article named the
        person with that title before ('President Pedro Pablo Kuczynski' -> 'Pedro Pablo
        Kuczynski's office'), as the actor stage links 'the president' to a titled name; `ref`
        unchanged otherwise."""
        poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ == "NOUN"), None)
        if poss is None or self._is_person_role(self.sp[tok.i:tok.i + 1]):
            return ref
        holder = self._titled(poss)
        if holder is None:
            return ref
        name = _strip_possessive(_full_name(self.ents, holder, holder.start_char))
        return ActorRef(text=ref.text, name=f"{name}'s {tok.text}", country=ref.country,
                        sector=ref.sector, actor=ref.actor)

    def _titled(self, role):
        """The last person named before `role` with it as a title ('President Pedro Pablo
        Kuczynski' for 'the president'), not a former holder ('former president X'), or None."""
        lemma = role.lemma_.lower()
        best = None
        for ent in self.ents:
            if ent.label_ != "PERSON" or ent.end_char > role.idx or ent.start == 0:
                continue
            title = self.sp[ent.start - 1]
            if title.lemma_.lower() == lemma and not (title.i > 0 and self.sp[title.i - 1].lower_ in ("former", "ex")):
                best = ent
        return best

    def _named_in_capitals(self, tok):
        """The person named before whose surname `tok` spells in capitals, or None."""
        for ent in reversed(self.ents):
            if ent.label_ == "PERSON" and ent.start_char < tok.idx and ent[-1].lower_ == tok.lower_:
                return ent
        return None

    def _pronoun(self, tok):
        person = tok.lower_ in PERSON_PRONOUNS
        g = gender.pronoun_gender(tok.text)
        if g is not None:
            ent = self._nearest_person(tok, g)
            if ent is not None:
                name = _strip_possessive(_full_name(self.ents, ent, ent.start_char))
                ref = self._ref(tok.text, name, ent.start_char, ent.end_char)
                return ref, (tok.idx, tok.idx + len(tok.text))
        same = [p for p in getattr(self, "recent", []) if p[1] == person]
        if same and tok.lower_ not in SELF_PRONOUNS:
            ref = same[-1][0]  # the last speaker of the same kind: "..., he said" after "X said"
            return ActorRef(text=tok.text, name=ref.name, country=ref.country, sector=ref.sector,
                            actor=ref.actor), (tok.idx, tok.idx + len(tok.text))
        if self.index is not None:
            try:
                actor = self.index.at(tok.idx, tok.idx + len(tok.text))
            except Exception:
                actor = None
            if actor is not None:
                return actor.ref(tok.text), (tok.idx, tok.idx + len(tok.text))
        if tok.lower_ in SELF_PRONOUNS:
            return None, None
        found = _antecedent(self.ents, tok.idx, tok.lower_ in PERSON_PRONOUNS)
        if found is None:
            return None, (tok.idx, tok.idx + len(tok.text))
        name, ent = found
        ref = self._ref(tok.text, _strip_possessive(name), ent.start_char, ent.end_char)
        return ref, (tok.idx, tok.idx + len(tok.text))

    def _nearest_person(self, tok, g: str):
        """The nearest person named before `tok` whose gender (from the article, `gender.genders`)
        does not contradict the pronoun's (any gender when `g` is None), outside quotation marks;
        sentence by sentence back, and within a sentence its subject first (centering: the subject is the likeliest
        antecedent). None beyond MAX_BACK characters."""
        if self.genders is None:
            self.genders = gender.genders(self.sp, self.ents)
            self.quoted = [(s.start, s.end) for s in sentences.segments(self.sp)]
        by_sent: dict = {}
        for ent in self._person_mentions():
            if ent.end_char > tok.idx or tok.idx - ent.end_char > MAX_BACK or not self._person_ent(ent):
                continue
            if any(a <= ent.start_char < b for a, b in self.quoted):
                continue
            if g is not None and self.genders.get(gender.key(ent.text), g) != g:
                continue
            by_sent.setdefault(sentences.sent_of(ent.root).start, []).append(ent)
        sents = sentences.sents(self.sp)
        for sent in reversed(sents):
            if sent.start_char > tok.idx:
                continue
            if tok.idx - sent.end_char > MAX_BACK:
                break
            ents = by_sent.get(sent.start, [])
            subjects = [e for e in ents if _is_subject(e.root)]
            if subjects:
                return subjects[-1]
            if sent.start_char <= tok.idx < sent.end_char:
                continue  # the pronoun's own sentence: only a named subject before it counts
            if g is not None and any(t.dep_ in SUBJECT_DEPS and gender.pronoun_gender(t.text) == g
                                     for t in sent):
                continue  # "He told reporters ... the ambassador": the chain runs through 'He'
            if ents:
                return ents[-1]
        return None

    def _introduced_before(self, tok) -> bool:
        """Was this role noun used before with another determiner ('a spokesperson for X ...
        the spokesperson said')? Then the definite phrase refers back to that unnamed mention
        (head-noun match, as in rule-based coreference), not to a named person."""
        lemma = tok.lemma_.lower()
        return any(t.lemma_.lower() == lemma and t.i < tok.i and t.pos_ == "NOUN"
                   and not any(c.lower_ == "the" for c in t.children) for t in self.sp[:tok.i])

    def _person_antecedent(self, tok) -> Optional[ActorRef]:
        """A definite person role ('the leftist leader said') without a named holder: the nearest
        person named before it, subject first, of the role's gender when the role has one."""
        g = gender.lexicon().get(tok.lower_)
        ent = self._nearest_person(tok, g)
        if ent is None:
            return None
        name = _strip_possessive(_full_name(self.ents, ent, ent.start_char))
        return self._ref(ent.text, name, ent.start_char, ent.end_char)

    def _is_person_role(self, span) -> bool:
        if any(t.lower_ in gender.lexicon() for t in span):
            return True
        try:
            actor = self.index.at(span.start_char, span.end_char) if self.index is not None else None
        except Exception:  # the actor stage is optional here
            actor = None
        return actor is not None and getattr(actor, "kind", None) == "person"

    def _org_antecedent(self, tok) -> Optional[ActorRef]:
        """The nearest organisation named as a subject before a definite role noun that is not a
        person's ('International Aid Services said ... the relief agency said'), within MAX_BACK."""
        if self.genders is None:
            self._nearest_person(tok, "m")  # fills the quoted spans
        for ent in reversed(self.ents):
            if ent.label_ != "ORG" or ent.end_char > tok.idx:
                continue
            if tok.idx - ent.end_char > MAX_BACK:
                return None
            if _is_subject(ent.root) and not any(a <= ent.start_char < b for a, b in self.quoted):
                return self._ref(ent.text, _strip_possessive(ent.text), ent.start_char, ent.end_char)
        return None

    def _represented(self, tok) -> Optional[ActorRef]:
        """The organisation an unnamed spokesperson speaks for: 'for/of/at X' on the role noun, or
        on its first mention ('a spokesperson for X ... the spokesperson said'); None otherwise."""
        mentions = [tok]
        if any(c.lower_ == "the" for c in tok.children):
            lemma = tok.lemma_.lower()
            mentions += [t for t in reversed(self.sp[:tok.i]) if t.lemma_.lower() == lemma and t.pos_ == "NOUN"
                         and tok.idx - t.idx < MAX_BACK][:1]
        for role in mentions:
            for prep in role.children:
                if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at"):
                    org = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if org is not None and org.pos_ in ("PROPN", "NOUN"):
                        ref = self.resolve(org, self.recent)[0]
                        if ref is not None and (_entity(self.ents, org) is not None or _is_actor(ref)):
                            return ref
        return None

    def _head_antecedent(self, tok, phrase: str) -> Optional[ActorRef]:
        """A definite noun's nearest earlier actor mention with the same head word and a fuller
        name ('The Saudi-led coalition ... the coalition'): head match, the strictest rule of
        rule-based coreference (Lee et al. 2013, the Stanford sieves), with its word inclusion:
        the noun's own modifiers must be in the earlier mention ('the mountain rescue service' is
        not 'the fire service'). None within MAX_BACK."""
        if self.index is None:
            return None
        head, echo = tok.lower_, {tok.lower_, phrase.lower()}
        mods = _modifier_forms(tok)
        best = None
        for start, end, actor in getattr(self.index, "mentions", ()):
            if end > tok.idx or tok.idx - end > MAX_BACK or not actor.name:
                continue
            words = sentences.text(self.sp)[start:end].lower().split()
            if words and words[-1].strip(".,;:'\u2019") == head and actor.name.lower() not in echo \
                    and all(m & _word_forms(" ".join(words)) for m in mods) \
                    and (best is None or start > best[0]):
                best = (start, end, actor)
        return best[2].ref(sentences.text(self.sp)[best[0]:best[1]]) if best else None

    def _person_mentions(self) -> list:
        """Named entities, plus a bare surname the tagger left out ('Sall thanked ...') when a
        person with that surname was named before."""
        if self._mentions is None:
            surnames = {gender.key(e.text): e.start for e in reversed(self.ents) if e.label_ == "PERSON"}
            in_ent = {i for e in self.ents for i in range(e.start, e.end)}
            extra = [self.sp[t.i:t.i + 1] for t in self.sp if t.pos_ == "PROPN" and t.i not in in_ent
                     and surnames.get(t.lower_, len(self.sp)) < t.i and t.dep_ in SUBJECT_DEPS]
            for span in extra:
                span.label_ = "PERSON"
            self._mentions = sorted(list(self.ents) + extra, key=lambda e: e.start)
        return self._mentions

    def _person_ent(self, ent) -> bool:
        """A PERSON entity, or a name the actor stage knows as a person (the tagger's ORG slips)."""
        if ent.label_ == "PERSON":
            return True
        if ent.label_ not in NAMED or self.index is None:
            return False
        try:
            actor = self.index.at(ent.start_char, ent.end_char)
        except Exception:  # the actor stage is optional here
            return False
        return actor is not None and getattr(actor, "kind", None) == "person"

    def is_person(self, ref: ActorRef) -> bool:
        """Whether a resolved speaker is a person (for he/she versus it/they)."""
        for ent in self.ents:
            if ent.label_ == "PERSON" and ref.name and ent[-1].text in ref.name:
                return True
        return False

    def _document(self, tok):
        """"the statement said": its issuer (possessor, "by/from X"), else the last speaker."""
        local = (tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge.text))
        issuer = issuer_of(tok)  # "a statement released by the ministry"
        if issuer is not None:
            return self.resolve(issuer, self.recent)[0], local
        for child in tok.children:
            if child.dep_ == "poss":
                return self.resolve(child, self.recent)[0], local
            if child.dep_ == "compound" and child.i == tok.i - 1 and child.pos_ in ("NOUN", "PROPN"):
                # "a Kremlin statement"; "a government statement" as "the government's"
                ref = self.resolve(child, self.recent, definite=child.pos_ == "NOUN")[0]
                if ref is not None and (_entity(self.ents, child) is not None or _is_actor(ref)):
                    return ref, local
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None and _entity(self.ents, pobj) is not None:
                    return self.resolve(pobj, self.recent)[0], local
                if pobj is not None and pobj.pos_ == "NOUN":  # "a statement from the governor's office"
                    ref = self.resolve(pobj, self.recent, definite=True)[0]
                    if ref is not None and _is_actor(ref):
                        return ref, local
        if self.previous is not None:
            return self.previous[0], local
        found = _antecedent(self.ents, tok.idx, False)
        if found is None:
            return None, local
        return self._ref(found[1].text, found[0], found[1].start_char, found[1].end_char), local

    def _role_antecedent(self, tok) -> Optional[ActorRef]:
        """"the spokesman" -> the last named person whose sentence used the same role noun."""
        role = tok.lemma_.lower()
        best = None
        own = sentences.sent_of(tok).start  # a name in the role noun's own sentence is what is said
        for ent in self.ents:
            if ent.label_ != "PERSON" or ent.end_char > tok.idx or sentences.sent_of(ent.root).start == own:
                continue
            if any(t.lemma_.lower() == role for t in sentences.sent_of(ent.root)):
                best = ent
        if best is None:
            return None
        name = _strip_possessive(_full_name(self.ents, best, best.start_char))
        return self._ref(tok.doc[tok.i - 1: tok.i + 1].text, name, best.start_char, best.end_char)
