"""Resolve one phrase ("the Russian president", "a spokesman for the U.S. State Department") to
name, country, sector and kind, from the KB matches inside it.

Rules, in order: a known person decides (dated terms); else the phrase head before the first
preposition (a KB organisation, a role noun, a country/capital/seat); a generic role noun
("spokesman", "official") takes country and sector from the organisation it belongs to; a role
with an office key and a country names the office holder on the article's date.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import kb as kb_mod
from .match import Match
from .region import region_country

SPLIT_PREPS = {"of", "for", "at", "with", "in", "to", "from", "by", "on", "inside", "within",
               "near", "who", "which", "that"}
ATTACH_PREPS = {"of", "for", "at", "with", "by"}  # "spokesman for X": X decides
PLACE_PREPS = {"in", "inside", "within", "from"}
FORMER = {"former", "ex", "ex-", "retired", "disgraced", "deposed", "ousted", "exiled",
          "erstwhile", "onetime", "one-time", "late"}
GENERIC = {"spokesman", "spokeswoman", "spokesperson", "official", "officials", "aide", "adviser",
           "advisor", "envoy", "special envoy", "member", "head", "chief", "director", "chairman",
           "representative", "press secretary", "secretary", "president", "leader", "source",
           "officer", "agency", "department", "commission", "council", "office", "employee",
           "staff", "team", "delegation", "board", "member", "members", "executive", "minister",
           "deputy minister", "vice minister", "ambassador", "diplomat", "authorities", "expert",
           "experts", "analyst", "professor", "scholar", "researcher", "fellow", "lawyer",
           "attorney", "judge", "speaker", "chief executive", "ceo", "governor", "mayor",
           "government", "administration", "unit"}
COUNTRY_KINDS = ("country", "adj", "capital", "seat", "city")
# sectors whose members often act outside their own country (forces, fighters, reporters,
# criminals): a place they are in does not give their country
MOBILE_SECTORS = {"MIL", "REB", "UAF", "PRM", "MED", "CRM"}
MEMBER_NOUNS = {"force", "forces", "fighter", "fighters", "gunman", "gunmen", "militant",
                "militants", "member", "members", "group", "troops", "soldiers", "unit", "units",
                "rebels", "supporters", "loyalists", "leader", "leaders", "commander",
                "commanders", "militiamen", "activists", "staff", "delegation", "wing"}
POSTED_ABROAD = {"embassy", "consulate", "ambassador", "envoy", "special envoy", "diplomat",
                 "diplomatic mission", "consul", "correspondent", "delegation", "representative"}
# who heads or commands a body takes its country and sector ("the commander of Ethiopia's air
# force", "the head of Sudan's army"); a minister or president of a body is still the state's
BODY_HEADS = {"head", "chief", "commander", "commander-in-chief", "leader", "director",
              "chairman", "chairwoman", "chair"}
COLLECTIVES = {"group", "team", "crowd", "band", "number", "members", "member", "community"}
RELIGIOUS_HEADS = {"leader", "leaders", "community", "community leader", "group", "organization",
                   "organisation", "authorities", "official", "officials", "council",
                   "association", "movement", "party", "figure", "figures", "scholar"}
INDEFINITE = {"a", "an", "some", "several", "many", "two", "three", "four", "five", "one",
              "any", "another", "other"}


@dataclass
class Description:
    name: str
    country: Optional[str] = None
    sector: Optional[str] = None
    kind: str = "organisation"
    key: Optional[str] = None  # identity for merging mentions of one actor
    basis: str = ""  # person | org | role | country | seat | capital | adj

    def as_dict(self) -> dict:
        return {"name": self.name, "country": self.country, "sector": self.sector,
                "kind": self.kind}


def _proxy(tokens, m: Match) -> bool:
    """"Iran-backed militia": the country is a sponsor, not the actor's own."""
    return m.kind in COUNTRY_KINDS and m.end + 1 < len(tokens) and \
        tokens[m.end].text in ("-", "–") and tokens[m.end + 1].lower_ in PROXY


def _inside(m: Match, s: int, e: int) -> bool:
    return s <= m.start and m.end <= e


def _split(tokens, s: int, e: int, names: list[Match]) -> int:
    covered = {i for m in names for i in range(m.start, m.end)}
    for i in range(s + 1, e):
        if tokens[i].lower_ in SPLIT_PREPS and i not in covered:
            return i
    return e


