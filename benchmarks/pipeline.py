"""Time every stage of the pipeline at several corpus sizes, and the command end to end.

    python benchmarks/pipeline.py [--source PATH] [--sizes 10,100,1000] [--repeat 3]
                                  [--formats md,html,pdf,json] [--cli md] [--jobs 1,2] [--method NAME]

The corpus is written as ``.txt`` files into a temporary folder (never into the
repository) from ``--source``: a folder of ``.txt``/``.md`` files, one text file,
or a JSON Lines file whose rows carry the text in ``article`` or ``text`` (for
example a news data set). Without ``--source`` the project's own
``examples/articles`` are used. A corpus larger than its source repeats the
source's texts, each copy headed by a line ``Copy N`` so that every file is
distinct.

Each stage is timed by calling the library's public stage functions one after
the other, in a new process for every pass (after an untimed warm-up pass over
three articles), on one core: ``load`` (``load_documents``),
``split`` (``split_sentences`` of every document, on its own), ``cluster``
(``group_stories``), ``summarise`` (``summarize_story`` per story, which splits
again inside), ``statements`` (``story_statements`` per story) and ``render``
per format. ``cli`` runs ``python -m briefing build`` in a subprocess for each
``--cli`` format (and each ``--jobs`` count, when given) and reports its wall
time, its CPU time (user + system, worker processes included: a wall time
close to the CPU time means the workers found no free core) and its peak
memory (max RSS of the child). Every figure is the median of ``--repeat``
runs; sizes above ``--big`` documents run ``--big-repeat`` times (once by default).
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import itertools
import json
import math
import multiprocessing
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing import Briefing, Story, load_documents, render  # noqa: E402
from briefing.models import Document  # noqa: E402
from briefing.options import SummaryOptions  # noqa: E402
from briefing.statements import story_statements  # noqa: E402
from briefing.summarize import group_stories, story_title, summarize_story  # noqa: E402
from briefing.text import split_sentences  # noqa: E402

DATE = dt.date(2026, 11, 23)
T = TypeVar("T")


def source_texts(source: Path) -> list[str]:
    """The texts of ``source``: a folder's files, one file, or the rows of a JSON Lines file."""
    if source.is_dir():
        files = sorted(p for p in source.rglob("*") if p.suffix in {".txt", ".md"})
        return [p.read_text(encoding="utf-8") for p in files]
    if source.suffix == ".jsonl":
        with source.open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
        return [row.get("article") or row["text"] for row in rows]
    return [source.read_text(encoding="utf-8")]


def write_corpus(texts: Sequence[str], size: int, folder: Path) -> None:
    """``size`` distinct article files in ``folder``, cycling through ``texts``."""
    folder.mkdir(parents=True)
    for number in range(size):
        copy, index = divmod(number, len(texts))
        text = texts[index] if copy == 0 else f"Copy {copy + 1}\n\n{texts[index]}"
        (folder / f"article-{number:05d}.txt").write_text(text, encoding="utf-8")


def timed(action: Callable[[], T], into: dict[str, list[float]], stage: str) -> T:
    """Run ``action``, adding its wall time in seconds to ``into[stage]``."""
    start = time.perf_counter()
    result = action()
    into.setdefault(stage, []).append(time.perf_counter() - start)
    return result


def stage_run(
    folder: Path, formats: Sequence[str], method: str | None, into: dict[str, list[float]]
) -> tuple[int, int]:
    """One timed pass through every stage; returns (sentences, stories)."""
    docs: tuple[Document, ...] = timed(lambda: load_documents([folder]).documents, into, "load")
    sentences = timed(lambda: [split_sentences(d.text, d.id) for d in docs], into, "split")
    groups = timed(lambda: group_stories(docs), into, "cluster")
    summaries = timed(lambda: [summarize_story(g, SummaryOptions(method=method)) for g in groups], into, "summarise")
    statements = timed(
        lambda: [story_statements(g, s) for g, s in zip(groups, summaries, strict=True)], into, "statements"
    )
    stories = tuple(
        Story(
            title=story_title(g),
            documents=tuple(d.id for d in g),
            summary=tuple(s),
            statements=tuple(q),
        )
        for g, s, q in zip(groups, summaries, statements, strict=True)
    )
    brief = Briefing(title="Benchmark", date=DATE, documents=docs, stories=stories)
    for fmt in formats:
        timed(functools.partial(render, brief, fmt), into, f"render {fmt}")
    return sum(len(s) for s in sentences), len(stories)


def fresh_stage_run(
    folder: Path, warm_up: Path, formats: Sequence[str], method: str | None, into: dict[str, list[float]]
) -> tuple[int, int]:
    """:func:`stage_run` in a new process, after an untimed pass over ``warm_up``.

    A new process for every pass, because what an earlier pass left behind
    slowed the next one down: splitting 3,000 articles took 2.8 s in a process
    that had rendered 1,000 to PDF before, and 1.4 s in one that had not.
    """
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        times, sentences, stories = pool.submit(_stage_pass, folder, warm_up, formats, method).result()
    for stage, seconds in times.items():
        into.setdefault(stage, []).append(seconds)
    return sentences, stories


def _stage_pass(
    folder: Path, warm_up: Path, formats: Sequence[str], method: str | None
) -> tuple[dict[str, float], int, int]:
    stage_run(warm_up, formats, method, {})  # imports and caches, not measured
    times: dict[str, list[float]] = {}
    sentences, stories = stage_run(folder, formats, method, times)
    return {stage: values[0] for stage, values in times.items()}, sentences, stories


