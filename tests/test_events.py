"""Event coder on sentences written for these tests (real spaCy parse, real actor index class)."""
from __future__ import annotations

import re

import pytest

from dateline.events import code_events
from dateline.events.actorview import MentionIndex
from dateline.events import ontology
from dateline.model import Actor, Article, Span
from dateline.pipeline import Doc

ACTORS = {
    "Norway": "NOR", "Chile": "CHL", "Peru": "PER", "Bolivia": "BOL", "Kenya": "KEN",
    "Uganda": "UGA", "the Kenyan army": "KEN", "Lima": "PER", "Oslo": "NOR",
    "Maria Solberg": "NOR", "Ecuador": "ECU",
}


def coded(nlp, text: str, pronouns: dict | None = None):
    """Run the event coder on `text` with an actor index over the names in ACTORS."""
    article = Article(id="t", input="t", text=text)
    mentions, by_name = [], {}
    for name, iso in ACTORS.items():
        for m in re.finditer(re.escape(name), text):
            actor = by_name.setdefault(name, Actor(id=f"a{len(by_name) + 1}", name=name, country=iso))
            actor.mentions.append(Span(name, m.start(), m.end()))
            mentions.append((m.start(), m.end(), actor, False))
    for word, name in (pronouns or {}).items():
        for m in re.finditer(rf"\b{word}\b", text):
            mentions.append((m.start(), m.end(), by_name[name], False))
    article.actors = list(by_name.values())
    doc = Doc(article=article, spacy=nlp(text), actor_index=MentionIndex(mentions))
    code_events(doc)
    return article.events


def sides(ev):
    return ({r.country for r in ev.source}, {r.country for r in ev.target})


def find(events, type_):
    hits = [e for e in events if e.type == type_]
    assert hits, f"no {type_} in {[(e.type, e.evidence.text) for e in events]}"
    return hits[0]


def test_passive_by_agent_is_the_source(nlp):
    ev = find(coded(nlp, "The border post was attacked by Uganda on Sunday, officials said."),
              "ASSAULT")
    assert sides(ev)[0] == {"UGA"}


def test_passive_target_and_agent(nlp):
    ev = find(coded(nlp, "Bolivia was criticised by Chile over the water dispute."), "ACCUSE")
    assert sides(ev) == ({"CHL"}, {"BOL"})


def test_coordinated_subjects_give_two_sources(nlp):
    ev = find(coded(nlp, "Peru and Chile condemned Bolivia for closing the border."), "ACCUSE")
    assert sides(ev) == ({"PER", "CHL"}, {"BOL"})


def test_future_visit(nlp):
    ev = find(coded(nlp, "Maria Solberg will visit Kenya next month to discuss fisheries."),
              "CONSULT")
    assert ev.status == "future" and ev.mode == "visit"
    assert sides(ev) == ({"NOR"}, {"KEN"})


def test_planned_visit_noun_is_future(nlp):
    events = coded(nlp, "Maria Solberg spoke on radio ahead of her planned visit to Uganda.",
                   pronouns={"her": "Maria Solberg"})
    ev = find(events, "CONSULT")
    assert ev.status == "future" and sides(ev) == ({"NOR"}, {"UGA"})


def test_hypothetical_signing_is_agree(nlp):
    ev = find(coded(nlp, "Peru and Ecuador could sign a border treaty before the summer."),
              "AGREE")
    assert ev.status == "hypothetical"


def test_negated_attack(nlp):
    ev = find(coded(nlp, "The Kenyan army did not attack Uganda during the night."), "ASSAULT")
    assert ev.status == "negated"
    assert sides(ev) == ({"KEN"}, {"UGA"})


def test_accusation_with_embedded_alleged_event(nlp):
    events = coded(nlp, "Chile accused Bolivia of sending weapons to Peru last year.")
    acc = find(events, "ACCUSE")
    assert sides(acc) == ({"CHL"}, {"BOL"}) and acc.status == "asserted"
    aid = [e for e in events if e.status == "alleged"]
    assert aid and sides(aid[0]) == ({"BOL"}, {"PER"})


def test_accusations_that_clause(nlp):
    events = coded(nlp, "Norway repeated accusations that Bolivia had supplied Peru with drones.")
    acc = find(events, "ACCUSE")
    assert sides(acc) == ({"NOR"}, {"BOL"})
    alleged = [e for e in events if e.status == "alleged"]
    assert alleged and sides(alleged[0])[0] == {"BOL"}


def test_request_content_is_not_a_second_event(nlp):
    events = coded(nlp, "Norway urged Chile to withdraw its ships from the bay.")
    req = find(events, "REQUEST")
    assert sides(req) == ({"NOR"}, {"CHL"})
    assert not [e for e in events if e.type == "RETREAT"]


def test_joint_exercise_between_two_sides(nlp):
    ev = find(coded(nlp, "Kenya said joint military exercises between Uganda and Peru began."),
              "COOPERATE")
    assert sides(ev) == ({"UGA", "PER"}, {"UGA", "PER"})


def test_evidence_offsets_are_exact(nlp):
    text = "Officials met in the capital.\n\nOn Friday, Chile expelled the envoy of Peru after a row."
    events = coded(nlp, text)
    assert events
    for ev in events:
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.text
        assert ev.evidence.text and len(ev.evidence.text) < len(text)
    ev = find(events, "SANCTION")
    assert ev.quad == "material_conflict" and ev.mode == "expel"


def test_no_events_without_actors(nlp):
    events = coded(nlp, "The villagers attacked the old mill and then visited the market.")
    assert events == []


def test_repeated_event_in_a_paragraph_is_kept_once(nlp):
    text = ("Chile condemned Bolivia on Monday. Chile condemned Bolivia again in a statement.\n\n"
            "Peru condemned Bolivia.")
    acc = [e for e in coded(nlp, text) if e.type == "ACCUSE"]
    assert len(acc) == 2


def test_ontology_views():
    assert ontology.quad("SANCTION") == "material_conflict"
    assert ontology.cameo("CONSULT", "visit") == "042"
    assert ontology.valid_mode("ASSAULT", "visit") is None


def test_claim_that_their_acts_provoke_is_an_accusation(nlp):
    events = coded(nlp, "Peru claims that naval drills between Chile and Bolivia provoke Ecuador.")
    acc = find(events, "ACCUSE")
    assert sides(acc) == ({"PER"}, {"CHL", "BOL"})


def test_provoke_outside_reported_speech_is_not_coded(nlp):
    events = coded(nlp, "Naval drills between Chile and Bolivia provoke Ecuador.")
    assert not [e for e in events if e.type == "ACCUSE"]


def test_exercises_with_a_partner_are_joint_and_alone_are_mobilize(nlp):
    joint = find(coded(nlp, "Kenya began naval exercises with Uganda on Monday."), "COOPERATE")
    assert sides(joint) == ({"KEN", "UGA"}, {"KEN", "UGA"})
    alone = coded(nlp, "Kenya began naval exercises near the border on Monday.")
    assert find(alone, "MOBILIZE").type == "MOBILIZE"


def test_reaction_to_the_decision_targets_its_author():
    """'condemned the decision' answers whoever decided, named in an earlier sentence."""
    import dateline

    doc = dateline.extract("Norway expelled two Russian diplomats on Monday. Russia condemned "
                           "the decision and promised a response.", published="2025-04-07")
    reactions = [e for e in doc["events"] if e["evidence"]["text"].startswith("Russia condemned")]
    assert reactions, doc["events"]
    assert {t["country"] for t in reactions[0]["target"]} == {"NOR"}
