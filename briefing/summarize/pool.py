"""What a ranker is given: the sentences to choose from, and what is known about their documents."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from briefing.languages import DEFAULT_LANGUAGE
from briefing.models import Sentence
from briefing.summarize.article import Article, TermArrays
from briefing.summarize.terms import numbered_terms

Picks = list[tuple[int, float]]
"""(sentence index in the pool, score) for every sentence picked."""

_SENTENCE_END = tuple(".!?…:;\"'”’»)")


@dataclass(frozen=True)
class Pool:
    """Sentences of one text or one story, in document order, with the documents' titles.

    ``titles`` maps a document id to its title; a document without one may
    still have a headline line at its top (see :func:`is_headline_like`).
    ``languages`` maps a document id to its language where it is not ``language``;
    ``articles`` a document id to its :class:`Article`, whose terms a ranker takes
    rather than stem the sentences again.
    """

    sentences: Sequence[Sentence]
    language: str = DEFAULT_LANGUAGE
    titles: Mapping[str, str] = field(default_factory=dict)
    languages: Mapping[str, str] = field(default_factory=dict)
    articles: Mapping[str, Article] = field(default_factory=dict)

    def language_of(self, sentence: Sentence) -> str:
        """The language ``sentence`` is written in: its document's."""
        return self.languages.get(sentence.document, self.language)

    def sentence_terms(self, index: int) -> TermArrays:
        """The terms of the sentence at ``index``: its article's, else made here."""
        sentence = self.sentences[index]
        article = self.articles.get(sentence.document)
        if article is not None:
            return article.sentence_terms(sentence.index, sentence.start)
        ids, flags, _ = numbered_terms([sentence.text], self.language_of(sentence))
        return ids, flags

    def title_terms(self, document: str, title: str) -> TermArrays:
        """The terms of ``title``, a title of ``document``: its article's when that is its title."""
        article = self.articles.get(document)
        if article is not None and article.document.title == title:
            return article.title_terms()
        ids, flags, _ = numbered_terms([title], self.languages.get(document, self.language))
        return ids, flags


Method = Callable[[Pool, int], Picks]
"""A ranker: picks ``k`` sentences of a pool and says how strongly it wanted each."""


def is_headline_like(sentence: Sentence) -> bool:
    """A line with no sentence-ending mark: a headline, caption or byline, not a sentence of prose."""
    return not sentence.text.rstrip().endswith(_SENTENCE_END)
