"""Grouping documents that report the same event into stories.

Each document becomes a tf-idf vector of its event terms (stemmed words that
are not function words, and figures; the title's words count
:data:`TITLE_WEIGHT` more times). Stories are then built by average linkage:
starting from one story per document, the two stories whose documents are
most alike on average merge, again and again, while that mean cosine
similarity reaches :func:`merge_threshold` of the number of document pairs
behind it. One pair of documents must be clearly alike (0.32); two stories of
ten documents each only need to be alike on average (0.14), since a mean over
a hundred pairs is good evidence. Unlike linking every pair above one
threshold, a developing story's later reports join through the whole story,
and a chain of loosely related articles does not become one giant.

No similarity matrix is ever held whole. Links are found block by block
(:data:`BLOCK_PRODUCTS` products at a time), only through terms that at most
:data:`COMMON_DOCUMENTS` documents share, and each
document keeps its :data:`NEIGHBOURS` strongest links, so time and memory grow
about linearly with the pile. Documents with the same words, figures aside,
count as one (a thousand copies of one entry are one story, at the cost of one
document), and each later round weighs the stories found so far by their
exact mean similarity, which the links kept undercount for a large story.

The same similarity serves to match stories across days:
:func:`story_profile` gives a story's stored form and :func:`same_story`
compares two such forms with the threshold the grouping uses.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, TypedDict, TypeVar

from briefing.languages import known_language
from briefing.models import Document
from briefing.summarize.article import Article, documents_of
from briefing.summarize.terms import FUNCTION, NO_LETTER, event_terms, numbered_terms, term_vectors, unit_rows

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray
    from scipy.sparse import csr_matrix

SAME_STORY = 0.12
"""Mean cosine similarity at which two large stories are one story."""
EVIDENCE = 0.2
"""How much more alike stories backed by few document pairs must be: the threshold is
``SAME_STORY + EVIDENCE / sqrt(pairs)``, 0.32 for two single documents."""
WEAK_LINK = 0.05
"""Similarities below this are not kept: they count as none."""
NEIGHBOURS = 30
"""Strongest links kept per document, so that a pile of near-copies stays linear."""
COMMON_DOCUMENTS = 500
"""Terms in more documents than this do not find links, only weigh them: each document's search
then costs at most this many products per term, however large the pile."""
BLOCK_PRODUCTS = 4_000_000
"""Most term products computed at once, which bounds the memory of one block of the similarity."""
FROM_RARE_TERMS = 0.5
"""Share of :data:`WEAK_LINK` a link must owe to less common terms: common words alone link no event."""
PAIRS_AT_ONCE = 2_000
"""Candidate pairs whose full similarity is computed at once: their two rows and the product are copied,
about 10 KB a pair for news articles, so more at once is a large fixed cost for no speed."""
TITLE_WEIGHT = 2
"""Extra times a title's words count: a headline names its event."""
UNSEEN_DOCUMENTS = 10
"""Imaginary documents added to the collection when weighing terms, so that two documents alone
still tell a shared name from a shared common word (see :func:`term_matrix`); few, so that in a
pile of twenty the words all of them share (a template's, a site's) weigh little."""
ROUNDS = 8
"""Most rounds of merging. Within a round, a story's mean similarity is summed from the links
kept, which undercounts a large story; each later round starts from the stories found, weighed
by their exact mean similarity (the dot product of their mean vectors)."""
SETTLED = 0.01
"""A round that merges fewer than this share of the stories is the last."""
PROFILE_TERMS = 100
"""Heaviest terms kept in a story's stored profile."""
ROWS_AT_ONCE = 5_000
"""Documents whose term counts are gathered at once while the vectors are built."""

Item = TypeVar("Item", Document, Article)


class StoryProfile(TypedDict):
    """A story's key terms, as stored to recognise it another day (JSON-able).

    ``terms`` maps each stemmed term to its weight in the mean of the story's
    document vectors; ``documents`` is how many documents that mean is over.
    """

    documents: int
    terms: dict[str, float]


