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
from collections.abc import Callable, Sequence
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
    """Each teaser of ``documents`` (entries of the feed ``feed``) replaced by the article ``load_page`` reads."""
    pacer = _Pacer(HOST_PAUSE)

    def article(entry: Document) -> tuple[Document, InputWarning | None]:
        url = entry.url or ""
        known = memory.page(url) if memory else None
        if known is not None:
            return replace(entry, text=known, language=None), None
        pacer.wait(url)
        pages, warnings = load_page(url)
        if not pages:
            reason = warnings[0].message if warnings else "no article text found in the page"
            return entry, InputWarning(feed, f"{url}: kept the feed's teaser; the page failed ({reason})")
        page = pages[0]
        if memory:
            memory.remember(url, page.text)
        return replace(entry, text=page.text, language=page.language), None  # the page's own, not the feed's

    teasers = [doc for doc in documents if is_teaser(doc)]
    if not teasers:
        return Followed(tuple(documents), ())
    with ThreadPoolExecutor(min(AT_ONCE, len(teasers))) as pool:
        done = dict(zip(map(id, teasers), pool.map(article, teasers), strict=True))
    results = [done.get(id(doc), (doc, None)) for doc in documents]
    return Followed(tuple(doc for doc, _ in results), tuple(w for _, w in results if w))
