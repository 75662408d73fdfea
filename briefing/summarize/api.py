"""The two summary entry points: one text, or one story of several documents."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from briefing.errors import ConfigError
from briefing.languages import DEFAULT_LANGUAGE
from briefing.models import Document, Sentence, SummarySentence
from briefing.options import SummaryOptions
from briefing.summarize.length import summary_size
from briefing.summarize.methods import METHODS
from briefing.summarize.pool import Method, Pool
from briefing.text import check_language, split_sentences

DEFAULT_METHOD: str = SummaryOptions.method


def method_named(name: str | None) -> Method:
    """The ranker called ``name`` (``None``: the default), or a ConfigError listing the choices."""
    key = (name or DEFAULT_METHOD).strip().lower()
    if key not in METHODS:
        raise ConfigError(f"unknown summary method {name!r}; choose one of: {', '.join(sorted(METHODS))}")
    return METHODS[key]


def _summary(pool: Pool, rank: Method, size: int) -> list[SummarySentence]:
    """The ranker's picks as summary sentences: by position in their document, then by document.

    For one text that is text order; for a story it puts the documents' leads
    first and their details after, which reads like one report.
    """
    if not pool.sentences:
        return []
    document_order = {doc: n for n, doc in enumerate(dict.fromkeys(s.document for s in pool.sentences))}
    picks = sorted(
        rank(pool, size),
        key=lambda pick: (pool.sentences[pick[0]].index, document_order[pool.sentences[pick[0]].document]),
    )
    return [
        SummarySentence(
            text=pool.sentences[index].text,
            start=pool.sentences[index].start,
            end=pool.sentences[index].end,
            score=score,
            document=pool.sentences[index].document or None,
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
    language: str = DEFAULT_LANGUAGE,
) -> list[SummarySentence]:
    """Pick the sentences of ``text`` that best summarise it, in the order they appear.

    ``method`` is a name from :data:`METHODS` (``None``: the default method);
    the length is ``sentences``, ``words`` or ``ratio`` of the text's sentences.
    """
    rank = method_named(method)
    language = check_language(language)
    found: list[Sentence] = split_sentences(text, language=language)
    size = summary_size(found, count=sentences, words=words, ratio=ratio)
    return _summary(Pool(found, language), rank, size)


def summarize_story(documents: Sequence[Document], options: SummaryOptions | None = None) -> list[SummarySentence]:
    """One summary for documents that tell the same story, each sentence citing its document."""
    options = options or SummaryOptions()
    rank = method_named(options.method)
    pooled = [s for doc in documents for s in split_sentences(doc.prose, doc.id, doc.language or options.language)]
    size = summary_size(pooled, count=options.sentences)
    titles = {doc.id: doc.title for doc in documents if doc.title}
    return _summary(Pool(pooled, story_language(documents, options.language), titles), rank, size)


def story_language(documents: Sequence[Document], default: str = DEFAULT_LANGUAGE) -> str:
    """The language most of a story's documents are in (the first one's on a tie): the one its words are weighed in."""
    counts = Counter(doc.language or default for doc in documents)
    return max(counts, key=counts.__getitem__, default=default)
