"""Actor resolution: who can act in the article, resolved to country and sector."""
from __future__ import annotations


def resolve_actors(doc) -> None:
    """Fill `doc.article.actors` (placeholder until the actor stage lands: finds nothing)."""
    doc.article.actors = []
