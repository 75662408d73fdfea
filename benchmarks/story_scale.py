"""Story grouping at scale: time and peak memory of ``group_stories`` on generated piles.

Usage::

    PYTHONPATH=. python benchmarks/story_scale.py DATA/duc2004-grouping-dev.jsonl [MORE.jsonl ...] \
        [--sizes 1000,20000,100000] [--kind leads|articles] [--near-copies 100000] [--window DAYS]

Piles are made from JSON Lines files of event clusters (``documents``,
``dates``: each row one story) or of single articles (``article``: each its
own story), e.g. every dev set at once, so that a pile needs few copies of
them. Copy r of the sources gets its own vocabulary: each word outside the
sources' 500 most common ones takes a suffix of letters particular to the
copy ("Sihanouk" becomes "Sihanoukqb"), so copies are not duplicates of each
other and each copy's events stay events, while the common words are shared
by all. ``--kind leads`` takes each document's first 200
characters (the size of a feed entry), ``articles`` the whole text.
``--near-copies N`` also groups N near-identical short entries (one template,
a handful of places and figures). Each pile is grouped in a fresh process;
the peak is the process's high-water mark of resident memory during the
grouping, above what it held before (Linux: ``/proc/self/clear_refs``), and
the whole process's peak; the CPU time beside the wall time tells what a
busy machine added. Every size also prints the stories' sizes and, for
``leads``/``articles``, the B-cubed F1 against the copies' clusters.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from stories import b_cubed, cluster_documents, unrelated_documents  # run as a script: its folder is on the path

from briefing.models import Document

COMMON_WORDS = 500
LEAD_CHARACTERS = 200
_WORD = re.compile(r"[^\W\d_]+")
_PLACES = ("Kent", "Essex", "Devon", "Cork", "Fife", "Perth", "Leeds", "York", "Derry", "Bath")


def copy_tag(copy: int) -> str:
    """Letters that mark one copy's vocabulary: "", "qa", "qb", … "qaa", …"""
    letters = ""
    while copy:
        copy, digit = divmod(copy - 1, 26)
        letters = chr(97 + digit) + letters
    return "q" + letters if letters else ""


def source_documents(sources: Sequence[Path]) -> tuple[list[Document], dict[str, str]]:
    """The documents of every source file, and each one's gold story."""
    documents: list[Document] = []
    gold: dict[str, str] = {}
    for source in sources:
        with source.open(encoding="utf-8") as lines:
            clusters = "documents" in json.loads(next(lines))
        if clusters:
            found, found_gold = cluster_documents(source)
        else:
            found = unrelated_documents(source, count=10**9, seed=0)
            found_gold = {doc.id: doc.id for doc in found}
        documents += found
        gold.update(found_gold)
    return documents, gold


def generated_pile(sources: Sequence[Path], size: int, kind: str) -> tuple[list[Document], dict[str, str]]:
    """``size`` documents from copies of the sources' documents, and each one's gold story."""
    documents, gold = source_documents(sources)
    frequency = Counter(word.lower() for doc in documents for word in _WORD.findall(doc.text))
    common = {word for word, _ in frequency.most_common(COMMON_WORDS)}
    pile: list[Document] = []
    pile_gold: dict[str, str] = {}
    copy = 0
    while len(pile) < size:
        tag = copy_tag(copy)

        def renamed(match: re.Match[str], tag: str = tag) -> str:
            word = match.group()
            return word if word.lower() in common else word + tag

        for doc in documents[: size - len(pile)]:
            text = doc.text if kind == "articles" else doc.text[:LEAD_CHARACTERS].rsplit(" ", 1)[0]
            doc_id = f"{doc.id}/{copy}"
            pile.append(Document(id=doc_id, text=_WORD.sub(renamed, text), published=doc.published))
            pile_gold[doc_id] = f"{gold[doc.id]}/{copy}"
        copy += 1
    return pile, pile_gold


def near_copies(size: int, seed: int = 1) -> list[Document]:
    """``size`` short entries from one template: a few places, figures and hours vary."""
    chosen = random.Random(seed)
    return [
        Document(
            id=f"entry-{n}",
            text=(
                f"Storm warning for {chosen.choice(_PLACES)}: heavy rain expected from {chosen.randint(1, 12)} pm, "
                f"{chosen.randint(10, 9_999)} homes without power."
            ),
        )
        for n in range(size)
    ]


def _resident_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def child(args: argparse.Namespace) -> None:
    """Build one pile, group it, and print the measures as JSON."""
    from briefing.summarize import group_stories

    gold: dict[str, str] = {}
    if args.size_of == "near":
        documents = near_copies(args.size)
    else:
        documents, gold = generated_pile(args.sources, args.size, args.kind)
    Path("/proc/self/clear_refs").write_text("5")  # reset the high-water mark to the current size
    before = _resident_kb("VmRSS")
    started, cpu_started = time.perf_counter(), time.process_time()
    stories = group_stories(documents, window_days=args.window)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    result = {
        "seconds": seconds,
        "cpu": cpu,
        "grouping_mb": (_resident_kb("VmHWM") - before) / 1024,
        "process_mb": _resident_kb("VmHWM") / 1024,
        "stories": len(stories),
        "largest": max(map(len, stories)),
        "f1": b_cubed(stories, gold)[2] if gold else None,
    }
    print(json.dumps(result))


def measure(sources: Sequence[Path], size: int, kind: str, window: float | None) -> dict[str, float]:
    command = [sys.executable, __file__, *map(str, sources), "--child", kind, "--sizes", str(size)]
    if window is not None:
        command += ["--window", str(window)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", type=Path, nargs="+", help="JSON Lines of clusters (documents) or articles")
    parser.add_argument("--sizes", default="1000,20000,100000")
    parser.add_argument("--kind", choices=("leads", "articles"), default="leads")
    parser.add_argument("--near-copies", type=int, default=0)
    parser.add_argument("--window", type=float)
    parser.add_argument("--child", dest="size_of", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.size_of:
        args.size = int(args.sizes)
        args.kind = args.size_of if args.size_of != "near" else args.kind
        child(args)
        return
    load = Path("/proc/loadavg").read_text().split()[:3]
    print(f"load average {' '.join(load)}")
    piles = [(args.kind, int(size)) for size in args.sizes.split(",") if size]
    if args.near_copies:
        piles.append(("near", args.near_copies))
    for kind, size in piles:
        result = measure(args.sources, size, kind, args.window)
        if "error" in result:
            print(f"{kind:>8} {size:>7}: failed: {result['error']}")
            continue
        f1 = f", B-cubed F1 {result['f1']:.3f}" if result["f1"] is not None else ""
        print(
            f"{kind:>8} {size:>7}: {result['seconds']:6.2f} s (CPU {result['cpu']:6.2f} s), "
            f"grouping peak {result['grouping_mb']:7.1f} MB (process {result['process_mb']:.0f} MB); "
            f"{result['stories']} stories, largest {result['largest']}{f1}"
        )


if __name__ == "__main__":
    main()
