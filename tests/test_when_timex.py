"""TIMEX3 annotation (when.timex) on sentences written for these tests, not taken from any
benchmark: weekdays placed by tense, deadlines that point ahead, day-first ranges across a new
year, durations that are not dates, holidays, anaphora against a carried reference time, and
the dateline date as anchor."""
from __future__ import annotations

import pytest

from dateline import nlp as nlp_mod
from dateline.model import Article, Event, Span
from dateline.pipeline import Doc
from dateline.when import resolve_dates, resolve_expression
from dateline.when.timex import annotate


@pytest.fixture(scope="module")
def nlp():
    return nlp_mod.load()


def _values(text, anchor, nlp=None):
    return [(t.text, t.type, t.value) for t in annotate(text, anchor, nlp(text) if nlp else None)]


def _value_of(text, words, anchor, nlp):
    found = [(t.type, t.value) for t in annotate(text, anchor, nlp(text)) if words in t.text]
    assert found, f"{words!r} not tagged in {text!r}"
    return found[0]


def test_weekday_follows_the_tense(nlp):
    # 2025-03-12 is a Wednesday
    assert _value_of("The minister will visit Nairobi on Tuesday.", "Tuesday", "2025-03-12",
                     nlp) == ("DATE", "2025-03-18")
    assert _value_of("The minister visited Nairobi on Tuesday.", "Tuesday", "2025-03-12",
                     nlp) == ("DATE", "2025-03-11")


@pytest.mark.parametrize("text,anchor,value", [
    ("The vote has been delayed until Friday, officials said on Saturday.", "2025-03-15",
     "2025-03-21"),
    ("The hearing was adjourned until Monday after the judge fell ill.", "2025-06-01",
     "2025-06-02"),
])
def test_a_postponement_points_ahead(nlp, text, anchor, value):
    assert _value_of(text, "until", anchor, nlp) == ("DATE", value)


@pytest.mark.parametrize("phrase,anchor,start,end", [
    ("from 30 December to 2 January 2025", "2025-01-06", "2024-12-30", "2025-01-02"),
    ("between 29 December and 4 January 2026", "2026-01-10", "2025-12-29", "2026-01-04"),
    ("from 3 June to 7 June", "2025-06-10", "2025-06-03", "2025-06-07"),
])
def test_day_first_ranges_keep_their_end(phrase, anchor, start, end):
    ref = resolve_expression(phrase, anchor, "past")
    assert (ref.value, ref.end) == (start, end)


@pytest.mark.parametrize("text,value", [
    ("Prices have doubled over the past 20 years.", "P20Y"),
    ("Talks lasted three days.", "P3D"),
    ("The two-year programme ends soon.", "P2Y"),
    ("Shelling went on for several weeks.", "PXW"),
    ("Rescuers searched for 36 hours.", "PT36H"),
])
def test_durations_are_not_dates(nlp, text, value):
    kinds = [(t.type, t.value) for t in annotate(text, "2025-03-12", nlp(text))]
    assert ("DURATION", value) in kinds


def test_a_duration_gives_an_event_no_date(nlp):
    text = "Rebels have attacked the town over the past 20 years."
    art = Article(id="t", input="t", text=text, published="2025-03-12",
                  events=[Event(id="e1", type="ASSAULT", evidence=Span(text, 0, len(text)))])
    resolve_dates(Doc(article=art, spacy=nlp(text)))
    assert art.events[0].date is None
    assert [(t.type, t.value) for t in art.times] == [("DURATION", "P20Y")]


@pytest.mark.parametrize("text,anchor,value", [
    ("Shops opened early on Thanksgiving Day.", "2025-12-01", "2025-11-27"),
    ("Polls close at 8 p.m. on Election Day.", "2024-10-20", "2024-11-05"),
    ("Crowds gathered on Memorial Day 2023.", "2024-01-01", "2023-05-29"),
    ("Pilgrims arrived before Good Friday.", "2026-03-20", "2026-04-03"),
])
def test_holidays(nlp, text, anchor, value):
    assert any(t.value == value for t in annotate(text, anchor, nlp(text)))


def test_anaphora_resolve_against_the_reference_time(nlp):
    text = ("The dam broke on March 3, 2021. The next morning, crews reached the valley. "
            "Later that year the company paid damages. A year earlier it had been warned.")
    got = {t.text.lower(): t.value for t in annotate(text, "2024-05-01", nlp(text))}
    assert got["the next morning"] == "2021-03-04TMO"
    assert got["later that year"] == "2021"
    assert got["a year earlier"] == "2020-03-03"


def test_clock_times_sets_and_reference_words(nlp):
    text = "Polls opened at 7 a.m. Tuesday. Markets meet each Thursday and prices are rising now."
    got = {t.text: (t.type, t.value) for t in annotate(text, "2025-03-12", nlp(text))}
    assert got["7 a.m. Tuesday"] == ("TIME", "2025-03-11T07:00")
    assert got["each Thursday"] == ("SET", "XXXX-WXX-4")
    assert got["now"] == ("DATE", "PRESENT_REF")


def test_dateline_date_anchors_without_publication_date(nlp):
    text = "Troops withdrew from the border on Monday, officials said."
    art = Article(id="t", input="t", text=text, published=None)
    art.dateline = {"text": "KYIV, March 12", "place": "KYIV", "date": "2025-03-12"}
    resolve_dates(Doc(article=art, spacy=nlp(text)))
    assert [(t.text, t.value) for t in art.times] == [("on Monday", "2025-03-10")]


def test_without_any_anchor_relative_dates_are_left_out(nlp):
    text = "Troops withdrew on Monday, two days after talks on 3 May 2024."
    got = _values(text, None, nlp)
    assert ("on 3 May 2024", "DATE", "2024-05-03") in got
    assert all(v != "" for _, _, v in got) and not any("Monday" in t for t, _, _ in got)
