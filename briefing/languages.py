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
    "ar": "arabic",
    "bg": "bulgarian",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "gl": "galician",
    "he": "hebrew",
    "hi": "hindi",
    "hr": "croatian",
    "hu": "hungarian",
    "id": "indonesian",
    "it": "italian",
    "ja": "japanese",
    "ko": "korean",
    "lt": "lithuanian",
    "lv": "latvian",
    "ml": "malayalam",
    "nb": "norwegian",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sk": "slovak",
    "sl": "slovene",
    "sr": "serbian",
    "sv": "swedish",
    "tr": "turkish",
    "uk": "ukrainian",
    "zh": "chinese",
}
"""Names for the codes inputs and the language detector use, supported or not: a warning names the language."""


def known_language(name: str | None, default: str = DEFAULT_LANGUAGE) -> str:
    """``name`` if briefing reads that language, else ``default``: for a document not yet cleaned."""
    value = (name or default).strip().lower()
    return value if value in SUPPORTED_LANGUAGES else default


def check_language(language: str) -> str:
    """Return ``language`` normalised, or say which languages are supported."""
    name = language.strip().lower()
    if name not in SUPPORTED_LANGUAGES:
        raise ConfigError(f"language {language!r} is not supported; choose one of: {', '.join(SUPPORTED_LANGUAGES)}")
    return name


def language_name(code: str | None) -> str | None:
    """The language an input declares (``en-GB``, ``fr``, ``French``) by name; ``None`` when it declares none.

    A code with no name here stays as given, lower-cased: whether a language
    is supported is decided later, with a warning, never by silently reading
    it as another.
    """
    value = (code or "").strip().lower()
    if not value:
        return None
    if value in SUPPORTED_LANGUAGES or value in _LANGUAGES.values():
        return value
    base = re.split(r"[-_]", value)[0]
    return _LANGUAGES.get(base, base or None)
