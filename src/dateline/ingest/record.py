"""What a reader hands to the pipeline: one raw article, not yet cleaned."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional


@dataclass
class Record:
    """One raw article as read from an input.

    `content` is either plain text or HTML (`is_html`). Metadata given by the input itself
    (a JSON Lines field, a feed item, a command-line flag) wins over what the cleaner can infer
    from the content. `fallback_published` (a WARC-Date, a crawl time) is used only when neither
    the input nor the content gives a date: it says when the page was seen, not written.
    """
    input: str
    content: str
    is_html: bool = False
    url: Optional[str] = None
    published: Optional[str] = None
    title: Optional[str] = None
    fallback_published: Optional[str] = None
    warnings: list = field(default_factory=list)  # what the reader had to do (e.g. cut at a size cap)


def _printable(name: str) -> str:
    """A file name with control characters escaped, so the error stays on one line."""
    return re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", lambda m: repr(m.group(0))[1:-1], name)


class InputError(Exception):
    """Bad input: reported as one line naming the input, never as a traceback."""

    def __init__(self, input_name: str, reason: str):
        reason = " ".join(str(reason).split()) or "unreadable input"
        super().__init__(f"{_printable(input_name)}: {reason}")
        self.input_name = input_name
        self.reason = reason

    def __reduce__(self):  # picklable, so worker processes can hand errors back
        return (InputError, (self.input_name, self.reason))
