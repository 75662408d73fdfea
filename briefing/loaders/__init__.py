"""Turning files, folders, globs, URLs, feeds and standard input into documents.

Each input kind is a :class:`Reader` registered by suffix (:data:`LOADERS`) and
content type; a bad input becomes an :class:`~briefing.models.InputWarning`,
never the end of the briefing.
"""

from briefing.loaders.core import (
    LOADERS,
    NO_MATCH,
    READERS,
    Loaded,
    LoadResult,
    Reader,
    expand_inputs,
    finish,
    load_documents,
    load_input,
)
from briefing.options import LoadOptions

__all__ = [
    "LOADERS",
    "NO_MATCH",
    "READERS",
    "LoadOptions",
    "LoadResult",
    "Loaded",
    "Reader",
    "expand_inputs",
    "finish",
    "load_documents",
    "load_input",
]
