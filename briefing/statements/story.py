"""The key statements of a story: ranked, one voice not drowning the others, nothing said twice."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefing.languages import DEFAULT_LANGUAGE
from briefing.models import Document, Statement, SummarySentence
from briefing.statements.extract import extract_related

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
    documents: Sequence[Document],
    summary: Sequence[SummarySentence],
    *,
    limit: int = 6,
    language: str = DEFAULT_LANGUAGE,
) -> list[Statement]:
    """Up to ``limit`` statements of a story, best first, each marked with its document.

    Speakers are resolved across the story's documents; a statement the summary
    already carries, or one that repeats a better one, is left out; no speaker
    takes more than two places while other statements wait.
    """
    found = extract_related([doc.prose for doc in documents], language=[doc.language or language for doc in documents])
    candidates = sorted(
        (
            replace(statement, document=document.id)
            for document, statements in zip(documents, found, strict=True)
            for statement in statements
        ),
        key=lambda statement: -statement.score,
    )
    candidates = [statement for statement in candidates if not _carried(statement, summary)]
    chosen: list[Statement] = []
    voices: dict[str | None, int] = {}
    for capped in (True, False):
        for statement in candidates:
            if len(chosen) >= limit:
                return chosen
            if statement in chosen or _repeats(statement, chosen):
                continue
            if capped and statement.speaker and voices.get(statement.speaker, 0) >= _PER_SPEAKER:
                continue
            chosen.append(statement)
            voices[statement.speaker] = voices.get(statement.speaker, 0) + 1
    return chosen
