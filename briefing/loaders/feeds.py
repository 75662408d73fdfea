"""RSS, RDF and Atom feeds: each entry a document with its link, date and the feed's name.

An entry's link is followed only with ``follow_links`` and only for an entry
that is a teaser (:mod:`briefing.loaders.links`); otherwise a feed's text is
what it carries. feedparser is given a stream, never a string, because it
treats a string as a path or URL to open. Before it parses, the feed's own
entity declarations are weighed: a feed of 0.7 MB whose one entity is
referenced 200,000 times would become 700 million characters.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import re
import time
from collections import Counter
from typing import Any

from briefing.errors import LoadError
from briefing.languages import language_name
from briefing.loaders.source import PartlyRead, Source, slug, web_url
from briefing.loaders.text import decode, fragment_to_text
from briefing.models import Document
from briefing.options import LoadOptions

FEED_TYPES = (
    "application/rss+xml",
    "application/x-rss+xml",
    "application/rdf+xml",
    "application/x-rdf+xml",
    "application/rss+rdf",
    "application/atom+xml",
    "application/x-atom+xml",
    "text/rss+xml",
    "text/atom+xml",
    "application/xml",
    "text/xml",
)
"""Media types servers give feeds (``application/x-rss+xml`` is what Python's own server says for ``.rss``)."""

_PROLOG = re.compile(r"\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.S | re.I)
_FEED_ROOT = re.compile(r"<(?:[A-Za-z_][\w.-]*:)?(?:rss|feed|RDF)[\s>/]")
_ENTITY = re.compile(r"<!ENTITY\s+([\w.:-]+)\s+(?:\"([^\"]*)\"|'([^']*)')")
_REFERENCE = re.compile(r"&([\w.:-]+);")
_ENCODING = re.compile(rb"^(<\?xml[^>]*?encoding\s*=\s*)[\"'][^\"']*[\"']")
_WIDE = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"<\x00", "utf-16-le"),
    (b"\x00<", "utf-16-be"),
)
"""How UTF-32 and UTF-16 feeds begin (UTF-32-LE's mark begins like UTF-16-LE's, so it comes first)."""


def _markup(data: bytes) -> str:
    """The bytes as text good enough to see the markup: UTF-16/32 decoded, anything else as Latin-1."""
    for mark, encoding in _WIDE:
        if data.startswith(mark):
            return data.decode(encoding, errors="replace")
    return data.decode("latin-1")


def _prolog_end(text: str) -> int:
    """Where the first element starts, past the XML declaration, comments, processing instructions and DOCTYPE."""
    position = 1 if text.startswith("\ufeff") else 0
    while match := _PROLOG.match(text, position):
        position = match.end()
    return position


def looks_like_feed(data: bytes) -> bool:
    """Whether the root element of ``data`` is RSS, RDF or Atom, however long the prolog before it."""
    text = _markup(data)
    return _FEED_ROOT.match(text, _prolog_end(text)) is not None


def expanded_size(text: str) -> int:
    """About how many characters the internal entities of ``text``'s DOCTYPE add once every reference is expanded."""
    prolog = text[: _prolog_end(text)]
    values = {name: single or double for name, double, single in _ENTITY.findall(prolog)}
    if not values:
        return 0
    sizes: dict[str, int] = {}

    def size(name: str, seen: frozenset[str]) -> int:
        if name in seen:  # an entity that refers to itself: no parser expands it
            return 0
        if name not in sizes:
            inner = Counter(_REFERENCE.findall(values[name]))
            sizes[name] = len(values[name]) + sum(
                count * (size(ref, seen | {name}) - len(ref) - 2) for ref, count in inner.items() if ref in values
            )
        return sizes[name]

    references = Counter(_REFERENCE.findall(text, len(prolog)))
    return sum(
        count * (size(name, frozenset()) - len(name) - 2) for name, count in references.items() if name in values
    )


