"""A paragraph break is a sentence break: `paragraph_breaks` marks the first token after a
line break as a sentence start, before the parser runs (spaCy's parser keeps preset sentence
starts; spaCy docs, "Sentence Segmentation": custom boundaries set before the parser).

Cleaned article text holds one paragraph per line (clean.filter_lines joins paragraphs with a
blank line and undoes hard wraps), so a line break never falls inside a sentence. Without the
mark the parser sometimes runs a sentence across paragraphs (a subhead or a headline-like deck
with no full stop, a quotation ending in a closing quote mark), and the joined "sentence" is
parsed differently from its parts: an event found in one copy of a report went missing in
another whose only difference was a paragraph moved or a word swapped elsewhere.
"""
from __future__ import annotations

from spacy.language import Language

NAME = "dateline_paragraph_breaks"


@Language.component(NAME)
def paragraph_breaks(doc):
    """Set `is_sent_start` on each non-space token that follows a whitespace token holding a
    line break; returns the same Doc."""
    after_break = False
    for tok in doc:
        if tok.is_space:
            after_break = after_break or "\n" in tok.text
            continue
        if after_break and tok.i > 0:
            tok.is_sent_start = True
        after_break = False
    return doc


def add(nlp):
    """Insert the component before the parser (once); returns `nlp`."""
    if NAME not in nlp.component_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
    return nlp
