"""Sentences and documents as sparse term vectors: stemmed content words, tf-idf weighted.

Shared by our own ranker, the fast re-implementations of sumy's methods and
story grouping. numpy, scipy and the stemmer are imported inside the functions
so that importing :mod:`briefing.summarize` stays cheap.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from briefing.text import check_language, words

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

_POSSESSIVE = re.compile(r"['’]s?$")


@cache
def stop_words(language: str) -> frozenset[str]:
    """sumy's stop words for ``language``, read from its data files without importing NLTK."""
    path = resources.files("sumy") / "data" / "stopwords" / f"{check_language(language)}.txt"
    return frozenset(line.strip().lower() for line in path.read_text(encoding="utf-8").splitlines())


@cache
def stemmer(language: str) -> Callable[[str], str]:
    """A cached Snowball stemmer: light to import, and words repeat a lot in news."""
    import snowballstemmer

    stem = snowballstemmer.stemmer(check_language(language)).stemWord
    return lru_cache(maxsize=200_000)(stem)


def content_terms(text: str, language: str) -> list[str]:
    """``text``'s words that are not stop words, lower-cased, letters-only words stemmed.

    A possessive ending is dropped ("Pakistan’s" is "Pakistan"). Numbers,
    codes and hyphenated words are kept as they are: stemming cannot help
    them, and each distinct one would cost a stemmer call.
    """
    return [term for term, stop in marked_terms(text, language) if not stop]


def marked_terms(text: str, language: str) -> list[tuple[str, bool]]:
    """Every word of ``text`` as a term (as :func:`content_terms` makes them), marked when it is a
    stop word: word pairs need the stop words in place. Stop words are not stemmed."""
    stops = stop_words(language)
    stem = stemmer(language)
    return [
        (word, True) if word in stops else (stem(word) if word.isalpha() else word, False)
        for word in (_POSSESSIVE.sub("", w.lower()) for w in words(text))
    ]


def term_matrix(texts: Iterable[Sequence[str]], *, unseen: int = 0) -> csr_matrix:
    """Rows of tf-idf weights for lists of terms, each row scaled to unit length (or left empty).

    Repeats are dampened (1 + log tf), so a long text does not look like a
    short one that repeats itself. ``unseen`` adds that many imaginary rows
    holding none of the terms: a handful of rows cannot show which terms are
    common, and without them a term shared by two of two rows would count as
    nothing special.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for terms in texts:
        for term in terms:
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
        indptr.append(len(indices))
    rows = len(indptr) - 1
    counts = csr_matrix(
        (np.ones(len(indices)), np.array(indices, dtype=np.int64), np.array(indptr, dtype=np.int64)),
        shape=(rows, len(vocabulary)),
    )
    counts.sum_duplicates()
    counts.data = 1.0 + np.log(counts.data)
    document_frequency = np.bincount(counts.indices, minlength=len(vocabulary))
    idf = np.log((1.0 + rows + unseen) / (1.0 + document_frequency)) + 1.0
    weights = counts.multiply(idf[np.newaxis, :]).tocsr()
    return unit_rows(weights)


def unit_rows(matrix: csr_matrix) -> csr_matrix:
    """``matrix`` with each non-empty row scaled to unit Euclidean length."""
    import numpy as np
    from scipy.sparse import diags

    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return (diags(scale) @ matrix).tocsr()
