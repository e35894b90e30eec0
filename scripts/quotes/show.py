"""Print the quotes found in a text file (quote stage only: actors if present, then quotes)."""
import sys

from dateline.evaluation.quotes import quotes_for_text

text = open(sys.argv[1], encoding="utf-8").read()
for q in quotes_for_text(text)[0]:
    who = q.speaker.name if q.speaker else None
    country = q.speaker.country if q.speaker else None
    print(q.id, q.kind, who, country, "|", q.cue.text if q.cue else None, "|", q.text[:130].replace("\n", " / "))
