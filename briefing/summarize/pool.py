"""What a ranker is given: the sentences to choose from, and what is known about their documents."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from briefing.languages import DEFAULT_LANGUAGE
from briefing.models import Sentence

Picks = list[tuple[int, float]]
"""(sentence index in the pool, score) for every sentence picked."""

_SENTENCE_END = tuple(".!?…:;\"'”’»)")


@dataclass(frozen=True)
class Pool:
    """Sentences of one text or one story, in document order, with the documents' titles.

    ``titles`` maps a document id to its title; a document without one may
    still have a headline line at its top (see :func:`is_headline_like`).
    ``languages`` maps a document id to its language where it is not ``language``.
    """

    sentences: Sequence[Sentence]
    language: str = DEFAULT_LANGUAGE
    titles: Mapping[str, str] = field(default_factory=dict)
    languages: Mapping[str, str] = field(default_factory=dict)

    def language_of(self, sentence: Sentence) -> str:
        """The language ``sentence`` is written in: its document's."""
        return self.languages.get(sentence.document, self.language)


Method = Callable[[Pool, int], Picks]
"""A ranker: picks ``k`` sentences of a pool and says how strongly it wanted each."""


def is_headline_like(sentence: Sentence) -> bool:
    """A line with no sentence-ending mark: a headline, caption or byline, not a sentence of prose."""
    return not sentence.text.rstrip().endswith(_SENTENCE_END)
