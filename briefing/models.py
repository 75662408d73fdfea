"""The records that flow through the pipeline.

Every stage is a plain function from one of these to another. They are frozen
so that a stage can never change what an earlier stage produced, and every
span (``start``/``end``) is a character offset into ``Document.text`` (or into
the text given to :func:`briefing.summarize` / :func:`briefing.extract_statements`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal
from urllib.parse import urlsplit

StatementKind = Literal["direct", "indirect", "claim"]
HeadlineKind = Literal["title", "sentence"]
ConflictKind = Literal["differ", "update"]


@dataclass(frozen=True)
class Document:
    """One input, as loaded: its text and what is known about where it came from."""

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    path: str | None = None
    url: str | None = None
    published: dt.date | None = None
    language: str | None = None
    """The document's language: as the input declares it, until :func:`briefing.text.clean.clean_document`
    settles it (declared, else detected, else the run's default) to one of the supported languages."""
    author: str | None = None
    duplicates: tuple[str, ...] = ()
    """Paths or URLs of other copies of this document that were merged into it."""
    furniture: tuple[tuple[int, int], ...] = ()
    """Spans of ``text`` that are page furniture (calls to action, credits, share lines…), whole lines, in order."""

    @property
    def outlet(self) -> str:
        """Who published it, lower-case: its source, else its web host, else the document itself."""
        host = urlsplit(self.url).hostname if self.url else None
        return (self.source or host or self.id).strip().lower()

    @cached_property
    def prose(self) -> str:
        """``text`` with its furniture blanked: the same length and lines, so an offset into one is one into both."""
        if not self.furniture:
            return self.text
        parts, position = [], 0
        for start, end in self.furniture:
            parts += [self.text[position:start], _blank(self.text[start:end])]
            position = end
        parts.append(self.text[position:])
        return "".join(parts)


def _blank(text: str) -> str:
    """``text`` as spaces, its line breaks kept."""
    return "".join(char if char == "\n" else " " for char in text)


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document, found again by ``text == document.text[start:end]``."""

    document: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class SummarySentence:
    """A sentence chosen for a summary, with the score that chose it.

    In a story, ``sources`` are the documents that report the same point: the
    sentence's own ``document`` first, then the others in the story's order;
    ``single_source`` says that they all come from one outlet. ``repeated_from``
    is the date of an earlier brief that already carried this point.
    """

    text: str
    start: int
    end: int
    score: float
    document: str | None = None
    sources: tuple[str, ...] = ()
    single_source: bool = False
    repeated_from: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """Something a person said (``direct``, ``indirect``) or a claim worth seeing.

    A quote told in pieces around its cue ("A," she said, "B.") is one
    statement: ``parts`` holds the span of each piece, ``text`` the pieces
    joined by " … ", and ``start``/``end`` run from the first piece to the
    last. ``named`` says that the speaker is a person or a body named in the
    text (not a description such as "a senior official"); ``shown`` that the
    rendered briefing shows the statement (the JSON carries every one found).
    """

    text: str
    start: int
    end: int
    speaker: str | None
    cue: str | None
    kind: StatementKind
    document: str | None = None
    speaker_title: str | None = None
    score: float = 0.0
    parts: tuple[tuple[int, int], ...] = ()
    named: bool = False
    shown: bool = True

    @property
    def spans(self) -> tuple[tuple[int, int], ...]:
        """The spans of the statement's words in its text: its parts, or its one span."""
        return self.parts or ((self.start, self.end),)


@dataclass(frozen=True, slots=True)
class HeadlineSource:
    """Where a story's headline comes from: a document's ``title`` (cleaned of the site's name),
    or a ``sentence`` of its text, of which ``text[start:end]`` is the part used.
    """

    document: str
    kind: HeadlineKind
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a document gives a figure: ``text`` is ``Document.text[start:end]``."""

    document: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """What a figure says: its number (or the two of a vote or a score, "23 to 14"), and the range its
    wording allows: "at least 60" is 60 to no limit (``high`` None), "about 180" 153 to 207."""

    values: tuple[float, ...]
    low: float
    high: float | None

    def agrees(self, other: Quantity) -> bool:
        """Whether both can be true of one thing: the same vote or score, or ranges that overlap."""
        if len(self.values) > 1 or len(other.values) > 1:
            return self.values == other.values
        return (other.high is None or self.low <= other.high) and (self.high is None or other.low <= self.high)


@dataclass(frozen=True, slots=True)
class ConflictValue:
    """One of the values the documents of a story give for one thing, with every report of it.

    ``text`` is the value as its first report writes it ("at least 23 dead").
    """

    text: str
    quantity: Quantity
    mentions: tuple[Mention, ...]

    @property
    def documents(self) -> tuple[str, ...]:
        """The documents that give this value, in the order of their mentions, each once."""
        return tuple(dict.fromkeys(mention.document for mention in self.mentions))


@dataclass(frozen=True, slots=True)
class Conflict:
    """Documents of one story that give one thing different figures.

    ``kind`` is ``differ`` when documents of one day disagree, ``update`` when
    the values come from different days (a toll that rises): then ``values``
    are in the order of their days, else in the order of their first report.
    """

    unit: str
    """What the figures count: a currency code, ``%``, or the stem of the word that names it."""
    kind: ConflictKind
    values: tuple[ConflictValue, ...]


@dataclass(frozen=True, slots=True)
class Profile:
    """A story's key terms, to recognise it on another day: the mean of its documents' term vectors
    (:func:`briefing.summarize.cluster.story_profile`), heaviest first, over ``documents`` documents."""

    documents: int
    terms: tuple[str, ...]
    weights: tuple[float, ...]
    """Each term's weight; two flat tuples, not pairs, as an archive keeps a profile per story."""

    @classmethod
    def of(cls, documents: int, terms: Mapping[str, float]) -> Profile:
        """The profile of ``documents`` documents with these weights, heaviest first."""
        return cls(documents, tuple(terms), tuple(terms.values()))

    def plain(self) -> dict[str, object]:
        """The profile in the grouping's JSON-able form: ``{"documents": n, "terms": {term: weight}}``."""
        return {"documents": self.documents, "terms": dict(zip(self.terms, self.weights, strict=True))}


@dataclass(frozen=True, slots=True)
class Story:
    """Documents about one event, with one summary and their key statements.

    ``first_seen`` is the date of the first brief that carried the story and
    ``previous`` the dates of the earlier briefs that did (oldest first): both
    are empty for a story seen for the first time. ``profile`` is what a later
    brief recognises it by.
    """

    title: str
    documents: tuple[str, ...]
    summary: tuple[SummarySentence, ...] = ()
    statements: tuple[Statement, ...] = ()
    """Every statement found, best first; the rendered briefing shows those marked ``shown``."""
    headline_source: HeadlineSource | None = None
    conflicts: tuple[Conflict, ...] = ()
    """Figures the story's documents give differently, the most reported first."""
    first_seen: dt.date | None = None
    previous: tuple[dt.date, ...] = ()
    profile: Profile | None = None

    @property
    def shown_statements(self) -> tuple[Statement, ...]:
        """The statements the rendered briefing shows, best first."""
        return tuple(statement for statement in self.statements if statement.shown)

    def day(self, date: dt.date) -> int:
        """Which day of the story ``date`` is: 1 on the day it is first seen, 3 two days later."""
        return (date - self.first_seen).days + 1 if self.first_seen else 1


@dataclass(frozen=True, slots=True)
class Person:
    """Someone (or a body) quoted in a briefing, for its who's who.

    ``stories`` are positions in :attr:`Briefing.stories`; ``statements`` are
    every statement this speaker made there, story by story, best first.
    """

    name: str
    title: str | None
    stories: tuple[int, ...]
    statements: tuple[Statement, ...]


@dataclass(frozen=True, slots=True)
class InputWarning:
    """An input that could not be used, and why; the briefing is built without it."""

    path: str
    message: str


@dataclass(frozen=True, slots=True)
class Briefing:
    """Everything a renderer needs, gathered before anything is rendered."""

    title: str
    date: dt.date
    documents: tuple[Document, ...]
    stories: tuple[Story, ...]
    warnings: tuple[InputWarning, ...] = ()
    _by_id: dict[str, Document] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._by_id.update((doc.id, doc) for doc in self.documents)

    def document(self, doc_id: str) -> Document:
        """The document with this id (stories refer to documents by id)."""
        return self._by_id[doc_id]
