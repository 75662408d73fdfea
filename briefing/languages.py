"""The languages briefing reads: their names, the codes inputs use for them, and the default.

A leaf module (it imports nothing of briefing's but the errors), so that the
records, the options and every stage can name a language without an import cycle.
"""

from __future__ import annotations

import re

from briefing.errors import ConfigError

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
DEFAULT_LANGUAGE = "english"
"""The language of a document that says nothing of its own, unless the run sets another."""

_LANGUAGES = {
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "fi": "finnish",
    "fr": "french",
    "it": "italian",
    "ml": "malayalam",
    "nb": "norwegian",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ru": "russian",
    "sl": "slovene",
    "sv": "swedish",
    "tr": "turkish",
}


def check_language(language: str) -> str:
    """Return ``language`` normalised, or say which languages are supported."""
    name = language.strip().lower()
    if name not in SUPPORTED_LANGUAGES:
        raise ConfigError(f"language {language!r} is not supported; choose one of: {', '.join(SUPPORTED_LANGUAGES)}")
    return name


def language_name(code: str | None) -> str:
    """The language name the text stage knows for a code like ``en-GB`` or ``French``; English when unknown."""
    if not code:
        return DEFAULT_LANGUAGE
    value = code.strip().lower()
    if value in _LANGUAGES.values():
        return value
    return _LANGUAGES.get(re.split(r"[-_]", value)[0], DEFAULT_LANGUAGE)
