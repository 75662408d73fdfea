"""Which documents of a story report each point of its summary, matched sentence by sentence.

Every sentence of the story becomes a tf-idf vector of its event terms
(stemmed words that are not function words, and figures), weighed over the
story's own sentences. Names (terms the story writes with a capital inside a
sentence more often than without) weigh :data:`NAME_WEIGHT` of the other
words: two sentences about the same people report the same thing only if
their other words agree too ("the victims were abducted" and "the victims
were identified" share every name and nothing else). A sentence of another
document reports a point of the summary when the cosine of the two, plus
:data:`SHARED_FIGURE` when they give one figure alike, reaches
:data:`SAME_POINT`; never when they give one thing different figures, which
is a disagreement (:mod:`briefing.summarize.conflicts`), not support.

Only the summary's few sentences are compared with the story's sentences, as
one sparse product, so a story of many documents costs about as much as
splitting it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from briefing.languages import DEFAULT_LANGUAGE
from briefing.models import Document, Sentence, SummarySentence
from briefing.summarize.api import story_language
from briefing.summarize.article import Article, documents_of
from briefing.summarize.figures import Figure, same_thing, sentence_figures
from briefing.summarize.terms import event_term, term_vectors, unit_rows
from briefing.text import split_sentences, words

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from scipy.sparse import csr_matrix

NAME_WEIGHT = 0.3
"""Weight of a name against another word of the same rarity."""
SAME_POINT = 0.4
"""Similarity at which two sentences report the same point."""
SHARED_FIGURE = 0.2
"""Similarity added when two sentences give the same figure of the same thing ("1,500 Kurds")."""
CAPITALISED_NOUNS = frozenset({"german"})
"""Languages that write every noun with a capital: there a capital does not mark a name."""
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, eq=False)
class StoryText:
    """A story's sentences, and any texts from elsewhere (the points of an earlier brief), as rows of
    unit vectors over one set of terms; built once per story.

    Rows ``0`` to ``len(sentences) - 1`` are the story's sentences, the rest
    are the ``extra`` texts, in order (:attr:`extra_rows`). A row's figures
    are read when first asked for: most rows are never compared closely.
    """

    sentences: tuple[Sentence, ...]
    extra: tuple[str, ...]
    vectors: csr_matrix
    language: str
    figure_columns: NDArray[np.bool_]
    """Which columns are figures (terms with a digit)."""
    name_columns: NDArray[np.bool_]
    """Which columns are names (weighed :data:`NAME_WEIGHT`)."""
    names: frozenset[str]
    """The terms the story writes as names (with a capital inside a sentence, more often than not)."""
    rows: Mapping[tuple[str, int], int]
    """The row of each sentence, by its document and start."""
    _figures: dict[int, tuple[Figure, ...]] = field(default_factory=dict, repr=False)

    @property
    def extra_rows(self) -> range:
        return range(len(self.sentences), len(self.sentences) + len(self.extra))

    def row(self, sentence: SummarySentence) -> int | None:
        """The row of a summary sentence taken from this story, if it is there."""
        return self.rows.get((sentence.document or "", sentence.start))

    def figures(self, row: int) -> tuple[Figure, ...]:
        """The figures of a row; offsets into the document for a sentence, into the text for an extra one."""
        if row not in self._figures:
            if row < len(self.sentences):
                sentence = self.sentences[row]
                found = sentence_figures(sentence.text, self.language, sentence.start)
            else:
                found = sentence_figures(self.extra[row - len(self.sentences)], self.language)
            self._figures[row] = tuple(found)
        return self._figures[row]


def story_text(
    documents: Sequence[Document | Article], language: str = DEFAULT_LANGUAGE, extra: Sequence[str] = ()
) -> StoryText:
    """The :class:`StoryText` of a story's documents or their articles (each split in its own language,
    ``language`` for one that names none; an article as it was split; terms in the story's language),
    with ``extra`` texts on the same terms."""
    import numpy as np
    from scipy.sparse import diags

    story = story_language(documents_of(documents), language)
    sentences = tuple(
        s
        for item in documents
        for s in (
            item.sentences()
            if isinstance(item, Article)
            else split_sentences(item.prose, item.id, item.language or language)
        )
    )
    term = event_term(story)
    capitals: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    counted: list[Counter[str]] = []
    for text in [*(s.text for s in sentences), *extra]:
        found: Counter[str] = Counter()
        for position, word in enumerate(words(text)):
            stem = term(word)
            if stem:
                found[stem] += 1
                if word[0].isupper() and position > 0:
                    capitals[stem] += 1
                elif word[0].islower():
                    lower[stem] += 1
        counted.append(found)
    matrix, columns = term_vectors(counted)
    terms = cast("list[str]", columns)  # the columns are the counted terms: text
    names = frozenset(t for t in terms if capitals[t] > lower[t]) if story not in CAPITALISED_NOUNS else frozenset()
    weight = np.array([NAME_WEIGHT if t in names else 1.0 for t in terms])
    return StoryText(
        sentences=sentences,
        extra=tuple(extra),
        vectors=unit_rows(matrix @ diags(weight)) if len(terms) else matrix,
        language=story,
        figure_columns=np.array([_DIGIT.search(t) is not None for t in terms], dtype=bool),
        name_columns=np.array([t in names for t in terms], dtype=bool),
        names=names,
        rows={(s.document, s.start): index for index, s in enumerate(sentences)},
    )


def point_scores(
    text: StoryText, queries: Sequence[int], candidates: Sequence[int] | None = None
) -> NDArray[np.float64]:
    """How surely each candidate row (default: every sentence of the story) reports each query row: their
    cosine, with the figures' evidence where it can tip the balance; the same point at :data:`SAME_POINT`."""
    import numpy as np

    others = list(range(len(text.sentences))) if candidates is None else list(candidates)
    if not queries or not others:
        return np.zeros((len(queries), len(others)))
    score: NDArray[np.float64] = (text.vectors[list(queries)] @ text.vectors[others].T).toarray()
    for query, column in np.argwhere(score >= SAME_POINT - SHARED_FIGURE).tolist():
        first, second = text.figures(queries[query]), text.figures(others[column])
        if first and second:
            score[query, column] += _figure_evidence(first, second, text.names)
    return score


def _figure_evidence(first: Sequence[Figure], second: Sequence[Figure], names: frozenset[str]) -> float:
    """:data:`SHARED_FIGURE` if the two give a figure alike, minus everything if they give one thing two figures."""
    shared = False
    for one in first:
        if any(one.unit == other.unit and one.agrees(other) for other in second):
            shared = True
            continue
        alike = [other for other in second if same_thing(one, other, names)]
        if len(alike) == 1:
            return -1.0
    if len(first) == len(second) == 1 and not first[0].agrees(second[0]):
        return -1.0  # each gives one figure, and they differ: other facts, or a disagreement
    return SHARED_FIGURE if shared else 0.0


def summary_sources(
    text: StoryText, summary: Sequence[SummarySentence], documents: Sequence[Document]
) -> list[tuple[str, ...]]:
    """For each summary sentence, the documents that report it: its own first, then the others in story order."""
    rows = [text.row(sentence) for sentence in summary]
    known = [row for row in rows if row is not None]
    carried = dict(zip(known, point_scores(text, known) >= SAME_POINT, strict=True))
    found = []
    for sentence, row in zip(summary, rows, strict=True):
        own = sentence.document or ""
        reporting: set[str] = set()
        if row is not None:
            reporting = {text.sentences[index].document for index in carried[row].nonzero()[0].tolist()}
        found.append((own, *(doc.id for doc in documents if doc.id != own and doc.id in reporting)))
    return found
