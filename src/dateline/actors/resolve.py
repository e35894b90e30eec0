"""Document-level actor resolution: mentions -> descriptions -> merged actors + index.

Mentions come from KB matches, spaCy entities, role-noun chunks and personal pronouns. A named
mention that only modifies a role chunk ("Russian" in "the Russian president") is folded into
that chunk. Toponyms used as places ("in Pyongyang") go to the index's place list instead.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..model import Actor, Span
from . import kb as kb_mod
from .describe import MOBILE_SECTORS, Description, describe
from .index import ActorIndex, Place
from . import home as home_mod, toponym
from .match import Match, find
from ..nlp import entities_of, text_of
from ..paths import word_set
from ..pronouns import pronouns

PLACE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "around", "into",
               "from", "via", "within", "through", "toward", "towards", "across", "over", "off",
               "along", "beyond", "on", "between", "among", "north", "south", "east", "west"}
MOTION = {"visit", "trip", "travel", "go", "come", "fly", "return", "arrive", "head", "move",
          "flee", "send", "deploy", "tour", "reach", "enter", "leave", "journey", "way", "route",
          "road", "flight", "back", "bring", "take", "transfer", "expel", "export", "import",
          "ship", "smuggle", "cross", "invade", "march", "sail", "drive", "walk", "relocate"}
ENT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
TITLES = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady",
          "president", "prime", "minister", "general", "gen.", "gen", "lt.", "col.", "sen.",
          "senator", "rep.", "gov.", "governor", "king", "queen", "prince", "princess", "pope",
          "sheikh", "ayatollah", "chancellor", "premier", "secretary", "mayor", "judge",
          "ambassador", "foreign", "defence", "defense", "state", "deputy", "vice", "chief",
          "spokesman", "spokeswoman", "commander", "colonel", "admiral", "captain", "professor",
          "prof.", "rev.", "reverend", "bishop", "archbishop", "cardinal", "father", "imam",
          "emir", "crown", "sultan", "'s", "’s"}
ORG_WORDS = {"inc", "inc.", "ltd", "ltd.", "corp", "corp.", "co", "co.", "company", "group",
             "holdings", "bank", "university", "college", "institute", "news", "times", "post",
             "party", "ministry", "council", "agency", "association", "union", "front", "army",
             "forces", "foundation", "fund", "trust", "center", "centre", "committee",
             "commission", "organization", "organisation", "network", "media", "tv", "radio",
             "airlines", "airways", "motors", "energy", "oil", "gas", "petroleum",
             "international", "global", "partners", "capital", "securities", "club", "fc",
             "league", "school", "hospital", "court", "police", "service", "services", "press",
             "daily", "journal", "herald", "tribune", "telegraph", "guardian", "express",
             "mail", "standard", "observer", "review", "institution", "alliance", "movement",
             "council", "board", "authority", "office", "department", "bureau", "house",
             "reuters", "afp", "ap", "llc", "plc", "sa", "ag", "gmbh", "systems", "technologies",
             "industries", "airport", "port", "church", "mosque", "brigade", "brigades", "army",
             "revolutionary", "national", "democratic", "republic", "federal", "state", "united"}
PRONOUNS = pronouns(person=3, number="sg", gender=("m", "f"))  # he, him, his, ... herself
IT_PRONOUNS = pronouns(gender="n", case=("subj", "obj", "det"))  # it, its
HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam"}
MALE_PRONOUNS = pronouns(gender="m")
MALE_WORDS = {"mr", "mr.", "sir", "lord", "king", "prince", "spokesman", "chairman", "congressman",
              "businessman", "father", "son", "husband", "brother", "emir", "sultan", "sheikh"}
FEMALE_WORDS = {"ms", "ms.", "mrs", "mrs.", "miss", "madam", "dame", "lady", "queen", "princess",
                "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "mother",
                "daughter", "wife", "sister", "actress"}
THEY_PRONOUNS = pronouns(person=3, number="pl", case=("subj", "obj", "det"))
EXPLETIVE_HEADS = {"be", "seem", "appear", "remain", "become", "take", "make", "rain", "matter"}
COUNTRY_NOUNS = {"country", "nation", "kingdom", "republic", "state"}
SIDE_PLURALS = {"sides", "countries", "nations", "governments", "states", "neighbours",
                "neighbors", "parties"}
LEADER_PLURALS = {"leaders", "presidents", "ministers", "heads", "premiers", "counterparts"}
CVL_WEAK = {"people", "man", "woman", "men", "women", "children", "family", "families",
            "person", "youth", "youths", "crowd", "witness", "witnesses", "victim", "victims",
            "worker", "workers", "resident", "residents"}
# a relative clause describes who someone is only with these verbs ("who heads the BDR"), not
# what they did ("who called for talks at the Security Council": issue 7, kind 8)
DESCRIBING_VERBS = {"be", "serve", "lead", "head", "represent", "chair", "run", "command",
                    "direct", "work", "speak", "become"}
CORE_DEPS = {"nsubj", "nsubjpass", "dobj", "agent", "iobj", "pobj", "conj", "appos", "poss",
             "ROOT", "attr", "dative"}


LEADER = "\x00leader"  # role_keys entry: the head of state or government named last


@dataclass
class Mention:
    s: int  # token span of the mention text
    e: int
    desc: Optional[Description]
    subject: bool = False
    pronoun: bool = False
    plural_link: int = 0  # "the two leaders" -> link to this many recent persons
    surname: Optional[str] = None
    corefers: Optional[int] = None  # token of the named mention this appositive describes
    verb: Optional[int] = None  # the verb this mention is subject (or pronoun: object) of
    pron: str = "person"  # person | it | they
    gender: Optional[str] = None  # "m" / "f" when a title or role word says so
    title: Optional[str] = None  # lemma of the role noun right before a name ("governor")
    leads: bool = False  # a head of state or government ("President X", a KB leader)


LOCATIVE_PREPS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around",
                  "within"}
SETTING_PREPS = LOCATIVE_PREPS | {"during", "on"}  # "at a rally in X", "during protests in X"
CLAUSE_UP = {"conj", "xcomp", "advcl", "ccomp"}  # a clause's verb up to the one governing it


def _governing_verb(tok):
    """The verb a noun is an argument of, through prepositions ("clashed with police")."""
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "prep", "agent", "conj") \
                or tok.head is tok:
            return None
        tok = tok.head
    return None


def _locative_anchor(tok):
    """The verb a toponym locates: "in Lima" on the verb itself, on a setting phrase of it ("At
    a rally in Lyon, police ...", "during protests in Lyon") or on its direct object ("arrested
    a man in Paris"); None when the phrase is not locative or describes something else ("called
    for the restoration of order in Mali": the content, not where the caller is)."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATIVE_PREPS:
        return None
    x = tok.head.head
    for _ in range(2):
        if x.dep_ == "pobj" and x.head.lower_ in SETTING_PREPS:
            x = x.head.head
    if x.dep_ == "dobj":
        x = x.head
    return x if x.pos_ in ("VERB", "AUX") else None


def _root(sp, s: int, e: int):
    span = sp[s:e]
    return span.root


def _place_use(tok) -> bool:
    """Is this toponym token used as a location rather than as an acting entity?"""
    seen = 0
    while tok.dep_ in ("conj", "appos", "compound") and tok.head is not tok and seen < 4:
        if tok.dep_ == "compound" and tok.head.ent_type_ not in ("GPE", "LOC", "FAC"):
            return tok.head.pos_ in ("NOUN", "PROPN") and tok.head.lemma_.lower() not in (
                "government", "official", "authority", "leader", "regime")
        tok = tok.head
        seen += 1
    dep, head = tok.dep_, tok.head
    if dep == "pobj":
        if head.lower_ in PLACE_PREPS:
            return True
        if head.lower_ == "to" and head.head.lemma_.lower() in MOTION:
            return True
        if head.lower_ == "for" and head.head.lemma_.lower() in ("leave", "depart", "bound"):
            return True
        return False
    if dep == "dobj" and head.lemma_.lower() in MOTION:
        return True
    if dep in ("npadvmod", "nmod"):
        return True
    return False


def _dateline(sp, s: int, e: int, span: Optional[tuple] = None) -> bool:
    """"SEOUL, South Korea (AP) -": a toponym inside the wire dateline found by
    actors/home.py (a line opening with capitalised place words, then an optional date or
    agency, then a dash or colon). "Turkey, one of Qatar's allies, has offered" is no dateline."""
    if span is None:
        span = home_mod.dateline_place(text_of(sp))
    if not span or span[0] < 0:
        return False
    return span[0] <= sp[s].idx and sp[e - 1].idx + len(sp[e - 1].text) <= span[1]


class _Resolver:
    def __init__(self, sp, date: Optional[str], dateline=None):
        self.sp = sp
        self.date = date
        self.kb = kb_mod.load()
        self.names, self.roles = find(sp)
        self.dateline_country = home_mod.dateline_country(text_of(sp), dateline)
        self.dateline_span = home_mod.dateline_place(text_of(sp))
        self.names = toponym.disambiguate(sp, self.names, self.dateline_country)
        self.chunk_of = {}
        self.chunks = list(sp.noun_chunks)  # spaCy recomputes them on every access
        for nc in self.chunks:
            for t in nc:
                self.chunk_of[t.i] = nc
        self.places: list[Place] = []
        self.consumed: set[int] = set()
        self.surnames: set[str] = set()
        self.role_tokens = {i for r in self.roles for i in range(r.start, r.end)}

    # --- descriptions -------------------------------------------------------------------
    def _desc(self, s: int, e: int, **kw) -> Optional[Description]:
        return describe(self.sp, s, e, self.names, self.roles, self.date, **kw)

    def _phrase_end(self, root) -> int:
        """A role head's phrase: its chunk plus attached of/for/at/with/by/in phrases."""
        end = root.i + 1
        for child in root.rights:
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "at", "with", "by", "in"):
                end = max(end, child.right_edge.i + 1)
        return end

    def _extra_context(self, root) -> list[tuple[int, int]]:
        """Appositive / relative-clause spans that describe a person or organisation."""
        out, clauses = [], []
        for child in root.children:
            if child.dep_ == "appos":
                out.append((child.left_edge.i, child.right_edge.i + 1))
            elif child.dep_ in ("relcl", "acl") and child.lemma_.lower() in DESCRIBING_VERBS:
                clauses.append((child.left_edge.i, child.right_edge.i + 1))
        if root.dep_ == "appos":
            h = root.head
            nc = self.chunk_of.get(h.i)
            out.append((nc.start if nc is not None else h.i, self._phrase_end(h)))
        return out + clauses  # a title or appositive says more than a clause

    # --- mention kinds ------------------------------------------------------------------
    def person(self, s: int, e: int, kb_match: Optional[Match]) -> Mention:
        root = _root(self.sp, s, e)
        nc = self.chunk_of.get(root.i)
        start = min(nc.start if nc is not None else s, self._title_start(s))
        pre = (start, s) if start < s else None
        if kb_match is not None:
            d = self._desc(kb_match.start, kb_match.end)
            if pre:
                former = self._desc(pre[0], e)
                if former and former.sector == "ELI":
                    d.sector = "ELI"
        else:
            d = Description(_clean_name(self.sp[s:e]), None, None, "person", basis="person")
            ctx = []
            if pre:
                ctx.append(pre)
            ctx += self._extra_context(root)
            for cs, ce in ctx:
                c = self._desc(cs, ce, holder=False)
                if c and (c.country or c.sector):
                    d.country = d.country or c.country
                    d.sector = d.sector or c.sector
                    if d.country and d.sector:
                        break
            own = self._desc(s, e, holder=False)
            if d.sector is None and own is not None and own.basis == "role":
                d.sector = own.sector  # "Mr. Interior Minister": the words are an office (its
                # sector only: a town inside a name, "Livingstone", is no country)
            d.key = "pname:" + d.name.lower()
        m = Mention(s, e, d, subject=root.dep_ in ("nsubj", "nsubjpass"))
        m.gender = self._gender(pre[0] if pre else s, e, root)
        titles = [r for r in self.roles if pre and pre[0] <= r.start and r.end <= s]
        if titles:  # "UN Secretary-General Antonio Guterres" ... "the Secretary-General"
            m.title = self.sp[titles[-1].end - 1].lemma_.lower()
            m.leads = self.kb.roles[titles[-1].key].office in kb_mod.OFFICE_FALLBACK["leader"]
        elif kb_match is not None and kb_match.kind == "person":
            m.leads = self.kb.people[kb_match.key].is_leader(self.date)
        toks = d.name.split()
        m.surname = toks[-1].lower() if toks else None
        if m.surname:
            self.surnames.add(m.surname)
        if len(toks) > 1:
            self.surnames.add(toks[0].lower())  # "Li Zhaoxing" ... "Li"
        for cs, ce in self._extra_context(root):
            if root.dep_ != "appos":
                self.consumed.update(range(cs, ce))
        return m

    def _looks_like_person(self, s: int, e: int) -> bool:
        """The small model often tags unknown names as ORG: "Tomasz Wielgosz said"."""
        toks = [t for t in self.sp[s:e] if t.lower_ not in ("'s", "’s")]
        if not toks or len(toks) > 3:
            return False
        if any(t.lower_ in ORG_WORDS or not t.is_title or t.pos_ != "PROPN" for t in toks):
            return False
        if any(m.start < e and s < m.end for m in self.names + self.roles):
            return False
        if len(toks) == 1:
            return toks[0].lower_ in self.surnames
        root = toks[-1]
        prev = self.sp[s - 1].lower_ if s > 0 else ""
        speaks = root.dep_ in ("nsubj", "nsubjpass") and root.head.pos_ == "VERB"
        described = any(c.dep_ == "appos" for c in root.children)
        return speaks or described or prev in TITLES

    def org(self, s: int, e: int, kb_match: Optional[Match]) -> Optional[Mention]:
        root = _root(self.sp, s, e)
        nc = self.chunk_of.get(root.i)
        if kb_match is not None:
            d = self._desc(kb_match.start, kb_match.end)
            if nc is not None and nc.start < s and d is not None and d.country is None:
                wider = self._desc(nc.start, s)
                if wider is not None and wider.basis == "adj":
                    d.country = wider.country
            elif nc is not None and nc.start < s and d is not None and \
                    d.country in self.kb.countries:
                wider = self._desc(nc.start, e)  # "South Korea's Joint Chiefs of Staff"
                if wider is not None and wider.country and wider.country != d.country:
                    wider.key = wider.key or f"role:{wider.country}:{wider.sector}:{root.lemma_}"
                    d = wider
            elif nc is not None and nc.start < s and d is not None and d.country and \
                    d.country not in self.kb.countries:
                wider = self._desc(nc.start, e)  # "Kosovo's security council" is not the UN's
                if wider is not None and wider.country in self.kb.countries:
                    d = wider
        else:
            d = self._desc(s, e)
            if d is None or d.basis not in ("org", "role"):
                d = Description(self.sp[s:e].text.removeprefix("the ").strip(), None, None,
                                "organisation", basis="org")
            nc = self.chunk_of.get(root.i)
            if nc is not None and nc.start < s and d.country is None:
                c = self._desc(nc.start, s)
                if c:
                    d.country = c.country
            d.key = "oname:" + d.name.lower()
        return Mention(s, e, d, subject=root.dep_ in ("nsubj", "nsubjpass"))

    def toponym(self, m: Match) -> Optional[Mention]:
        root = _root(self.sp, m.start, m.end)
        dateline = _dateline(self.sp, m.start, m.end, self.dateline_span)
        seat_speaks = m.kind == "seat" and root.dep_ in ("nsubj", "nsubjpass")
        if (_place_use(root) or dateline) and not seat_speaks:
            span = self.sp[m.start:m.end]
            self.places.append(Place(span.start_char, span.end_char, span.text, m.key))
            if m.kind != "country" or dateline:
                return None
            # a country named as a place ("visited Senegal") is still that country for the
            # event coder; is_place() tells the two readings apart
        d = self._desc(m.start, m.end)
        return Mention(m.start, m.end, d, subject=root.dep_ in ("nsubj", "nsubjpass"))

    def _gender(self, s: int, e: int, root) -> Optional[str]:
        words = {t.lower_ for t in self.sp[max(0, s - 1):e]}
        for cs, ce in self._extra_context(root):
            words |= {t.lower_ for t in self.sp[cs:ce]}
        if words & MALE_WORDS:
            return "m"
        if words & FEMALE_WORDS:
            return "f"
        return None

    def _title_start(self, s: int) -> int:
        """Walk left over a title run: "Acting U.S. Secretary of State | Daniel Smith",
        "MDC vice-president | Gibson Sibanda" (spaCy often cuts such chunks apart)."""
        sp = self.sp
        i = s
        while i > 0 and s - i < 8:
            t = sp[i - 1]
            if "\n" in t.text or "\n" in t.whitespace_ or t.ent_type_ in ("PERSON", "DATE"):
                break
            titled = (t.is_title or t.is_upper) and t.is_alpha or t.text.endswith(".") and \
                t.text[:1].isupper()
            if titled or t.i in self.role_tokens or t.text in ("-", "'s", "’s") or (
                    t.lower_ == "of" and i - 1 > 0 and (sp[i - 2].is_title or
                                                        sp[i - 2].i in self.role_tokens)):
                i -= 1
                continue
            break
        while i < s and sp[i].text in ("-", "'s", "’s", "of"):
            i += 1
        return i

    def _strong_person(self, m: Match) -> bool:
        """A one-word alias ("Putin") names the KB person only when the article also uses a
        longer name, a title precedes it, or the person led a country at the article's date."""
        if m.end - m.start > 1:
            return True
        if any(x.key == m.key and x.end - x.start > 1 for x in self.names if x.kind == "person"):
            return True
        if any(r.end == m.start for r in self.roles):
            return True
        return self.kb.people[m.key].is_leader(self.date)

    def role_chunk(self, nc) -> Optional[Mention]:
        root = nc.root
        s = nc.start
        for t in nc:
            if "\n" in t.text and t.i < root.i:
                s = t.i + 1
        while s < root.i and self.sp[s].lower_ in ("the", "a", "an"):
            s += 1
        words = {t.lower_ for t in nc}
        if root.lower_ in LEADER_PLURALS and words & {"two", "both", "three"}:
            n = 3 if "three" in words else 2
            return Mention(s, nc.end, None, subject=root.dep_ in ("nsubj", "nsubjpass"),
                           plural_link=n)
        if root.lower_ in SIDE_PLURALS and words & {"two", "both"}:
            return Mention(s, nc.end, None, subject=root.dep_ in ("nsubj", "nsubjpass"),
                           plural_link=-2)  # the two most recent countries or governments
        if root.lemma_.lower() in COUNTRY_NOUNS and self.sp[nc.start].lower_ == "the" and \
                root.tag_ == "NN" and not any(m.start >= nc.start and m.end <= nc.end
                                              for m in self.names):
            return Mention(s, nc.end, None, subject=root.dep_ in ("nsubj", "nsubjpass"),
                           plural_link=-1)  # "the Central African country"
        if root.lower_.endswith("-old") or (root.lower_ == "old" and "year" in words):
            return Mention(s, nc.end, None, subject=root.dep_ in ("nsubj", "nsubjpass"),
                           pronoun=True)  # "the 62-year-old"
        end = self._phrase_end(root)
        d = self._desc(s, end)
        if d is None:
            return None
        if d.basis == "role" and root.lower_ in CVL_WEAK and root.dep_ not in (
                "nsubj", "nsubjpass", "dobj", "agent"):
            return None
        if d.country is None and d.basis == "role" and d.sector in DOMESTIC - MOBILE_SECTORS \
                and root.lower_ not in ABROAD_WORDS and not any(
                    s <= m.start and m.end <= end for m in self.names):
            d.country = self._clause_place(root)  # "In Paris, police arrested ..."
        if d.key is None:
            d.key = f"role:{d.country}:{d.sector}:{root.lemma_.lower()}"
        if "\n" in self.sp[s:nc.end].text:
            return None
        return Mention(s, nc.end, d, subject=root.dep_ in ("nsubj", "nsubjpass"))

    def _clause_place(self, root) -> Optional[str]:
        """The country of the place the role noun's own clause is located in: "In Nairobi on
        Tuesday, police fired ...", "police arrested a man in Lyon". Only locative phrases
        ("in", "at", "outside" ...) on the clause's verb or its object count, the nearest clause
        first; a place inside a relative or reported clause ("a man who had lived in Damascus",
        "police said he had lived in Damascus") does not. None when no place is found or the
        places found are in several countries."""
        verb = _governing_verb(root)
        if verb is None:
            return None
        clause = [verb]
        while clause[-1].dep_ in CLAUSE_UP and clause[-1].head.pos_ in ("VERB", "AUX") \
                and len(clause) < 4:
            clause.append(clause[-1].head)
        found: dict[int, set] = {}
        for m in self.names:
            if m.kind in ("country", "capital", "seat", "city") and \
                    self.sp[m.start].ent_iob_ != "I":  # not "York" in "New York"
                anchor = _locative_anchor(_root(self.sp, m.start, m.end))
                if anchor is not None and anchor in clause:
                    found.setdefault(clause.index(anchor), set()).add(m.key)
        if not found:
            return None
        countries = found[min(found)]
        return next(iter(countries)) if len(countries) == 1 else None

    def _conjunct_mentions(self, nc, mention: Mention) -> list[Mention]:
        """"Indian and Pakistani diplomats", "French, German and Italian officials": each
        coordinated nationality owns a group of its own (PLOVER codes compound actors as a list
        of members). The role chunk keeps the last one; the others become mentions on their
        adjective, so an index lookup there finds that country's group."""
        d = mention.desc
        if d is None or not (d.key or "").startswith("role:"):
            return []
        owners = sorted((m for m in self.names if m.kind in ("country", "adj")
                         and nc.start <= m.start and m.end <= nc.root.i), key=lambda m: m.start)
        if len({m.key for m in owners}) < 2 or owners[-1].key != d.country:
            return []
        for a, b in zip(owners, owners[1:]):
            gap = self.sp[a.end:b.start]
            if not len(gap) or any(t.lower_ not in (",", "and") for t in gap):
                return []  # "the Russian-Ukrainian border", "Russian or Ukrainian officials"
        head = self.sp[owners[-1].end:nc.end].text
        lemma = d.key.split(":", 3)[3]
        out = []
        for m in owners[:-1]:
            if m.key == d.country:
                continue
            name = f"{self.sp[m.start:m.end].text} {head}"
            own = Description(name, m.key, d.sector, d.kind,
                              key=f"role:{m.key}:{d.sector}:{lemma}", basis="role")
            out.append(Mention(m.start, m.end, own, subject=mention.subject))
        return out

    # --- the pass -----------------------------------------------------------------------
    def mentions(self) -> list[Mention]:
        sp = self.sp
        out: list[Mention] = []
        taken: set[int] = set()
        role_heads = self._role_chunk_heads()
        ents = [e for e in entities_of(sp) if e.label_ in ENT_LABELS]
        # Named mentions: KB matches first, then spaCy entities not covered by them.
        spans: list[tuple[int, int, Optional[Match], str]] = []
        for m in self.names:
            ent = next((x for x in ents if x.start <= m.start and m.end <= x.end), None)
            if ent is not None and ent.label_ == "PERSON" and m.kind != "person" and (
                    ent.end - ent.start) > (m.end - m.start):
                continue  # "Chad Smith" is a person, not Chad
            spans.append((m.start, m.end, m, m.kind))
        covered = {i for s, e, _, _ in spans for i in range(s, e)}
        for x in ents:
            if any(i in covered for i in range(x.start, x.end)):
                continue
            spans.append((x.start, x.end, None, x.label_))
        spans.sort()
        for s, e, m, kind in spans:
            if any(i in taken for i in range(s, e)) or "\n" in sp[s:e].text:
                continue
            if kind == "person" and not self._strong_person(m):
                ent = next((x for x in ents if x.start <= s and e <= x.end), None)
                if ent is None or ent.label_ != "PERSON":
                    continue
                m, kind = None, "PERSON"
            root = _root(sp, s, e)
            if self._absorbed(root, role_heads, kind):
                continue
            mention = self._named(s, e, m, kind)
            if mention is not None and mention.desc is not None:
                out.append(mention)
                taken.update(range(s, e))
        for nc in self.chunks:
            if nc.root.i in taken or (nc.root.i not in role_heads and nc.root.lower_ not in
                                      SIDE_PLURALS and nc.root.lemma_.lower() not in COUNTRY_NOUNS
                                      and not nc.root.lower_.endswith("-old")):
                continue
            mention = self.role_chunk(nc)
            if mention is not None and nc.root.dep_ == "appos" and nc.root.head.i in taken:
                mention.desc, mention.corefers = None, nc.root.head.i
            elif mention is not None and mention.desc is not None:
                named = [c.i for c in nc.root.children if c.dep_ == "appos" and c.i in taken]
                if named and mention.desc.kind == "person":
                    mention.desc, mention.corefers = None, named[0]
            if mention is not None:
                out.append(mention)
                out += self._conjunct_mentions(nc, mention)
                taken.update(range(nc.start, nc.end))
        for t in sp:  # "Mr Okafor" that the tagger left out
            if t.lower_ in HONORIFICS and t.i + 1 < len(sp) and t.i not in taken:
                e = t.i + 1
                while e < len(sp) and e - t.i <= 3 and sp[e].is_title and sp[e].is_alpha and \
                        e not in taken:
                    e += 1
                if e > t.i + 1:
                    out.append(self.person(t.i, e, None))
                    taken.update(range(t.i, e))
        it_they = IT_PRONOUNS | THEY_PRONOUNS
        for t in sp:
            low = t.lower_
            if low not in self.surnames and low not in it_they and low not in PRONOUNS:
                continue  # none of the three tests below can hold (each needs one of these)
            if t.i not in taken and t.pos_ == "PROPN" and t.is_title and low in \
                    self.surnames and not t.ent_type_ and not any(
                        m.start <= t.i < m.end for m in self.names):
                out.append(self.person(t.i, t.i + 1, None))  # "Grande said"
                taken.add(t.i)
                continue
            if low in it_they and t.i not in taken and \
                    t.pos_ == "PRON" and t.dep_ in ("nsubj", "nsubjpass", "poss") and \
                    t.head.lemma_.lower() not in EXPLETIVE_HEADS:
                pron = "it" if t.lower_ in IT_PRONOUNS else "they"
                out.append(Mention(t.i, t.i + 1, None, subject=t.dep_ != "poss", pronoun=True,
                                   pron=pron))
                continue
            if t.lower_ in PRONOUNS and (t.i not in taken or t.dep_ == "poss") and \
                    t.pos_ == "PRON":
                verb = None
                if t.dep_ in ("dobj", "dative", "iobj"):
                    verb = t.head.i
                elif t.dep_ == "pobj":
                    verb = t.head.head.i
                out.append(Mention(t.i, t.i + 1, None, subject=t.dep_ in ("nsubj", "nsubjpass"),
                                   pronoun=True, verb=verb))
        for m in out:
            root = _root(sp, m.s, m.e)
            if not m.pronoun and root.dep_ in ("nsubj", "nsubjpass"):
                m.verb = root.head.i
        out.sort(key=lambda m: m.s)
        return out

    def _role_chunk_heads(self) -> set[int]:
        heads = set()
        named = {i for m in self.names if m.kind in ("person", "org") for i in range(m.start, m.end)}
        for r in self.roles:
            last = r.end - 1
            if last in named:
                continue
            nc = self.chunk_of.get(last)
            if nc is not None and nc.root.i == last:
                heads.add(last)
        return heads

    def _absorbed(self, root, role_heads: set[int], kind: str) -> bool:
        """A named modifier of a role chunk ("Russian" in "Russian troops") is part of it."""
        nc = self.chunk_of.get(root.i)
        if nc is None or nc.root.i == root.i:
            return False
        if kind in ("person", "PERSON"):
            return False
        return nc.root.i in role_heads

    def _named(self, s: int, e: int, m: Optional[Match], kind: str) -> Optional[Mention]:
        if kind in ("person", "PERSON"):
            return self.person(s, e, m if kind == "person" else None)
        if kind == "ORG" and self._looks_like_person(s, e):
            return self.person(s, e, None)
        if kind in ("org", "ORG"):
            return self.org(s, e, m)
        if kind in ("country", "capital", "seat"):
            return self.toponym(m)
        if kind == "city":
            span = self.sp[s:e]
            self.places.append(Place(span.start_char, span.end_char, span.text, m.key))
            return None
        if kind == "adj":
            root = self.sp[m.start:m.end].root
            if root.pos_ in ("NOUN", "PROPN") and root.dep_ in CORE_DEPS and root.tag_ in (
                    "NNPS", "NNS"):
                return Mention(s, e, self._desc(s, e), subject=root.dep_ in ("nsubj", "nsubjpass"))
            return None
        if kind in ("GPE", "LOC", "FAC"):
            root = _root(self.sp, s, e)
            if kind == "GPE" and not _place_use(root) and root.dep_ in (
                    "nsubj", "nsubjpass", "poss"):
                d = self._desc(s, e)
                if d is not None:
                    return Mention(s, e, d, subject=True)
            span = self.sp[s:e]
            self.places.append(Place(span.start_char, span.end_char, span.text, None))
            return None
        if kind == "NORP":
            root = _root(self.sp, s, e)
            if root.dep_ in CORE_DEPS and root.pos_ in ("NOUN", "PROPN"):
                name = self.sp[s:e].text
                return Mention(s, e, Description(name, None, None, "group",
                                                 key="norp:" + name.lower(), basis="norp"))
        return None


