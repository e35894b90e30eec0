"""Quotations and their speakers."""
from __future__ import annotations


def find_quotes(doc) -> None:
    """Fill `doc.article.quotes` (placeholder until the quote stage lands: finds nothing)."""
    doc.article.quotes = []
