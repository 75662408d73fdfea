"""The whole job as one function: load, group, summarise, extract, assemble."""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from os import PathLike
from typing import TYPE_CHECKING, Protocol, TypeVar

from briefing.errors import LeftOutError, NoInputError
from briefing.loaders import load_documents
from briefing.models import Briefing, Conflict, Document, InputWarning, Story, SummarySentence
from briefing.options import BuildOptions, RunOptions, SummaryOptions
from briefing.progress import StageListener, stage
from briefing.statements import story_statements
from briefing.summarize import group_stories, story_headline, summarize_story
from briefing.summarize.article import Article, documents_of, prepare_article
from briefing.text.clean import Cleaned, clean_document
from briefing.text.controls import one_line

if TYPE_CHECKING:
    import multiprocessing.context

    from briefing.continuity import EarlierStory

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


class Mapper(Protocol):
    """How a stage's work is run over its items, results in the items' order: :func:`map_in_order`
    here and in a process pool, or the tasks of a Dask cluster (:mod:`briefing.distributed`)."""

    def __call__(self, function: Callable[[Item], Result], items: Sequence[Item], /) -> list[Result]: ...


@contextmanager
def work_mapper(run: RunOptions, listener: StageListener | None = None) -> Iterator[Mapper]:
    """The :data:`Mapper` that ``run`` asks for, for the length of a build: ``run.jobs`` processes
    of this machine, or the Dask cluster at ``run.scheduler`` (``local``: one started for the build)."""
    if run.scheduler:
        from briefing.distributed import dask_mapper  # only when asked for: Dask is an optional extra

        with dask_mapper(run.scheduler, workers=run.jobs, listener=listener) as mapper:
            yield mapper
    else:
        jobs = run.jobs or default_jobs()

        def on_this_machine(function: Callable[[Item], Result], items: Sequence[Item], /) -> list[Result]:
            return map_in_order(function, items, jobs=jobs, listener=listener)

        yield on_this_machine


def assemble_briefing(
    documents: Sequence[Document],
    options: BuildOptions | None = None,
    *,
    date: dt.date,
    warnings: Sequence[InputWarning] = (),
    history: Sequence[EarlierStory] = (),
    on_warning: Callable[[InputWarning], None] | None = None,
    listener: StageListener | None = None,
    mapper: Mapper | None = None,
) -> Briefing:
    """A briefing of documents already loaded: one story per event, summarised, the most reported first.

    Each document is cleaned first (:func:`clean_documents`); one that is not
    an article is left out with a warning, which ``on_warning`` hears of.
    A story that continues one of ``history`` or of the JSON briefs in
    ``options.previous`` (briefs before ``date``) is marked so, and its
    summary prefers what they did not tell (:mod:`briefing.continuity`); an
    earlier brief that cannot be read is a warning.
    The work is run by ``mapper`` (default: the one ``options.run`` asks for,
    :func:`work_mapper`); the result is the same whatever runs it. ``listener``
    hears of each stage. Raises :class:`NoInputError` when no document is an
    article, and :class:`LeftOutError` when one is not and ``options.run.strict``.
    """
    options = options or BuildOptions()
    if mapper is None:
        with work_mapper(options.run, listener) as run:
            return assemble_briefing(
                documents,
                options,
                date=date,
                warnings=warnings,
                history=history,
                on_warning=on_warning,
                listener=listener,
                mapper=run,
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
    from briefing.continuity import follow, profile_record, read_previous
    from briefing.summarize.cluster import story_profiles

    with stage(listener, "group stories"):
        # The story more outlets report comes first; ties keep the order documents arrived in.
        groups = sorted(group_stories(articles, window_days=options.stories.window_days), key=len, reverse=True)
        profiles = [profile_record(profile) for profile in story_profiles(groups, articles)]
    earlier, unread = read_previous(options.previous)
    for warning in unread:
        if on_warning:
            on_warning(warning)
    followed = follow(profiles, [*history, *earlier], date)
    items = [(group, found.points if found else ()) for group, found in zip(groups, followed, strict=True)]
    with stage(listener, "summaries and statements", len(groups)):
        stories = mapper(partial(_brief, options=options.summary), items)
    stories = [
        replace(
            story,
            profile=profile,
            first_seen=found.first_seen if found else date,
            previous=found.previous if found else (),
        )
        for story, profile, found in zip(stories, profiles, followed, strict=True)
    ]
    return Briefing(
        title=options.title,
        date=date,
        documents=tuple(article.document for article in articles),
        stories=tuple(stories),
        warnings=(*warnings, *unread, *left, *notes),
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


def brief_story(
    group: Sequence[Article], *, options: SummaryOptions, told: Sequence[tuple[str, dt.date]] = ()
) -> Story:
    """One story of ``group``: its title, summary, key statements and disagreements (run in a worker process).

    ``told`` are the points earlier briefs of the story made (sentence, date):
    the summary prefers what is new (:func:`briefing.continuity.prefer_new`).
    Each summary sentence names every document that reports its point.
    """
    # Here, not at the top: ``briefing --help`` should not pay for them.
    from briefing.continuity import prefer_new
    from briefing.summarize.conflicts import story_conflicts
    from briefing.summarize.corroborate import story_text, summary_sources

    documents = documents_of(group)
    summary = summarize_story(group, options)
    conflicts: list[Conflict] = []
    sources: list[tuple[str, ...]] | None = None
    if len(group) > 1 or told:  # a story of one document, seen for the first time, needs none of this
        text = story_text(group, options.language, extra=[point for point, _ in told])
        summary = prefer_new(text, documents, summary, options, told)
        if len(group) > 1:
            sources, conflicts = summary_sources(text, summary, documents), story_conflicts(text, documents)
    sources = sources or [(sentence.document or "",) for sentence in summary]
    outlets = {doc.id: doc.outlet for doc in documents}
    summary = [
        replace(sentence, sources=found, single_source=len({outlets[doc] for doc in found}) == 1)
        for sentence, found in zip(summary, sources, strict=True)
    ]
    title, headline_source = story_headline(group)
    return Story(
        title=title,
        documents=tuple(article.id for article in group),
        summary=tuple(summary),
        # A quote that says what the summary or an earlier brief said is not shown again.
        statements=tuple(story_statements(group, [*summary, *map(_told_point, told)], language=options.language)),
        headline_source=headline_source,
        conflicts=tuple(conflicts),
    )


def _told_point(point: tuple[str, dt.date]) -> SummarySentence:
    """A point an earlier brief made, as a summary sentence of no document of this story."""
    return SummarySentence(text=point[0], start=0, end=0, score=0.0, document="")


def _brief(item: tuple[Sequence[Article], Sequence[tuple[str, dt.date]]], options: SummaryOptions) -> Story:
    """:func:`brief_story` of one (group, points told before), for a worker."""
    group, told = item
    return brief_story(group, options=options, told=told)


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
