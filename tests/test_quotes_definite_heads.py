"""A definite description ('the ambulance service said') refers back to an earlier speaker only
when that speaker's words share its head noun, or when it is a class noun for any organisation
('the agency', data/quotes/generic_org_nouns.tsv); otherwise it names a new speaker. A document
'from' an unnamed office ('a statement from the governor's office') is that office's. Inputs
written for these tests."""
from __future__ import annotations

from quotes_fixture import quote_with, run_quotes, speaker


def _who(text, words):
    return (speaker(quote_with(run_quotes(text), words)) or "").lower()


def test_another_service_is_a_new_speaker(nlp):
    text = ("The coastguard said two fishermen were missing after the trawler sank off the headland. "
            "\"We are searching the whole bay,\" the coastguard said.\n\n"
            "The ambulance service said three people had been taken to hospital with hypothermia.")
    assert "ambulance" in _who(text, "taken to hospital")
    assert "coastguard" in _who(text, "searching the whole bay")


def test_another_authority_is_a_new_speaker(nlp):
    text = ("The navy said a patrol boat had intercepted the smugglers near the reef.\n\n"
            "The port authority said the harbour would reopen to ferries on Thursday.")
    assert "port authority" in _who(text, "harbour would reopen")


def test_same_head_still_refers_back(nlp):
    text = ("Kenya's health ministry said 12 new cases had been confirmed in Mombasa.\n\n"
            "The ministry said the clinics in the port would stay open over the weekend.")
    assert "ministry" in _who(text, "clinics in the port")


def test_a_statement_from_an_unnamed_office(nlp):
    text = ("The mayor said the festival would go ahead despite the rain.\n\n"
            "Residents were told to stay indoors, according to a statement from the governor's office.")
    assert "governor" in _who(text, "stay indoors")


def test_an_office_is_named_by_its_titled_holder(nlp):
    text = ("Kenyan President William Ruto opened the new container terminal in Lamu on Monday.\n\n"
            "Port fees would be waived for a year, according to a statement from the president's office.")
    assert "ruto" in _who(text, "Port fees would be waived")
    text = ("Governor Maria Santos toured the flooded districts by boat on Saturday. The governor's "
            "office said 300 homes had been damaged along the river.")
    assert "santos" in _who(text, "300 homes had been damaged")


def test_a_former_holder_does_not_name_the_office(nlp):
    text = ("Former president Jorge Almeida criticised the budget in a radio interview.\n\n"
            "The president's office said the budget would be debated in parliament next week.")
    assert "almeida" not in _who(text, "budget would be debated")
