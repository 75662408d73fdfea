"""Web pages: the article's main text and metadata, found by trafilatura.

trafilatura works on the bytes it is given and never fetches what a page links
to (stylesheets, images, ``<link>``s): only URLs the user named are fetched.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.errors import LoadError
from briefing.languages import language_name
from briefing.loaders.source import Source, web_url
from briefing.loaders.text import decode, parse_date
from briefing.models import Document
from briefing.options import LoadOptions

MIN_WORDS = 5
"""Fewer words than this is a menu or a stub, not an article."""
_WORD = re.compile(r"\w+")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_LANG = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]+)?)", re.I)


def read_html(data: bytes, source: Source, options: LoadOptions) -> list[Document]:
    """An HTML page's article text, title, author, date and site name."""
    from trafilatura import bare_extraction
    from trafilatura.settings import Document as Extracted

    meta_charset = _META_CHARSET.search(data[:4096])
    html = decode(data, source.name, source.charset or (meta_charset and meta_charset.group(1).decode("ascii")))
    found = bare_extraction(html, url=source.url, with_metadata=True, include_comments=False, include_tables=False)
    meta: dict[str, Any] = found.as_dict() if isinstance(found, Extracted) else {}
    text = "\n".join(line.strip() for line in (meta.get("text") or "").splitlines() if line.strip())
    if len(_WORD.findall(text)) < MIN_WORDS:
        raise LoadError(source.name, "no article text found in the page")
    lang = _LANG.search(data[:4096])
    return [
        Document(
            id=source.id_base,
            text=text,
            title=meta.get("title") or None,
            source=meta.get("sitename") or meta.get("hostname") or None,
            path=source.path,
            url=source.url or web_url(meta.get("url")),
            published=parse_date(meta.get("date")),
            language=language_name(lang.group(1).decode("ascii") if lang else None),
            author=meta.get("author") or None,
        )
    ]
