"""Offline sentence and word splitting: nothing here ever downloads data."""

from briefing.text.segment import (
    SUPPORTED_LANGUAGES,
    SumyTokenizer,
    check_language,
    sentence_spans,
    split_sentences,
    words,
)

__all__ = [
    "SUPPORTED_LANGUAGES",
    "SumyTokenizer",
    "check_language",
    "sentence_spans",
    "split_sentences",
    "words",
]