def _clean_name(span) -> str:
    toks = list(span)
    while len(toks) > 1 and toks[0].lower_ in TITLES:
        toks = toks[1:]
    while len(toks) > 1 and toks[-1].lower_ in ("'s", "’s", "'"):
        toks = toks[:-1]
    return span.doc[toks[0].i:toks[-1].i + 1].text if toks else span.text


def _link(mentions: list[Mention], sp, leaders=None) -> list[tuple[Mention, list[str]]]:
    """Assign actor keys: names by key, surnames to earlier full names, pronouns backwards."""
    out = []
    persons: list[tuple] = []  # (token, key, subject, sentence start, country)
    surnames: dict[str, str] = {}
    token_keys: list[tuple[tuple[int, int], str]] = []
    role_keys: dict[str, str] = {}
    role_words: dict[str, set] = {}  # role key -> the modifier words its mentions used
    states: list[tuple[int, str, Optional[str]]] = []
    things: list[tuple] = []  # (token, key, subject, sentence, kind, plural)
    genders: dict[str, str] = {}
    for m in mentions:
        sent = sp[m.s].sent.start
        if m.corefers is not None:
            out.append((m, None))
            continue
        if m.plural_link < 0:
            out.append((m, _country_antecedents(states, m)))
            continue
        if m.pronoun and m.pron != "person":
            out.append((m, _thing_antecedent(things, m, sent)))
            continue
        if m.pronoun or m.plural_link:
            want = None if m.plural_link else ("m" if sp[m.s].lower_ in MALE_PRONOUNS else "f")
            cands = [p for p in persons if genders.get(p[1], want) == want] if want else persons
            keys = _antecedents(cands, m, sent)
            if want and len(keys) == 1:
                genders.setdefault(keys[0], want)
            if m.plural_link > 0 and not keys and leaders is not None:
                keys = leaders(persons, states, m)  # "the two leaders" of the two countries
            out.append((m, keys))
            continue
        d = m.desc
        key = d.key or f"text:{d.name.lower()}"
        if key.startswith("role:"):
            _, country, sector, lemma = key.split(":", 3)
            definite = m.s > 0 and sp[m.s - 1].lower_ == "the" or sp[m.s].lower_ == "the"
            if lemma == "leader" and country == "None" and definite and \
                    sector in ("None", "GOV") and LEADER in role_keys:
                key = role_keys[LEADER]
            elif country == "None" and (definite or sector == "None") and lemma in role_keys and (
                    not role_keys[lemma].startswith("role:")  # a titled person ('Home Secretary X')
                    or _role_modifiers(sp, m, lemma) <= role_words.get(role_keys[lemma], frozenset())):
                key = role_keys[lemma]  # "North Korea's military" ... "the military"
            elif country != "None":
                role_keys.setdefault(lemma, key)
                role_words[key] = role_words.get(key, frozenset()) | _role_modifiers(sp, m, lemma)
            else:
                key = _included(key, _role_modifiers(sp, m, lemma), role_words)
        if d.kind == "person":
            if key.startswith("pname:") and m.surname and " " not in d.name and \
                    m.surname in surnames:
                key = surnames[m.surname]
            elif key.startswith("pname:") and m.surname in surnames and \
                    _same_person(surnames[m.surname], d.name):
                key = surnames[m.surname]
            if m.surname:
                surnames.setdefault(m.surname, key)
            words = d.name.lower().split()
            if len(words) > 1 and words[0] not in surnames:
                surnames[words[0]] = key  # family name first ("Li Zhaoxing"), or a first name
            persons.append((m.s, key, m.subject, sent, d.country, m.verb))
            if m.title:
                role_keys[m.title] = key  # a later "the <title>" is this person
            if m.leads:  # "President Chavez ... the leftist leader" (a head of state or
                role_keys[LEADER] = key  # government is "the leader" until another is named)
            if m.gender:
                genders.setdefault(key, m.gender)
        if d.kind != "person":
            things.append((m.s, key, m.subject, sent, d.kind,
                           sp[m.e - 1].tag_ in ("NNS", "NNPS") or d.kind == "group"))
        if key.startswith("org:") and d.country:
            role_keys.setdefault(sp[m.e - 1].lemma_.lower(), key)  # "... coalition" -> "the coalition"
        token_keys.append(((m.s, m.e), key))
        if d.kind in ("country", "organisation", "igo") and d.country and d.sector in (
                None, "GOV", "BUS"):
            states.append((m.s, key, d.country))
        out.append((m, [key]))
    return [(m, keys if keys is not None else
             [k for tok, k in token_keys if tok[0] <= m.corefers < tok[1]][:1])
            for m, keys in out]


