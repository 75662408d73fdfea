"""The two summary entry points: one text, or one story of several documents."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from briefing.errors import ConfigError
from briefing.languages import DEFAULT_LANGUAGE, known_language
from briefing.models import Document, Sentence, SummarySentence
from briefing.options import SummaryOptions
from briefing.summarize.length import summary_size
from briefing.summarize.methods import METHODS
from briefing.summarize.pool import Method, Pool
from briefing.text import check_language, dateline_end, split_sentences

DEFAULT_METHOD: str = SummaryOptions.method


def method_named(name: str | None) -> Method:
    """The ranker called ``name`` (``None``: the default), or a ConfigError listing the choices."""
    key = (name or DEFAULT_METHOD).strip().lower()
    if key not in METHODS:
        raise ConfigError(f"unknown summary method {name!r}; choose one of: {', '.join(sorted(METHODS))}")
    return METHODS[key]


def summary_sentences(text: str, document: str = "", language: str = DEFAULT_LANGUAGE) -> list[Sentence]:
    """The sentences of ``text`` a summary chooses from: a wire dateline ("LONDON (AP) _") is left
    off the sentence it opens (a report's first, or its second after a headline line), so that
    a summary spends no words on it; offsets still point into ``text``."""
    found = split_sentences(text, document, language)
    for index in range(min(2, len(found))):
        if skip := dateline_end(found[index].text):
            found[index] = replace(found[index], start=found[index].start + skip, text=found[index].text[skip:])
    return found


def _summary(pool: Pool, rank: Method, size: int) -> list[SummarySentence]:
    """The ranker's picks as summary sentences, in reading order.

    One document's summary keeps its text order. A story's leads with what the
    ranker valued most, so that a reader (or a word budget) that stops early
    keeps the most important; picks that follow each other in one document
    stay together, in text order, where the first of them ranks.
    """
    if not pool.sentences:
        return []
    picks = rank(pool, size)
    if len({pool.sentences[index].document for index, _ in picks}) <= 1:
        picks = sorted(picks)
    else:
        picks = _runs_together(pool.sentences, picks)
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


def _runs_together(sentences: Sequence[Sentence], picks: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """``picks`` in their order, each run of neighbouring sentences of one document moved to where its
    best-ranked member stands."""
    chosen = {index for index, _ in picks}
    rank_of = {index: position for position, (index, _) in enumerate(picks)}
    runs: list[list[tuple[int, float]]] = []
    for index, score in sorted(picks):
        continues = index - 1 in chosen and sentences[index - 1].document == sentences[index].document
        if continues:
            runs[-1].append((index, score))
        else:
            runs.append([(index, score)])
    runs.sort(key=lambda run: min(rank_of[index] for index, _ in run))
    return [pick for run in runs for pick in run]


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
    found = summary_sentences(text, language=language)
    size = summary_size(found, count=sentences, words=words, ratio=ratio)
    return _summary(Pool(found, language), rank, size)


def summarize_story(documents: Sequence[Document], options: SummaryOptions | None = None) -> list[SummarySentence]:
    """One summary for documents that tell the same story, each sentence citing its document.

    Each document is read in its own language; ``options.language`` stands in
    for one that names none, or one this package has no sentence model, stop
    words or stemmer for.
    """
    options = options or SummaryOptions()
    rank = method_named(options.method)
    languages = {doc.id: known_language(doc.language, options.language) for doc in documents}
    pooled = [s for doc in documents for s in summary_sentences(doc.prose, doc.id, languages[doc.id])]
    size = summary_size(pooled, count=options.sentences, documents=len(documents))
    titles = {doc.id: doc.title for doc in documents if doc.title}
    pool = Pool(pooled, story_language(documents, options.language), titles, languages)
    return _summary(pool, rank, size)


def story_language(documents: Sequence[Document], default: str = DEFAULT_LANGUAGE) -> str:
    """The language most of a story's documents are in (the first one's on a tie): the one its words are weighed in."""
    counts = Counter(known_language(doc.language, default) for doc in documents)
    return max(counts, key=counts.__getitem__, default=default)