def merge_threshold(pairs: float) -> float:
    """Mean similarity two stories need to merge when ``pairs`` document pairs stand behind it."""
    return SAME_STORY + EVIDENCE / math.sqrt(max(pairs, 1.0))


def _document_terms(document: Document) -> Counter[str]:
    """The document's event terms as text, its title's words counted :data:`TITLE_WEIGHT` more times."""
    language = known_language(document.language)
    terms = event_terms(document.prose, language)
    if document.title:
        for term, count in event_terms(document.title, language).items():
            terms[term] += count * TITLE_WEIGHT
    return terms


def _event_counts(item: Document | Article) -> tuple[NDArray[np.uint64], NDArray[np.float64], NDArray[np.uint8]]:
    """The document's event terms (by number), how often it uses each (its title's words counted
    :data:`TITLE_WEIGHT` more times) and each one's flags."""
    import numpy as np

    if isinstance(item, Article):
        body, title = item.body_terms(), item.title_terms()
    else:  # a document outside the pipeline: its words, not its sentences, are all grouping needs
        language = known_language(item.language)
        body, title = (numbered_terms([text], language)[:2] for text in (item.prose, item.title or ""))
    terms, flags = np.concatenate([body[0], title[0]]), np.concatenate([body[1], title[1]])
    weights = np.r_[np.ones(len(body[0])), np.full(len(title[0]), float(TITLE_WEIGHT))]
    events = (flags & FUNCTION) == 0
    unique, first, inverse = np.unique(terms[events], return_index=True, return_inverse=True)
    counts = np.bincount(inverse.ravel(), weights=weights[events], minlength=len(unique)).astype(np.float64)
    return unique.astype(np.uint64), counts, flags[events][first]


def key_term_vectors(documents: Sequence[Document | Article]) -> csr_matrix:
    """One unit tf-idf row per document over its title and text, in its own language's terms."""
    return _event_vectors(documents)[0]


def _event_vectors(articles: Sequence[Document | Article]) -> tuple[csr_matrix, NDArray[np.bool_]]:
    """One unit tf-idf row per article, and which columns are figures (terms without a letter).

    Columns are the terms' numbers in order, so that the matrix does not depend on the order
    the articles were read in; it is built :data:`ROWS_AT_ONCE` rows at a time, so that no more
    than the matrix itself is held.
    """
    import numpy as np
    from scipy.sparse import csr_matrix

    vocabulary = np.zeros(0, dtype=np.uint64)
    figure_terms = np.zeros(0, dtype=np.uint64)
    counted = []
    for at in range(0, len(articles), ROWS_AT_ONCE):
        chunk = [_event_counts(article) for article in articles[at : at + ROWS_AT_ONCE]]
        terms = np.concatenate([terms for terms, _, _ in chunk]) if chunk else vocabulary
        vocabulary = np.union1d(vocabulary, terms)
        flags = np.concatenate([flags for _, _, flags in chunk]) if chunk else np.zeros(0, dtype=np.uint8)
        figure_terms = np.union1d(figure_terms, terms[(flags & NO_LETTER) != 0])
        counted.append((terms, np.concatenate([counts for _, counts, _ in chunk]), [len(t) for t, _, _ in chunk]))
    indices = np.concatenate(
        [np.searchsorted(vocabulary, terms) for terms, _, _ in counted] or [np.zeros(0, dtype=np.intp)]
    )
    tallies = np.concatenate([counts for _, counts, _ in counted] or [np.zeros(0)])
    indptr = np.r_[0, np.cumsum([length for _, _, lengths in counted for length in lengths])]
    del counted
    matrix = csr_matrix(
        (1.0 + np.log(tallies), indices.astype(np.int32), indptr.astype(np.int64)),
        shape=(len(articles), len(vocabulary)),
    )
    document_frequency = np.bincount(matrix.indices, minlength=len(vocabulary))
    matrix.data *= (np.log((1.0 + len(articles) + UNSEEN_DOCUMENTS) / (1.0 + document_frequency)) + 1.0)[matrix.indices]
    return unit_rows(matrix), np.isin(vocabulary, figure_terms)


