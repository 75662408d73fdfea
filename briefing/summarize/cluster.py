"""Grouping documents that report the same event into stories."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.models import Document


def group_stories(documents: Sequence[Document]) -> list[list[Document]]:
    """Documents grouped by story, in the order their first document arrived."""
    return [[doc] for doc in documents]
