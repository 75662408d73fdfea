"""RSS and Atom feeds: each entry a document with its link, date and the feed's name.

Entry links are recorded, never followed: a feed's text is what it carries.
feedparser is given a stream, never a string, because it treats a string as a
path or URL to open.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time
from typing import Any

from briefing.errors import LoadError
from briefing.languages import language_name
from briefing.loaders.source import PartlyRead, Source, slug, web_url
from briefing.loaders.text import fragment_to_text
from briefing.models import Document

_FEED_ROOT = re.compile(rb"<(?:[A-Za-z0-9]+:)?(?:rss|feed|RDF)[\s>]")


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` starts like an RSS, RDF or Atom document (its root element, in the first 4 KB)."""
    return _FEED_ROOT.search(data[:4096]) is not None


def read_feed(data: bytes, source: Source) -> list[Document]:
    """One document per entry with text: ``path`` is the feed's file or URL, ``url`` the entry's link."""
    import feedparser

    if not data.strip():
        raise LoadError(source.name, "empty file")
    if not looks_like_feed(data):
        raise LoadError(source.name, "not an RSS or Atom feed")
    declared = "; charset=".join(filter(None, (source.content_type, source.charset)))
    headers = {"content-type": declared} if source.content_type else {}
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers, resolve_relative_uris=False)
    feed_name = parsed.feed.get("title") or None
    language = language_name(parsed.feed.get("language"))
    entries = (_entry(entry, index, source, feed_name, language) for index, entry in enumerate(parsed.entries, 1))
    documents = [doc for doc in entries if doc]
    if parsed.bozo and not isinstance(parsed.bozo_exception, feedparser.CharacterEncodingOverride):
        reason = f"malformed feed: {_problem(parsed)}"
        if documents:
            kept = f"{len(documents)} entr{'y' if len(documents) == 1 else 'ies'}"
            raise PartlyRead(source.name, f"{reason}; kept the {kept} read before it", documents)
        raise LoadError(source.name, reason)
    if not documents:
        raise LoadError(source.name, "a feed with no entries that have text")
    return documents


def _problem(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    message = str(exc.getMessage() if hasattr(exc, "getMessage") else exc)  # SAX errors keep their text there
    return message.splitlines()[0] if message.strip() else type(exc).__name__


def _entry(entry: Any, index: int, source: Source, feed_name: str | None, language: str) -> Document | None:
    content = entry.get("content") or []
    html = max((part.get("value", "") for part in content), key=len, default="") or entry.get("summary", "")
    text = fragment_to_text(html)
    title = fragment_to_text(entry.get("title", "")) or None
    if not any(ch.isalnum() for ch in text):
        return None
    when: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return Document(
        id=slug(title) if title else f"{source.id_base}-{index}",
        text=text,
        title=title,
        source=feed_name,
        path=source.path or source.url,  # the feed it came from: a file, or the feed's URL
        url=web_url(entry.get("link")),
        published=dt.date(when.tm_year, when.tm_mon, when.tm_mday) if when else None,
        language=language,
        author=entry.get("author") or None,
    )
