"""ROUGE of story summaries on multi-document clusters (DUC 2006/2007 style JSONL).

Usage::

    PYTHONPATH=. python benchmarks/multidoc.py DATA/duc2007-dev.jsonl [--methods news,lead,lexrank]
        [--words 250] [--sentences 25] [--documents 10 --seed 1] [--unlimited]

Each row (``documents``: article texts, ``references``: human summaries) is
given to :func:`briefing.summarize_story` as one story; the summary's
sentences are taken in the order returned and cut at ``--words`` words, and
scored with ROUGE-1 and ROUGE-2 *recall* (the DUC convention, as the budget is
fixed): Google's ``rouge-score``, ``use_stemmer=True``, averaged over the
references, times 100. ``--sentences`` is what the method is asked for: enough
to fill the budget (the order returned decides what the cut keeps).
``--documents N`` keeps N documents of each cluster, drawn with ``--seed``,
to see smaller stories. A method that refuses a cluster (sumy's slow methods
take a bounded number of sentences) is scored on the clusters it took, and
the table says how many; ``--unlimited`` lifts those bounds. Seconds are per
cluster, splitting included.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from briefing.errors import ConfigError
from briefing.models import Document
from briefing.options import SummaryOptions
from briefing.summarize import DEFAULT_METHOD, METHODS, summarize_story
from briefing.summarize.methods import sumy_method

Row = dict[str, Any]


def stories(path: Path, documents: int | None, seed: int) -> list[tuple[list[Document], list[str]]]:
    """Each row as a story's documents and the row's reference summaries."""
    draw = random.Random(seed)
    result = []
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            row: Row = json.loads(line)
            texts = list(enumerate(row["documents"]))
            if documents is not None and documents < len(texts):
                texts = sorted(draw.sample(texts, documents))
            docs = [Document(id=f"{row['id']}-{n}", text=text) for n, text in texts]
            result.append((docs, list(row["references"])))
    return result


def first_words(texts: Sequence[str], budget: int) -> str:
    """The texts joined, cut after ``budget`` words."""
    return " ".join(" ".join(texts).split()[:budget])


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--methods", default=",".join(METHODS), help="comma-separated method names")
    parser.add_argument("--words", type=int, default=250, help="word budget of a summary")
    parser.add_argument("--sentences", type=int, default=25, help="sentences asked of each method")
    parser.add_argument("--documents", type=int, default=None, help="keep this many documents per cluster")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--unlimited", action="store_true", help="let sumy's methods take any number of sentences")
    args = parser.parse_args(argv)

    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    clusters = stories(args.path, args.documents, args.seed)
    kept = f", {args.documents} documents each (seed {args.seed})" if args.documents else ""
    print(f"{args.path.name}: {len(clusters)} clusters{kept}; {args.words} words, {args.sentences} sentences asked")
    print(f"{'method':<12} {'R-1':>6} {'R-2':>6} {'s/cluster':>10} {'max s':>7} {'clusters':>9}")
    for name in args.methods.split(","):
        if args.unlimited and name not in {DEFAULT_METHOD, "lead", "lexrank"}:  # sumy's own code: bounded
            METHODS[name] = sumy_method(name, limited=False)
        recall1, recall2, seconds, refused = [], [], [], 0
        for documents, references in clusters:
            started = time.perf_counter()
            try:
                summary = summarize_story(documents, SummaryOptions(method=name, sentences=args.sentences))
            except ConfigError:
                refused += 1
                continue
            seconds.append(time.perf_counter() - started)
            candidate = first_words([s.text for s in summary], args.words)
            scores = [scorer.score(reference, candidate) for reference in references]
            recall1.append(100 * sum(s["rouge1"].recall for s in scores) / len(scores))
            recall2.append(100 * sum(s["rouge2"].recall for s in scores) / len(scores))
        label = f"{name}*" if name == DEFAULT_METHOD else name
        if not seconds:
            print(f"{label:<12} {'refused every cluster':>36}", flush=True)
            continue
        runs = len(seconds)
        print(
            f"{label:<12} {sum(recall1) / runs:6.2f} {sum(recall2) / runs:6.2f} {sum(seconds) / runs:10.3f} "
            f"{max(seconds):7.2f} {runs:>4}/{runs + refused:<4}",
            flush=True,
        )
    print("* the default method")


if __name__ == "__main__":
    main()