def read_feed(data: bytes, source: Source, options: LoadOptions) -> list[Document]:
    """One document per entry with text: ``path`` is the feed's file or URL, ``url`` the entry's link."""
    import feedparser

    if not data.strip():
        raise LoadError(source.name, "empty file")
    markup = _markup(data)
    if not _FEED_ROOT.match(markup, _prolog_end(markup)):
        raise LoadError(source.name, "not an RSS or Atom feed")
    expansion = expanded_size(markup)
    if expansion > options.max_characters:
        raise LoadError(
            source.name, f"its entities expand to {expansion:,} characters, over the cap of {options.max_characters:,}"
        )
    if markup.count("<") > options.max_characters:
        raise LoadError(source.name, "more markup than the character cap allows")
    parsed = _parse(feedparser, data, source)
    feed_name = fragment_to_text(str(parsed.feed.get("title") or "")) or None
    language = language_name(parsed.feed.get("language"))
    entries = parsed.entries[: options.max_documents]
    found = (_entry(entry, index, source, feed_name, language) for index, entry in enumerate(entries, 1))
    documents = [doc for doc in found if doc]
    if parsed.bozo and not isinstance(parsed.bozo_exception, feedparser.CharacterEncodingOverride):
        reason = f"malformed feed: {_problem(parsed)}"
        if documents:
            raise PartlyRead(source.name, f"{reason}; kept the {_entries(len(documents))} read before it", documents)
        raise LoadError(source.name, reason)
    if not parsed.entries:
        raise LoadError(source.name, "a feed with no entries")
    if not documents:
        raise LoadError(source.name, "a feed with no entries that have text")
    if len(parsed.entries) > options.max_documents:
        kept = f"kept the first {_entries(options.max_documents)} of its {len(parsed.entries):,}"
        raise PartlyRead(source.name, f"{kept} (the cap on documents per input)", documents)
    return documents


def _entries(count: int) -> str:
    return f"{count:,} entr{'y' if count == 1 else 'ies'}"


def _parse(feedparser: Any, data: bytes, source: Source) -> Any:
    """feedparser's reading; a declared encoding that no codec can apply is replaced by the one the bytes show."""
    declared = "; charset=".join(filter(None, (source.content_type, source.charset)))
    headers = {"content-type": declared} if source.content_type else {}
    try:
        try:
            return feedparser.parse(io.BytesIO(data), response_headers=headers, resolve_relative_uris=False)
        except (UnicodeError, LookupError):
            utf8 = _ENCODING.sub(rb'\1"utf-8"', decode(data, source.name).lstrip("\ufeff").encode("utf-8"))
            headers = {"content-type": "application/xml; charset=utf-8"}
            return feedparser.parse(io.BytesIO(utf8), response_headers=headers, resolve_relative_uris=False)
    except LoadError:
        raise
    except Exception as exc:  # feedparser's parsers fail in many ways on damaged input
        raise LoadError(source.name, f"not a readable feed ({type(exc).__name__}: {exc})") from None


def _problem(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    message = str(exc.getMessage() if hasattr(exc, "getMessage") else exc)  # SAX errors keep their text there
    return message.splitlines()[0] if message.strip() else type(exc).__name__


def _html(value: object) -> str:
    """A feed field as a string: feedparser gives ``None`` for an element that is present but empty."""
    return value if isinstance(value, str) else ""


def _entry(entry: Any, index: int, source: Source, feed_name: str | None, language: str | None) -> Document | None:
    parts = [_html(part.get("value")) for part in entry.get("content") or []]
    html = max(parts, key=len, default="") or _html(entry.get("summary"))
    text = fragment_to_text(html)
    title = fragment_to_text(_html(entry.get("title"))) or None
    if not any(ch.isalnum() for ch in text):
        return None
    when: time.struct_time | None = entry.get("published_parsed") or entry.get("updated_parsed")
    return Document(
        id=slug(title) if title else f"{source.id_base}-{index}",
        text=text,
        title=title,
        source=feed_name,
        path=source.path or source.url,  # the feed it came from: a file, or the feed's URL
        url=web_url(_html(entry.get("link"))),
        published=dt.date(when.tm_year, when.tm_mon, when.tm_mday) if when else None,
        language=language_name(entry.get("language")) or language,
        author=_html(entry.get("author")) or None,
    )
