"""A cleaned document read once for every later stage: its sentences and its terms.

Grouping, headlines, summaries and statements all need a document's
sentences or its stemmed words; :func:`prepare_article` splits and stems each
document once, right after cleaning, and every later stage takes the
:class:`Article`. It is small (about 9 bytes per word, 8 per sentence, beyond
the document itself) and picklable, so that a worker process or a cluster's
worker can be handed it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from briefing.languages import DEFAULT_LANGUAGE, known_language
from briefing.models import Document, Sentence
from briefing.summarize.terms import numbered_terms
from briefing.text import sentence_spans, words

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

TermArrays = tuple["NDArray[np.uint64]", "NDArray[np.uint8]"]
"""Terms by their numbers (:func:`~briefing.summarize.terms.term_id`) and their flags, word by word."""


@dataclass(frozen=True, eq=False)
class Article:
    """A document with its sentences (spans of its prose) and every word's term, sentence by sentence,
    then its title's."""

    document: Document
    language: str
    """The language it was read in: its own, or the run's default for one that names none."""
    spans: NDArray[np.int32]
    """``(start, end)`` of each sentence in ``document.prose``, as :func:`~briefing.text.sentence_spans` finds them."""
    terms: NDArray[np.uint64]
    flags: NDArray[np.uint8]
    ends: NDArray[np.int32]
    """Where each sentence's terms end in :attr:`terms`; the title's follow the last."""

    @property
    def id(self) -> str:
        return self.document.id

    def sentences(self) -> list[Sentence]:
        """The sentences of the document's prose, made when asked for (they copy its text)."""
        prose = self.document.prose
        return [
            Sentence(document=self.document.id, index=index, start=start, end=end, text=prose[start:end])
            for index, (start, end) in enumerate(self.spans.tolist())
        ]

    def sentence_terms(self, index: int, start: int | None = None) -> TermArrays:
        """The terms of sentence ``index``; from ``start`` on (a character offset in the prose), when given,
        for a sentence whose opening (a dateline) a summary leaves off."""
        first = int(self.ends[index - 1]) if index else 0
        if start is not None and start > self.spans[index, 0]:
            first += len(words(self.document.prose[self.spans[index, 0] : start]))
        return self.terms[first : self.ends[index]], self.flags[first : self.ends[index]]

    def body_terms(self) -> TermArrays:
        """The terms of every sentence."""
        end = int(self.ends[-1]) if len(self.ends) else 0
        return self.terms[:end], self.flags[:end]

    def title_terms(self) -> TermArrays:
        """The terms of the document's title (none without one)."""
        end = int(self.ends[-1]) if len(self.ends) else 0
        return self.terms[end:], self.flags[end:]


def prepare_article(document: Document, default_language: str = DEFAULT_LANGUAGE) -> Article:
    """``document`` split into sentences and its words made terms, once, in its language
    (``default_language`` for one that names none or one briefing does not read)."""
    import numpy as np

    language = known_language(document.language, default_language)
    prose = document.prose
    spans = sentence_spans(prose, language) if prose.strip() else []
    ids, flags, ends = numbered_terms([prose[start:end] for start, end in spans], language)
    title_ids, title_flags, _ = numbered_terms([document.title or ""], language)
    return Article(
        document=document,
        language=language,
        spans=np.array(spans, dtype=np.int32).reshape(-1, 2),
        terms=np.concatenate([ids, title_ids]),
        flags=np.concatenate([flags, title_flags]),
        ends=ends,
    )


def prepared(items: Iterable[Document | Article], default_language: str = DEFAULT_LANGUAGE) -> list[Article]:
    """``items`` as articles: those given as documents prepared here (for a caller outside the pipeline)."""
    return [item if isinstance(item, Article) else prepare_article(item, default_language) for item in items]


def documents_of(items: Sequence[Document | Article]) -> list[Document]:
    """The documents of ``items``, whether given as documents or as articles."""
    return [item.document if isinstance(item, Article) else item for item in items]
