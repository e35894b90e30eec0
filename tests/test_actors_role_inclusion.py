"""Two descriptions with the same head noun are one actor only when the later one's modifiers
are among the earlier one's ('the health ministry' ... 'the ministry'); 'the fire service' and
'the mountain rescue service' are two (head match with word inclusion, Lee et al. 2013).
Inputs written for these tests; the real KB and spaCy pipeline run on them."""
from __future__ import annotations

from dateline.evaluation.quotes import make_doc


def _actors(text):
    doc = make_doc(text)
    return {text[s:e]: actor.id for s, e, actor in doc.actor_index.mentions}


def test_another_service_is_another_actor(nlp):
    got = _actors("The fire service said crews had rescued 14 people. Later the mountain rescue "
                  "service said two bridges had gone, and the service said more rain was due.")
    assert got["fire service"] != got["mountain rescue service"], got


def test_the_bare_head_still_refers_back(nlp):
    got = _actors("The health ministry said 12 cases were confirmed. The ministry said clinics "
                  "would stay open.")
    ids = [v for k, v in got.items() if "ministry" in k]
    assert len(ids) == 2 and len(set(ids)) == 1, got


def test_a_countrys_body_is_not_another_kind_of_body(nlp):
    got = _actors("Moldova's security service said two men were detained. The wire service said "
                  "its reporter was freed, and the security service said the men would be charged.")
    assert got["wire service"] != got["Moldova's security service"], got
    assert got["security service"] == got["Moldova's security service"], got