def _role_modifiers(sp, m: Mention, lemma: str) -> frozenset:
    """The common words before a role mention's head noun ('fire', 'rescue' in 'the fire and
    rescue service'); names and nationalities are left to the key's country."""
    toks = sp[m.s:m.e]
    head = next((t.i for t in toks if t.lemma_.lower() == lemma), m.e)
    return frozenset(t.lower_ for t in toks if t.i < head and t.pos_ in ("NOUN", "ADJ")
                     and t.ent_type_ not in ("NORP", "GPE", "LOC", "ORG"))  # the key holds the country


def _included(key: str, mods: frozenset, role_words: dict) -> str:
    """A role key for a mention without a country: the same actor as the earlier mentions of
    the key when its modifiers are among theirs ('the health ministry' ... 'the ministry'),
    another actor when they are not ('the fire service' ... 'the mountain rescue service'):
    head match with word inclusion, as in rule-based coreference (Lee et al. 2013)."""
    seen = role_words.get(key)
    if seen is not None and not mods <= seen:
        key = f"{key}:{'+'.join(sorted(mods))}"
        seen = role_words.get(key)
    role_words[key] = (seen or frozenset()) | mods
    return key


def _same_person(key: str, name: str) -> bool:
    prev = key.split(":", 1)[1].lower().split()
    cur = name.lower().split()
    return len(cur) == 1 or (prev and cur and prev[0][0] == cur[0][0])


