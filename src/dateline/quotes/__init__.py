"""Quotations and their speakers: direct, partial and indirect (reported) speech.

Two passes meet here: quotation marks (`marks`) and reporting cues in the parse (`reported`).
A marked quote takes its speaker from a cue in its sentence, a colon-ending lead-in, its
continuation group or the neighbouring sentence; a short marked phrase with no cue near is a
scare quote and is not speech. A reported clause mostly made of quoted words yields those words
as partial quotes; otherwise the clause itself is the (indirect) quote. A relayed attribution
('X said Y, according to Z') is X's quotation (`relay`).
"""
from __future__ import annotations

from .assemble import find_quotes, prepare_quotes

__all__ = ["find_quotes", "prepare_quotes"]
