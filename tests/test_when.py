"""Date resolution on sentences written for these tests (not taken from any benchmark)."""
from __future__ import annotations

import pytest

from dateline.model import Article, Event, Span
from dateline.pipeline import Doc
from dateline.when import find_expressions, resolve_dates, resolve_expression

ANCHOR = "2025-03-12"  # a Wednesday


def _r(text, anchor=ANCHOR, tense="past"):
    ref = resolve_expression(text, anchor, tense)
    return (ref.value, ref.end) if ref else None


def test_weekday_past_and_future():
    assert _r("on Thursday", tense="past") == ("2025-03-06", None)
    assert _r("on Thursday", tense="future") == ("2025-03-13", None)
    assert _r("on Wednesday", tense="past") == ("2025-03-12", None)
    assert _r("on Wednesday", tense="future") == ("2025-03-12", None)
    assert _r("last Wednesday") == ("2025-03-05", None)
    assert _r("next Monday") == ("2025-03-17", None)


@pytest.mark.parametrize("text", ["on October 2–4", "on October 2-4", "Oct. 2 – 4"])
def test_en_dash_and_hyphen_ranges(text):
    assert _r(text, anchor="2025-10-01", tense="future") == ("2025-10-02", "2025-10-04")


def test_dateparser_2020_trap_is_avoided():
    import datetime

    import dateparser

    base = {"RELATIVE_BASE": datetime.datetime(2023, 8, 20)}
    assert dateparser.parse("August 21–22", settings=base).year != 2023  # the trap itself
    assert _r("August 21–22", anchor="2023-08-20", tense="future") == ("2023-08-21", "2023-08-22")
    assert _r("between 3 and 5 July", anchor="2019-07-01", tense="future") == ("2019-07-03", "2019-07-05")


def test_range_across_months_and_years():
    assert _r("Dec. 30 - Jan. 2", anchor="2025-01-05") == ("2024-12-30", "2025-01-02")


def test_no_published_means_no_date():
    for text in ["on Thursday", "yesterday", "last month", "on October 2–4", "in April"]:
        assert resolve_expression(text, None) is None
    assert _r("on 3 February 2021", anchor=None) == ("2021-02-03", None)


def test_yearless_date_takes_nearest_year_in_tense():
    assert _r("on November 28", anchor="2025-01-04", tense="past") == ("2024-11-28", None)
    assert _r("on January 9", anchor="2025-01-04", tense="future") == ("2025-01-09", None)
    assert _r("on January 9", anchor="2025-12-20", tense="future") == ("2026-01-09", None)


def test_deictic_days():
    assert _r("yesterday") == ("2025-03-11", None)
    assert _r("today") == ("2025-03-12", None)
    assert _r("tomorrow", tense="future") == ("2025-03-13", None)


def test_durations_and_calendar_ranges():
    assert _r("over the past two weeks") is None  # a duration (P2W), not a date
    assert _r("in the next six months", tense="future") is None
    assert _r("last week") == ("2025-03-03", "2025-03-09")
    assert _r("next month", tense="future") == ("2025-04-01", "2025-04-30")
    assert _r("earlier this month") == ("2025-03-01", "2025-03-12")
    assert _r("in January") == ("2025-01-01", "2025-01-31")
    assert _r("in November") == ("2024-11-01", "2024-11-30")
    assert _r("in November", tense="future") == ("2025-11-01", "2025-11-30")


def test_anaphoric_expressions_are_left_unresolved():
    assert resolve_expression("the following day", ANCHOR) is None
    assert resolve_expression("the next week", ANCHOR) is None


def test_tagger_spans_and_false_friends():
    text = "Ministers may meet in May; talks on 14 May 2026 and on Friday, said 1,200 people."
    found = [t for _, _, t in find_expressions(text)]
    assert found == ["in May", "on 14 May 2026", "on Friday"]
    for s, e, t in find_expressions(text):
        assert text[s:e] == t


def _event(text, sub, status="asserted"):
    i = text.index(sub)
    return Event(id="e", type="CONSULT", evidence=Span(sub, i, i + len(sub)), status=status)


def _run(nlp, text, published, events):
    article = Article(id="t", input="t", text=text, published=published, events=events)
    resolve_dates(Doc(article=article, spacy=nlp(text)))
    return [e.date for e in events]


TEXT = ("The Chilean foreign minister will travel to Helsinki on October 2–4 for talks. "
        "On Tuesday, Finland's trade minister criticised the plan, saying that fishing "
        "quotas had been cut in August. Officials met on Friday and signed a memorandum. "
        "Helsinki said the boats were seized during the previous two weeks.")


