"""Documents and data speak for whoever issued them, and a definite noun finds its antecedent by
head word (issue 8: documents and studies as sources). Inputs written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


def test_statement_released_by_names_its_issuer(nlp):
    text = ("Norway signed a fishing deal with Iceland on Monday. \u201cThe quotas will be reviewed "
            "every two years,\u201d a statement released by the Icelandic fisheries ministry said.")
    q = quote_with(run_quotes(text), "quotas will be reviewed")
    assert "ministry" in (speaker(q) or "").lower()


def test_figures_published_by_name_their_publisher(nlp):
    text = ("Officials counted ballots late into the night. According to preliminary figures "
            "published by the election board, the ruling party won 54 seats.")
    q = quote_with(run_quotes(text), "ruling party won 54 seats")
    assert "election board" in (speaker(q) or "").lower()


def test_compound_issuer_of_a_statement(nlp):
    text = ("The Saudi-led coalition denied the report on Tuesday. Reuters could not verify the "
            "footage. The coalition statement said the vehicle had carried armed fighters.")
    q = quote_with(run_quotes(text), "vehicle had carried armed fighters")
    assert speaker(q) == "Saudi-led coalition"


def test_bare_common_noun_issuer_reads_as_definite(nlp):
    text = ("Nepal's royalist government imposed a curfew on the capital. \u201cResidents must stay "
            "indoors after dark,\u201d a government statement said.")
    q = quote_with(run_quotes(text), "Residents must stay indoors")
    assert "government" in (speaker(q) or "") and "Nepal" in speaker(q)


def test_names_inside_the_content_are_not_the_role_nouns_holder(nlp):
    text = ("The Red Cross said its convoy reached the town on Sunday. Two of its drivers, Omar "
            "Haddad and Lena Fischer, were injured, according to the aid group.")
    q = quote_with(run_quotes(text), "drivers, Omar Haddad")
    assert speaker(q) not in ("Lena Fischer", "Omar Haddad")
    assert "Red Cross" in (speaker(q) or "")
