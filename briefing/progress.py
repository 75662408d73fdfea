"""Hearing how a long run is going: stage timings and a progress bar on stderr.

The pipeline reports to a :class:`StageListener`; it never prints. The
command line's :class:`StderrReporter` turns those reports into a progress bar
(only on a terminal) and, with ``--verbose``, one line of timing per stage.
rich is imported only when a bar is actually shown, so a quiet or piped run
and ``briefing --help`` never pay for it.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID


REFRESH_SECONDS = 0.1
"""The bar is redrawn at most this often while items are done (and at each new stage)."""


class StageListener(Protocol):
    """What the pipeline tells about its stages, in the order they run."""

    def stage_started(self, name: str, total: int | None) -> None:
        """Stage ``name`` begins; ``total`` items of work, when known."""

    def advanced(self, count: int) -> None:
        """``count`` more items of the current stage are done."""

    def stage_finished(self, name: str, seconds: float) -> None:
        """Stage ``name`` ended after ``seconds`` of wall time."""


@contextmanager
def stage(listener: StageListener | None, name: str, total: int | None = None) -> Iterator[None]:
    """Tell ``listener`` when stage ``name`` starts and how long it took."""
    if listener:
        listener.stage_started(name, total)
    start = time.perf_counter()
    yield
    if listener:
        listener.stage_finished(name, time.perf_counter() - start)


class StderrReporter:
    """A progress bar when ``stream`` is a terminal, and stage timings when ``verbose``."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.verbose = verbose
        self.show_bar = not quiet and self.stream.isatty()
        self._bar: Progress | None = None
        self._tasks: list[TaskID] = []
        """The bar's rows: one per stage under way, the innermost last."""
        self._refreshed = 0.0

    def stage_started(self, name: str, total: int | None) -> None:
        if not self.show_bar:
            return
        if self._bar is None:
            from rich.console import Console
            from rich.progress import BarColumn, Progress, SpinnerColumn, TaskProgressColumn, TimeElapsedColumn

            self._bar = Progress(
                SpinnerColumn(),
                "{task.description}",
                BarColumn(),
                TaskProgressColumn(),
                TimeElapsedColumn(),
                console=Console(file=self.stream),
                transient=True,
                auto_refresh=False,  # no refresh thread, so that worker processes may be forked
            )
            self._bar.start()
        self._tasks.append(self._bar.add_task(name, total=total))
        self._refresh(self._bar)

    def advanced(self, count: int) -> None:
        if self._bar is not None and self._tasks:
            self._bar.advance(self._tasks[-1], count)
            if time.monotonic() - self._refreshed > REFRESH_SECONDS:
                self._refresh(self._bar)

    def _refresh(self, bar: Progress) -> None:
        bar.refresh()
        self._refreshed = time.monotonic()

    def stage_finished(self, name: str, seconds: float) -> None:
        if self._bar is not None and self._tasks:
            self._bar.remove_task(self._tasks.pop())
        if self.verbose:
            line = f"briefing: {name}: {seconds:.3f} s"
            if self._bar is not None:
                self._bar.console.print(line, highlight=False, markup=False)
            else:
                print(line, file=self.stream)

    def __enter__(self) -> StderrReporter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Take the bar off the terminal, however the run ended."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
