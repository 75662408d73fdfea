"""What a reader knows about the input it is given, and names derived from it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.errors import LoadError
from briefing.models import Document


@dataclass(frozen=True)
class Source:
    """Where a reader's bytes came from: ``name`` is what warnings call the input."""

    name: str
    id_base: str
    path: str | None = None
    url: str | None = None
    charset: str | None = None
    """The character set the sender declared (HTTP ``Content-Type``, an HTML ``<meta>``), if any."""
    content_type: str | None = None
    """The media type a server gave, such as ``application/rss+xml``; ``None`` for files."""


class PartlyRead(LoadError):
    """The input was damaged, but some documents were read from it before the damage."""

    def __init__(self, path: str, reason: str, documents: list[Document]) -> None:
        super().__init__(path, reason)
        self.documents = documents


def slug(name: str, limit: int = 60) -> str:
    """A readable id made of lower-case letters, digits and hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower())[:limit].strip("-") or "document"


def web_url(value: str | None) -> str | None:
    """``value`` if it is an http(s) URL, so that a document can never carry a ``file:`` or ``javascript:`` link."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


def describe_size(size: int) -> str:
    """``20 MB``, ``512 KB`` or ``900 bytes``: a size cap as a person writes it."""
    for unit, factor in (("MB", 1024 * 1024), ("KB", 1024)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size} bytes"
