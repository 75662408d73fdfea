"""Story grouping on real articles: the seed articles plus unrelated BBC articles.

Usage::

    PYTHONPATH=. python benchmarks/stories.py SEEDS_DIR bbc-news-dev.jsonl [--sample 200 --seed 1]

The seed articles report one event and must form one story; a random sample
of BBC articles (business, entertainment, sport: many on the same topics,
few on the same event) should mostly stay apart. Prints every story of more
than one document, with its title, and the closest pairs across stories.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Sequence
from pathlib import Path

from briefing.models import Document
from briefing.options import SummaryOptions
from briefing.summarize import group_stories, story_title, summarize_story
from briefing.summarize.cluster import SAME_STORY, key_term_vectors


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("seeds", type=Path)
    parser.add_argument("bbc", type=Path)
    parser.add_argument("--sample", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    seeds = [Document(id=path.name, text=path.read_text(encoding="utf-8")) for path in sorted(args.seeds.glob("*"))]
    with args.bbc.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines]
    sample = random.Random(args.seed).sample(rows, min(args.sample, len(rows)))
    others = [Document(id=row["id"], text=row["article"]) for row in sample]
    documents = seeds + others

    started = time.perf_counter()
    stories = group_stories(documents)
    seconds = time.perf_counter() - started
    seed_ids = {doc.id for doc in seeds}
    seed_stories = [story for story in stories if seed_ids & {doc.id for doc in story}]
    print(
        f"{len(documents)} documents ({len(seeds)} seeds, {len(others)} BBC, seed {args.seed}) "
        f"-> {len(stories)} stories in {seconds:.2f} s (threshold {SAME_STORY})"
    )
    print(f"seeds in one story of their own: {len(seed_stories) == 1 and len(seed_stories[0]) == len(seeds)}")
    for story in stories:
        if len(story) > 1:
            print(f"  [{len(story)}] {story_title(story)!r}: {', '.join(doc.id for doc in story)}")

    if seed_stories:
        print("summary of the seeds' story:")
        for sentence in summarize_story(seed_stories[0], SummaryOptions(sentences=4)):
            print(f"  [{sentence.document} {sentence.start}:{sentence.end}] {sentence.text}")

    vectors = key_term_vectors(documents)
    similarity = (vectors @ vectors.T).toarray()
    story_of = {doc.id: n for n, story in enumerate(stories) for doc in story}
    pairs = sorted(
        (
            (similarity[i, j], documents[i].id, documents[j].id)
            for i in range(len(documents))
            for j in range(i + 1, len(documents))
            if story_of[documents[i].id] != story_of[documents[j].id]
        ),
        reverse=True,
    )
    print("closest pairs left apart:")
    for value, first, second in pairs[:5]:
        print(f"  {value:.3f} {first} {second}")
    seed_pair = similarity[0, 1] if len(seeds) == 2 else float("nan")
    print(f"similarity of the two seeds: {seed_pair:.3f}")


if __name__ == "__main__":
    main()
