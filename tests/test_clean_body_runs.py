"""Article text is one run (issue 9, round 6: copies lost body lines in cleaning, so their events
went missing from the story). Kinds: a short sentence or a list item next to an inserted ad or
share line ("Advertisement", "Share this article"), and a paragraph cut off mid-sentence (text
cut at a length limit, a paragraph broken by an inserted element), inside the run or at its end
before a footer. Two inputs of each kind, written for these tests; the model is the committed
one (data/clean/line_model.json)."""
from __future__ import annotations

import re

import pytest

from dateline.clean import clean_text
from dateline.clean.lines import cut_off

HARBOUR = [
    "The harbour board voted on Monday to close the old fish market and move traders to a new "
    "hall on the eastern quay, ending a dispute that had lasted almost three years.",
    "Traders had opposed the move, saying the new site was too far from the town centre and "
    "that rents there would be twice as high as in the old market.",
    "The board said the old building no longer met hygiene rules and would cost more to repair "
    "than to replace, according to a report by the port's engineers.",
    "The new hall is due to open in September, and the board has promised reduced rents for the "
    "first two years to traders who move before the summer.",
]
SCHOOLS = [
    "Teachers in the northern province began a three-day strike on Wednesday over pay and "
    "class sizes, closing more than four hundred schools, the regional education office said.",
    "The teachers' union said its members had not received the rise promised in last year's "
    "agreement, and that some classes now had more than fifty pupils.",
    "Parents' groups said they supported the teachers but asked both sides to return to talks "
    "before the end-of-year examinations next month.",
    "The provincial governor said he would meet union leaders on Friday, and that the money for "
    "the rise had been set aside in the budget.",
]


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _kept(text: str, line: str) -> bool:
    cleaned = clean_text(text)
    body = " " + _norm(cleaned.body + " " + (cleaned.dateline.text if cleaned.dateline else ""))
    return f" {_norm(line)} " in body + " "


SHORT_AFTER_AD = [
    ("\n\n".join([*HARBOUR[:2], "Advertisement", "The market's manager resigned.", *HARBOUR[2:]]),
     "The market's manager resigned."),
    ("\n\n".join([*SCHOOLS[:3], "ADVERTISEMENT", "Talks collapsed on Tuesday.", SCHOOLS[3]]),
     "Talks collapsed on Tuesday."),
]


@pytest.mark.parametrize("text,line", SHORT_AFTER_AD)
def test_short_sentence_after_an_inserted_ad_is_kept(text, line):
    assert _kept(text, line)


LIST_WITH_SHARE_LINE = [
    (HARBOUR[0] + "\nThe board's decision includes these measures:\n"
     "Traders to move to the eastern quay by the end of August\n"
     "Rents in the new hall halved for two years\n"
     "Share this article\n"
     "Parking for delivery vans next to the hall\n"
     "A review of the move after one year\n" + "\n".join(HARBOUR[1:]),
     ["Rents in the new hall halved for two years", "Parking for delivery vans next to the hall"]),
    (SCHOOLS[0] + "\nThe union's main demands are:\n"
     "A pay rise of eight percent backdated to January\n"
     "No class larger than forty pupils\n"
     "Share on Facebook Share on Twitter Email\n"
     "Extra staff for schools in remote districts\n"
     "A new agreement before the next school year\n" + "\n".join(SCHOOLS[1:]),
     ["No class larger than forty pupils", "Extra staff for schools in remote districts"]),
]


@pytest.mark.parametrize("text,lines", LIST_WITH_SHARE_LINE)
def test_list_items_around_a_share_line_are_kept(text, lines):
    for line in lines:
        assert _kept(text, line), line


CUT_OFF = [
    # inside the run: a paragraph that stops on "the" between two whole ones
    ("\n\n".join([HARBOUR[0], HARBOUR[1], "Board members said the decision had been taken "
                  "after the engineers warned that the roof of the", HARBOUR[2], HARBOUR[3]]),
     "Board members said the decision had been taken after the engineers warned that the roof of"
     " the"),
    # at the end, before a footer: text cut at a length limit
    ("\n\n".join([*SCHOOLS, "Union leaders said the strike would be extended to the southern "
                  "provinces if the governor did not agree to a", "Most Read"]),
     "Union leaders said the strike would be extended to the southern provinces if the governor "
     "did not agree to a"),
]


