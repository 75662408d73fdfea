"""How many sentences a summary may have, from sentences, words or a ratio."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.errors import ConfigError
from briefing.models import Sentence

DEFAULT_SENTENCES = 5
"""Sentences in a summary of one document when no length is asked for."""
MOST_STORY_SENTENCES = 10
"""Most sentences in a story's summary when no length is asked for."""


def summary_size(
    sentences: Sequence[Sentence],
    *,
    count: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    documents: int = 1,
) -> int:
    """Number of sentences to pick; at most one of ``count``, ``words``, ``ratio`` may be set.

    Without any, a story told by more ``documents`` gets a little more: one
    sentence more each time the number of documents doubles (5 for one, 7 for
    four, 9 for sixteen), up to :data:`MOST_STORY_SENTENCES`, as more outlets
    bring more facts worth telling.
    """
    given = [name for name, value in (("sentences", count), ("words", words), ("ratio", ratio)) if value is not None]
    if len(given) > 1:
        raise ConfigError(f"give only one of sentences, words or ratio (got {', '.join(given)})")
    if count is not None:
        if count < 1:
            raise ConfigError(f"sentences must be at least 1, not {count}")
        return min(count, len(sentences))
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise ConfigError(f"ratio must be in (0, 1], not {ratio}")
        return min(len(sentences), max(1, round(ratio * len(sentences))))
    if words is not None:
        if words < 1:
            raise ConfigError(f"words must be at least 1, not {words}")
        mean = sum(len(s.text.split()) for s in sentences) / max(1, len(sentences))
        return min(len(sentences), max(1, round(words / max(mean, 1.0))))
    grown = DEFAULT_SENTENCES + max(documents, 1).bit_length() - 1
    return min(grown, MOST_STORY_SENTENCES, len(sentences))
