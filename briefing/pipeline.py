"""The whole job as one function: load, group, summarise, extract, assemble."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from os import PathLike
from typing import TYPE_CHECKING, TypeVar

from briefing.errors import LeftOutError, NoInputError
from briefing.loaders import load_documents
from briefing.models import Briefing, Document, InputWarning, Story
from briefing.options import BuildOptions, RunOptions, SummaryOptions
from briefing.progress import StageListener, stage
from briefing.statements import story_statements
from briefing.summarize import group_stories, story_headline, summarize_story
from briefing.summarize.article import Article, prepare_article
from briefing.text.clean import Cleaned, clean_document
from briefing.text.controls import one_line

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


Mapper = Callable[[Callable[[Item], Result], Sequence[Item]], list[Result]]
"""How a stage's work is run over its items, results in the items' order: :func:`map_in_order`
here and in a process pool, or the tasks of a Dask cluster (:mod:`briefing.distributed`)."""


@contextmanager
def work_mapper(run: RunOptions, listener: StageListener | None = None) -> Iterator[Mapper]:
    """The :data:`Mapper` that ``run`` asks for, for the length of a build: ``run.jobs`` processes
    of this machine, or the Dask cluster at ``run.scheduler`` (``local``: one started for the build)."""
    if run.scheduler:
        from briefing.distributed import dask_mapper  # only when asked for: Dask is an optional extra

        with dask_mapper(run.scheduler, workers=run.jobs, listener=listener) as mapper:
            yield mapper
    else:
        yield partial(map_in_order, jobs=run.jobs or default_jobs(), listener=listener)  # type: ignore[misc]


def assemble_briefing(
    documents: Sequence[Document],
    options: BuildOptions | None = None,
    *,
    date: dt.date,
    warnings: Sequence[InputWarning] = (),
    on_warning: Callable[[InputWarning], None] | None = None,
    listener: StageListener | None = None,
    mapper: Mapper | None = None,
) -> Briefing:
    """A briefing of documents already loaded: one story per event, summarised, the most reported first.

    Each document is cleaned first (:func:`clean_documents`); one that is not
    an article is left out with a warning, which ``on_warning`` hears of.
    The work is run by ``mapper`` (default: the one ``options.run`` asks for,
    :func:`work_mapper`); the result is the same whatever runs it. ``listener``
    hears of each stage. Raises :class:`NoInputError` when no document is an
    article, and :class:`LeftOutError` when one is not and ``options.run.strict``.
    """
    options = options or BuildOptions()
    if mapper is None:
        with work_mapper(options.run, listener) as run:
            return assemble_briefing(
                documents, options, date=date, warnings=warnings, on_warning=on_warning, listener=listener, mapper=run
            )
    with stage(listener, "clean", len(documents)):
        articles, left, notes = clean_documents(documents, options.summary.language, mapper=mapper)
    for warning in (*left, *notes):
        if on_warning:
            on_warning(warning)
    if documents and not articles:
        count = len(documents)
        none = "the only document is not" if count == 1 else f"none of the {count} documents is"
        raise NoInputError(f"no usable input: {none} an article")
    if options.run.strict and left:
        raise left_out(left)
    with stage(listener, "group stories"):
        # The story more outlets report comes first; ties keep the order documents arrived in.
        groups = sorted(group_stories(articles, window_days=options.stories.window_days), key=len, reverse=True)
    brief = partial(brief_story, options=options.summary)
    with stage(listener, "summaries and statements", len(groups)):
        stories = mapper(brief, groups)
    return Briefing(
        title=options.title,
        date=date,
        documents=tuple(article.document for article in articles),
        stories=tuple(stories),
        warnings=(*warnings, *left, *notes),
    )


def clean_documents(
    documents: Sequence[Document], default_language: str, *, mapper: Mapper | None = None
) -> tuple[list[Article], list[InputWarning], list[InputWarning]]:
    """The documents that are articles, cleaned and prepared (:func:`prepare`); a warning for each one
    left out; a note for each one kept with something to tell (a language briefing does not read).
    ``mapper`` runs the work (default: here)."""
    cleaned = (mapper or map_here)(partial(prepare, default_language=default_language), documents)
    shared = Counter(doc.path or doc.url or doc.id for doc in documents)
    articles, left, notes = [], [], []
    for each, article in cleaned:
        doc = each.document
        where = doc.path or doc.url or doc.id
        named = f"{one_line(doc.title or doc.url or doc.id)}: " if shared[where] > 1 else ""
        if article is None:
            left.append(InputWarning(where, named + str(each.not_an_article)))
            continue
        articles.append(article)
        if each.note:
            notes.append(InputWarning(where, named + each.note))
    return articles, left, notes


def map_here(function: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """``function`` over ``items`` in this process: the :data:`Mapper` of a caller that asks for none."""
    return list(map(function, items))


def prepare(document: Document, default_language: str) -> tuple[Cleaned, Article | None]:
    """One document cleaned and, if it is an article, read into an :class:`Article` (one task: a worker
    is sent the document once)."""
    cleaned = clean_document(document, default_language)
    return cleaned, None if cleaned.not_an_article else prepare_article(cleaned.document, default_language)


def brief_story(group: Sequence[Article], *, options: SummaryOptions) -> Story:
    """One story of ``group``: its title, summary and key statements (run in a worker process)."""
    summary = summarize_story(group, options)
    title, headline_source = story_headline(group)
    return Story(
        title=title,
        documents=tuple(article.id for article in group),
        summary=tuple(summary),
        statements=tuple(story_statements(group, summary, language=options.language)),
        headline_source=headline_source,
    )


def left_out(warnings: Sequence[InputWarning]) -> LeftOutError:
    """The error of a strict run (``--strict``) in which these inputs were left out."""
    count = len(warnings)
    return LeftOutError(f"{count} input{'s were' if count != 1 else ' was'} left out, and the run is strict")


def build_briefing(
    inputs: Sequence[str | PathLike[str]],
    options: BuildOptions | None = None,
    *,
    date: dt.date,
    on_warning: Callable[[InputWarning], None] | None = None,
    listener: StageListener | None = None,
) -> Briefing:
    """Load ``inputs`` and brief them; raises :class:`NoInputError` when none was usable.

    ``date`` is required so that the same inputs always give the same briefing;
    ``on_warning`` hears of each input left out (with ``options.run.strict``,
    any such input ends the build with :class:`LeftOutError`); inputs are
    loaded, and stories briefed, ``options.run.jobs`` at a time; ``listener``
    hears of each stage.
    """
    options = options or BuildOptions()
    with work_mapper(options.run, listener) as mapper:
        with stage(listener, "load"):
            loaded = load_documents(
                inputs,
                on_warning=on_warning,
                options=options.load,
                mapper=map_here if "-" in map(str, inputs) else mapper,  # standard input is read only here
            )
        if not loaded.documents:
            count = len(loaded.warnings)
            raise NoInputError(f"no usable input: all {count} input{'s' if count != 1 else ''} were left out")
        if options.run.strict and loaded.warnings:
            raise left_out(loaded.warnings)
        return assemble_briefing(
            loaded.documents,
            options,
            date=date,
            warnings=loaded.warnings,
            on_warning=on_warning,
            listener=listener,
            mapper=mapper,
        )
