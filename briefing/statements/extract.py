"""Direct quotes with a speaker named beside them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from briefing.models import Document, Statement, SummarySentence

_QUOTE = re.compile(r"[“\"]([^”\"]{2,}?)[”\"]")
_CUE = r"(said|says|told|added|warned|wrote)"
_NAME = r"((?:[A-Z][\w’'-]+\s){0,3}[A-Z][\w’'-]+)"
_AFTER = re.compile(rf"\W*(?:{_NAME}\s+{_CUE}|{_CUE}\s+{_NAME})")
_BEFORE = re.compile(rf"{_NAME}\s+{_CUE}\W*$")
_MIN_WORDS = 4


def extract_statements(text: str, *, language: str = "english") -> list[Statement]:
    """Quotes of at least four words, each with the name and verb that attribute it."""
    statements = []
    for match in _QUOTE.finditer(text):
        if len(match.group(1).split()) < _MIN_WORDS:
            continue
        after = _AFTER.match(text, match.end(), min(len(text), match.end() + 80))
        before = _BEFORE.search(text, max(0, match.start() - 80), match.start())
        speaker = cue = None
        if after:
            speaker = after.group(1) or after.group(4)
            cue = after.group(2) or after.group(3)
        elif before:
            speaker, cue = before.group(1), before.group(2)
        statements.append(
            Statement(
                text=match.group(1),
                start=match.start(1),
                end=match.end(1),
                speaker=speaker,
                cue=cue,
                kind="direct",
            )
        )
    return statements


def story_statements(
    documents: Sequence[Document],
    summary: Sequence[SummarySentence],
    *,
    limit: int = 6,
    language: str = "english",
) -> list[Statement]:
    """The quotes of a story's documents that the summary does not already carry."""
    carried = {(s.document, s.start, s.end) for s in summary}
    found = []
    for doc in documents:
        for statement in extract_statements(doc.text, language=language):
            inside = any(
                d == doc.id and start <= statement.start and statement.end <= end for d, start, end in carried
            )
            if not inside:
                found.append(replace(statement, document=doc.id))
    return found[:limit]