def _thing_antecedent(things, m: Mention, sent: int) -> list[str]:
    """"it" -> the latest singular organisation or country, "they" -> the latest group, within
    this and the two previous sentences; subjects first."""
    before = [x for x in things if x[0] < m.s]
    recent = sorted({x[3] for x in before}, reverse=True)[:3]
    window = [x for x in before if x[3] in recent and x[3] >= sent - 400]
    if m.pron == "it":
        window = [x for x in window if not x[5] and x[4] in ("organisation", "country", "igo")]
    else:
        window = [x for x in window if x[5] or x[4] in ("group", "igo")]
    if not window:
        return []
    subj = [x for x in window if x[2]]
    return [(subj or window)[-1][1]]


def _country_antecedents(states, m: Mention) -> list[str]:
    want = -m.plural_link
    keys: list[str] = []
    seen: set = set()
    for tok, key, country in reversed([x for x in states if x[0] < m.s]):
        if key not in keys and country not in seen:
            keys.append(key)
            seen.add(country)
        if len(keys) == want:
            break
    return keys if len(keys) == want else []


def _antecedents(persons, m: Mention, sent: int) -> list[str]:
    before = [p for p in persons if p[0] < m.s]
    if m.verb is not None and not m.plural_link:  # "the reporter asked him": him != reporter
        before = [p for p in before if p[5] != m.verb]
    if not before:
        return []
    if m.plural_link:  # "the two leaders": recent persons of different countries
        keys: list[str] = []
        countries: set = set()
        for p in reversed(before):
            if p[1] not in keys and (p[4] is None or p[4] not in countries):
                keys.append(p[1])
                countries.add(p[4])
            if len(keys) == m.plural_link:
                break
        return keys if len(keys) == m.plural_link else []
    # nearest sentence first (this one, then the previous ones); inside it, subjects first
    for s in sorted({p[3] for p in before}, reverse=True)[:3]:
        here = [p for p in before if p[3] == s]
        subj = [p for p in here if p[2]]
        return [(subj or here)[-1][1]]
    return [before[-1][1]]