def test_resolve_dates_attaches_by_dependency(nlp):
    evs = [_event(TEXT, "will travel to Helsinki", "future"),
           _event(TEXT, "criticised the plan"),
           _event(TEXT, "fishing quotas had been cut"),
           _event(TEXT, "signed a memorandum"),
           _event(TEXT, "the boats were seized")]
    dates = _run(nlp, TEXT, "2025-09-24", evs)  # a Wednesday
    assert (dates[0].value, dates[0].end) == ("2025-10-02", "2025-10-04")
    assert (dates[1].text, dates[1].value) == ("On Tuesday", "2025-09-23")
    assert dates[2].value == "2025-08-01" and dates[2].end == "2025-08-31"
    assert dates[3].value == "2025-09-19"
    assert dates[4] is None  # "during the previous two weeks": a duration (P2W), not a date


def test_resolve_dates_leaves_other_clause_dates_alone(nlp):
    text = "On Monday the agency reported that rebels had attacked a convoy."
    dates = _run(nlp, text, "2025-09-24", [_event(text, "rebels had attacked a convoy")])
    assert dates == [None]


def test_resolve_dates_without_published_is_null(nlp):
    text = "Officials met on Friday and signed a memorandum."
    assert _run(nlp, text, None, [_event(text, "Officials met on Friday")]) == [None]


def test_resolve_dates_survives_bad_offsets(nlp):
    text = "Officials met on Friday."
    bad = Event(id="e", type="CONSULT", evidence=Span("x", 500, 900))
    assert _run(nlp, text, "2025-09-24", [bad]) == [None]


def test_nominal_event_in_an_adjunct_keeps_no_date(nlp):
    text = "The minister flies to Lima on May 3, after her visit to Quito."
    quito, lima = _event(text, "her visit to Quito", "future"), _event(text, "flies to Lima")
    dates = _run(nlp, text, "2025-04-28", [quito, lima])
    assert dates[0] is None and dates[1].value == "2025-05-03"


def test_nominal_event_as_object_takes_the_verb_date(nlp):
    text = "The minister paid a visit to Quito on Monday."
    dates = _run(nlp, text, "2025-04-30", [_event(text, "a visit to Quito")])
    assert dates[0].value == "2025-04-28"


def test_future_event_does_not_take_the_announcement_date(nlp):
    text = "The council decided last week to lift the curfew in the capital."
    dates = _run(nlp, text, "2025-06-11", [_event(text, "lift the curfew", "future"),
                                           _event(text, "decided last week")])
    assert dates[0] is None
    assert (dates[1].value, dates[1].end) == ("2025-06-02", "2025-06-08")


def test_occasion_of_a_statement_dates_it(nlp):
    text = "In a speech delivered on Friday, the president denounced the blockade."
    dates = _run(nlp, text, "2025-06-11", [_event(text, "the president denounced the blockade")])
    assert dates[0].value == "2025-06-06"


def test_without_published_a_weekday_matches_a_stated_full_date(nlp):
    text = ("Farmers block a highway near Lyon, France, on 14 March 2025.\n\n"
            "Farmers blocked the A7 motorway on Friday, halting traffic for hours.")
    ev = _event(text, "Farmers blocked the A7 motorway")
    assert _run(nlp, text, None, [ev])[0].value == "2025-03-14"  # 14 March 2025 was a Friday
    other = text.replace("on Friday", "on Tuesday")
    assert _run(nlp, other, None, [_event(other, "Farmers blocked the A7 motorway")]) == [None]


def test_participle_clause_shares_the_date(nlp):
    text = "Troops raided the camp on Sunday night, arresting twelve men and seizing weapons."
    dates = _run(nlp, text, "2025-06-11", [_event(text, "arresting twelve men"),
                                           _event(text, "seizing weapons")])
    assert [d.value for d in dates] == ["2025-06-08", "2025-06-08"]


def test_prenominal_dates_and_open_ended_spans_do_not_date_events(nlp):
    text = "The rebels broke the March 3 truce."
    assert _run(nlp, text, "2025-06-11", [_event(text, "The rebels broke the March 3 truce")]) \
        == [None]
    assert resolve_expression("more than two years ago", "2025-06-11") is None
    assert resolve_expression("since 2019", None) is None
    assert _r("since 2019", anchor="2025-06-11") == ("2019-01-01", "2025-06-11")