@pytest.mark.parametrize("text,line", CUT_OFF)
def test_paragraph_cut_off_mid_sentence_is_kept(text, line):
    assert _kept(text, line)


def test_cut_off_marks_prose_that_stops_on_an_open_word():
    assert cut_off("Officials said the talks would resume after the")
    assert cut_off("Talks to resume in Geneva after a")
    assert not cut_off("Talks to resume in Geneva")
    assert not cut_off("Talks will resume in Geneva on Monday.")
    assert not cut_off("Police in the state of")  # five words: too short to tell
    assert not cut_off("Schools to reopen on Monday in the capital OF")  # case as written



def test_only_inserted_furniture_is_taken_out_of_the_article():
    """Ads and share bars sit between paragraphs; labels such as "Latest News" open a block of
    furniture of their own and stay on the page for the model (data/clean/furniture.tsv
    `inserted`)."""
    from dateline.clean import inserted_furniture

    for line in ("Advertisement", "Share this article", "Share on Facebook Share on Twitter Email",
                 "Sign up for our daily newsletter"):
        assert inserted_furniture(line), line
    for line in ("Latest News", "Related Topics", "Most Read", "Read more: latest headlines",
                 "The advertisement campaign cost the party two million pounds."):
        assert not inserted_furniture(line), line


# a syndicated copy: the feed's own headline is given, the page still shows the original one
# (with its deck below it)
RETITLED = [
    ("Harbour traders to move east",
     "\n\n".join(["Fish market to close as harbour board backs new hall",
                  "Decision ends a three-year dispute with traders over rents and access to the quay, "
                  "which the board says it will now improve",
                  *HARBOUR]),
     "Fish market to close as harbour board backs new hall",
     "Decision ends a three-year dispute with traders over rents and access to the quay, "
                  "which the board says it will now improve"),
    ("UPDATE 2-Teachers strike over pay, class sizes closes 400 schools",
     "\n\n".join(["Teachers strike over pay and class sizes",
                  "Union says members were never paid the rise promised in last year's deal and "
                  "that classes have grown past fifty pupils",
                  *SCHOOLS]),
     "Teachers strike over pay and class sizes",
     "Union says members were never paid the rise promised in last year's deal and "
     "that classes have grown past fifty pupils"),
]


@pytest.mark.parametrize("title,text,headline,deck", RETITLED)
def test_page_headline_under_another_title_is_the_title_not_body(title, text, headline, deck):
    """The copy is cleaned as the page would be under its own headline: the headline is not
    body, the deck under it (a standfirst) is, and the given title stays the title."""
    cleaned = clean_text(text, title=title)
    body = " " + _norm(cleaned.body) + " "
    assert cleaned.title == title
    assert f" {_norm(headline)} " not in body
    assert cleaned.body == clean_text(text, title=headline).body
    assert f" {_norm(deck)} " in body


def test_page_headline_must_repeat_the_given_titles_words():
    """The page's headline is only looked for under a title that rewords it: a headline-like
    first line sharing few words with the given title is not taken for it."""
    from dateline.clean import _page_headline

    lines = ["Three-day strike closes four hundred schools in the north", *SCHOOLS]
    assert _page_headline(lines, "UPDATE 1-Strike closes four hundred schools") == 0
    assert _page_headline(lines, "Governor to meet union leaders on Friday") is None


def test_a_summary_broken_over_two_lines_keeps_its_first_line_under_its_title():
    """A feed summary whose first sentence is broken by a newline is not a page with a
    headline: its first line, though it reads like one, stays text."""
    text = ("Two ministers agreed on Monday to reopen talks on the fishing limits around the\n"
            "Tern Islands, their offices said in a joint statement.")
    cleaned = clean_text(text, title="Ministers agree to reopen talks on Tern Islands fishing")
    assert "Two ministers agreed on Monday" in cleaned.body