def resolve(sp, text: str, date: Optional[str], dateline=None
            ) -> tuple[list[Actor], ActorIndex]:
    r = _Resolver(sp, date, dateline)
    descs: dict[str, Description] = {}
    linked = _link(r.mentions(), sp, _leaders_of(r, descs))
    actors: dict[str, Actor] = {}
    index = ActorIndex(places=r.places)
    for m, keys in linked:
        if m.desc is not None:
            descs.setdefault(keys[0], m.desc)
    for m, keys in linked:
        span = sp[m.s:m.e]
        for key in keys:
            d = descs.get(key)
            if d is None:
                continue
            actor = actors.get(key)
            if actor is None:
                actor = Actor(id=f"a{len(actors) + 1}", name=d.name, country=d.country,
                              sector=d.sector, kind=d.kind)
                actors[key] = actor
            elif m.desc is not None:
                _fill(actor, m.desc)
            actor.mentions.append(Span(span.text, span.start_char, span.end_char))
            index.mentions.append((span.start_char, span.end_char, actor))
    index.countries = home_mod.country_weights(list(actors.values()), index.places, text_of(sp),
                                               dateline)
    _rehome_generic([a for k, a in actors.items() if k.startswith("org:")], index, r)
    named = {id(a) for k, a in actors.items() if k.startswith("pname:")}
    _commanded(list(actors.values()), index, sp)
    _focal_default(list(actors.values()), index, named, r.dateline_country)
    return list(actors.values()), index


