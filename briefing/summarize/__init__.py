"""Extractive summaries of one text, or of a story told by several documents."""

from briefing.summarize.api import DEFAULT_METHOD, METHODS, summarize, summarize_story
from briefing.summarize.cluster import group_stories

__all__ = ["DEFAULT_METHOD", "METHODS", "group_stories", "summarize", "summarize_story"]
