"""Following feed entries' links: most feeds carry a teaser, and the article is at the entry's link.

With ``follow_links``, an entry that is a teaser (:func:`is_teaser`) is
replaced by the article its link serves, fetched with the same rules as any
URL input (http(s) only, the size cap, the deadline, counted redirects), at
most :data:`AT_ONCE` at a time and one request per host every
:data:`HOST_PAUSE` seconds. When the page cannot be had, the teaser stays
and a warning says why. A :class:`LinkMemory` (the daily job's state) makes
each page be fetched once across runs.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Protocol
from urllib.parse import urlsplit

from briefing.models import Document, InputWarning

TEASER_WORDS = 150
"""An entry with fewer words than this is a teaser (a real article runs to several hundred)."""
AT_ONCE = 4
"""Links fetched at the same time."""
HOST_PAUSE = 1.0
"""Seconds between two requests to the same host: a feed's links are often all on one site."""
_WORD = re.compile(r"\w+")
_CUT_OFF = re.compile(r"(?i)(?:…|\.\.\.|\[…\]|\[\.\.\.\]|\bread more\b|\bweiterlesen\b|\blire la suite\b)\W*$")


class LinkMemory(Protocol):
    """Pages fetched before, by URL: what the daily job remembers so that a page is fetched once."""

    def page(self, url: str) -> str | None: ...

    def remember(self, url: str, text: str) -> None: ...


@dataclass(frozen=True)
class Followed:
    """The entries, each replaced by its article where that worked, and a warning for each link that failed."""

    documents: tuple[Document, ...]
    warnings: tuple[InputWarning, ...]


def is_teaser(document: Document) -> bool:
    """Whether an entry is a teaser of an article at its link: short, or cut off ("…", "Read more")."""
    return document.url is not None and (
        len(_WORD.findall(document.text)) < TEASER_WORDS or _CUT_OFF.search(document.text) is not None
    )


class _Pacer:
    """One request per host every ``pause`` seconds, whichever thread asks."""

    def __init__(self, pause: float) -> None:
        self.pause = pause
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()

    def wait(self, url: str) -> None:
        host = urlsplit(url).hostname or ""
        with self._lock:
            now = time.monotonic()
            turn = max(now, self._next.get(host, now))
            self._next[host] = turn + self.pause
        time.sleep(turn - now)


def follow_links(
    documents: Sequence[Document],
    feed: str,
    load_page: Callable[[str], tuple[Sequence[Document], Sequence[InputWarning]]],
    memory: LinkMemory | None = None,
) -> Followed:
    """Each teaser of ``documents`` (entries of the feed ``feed``) replaced by the article ``load_page`` reads.

    ``memory`` is asked and told only in the calling thread (an SQLite
    connection may not be shared between threads).
    """
    teasers = {doc.url: doc for doc in documents if is_teaser(doc) and doc.url}
    known = {url: text for url in teasers if memory and (text := memory.page(url)) is not None}
    wanted = [url for url in teasers if url not in known]
    pacer = _Pacer(HOST_PAUSE)

    def fetch(url: str) -> tuple[Sequence[Document], Sequence[InputWarning]]:
        pacer.wait(url)
        return load_page(url)

    articles: dict[str, Document] = {}
    failed: dict[str, InputWarning] = {}
    if wanted:
        with ThreadPoolExecutor(min(AT_ONCE, len(wanted))) as pool:
            for url, (pages, warnings) in zip(wanted, pool.map(fetch, wanted), strict=True):
                if pages:
                    articles[url] = pages[0]
                    if memory:
                        memory.remember(url, pages[0].text)
                else:
                    reason = warnings[0].message if warnings else "no article text found in the page"
                    failed[url] = InputWarning(feed, f"{url}: kept the feed's teaser; the page failed ({reason})")
    followed = (_with_article(doc, known, articles) for doc in documents)
    return Followed(tuple(followed), tuple(failed.values()))


def _with_article(entry: Document, known: Mapping[str, str], articles: Mapping[str, Document]) -> Document:
    """The entry with the text of its linked page, in the page's language (not the feed's), if there is one."""
    url = entry.url or ""
    if url in known:
        return replace(entry, text=known[url], language=None)
    if url in articles:
        return replace(entry, text=articles[url].text, language=articles[url].language)
    return entry
