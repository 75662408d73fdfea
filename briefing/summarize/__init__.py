"""Extractive summaries of one text, or of a story told by several documents.

Nothing heavy is imported here: numpy, scipy, the stemmer and sumy load when a
summary is first asked for, so that ``briefing --help`` stays quick.
"""

from briefing.summarize.api import DEFAULT_METHOD, summarize, summarize_story
from briefing.summarize.cluster import group_stories
from briefing.summarize.headline import story_headline, story_title
from briefing.summarize.methods import METHODS

__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "group_stories",
    "story_headline",
    "story_title",
    "summarize",
    "summarize_story",
]
