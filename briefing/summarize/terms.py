"""Sentences and documents as sparse term vectors: stemmed content words, tf-idf weighted.

Shared by our own ranker, the fast re-implementations of sumy's methods and
story grouping. numpy, scipy and the stemmer are imported inside the functions
so that importing :mod:`briefing.summarize` stays cheap.
"""

from __future__ import annotations

import hashlib
import re
from array import array
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Mapping
from functools import cache, lru_cache
from importlib import resources
from operator import itemgetter
from typing import TYPE_CHECKING

from briefing.text import check_language, words

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from scipy.sparse import csr_matrix

_POSSESSIVE = re.compile(r"['’]s?$")
_DIGIT = re.compile(r"\d")


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
    """A Snowball stemmer, run by PyStemmer, which keeps its own bounded cache of recent words."""
    import snowballstemmer

    stem: Callable[[str], str] = snowballstemmer.stemmer(check_language(language)).stemWord
    return stem


STOP = 1
"""A term's flag: a stop word (sumy's list), left unstemmed; summaries pair it with its neighbours only."""
FUNCTION = 2
"""A term's flag: any function word (the full lists of :func:`function_words`), which names no event."""
FIGURE = 4
"""A term's flag: it holds a digit (a number, a date, a code)."""
NO_LETTER = 8
"""A term's flag: it holds no letter (a figure that grouping weighs apart from words)."""
WORDS_REMEMBERED = 100_000
"""Distinct words per language whose term is remembered: news repeats its words, and the memory stays bounded."""


def term_id(term: str) -> int:
    """A term's number, the same in every process and on every machine (Python's ``hash`` of a
    string is not): 64 bits of BLAKE2b, so that two of a million terms share one by chance once
    in about 30 million archives."""
    return int.from_bytes(hashlib.blake2b(term.encode(), digest_size=8).digest(), "little")


@cache
def word_term(language: str) -> Callable[[str], tuple[str, int, int]]:
    """The function that makes a word a term: ``(term, term_id(term), flags)``.

    The word is lower-cased and a possessive ending dropped ("Pakistan’s" is
    "Pakistan"); a stop word stays as it is, any other letters-only word is
    stemmed, and numbers, codes and hyphenated words stay as they are
    (stemming cannot help them). The flags say what the term is to each stage.
    """
    stops = stop_words(language)
    functions = function_words(language)
    stem = stemmer(language)

    @lru_cache(maxsize=WORDS_REMEMBERED)
    def term(word: str) -> tuple[str, int, int]:
        word = _POSSESSIVE.sub("", word.lower())
        if word in stops:
            found, flags = word, STOP | FUNCTION
        else:
            found, flags = (stem(word) if word.isalpha() else word), FUNCTION if word in functions else 0
        if _DIGIT.search(found):
            flags |= FIGURE
        if not any(char.isalpha() for char in found):
            flags |= NO_LETTER
        return found, term_id(found), flags

    return term


def content_terms(text: str, language: str) -> list[str]:
    """``text``'s words that are not stop words, as terms (see :func:`word_term`)."""
    return [term for term, stop in marked_terms(text, language) if not stop]


def marked_terms(text: str, language: str) -> list[tuple[str, bool]]:
    """Every word of ``text`` as a term, marked when it is a stop word: word pairs need the stop words in place."""
    term = word_term(language)
    return [(found, bool(flags & STOP)) for found, _, flags in map(term, words(text))]


def event_terms(text: str, language: str) -> Counter[str]:
    """How often ``text`` uses each term that can name an event: as :func:`content_terms`, but
    without any of :func:`function_words`, the full lists."""
    counts = Counter(map(event_term(language), words(text)))
    del counts[""]  # the words that are not terms
    return counts


@cache
def event_term(language: str) -> Callable[[str], str]:
    """The function from one word to its event term (``""`` for a function word), as :func:`event_terms` uses it."""
    term = word_term(language)

    def event(word: str) -> str:
        found, _, flags = term(word)
        return "" if flags & FUNCTION else found

    return event


def numbered_terms(
    texts: Iterable[str], language: str
) -> tuple[NDArray[np.uint64], NDArray[np.uint8], NDArray[np.int32]]:
    """Every word of each of ``texts`` as a term's number and its flags, and where each text's terms end."""
    import numpy as np

    term = word_term(language)
    lengths: list[int] = []
    found: list[tuple[str, int, int]] = []
    for text in texts:
        made = list(map(term, words(text)))
        lengths.append(len(made))
        found += made
    ids = np.fromiter(map(itemgetter(1), found), dtype=np.uint64, count=len(found))
    flags = np.fromiter(map(itemgetter(2), found), dtype=np.uint8, count=len(found))
    return ids, flags, np.cumsum(lengths, dtype=np.int32)


Terms = Iterable[Hashable] | Mapping[Hashable, int]
"""A text's terms (strings, or their numbers), one by one or already counted."""


def term_matrix(texts: Iterable[Terms], *, unseen: int = 0) -> csr_matrix:
    """Rows of tf-idf weights for lists of terms, each row scaled to unit length (or left empty).

    See :func:`term_vectors`, which also names the columns.
    """
    return term_vectors(texts, unseen=unseen)[0]


def term_vectors(texts: Iterable[Terms], *, unseen: int = 0) -> tuple[csr_matrix, list[Hashable]]:
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

    vocabulary: dict[Hashable, int] = {}
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