def group_stories(items: Sequence[Item], *, window_days: float | None = None) -> list[list[Item]]:
    """Documents (or their articles, :func:`~briefing.summarize.article.prepare_article`) grouped by
    story: stories in the order their first document arrived, documents within a story in arrival order.

    With ``window_days``, two documents whose ``published`` dates are farther
    apart than that are never linked, and two stories are never merged when
    their dated documents lie farther apart (documents without a date link
    freely), so that an archive's stories do not run into each other across
    months.
    """
    import numpy as np

    if len(items) < 2:
        return [[item] for item in items]
    vectors, figures = _event_vectors(items)
    days = _days(documents_of(items)) if window_days is not None else None
    node_of, members = _same_words(vectors, figures, days)
    if len(members) < len(items):
        vectors, days = vectors[members], days[members] if days is not None else None
    sizes = np.bincount(node_of, minlength=len(members))
    story_of_node = _stories(vectors, sizes, days, window_days)
    grouped: dict[int, list[Item]] = {}
    for item, story in zip(items, story_of_node[node_of].tolist(), strict=True):
        grouped.setdefault(story, []).append(item)
    return list(grouped.values())


def _stories(
    vectors: csr_matrix, sizes: NDArray[np.int64], days: NDArray[np.float64] | None, window_days: float | None
) -> NDArray[np.int64]:
    """The story of each row (a node of ``sizes`` documents), in :data:`ROUNDS` of average linkage:
    each round starts from the last one's stories, weighed by their exact mean similarity.
    """
    import numpy as np
    from scipy.sparse import csr_matrix, diags

    story_of_row = np.arange(len(sizes))
    means = vectors
    spans = (days, days) if days is not None else None
    for _ in range(ROUNDS):
        links = _links(means, spans, window_days)
        merged = np.unique(np.asarray(_average_linkage(sizes.tolist(), *links)), return_inverse=True)[1].ravel()
        stories = int(merged.max()) + 1
        if stories == len(sizes):
            break
        story_of_row = merged[story_of_row]
        if stories > len(sizes) * (1 - SETTLED):
            break
        membership = csr_matrix(
            (sizes.astype(np.float64), (merged, np.arange(len(sizes)))), shape=(stories, len(sizes))
        )
        sizes = np.bincount(merged, weights=sizes, minlength=stories).astype(np.int64)
        means = (diags(1.0 / sizes) @ membership @ means).tocsr()
        if spans is not None:
            spans = (_by_story(np.fmin, spans[0], merged, stories), _by_story(np.fmax, spans[1], merged, stories))
    return story_of_row


def _by_story(
    reduce: np.ufunc, values: NDArray[np.float64], story: NDArray[np.int64], stories: int
) -> NDArray[np.float64]:
    """``reduce`` (``np.fmin``, ``np.fmax``: NaN only where a story has no value) of ``values`` per story."""
    import numpy as np

    order = np.argsort(story, kind="stable")
    starts = np.flatnonzero(np.r_[True, np.diff(story[order]) != 0])
    result = np.full(stories, np.nan)
    result[story[order][starts]] = reduce.reduceat(values[order], starts)
    return result


