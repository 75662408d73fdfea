"""The key statements of a story: ranked, one voice not drowning the others, nothing said twice."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefing.languages import DEFAULT_LANGUAGE
from briefing.models import Document, Statement, SummarySentence
from briefing.statements.extract import extract_related
from briefing.summarize.article import Article, documents_of

_WORD = re.compile(r"\w+")
_SAME_WORDS = 0.6
"""Share of words two statements have in common for the second to repeat the first."""
_CARRIED_WORDS = 0.8
"""Share of a statement's words a summary sentence must hold to carry it already."""
_PER_SPEAKER = 2
"""Statements one speaker gets before the others have had their turn."""


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _carried(statement: Statement, summary: Sequence[SummarySentence]) -> bool:
    """Whether a summary sentence already holds this statement (its span, or its words, from any report)."""
    words = set(_words(statement.text))
    for sentence in summary:
        if sentence.document in {statement.document, None}:
            shared = min(sentence.end, statement.end) - max(sentence.start, statement.start)
            if 2 * shared >= statement.end - statement.start:
                return True
        if words and len(words & set(_words(sentence.text))) >= _CARRIED_WORDS * len(words):
            return True
    return False


def _repeats(statement: Statement, chosen: Sequence[Statement]) -> bool:
    """Whether ``statement`` says what a chosen one says (the same quote in two reports)."""
    words = set(_words(statement.text))
    for other in chosen:
        common = len(words & set(_words(other.text)))
        if common >= _SAME_WORDS * min(len(words), len(set(_words(other.text)))):
            return True
    return False


def story_statements(
    documents: Sequence[Document | Article],
    summary: Sequence[SummarySentence],
    *,
    limit: int = 6,
    language: str = DEFAULT_LANGUAGE,
) -> list[Statement]:
    """Every statement of a story (its documents, or their articles), best first, each marked with its
    document and whether the brief shows it.

    Each document is read in its own language (``language`` for one that
    names none), its furniture left out, and speakers are resolved
    across the story's documents. Up to ``limit`` are shown: not one the
    summary already carries, nor one that repeats a better one, and no speaker
    takes more than two places while other statements wait.
    """
    found = extract_related(documents, default_language=language)
    ranked = sorted(
        (
            replace(statement, document=document.id)
            for document, statements in zip(documents_of(documents), found, strict=True)
            for statement in statements
        ),
        key=lambda statement: -statement.score,
    )
    shown = _shown(ranked, summary, limit)
    return [replace(statement, shown=index in shown) for index, statement in enumerate(ranked)]


def _shown(ranked: Sequence[Statement], summary: Sequence[SummarySentence], limit: int) -> set[int]:
    """Positions in ``ranked`` of the statements to show."""
    candidates = [index for index, statement in enumerate(ranked) if not _carried(statement, summary)]
    chosen: dict[int, Statement] = {}
    voices: dict[str | None, int] = {}
    for capped in (True, False):
        for index in candidates:
            statement = ranked[index]
            if len(chosen) >= limit:
                return set(chosen)
            if index in chosen or _repeats(statement, list(chosen.values())):
                continue
            if capped and statement.speaker and voices.get(statement.speaker, 0) >= _PER_SPEAKER:
                continue
            chosen[index] = statement
            voices[statement.speaker] = voices.get(statement.speaker, 0) + 1
    return set(chosen)