ARMED = {"MIL", "COP", "PRM", "UAF", "REB"}


def _command_verbs() -> frozenset[str]:
    return word_set("actors", "command_verbs.tsv")


def _commanded(actors: list[Actor], index: ActorIndex, sp) -> None:
    """Unqualified armed forces that someone orders, sends or deploys ("Chavez ordered tanks and
    thousands of troops sent to the border", "the minister deployed police") are that actor's
    forces: the text ties them to who commands them (issue 7, kind 1)."""
    verbs = _command_verbs()
    for a in actors:
        if a.country is not None or a.sector not in ARMED or not a.mentions:
            continue
        m = a.mentions[0]
        span = sp.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        tok = span.root
        while tok.dep_ in ("pobj", "prep", "conj") and tok.head is not tok:
            tok = tok.head  # "thousands of troops", "tanks and troops"
        verb = tok.head if tok.dep_ in ("dobj", "nsubj", "nsubjpass") else None
        if verb is not None and tok.dep_ == "nsubj":  # the forces act themselves, unless
            up = verb.head  # the clause is what someone ordered: "ordered [troops sent]"
            ordered = verb.dep_ in ("ccomp", "xcomp", "conj") and up.lemma_.lower() in verbs
            verb = up if ordered else None
        if verb is None or verb.lemma_.lower() not in verbs:
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        boss = index.at(subj[0].idx, subj[0].idx + len(subj[0].text)) if subj else None
        if boss is not None and boss is not a and boss.country:
            a.country = boss.country


