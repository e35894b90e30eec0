"""What a reader hands to the pipeline: one raw article, not yet cleaned."""
from __future__ import annotations

from dataclasses import dataclass
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


class InputError(Exception):
    """Bad input: reported as one line naming the input, never as a traceback."""

    def __init__(self, input_name: str, reason: str):
        reason = " ".join(str(reason).split()) or "unreadable input"
        super().__init__(f"{input_name}: {reason}")
        self.input_name = input_name
        self.reason = reason

    def __reduce__(self):  # picklable, so worker processes can hand errors back
        return (InputError, (self.input_name, self.reason))
