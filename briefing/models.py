"""The records that flow through the pipeline.

Every stage is a plain function from one of these to another. They are frozen
so that a stage can never change what an earlier stage produced, and every
span (``start``/``end``) is a character offset into ``Document.text`` (or into
the text given to :func:`briefing.summarize` / :func:`briefing.extract_statements`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
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
    language: str = "english"
    author: str | None = None
    duplicates: tuple[str, ...] = ()
    """Paths or URLs of other copies of this document that were merged into it."""


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
    """Something a person said (``direct``, ``indirect``) or a claim worth seeing."""

    text: str
    start: int
    end: int
    speaker: str | None
    cue: str | None
    kind: StatementKind
    document: str | None = None
    speaker_title: str | None = None
    score: float = 0.0


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
    headline_source: HeadlineSource | None = None


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
