"""Story grouping quality: B-cubed precision, recall and F1 on event clusters, alone and mixed.

Usage::

    PYTHONPATH=. python benchmarks/stories.py DATA/duc2004-grouping-dev.jsonl \
        [--unrelated DATA/bbc-news-dev.jsonl --count 250 --seed 1] [--seeds SEEDS_DIR] [--window DAYS]

Every document of every cluster row (``documents``, with ``dates`` as each
document's publication date) is pooled and regrouped by ``group_stories``;
each row is one gold story. ``--unrelated`` adds ``--count`` articles drawn at
random from a JSON Lines file with an ``article`` field (first line as its
title, as the text loader does), each its own gold story: they are scored
with the clusters (the mixed pile) and the share of them left alone is
printed. ``--seeds`` checks that the files of a folder (two outlets, one
event) still make one story among the unrelated articles.

B-cubed (Bagga and Baldwin): for each document, precision is the share of
its predicted story that shares its gold story, recall the share of its gold
story inside its predicted story; both are averaged over documents.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from briefing.models import Document
from briefing.summarize import group_stories, story_title

TITLE_MAX = 120
"""The text loader's longest first line taken as a title."""


def cluster_documents(path: Path) -> tuple[list[Document], dict[str, str]]:
    """The documents of every cluster row, and the gold story of each document id."""
    documents: list[Document] = []
    gold: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            dates = row.get("dates") or [None] * len(row["documents"])
            for n, (text, date) in enumerate(zip(row["documents"], dates, strict=True)):
                doc_id = f"{row['id']}/{n}"
                published = dt.date.fromisoformat(date) if date else None
                documents.append(Document(id=doc_id, text=text, published=published))
                gold[doc_id] = row["id"]
    return documents, gold


def unrelated_documents(path: Path, count: int, seed: int) -> list[Document]:
    """``count`` articles drawn at random, titled by a short first line."""
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    documents = []
    for row in random.Random(seed).sample(rows, min(count, len(rows))):
        text = row.get("article") or row["text"]
        first_line = text.strip().splitlines()[0].strip()
        title = first_line if len(first_line) <= TITLE_MAX else None
        documents.append(Document(id=f"unrelated/{row['id']}", text=text, title=title))
    return documents


def b_cubed(
    stories: Sequence[Sequence[Document]], gold: dict[str, str], *, least: int = 1
) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of ``stories`` against each document's gold story,
    averaged over the documents whose gold story has at least ``least`` documents.
    """
    gold_size = Counter(gold.values())
    precision = recall = 0.0
    count = 0
    for story in stories:
        in_story = Counter(gold[doc.id] for doc in story)
        for doc in story:
            if gold_size[gold[doc.id]] < least:
                continue
            shared = in_story[gold[doc.id]]
            precision += shared / len(story)
            recall += shared / gold_size[gold[doc.id]]
            count += 1
    precision, recall = precision / count, recall / count
    return precision, recall, 2 * precision * recall / (precision + recall)


def report(name: str, documents: Sequence[Document], gold: dict[str, str], window: float | None) -> None:
    """Group ``documents`` and print B-cubed figures and how whole the gold stories stayed."""
    started = time.perf_counter()
    stories = group_stories(documents, window_days=window)
    seconds = time.perf_counter() - started
    precision, recall, f1 = b_cubed(stories, gold)
    gold_size = Counter(gold[doc.id] for doc in documents)
    multi = sum(1 for size in gold_size.values() if size > 1)
    whole = sum(
        1
        for story in stories
        if len(story) > 1 and len(story) == gold_size[gold[story[0].id]] and len({gold[d.id] for d in story}) == 1
    )
    print(
        f"{name}: {len(documents)} documents -> {len(stories)} stories in {seconds:.2f} s; "
        f"B-cubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f}; {whole} of {multi} clusters whole"
    )
    alone = [story for story in stories if len(story) == 1 and gold_size[gold[story[0].id]] == 1]
    singles = sum(1 for size in gold_size.values() if size == 1)
    if singles:
        precision, recall, f1 = b_cubed(stories, gold, least=2)
        print(f"  unrelated articles left alone: {len(alone)} of {singles}")
        print(f"  the clusters' documents only: B-cubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("clusters", type=Path, help="JSON Lines of event clusters (documents, dates)")
    parser.add_argument("--unrelated", type=Path, help="JSON Lines of unrelated articles (article)")
    parser.add_argument("--count", type=int, default=250)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--seeds", type=Path, help="a folder of articles that must make one story")
    parser.add_argument("--window", type=float, help="days: documents farther apart are never linked")
    args = parser.parse_args(argv)

    documents, gold = cluster_documents(args.clusters)
    report("clusters", documents, gold, args.window)
    others = unrelated_documents(args.unrelated, args.count, args.seed) if args.unrelated else []
    if others:
        gold.update((doc.id, doc.id) for doc in others)
        report(f"clusters + {len(others)} unrelated", documents + others, gold, args.window)
    if args.seeds:
        seeds = [
            Document(id=f"seed/{path.name}", text=path.read_text(encoding="utf-8"))
            for path in sorted(args.seeds.glob("*"))
        ]
        stories = group_stories(seeds + others, window_days=args.window)
        seed_stories = [story for story in stories if any(doc.id.startswith("seed/") for doc in story)]
        one = len(seed_stories) == 1 and len(seed_stories[0]) == len(seeds)
        print(f"seeds ({len(seeds)}) among {len(others)} unrelated make one story of their own: {one}")
        for story in seed_stories:
            print(f"  [{len(story)}] {story_title(story)!r}")


if __name__ == "__main__":
    main()
