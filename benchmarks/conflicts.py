"""Disagreements on figures: does the finder set side by side the figures reports give differently?

Usage::

    PYTHONPATH=. python benchmarks/conflicts.py DATA/duc2004-grouping-dev.jsonl \
        [--labels benchmarks/conflict_pairs.jsonl] [--errors]

Each label is a pair of figures from two documents of one DUC 2004 cluster,
read by a person and marked ``conflict`` when both give a value for the same
quantity at the same point (a toll, a share, a count) and the values cannot
both be true; not a conflict when they count different things (a need and a
harvest, two countries, two years, a cap and a salary). The candidates were
every pair of figures of one unit with values that do not agree, from two
documents, whose sentences share some words (cosine 0.2, one content word
around the figures in common) or whose surroundings share two content words:
far more than the finder considers, so that recall is measured against
disagreements it could miss. The set holds references, never text.

The finder (:func:`briefing.summarize.conflicts.story_conflicts`) runs on each
cluster as one story; a labelled pair counts as found when one of its
conflicts holds both figures (by overlapping spans) in two values that do not
agree. Found pairs that were never labelled are counted apart.
"""

from __future__ import annotations

import argparse
from collections import defaultdict
from pathlib import Path

from benchmarks.evaluation_data import Span, precision_recall, read_labels, read_rows, row_documents, span_text
from briefing.models import Conflict
from briefing.summarize.conflicts import story_conflicts
from briefing.summarize.corroborate import story_text

LABELS = Path(__file__).with_name("conflict_pairs.jsonl")
Place = tuple[int, int, int]
"""A figure's document, start and end."""


def flagged(conflicts: list[Conflict]) -> set[tuple[Place, Place]]:
    """Every two mentions that a conflict puts in values that do not agree."""
    found = set()
    for conflict in conflicts:
        for n, first in enumerate(conflict.values):
            for second in conflict.values[n + 1 :]:
                if first.quantity.agrees(second.quantity):
                    continue
                for a in first.mentions:
                    for b in second.mentions:
                        one, other = (int(a.document), a.start, a.end), (int(b.document), b.start, b.end)
                        found.add((min(one, other), max(one, other)))
    return found


def _overlaps(place: Place, span: Span) -> bool:
    return bool(place[0] == span.document and place[1] < span.end and span.start < place[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="duc2004-grouping-dev.jsonl")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--errors", action="store_true", help="print the pairs scored wrongly and those never labelled")
    args = parser.parse_args()
    rows = read_rows(args.data)
    by_row: dict[str, list[dict[str, object]]] = defaultdict(list)
    for label in read_labels(args.labels):
        by_row[str(label["row"])].append(label)
    found = wrong = missed = stale = unlabelled = labelled = 0
    shown: list[str] = []
    conflicts_found = 0
    for row_id, row in rows.items():
        documents = row_documents(row)
        conflicts = story_conflicts(story_text(documents), documents)
        conflicts_found += len(conflicts)
        pairs = flagged(conflicts)
        matched: set[tuple[Place, Place]] = set()
        for label in by_row.get(row_id, []):
            first, second = Span.read(label["a"]), Span.read(label["b"])
            if span_text(documents, first) is None or span_text(documents, second) is None:
                stale += 1
                continue
            labelled += 1
            hits = {
                pair
                for pair in pairs
                if (_overlaps(pair[0], first) and _overlaps(pair[1], second))
                or (_overlaps(pair[0], second) and _overlaps(pair[1], first))
            }
            matched |= hits
            conflict, hit = bool(label["conflict"]), bool(hits)
            found += conflict and hit
            wrong += hit and not conflict
            missed += conflict and not hit
            if args.errors and conflict != hit:
                texts = [documents[s.document].text[s.start : s.end] for s in (first, second)]
                shown.append(f"{'missed' if conflict else 'wrong'} {row_id}: {texts[0]!r} / {texts[1]!r}")
        for pair in pairs - matched:
            unlabelled += 1
            if args.errors:
                texts = [documents[p[0]].text[p[1] : p[2]] for p in pair]
                shown.append(f"never labelled {row_id}: {texts[0]!r} / {texts[1]!r}")
    print(f"{labelled} labelled figure pairs", end="")
    print(f"; {stale} no longer match the data and were left out" if stale else "")
    print(f"finder: {precision_recall(found, wrong, missed)}")
    print(
        f"{conflicts_found} disagreements found in {len(rows)} clusters; {unlabelled} flagged pairs were never labelled"
    )
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
