"""Direct quotes with a speaker named beside them."""

from __future__ import annotations

import re

from briefing.models import Statement

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
