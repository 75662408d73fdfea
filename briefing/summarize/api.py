"""The two summary entry points: one text, or one story of several documents."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.errors import ConfigError
from briefing.models import Document, Sentence, SummarySentence
from briefing.summarize.length import summary_size
from briefing.summarize.methods import METHODS, Method
from briefing.text import check_language, split_sentences

DEFAULT_METHOD = "lead"


def _method(name: str | None) -> Method:
    key = (name or DEFAULT_METHOD).lower()
    if key not in METHODS:
        raise ConfigError(f"unknown summary method {name!r}; choose one of: {', '.join(sorted(METHODS))}")
    return METHODS[key]


def _pick(
    sentences: Sequence[Sentence],
    method: str | None,
    count: int | None,
    words: int | None,
    ratio: float | None,
    language: str,
) -> list[SummarySentence]:
    rank = _method(method)
    language = check_language(language)
    if not sentences:
        return []
    size = summary_size(sentences, count=count, words=words, ratio=ratio)
    picks = sorted(rank(sentences, size, language))
    return [
        SummarySentence(
            text=sentences[index].text,
            start=sentences[index].start,
            end=sentences[index].end,
            score=score,
            document=sentences[index].document or None,
        )
        for index, score in picks
    ]


def summarize(
    text: str,
    *,
    method: str | None = None,
    sentences: int | None = None,
    words: int | None = None,
    ratio: float | None = None,
    language: str = "english",
) -> list[SummarySentence]:
    """Pick the sentences of ``text`` that best summarise it, in the order they appear.

    ``method`` is a name from :data:`METHODS` (``None``: the default method);
    the length is ``sentences``, ``words`` or ``ratio`` of the text's sentences.
    """
    return _pick(split_sentences(text, language=language), method, sentences, words, ratio, language)


def summarize_story(
    documents: Sequence[Document],
    *,
    method: str | None = None,
    sentences: int | None = None,
    language: str = "english",
) -> list[SummarySentence]:
    """One summary for documents that tell the same story, each sentence citing its document."""
    pooled = [s for doc in documents for s in split_sentences(doc.text, doc.id, language)]
    return _pick(pooled, method, sentences, None, None, language)
