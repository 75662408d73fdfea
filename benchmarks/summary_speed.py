"""Speed of the default method against sumy's LexRank, on the same sentences.

Usage::

    PYTHONPATH=. python benchmarks/summary_speed.py bbc-news-dev.jsonl [--sizes 1000,3000] [--repeat 3]

Articles from the JSONL file (its ``article`` field) are joined until the text
has the asked number of sentences; both methods then rank the same sentences
for a 5-sentence summary. Ranking time is timed apart from splitting, which
both pay alike; the full ``summarize()`` call of the default method is shown
too, and our re-implementation of LexRank (same picks as sumy's). numpy and
scipy use whatever BLAS threads they find (OMP_NUM_THREADS=1: one core).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from briefing.summarize import DEFAULT_METHOD, METHODS, summarize
from briefing.summarize.methods import sumy_method
from briefing.summarize.pool import Pool
from briefing.text import split_sentences


def text_of(path: Path, sentences: int) -> str:
    """Articles joined until the text has at least ``sentences`` sentences, cut to exactly that many."""
    parts: list[str] = []
    count = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            article = json.loads(line)["article"]
            parts.append(article)
            count += len(split_sentences(article))
            if count >= sentences:
                break
    text = "\n\n".join(parts)
    spans = split_sentences(text)
    return text[: spans[min(sentences, len(spans)) - 1].end]


def best_time(run: Callable[[], object], repeat: int) -> float:
    """Fastest of ``repeat`` runs, in seconds (the least disturbed by other work on the machine)."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("path", type=Path)
    parser.add_argument("--sizes", default="1000,3000")
    parser.add_argument("--repeat", type=int, default=3, help="runs of the default method (LexRank runs once)")
    args = parser.parse_args(argv)

    ours, sumys_lexrank = METHODS[DEFAULT_METHOD], sumy_method("lexrank", limited=False)
    ours(Pool(split_sentences("Warm up the imports. Then time them. Fairly.")), 1)
    print(
        f"{'sentences':>9} {'sumy lexrank s':>15} {DEFAULT_METHOD + ' s':>9} {'ratio':>7} "
        f"{'summarize() s':>14} {'our lexrank s':>14}"
    )
    for size in (int(n) for n in args.sizes.split(",")):
        text = text_of(args.path, size)
        pool = Pool(split_sentences(text))
        theirs = best_time(lambda: sumys_lexrank(pool, 5), 1)  # noqa: B023 - called at once
        mine = best_time(lambda: ours(pool, 5), args.repeat)  # noqa: B023
        whole = best_time(lambda: summarize(text, sentences=5), args.repeat)  # noqa: B023
        fast = best_time(lambda: METHODS["lexrank"](pool, 5), args.repeat)  # noqa: B023
        print(
            f"{len(pool.sentences):>9} {theirs:>15.2f} {mine:>9.3f} {theirs / mine:>6.0f}× "
            f"{whole:>14.3f} {fast:>14.3f}",
            flush=True,
        )


if __name__ == "__main__":
    main()
