"""How long ``briefing --help`` takes, and which imports cost the most.

    python benchmarks/startup.py [--repeat 20] [--top 12]

Runs ``python -m briefing --help`` ``--repeat`` times in fresh processes and
prints the median, fastest and slowest wall time (the target is under 0.3 s),
then the slowest imports (cumulative) from one ``python -X importtime`` run,
and the import time of the optional progress bar library.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def run_times(command: Sequence[str], repeat: int) -> tuple[list[float], list[float]]:
    """Wall seconds and CPU seconds (user + system) of each of ``repeat`` runs of ``command``.

    CPU time is shown beside wall time because on a shared machine the wall
    time also counts the time spent waiting for a core.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        child = subprocess.Popen(command, env=ENV, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        walls.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        if child.returncode != 0:
            sys.exit(f"{' '.join(command)} failed with status {child.returncode}")
    return walls, cpus


def import_times(code: str) -> list[tuple[int, str]]:
    """(cumulative microseconds, module) for every import ``code`` makes, slowest first."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], env=ENV, capture_output=True, text=True, check=False
    )
    rows = []
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, cumulative, name = line.split("|")
            rows.append((int(cumulative), name.rstrip()))
    return sorted(rows, reverse=True)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs of briefing --help (default 20)")
    parser.add_argument("--top", type=int, default=12, help="slowest imports to list (default 12)")
    args = parser.parse_args(argv)

    for label, command in (
        ("python -c pass", [sys.executable, "-c", "pass"]),
        ("briefing --help", [sys.executable, "-m", "briefing", "--help"]),
        ("briefing build --help", [sys.executable, "-m", "briefing", "build", "--help"]),
    ):
        walls, cpus = run_times(command, args.repeat)
        print(
            f"{label:24} wall median {statistics.median(walls):.3f} s  min {min(walls):.3f} s  "
            f"max {max(walls):.3f} s;  CPU median {statistics.median(cpus):.3f} s  ({args.repeat} runs)"
        )

    print("\nSlowest imports of `briefing --help` (cumulative ms, one run of python -X importtime):")
    code = "import runpy, sys; sys.argv = ['briefing', '--help']; runpy.run_module('briefing', run_name='__main__')"
    for micros, name in import_times(code)[: args.top]:
        print(f"  {micros / 1000:7.1f}  {name}")

    print("\nProgress bar library, imported only when a bar is shown (cumulative ms):")
    for module in ("rich.progress", "tqdm"):
        rows = import_times(f"import {module}")
        print(f"  {rows[0][0] / 1000:7.1f}  {module}" if rows else f"  {module}: not installed")


if __name__ == "__main__":
    main()
