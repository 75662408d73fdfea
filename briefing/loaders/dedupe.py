"""The same article arriving twice becomes one document that keeps every source.

Two documents are copies when they share a URL (after normalising it) or when
their texts are near-identical: at least ``NEAR`` of the word 4-grams of their
first 5,000 words are shared (Jaccard). Candidates are found through a bottom-k
sketch of each text, so the cost grows with the number of documents, not its
square, even when many of them share boilerplate.
"""

from __future__ import annotations

import heapq
import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import fields, replace
from itertools import islice
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from briefing.models import Document

NEAR = 0.8
_SHINGLE = 4
_SKETCH = 16
_COMMON = 32
_TRIES = 8
_WORDS = 5000
_WORD = re.compile(r"\w+")
_TRACKING = re.compile(r"^(utm_|fbclid$|gclid$|mc_)")
_FILLABLE = tuple(f.name for f in fields(Document) if f.name not in {"id", "text", "duplicates", "language"})


def normal_url(url: str) -> str:
    """``url`` without what does not change the page: case of scheme and host, ``www.``, fragment, tracking."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query) if not _TRACKING.match(k)])
    return urlunsplit(("", host, parts.path.rstrip("/") or "/", query, ""))


def _shingles(text: str) -> set[int]:
    """Hashes of the word 4-grams of the first ``_WORDS`` words: an article's opening tells copies apart."""
    words = [match.group().lower() for match in islice(_WORD.finditer(text), _WORDS)]
    return {zlib.crc32(" ".join(words[i : i + _SHINGLE]).encode()) for i in range(len(words) - _SHINGLE + 1)}


def _near_pairs(shingles: list[set[int]]) -> Iterator[tuple[int, int]]:
    """Pairs ``(earlier, later)`` of near-identical texts, found in time linear in the number of texts.

    Each text is looked up by the ``_SKETCH`` smallest of its shingle hashes; a
    hash shared by more than ``_COMMON`` texts is boilerplate and finds nothing
    more, and only the ``_TRIES`` texts sharing the most hashes are compared.
    """
    by_hash: dict[int, list[int]] = defaultdict(list)
    for i, own in enumerate(shingles):
        sketch = heapq.nsmallest(_SKETCH, own)
        shared = Counter(j for h in sketch for j in by_hash.get(h, ()))
        for j in sorted(shared, key=lambda j: (-shared[j], j))[:_TRIES]:
            if len(own & shingles[j]) >= NEAR * len(own | shingles[j]):
                yield j, i
        for h in sketch:
            if len(by_hash[h]) <= _COMMON:
                by_hash[h].append(i)


def _copies(documents: list[Document]) -> list[list[int]]:
    """Groups of indexes of documents that are one article, each in input order."""
    parent = list(range(len(documents)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(i: int, j: int) -> None:
        a, b = root(i), root(j)
        parent[max(a, b)] = min(a, b)

    first_with_url: dict[str, int] = {}
    for i, doc in enumerate(documents):
        for url in filter(None, (doc.url, *doc.duplicates)):
            join(first_with_url.setdefault(normal_url(url), i), i)
    for j, i in _near_pairs([_shingles(doc.text) for doc in documents]):
        join(j, i)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(documents)):
        groups[root(i)].append(i)
    return list(groups.values())


def _merge(copies: list[Document]) -> Document:
    """The copy with the most text, its gaps (title, date…) filled from the others, and their origins kept."""
    keep = max(copies, key=lambda doc: len(doc.text))
    others = [doc for doc in copies if doc is not keep]
    filled = {name: next((getattr(d, name) for d in copies if getattr(d, name)), None) for name in _FILLABLE}
    own = {keep.url, keep.path}
    origins = [o for doc in others for o in (doc.url, doc.path, *doc.duplicates) if o and o not in own]
    changes: dict[str, Any] = {name: getattr(keep, name) or value for name, value in filled.items()}
    return replace(keep, id=copies[0].id, duplicates=tuple(dict.fromkeys((*keep.duplicates, *origins))), **changes)


def merge_duplicates(documents: list[Document]) -> list[Document]:
    """One document per article, at the place of its first copy."""
    return [_merge([documents[i] for i in group]) for group in _copies(documents)]
