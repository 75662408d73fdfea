"""Turning paths, folders and standard input into documents.

Each input kind is a loader registered by suffix in :data:`LOADERS`; a bad
input becomes an :class:`~briefing.models.InputWarning`, never the end of the
briefing.
"""

from briefing.loaders.core import LOADERS, LoadResult, load_documents

__all__ = ["LOADERS", "LoadResult", "load_documents"]
