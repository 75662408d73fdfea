"""The records that flow through the pipeline.

Every stage is a plain function from one of these to another. They are frozen
so that a stage can never change what an earlier stage produced, and every
span (``start``/``end``) is a character offset into ``Document.text`` (or into
the text given to :func:`briefing.summarize` / :func:`briefing.extract_statements`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

StatementKind = Literal["direct", "indirect", "claim"]
HeadlineKind = Literal["title", "sentence"]


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


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document, found again by ``text == document.text[start:end]``."""

    document: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SummarySentence:
    """A sentence chosen for a summary, with the score that chose it."""

    text: str
    start: int
    end: int
    score: float
    document: str | None = None


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class HeadlineSource:
    """Where a story's headline comes from: a document's ``title`` (cleaned of the site's name),
    or a ``sentence`` of its text, of which ``text[start:end]`` is the part used.
    """

    document: str
    kind: HeadlineKind
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Story:
    """Documents about one event, with one summary and their key statements."""

    title: str
    documents: tuple[str, ...]
    summary: tuple[SummarySentence, ...] = ()
    statements: tuple[Statement, ...] = ()
    """Every statement found, best first; the rendered briefing shows those marked ``shown``."""
    headline_source: HeadlineSource | None = None

    @property
    def shown_statements(self) -> tuple[Statement, ...]:
        """The statements the rendered briefing shows, best first."""
        return tuple(statement for statement in self.statements if statement.shown)


@dataclass(frozen=True)
class Person:
    """Someone (or a body) quoted in a briefing, for its who's who.

    ``stories`` are positions in :attr:`Briefing.stories`; ``statements`` are
    every statement this speaker made there, story by story, best first.
    """

    name: str
    title: str | None
    stories: tuple[int, ...]
    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class InputWarning:
    """An input that could not be used, and why; the briefing is built without it."""

    path: str
    message: str


@dataclass(frozen=True)
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
