"""Our default ranker: for one document, a lead by position-aware centrality, then a digest by
centrality; for a story of several, the facts its reports share.

News puts what matters first, so the first sentences of a summary are chosen
by *lead score*: directed centrality, as in PacSum (Zheng & Lapata, ACL 2019),
times a prior that falls steeply with the sentence's position in its document,
plus similarity to the document's title. A sentence counts for what later
sentences of its document repeat, and against what it repeats of earlier ones, so a sentence that only restates the
lead scores low. A news lead is about three sentences long; a summary longer
than that continues as a digest of the whole text, chosen by plain centrality
(how much of the text a sentence shares), which favours sentences that carry
substance wherever they stand. Any sentence that says what a chosen one
already said is skipped.

A story told by several documents is summarised by what its reports have in
common, sentence by sentence the one that adds most of the word pairs several
of them use (:mod:`briefing.summarize.coverage`), and it ends when no
sentence left adds a fact rather than repeat one.

Everything is sparse linear algebra over unit tf-idf rows: the directed sums
come from column-wise cumulative sums, so ranking costs time in proportion to
the number of words, never to the square of the number of sentences.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from briefing.models import Sentence
from briefing.summarize import coverage
from briefing.summarize.pool import Picks, Pool, is_headline_like
from briefing.summarize.terms import content_terms, marked_terms, term_matrix
from briefing.text import words

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from scipy.sparse import csr_matrix

LEAD_SENTENCES = 3
"""How many sentences are chosen as the lead before the digest takes over."""
BACKWARD = -1.0
"""Weight of a sentence's similarity to earlier sentences of its own document (PacSum's lambda_1)."""
DECAY = 3.0
"""How fast the lead's position prior falls: the sentence at index i gets (1 + i) ** -DECAY."""
TITLE = 0.5
"""Weight of similarity to the document's title, against centrality scaled to at most 1."""
REDUNDANT = 0.35
"""Cosine similarity above which a sentence says what a chosen one already said."""
_BACK_REFERENCES = {
    "english": frozenset({"he", "she", "they", "it", "his", "her", "their", "its", "this", "these", "those"}),
}
"""Words that, opening a sentence, refer to something the sentence before it named: such a
sentence ("He told analysts…") is picked only after the one before it, or it leaves the reader asking who."""
_QUOTATION = re.compile(r"[“\"‘«„][^“”\"«»„]*[”\"’»]\W*", re.S)
_FIGURE = re.compile(r"\d")
SAME_FIGURES = 2
"""Two sentences that share this many figures report one fact, whatever their words:
"voting 23 to 14" and "voted 23 to 14 in favour" in two reports of one vote."""
_CHECKED = 2000
"""Candidates checked for redundancy; past them (absurdly long summaries) sentences go in by score."""

TUNING_GRID: list[dict[str, Any]] = [
    {"decay": decay, "backward": backward} for decay in (2.0, 3.0, 4.0) for backward in (-1.0, -0.5, 0.0)
]
"""Settings the evaluation harness cross-validates over (benchmarks/evaluate.py --folds)."""


def directed_centrality(matrix: csr_matrix, starts: NDArray[np.int64], backward: float) -> NDArray[np.float64]:
    """Per row: dot products with later rows of its segment, ``backward`` times those with
    earlier rows, plus those with all rows of other segments. Segments begin at ``starts``.
    """
    import numpy as np

    rows = matrix.shape[0]
    segment = _segments(starts, rows)
    own = np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel()
    everything = matrix @ np.asarray(matrix.sum(axis=0)).ravel() - own

    # Per nonzero, the sums of its column over earlier rows and over all rows
    # of the same segment: a running sum down each column (rows come sorted),
    # read where each run of one column within one segment begins and ends.
    by_column = matrix.tocsc()
    by_column.sort_indices()
    values, row_of = by_column.data, by_column.indices
    column_of = np.repeat(np.arange(by_column.shape[1]), np.diff(by_column.indptr))
    group = column_of * len(starts) + segment[row_of]
    running = np.cumsum(values)
    first = np.r_[True, group[1:] != group[:-1]]
    last = np.r_[group[1:] != group[:-1], True]
    run_start = np.maximum.accumulate(np.where(first, np.arange(len(values)), 0))
    run_end = np.minimum.accumulate(np.where(last, np.arange(len(values)), len(values))[::-1])[::-1]
    before_run = running[run_start] - values[run_start]
    earlier = np.bincount(row_of, weights=values * (running - values - before_run), minlength=rows)
    same_segment = np.bincount(row_of, weights=values * (running[run_end] - before_run), minlength=rows) - own
    later = same_segment - earlier
    result: NDArray[np.float64] = later + backward * earlier + (everything - same_segment)
    return result


