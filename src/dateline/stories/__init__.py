"""Stories: near-duplicate articles and articles about the same development, grouped
incrementally as they are stored; each story has a title and summary taken from its articles,
its sources, key actors, deduplicated events and quotes.

    from dateline.stories import update_stories
    update_stories(store)      # place every article not yet in a story
"""
from .update import Params, UpdateStats, update_stories

__all__ = ["Params", "UpdateStats", "update_stories"]