def test_trigger_windows_lose_nothing():
    from dateline.when.tagger import tag

    text = ("Late last year, 4,000 troops left; in the mid-1990s and the '80s the 21st century "
            "began. Talks ran Dec. 30 through Jan. 2, 2026, and on Friday, 14 March 2025; "
            "the third-quarter results of fiscal 2024 came out two weeks ago, this summer, "
            "over the weekend and in the past three months. Now, prices may fall by 6/19/2024. "
            + "x" * 300 + " and yesterday morning.")
    fast = [(m.start, m.end, m.rule) for m in tag(text)]
    slow = [(m.start, m.end, m.rule) for m in tag(text, scan_all=True)]
    assert fast == slow
    assert len(fast) >= 14


def test_part_of_the_current_unit():
    assert _r("by the end of the year", anchor="2025-07-23", tense="future") == \
        ("2025-11-25", "2025-12-31")
    assert _r("at the start of the month", anchor="2025-07-23") == ("2025-07-01", "2025-07-04")


def test_tense_from_the_parse_when_status_is_not_future(nlp):
    text = "Negotiators are set to resume talks in Oslo on Monday. The envoy arrived on Monday."
    dates = _run(nlp, text, "2025-06-11", [_event(text, "resume talks in Oslo", "hypothetical"),
                                           _event(text, "The envoy arrived")])
    assert [d.value for d in dates] == ["2025-06-16", "2025-06-09"]


def test_dated_subject_dates_its_clause(nlp):
    text = "Thursday's talks in Doha ended without a deal."
    dates = _run(nlp, text, "2025-06-11", [_event(text, "talks in Doha ended without a deal")])
    assert dates[0].value == "2025-06-05"


def test_holidays_and_deadlines():
    assert _r("on Christmas Eve", anchor="2025-01-03") == ("2024-12-24", None)
    assert _r("by Christmas", anchor="2025-06-03", tense="future") == ("2025-12-25", None)
    assert _r("New Year's Day 2031", anchor=None) == ("2031-01-01", None)
    assert [t for _, _, t in find_expressions("a rift in May's cabinet in May")] == ["in May"]


def test_numeric_dates_and_non_dates():
    assert _r("2024/06/19", anchor=None) == ("2024-06-19", None)
    assert _r("19.06.2024", anchor=None) == ("2024-06-19", None)
    for text in ["at 10:30", "the 5th", "5 p.m.", "12345", "1,999 votes"]:
        assert resolve_expression(text, ANCHOR) is None, text


def test_full_month_name_does_not_swallow_the_full_stop():
    text = "The vote is on 16 March. Results follow on Sept. 30."
    assert [t for _, _, t in find_expressions(text)] == ["on 16 March", "on Sept. 30"]


def test_date_of_a_noun_in_a_participle_clause_stays_there(nlp):
    text = "Looking ahead to its results for the year to March 2025, the airline warned of losses."
    dates = _run(nlp, text, "2025-01-15", [_event(text, "the airline warned of losses")])
    assert dates == [None]


@pytest.mark.parametrize("text,sub,published,status", [
    ("The hearing of the two generals was adjourned until Thursday, the court clerk said.",
     "The hearing of the two generals", "2025-06-02", "future"),
    ("Union leaders and the ministry are set to meet again on 20 June, a spokesman said.",
     "Union leaders and the ministry are set to meet again", "2025-06-02", "future"),
    ("Union leaders and the ministry met on Friday, a spokesman said.",
     "Union leaders and the ministry met", "2025-06-02", "asserted"),
])
def test_an_asserted_event_dated_after_writing_is_future(nlp, text, sub, published, status):
    ev = _event(text, sub)
    dates = _run(nlp, text, published, [ev])
    assert dates[0] is not None
    assert ev.status == status


@pytest.mark.parametrize("url,value", [
    ("https://news.example.org/world/2019-11-04/floods-hit-coast", "2019-11-04"),
    ("http://paper.example.com/2011/03/09/strike-called-off.html", "2011-03-09"),
    ("https://www.example.co.uk/world/2007/oct/02/talks", "2007-10-02"),
    ("http://blog.example.net/2009/04/no-day-given.htm", None),
])
def test_url_dates(url, value):
    from dateline.when.attach import url_date

    got = url_date(url)
    assert (got.isoformat() if got else None) == value


def test_the_address_date_anchors_without_publication_date(nlp):
    text = "Riot police cleared the square on Saturday, witnesses said."
    art = Article(id="t", input="t", text=text, url="https://x.example/2025/06/29/square",
                  events=[_event(text, "Riot police cleared the square")])
    resolve_dates(Doc(article=art, spacy=nlp(text)))
    assert art.events[0].date.value == "2025-06-28"
