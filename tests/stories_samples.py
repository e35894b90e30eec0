"""Small articles written for the story tests (invented events, own wording): two outlets
reporting one development in different words, a look-alike (same actors, another development
two weeks later) and an unrelated report."""
from __future__ import annotations

BUDGET_A = dict(
    url="https://news-a.example/ghana-budget-fuel-levy", published="2025-03-04",
    title="Ghana parliament passes 2025 budget with new fuel levy",
    text="""Ghana's parliament on Tuesday approved the 2025 budget presented by Finance Minister Cassiel Ato Forson, including a new levy of one cedi on every litre of fuel.

The opposition New Patriotic Party walked out of the chamber before the vote, saying the fuel levy would punish commuters and traders already hit by inflation.

Ato Forson told lawmakers the levy would raise about 5 billion cedis a year to pay arrears owed to power producers and keep the country's IMF programme on track.

The budget also cuts the number of ministries from 30 to 23, which the government says will save 400 million cedis.""")

BUDGET_B = dict(
    url="https://daily-b.example/2025/03/05/accra-lawmakers-back-spending-plan",
    published="2025-03-05",
    title="Lawmakers back Ato Forson's spending plan despite walkout",
    text="""Lawmakers in Accra voted through the government's 2025 budget late on Tuesday after opposition members of the New Patriotic Party left the chamber in protest.

The plan, presented by Finance Minister Cassiel Ato Forson, adds a one cedi levy to each litre of fuel sold in Ghana, which the ministry expects to bring in roughly 5 billion cedis annually.

The money will settle debts owed to independent power producers, Ato Forson said, adding that the measures were needed to stay on course with the IMF programme.

Opposition lawmakers said the fuel levy would hurt traders and commuters struggling with inflation.""")

LOOKALIKE = dict(
    url="https://news-c.example/ghana-suspends-fuel-levy", published="2025-03-19",
    title="Ghana suspends fuel levy after week of protests",
    text="""Ghana's government on Wednesday suspended the one cedi fuel levy approved in the 2025 budget, after a week of protests by transport unions that shut bus stations in Accra and Kumasi.

Finance Minister Cassiel Ato Forson said the levy would be reviewed with the unions and that the ministry would find other revenue to pay power producers.

The opposition New Patriotic Party, which walked out of the budget vote this month, called the suspension a victory for commuters.""")

UNRELATED = dict(
    url="https://news-a.example/kenya-rate-cut", published="2025-03-04",
    title="Kenya's central bank cuts benchmark rate to 10.75%",
    text="""The Central Bank of Kenya on Tuesday cut its benchmark lending rate by 50 basis points to 10.75%, its fourth cut in a row, as inflation eased to 3.5% in February.

Governor Kamau Thugge said the monetary policy committee wanted banks to lower the cost of credit to businesses, which has stayed high despite earlier cuts.

Private sector lending grew by only 1.3% in the year to February, the bank said.""")

ALL = [BUDGET_A, BUDGET_B, LOOKALIKE, UNRELATED]


def write_jsonl(path, items=ALL) -> None:
    import json

    with open(path, "w", encoding="utf-8") as fh:
        for d in items:
            fh.write(json.dumps(d) + "\n")

CLASHES = dict(
    url="https://wire-d.example/ethiopia-gondar-clashes", published="2025-04-08",
    title="Ethiopian army attacks rebel positions near Gondar",
    text="""Ethiopian troops attacked rebel positions near Gondar on Monday, killing at least 12 fighters, the army said in a statement.

The Amhara regional government accused the rebels of blocking aid convoys on the main road to Sudan.

Sudan called for an immediate ceasefire and offered to host talks between the two sides in Khartoum.

The United Nations said it had sent food aid to about 20,000 people displaced by the fighting.""")
