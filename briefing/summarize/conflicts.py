"""Figures the documents of one story give differently for the same thing.

A wrong "reports differ" is worse than none, so two figures are taken for
one thing only when everything says so:

- their sentences, in two documents, say the same apart from the figures:
  the cosine of their words (figures left out, names at their full weight, so
  that "in Kenya" and "in Tanzania" tell two events apart) is at least
  :data:`SAME_STATEMENT`, and each has :data:`STATEMENT_WORDS` words besides
  its figures;
- the figures count one thing (:func:`briefing.summarize.figures.same_thing`:
  the same unit, a word around them in common, not governed by two different
  words, not each beside a name the other lacks);
- in each sentence this figure is the only one of that unit that the other
  sentence does not match: "a player who made $20 million pays $1 million"
  and the same sentence elsewhere agree on both figures, and two unmatched
  figures of one unit on one side could be paired either way, so are not;
- their values cannot both be true, yet lie within a factor of
  :data:`MAX_RATIO` ("60" and "65", not "10" and "92,000", which count
  different things), and their documents lie at most :data:`MAX_DAYS` apart.

A disagreement gathers the pairs that share a figure, with every report that
gives one of its values exactly; it is dropped if one document stands behind
two of its values (a document does not contradict itself: two things were
taken for one). Dates, times, ages and durations never become figures.

A disagreement between documents of different days is an update, not a
conflict: a death toll that rises over a week is news, not a dispute. It is
kept as ``kind="update"``, its values in the order of their days; only
documents of one day (or without dates) that disagree make ``kind="differ"``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from briefing.models import Conflict, ConflictValue, Document, Mention, Quantity
from briefing.summarize.figures import Figure, same_thing
from briefing.summarize.terms import unit_rows

if TYPE_CHECKING:
    from scipy.sparse import csr_matrix

    from briefing.summarize.corroborate import StoryText

SAME_STATEMENT = 0.5
"""Cosine of two sentences' words (figures left out) at which they make the same statement."""
STATEMENT_WORDS = 4
"""Content words a sentence needs besides its figures to make a statement ("graf 19 pvs" does not)."""
MAX_RATIO = 2.0
"""Two values farther apart than this factor count different things, not one thing told two ways."""
MAX_DAYS = 7
"""Documents farther apart in time than this tell of different moments: their figures are not compared."""
MAX_SENTENCES = 3000
"""Sentences with figures compared per story at most (the first ones, in story order), to bound the work."""

Node = tuple[int, int]
"""A figure: (row of its sentence, position among that sentence's figures)."""


def story_conflicts(text: StoryText, documents: Sequence[Document]) -> list[Conflict]:
    """The disagreements on figures between documents of a story, the most reported first."""
    rows = [row for row in range(len(text.sentences)) if _figure_terms(text, row)][:MAX_SENTENCES]
    if len(rows) < 2:
        return []
    by_id = {doc.id: doc for doc in documents}
    agreeing: dict[Node, set[Node]] = defaultdict(set)
    disagreeing: list[tuple[Node, Node]] = []
    for a, b in _statements(text, rows, by_id):
        for i, j in _pairs(text.figures(a), text.figures(b), text.names):
            one, other = text.figures(a)[i], text.figures(b)[j]
            if one.quantity == other.quantity:
                agreeing[(a, i)].add((b, j))
                agreeing[(b, j)].add((a, i))
            elif not (one.agrees(other) or one.rounds(other) or other.rounds(one)) and _close(one, other):
                disagreeing.append(((a, i), (b, j)))
    conflicts = []
    for seeds in _groups(disagreeing):
        nodes = seeds | {supporter for node in seeds for supporter in agreeing[node]}
        values = _values(text, sorted(nodes))
        documents_of_values = [{text.sentences[row].document for row, _ in members} for _, members in values]
        if sum(map(len, documents_of_values)) == len(set().union(*documents_of_values)):
            conflicts.append(_conflict(text, values, by_id))
    order = {doc.id: n for n, doc in enumerate(documents)}
    return sorted(
        conflicts,
        key=lambda c: (-len({m.document for v in c.values for m in v.mentions}), order[c.values[0].documents[0]]),
    )


def _figure_terms(text: StoryText, row: int) -> bool:
    """Whether a sentence may make a statement with a figure: a term with a digit, and
    :data:`STATEMENT_WORDS` words besides."""
    start, end = text.vectors.indptr[row], text.vectors.indptr[row + 1]
    figures = text.figure_columns[text.vectors.indices[start:end]]
    return bool(figures.any()) and int((~figures).sum()) >= STATEMENT_WORDS


