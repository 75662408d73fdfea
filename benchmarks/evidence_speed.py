"""What corroboration, disagreements and continuity cost per story, beside the summary itself.

Usage::

    PYTHONPATH=. python benchmarks/evidence_speed.py DATA/duc2006-dev.jsonl [--clusters 10] [--repeat 3]

Each row's ``documents`` (25 per DUC 2006 cluster) are one story. Timed, per
story (the median of ``--repeat`` runs in this process): the summary
(``summarize_story``), the story's sentence vectors (``story_text``), the
sources of each summary point (``summary_sources``), the disagreements
(``story_conflicts``), a summary that prefers what is new against ten points
told before (``prefer_new`` with its ``story_text``: it summarises again when a point repeats), and
``brief_story`` whole with and without those ten points. Record
``cat /proc/loadavg`` beside the figures: the machine may be shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.evaluation_data import read_rows, row_documents
from briefing.continuity import prefer_new
from briefing.models import Document, SummarySentence
from briefing.options import SummaryOptions
from briefing.pipeline import brief_story
from briefing.summarize import summarize_story
from briefing.summarize.conflicts import story_conflicts
from briefing.summarize.corroborate import StoryText, story_text, summary_sources
from briefing.text.segment import forget_splits

TOLD = 10


def timed(work: Callable[[], object], repeat: int) -> float:
    """The median seconds of ``work``, each run splitting its sentences afresh, as the first stage of a story does."""
    seconds = []
    for _ in range(repeat):
        forget_splits()
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def stage_times(
    documents: list[Document],
    summary: list[SummarySentence],
    text: StoryText,
    told: list[tuple[str, dt.date]],
    options: SummaryOptions,
    repeat: int,
) -> dict[str, float]:
    """The median seconds of each stage for one story."""
    stages: dict[str, Callable[[], object]] = {
        "summarize_story": lambda: summarize_story(documents, options),
        "story_text": lambda: story_text(documents),
        "summary_sources": lambda: summary_sources(text, summary, documents),
        "story_conflicts": lambda: story_conflicts(text, documents),
        "prefer_new": lambda: prefer_new(
            story_text(documents, extra=[point for point, _ in told]), documents, summary, options, told
        ),
        "brief_story": lambda: brief_story(documents, options=options),
        "brief_story, 10 told": lambda: brief_story(documents, options=options, told=told),
    }
    return {name: timed(work, repeat) for name, work in stages.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="a JSON Lines file of clusters (documents)")
    parser.add_argument("--clusters", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    options = SummaryOptions()
    rows = list(read_rows(args.data).values())[: args.clusters]
    totals: dict[str, list[float]] = {}
    for row in rows:
        documents = row_documents(row)
        summary = summarize_story(documents, options)
        text = story_text(documents)
        # Points "told before": the summary of the first half of the story, so that some repeat.
        half = summarize_story(documents[: len(documents) // 2], options)
        told = ([(s.text, dt.date(2026, 11, 22)) for s in half] * TOLD)[:TOLD]
        for name, median in stage_times(documents, summary, text, told, options, args.repeat).items():
            totals.setdefault(name, []).append(median)
        print(f"{row['id']}: {len(documents)} documents, {len(text.sentences)} sentences")
    for name, medians in totals.items():
        print(f"{name:>22}: median {statistics.median(medians) * 1000:7.1f} ms, max {max(medians) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
