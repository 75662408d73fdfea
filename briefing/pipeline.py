"""The whole job as one function: load, group, summarise, extract, assemble."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from os import PathLike
from typing import TYPE_CHECKING, TypeVar

from briefing.errors import ConfigError, NoInputError
from briefing.loaders import LoadOptions, load_documents
from briefing.models import Briefing, Document, InputWarning, Story
from briefing.progress import StageListener, stage
from briefing.statements import story_statements
from briefing.summarize import group_stories, story_headline, summarize_story
from briefing.text import check_language

if TYPE_CHECKING:
    import multiprocessing.context

Item = TypeVar("Item")
Result = TypeVar("Result")

PROBE_ITEMS = 8
"""Items done in this process first, to time the work before choosing whether to start a pool."""

POOL_WORTH_SECONDS = 2.0
"""A pool is started only for work expected to take longer than this in one process:
starting workers and sending them the documents has a cost, and on a shared
machine the other cores may be busy, so a pool only pays for long work."""


def default_jobs() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def check_jobs(jobs: int | None) -> int:
    """``jobs`` as a worker count: ``None`` means every core."""
    if jobs is None:
        return default_jobs()
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ConfigError(f"jobs must be a whole number of at least 1, not {jobs!r}")
    return jobs


def map_in_order(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    jobs: int,
    listener: StageListener | None = None,
) -> list[Result]:
    """``function`` over ``items``, in a process pool when it pays; results in the items' order.

    The first :data:`PROBE_ITEMS` items are done here and timed; the rest go to
    a pool of ``jobs`` workers only if they would take longer than
    :data:`POOL_WORTH_SECONDS` here, whatever the stages cost. The order of the
    results never depends on which worker finished first, so ``jobs`` changes
    the time taken and nothing else. ``function`` and the items must pickle (a
    module-level function, frozen records).
    """
    results: list[Result] = []
    seconds: list[float] = []
    for index, item in enumerate(items):
        if jobs > 1 and index == PROBE_ITEMS and _worth_a_pool(seconds, len(items) - index):
            results.extend(_map_in_pool(function, items[index:], jobs, listener))
            break
        start = time.perf_counter()
        results.append(function(item))
        seconds.append(time.perf_counter() - start)
        if listener:
            listener.advanced(1)
    return results


def _worth_a_pool(seconds: Sequence[float], items_left: int) -> bool:
    """Whether ``items_left`` items, each as long as the median of ``seconds``, outlast the pool's cost."""
    median = sorted(seconds)[len(seconds) // 2]  # not statistics.median: 5 ms more for ``briefing --help``
    return median * items_left > POOL_WORTH_SECONDS


def _map_in_pool(
    function: Callable[[Item], Result], items: Sequence[Item], jobs: int, listener: StageListener | None
) -> Iterator[Result]:
    from concurrent.futures import ProcessPoolExecutor  # here: ``briefing --help`` should not pay for it

    workers = min(jobs, len(items))
    with ProcessPoolExecutor(workers, mp_context=pool_context()) as pool:
        for result in pool.map(function, items, chunksize=max(1, len(items) // (workers * 8))):
            if listener:
                listener.advanced(1)
            yield result


def pool_context() -> multiprocessing.context.BaseContext:
    """How workers start: by fork where that is safe, else from a clean process.

    A forked worker starts at once with every module this process has already
    imported (sumy's first story costs about a second of imports in a fresh
    process). Forking is safe on Linux while this process runs one thread; with
    other threads (a caller's, a progress display's) a lock held at the fork
    could stay held forever in the worker, so forkserver (or spawn) is used.
    """
    import multiprocessing
    import threading

    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")


def assemble_briefing(
    documents: Sequence[Document],
    *,
    title: str = "Briefing",
    date: dt.date,
    warnings: Sequence[InputWarning] = (),
    method: str | None = None,
    sentences: int | None = None,
    language: str = "english",
    jobs: int | None = None,
    listener: StageListener | None = None,
) -> Briefing:
    """A briefing of documents already loaded: one story per event, summarised, the most reported first.

    Stories are summarised ``jobs`` at a time (default: one per core); the
    result is the same whatever ``jobs`` is. ``listener`` hears of each stage.
    """
    language = check_language(language)
    jobs = check_jobs(jobs)
    with stage(listener, "group stories"):
        # The story more outlets report comes first; ties keep the order documents arrived in.
        groups = sorted(group_stories(documents), key=len, reverse=True)
    brief = partial(brief_story, method=method, sentences=sentences, language=language)
    with stage(listener, "summaries and statements", len(groups)):
        stories = map_in_order(brief, groups, jobs=jobs, listener=listener)
    return Briefing(
        title=title, date=date, documents=tuple(documents), stories=tuple(stories), warnings=tuple(warnings)
    )


def brief_story(group: Sequence[Document], *, method: str | None, sentences: int | None, language: str) -> Story:
    """One story of ``group``: its title, summary and key statements (run in a worker process)."""
    summary = summarize_story(group, method=method, sentences=sentences, language=language)
    title, headline_source = story_headline(group)
    return Story(
        title=title,
        documents=tuple(doc.id for doc in group),
        summary=tuple(summary),
        statements=tuple(story_statements(group, summary, language=language)),
        headline_source=headline_source,
    )


def build_briefing(
    inputs: Sequence[str | PathLike[str]],
    *,
    title: str = "Briefing",
    date: dt.date,
    method: str | None = None,
    sentences: int | None = None,
    language: str = "english",
    on_warning: Callable[[InputWarning], None] | None = None,
    load_options: LoadOptions | None = None,
    jobs: int | None = None,
    listener: StageListener | None = None,
) -> Briefing:
    """Load ``inputs`` and brief them; raises :class:`NoInputError` when none was usable.

    ``date`` is required so that the same inputs always give the same briefing;
    ``on_warning`` hears of each input left out; ``load_options`` caps each
    input's size and a URL's time; inputs are loaded, and stories briefed,
    ``jobs`` at a time; ``listener`` hears of each stage.
    """
    check_language(language)
    jobs = check_jobs(jobs)
    # Standard input can be read only here, not in a worker.
    load_jobs = 1 if "-" in map(str, inputs) else jobs
    with stage(listener, "load"):
        loaded = load_documents(
            inputs,
            on_warning=on_warning,
            options=load_options,
            mapper=partial(map_in_order, jobs=load_jobs, listener=listener),
        )
    if not loaded.documents:
        count = len(loaded.warnings)
        raise NoInputError(f"no usable input: all {count} input{'s' if count != 1 else ''} were left out")
    return assemble_briefing(
        loaded.documents,
        title=title,
        date=date,
        warnings=loaded.warnings,
        method=method,
        sentences=sentences,
        language=language,
        jobs=jobs,
        listener=listener,
    )