def _org(kb, m: Match, date: Optional[str] = None) -> Description:
    o = kb.orgs[m.key]
    kind = "igo" if o.kind == "igo" else ("group" if o.kind == "group" else "organisation")
    return Description(o.name, o.country, o.sector_at(date), kind, key="org:" + o.name,
                       basis="org")


def _owned_org(kb, tokens, m: Match, names: list[Match], date: Optional[str]) -> Description:
    """An organisation with a country adjective or possessive right before it belongs to that
    country ("the Nepali Congress" is not the US Congress; "Russia's U.N. ambassador" serves
    Russia); an inter-governmental body keeps its code only without such a modifier."""
    d = _org(kb, m, date)
    owner = _owner_before(tokens, m, names)
    if owner and owner != d.country and owner in kb.countries:
        d.country = owner
        if kb.orgs[m.key].kind == "igo":
            d.sector = None  # a country's mission to the body: the role decides the sector
    return d


def _owner_before(tokens, m: Match, names: list[Match]) -> Optional[str]:
    """The country named by the adjective or possessive that directly precedes match m."""
    for c in names:
        if c.kind not in ("country", "adj") or c.end > m.start:
            continue
        gap = [t.text for t in tokens[c.end:m.start]]
        if not gap or gap in (["'s"], ["’s"], ["'"]):
            return c.key
    return None


def _person(kb, m: Match, date: Optional[str]) -> Description:
    p = kb.people[m.key]
    country, sector, _ = p.at(date)
    return Description(p.name, country, sector, "person", key="person:" + p.name, basis="person")


def _country(kb, m: Match) -> Description:
    iso = m.key
    name = kb.country_name(iso)
    if m.kind == "country":
        return Description(name, iso, None, "country", key="country:" + iso, basis="country")
    if m.kind in ("seat", "capital"):
        the = "the " if name.startswith(("United", "Republic", "Democratic", "Central African",
                                           "Czech")) or name.endswith(("s", "Islands")) else ""
        return Description(f"Government of {the}{name}", iso, "GOV", "organisation",
                           key="gov:" + iso, basis=m.kind)
    if m.kind == "city":
        return Description("", iso, None, "group", key=None, basis="city")
    return Description(name, iso, None, "group", key="people:" + iso, basis="adj")


def _text(tokens, s: int, e: int) -> str:
    while s < e - 1 and (tokens[s].lower_ in ("the", "a", "an", "'s", "’s") or (
            (tokens[s].like_num or tokens[s].lower_ in INDEFINITE)
            and tokens[s + 1].text not in ("-", "–"))):
        s += 1
    while e > s and tokens[e - 1].is_punct:
        e -= 1
    return tokens[s:e].text if e > s else tokens.text


PROXY = {"backed", "aligned", "allied", "sponsored", "supported", "funded", "linked", "friendly",
         "inspired", "leaning", "affiliated"}


def _country_in(ms: list[Match]) -> Optional[str]:
    cs = [m for m in ms if m.kind in COUNTRY_KINDS]
    return cs[-1].key if cs else None


def _after_prep(tokens, s, e, names, roles, preps) -> tuple[list[Match], list[Match]]:
    """Matches in [s, e) that follow one of `preps` (first such preposition)."""
    for i in range(s, e):
        if tokens[i].lower_ in preps:
            end = next((j for j in range(i + 1, e) if tokens[j].lower_ in PLACE_PREPS | {"at"}
                        and not any(m.start <= j < m.end for m in names)), e)
            # "the head of Sudan's army in N'Djamena": the place where he is is not his country;
            # "the head of the Catholic Church in England": without a country before it, the
            # place says whose branch of the body it is
            if not any(m.kind in COUNTRY_KINDS and i < m.start and m.end <= end for m in names):
                end = e
            return ([m for m in names if m.start > i and m.end <= end],
                    [r for r in roles if r.start > i and r.end <= end])
    return [], []


