"""Grouping documents that report the same event into stories."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.models import Document


def group_stories(documents: Sequence[Document]) -> list[list[Document]]:
    """Documents grouped by story, in the order their first document arrived."""
    return [[doc] for doc in documents]


def story_title(documents: Sequence[Document]) -> str:
    """The first document's title, or the start of its text."""
    first = documents[0]
    return first.title or " ".join(first.text.split()[:12])
