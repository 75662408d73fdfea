"""``--jobs``, progress and timings: a process pool changes the time taken, never the briefing."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import io
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

import briefing.pipeline as pipeline
from briefing import ConfigError, build_briefing, render
from briefing.cli import main
from briefing.options import BuildOptions, RunOptions
from briefing.progress import StderrReporter, stage

DATE = dt.date(2026, 11, 23)
TOPICS = [
    ("Library", "reading room", "librarian Ada Moss", "books"),
    ("Bridge", "river crossing", "engineer Tomas Reyes", "steel cables"),
    ("School", "new classrooms", "headteacher Lena Park", "pupils"),
    ("Hospital", "emergency ward", "surgeon Omar Haddad", "beds"),
    ("Stadium", "north stand", "club chair Ruth Ingram", "seats"),
    ("Market", "covered hall", "trader Piet de Vries", "stalls"),
]


def _article(place: str, thing: str, person: str, unit: str, number: int) -> str:
    return (
        f"{place} {thing} opens after {number} months\n\n"
        f"The {thing} of the {place.lower()} opened on Monday after {number} months of work.\n"
        f"It cost {number * 3} million euros and adds {number * 40} {unit}.\n"
        f'"People waited a long time for this and it was worth it," said {person}.\n'
        f"A second phase is planned for {2027 + number % 3}.\n"
    )


@pytest.fixture
def many_articles(tmp_path: Path) -> Path:
    """Eighteen short, distinct articles: enough for a pool to be worth starting."""
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(18):
        place, thing, person, unit = TOPICS[number % len(TOPICS)]
        (folder / f"{place.lower()}-{number:02d}.txt").write_text(
            _article(place, thing, person, unit, number + 5), encoding="utf-8"
        )
    return folder


class CountingPool(concurrent.futures.ProcessPoolExecutor):
    """The real pool, counting how often one is started."""

    started = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        CountingPool.started += 1
        super().__init__(*args, **kwargs)


@pytest.fixture
def eager_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start a pool after two items, however little work is left."""
    monkeypatch.setattr(pipeline, "PROBE_ITEMS", 2)
    monkeypatch.setattr(pipeline, "POOL_WORTH_SECONDS", 0.0)


def test_jobs_give_the_same_json(many_articles: Path, eager_pool: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountingPool)
    CountingPool.started = 0
    one = render(build_briefing([many_articles], BuildOptions(run=RunOptions(jobs=1)), date=DATE), "json")
    assert CountingPool.started == 0
    two = render(build_briefing([many_articles], BuildOptions(run=RunOptions(jobs=2)), date=DATE), "json")
    assert CountingPool.started == 3  # one for loading, one for cleaning, one for the stories
    assert one == two
    assert "worth it" in str(one)


def test_command_output_is_the_same_with_any_jobs(many_articles: Path, tmp_path: Path, eager_pool: None) -> None:
    outputs = []
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"brief-{jobs}.json"
        assert main(["build", str(many_articles), "-o", str(out), "--date", "2026-11-23", "--jobs", jobs]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_quick_work_starts_no_pool(many_articles: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountingPool)
    CountingPool.started = 0
    build_briefing([many_articles], BuildOptions(run=RunOptions(jobs=4)), date=DATE)
    assert pipeline.map_in_order(len, ["word"] * 1000, jobs=4) == [4] * 1000
    assert CountingPool.started == 0


def test_a_pool_starts_when_the_first_items_show_the_work_is_long(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "POOL_WORTH_SECONDS", 0.1)
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", CountingPool)
    CountingPool.started = 0
    assert pipeline.map_in_order(time.sleep, [0.0] * 40, jobs=2) == [None] * 40
    assert CountingPool.started == 0
    assert pipeline.map_in_order(time.sleep, [0.01] * 40, jobs=2) == [None] * 40
    assert CountingPool.started == 1
    assert pipeline.map_in_order(time.sleep, [0.01] * 40, jobs=1) == [None] * 40
    assert CountingPool.started == 1


def test_map_in_order_keeps_the_order_of_the_items(eager_pool: None) -> None:
    items = [str(n) * (50 - n) for n in range(40)]
    assert pipeline.map_in_order(len, items, jobs=2) == [len(item) for item in items]


def test_an_error_in_a_worker_reaches_the_caller(eager_pool: None) -> None:
    with pytest.raises(ConfigError, match="jobs must be a whole number of at least 1"):
        pipeline.map_in_order(_run_options, [1, 2, 3, 4, 0, 5], jobs=2)


def _run_options(jobs: int) -> RunOptions:
    return RunOptions(jobs=jobs)


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked only on Linux")
def test_workers_are_forked_only_while_one_thread_runs(eager_pool: None) -> None:
    assert pipeline.pool_context().get_start_method() == "fork"
    stop = threading.Event()
    waiter = threading.Thread(target=stop.wait)
    waiter.start()
    try:
        assert pipeline.pool_context().get_start_method() == "forkserver"
        items = ["x" * n for n in range(20)]
        assert pipeline.map_in_order(len, items, jobs=2) == list(range(20))
    finally:
        stop.set()
        waiter.join()


@pytest.mark.parametrize("jobs", [0, -1, True, 1.5])
def test_bad_jobs_are_refused(articles: Path, jobs: Any) -> None:
    with pytest.raises(ConfigError, match="jobs must be a whole number of at least 1"):
        build_briefing([articles], BuildOptions(run=RunOptions(jobs=jobs)), date=DATE)


def test_command_refuses_zero_jobs(articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["build", str(articles), "-o", str(tmp_path / "b.md"), "--jobs", "0"])
    assert exit_info.value.code == 2
    assert "must be a whole number of at least 1: '0'" in capsys.readouterr().err


def test_verbose_prints_each_stage_time(articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(articles), "-o", str(tmp_path / "b.md"), "--verbose"]) == 0
    lines = capsys.readouterr().err.splitlines()
    names = [line.split(": ")[1] for line in lines]
    assert names == ["load", "clean", "group stories", "summaries and statements", "render md", "write", "total"]
    assert all(line.startswith("briefing: ") and line.endswith(" s") for line in lines)


def test_quiet_and_verbose_exclude_each_other(articles: Path, tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["build", str(articles), "-o", str(tmp_path / "b.md"), "--quiet", "--verbose"])


class Terminal(io.StringIO):
    """A stream that says it is a terminal, as stderr does in an interactive shell."""

    def isatty(self) -> bool:
        return True


def _report(stream: io.StringIO, **options: bool) -> None:
    with StderrReporter(stream=stream, **options) as reporter, stage(reporter, "summaries and statements", 3):
        reporter.advanced(3)


def test_progress_bar_only_on_a_terminal() -> None:
    terminal, pipe, quiet = Terminal(), io.StringIO(), Terminal()
    _report(terminal)
    _report(pipe)
    _report(quiet, quiet=True)
    assert "summaries and statements" in terminal.getvalue()
    assert pipe.getvalue() == ""
    assert quiet.getvalue() == ""


def test_timings_without_a_terminal() -> None:
    pipe = io.StringIO()
    _report(pipe, verbose=True)
    assert pipe.getvalue().startswith("briefing: summaries and statements: ")
