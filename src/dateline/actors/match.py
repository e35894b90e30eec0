"""Dictionary matching of KB names and role nouns over spaCy tokens.

Aliases are tokenised once with the pipeline's tokenizer and keyed by their folded tokens, so a
match is a dict hit per (position, length): no regex scans over the KB. Case rules keep common
words from matching proper names ("male" is not Malé, "is" is not IS).
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field

from . import kb as kb_mod
from .kb import fold

MAX_LEN = 8
PRIORITY = {"person": 0, "org": 1, "seat": 2, "country": 3, "capital": 4, "adj": 5, "city": 6}


@dataclass(frozen=True)
class Match:
    start: int  # token index
    end: int
    kind: str  # person org seat country capital adj role
    key: object  # iso3, org index, person index, or role key
    case: str = ""


def _plural(word: str) -> list[str]:
    if word.endswith("man"):
        return [word[:-3] + "men"]
    if word.endswith(("s", "x", "ch", "sh")):
        return [word + "es"]
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    return [word + "s"]


def _case_rule(alias: str, ntok: int) -> str:
    """'' = any case; 'cap' = first token capitalised; 'exact' = same letters and case;
    'anycap' = a name of several words matches only where one of its words is capitalised
    ("People's Daily", not "people's daily lives")."""
    letters = [c for c in alias if c.isalpha()]
    if not letters or alias == alias.lower():
        return ""
    if alias.replace(".", "").isupper() and len(letters) <= 5:
        return "exact"
    return "cap" if ntok == 1 else "anycap"


@dataclass
class Index:
    names: dict  # key -> (targets, case rule, original alias)
    roles: dict  # key -> role key
    # first word of a key -> the most words a key starting with it has: bounds the lengths
    # `find` tries at a position (none when no key starts with the token there)
    name_words: dict = field(default_factory=dict, repr=False)
    role_words: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        for keys, out in ((self.names, self.name_words), (self.roles, self.role_words)):
            for key in keys:
                parts = key.split(" ")
                out[parts[0]] = max(out.get(parts[0], 0), len(parts))


_fold_token = functools.lru_cache(maxsize=50_000)(fold)  # token texts repeat; fold is pure


@functools.lru_cache(maxsize=1)
def index() -> Index:
    from .. import nlp as nlp_mod

    tok = nlp_mod.load().tokenizer
    kb = kb_mod.load()

    def key_of(text: str) -> tuple[str, int]:
        toks = [fold(t.text) for t in tok(text)]
        return " ".join(toks), len(toks)

    names: dict = {}
    surface: dict[str, list[str]] = {}
    for c in kb.countries.values():
        for a in [c.name] + c.aliases + c.adjectives + c.seats + ([c.capital] if c.capital else []):
            surface.setdefault(fold(a).removeprefix("the "), []).append(a)
    for o in kb.orgs:
        for a in [o.name] + o.aliases:
            surface.setdefault(fold(a).removeprefix("the "), []).append(a)
    for p in kb.people:
        for a in [p.name] + p.aliases:
            surface.setdefault(fold(a).removeprefix("the "), []).append(a)
    for folded, targets in kb.names.items():
        if folded not in surface:  # cities: proper names, capitalised
            surface[folded] = [" ".join(w[:1].upper() + w[1:] for w in folded.split(" "))]
    for folded, targets in kb.names.items():
        alias = next((a for a in surface.get(folded, []) if a), folded)
        alias = alias[4:] if alias.lower().startswith("the ") else alias
        key, n = key_of(alias)
        rule = min((_case_rule(a, n) for a in surface.get(folded, [alias])), key=len)
        targets = sorted(targets, key=lambda t: PRIORITY[t[0]])
        for variant in [key] + _hyphen_variants(key, targets):
            prev = names.get(variant)
            merged = prev[0] + [t for t in targets if t not in prev[0]] if prev else targets
            names[variant] = (merged, rule, alias)
    roles: dict = {}
    for rkey in kb.roles:
        key, _ = key_of(rkey)
        roles.setdefault(key, rkey)
        words = key.split(" ")
        for pl in _plural(words[-1]):
            roles.setdefault(" ".join(words[:-1] + [pl]), rkey)
    return Index(names, roles)


def _hyphen_variants(key: str, targets) -> list[str]:
    """"Burkina Faso" also as "Burkina-Faso", "Guinea-Bissau" also as "Guinea Bissau": a
    two-word country name is written both ways, whatever the tagger makes of it."""
    if not any(t[0] == "country" for t in targets):
        return []
    words = key.split(" ")
    if len(words) == 2 and all(w.isalpha() for w in words):
        return [f"{words[0]} - {words[1]}"]
    if len(words) == 3 and words[1] == "-":
        return [f"{words[0]} {words[2]}"]
    return []


def _case_ok(rule: str, tokens, alias: str) -> bool:
    if not rule:
        return True
    first = tokens[0].text
    if rule == "cap":
        return first[:1].isupper()
    if rule == "anycap":
        return any(t.text[:1].isupper() for t in tokens)
    return "".join(t.text for t in tokens).replace(".", "") == alias.replace(" ", "").replace(".", "") \
        or "".join(t.text for t in tokens).replace(".", "").isupper() and len(first) > 3


def find(tokens) -> tuple[list[Match], list[Match]]:
    """Longest-first KB name matches and role matches over a spaCy Doc or Span."""
    idx = index()
    folded = [_fold_token(t.text) for t in tokens]
    firsts = [f.split(" ", 1)[0] for f in folded]  # a key's first word, wherever it starts
    n = len(folded)
    names, roles = [], []
    i = 0
    while i < n:
        hit = None
        for L in range(min(MAX_LEN, n - i, idx.name_words.get(firsts[i], 0)), 0, -1):
            entry = idx.names.get(" ".join(folded[i:i + L]))
            if entry and _case_ok(entry[1], tokens[i:i + L], entry[2]):
                hit = (L, entry)
                break
        if hit:
            L, (targets, _, _) = hit
            kind, key = targets[0]
            names.append(Match(i, i + L, kind, key))
            i += L
        else:
            i += 1
    i = 0
    while i < n:
        for L in range(min(5, n - i, idx.role_words.get(firsts[i], 0)), 0, -1):
            rkey = idx.roles.get(" ".join(folded[i:i + L]))
            if rkey:
                roles.append(Match(i, i + L, "role", rkey))
                i += L - 1
                break
        i += 1
    return names, roles