def _segments(starts: NDArray[np.int64], rows: int) -> NDArray[np.int64]:
    """The segment number of every row."""
    import numpy as np

    result: NDArray[np.int64] = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, rows)))
    return result


def _scaled(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """``values`` divided by their maximum, so that weights mean the same for any text."""
    return values / max(float(values.max(initial=0.0)), 1e-12)


def rank(
    pool: Pool,
    k: int,
    *,
    backward: float = BACKWARD,
    decay: float = DECAY,
    title: float = TITLE,
    redundant: float = REDUNDANT,
) -> Picks:
    """Pick ``k`` sentences of ``pool``, best first: a lead by lead score and the rest by centrality,
    or for a story of several documents by the shared facts they add.

    A document's first line, if it is a headline, is its title rather than a
    sentence: it takes no part in the ranking and its position does not count;
    it is picked only when the prose runs out, and never when it is the
    document's title as given (shown above the summary already).
    Other lines without a sentence end (captions, bylines) and sentences that
    announce what follows them ("The board urged carmakers to:") still count
    for the sentences they echo, but are picked only when nothing else is left.
    """
    import numpy as np

    sentences = pool.sentences
    headline = np.array([is_headline_like(s) for s in sentences])
    first_line = np.array([i == 0 or s.document != sentences[i - 1].document for i, s in enumerate(sentences)])
    title_line = headline & first_line
    body = np.flatnonzero(~title_line) if not title_line.all() else np.arange(len(sentences))
    announces = np.array([s.text.rstrip().endswith(":") for s in sentences])
    picks = _rank_body(
        [sentences[i] for i in body.tolist()],
        (headline | announces)[body],
        titles=_titles(pool, title_line),
        k=min(k, len(body)),
        languages=[pool.language_of(sentences[i]) for i in body.tolist()],
        parameters=(backward, decay, title, redundant),
    )
    chosen = [(int(body[index]), score) for index, score in picks]
    left = [i for i in np.flatnonzero(title_line).tolist() if not _shown(pool, i)] if len(body) < len(sentences) else []
    return chosen + [(index, 0.0) for index in left[: k - len(chosen)]]


def _shown(pool: Pool, index: int) -> bool:
    """Whether the line is its document's title as given, which a reader sees above the summary."""
    sentence = pool.sentences[index]
    return pool.titles.get(sentence.document, "").strip() == sentence.text.strip()


def _rank_body(
    sentences: Sequence[Sentence],
    unwanted: NDArray[np.bool_],
    *,
    titles: Mapping[str, str],
    k: int,
    languages: Sequence[str],
    parameters: tuple[float, float, float, float],
) -> Picks:
    """:func:`rank` on the body of the documents (``languages``: each sentence's), where
    ``unwanted`` lines are picked last."""
    import numpy as np

    backward, decay, title, redundant = parameters
    documents = [s.document for s in sentences]
    starts = np.array([i for i in range(len(sentences)) if i == 0 or documents[i] != documents[i - 1]])
    segment = _segments(starts, len(sentences))
    position = np.arange(len(sentences)) - starts[segment]
    marked = [marked_terms(s.text, language) for s, language in zip(sentences, languages, strict=True)]
    terms = [[term for term, stop in sentence if not stop] for sentence in marked]
    title_terms = [content_terms(titles.get(documents[start], ""), languages[start]) for start in starts.tolist()]
    matrix = term_matrix(terms + title_terms)
    vectors, title_vectors = matrix[: len(sentences)], matrix[len(sentences) :]

    to_title = np.asarray(vectors.multiply(title_vectors[segment]).sum(axis=1)).ravel()
    substance = np.sqrt(1.0 + np.array([len(t) for t in terms], dtype=float))
    digest_score = _scaled(directed_centrality(vectors, starts, 1.0) * substance) + title * to_title
    leaning = _leans_back(sentences, languages) & (position > 0)
    leans_on = np.where(leaning, np.arange(len(sentences)) - 1, -1)
    digest_score[unwanted] = -1.0
    figures = _figures(terms)

    if len(starts) > 1:  # a story: the facts its reports share (the digest if they share no words)
        pairs = coverage.concepts(marked)
        lengths = np.array([len(sentence) for sentence in marked], dtype=float)
        told = coverage.cover(
            pairs,
            coverage.concept_weights(pairs, segment),
            lengths,
            k,
            wanted=~unwanted & (lengths >= coverage.SHORTEST),
            opening=position == 0,
            leans_on=leans_on,
            says_again=lambda index, chosen: bool(_similarity((vectors, figures), [index], chosen).max() > redundant),
        )
        if told or k == 0:
            return told
        return [
            (index, float(digest_score[index]))
            for index in _select((vectors, figures), digest_score, k, redundant, [], leans_on)
        ]

    directed = _scaled(directed_centrality(vectors, starts, backward))
    lead_score = (directed + title * to_title + 1e-6) * (1.0 + position) ** -decay
    lead_score[unwanted] = -1.0
    chosen = _select((vectors, figures), lead_score, min(k, LEAD_SENTENCES), redundant, [], leans_on)
    chosen = _select((vectors, figures), digest_score, k, redundant, chosen, leans_on)
    score = np.where(np.isin(np.arange(len(sentences)), chosen[:LEAD_SENTENCES]), lead_score, digest_score)
    return [(index, float(score[index])) for index in chosen]


def _figures(terms: Sequence[Sequence[str]]) -> csr_matrix:
    """Which figures (numbers, dates) each sentence holds, as a 0/1 matrix."""
    import numpy as np
    from scipy.sparse import csr_matrix

    columns: dict[str, int] = {}
    rows = [sorted({columns.setdefault(t, len(columns)) for t in sentence if _FIGURE.search(t)}) for sentence in terms]
    indptr = np.cumsum([0, *map(len, rows)])
    indices = np.array([column for row in rows for column in row], dtype=np.int64)
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(columns)))