def _same_words(
    vectors: csr_matrix, figures: NDArray[np.bool_], days: NDArray[np.float64] | None
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Each document's node and each node's first document: documents with the same words in the
    same proportions, figures aside (and on the same day when ``days`` are given), share a node.

    A feed that repeats one entry with other times and counts ("… from 7 pm, 5,234 homes without
    power") is one story, and costs one document.
    """
    import numpy as np

    first_with: dict[bytes, int] = {}
    node_of = np.empty(vectors.shape[0], dtype=np.int64)
    members: list[int] = []
    for row in range(vectors.shape[0]):
        start, end = vectors.indptr[row], vectors.indptr[row + 1]
        columns, weights = vectors.indices[start:end], vectors.data[start:end]
        words = ~figures[columns]
        if words.any():
            shares = weights[words] / weights[words].max()  # proportions: the figures' share of the norm aside
            key = columns[words].tobytes() + shares.round(9).tobytes()
            key += days[row].tobytes() if days is not None else b""
        else:  # no words: alike to nothing, not to each other
            key = b"none %d" % row
        if key not in first_with:
            first_with[key] = len(members)
            members.append(row)
        node_of[row] = first_with[key]
    return node_of, np.array(members, dtype=np.int64)


def _days(documents: Sequence[Document]) -> NDArray[np.float64]:
    """Each document's publication day number (NaN when it has no date)."""
    import numpy as np

    return np.array([float(doc.published.toordinal()) if doc.published else np.nan for doc in documents])


def _links(
    vectors: csr_matrix,
    spans: tuple[NDArray[np.float64], NDArray[np.float64]] | None,
    window_days: float | None,
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    """Pairs of rows (first < second) whose dot product reaches :data:`WEAK_LINK`, each row's
    :data:`NEIGHBOURS` strongest, found through their less common terms one block of rows at a time.

    Rows are documents' unit vectors (the product is their cosine) or stories' mean vectors
    (the mean cosine of their documents). ``spans`` are each row's first and last day: two
    rows whose days lie farther apart than ``window_days`` are not linked.
    """
    import numpy as np

    rows, columns = vectors.shape
    frequency = np.bincount(vectors.indices, minlength=columns)
    common = frequency > COMMON_DOCUMENTS
    finder = vectors.copy()
    finder.data[common[finder.indices]] = 0.0
    finder.eliminate_zeros()
    reverse = finder.T.tocsr()
    # Each row's cost, without a copy of the rows that would live as long as the blocks.
    entry_rows = np.repeat(np.arange(rows), np.diff(finder.indptr))
    row_cost = np.bincount(entry_rows, weights=frequency[finder.indices], minlength=rows).astype(np.float64)
    del entry_rows
    found: list[tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]] = []
    for start, end in _blocks(row_cost):
        block = (finder[start:end] @ reverse).tocoo()
        first, second, value = block.row.astype(np.int64) + start, block.col.astype(np.int64), block.data
        keep = (first != second) & (value >= WEAK_LINK * FROM_RARE_TERMS)
        first, second, value = _strongest(first[keep], second[keep], value[keep])
        if common.any():
            value = _cosines(vectors, first, second)
        keep = value >= WEAK_LINK
        if spans is not None and window_days is not None:
            apart = np.fmax(spans[1][first] - spans[0][second], spans[1][second] - spans[0][first])
            keep &= ~(apart > window_days)  # NaN (no date) is never too far
        found.append((first[keep], second[keep], value[keep]))
    first = np.concatenate([f for f, _, _ in found]) if found else np.zeros(0, dtype=np.int64)
    second = np.concatenate([s for _, s, _ in found]) if found else np.zeros(0, dtype=np.int64)
    value = np.concatenate([v for _, _, v in found]) if found else np.zeros(0)
    low, high = np.minimum(first, second), np.maximum(first, second)
    _, unique = np.unique(low * rows + high, return_index=True)
    return low[unique], high[unique], value[unique]


def _blocks(row_cost: NDArray[np.float64]) -> Iterator[tuple[int, int]]:
    """Consecutive row ranges whose products add up to about :data:`BLOCK_PRODUCTS` (at least one row each)."""
    import numpy as np

    total = np.cumsum(row_cost)
    start = 0
    while start < len(row_cost):
        before = total[start - 1] if start else 0.0
        end = int(np.searchsorted(total, before + BLOCK_PRODUCTS, side="right"))
        end = max(end, start + 1)
        yield start, end
        start = end


def _strongest(
    first: NDArray[np.int64], second: NDArray[np.int64], value: NDArray[np.float64]
) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.float64]]:
    """For each row in ``first``, its :data:`NEIGHBOURS` links of highest ``value``."""
    import numpy as np

    # One sort key: the row, then a fraction that grows as the value falls (values are cosines, 0 to 1),
    # then a fixed pseudo-random jitter far below any real difference: among equal links (near-copies)
    # each document keeps its own choice, not the same first few documents as every other.
    jitter = ((second * 2654435761 + first * 40503) % 4093) * 1e-13
    order = np.argsort(first + (1.0 - value) / 2 + jitter, kind="stable")
    first, second, value = first[order], second[order], value[order]
    starts = np.flatnonzero(np.r_[True, first[1:] != first[:-1]])
    rank = np.arange(len(first)) - np.repeat(starts, np.diff(np.r_[starts, len(first)]))
    keep = rank < NEIGHBOURS
    return first[keep], second[keep], value[keep]


