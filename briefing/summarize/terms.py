"""Sentences and documents as sparse term vectors: stemmed content words, tf-idf weighted.

Shared by our own ranker, the fast re-implementations of sumy's methods and
story grouping. numpy, scipy and the stemmer are imported inside the functions
so that importing :mod:`briefing.summarize` stays cheap.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
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


_ISO_CODES = {
    "czech": "cs",
    "english": "en",
    "french": "fr",
    "german": "de",
    "greek": "el",
    "italian": "it",
    "polish": "pl",
    "portuguese": "pt",
    "spanish": "es",
    "swedish": "sv",
}


@cache
def function_words(language: str) -> frozenset[str]:
    """Full stop-word lists: stopwords-iso's list for ``language`` with sumy's added.

    sumy's lists miss common words outside English (French lacks de, à, un,
    une, se, ne), so two unrelated French articles look alike through them;
    stopwords-iso's lists are the largest maintained ones for these ten
    languages (Greek 847 words, against 78 in the ``stop-words`` package).
    """
    import stopwordsiso

    return stop_words(language) | frozenset(stopwordsiso.stopwords(_ISO_CODES[check_language(language)]))


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


def event_terms(text: str, language: str) -> Counter[str]:
    """How often ``text`` uses each term that can name an event: as :func:`content_terms`, but
    without any of :func:`function_words`, the full lists. Each distinct word is looked up once
    per language (a pile repeats its words).
    """
    counts = Counter(map(event_term(language), words(text)))
    del counts[""]  # the words that are not terms
    return counts


@cache
def event_term(language: str) -> Callable[[str], str]:
    """The function from one word to its event term (``""`` for a function word), as :func:`event_terms` uses it."""
    stops = function_words(language)
    stem = stemmer(language)

    @lru_cache(maxsize=200_000)
    def term(word: str) -> str:
        word = _POSSESSIVE.sub("", word.lower())
        if word in stops:
            return ""
        return stem(word) if word.isalpha() else word

    return term


Terms = Iterable[str] | Mapping[str, int]
"""A text's terms, one by one or already counted."""


def term_matrix(texts: Iterable[Terms], *, unseen: int = 0) -> csr_matrix:
    """Rows of tf-idf weights for lists of terms, each row scaled to unit length (or left empty).

    See :func:`term_vectors`, which also names the columns.
    """
    return term_vectors(texts, unseen=unseen)[0]


def term_vectors(texts: Iterable[Terms], *, unseen: int = 0) -> tuple[csr_matrix, list[str]]:
    """Rows of tf-idf weights for lists of terms, each row scaled to unit length (or left empty),
    and the term of each column.

    Repeats are dampened (1 + log tf), so a long text does not look like a
    short one that repeats itself. ``unseen`` adds that many imaginary rows
    holding none of the terms: a handful of rows cannot show which terms are
    common, and without them a term shared by two of two rows would count as
    nothing special.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    indptr = array("q", [0])
    indices = array("q")
    tallies = array("d")
    for terms in texts:  # counted row by row: a long text costs its distinct terms, not its words
        counts = terms if isinstance(terms, Counter) else Counter(terms)
        indices.extend([vocabulary.setdefault(term, len(vocabulary)) for term in counts])
        tallies.extend(map(float, counts.values()))
        indptr.append(len(indices))
    rows = len(indptr) - 1
    matrix = csr_matrix(
        (np.frombuffer(tallies), np.frombuffer(indices, dtype=np.int64), np.frombuffer(indptr, dtype=np.int64)),
        shape=(rows, len(vocabulary)),
    )
    matrix.data = 1.0 + np.log(matrix.data)
    document_frequency = np.bincount(matrix.indices, minlength=len(vocabulary))
    idf = np.log((1.0 + rows + unseen) / (1.0 + document_frequency)) + 1.0
    weights = matrix.multiply(idf[np.newaxis, :]).tocsr()
    return unit_rows(weights), list(vocabulary)


def unit_rows(matrix: csr_matrix) -> csr_matrix:
    """``matrix`` with each non-empty row scaled to unit Euclidean length."""
    import numpy as np
    from scipy.sparse import diags

    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    scale = np.divide(1.0, norms, out=np.zeros_like(norms), where=norms > 0)
    return (diags(scale) @ matrix).tocsr()