def describe(tokens, s: int, e: int, names: list[Match], roles: list[Match],
             date: Optional[str] = None, context: Optional[str] = None,
             holder: bool = True) -> Optional[Description]:
    """Describe tokens[s:e] using the matches (token offsets into `tokens`) that lie inside."""
    kb = kb_mod.load()
    names = [m for m in names if _inside(m, s, e) and not _proxy(tokens, m)]
    covered = {i for m in names if m.kind in ("org", "person") for i in range(m.start, m.end)}
    roles = [r for r in roles if _inside(r, s, e) and r.start not in covered]
    split = _split(tokens, s, e, names + roles)
    pre_n = [m for m in names if m.end <= split]
    pre_r = [r for r in roles if r.end <= split]
    former = any(t.lower_ in FORMER or t.lower_.startswith("ex-") for t in tokens[s:split])
    now_n = _after_now(tokens, s, e, names)
    persons = [m for m in pre_n if m.kind == "person" and not _possessor(tokens, m)
               and not any(r.start >= m.end for r in pre_r)] or \
        ([m for m in names if m.kind == "person"] if not pre_r and not pre_n else [])
    if persons:
        d = _person(kb, persons[-1], date)
        if former and d.sector in ("GOV", "MIL", "LEG", "JUD", "SPY", "COP", None):
            d.sector = "ELI"
        return _employer(kb, d, now_n)
    head = _head(pre_n, pre_r)
    if head is not None and head.kind == "role" and split < e and \
            tokens[split].lower_ == "of" and kb.roles[head.key].phrase in COLLECTIVES:
        post = describe(tokens, split + 1, e, names, roles, date, context, holder)
        if post is not None:  # "a group of tourists" is tourists
            return post
    if head is None:
        if split < e:  # nothing before the preposition: the rest may still name someone
            post = describe(tokens, split + 1, e, names, roles, date, holder=holder) \
                if split + 1 < e else None
            if post and post.basis in ("role", "org", "person"):
                return post
        return None
    if head.kind == "person":
        return _person(kb, head, date)
    if head.kind == "org":
        d = _org(kb, head, date)
        before = _country_in([m for m in pre_n if m.start < head.start])
        if before and d.country in kb.countries and before != d.country:
            # "Chile's Defense Department" is not the Pentagon: read it as a role phrase
            rest = [m for m in names if m is not head]
            return describe(tokens, s, e, rest, _roles_in(tokens, s, e), date, context, holder)
        owner = _owner_before(tokens, head, names)
        if owner in kb.countries and kb.orgs[head.key].kind == "igo":
            # "Kosovo's security council" is Kosovo's, not the UN's (issue 7, kind 2)
            name = _text(tokens, s, head.end)
            return Description(name, owner, d.sector, "organisation", key="org:" + name,
                               basis="org")
        if d.country is None:
            d.country = before
        return d
    if head.kind in COUNTRY_KINDS:
        d = _country(kb, head)
        if head.kind in ("city", "adj") and tokens[head.end - 1].tag_ in ("NNS", "NNPS", "NNP"):
            d.name = tokens[head.start:head.end].text  # "Mariupol", "Russians"
        elif head.kind == "city":
            d.name = tokens[head.start:head.end].text
        return d
    return _role(kb, tokens, s, e, split, head, pre_n, names, roles, date, context, former, now_n,
                 holder)


def _head(pre_n: list[Match], pre_r: list[Match]) -> Optional[Match]:
    """The rightmost org/role/country before the split; an org or role beats a country adjective."""
    cands = pre_n + pre_r
    if not cands:
        return None
    last = max(cands, key=lambda m: (m.end, m.end - m.start))
    return last


def _after_now(tokens, s, e, names) -> list[Match]:
    for i in range(s, e):
        if tokens[i].lower_ in ("now", "currently"):
            return [m for m in names if m.start > i and m.end <= e and m.kind == "org"]
    return []


def _employer(kb, d: Description, now_n: list[Match]) -> Description:
    if now_n:
        o = _org(kb, now_n[0], None)
        d.sector = o.sector or d.sector
        d.country = o.country or d.country
    return d


