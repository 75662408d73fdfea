"""Grouping documents that report the same event into stories, and naming each story.

Two documents tell the same story when their distinctive words overlap: each
document becomes a tf-idf vector over the collection, cut to its
:data:`KEY_TERMS` heaviest terms (names, places, the event's own words), and
documents whose cut vectors have cosine similarity of at least
:data:`SAME_STORY` are linked; a story is a connected group of links. The
similarities come from one sparse matrix product, so a thousand documents cost
about as much as reading them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from briefing.models import Document
from briefing.summarize.pool import is_headline_like
from briefing.summarize.terms import content_terms, term_matrix, unit_rows
from briefing.text import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, split_sentences
from briefing.text.controls import one_line

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

KEY_TERMS = 40
"""Terms kept per document: enough to name an event, few enough to ignore the topic's common words."""
SAME_STORY = 0.3
"""Cosine similarity of key-term vectors at or above which two documents tell the same story."""
UNSEEN_DOCUMENTS = 50
"""Imaginary documents added to the collection when weighing terms, so that two documents alone
still tell a shared name from a shared common word (see :func:`term_matrix`)."""
TITLE_WORDS = 14
"""Longest title made from a sentence, in words, before it is cut."""


def _language(document: Document) -> str:
    """The document's language if we have stop words and a stemmer for it, else English."""
    name = (document.language or DEFAULT_LANGUAGE).strip().lower()
    return name if name in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE


def key_term_vectors(documents: Sequence[Document]) -> csr_matrix:
    """One unit row per document: tf-idf over title and text, cut to the document's key terms."""
    import numpy as np

    matrix = term_matrix(
        (content_terms(f"{doc.title or ''}\n{doc.prose}", _language(doc)) for doc in documents),
        unseen=UNSEEN_DOCUMENTS,
    ).tolil()
    for row, (columns, values) in enumerate(zip(matrix.rows, matrix.data, strict=True)):
        if len(values) > KEY_TERMS:
            keep = np.sort(np.argsort(-np.asarray(values), kind="stable")[:KEY_TERMS])
            matrix.rows[row] = [columns[i] for i in keep]
            matrix.data[row] = [values[i] for i in keep]
    return unit_rows(matrix.tocsr())


def group_stories(documents: Sequence[Document]) -> list[list[Document]]:
    """Documents grouped by story: stories in the order their first document arrived,
    documents within a story in arrival order.
    """
    if len(documents) < 2:
        return [[doc] for doc in documents]
    from scipy.sparse.csgraph import connected_components

    vectors = key_term_vectors(documents)
    similarity = (vectors @ vectors.T).tocsr()
    similarity.data = (similarity.data >= SAME_STORY).astype(float)
    similarity.eliminate_zeros()
    _, label = connected_components(similarity, directed=False)
    stories: dict[int, list[Document]] = {}
    for doc, story in zip(documents, label.tolist(), strict=True):
        stories.setdefault(story, []).append(doc)
    return list(stories.values())


def story_title(documents: Sequence[Document]) -> str:
    """A short title for a story: the title of its most central document that has one,
    else that document's headline line, else the start of its first sentence.
    """
    import numpy as np

    if not documents:
        return "Untitled story"
    if len(documents) == 1:
        order = [0]
    else:
        vectors = key_term_vectors(documents)
        centrality = np.asarray((vectors @ vectors.T).sum(axis=1)).ravel()
        order = np.argsort(-centrality, kind="stable").tolist()
    for index in order:
        if title := one_line(documents[index].title or ""):
            return title
    for index in order:
        doc = documents[index]
        first = split_sentences(doc.prose, doc.id, _language(doc))[:1]
        if first and (text := one_line(first[0].text)):
            return text if is_headline_like(first[0]) else _shortened(text)
    return "Untitled story"


def _shortened(sentence: str) -> str:
    """A sentence as a title: its first :data:`TITLE_WORDS` words, without its closing full stop."""
    words = sentence.split()
    if len(words) <= TITLE_WORDS:
        return sentence.rstrip(".")
    return " ".join(words[:TITLE_WORDS]).rstrip(",;:") + "…"
