"""A wire slug on the feed's headline ("UPDATE 1-", "REFILE-") is not part of the headline the
page repeats: a slugged title keeps and drops the same lines as the bare one, so the repeated
headline goes and the deck under it is judged as it would be (inputs written for this test,
not from the dev set)."""
from __future__ import annotations

import pytest

from dateline.clean import to_article
from dateline.ingest.record import Record

PAGES = [
    ("Chile and Peru reopen the Tacna border crossing",
     "Reopening comes nine days into a blockade of the crossing by lorry drivers over new "
     "customs fees charged by both countries",
     "Chile and Peru reopened the Tacna-Arica border crossing on Thursday, the two "
     "governments said in a joint statement, after lorry drivers lifted their blockade.",
     "Customs officers on both sides worked through the night to clear more than 600 "
     "trucks that had queued along the Pan-American Highway since last week."),
    ("Fiji and Tonga sign a fisheries patrol pact",
     "Deal lets each navy board foreign vessels in the other's waters during the tuna season, "
     "officials in Suva and Nuku'alofa say",
     "Fiji and Tonga signed an agreement on Monday allowing their patrol boats to board "
     "fishing vessels in each other's waters, the Fijian foreign ministry announced.",
     "Officials said illegal tuna fishing costs the two island states millions of dollars "
     "a year and that the patrols would begin before the season opens in May."),
]


@pytest.mark.parametrize("slug", ["UPDATE 2-", "REFILE-", "CORRECTED-"])
@pytest.mark.parametrize("headline, deck, first, second", PAGES)
def test_slugged_title_keeps_what_the_bare_title_keeps(slug, headline, deck, first, second):
    text = "\n\n".join([headline, deck, first, second, "Share this story"])
    bare = to_article(Record(input="x", content=text, title=headline))
    slugged = to_article(Record(input="x", content=text, title=slug + headline))
    assert slugged.text == bare.text
    assert headline not in slugged.text and first in slugged.text and second in slugged.text