ABROAD_WORDS = {"embassy", "embassies", "consulate", "ambassador", "ambassadors", "envoy",
                "envoys", "diplomat", "diplomats", "mission", "correspondent", "correspondents"}
DOMESTIC = {"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "REB", "OPP", "CVL", "LAB", "EDU", "BUS", "MED",
            "REF", "HLH", "AGR", "PRM", "SPY", "UAF", "CRM", "ELI", "REL", "UNK"}


def _owner_before(r, start_char: int) -> bool:
    """A country adjective or possessive ends right before this character offset."""
    ends = {r.sp[m.end - 1].idx + len(r.sp[m.end - 1].text) for m in r.names
            if m.kind in ("country", "adj")}
    head = text_of(r.sp)[:start_char].rstrip()
    head = head[:-2].rstrip() if head.endswith(("'s", "’s")) else head
    return len(head) in ends


def _rehome_generic(actors: list[Actor], index: ActorIndex, r) -> None:
    """A national body named only by a common word ("Congress", "Parliament") whose country
    the article never otherwise mentions is the article's own: "a vote in Congress" in a story
    from Lima is Peru's Congress, not the US one (issue 7, kind 2)."""
    home = home_mod.home_country(index.countries)
    if home is None:
        return
    for a in actors:
        if a.kind != "organisation" or not a.country or a.country == home or not a.mentions:
            continue
        words = {m.text.lower().removeprefix("the ").strip() for m in a.mentions}
        if any(len(w.split()) != 1 or not w.isalpha() for w in words):
            continue
        if any(m.text.strip().removeprefix("the ").isupper() for m in a.mentions):
            continue  # an acronym (NATO, FBI) names one body
        if any(_owner_before(r, m.start) for m in a.mentions):
            continue  # "the Nepali Congress": its owner is named
        if index.countries.get(a.country, 0) > len(a.mentions):
            continue  # the country is in the story: its body may well be meant
        a.country = home
        a.name = a.mentions[0].text.removeprefix("the ").strip()


