"""Offline sentence and word splitting: nothing here ever downloads data."""

from briefing.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, check_language
from briefing.text.segment import (
    SumyTokenizer,
    dateline_end,
    sentence_spans,
    split_sentences,
    words,
)

__all__ = [
    "DEFAULT_LANGUAGE",
    "SUPPORTED_LANGUAGES",
    "SumyTokenizer",
    "check_language",
    "dateline_end",
    "sentence_spans",
    "split_sentences",
    "words",
]
