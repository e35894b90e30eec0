"""ActorIndex.at looks only at mentions near the span (bisection over their starts): the same
answer as scanning every mention, ties included, also after mentions are added."""
from __future__ import annotations

import random

from dateline.actors.index import ActorIndex, best_overlap
from dateline.model import Actor


def test_at_equals_a_full_scan():
    rng = random.Random(7)
    for trial in range(40):
        actors = [Actor(id=f"a{i}", name=f"A{i}") for i in range(8)]
        mentions = []
        for _ in range(rng.randint(0, 120)):
            s = rng.randint(0, 400)
            mentions.append((s, s + rng.randint(0, 30), rng.choice(actors)))
        index = ActorIndex(mentions=list(mentions))
        for _ in range(200):
            a = rng.randint(-10, 450)
            b = a + rng.randint(0, 40)
            assert index.at(a, b) is best_overlap(mentions, a, b)
        extra = (rng.randint(0, 400), 0, actors[0])
        extra = (extra[0], extra[0] + 60, actors[0])  # longer than any before: widens the window
        index.mentions.append(extra)
        mentions.append(extra)
        for _ in range(100):
            a = rng.randint(-10, 450)
            assert index.at(a, a + 3) is best_overlap(mentions, a, a + 3)