def _statements(text: StoryText, rows: Sequence[int], documents: Mapping[str, Document]) -> list[tuple[int, int]]:
    """Pairs of sentences of two documents, at most :data:`MAX_DAYS` apart, that make the same statement."""
    words = _words(text, rows)
    similar = (words @ words.T).tocoo()
    found = []
    for first, second, value in zip(similar.row.tolist(), similar.col.tolist(), similar.data.tolist(), strict=True):
        a, b = rows[first], rows[second]
        one, other = documents[text.sentences[a].document], documents[text.sentences[b].document]
        if a < b and value >= SAME_STATEMENT and one.id != other.id and _near(one, other):
            found.append((a, b))
    return found


def _words(text: StoryText, rows: Sequence[int]) -> csr_matrix:
    """The rows' vectors without their figures, names back at their full weight, to unit length."""
    from scipy.sparse import diags

    from briefing.summarize.corroborate import NAME_WEIGHT

    words = text.vectors[list(rows)].copy()
    words.data[text.figure_columns[words.indices]] = 0.0
    words.eliminate_zeros()
    full = 1.0 / NAME_WEIGHT
    return unit_rows(words @ diags([full if name else 1.0 for name in text.name_columns.tolist()]))


def _near(one: Document, other: Document) -> bool:
    if one.published is None or other.published is None:
        return True
    return abs((one.published - other.published).days) <= MAX_DAYS


def _close(one: Figure, other: Figure) -> bool:
    """Whether two values lie within :data:`MAX_RATIO` of each other (each of a vote's two, if votes)."""
    for first, second in zip(one.quantity.values, other.quantity.values, strict=True):
        low, high = sorted((abs(first), abs(second)))
        if low == 0 or high / low > MAX_RATIO:
            return False
    return True


def _pairs(first: Sequence[Figure], second: Sequence[Figure], names: frozenset[str]) -> list[tuple[int, int]]:
    """Which figures of two sentences that say the same thing count the same thing."""
    pairs = [(i, j) for i, one in enumerate(first) for j, other in enumerate(second) if same_thing(one, other, names)]
    agreeing = [(i, j) for i, j in pairs if first[i].agrees(second[j])]
    matched_first = {i for i, _ in agreeing}
    matched_second = {j for _, j in agreeing}
    left = [(i, j) for i, j in pairs if i not in matched_first and j not in matched_second]
    # Of the figures left, pair only those with no other candidate on either side.
    first_count: dict[int, int] = defaultdict(int)
    second_count: dict[int, int] = defaultdict(int)
    for i, j in left:
        first_count[i] += 1
        second_count[j] += 1
    unmatched = [
        (i, j)
        for i, j in left
        if first_count[i] == 1
        and second_count[j] == 1
        and _unmatched_of_unit(first, matched_first, first[i].unit) == 1
        and _unmatched_of_unit(second, matched_second, second[j].unit) == 1
    ]
    return agreeing + unmatched


def _unmatched_of_unit(figures: Sequence[Figure], matched: set[int], unit: str) -> int:
    return sum(1 for n, figure in enumerate(figures) if figure.unit == unit and n not in matched)


def _groups(links: Sequence[tuple[Node, Node]]) -> list[set[Node]]:
    """The figures of disagreeing pairs, pairs that share a figure in one group."""
    parent: dict[Node, Node] = {}

    def root(node: Node) -> Node:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for a, b in links:
        parent[root(a)] = root(b)
    groups: dict[Node, set[Node]] = defaultdict(set)
    for node in parent:
        groups[root(node)].add(node)
    return list(groups.values())


def _values(text: StoryText, nodes: Sequence[Node]) -> list[tuple[Figure, list[Node]]]:
    """The figures of one thing grouped by what they say (same values, same hedge), each group's first
    figure standing for it."""
    values: dict[Quantity, tuple[Figure, list[Node]]] = {}
    for node in nodes:
        figure = text.figures(node[0])[node[1]]
        values.setdefault(figure.quantity, (figure, []))[1].append(node)
    return list(values.values())


def _conflict(
    text: StoryText, values: Sequence[tuple[Figure, list[Node]]], documents: Mapping[str, Document]
) -> Conflict:
    """The disagreement of these values: an update when every two that disagree come from different days."""

    def days(nodes: Sequence[Node]) -> set[dt.date | None]:
        return {documents[text.sentences[sentence].document].published for sentence, _ in nodes}

    apart = all(
        None not in days(a_nodes) | days(b_nodes) and not days(a_nodes) & days(b_nodes)
        for n, (a, a_nodes) in enumerate(values)
        for b, b_nodes in values[n + 1 :]
        if not a.agrees(b)
    )
    ordered = sorted(values, key=lambda value: min(d for d in days(value[1]) if d)) if apart else list(values)

    def mention(node: Node) -> Mention:
        sentence, figure = text.sentences[node[0]], text.figures(node[0])[node[1]]
        return Mention(document=sentence.document, start=figure.start, end=figure.end, text=figure.text)

    return Conflict(
        unit=values[0][0].unit,
        kind="update" if apart else "differ",
        values=tuple(
            ConflictValue(text=first.text, quantity=first.quantity, mentions=tuple(map(mention, nodes)))
            for first, nodes in ordered
        ),
    )
