"""Corroboration: does the matcher find the sentences of other reports that carry the same point?

Usage::

    PYTHONPATH=. python benchmarks/corroboration.py DATA/duc2004-grouping-dev.jsonl \
        [--labels benchmarks/corroboration_pairs.jsonl] [--sweep] [--errors]

Each label is a pair of sentences from two documents of one DUC 2004 cluster,
read by a person and marked ``same`` when the second states the central fact
of the first (who did what, and its figures), in other words or with more or
less detail, and nothing it says contradicts the first's figures; ``false``
when it only shares the topic, the people or a side detail. The pairs were
drawn from the default summary of each cluster (all ten documents as one
story): for a summary sentence and another document, either that document's
sentence most alike in plain tf-idf (stratified over six bands of
similarity) or a random sentence sharing two terms with it (see
``corroboration_pairs.jsonl``; the set holds references, never text).

Each pair is scored as ``briefing`` scores it within its story
(:func:`briefing.summarize.corroborate.point_scores` over the cluster's
sentences): a match at ``SAME_POINT``. ``--sweep`` shows other thresholds;
``--errors`` prints the pairs it gets wrong.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from benchmarks.evaluation_data import Span, precision_recall, read_labels, read_rows, row_documents, span_text
from briefing.summarize.corroborate import SAME_POINT, point_scores, story_text

LABELS = Path(__file__).with_name("corroboration_pairs.jsonl")


def scored_pairs(data: Path, labels: Path) -> tuple[list[tuple[bool, float, str, str]], int]:
    """Each labelled pair's label, score and texts, and how many labels no longer fit the data."""
    rows = read_rows(data)
    by_row: dict[str, list[dict[str, object]]] = defaultdict(list)
    for label in read_labels(labels):
        by_row[str(label["row"])].append(label)
    scored, stale = [], 0
    for row_id, wanted in by_row.items():
        if row_id not in rows:
            stale += len(wanted)
            continue
        documents = row_documents(rows[row_id])
        pairs = []
        for label in wanted:
            first, second = Span.read(label["a"]), Span.read(label["b"])
            texts = span_text(documents, first), span_text(documents, second)
            if texts[0] is None or texts[1] is None:
                stale += 1
                continue
            pairs.append((bool(label["same"]), texts[0], texts[1]))
        # Both sentences go in as extra texts, so that a pair is scored even if today's splitter cuts differently.
        text = story_text(documents, extra=[t for _, a, b in pairs for t in (a, b)])
        extra = text.extra_rows
        for n, (same, a, b) in enumerate(pairs):
            score = point_scores(text, [extra[2 * n]], [extra[2 * n + 1]])[0, 0]
            scored.append((same, float(score), a, b))
    return scored, stale


def counts(scored: list[tuple[bool, float, str, str]], threshold: float) -> tuple[int, int, int]:
    found = sum(1 for same, score, _, _ in scored if same and score >= threshold)
    wrong = sum(1 for same, score, _, _ in scored if not same and score >= threshold)
    missed = sum(1 for same, score, _, _ in scored if same and score < threshold)
    return found, wrong, missed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="duc2004-grouping-dev.jsonl")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--sweep", action="store_true", help="precision and recall at other thresholds")
    parser.add_argument("--errors", action="store_true", help="print the pairs scored wrongly")
    args = parser.parse_args()
    scored, stale = scored_pairs(args.data, args.labels)
    positives = sum(1 for same, *_ in scored if same)
    print(f"{len(scored)} labelled pairs ({positives} same, {len(scored) - positives} different)", end="")
    print(f"; {stale} no longer match the data and were left out" if stale else "")
    print(f"matcher (threshold {SAME_POINT}): {precision_recall(*counts(scored, SAME_POINT))}")
    if args.sweep:
        for threshold in (0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6):
            print(f"  at {threshold:.2f}: {precision_recall(*counts(scored, threshold))}")
    if args.errors:
        for same, score, a, b in sorted(scored, key=lambda item: -item[1]):
            if same != (score >= SAME_POINT):
                print(f"\n{'missed' if same else 'wrong'} {score:.2f}\n  A: {a}\n  B: {b}")


if __name__ == "__main__":
    main()