def _cosines(vectors: csr_matrix, first: NDArray[np.int64], second: NDArray[np.int64]) -> NDArray[np.float64]:
    """The full cosine similarity of each pair of rows, a bounded number of pairs at a time."""
    import numpy as np

    parts = [
        np.asarray(
            vectors[first[at : at + PAIRS_AT_ONCE]].multiply(vectors[second[at : at + PAIRS_AT_ONCE]]).sum(axis=1)
        ).ravel()
        for at in range(0, len(first), PAIRS_AT_ONCE)
    ]
    return np.concatenate(parts) if parts else np.zeros(0)


def _average_linkage(
    sizes: Sequence[int], first: NDArray[np.int64], second: NDArray[np.int64], similarity: NDArray[np.float64]
) -> list[int]:
    """The story of each node: nodes merged, clearest merge first, while :func:`merge_threshold` allows.

    Two stories' mean similarity is the sum of their documents' links over
    the number of pairs; links not kept count as none. Merging moves the
    smaller story's links into the larger's, so each link moves few times.
    The heap holds each story's best merge only; an entry made stale by a
    later merge is replaced by its story's new best when it comes up, so a
    merge costs one push rather than one per neighbour.
    """
    size = list(sizes)
    linked: list[dict[int, float]] = [{} for _ in size]
    for a, b, value in zip(first.tolist(), second.tolist(), similarity.tolist(), strict=True):
        linked[a][b] = linked[b][a] = value * size[a] * size[b]
    merges = [0] * len(size)  # an entry is stale once either story has merged again (or is gone)

    def best(a: int) -> tuple[float, int, int, int, int] | None:
        """The heap entry for ``a``'s clearest merge, if any is allowed."""
        found, partner = SAME_STORY, -1
        for b, total in linked[a].items():
            pairs = size[a] * size[b]
            score = total / pairs - EVIDENCE / math.sqrt(pairs)
            if score > found or (score == found and (partner < 0 or b < partner)):
                found, partner = score, b
        return (-found, a, partner, merges[a], merges[partner]) if partner >= 0 else None

    heap = _opening_merges(size, first, second, similarity)
    heapq.heapify(heap)
    merged_into = list(range(len(size)))
    while heap:
        _, a, b, merges_a, merges_b = heapq.heappop(heap)
        if merged_into[a] != a:
            continue  # a has merged into another story, whose own entry stands for it
        if b not in linked[a] or merges[a] != merges_a or merges[b] != merges_b:
            if entry := best(a):
                heapq.heappush(heap, entry)
            continue
        keep, gone = (a, b) if len(linked[a]) >= len(linked[b]) else (b, a)
        for other, total in linked[gone].items():
            if other != keep:
                linked[keep][other] = linked[other][keep] = linked[keep].get(other, 0.0) + total
                del linked[other][gone]
        del linked[keep][gone]
        linked[gone] = {}
        size[keep] += size[gone]
        merges[keep] += 1
        merged_into[gone] = keep
        if entry := best(keep):
            heapq.heappush(heap, entry)
    return [_root(merged_into, node) for node in range(len(size))]