RUNNER = """
import json, os, subprocess, sys, time
start = time.perf_counter()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
errors = child.stderr.read().decode(errors="replace")
_, status, usage = os.wait4(child.pid, 0)
seconds = time.perf_counter() - start
print(json.dumps({"status": os.waitstatus_to_exitcode(status), "errors": errors, "seconds": seconds,
                  "cpu": usage.ru_utime + usage.ru_stime, "max_rss_kb": usage.ru_maxrss}))
"""
"""Runs and measures one command. Linux carries a process's peak RSS across fork and
exec, so the command is started from this small process, never from the benchmark's
own (large) one, whose peak would otherwise be counted as the command's."""


def cli_run(folder: Path, fmt: str, jobs: int | None, method: str | None, into: dict[str, list[float]]) -> None:
    """``briefing build`` in a child process: wall seconds and peak memory (MB)."""
    out = folder.parent / f"brief.{fmt}"
    command = [sys.executable, "-m", "briefing", "build", str(folder), "-o", str(out), "--date", DATE.isoformat()]
    label = f"cli {fmt}"
    if method:
        command += ["--method", method]
    if jobs is not None:
        command += ["--jobs", str(jobs)]
        label += f" j{jobs}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    report = subprocess.run([sys.executable, "-c", RUNNER, *command], env=env, capture_output=True, check=True)
    result = json.loads(report.stdout)
    if result["status"] != 0:
        sys.exit(f"briefing build failed ({result['status']}): {result['errors']}")
    into.setdefault(label, []).append(result["seconds"])
    into.setdefault(f"{label} CPU", []).append(result["cpu"])
    into.setdefault(f"{label} MB", []).append(result["max_rss_kb"] / 1024)


def growth(sizes: Sequence[int], seconds: Sequence[float]) -> Iterator[str]:
    """The exponent k in time ∝ n^k between consecutive sizes (n log n is about 1.1)."""
    for (n1, t1), (n2, t2) in itertools.pairwise(zip(sizes, seconds, strict=True)):
        if t1 > 0 and t2 > 0:
            yield f"{n1}→{n2}: n^{math.log(t2 / t1) / math.log(n2 / n1):.2f}"


def print_table(rows: list[dict[str, object]], columns: list[str]) -> None:
    """A Markdown table, so that it can be pasted into a report as it is."""
    cells = [[str(row.get(c, "")) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    print("| " + " | ".join(c.rjust(w) for c, w in zip(columns, widths, strict=True)) + " |")
    print("|" + "|".join("-" * (w + 1) + ":" for w in widths) + "|")
    for r in cells:
        print("| " + " | ".join(v.rjust(w) for v, w in zip(r, widths, strict=True)) + " |")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=ROOT / "examples" / "articles", help="folder, file or .jsonl")
    parser.add_argument("--sizes", default="10,100,1000", help="corpus sizes, comma-separated (default %(default)s)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the median is shown (default 3)")
    parser.add_argument("--big", type=int, default=1000, help="sizes above this run --big-repeat times")
    parser.add_argument("--big-repeat", type=int, default=1, help="runs for sizes above --big (default 1)")
    parser.add_argument("--formats", default="md,html,pdf,json", help="formats to render (default %(default)s)")
    parser.add_argument("--cli", default="md", help="formats to build end to end with the command ('' for none)")
    parser.add_argument("--jobs", default="", help="--jobs counts for the command, e.g. 1,2 (default: not given)")
    parser.add_argument("--method", help="summary method for summarise and the command (default: the default)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    formats = [f for f in args.formats.split(",") if f]
    cli_formats = [f for f in args.cli.split(",") if f]
    job_counts: list[int | None] = [int(j) for j in args.jobs.split(",") if j] or [None]
    texts = source_texts(args.source)
    print(f"source: {args.source} ({len(texts)} texts); method: {args.method or 'default'}; ", end="")
    print(f"python {sys.version.split()[0]}; {os.cpu_count()} cores; load average {os.getloadavg()[0]:.1f}")

    rows: list[dict[str, object]] = []
    totals: list[float] = []
    for size in sizes:
        runs = args.big_repeat if size > args.big else args.repeat
        times: dict[str, list[float]] = {}
        with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
            folder, warm_up = Path(tmp) / "articles", Path(tmp) / "warm-up"
            write_corpus(texts, size, folder)
            write_corpus(texts[:3], 3, warm_up)
            for _ in range(runs):
                sentence_count, story_count = fresh_stage_run(folder, warm_up, formats, args.method, times)
                for fmt, jobs in itertools.product(cli_formats, job_counts):
                    cli_run(folder, fmt, jobs, args.method, times)
        medians = {stage: statistics.median(values) for stage, values in times.items()}
        row: dict[str, object] = {"docs": size, "runs": runs, "sentences": sentence_count, "stories": story_count}
        row.update({k: f"{v:.0f}" if k.endswith("MB") else f"{v:.3f}" for k, v in medians.items()})
        row["loadavg"] = f"{os.getloadavg()[0]:.1f}"
        rows.append(row)
        print("  " + ", ".join(f"{k} {v}" for k, v in row.items()), file=sys.stderr, flush=True)
        totals.append(sum(v for k, v in medians.items() if not k.startswith(("cli", "render pdf", "render html"))))

    columns = list(rows[0])
    print("\nSeconds (median), one process on one core for the stages; cli = `briefing build` end to end.")
    print_table(rows, columns)
    print("\nGrowth of load+split+cluster+summarise+statements+render md/json:", ", ".join(growth(sizes, totals)))


if __name__ == "__main__":
    main()
