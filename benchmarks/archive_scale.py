"""An archive briefed end to end: time and peak memory of ``briefing build`` at archive sizes.

Usage::

    PYTHONPATH=. python benchmarks/archive_scale.py DATA/bbc-news-dev.jsonl DATA/duc2006-dev.jsonl [...] \
        [--sizes 1000,20000,100000] [--modes jobs1,local] [--root PATH] [--format json]

The archive is N distinct Markdown articles made from the sources as
``story_scale.py`` makes its piles: copy r of the sources gets its own
vocabulary (each word outside the sources' 500 most common ones takes a suffix
of letters particular to the copy, "Sihanouk" becomes "Sihanoukqb"), so that
copies are neither near-duplicates of each other nor one story, while the
common words are shared by all. A document with a date keeps it, moved on by
``--copy-days`` days per copy, in the front matter. The files are written once
per size, into a temporary folder.

Each mode runs ``python -m briefing build ARCHIVE -o OUT`` in a fresh process
(started from a small runner, so that this process's memory is not counted):
``jobs1`` with ``--jobs 1`` (one process), ``pool`` with the default process
pool, ``local`` with ``--scheduler local --jobs W`` (a LocalCluster of ``--workers``
worker processes). ``--root`` runs another checkout's code (say, an older
commit in a ``git worktree``), which must know the flags the mode uses. The
peak is the highest sum of the resident memory of the command and all its
descendants (workers included), sampled every 0.2 s; ``client`` is the
command's own peak (its max RSS). Per-article figures divide the peak by N;
the growth exponent k (time or memory ∝ n^k) is given between consecutive
sizes. When two modes ran at a size, their outputs are compared byte for byte.
"""

from __future__ import annotations

import argparse
import filecmp
import itertools
import json
import math
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from story_scale import generated_pile  # run as a script: its folder is on the path

ROOT = Path(__file__).resolve().parent.parent
DATE = "2026-11-23"
MODES = {"jobs1": ["--jobs", "1"], "pool": [], "local": ["--scheduler", "local"]}

RUNNER = """
import json, resource, subprocess, sys, time
import psutil
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
peak = 0
parent = psutil.Process(child.pid)
while child.poll() is None:
    try:
        tree = [parent, *parent.children(recursive=True)]
        peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
    except psutil.Error:
        pass
    time.sleep(0.2)
errors = child.stderr.read().decode(errors="replace")
seconds = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"status": child.returncode, "errors": errors[-2000:], "seconds": seconds,
                  "peak_kb": peak // 1024, "client_kb": own.ru_maxrss}))
"""
"""Runs one command, sampling its process tree's memory; ``RUSAGE_CHILDREN``'s max RSS is the
largest single descendant's (the command itself, for a build that keeps the documents)."""


def write_archive(sources: Sequence[Path], size: int, folder: Path, copy_days: int) -> int:
    """``size`` Markdown articles under ``folder`` (a thousand per subfolder); returns their characters."""
    documents, _ = generated_pile(sources, size, "articles")
    characters = 0
    for number, made in enumerate(documents):
        copy = int(made.id.rsplit("/", 1)[1])
        doc = replace(made, published=made.published + timedelta(days=copy * copy_days)) if made.published else made
        front = f"---\ndate: {doc.published.isoformat()}\n---\n" if doc.published else ""
        path = folder / f"{number // 1000:03d}" / f"article-{number:06d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(front + doc.text, encoding="utf-8")
        characters += len(doc.text)
    return characters


def run(root: Path, archive: Path, out: Path, mode: str, workers: int) -> dict[str, float]:
    """One build of ``archive`` in ``mode``; its seconds and peak memory."""
    command = [sys.executable, "-m", "briefing", "build", str(archive.resolve()), "-o", str(out.resolve())]
    command += ["--date", DATE, "-q"]
    command += MODES[mode] + (["--jobs", str(workers)] if mode == "local" else [])
    env = {**os.environ, "PYTHONPATH": str(root)}
    # From the root: "python -m" puts the working folder before PYTHONPATH on the import path.
    report = subprocess.run(
        [sys.executable, "-c", RUNNER, *command], env=env, cwd=root, capture_output=True, check=True
    )
    result: dict[str, float] = json.loads(report.stdout)
    if result["status"] != 0:
        errors = str(result["errors"]).strip().splitlines()
        return {"error": errors[-1] if errors else f"exit {result['status']}"}  # type: ignore[dict-item]
    return result


def growth(sizes: Sequence[int], values: Sequence[float]) -> Iterator[str]:
    """The exponent k in value ∝ n^k between consecutive sizes."""
    for (n1, v1), (n2, v2) in itertools.pairwise(zip(sizes, values, strict=True)):
        if v1 > 0 and v2 > 0:
            yield f"{n1}→{n2}: n^{math.log(v2 / v1) / math.log(n2 / n1):.2f}"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sources", type=Path, nargs="+", help="JSON Lines of clusters (documents) or articles")
    parser.add_argument("--sizes", default="1000,20000,100000")
    parser.add_argument("--modes", default="jobs1,local", help=f"comma-separated, of {', '.join(MODES)}")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster workers (mode local)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the checkout whose code is run")
    parser.add_argument("--format", default="json", choices=("json", "md"))
    parser.add_argument("--copy-days", type=int, default=30, help="days each copy's dates move on")
    parser.add_argument("--keep", type=Path, help="folder to keep the outputs in (default: thrown away)")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size]
    modes = [mode for mode in args.modes.split(",") if mode]
    print(f"code: {args.root}; load average {' '.join(Path('/proc/loadavg').read_text().split()[:3])}")
    rows: dict[str, list[tuple[int, dict[str, float]]]] = {mode: [] for mode in modes}
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="briefing-archive-") as tmp:
            archive = Path(tmp) / "archive"
            characters = write_archive(args.sources, size, archive, args.copy_days)
            outputs = []
            for mode in modes:
                out = (args.keep or Path(tmp)) / f"brief-{size}-{mode}.{args.format}"
                out.parent.mkdir(parents=True, exist_ok=True)
                result = run(args.root, archive, out, mode, args.workers)
                load = Path("/proc/loadavg").read_text().split()[0]
                if "error" in result:
                    print(f"{mode:>6} {size:>7}: failed: {result['error']} (load {load})", flush=True)
                    continue
                rows[mode].append((size, result))
                outputs.append(out)
                peak = result["peak_kb"] / 1024
                print(
                    f"{mode:>6} {size:>7}: {result['seconds']:8.1f} s, peak {peak:8.0f} MB "
                    f"(client {result['client_kb'] / 1024:.0f} MB), {peak / size * 1024:6.1f} KB per article, "
                    f"text {characters / size / 1024:.1f} KB per article (load {load})",
                    flush=True,
                )
            if len(outputs) > 1:
                same = all(filecmp.cmp(outputs[0], other, shallow=False) for other in outputs[1:])
                print(f"{'':>6} {size:>7}: outputs {'identical' if same else 'DIFFER'}", flush=True)
    for mode, done in rows.items():
        if len(done) > 1:
            ns = [n for n, _ in done]
            print(f"{mode}: time", ", ".join(growth(ns, [r["seconds"] for _, r in done])))
            print(f"{mode}: peak", ", ".join(growth(ns, [r["peak_kb"] for _, r in done])))


if __name__ == "__main__":
    main()