def _role(kb, tokens, s, e, split, head, pre_n, names, roles, date, context, former, now_n,
          holder=True):
    role = kb.roles[head.key]
    sector, kind = role.sector, role.kind
    country = _country_in([m for m in pre_n if m.start < head.start]) \
        or _country_in([m for m in pre_n])
    owners = [m for m in pre_n if m.kind == "person" and m.end <= head.start]
    if country is None and owners:  # "Putin's adviser"
        country = kb.people[owners[-1].key].at(date)[0]
    org_pre = [m for m in pre_n if m.kind == "org" and m.end <= head.start]
    seat_pre = [m for m in pre_n if m.kind in ("seat", "capital") and m.end <= head.start]
    phrase = role.phrase.lower()
    generic = phrase in GENERIC
    pre_words = {t.lower_ for t in tokens[s:head.start]}
    mod_roles = [r for r in roles if r.end <= head.start and r.start >= s]
    if (generic or phrase in MEMBER_NOUNS or sector is None) and org_pre:
        o = _owned_org(kb, tokens, org_pre[-1], names, date)
        sector, country = o.sector or sector, o.country or country
    elif (generic or sector is None) and mod_roles and kb.roles[mod_roles[-1].key].sector and \
            kb.roles[mod_roles[-1].key].kind != "person":
        sector = kb.roles[mod_roles[-1].key].sector  # "intelligence agency officer"
    if (phrase in RELIGIOUS_HEADS or sector in (None, "CVL")) and pre_words & kb.religious:
        sector = "REL"
    if sector == "CVL" and any(w.startswith("anti") for w in pre_words):
        sector = "OPP"
    elif generic and seat_pre:
        sector = "GOV" if sector in (None, "GOV") else sector
    post_n, post_r = _after_prep(tokens, split, e, names, roles, ATTACH_PREPS)
    heads_body = phrase in MEMBER_NOUNS | BODY_HEADS
    if (generic or heads_body) and not org_pre and split < e and \
            tokens[split].lower_ in ATTACH_PREPS:
        orgs = [m for m in post_n if m.kind == "org"]
        if orgs:
            o = _owned_org(kb, tokens, orgs[0], names, date)
            sector, country = o.sector or sector, country or o.country
        elif post_r and kb.roles[post_r[-1].key].sector and (
                phrase in BODY_HEADS or phrase not in (
                    "minister", "president", "secretary", "ambassador", "head", "leader")):
            sector = kb.roles[post_r[-1].key].sector  # "the head of Sudan's army": MIL
        country = country or _country_in(post_n)
    of_country = _country_after_of(tokens, split, e, names)
    if country is None and of_country:
        country = _country_in([m for m in names if m.start > split])  # "Government of Iraq"
        if phrase == "bank":
            sector = "GOV"  # "Bank of Japan", "Bank of Mexico": central banks
    if country is None and context:
        country = _context_country(context)
    if country is None and split < e and tokens[split].lower_ in PLACE_PREPS | {"at"} and \
            sector not in MOBILE_SECTORS and phrase not in POSTED_ABROAD:
        # "officials in Washington", "protesters in Paris"; troops abroad are not local
        country = _country_in([m for m in names if m.start > split])
    if country is None:  # "the Amhara regional government", "Tigray forces"
        country = region_country(tokens, s, head.start)
    if country is None:  # "MDC vice-president": the organisation's country
        orgs = [m for m in pre_n if m.kind == "org"]
        if orgs:
            country = kb.orgs[orgs[-1].key].country
    name = _text(tokens, s, e if of_country else split)
    if tokens[head.end - 1].tag_ in ("NNS", "NNPS") and kind == "person":
        kind = "group"
    d = Description(name, country, sector, kind, basis="role")
    from_pre = _country_in(pre_n) is not None or bool(owners)
    if holder and role.office and country and not former and (from_pre or _country_after_of(
            tokens, split, e, names)) and \
            not _plural_or_indefinite(tokens, s, head):
        who = kb.holder(country, role.office, date)
        if who is not None:
            c, sec, _ = who.at(date)
            return Description(who.name, c or country, sec or sector, "person",
                               key="person:" + who.name, basis="person")
    if former and sector in ("GOV", "MIL", "LEG", "JUD", "SPY", "COP"):
        d.sector = "ELI"
    return _employer(kb, d, now_n)


def _country_after_of(tokens, split: int, e: int, names: list[Match]) -> bool:
    """"President of Russia": the country is the object of "of" itself."""
    if split >= e or tokens[split].lower_ != "of":
        return False
    i = split + 1
    if i < e and tokens[i].lower_ == "the":
        i += 1
    return any(m.start == i and m.kind == "country" and m.end >= e - 1 for m in names)


def _roles_in(tokens, s: int, e: int) -> list[Match]:
    from .match import find

    _, roles = find(tokens)
    return [r for r in roles if s <= r.start and r.end <= e]


def _possessor(tokens, m: Match) -> bool:
    return m.end < len(tokens) and tokens[m.end].lower_ in ("'s", "’s", "'")


def _plural_or_indefinite(tokens, s: int, head: Match) -> bool:
    if tokens[head.end - 1].tag_ in ("NNS", "NNPS"):
        return True
    return any(t.lower_ in INDEFINITE for t in tokens[s:head.start])


def _context_country(context: str) -> Optional[str]:
    from .kb import fold
    kb = kb_mod.load()
    for target in kb.names.get(fold(context).removeprefix("the "), []):
        if target[0] in COUNTRY_KINDS:
            return target[1]
    return None
