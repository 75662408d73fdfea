"""The same article arriving twice becomes one document that keeps every source.

Two documents are copies when they share a URL (after normalising it) or when
their texts are near-identical: at least ``NEAR`` of the word 4-grams of their
first 5,000 words are shared (Jaccard). Candidates are found by MinHash with
banded locality-sensitive hashing: each text is summed up by :data:`BANDS`
numbers (:func:`band_keys`, computed where the text is read), two texts that
share one are compared, and only then are their 4-grams made again and
counted exactly. Nothing is held per document but its band keys, the cost
grows with the number of documents, not its square, and a band key that many
texts share (boilerplate) finds only the first :data:`_COMMON` of them.

With :data:`ROWS` MinHash values per band, two texts that share 80 % of their
4-grams share a band with probability 1 - (1 - 0.8⁴)¹⁶ = 0.9998; texts that
share 50 % are compared in two cases of three and never merged.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import fields, replace
from functools import cache
from itertools import islice
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from briefing.models import Document

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

NEAR = 0.8
BANDS = 16
"""Band keys per text: more find more near-copies and cost more comparisons of unrelated texts."""
ROWS = 4
"""MinHash values per band: more make a shared band rarer for texts that share little."""
_SHINGLE = 4
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


def _shingles(text: str) -> NDArray[np.uint64]:
    """Hashes of the word 4-grams of the first ``_WORDS`` words, each once, sorted: an article's opening
    tells copies apart. A 4-gram's hash is made from its words' CRC-32s, the same in every process."""
    import numpy as np

    words = np.array(
        [zlib.crc32(m.group().lower().encode()) for m in islice(_WORD.finditer(text), _WORDS)], dtype=np.uint64
    )
    if len(words) < _SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    grams = np.zeros(len(words) - _SHINGLE + 1, dtype=np.uint64)
    for offset, factor in enumerate(_mixers()[:_SHINGLE]):
        grams = grams * factor + words[offset : len(words) - _SHINGLE + 1 + offset]
    return np.unique(grams)


@cache
def _mixers() -> NDArray[np.uint64]:
    """Fixed odd 64-bit multipliers and offsets: the MinHash functions (multiply-shift hashing) and the
    4-gram and band mixing, the same on every run."""
    import numpy as np

    mixers: NDArray[np.uint64] = np.random.default_rng(20261123).integers(
        1, 2**63, size=2 * BANDS * ROWS, dtype=np.uint64
    )
    mixers |= np.uint64(1)
    return mixers


def band_keys(text: str) -> NDArray[np.uint64]:
    """The text's :data:`BANDS` MinHash band keys (none for a text of fewer than four words)."""
    import numpy as np

    shingles = _shingles(text)
    if not len(shingles):
        return np.zeros(0, dtype=np.uint64)
    mixers = _mixers()
    multipliers, offsets = mixers[: BANDS * ROWS], mixers[BANDS * ROWS :]
    signature = np.empty(BANDS * ROWS, dtype=np.uint64)
    for at in range(0, BANDS * ROWS, 16):  # 16 functions at a time: bounded memory for a long text
        hashed = shingles[:, None] * multipliers[None, at : at + 16] + offsets[None, at : at + 16]
        signature[at : at + 16] = (hashed >> np.uint64(32)).min(axis=0)
    rows = signature.reshape(BANDS, ROWS)
    keys: NDArray[np.uint64] = (rows * mixers[:ROWS]).sum(axis=1, dtype=np.uint64)
    keys += np.arange(BANDS, dtype=np.uint64)  # the band's number: equal rows in two bands are two keys
    return keys


def _near_pairs(texts: Sequence[str], keys: Sequence[NDArray[np.uint64]]) -> Iterator[tuple[int, int]]:
    """Pairs ``(earlier, later)`` of near-identical texts, found in time linear in the number of texts.

    Each text is compared with the :data:`_TRIES` earlier texts that share most of its band keys; a
    key shared by more than :data:`_COMMON` texts is boilerplate and finds no text past them.
    """
    import numpy as np

    by_key: dict[int, list[int]] = defaultdict(list)
    for i, own in enumerate(keys):
        own_keys = own.tolist()
        shared = Counter(j for key in own_keys for j in by_key.get(key, ()))
        if shared:
            grams = _shingles(texts[i])
            for j in sorted(shared, key=lambda j: (-shared[j], j))[:_TRIES]:
                other = _shingles(texts[j])
                common = len(np.intersect1d(grams, other, assume_unique=True))
                if common >= NEAR * (len(grams) + len(other) - common):
                    yield j, i
        for key in own_keys:
            if len(by_key[key]) <= _COMMON:
                by_key[key].append(i)


def _copies(documents: Sequence[Document], keys: Sequence[NDArray[np.uint64]] | None) -> list[list[int]]:
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
    texts = [doc.text for doc in documents]
    for j, i in _near_pairs(texts, keys if keys is not None else [band_keys(text) for text in texts]):
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


def merge_duplicates(documents: Sequence[Document], keys: Sequence[NDArray[np.uint64]] | None = None) -> list[Document]:
    """One document per article, at the place of its first copy; ``keys`` are each text's
    :func:`band_keys` when they were made already (by the workers that read the documents)."""
    return [_merge([documents[i] for i in group]) for group in _copies(documents, keys)]
