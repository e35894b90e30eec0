"""Dates for events: tag time expressions, resolve them against the publication date, and give
each event the expression that governs it.

Public: `resolve_dates(doc)` (the pipeline component), `resolve_expression(text, anchor, tense)`
and `find_expressions(text)`.
"""
from .attach import resolve_dates
from .resolve import resolve_expression
from .tagger import find_expressions

__all__ = ["resolve_dates", "resolve_expression", "find_expressions"]
