"""The build's work on a Dask cluster: the tasks a process pool would run, run by its workers.

``briefing build --scheduler ADDRESS`` hands each stage's work (reading the
inputs and their near-copy band keys, cleaning and preparing each document,
briefing each story) to the workers of the Dask scheduler at ``ADDRESS``, or
of a ``LocalCluster`` started for the build (``local``). The items go to the
workers in batches (:data:`BATCHES_PER_WORKER` per worker, at most
:data:`MOST_PER_BATCH` items each), so that the scheduler handles thousands
of tasks, not millions; the results come back in the items' order, and
everything that joins them (de-duplication, grouping, rendering) runs on the
client in that order, so the briefing is the same, byte for byte, as one
built in one process. Workers read the inputs themselves: a file must be
found at the same path on every worker (a shared folder).

Dask is an optional extra (``pip install "briefing[dask]"``), imported only here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from briefing.errors import ConfigError

if TYPE_CHECKING:
    from distributed import Client

    from briefing.pipeline import Mapper
    from briefing.progress import StageListener

Item = TypeVar("Item")
Result = TypeVar("Result")

BATCHES_PER_WORKER = 8
"""Batches each worker is given per stage: enough that a slow batch does not hold up the rest."""
MOST_PER_BATCH = 500
"""Most items in one task, so that a task's data stays small beside a worker's memory."""
CONNECT_SECONDS = 10
"""How long to wait for the scheduler to answer."""


@contextmanager
def dask_mapper(address: str, *, workers: int | None = None, listener: StageListener | None = None) -> Iterator[Mapper]:
    """A :data:`~briefing.pipeline.Mapper` that runs on the scheduler at ``address`` (``local``: a new
    ``LocalCluster`` of ``workers`` processes, one per core by default) until the block ends."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError('a Dask scheduler needs Dask: pip install "briefing[dask]"') from None
    with ExitStack() as stack:
        if address.strip().lower() == "local":
            from briefing.pipeline import default_jobs

            cluster = LocalCluster(
                n_workers=workers or default_jobs(),
                threads_per_worker=1,  # the work is pure Python: one process per core
                processes=True,
                # No dashboard, and the scheduler's HTTP server on a free port: by default it takes
                # 8787, and a build beside another Dask cluster would fail for a port it does not use.
                dashboard_address="127.0.0.1:0",
                scheduler_kwargs={"dashboard": False},
                silence_logs=logging.ERROR,
            )
            stack.enter_context(cluster)
            client = stack.enter_context(Client(cluster))
        else:
            try:
                client = stack.enter_context(Client(address, timeout=CONNECT_SECONDS))
            except (OSError, TimeoutError, ValueError) as exc:
                raise ConfigError(f"no Dask scheduler answers at {address} ({exc})") from None

        def on_cluster(function: Callable[[Item], Result], items: Sequence[Item], /) -> list[Result]:
            return map_on_cluster(client, function, items, listener=listener)

        yield on_cluster


def map_on_cluster(
    client: Client,
    function: Callable[[Item], Result],
    items: Sequence[Item],
    *,
    listener: StageListener | None = None,
) -> list[Result]:
    """``function`` over ``items`` on the client's workers, in batches; results in the items' order."""
    from distributed import as_completed

    if not items:
        return []
    workers = max(1, len(client.scheduler_info().get("workers", {})))
    size = max(1, min(MOST_PER_BATCH, -(-len(items) // (workers * BATCHES_PER_WORKER))))
    batches = [list(items[at : at + size]) for at in range(0, len(items), size)]
    sent = client.scatter(batches)  # straight to the workers, not through the scheduler's graph
    futures = client.map(_run_batch, sent, function=function, pure=False)
    if listener:
        counts = {future.key: len(batch) for future, batch in zip(futures, batches, strict=True)}
        for done in as_completed(futures):
            listener.advanced(counts[done.key])
    results: list[list[Result]] = client.gather(futures)
    return [result for batch in results for result in batch]


def _run_batch(batch: list[Any], function: Callable[[Any], Any]) -> list[Any]:
    return [function(item) for item in batch]
