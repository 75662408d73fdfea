"""ROUGE of every summary method on a JSONL evaluation set.

Usage::

    PYTHONPATH=. python benchmarks/evaluate.py PATH.jsonl [--methods lead,lexrank] [--sample 150 --seed 1]

Conventions (those of the evaluation data's README): Google's ``rouge-score``
with ``use_stemmer=True``, F1 times 100; every method is asked for k sentences,
scored in document order. A row with ``references`` (CNN/DM) is scored with
k = 3, F1 averaged over its references; a row with ``summary`` (BBC) with
k = the reference's sentence count, where the reference's sentences are split
at a sentence end followed directly by a capital or a quote mark.

``--folds N`` also prints the default method's figures with its parameters
chosen by N-fold cross-validation (each fold scored with the parameters that
did best on the other folds), the honest figure for a tuned method.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from briefing.summarize import DEFAULT_METHOD, METHODS, news, summarize
from briefing.summarize.api import summary_sentences
from briefing.summarize.pool import Pool

_REFERENCE_SENTENCE_END = re.compile(r"(?<=[.!?])(?=[A-Z\"'“‘])")
_METRICS = ("rouge1", "rouge2", "rougeL")

Row = dict[str, Any]
Summarizer = Callable[[str, int], str]
Scores = tuple[float, float, float]


def load_rows(path: Path, sample: int | None, seed: int) -> list[Row]:
    """The set's rows, or a fixed random sample of them."""
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    if sample is not None and sample < len(rows):
        rows = random.Random(seed).sample(rows, sample)
    return rows


def references_and_k(row: Row) -> tuple[list[str], int]:
    """The reference summaries of a row and how many sentences to ask for."""
    if "references" in row:
        return list(row["references"]), 3
    parts = [part.strip() for part in _REFERENCE_SENTENCE_END.split(row["summary"]) if part.strip()]
    return [" ".join(parts)], len(parts)


def score_rows(rows: Sequence[Row], summarizer: Summarizer) -> list[Scores]:
    """Per row, R-1 / R-2 / R-L F1 (times 100) averaged over the row's references."""
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(_METRICS), use_stemmer=True)
    results: list[Scores] = []
    for row in rows:
        references, k = references_and_k(row)
        candidate = summarizer(row["article"], k)
        per_reference = [scorer.score(reference, candidate) for reference in references]
        r1, r2, rl = (
            100 * sum(scores[metric].fmeasure for scores in per_reference) / len(per_reference) for metric in _METRICS
        )
        results.append((r1, r2, rl))
    return results


def mean(scores: Sequence[Scores]) -> Scores:
    """Column means of per-row scores."""
    n = max(1, len(scores))
    return (sum(s[0] for s in scores) / n, sum(s[1] for s in scores) / n, sum(s[2] for s in scores) / n)


def by_method(name: str) -> Summarizer:
    """A summarizer for the harness: ``k`` sentences of the method, in document order."""

    def run(article: str, k: int) -> str:
        return " ".join(s.text for s in summarize(article, method=name, sentences=k))

    return run


def default_with(setting: dict[str, Any]) -> Summarizer:
    """The default ranker with some of its parameters changed, as :func:`summarize` would run it."""

    def run(article: str, k: int) -> str:
        sentences = summary_sentences(article)
        picks = sorted(news.rank(Pool(sentences), min(k, len(sentences)), **setting)) if sentences else []
        return " ".join(sentences[index].text for index, _ in picks)

    return run


def cross_validated(rows: Sequence[Row], folds: int, grid: Sequence[dict[str, Any]]) -> Scores:
    """Default method's scores with parameters picked on the other folds (by R-2, then R-1)."""
    per_setting = [score_rows(rows, default_with(setting)) for setting in grid]
    held_out: list[Scores] = []
    for fold in range(folds):
        train = [i for i in range(len(rows)) if i % folds != fold]
        test = [i for i in range(len(rows)) if i % folds == fold]
        best = max(
            range(len(grid)),
            key=lambda g: (
                mean([per_setting[g][i] for i in train])[1],
                mean([per_setting[g][i] for i in train])[0],
            ),
        )
        print(f"  fold {fold}: chose {grid[best]}", file=sys.stderr)
        held_out.extend(per_setting[best][i] for i in test)
    return mean(held_out)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--methods", default=",".join(METHODS), help="comma-separated method names")
    parser.add_argument("--sample", type=int, default=None, help="score a random sample of this many rows")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--folds", type=int, default=0, help="also cross-validate the default method")
    args = parser.parse_args(argv)

    rows = load_rows(args.path, args.sample, args.seed)
    print(f"{args.path.name}: {len(rows)} rows" + (f" (sample, seed {args.seed})" if args.sample else ""))
    print(f"{'method':<12} {'R-1':>6} {'R-2':>6} {'R-L':>6} {'seconds':>8}")
    for name in args.methods.split(","):
        started = time.perf_counter()
        r1, r2, rl = mean(score_rows(rows, by_method(name)))
        label = f"{name}*" if name == DEFAULT_METHOD else name
        print(f"{label:<12} {r1:6.2f} {r2:6.2f} {rl:6.2f} {time.perf_counter() - started:8.1f}", flush=True)
    if args.folds:
        r1, r2, rl = cross_validated(rows, args.folds, news.TUNING_GRID)
        print(f"{DEFAULT_METHOD + ' cv':<12} {r1:6.2f} {r2:6.2f} {rl:6.2f}   ({args.folds}-fold)")
    print("* the default method")


if __name__ == "__main__":
    main()
