"""How many sentences a summary may have, from sentences, words or a ratio."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.errors import ConfigError
from briefing.models import Sentence

DEFAULT_SENTENCES = 5


def summary_size(
    sentences: Sequence[Sentence],
    *,
    count: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
) -> int:
    """Number of sentences to pick; at most one of ``count``, ``words``, ``ratio`` may be set."""
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
    return min(DEFAULT_SENTENCES, len(sentences))
