"""A story told by several documents, summarised by the facts its reports share.

What several outlets report about an event shows in the word pairs they
share ("ceasefire collapsed", "killed 12"). Each sentence's *concepts* are its
stemmed word pairs (pairs of two stop words left out); a concept weighs the
number of documents that use it, as in the concept-coverage summariser of
Gillick & Favre (ICSI, 2009), and one used by fewer than :func:`shared_by`
documents weighs only :data:`RARE` as much, so that it still tells sentences
apart once the shared facts are told. Sentences are then chosen greedily, each
time the one adding the most weight of concepts not yet told per word (the
budgeted greedy of Lin & Bilmes, 2010, close to the optimum of the integer
programme that ICSI solves, and linear in the number of words per step), so a
fact is told once and long sentences pay for their words.

The summary opens with the first sentence of one of the reports (the one that
tells most of what they share), so that it reads as news does, the event
first, and it ends when nothing left adds a fact, however long it was asked
to be. A sentence that says what a chosen one already said (in similar words,
or most of its shared word pairs told already) is skipped, and one that leans
on the sentence before it is taken only after it (as in the rest of
:mod:`briefing.summarize.news`, whose checks are handed in). Sentences shorter
than :data:`SHORTEST` words and lines without a sentence end come last: they
seldom state a fact on their own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from scipy.sparse import csr_matrix

RARE = 0.1
"""Weight of a concept used by too few documents, per document, against 1 for a shared one."""
SHORTEST = 10
"""Fewest words of a sentence chosen while longer ones are left."""
TOLD = 0.5
"""Share of the weight of a sentence's shared concepts already told above which it says again what
the summary says, however much else it adds ("ETA has killed nearly 800 people" in two reports)..."""
TOLD_PAIRS = 4
"""...if at least this many of them are told: a passing phrase ("on Tuesday", "the council") is not a repeat."""


def shared_by(documents: int) -> int:
    """Documents that must use a concept for it to count fully: two, and one more per ten documents
    past twenty, so that in a large story a pair two reports happen to share counts for little."""
    return max(2, -(-documents // 10))


def concepts(terms: Sequence[Sequence[tuple[str, bool]]]) -> csr_matrix:
    """Which word pairs each sentence holds, as a 0/1 matrix; ``terms`` are a sentence's terms,
    each marked when it is a stop word."""
    import numpy as np
    from scipy.sparse import csr_matrix

    columns: dict[tuple[str, str], int] = {}
    rows = [
        sorted(
            {
                columns.setdefault((first, second), len(columns))
                for (first, first_stop), (second, second_stop) in pairwise(sentence)
                if not (first_stop and second_stop)
            }
        )
        for sentence in terms
    ]
    indptr = np.cumsum([0, *map(len, rows)])
    indices = np.array([column for row in rows for column in row], dtype=np.int64)
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(rows), len(columns)))


def concept_weights(pairs: csr_matrix, segment: NDArray[np.int64]) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """Per concept: the number of documents (``segment`` of each sentence) that use it, times
    :data:`RARE` below :func:`shared_by`; and whether it is shared by that many."""
    import numpy as np
    from scipy.sparse import csr_matrix

    documents = int(segment.max(initial=-1)) + 1
    membership = csr_matrix(
        (np.ones(len(segment)), (segment, np.arange(len(segment)))), shape=(documents, len(segment))
    )
    used = (membership @ pairs).tocsc()
    frequency = np.diff(used.indptr).astype(float)  # documents with a nonzero in each column
    shared = frequency >= shared_by(documents)
    return np.where(shared, frequency, RARE * frequency), shared


def cover(
    pairs: csr_matrix,
    weights: tuple[NDArray[np.float64], NDArray[np.bool_]],
    lengths: NDArray[np.float64],
    k: int,
    *,
    wanted: NDArray[np.bool_],
    opening: NDArray[np.bool_],
    leans_on: NDArray[np.int64],
    says_again: Callable[[int, list[int]], bool],
) -> list[tuple[int, float]]:
    """Up to ``k`` sentences, best first, each adding the most concept weight per word (its score).

    The first is an ``opening`` one, then any ``wanted`` one, the others only
    when no wanted one adds weight. One whose ``leans_on`` sentence (else -1)
    is not in yet waits for it. One that ``says_again`` what the chosen say,
    or whose shared concepts are told already (:data:`TOLD`, :data:`TOLD_PAIRS`),
    is dropped: the summary may be shorter than ``k`` rather than repeat itself.
    """
    import numpy as np

    weight, shared = weights
    untold = weight.copy()
    per_word = 1.0 / np.maximum(lengths, 1.0)
    left = np.ones(len(lengths), dtype=bool)
    chosen: list[int] = []
    picks: list[tuple[int, float]] = []
    while len(chosen) < k:
        gain = (pairs @ untold) * per_word
        gain[~(left & ((leans_on < 0) | np.isin(leans_on, chosen)))] = 0.0
        for preferred in [wanted & opening] * (not chosen) + [wanted]:
            if (gain[preferred] > 0.0).any():
                gain[~preferred] = 0.0
                break
        best = int(np.argmax(gain))
        if gain[best] <= 0.0:
            break
        left[best] = False
        concepts_of_best = pairs.indices[pairs.indptr[best] : pairs.indptr[best + 1]]
        facts = concepts_of_best[shared[concepts_of_best]]
        told = facts[untold[facts] == 0.0]
        retold = len(told) >= TOLD_PAIRS and weight[told].sum() > TOLD * weight[facts].sum()
        if chosen and (retold or says_again(best, chosen)):
            continue
        chosen.append(best)
        picks.append((best, float(gain[best])))
        untold[concepts_of_best] = 0.0
    return picks