def _opening_merges(
    sizes: Sequence[int], first: NDArray[np.int64], second: NDArray[np.int64], similarity: NDArray[np.float64]
) -> list[tuple[float, int, int, int, int]]:
    """Each node's clearest allowed merge as a heap entry, as ``best`` in :func:`_average_linkage`
    finds it (ties: the lower partner), computed for all nodes at once.
    """
    import numpy as np

    weight = np.asarray(sizes, dtype=np.float64)
    pairs = weight[first] * weight[second]
    score = np.tile(similarity - EVIDENCE / np.sqrt(pairs), 2)
    node, partner = np.r_[first, second], np.r_[second, first]
    order = np.lexsort((partner, -score, node))
    node, partner, score = node[order], partner[order], score[order]
    chosen = np.r_[True, node[1:] != node[:-1]] & (score >= SAME_STORY)
    return [
        (-value, a, b, 0, 0)
        for value, a, b in zip(score[chosen].tolist(), node[chosen].tolist(), partner[chosen].tolist(), strict=True)
    ]


def _root(merged_into: list[int], node: int) -> int:
    while merged_into[node] != node:
        merged_into[node] = merged_into[merged_into[node]]
        node = merged_into[node]
    return node


def story_profile(story: Sequence[Document | Article], pile: Sequence[Document | Article] = ()) -> StoryProfile:
    """The story's :class:`StoryProfile`: the mean of its documents' vectors, weighed over ``pile``
    (the day's documents, which should include the story's; default: the story alone), cut to its
    :data:`PROFILE_TERMS` heaviest terms.
    """
    return next(story_profiles([story], pile))


def story_profiles(
    stories: Sequence[Sequence[Document | Article]], pile: Sequence[Document | Article] = ()
) -> Iterator[StoryProfile]:
    """:func:`story_profile` of each story, one at a time, the pile's vectors made once for all of them.
    A stored profile names its terms as text (they outlive the build), so they are read from the text again."""
    import numpy as np

    documents = documents_of(pile) or [doc for story in stories for doc in documents_of(story)]
    vectors, terms = term_vectors(map(_document_terms, documents), unseen=UNSEEN_DOCUMENTS)
    row_of = {doc.id: n for n, doc in enumerate(documents)}
    for story in stories:
        rows = vectors[sorted({row_of[doc.id] for doc in story if doc.id in row_of})]
        # Over the story's own terms only: a pass over the whole vocabulary per story is quadratic in an archive.
        columns, inverse = np.unique(rows.indices, return_inverse=True)
        mean = np.bincount(inverse.ravel(), weights=rows.data, minlength=len(columns)) / max(rows.shape[0], 1)
        heaviest = [i for i in np.lexsort((columns, -mean))[:PROFILE_TERMS].tolist() if mean[i] > 0]
        yield {
            "documents": rows.shape[0],
            "terms": {str(terms[columns[i]]): round(float(mean[i]), 6) for i in heaviest},
        }


def profile_similarity(first: StoryProfile, second: StoryProfile) -> float:
    """The mean cosine similarity of the two stories' documents, as far as their profiles tell."""
    small, large = sorted((first["terms"], second["terms"]), key=len)
    return sum(weight * large.get(term, 0.0) for term, weight in small.items())


def same_story(first: StoryProfile, second: StoryProfile) -> bool:
    """Whether the grouping would merge two stories with these profiles."""
    pairs = first["documents"] * second["documents"]
    return profile_similarity(first, second) >= merge_threshold(pairs)


def centrality_order(documents: Sequence[Document | Article]) -> list[int]:
    """Indexes of ``documents``, the one most alike to the others first (ties: arrival order).

    A document's summed similarity to all others is its vector's dot product
    with the sum of all vectors, so this stays linear in the story's size.
    """
    import numpy as np

    if len(documents) < 2:
        return list(range(len(documents)))
    vectors = key_term_vectors(documents)
    total = np.asarray(vectors.sum(axis=0)).ravel()
    centrality = np.round(vectors @ total, 9)  # equal sums stay equal whatever the rounding of the product
    return [int(i) for i in np.argsort(-centrality, kind="stable")]
