"""The article's home country: where it was filed and which countries it is about.

Evidence, strongest first (issue 7, kind 2): the wire dateline ("KADUNA, Nigeria —",
"ATLANTA —", "Burkina-Faso, 13 February 2020:"), the headline (a short first line without a final
full stop), then the actors' and places' countries counted by mention. A country named once in
passing never outweighs the dateline. The dateline is read from `article.dateline` when the
cleaning stage provides it (a dict or object with `place`/`text`), else from the opening lines.
"""
from __future__ import annotations

import re
from typing import Optional

from . import kb as kb_mod

DATELINE_WEIGHT = 4  # a filing place counts as much as four mentions
HEADLINE_WEIGHT = 2
# "KADUNA, Nigeria —", "NEW DELHI (Reuters) –", "Burkina-Faso, 13 February 2020:" at a line start
_WORDS = r"[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|of|de|es))*"  # capitalised words only
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>" + _WORDS + r"(?:,[ \t]*" + _WORDS + r")?)"
    r"(?:,[ \t]*(?:[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}|\d{1,2}[ \t]+[A-Z][a-z]+[ \t]+\d{4}))?"
    r"[ \t]*(?:\([^)\n]{1,30}\))?[ \t]*(?:[-\u2013\u2014]{1,2}[ \t]|:[ \t])",
    re.MULTILINE)
HEAD_LINES = 4
NOT_EVIDENCE = {"MED"}
SHARE = 2  # another country is a principal one with at least 1/SHARE of the leader's weight  # the dateline opens one of the first few lines (after a headline)


PLACE_KINDS = ("country", "capital", "seat", "city")  # a filing place
NAME_KINDS = ("country", "adj", "capital")  # the words that name a country in running text


def _kb_countries(words: str, kinds: tuple) -> list[str]:
    """Countries the KB gives for `words` read as one of `kinds`, in KB order: "KADUNA" (city),
    "Turkish" (adj), "the Gambia" (country; case, hyphens and a leading "the" ignored)."""
    kb = kb_mod.load()
    key = kb_mod.fold(words).replace("-", " ")
    key = key[4:] if key.startswith("the ") else key
    targets = kb.names.get(key) or kb.names.get(kb_mod.fold(words)) or []
    return [iso for kind, iso in targets if kind in kinds and iso in kb.countries]


def _place_country(place: str) -> Optional[str]:
    """The country of a dateline place: the last comma part that the KB knows as a country,
    capital, seat or large city ("KADUNA, Nigeria" -> NGA, "ATLANTA" -> USA)."""
    for part in reversed([p.strip() for p in place.split(",") if p.strip()]):
        found = _kb_countries(part, PLACE_KINDS)
        if found:
            return found[0]
    return None


def dateline_place(text: str, given=None) -> Optional[tuple[int, int, str]]:
    """(start, end, place words) of the wire dateline, or None."""
    if given is not None:
        place = given.get("place") if isinstance(given, dict) else getattr(given, "place", None)
        if place:
            return (-1, -1, place if isinstance(place, str) else str(place))
    head = "\n".join(text.split("\n")[:HEAD_LINES * 2])
    m = _DATELINE.search(head)
    if not m:
        return None
    return m.start("place"), m.end("place"), m.group("place")


def dateline_country(text: str, given=None) -> Optional[str]:
    found = dateline_place(text, given)
    return _place_country(found[2]) if found else None


def headline_span(text: str) -> Optional[tuple[int, int]]:
    """The first line when it reads as a headline: short, no sentence-final full stop."""
    first = text.split("\n", 1)[0]
    words = first.split()
    if 2 <= len(words) <= 20 and not first.rstrip().endswith((".", ":")) and "\n" in text:
        return 0, len(first)
    return None


def country_weights(actors, places, text: str, given_dateline=None) -> dict[str, int]:
    """Weighted evidence per country: mentions, plus the headline and the dateline."""
    kb = kb_mod.load()
    counts: dict[str, int] = {}

    def add(c, n):
        if c in kb.countries:
            counts[c] = counts.get(c, 0) + n

    head = headline_span(text)
    for a in actors:
        if a.sector in NOT_EVIDENCE:
            continue  # a newspaper or broadcaster reports the story, it is not what it is about
        for m in a.mentions:
            add(a.country, HEADLINE_WEIGHT if head and m.end <= head[1] else 1)
    for p in places:
        add(p.country, HEADLINE_WEIGHT if head and p.end <= head[1] else 1)
    filed = dateline_country(text, given_dateline)
    # a filing place the text never names again is where the reporter or the talks are
    # ("JEDDAH — talks between the Sudanese army and the RSF"), not what the story is about,
    # when the text names other countries
    again = counts.get(filed) or not counts or _named_again(filed, text, given_dateline)
    add(filed, DATELINE_WEIGHT if again else 1)
    return counts


_WORD = re.compile(r"[A-Z][\w'’-]*")


def _named_again(country: Optional[str], text: str, given_dateline=None) -> bool:
    """Does the text (outside its dateline) name `country` again by its name, its adjective or its
    capital, as one or two capitalised words ("Turkish rescuers", "South Korea")? Mentions that
    the actor stage does not keep as actors count here too."""
    if not country:
        return False
    found = dateline_place(text, given_dateline)
    skip = found[1] if found and found[0] >= 0 else 0
    words = [m.group(0) for m in _WORD.finditer(text, skip)]
    for i, word in enumerate(words):
        for key in (word, f"{word} {words[i + 1]}" if i + 1 < len(words) else None):
            if key and country in _kb_countries(key, NAME_KINDS):
                return True
    return False


def principal(counts: dict[str, int]) -> list[str]:
    """Countries the article is about: the leader, and any other with at least half its weight
    and two mentions (the other side of a bilateral story)."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 2:
        return []
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return [c for c, n in ranked if n == ranked[0][1]]
    top = ranked[0][1]
    return [c for c, n in ranked if n == top or (n >= 2 and SHARE * n >= top)]


def home_country(counts: dict[str, int]) -> Optional[str]:
    """The single country the article is about, when one clearly leads."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked:
        return None
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= 2 and n > second else None