def _focal_default(actors: list[Actor], index: ActorIndex, named: set = frozenset(),
                   dateline: Optional[str] = None) -> None:
    """Unqualified domestic actors ("the police", "rebels", "General X") act for the article's
    country (dateline, headline, mentions: actors/home.py), as a human coder reads them;
    when no country leads, police, courts and legislatures act for the dateline's (round 5);
    clue-less names stay unknown. A named person the KB does not know and whose own words
    (nationality, office, party) give no country takes the country the article's actors belong
    to (persons, groups, bodies), never one merely named ("his arrest in Zambia", "Iraq had
    become more dangerous"), unless the article was filed there; the same holds for a named
    person with no office or sector at all (issue 7, kind 8)."""
    focal = home_mod.home_country(index.countries)
    people = [a for a in actors if a.kind != "country"]  # who acts, not a country's name
    by_actors = home_mod.home_country(home_mod.country_weights(people, [], "", None))
    for a in actors:
        words = a.name.lower().split()
        if words and words[-1] in ABROAD_WORDS:
            continue  # an embassy or envoy usually serves another country
        if a.country is None and a.sector in DOMESTIC:
            # no clear focus (countries tie): police, courts, legislatures act where the
            # story was filed (data/actors/jurisdiction.tsv), envoys and officials may not
            here = focal or (dateline if a.sector in kb_mod.jurisdiction()[0] else None)
            a.country = here if id(a) not in named or focal == dateline else by_actors
            index.defaulted.add(a.id)
        elif a.country is None and a.sector is None and id(a) in named:
            a.country = by_actors
            index.defaulted.add(a.id)


def _leaders_of(r, descs: dict):
    """For "the two leaders" with fewer named persons than needed: the persons already named for
    the most recent countries, else those countries' leaders on the article's date (KB)."""
    def pick(persons, states, m: Mention) -> list[str]:
        before = [(x[0], x[2]) for x in states if x[0] < m.s and x[2] in r.kb.countries]
        before += [(p[0], p[4]) for p in persons if p[0] < m.s and p[4] in r.kb.countries]
        countries: list[str] = []
        for _, c in sorted(before, reverse=True):
            if c not in countries:
                countries.append(c)
            if len(countries) == m.plural_link:
                break
        if len(countries) < m.plural_link:
            return []
        keys = []
        for c in countries:
            named = [p[1] for p in persons if p[0] < m.s and p[4] == c]
            if named:
                keys.append(named[-1])
                continue
            who = r.kb.holder(c, "leader", r.date)
            if who is None:
                return []
            key = "person:" + who.name
            country, sector, _ = who.at(r.date)
            descs.setdefault(key, Description(who.name, country or c, sector, "person", key=key,
                                              basis="person"))
            keys.append(key)
        return keys
    return pick


def _fill(actor: Actor, d: Description) -> None:
    """A later mention can add what the first one lacked (country or sector), never overwrite."""
    actor.country = actor.country or d.country
    actor.sector = actor.sector or d.sector
