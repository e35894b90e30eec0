"""A paragraph next to a line a furniture rule drops ("Related Topics", "Share this article",
"Click here to subscribe") is judged as if that line were not there: a share bar inserted after
the lead (as syndicated copies do) does not make the lead read as furniture. Inputs written for
this test, not from the dev set."""
from __future__ import annotations

import pytest

from dateline.clean import clean_text

PAGES = [
    ["Mozambique frees detained fishermen",
     "Mozambique has released 14 Tanzanian fishermen who were detained off Cabo Delgado three "
     "weeks ago, the Tanzanian foreign ministry said on Wednesday.",
     "The men had been held at the port of Pemba after their boat strayed into Mozambican "
     "waters during a storm, according to a statement from Dar es Salaam.",
     "Officials in Maputo said the crew would be flown home on Friday and that their boat had "
     "been returned to the owners after an inspection found no illegal catch.",
     "A ministry spokesperson said the two governments would set up a joint hotline for "
     "fishing incidents before the end of the year."],
    ["Peru and Ecuador reopen river trade",
     "Peru and Ecuador reopened river trade on the Napo on Monday after a two-month closure "
     "that left hundreds of traders stranded, port officials in Iquitos said.",
     "The closure followed a dispute over new customs checks that both sides have now agreed "
     "to carry out jointly at a single post near the border.",
     "Barges carrying rice, fuel and medicine were the first to cross, and traders said they "
     "expected prices in the riverside towns to fall within days.",
     "The two foreign ministers are due to meet in Quito next month to sign the customs deal."],
]


@pytest.mark.parametrize("furniture", ["Related Topics", "Click here to subscribe"])
@pytest.mark.parametrize("header", [["Home | World | Africa", "By Staff Reporter"],
                                    ["2 min read", "18 May, 2016"]])
@pytest.mark.parametrize("page", PAGES)
def test_a_lead_followed_by_inserted_furniture_is_kept(page, header, furniture):
    title, lead, *rest = page
    text = "\n\n".join(header + [title, lead, furniture, *rest, "Advertisement"])
    body = clean_text(text, title=title).body
    assert body.split("\n\n")[0] == lead
    assert furniture not in body and "Advertisement" not in body and header[0] not in body
    assert all(p in body for p in rest)