def _leans_back(sentences: Sequence[Sentence], languages: Sequence[str]) -> NDArray[np.bool_]:
    """Which sentences open with a word that refers back (in languages with a list here), or are
    nothing but a quotation, whose speaker another sentence names."""
    import numpy as np

    return np.array(
        [
            (bool(first := words(s.text[:30])) and first[0].lower() in _BACK_REFERENCES.get(language, ()))
            or _QUOTATION.fullmatch(s.text) is not None
            for s, language in zip(sentences, languages, strict=True)
        ],
        dtype=bool,
    )


def _titles(pool: Pool, title_line: NDArray[np.bool_]) -> dict[str, str]:
    """Each document's title: the one given, else its headline line."""
    titles = dict(pool.titles)
    for index in title_line.nonzero()[0].tolist():
        document = pool.sentences[index].document
        titles[document] = titles.get(document) or pool.sentences[index].text
    return titles


def _select(
    sentences: tuple[csr_matrix, csr_matrix],
    score: NDArray[np.float64],
    k: int,
    redundant: float,
    chosen: list[int],
    leans_on: NDArray[np.int64],
) -> list[int]:
    """``chosen`` extended best first to ``k`` sentences, skipping any that says what one already in
    says (too similar in words, or :data:`SAME_FIGURES` figures in common; ``sentences`` holds the
    word vectors and figures), and any that leans on a sentence (``leans_on``, else -1) not in yet;
    the skipped ones fill up if nothing else is left.
    """
    import numpy as np

    chosen = list(chosen)
    taken = set(chosen)
    order = [i for i in np.argsort(-score, kind="stable").tolist() if i not in taken]
    checked = order[:_CHECKED]
    similar = _similarity(sentences, checked, checked + chosen) if checked else np.zeros((0, 0))
    column = {index: j for j, index in enumerate(checked + chosen)}
    skipped = []
    for row, index in enumerate(checked):
        if len(chosen) >= k:
            return chosen
        if (leans_on[index] >= 0 and leans_on[index] not in chosen) or (
            chosen and similar[row, [column[c] for c in chosen]].max() > redundant
        ):
            skipped.append(index)
        else:
            chosen.append(index)
    return (chosen + skipped + order[_CHECKED:])[: max(k, len(chosen))]


def _similarity(sentences: tuple[csr_matrix, csr_matrix], rows: list[int], columns: list[int]) -> NDArray[np.float64]:
    """Cosine similarity of the ``rows`` sentences to the ``columns`` ones (``sentences`` holds the
    word vectors and figures), 1 where two share :data:`SAME_FIGURES` figures: one fact."""
    import numpy as np

    vectors, figures = sentences
    similar = (vectors[rows] @ vectors[columns].T).toarray()
    shared = (figures[rows] @ figures[columns].T).toarray()
    result: NDArray[np.float64] = np.where(shared >= SAME_FIGURES, 1.0, similar)
    return result
