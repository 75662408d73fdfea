"""Near-copies by MinHash bands against exact 4-gram sets: the same merges, at what cost.

Usage::

    PYTHONPATH=. python benchmarks/near_copies.py DATA/*dev*.jsonl [--planted 2000] [--seed 1]

The documents are every document of the given files (clusters or articles,
as ``story_scale.py`` reads them), plus ``--planted`` near-copies of
documents drawn at random: each has a share of its words (0 to 10 %, drawn
uniformly) replaced by words of other documents, so that the copies span both
sides of the 80 % threshold. Two ways find the documents that are one article:

- exact: every document's 4-gram set held at once (what de-duplication did
  before MinHash) as a sparse text-by-4-gram matrix, whose product with itself
  counts the 4-grams every pair shares; a pair is one article when its Jaccard
  reaches ``NEAR``;
- MinHash: :func:`briefing.loaders.dedupe.band_keys` for each text, then
  :func:`~briefing.loaders.dedupe.merge_duplicates` (candidates by shared band,
  checked exactly).

Both use the same 4-grams (:func:`~briefing.loaders.dedupe._shingles`), so they
can differ only in the pairs they find. Reported: the pairs of documents that
end in one group (recall and precision of MinHash's against exact's), the
seconds each takes (untraced), and the peak memory each allocates (tracemalloc, in a second run), per
document.
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
import tracemalloc
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from story_scale import source_documents  # run as a script: its folder is on the path

from briefing.loaders.dedupe import NEAR, _shingles, band_keys, merge_duplicates
from briefing.models import Document

Result = TypeVar("Result")


def planted(documents: Sequence[Document], count: int, rng: random.Random) -> list[Document]:
    """``count`` copies of random documents, each with 0–10 % of its words replaced."""
    donors = [word for doc in rng.sample(list(documents), min(200, len(documents))) for word in doc.text.split()]
    copies = []
    for n in range(count):
        words = rng.choice(documents).text.split()
        for at in rng.sample(range(len(words)), int(len(words) * rng.uniform(0.0, 0.1))):
            words[at] = rng.choice(donors)
        copies.append(Document(id=f"planted/{n}", text=" ".join(words)))
    return copies


def exact_groups(texts: Sequence[str]) -> list[set[int]]:
    """Groups of texts whose 4-gram sets reach ``NEAR`` Jaccard, found from every set held at once
    (a text-by-4-gram matrix, and its product with itself: the 4-grams each pair shares)."""
    import numpy as np
    from scipy.sparse import csr_matrix

    grams = [_shingles(text) for text in texts]
    sizes = np.array([len(own) for own in grams])
    columns = np.unique(np.concatenate(grams), return_inverse=True)[1].ravel()
    rows = np.repeat(np.arange(len(texts)), sizes)
    held = csr_matrix((np.ones(len(columns), dtype=np.int32), (rows, columns)))
    shared = (held @ held.T).tocoo()
    first, second, common = shared.row, shared.col, shared.data
    near = (first < second) & (common >= NEAR * (sizes[first] + sizes[second] - common))
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(first[near].tolist(), second[near].tolist(), strict=True):
        parent[max(root(i), root(j))] = min(root(i), root(j))
    groups: dict[int, set[int]] = defaultdict(set)
    for i in range(len(texts)):
        groups[root(i)].add(i)
    return list(groups.values())


def minhash_groups(documents: Sequence[Document]) -> list[set[int]]:
    """Groups of documents that :func:`merge_duplicates` makes one, from their band keys."""
    index = {doc.url: n for n, doc in enumerate(documents)}
    merged = merge_duplicates(documents, [band_keys(doc.text) for doc in documents])
    return [{index[doc.url], *(index[url] for url in doc.duplicates)} for doc in merged if doc.url]


def pairs(groups: Sequence[set[int]]) -> set[tuple[int, int]]:
    return {pair for group in groups for pair in itertools.combinations(sorted(group), 2)}


def measured(work: Callable[[], Result]) -> tuple[Result, float, int]:
    """``work()``, its seconds and the peak bytes it allocated: run twice, as tracing every allocation
    slows Python's own objects far more than numpy's arrays, which would bias the times."""
    start = time.perf_counter()
    work()
    seconds = time.perf_counter() - start
    tracemalloc.start()
    result = work()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, seconds, peak


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", type=Path, nargs="+", help="JSON Lines of clusters (documents) or articles")
    parser.add_argument("--planted", type=int, default=2000, help="near-copies added (0: the dev data alone)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    documents, _ = source_documents(args.sources)
    documents += planted(documents, args.planted, random.Random(args.seed))
    # A unique URL per document: merge_duplicates names each copy it merged by it.
    documents = [Document(id=doc.id, text=doc.text, url=f"https://example.org/{n}") for n, doc in enumerate(documents)]
    exact, exact_seconds, exact_peak = measured(lambda: pairs(exact_groups([doc.text for doc in documents])))
    found, minhash_seconds, minhash_peak = measured(lambda: pairs(minhash_groups(documents)))
    both = len(exact & found)
    count = len(documents)
    print(f"{count} documents ({args.planted} planted near-copies), {sum(map(len, (d.text for d in documents)))} chars")
    print(f"merged pairs: exact {len(exact)}, MinHash {len(found)}, both {both}")
    print(f"recall {both / max(len(exact), 1):.4f}, precision {both / max(len(found), 1):.4f}")
    for name, seconds, peak in (("exact", exact_seconds, exact_peak), ("MinHash", minhash_seconds, minhash_peak)):
        print(f"{name:>8}: {seconds:6.1f} s, peak {peak / 2**20:7.1f} MB, {peak / count / 1024:6.1f} KB per document")


if __name__ == "__main__":
    main()
