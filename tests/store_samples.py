"""Articles for the store tests, built from model.py (importable without pytest, so a
separate writer process can use them too)."""
from __future__ import annotations

from dateline.model import Actor, Article, Event, Place, Quote, Span, TimeRef

COUNTRY_NAMES = {"NOR": "Norway", "KEN": "Kenya", "PER": "Peru", "USA": "United States",
                 "ISL": "Iceland"}


def make_article(key: str, published: str | None = "2025-02-03", events=(), quotes=(),
                 url: str | None = None) -> Article:
    """An article whose text holds one sentence per event and per quote.

    events: (type, source country, target country, date or None); quotes: (speaker, country).
    """
    parts, actors, evs, qs = [f"Report {key}."], {}, [], []

    def actor(code):
        if code not in actors:
            actors[code] = Actor(id=f"a{len(actors) + 1}", name=COUNTRY_NAMES[code],
                                 country=code, kind="country")
        return actors[code]

    def span(sentence):
        start = sum(len(p) + 1 for p in parts)
        parts.append(sentence)
        return Span(sentence, start, start + len(sentence))

    for i, (etype, src, tgt, date) in enumerate(events, 1):
        s, t = actor(src), actor(tgt)
        ev = span(f"{s.name} acted ({etype.lower()}) towards {t.name} in case {key}-{i}.")
        evs.append(Event(id=f"e{i}", type=etype, evidence=ev, source=[s.ref(s.name)],
                         target=[t.ref(t.name)], quad="material_conflict", cameo="190",
                         date=TimeRef("on the day", date) if date else None,
                         location=Place("Harbour Town", country=tgt, lat=1.5, lon=-2.25),
                         confidence=0.75))
    for i, (speaker, code) in enumerate(quotes, 1):
        said = f"We will keep talking about {key}"
        sp = span(f'"{said}," said {speaker}.')
        a = Actor(id=f"a{len(actors) + i + 10}", name=speaker, country=code, kind="person")
        cue = sp.start + sp.text.index(" said ") + 1
        qs.append(Quote(id=f"q{i}", text=said, start=sp.start + 1, end=sp.start + 1 + len(said),
                        speaker=a.ref(speaker), cue=Span("said", cue, cue + 4)))
    return Article(id=f"id-{key}", input=f"mem:{key}", text=" ".join(parts), url=url,
                   title=f"Title {key}", published=published, actors=list(actors.values()),
                   events=evs, quotes=qs, site="example.org", author="A. Writer")
