"""Time and peak memory of ``briefing build`` on hostile inputs: small files that cause a lot of work.

    PYTHONPATH=. python benchmarks/hostile.py [--scale 1.0] [--timeout 120] [--only NAME]

Each input is made here, written to a temporary folder and briefed by
``python -m briefing build`` in a new process, alone (one input, one core);
the figures are that process's wall time and its peak memory (max RSS). A run
past ``--timeout`` seconds is stopped and reported as such. At scale 1 the
inputs have the sizes of the cases seen on real input:

- ``entity feed``: a 0.7 MB RSS feed whose one internal entity is referenced
  200,000 times (700 million characters once expanded);
- ``shared-stream PDF``: a PDF whose pages all draw one content stream;
- ``Bb. text``: 19 MB of ``Bb. `` (just under the 20 MB size cap);
- ``open quotes HTML`` / ``open quotes Markdown``: 240 KB of ``<a b='``.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_loaders_bounds import shared_stream_pdf as shared_stream_pdf_bytes  # noqa: E402


def entity_feed(folder: Path, scale: float) -> Path:
    references = int(200_000 * scale)
    entity = "The harbour tram was approved. " * 110  # about 3,500 characters
    body = "&e;" * references
    feed = (
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY e "{entity}">\n]>\n'
        f'<rss version="2.0"><channel><title>Wire</title><item><title>Tram</title>'
        f"<description>{body}</description></item></channel></rss>\n"
    )
    path = folder / "entities.rss"
    path.write_text(feed)
    return path


def shared_stream_pdf(folder: Path, scale: float) -> Path:
    path = folder / "shared.pdf"
    path.write_bytes(shared_stream_pdf_bytes(pages=int(2000 * scale), lines=3000))
    return path


def bb_text(folder: Path, scale: float) -> Path:
    path = folder / "bb.txt"
    path.write_text("Bb. " * int(19 * 1024 * 1024 / 4 * scale))
    return path


def open_quotes(suffix: str) -> Callable[[Path, float], Path]:
    def make(folder: Path, scale: float) -> Path:
        path = folder / f"quotes{suffix}"
        path.write_text("<a b='" * int(240 * 1024 / 6 * scale))
        return path

    return make


CASES: dict[str, Callable[[Path, float], Path]] = {
    "entity feed": entity_feed,
    "shared-stream PDF": shared_stream_pdf,
    "Bb. text": bb_text,
    "open quotes HTML": open_quotes(".html"),
    "open quotes Markdown": open_quotes(".md"),
}


def run(path: Path, folder: Path, timeout: float) -> tuple[float, float, int | None, str]:
    """Seconds, peak MB, exit status (``None``: stopped at the timeout) and what it printed."""
    command = [sys.executable, "-m", "briefing", "build", str(path), "-o", str(folder / "out.json"), "-j", "1"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    with (folder / "log").open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
        deadline = started + timeout
        status: int | None = None
        while True:
            pid, code, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                status = os.waitstatus_to_exitcode(code)
                break
            if time.perf_counter() > deadline:
                os.killpg(process.pid, signal.SIGKILL)
                _, code, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.05)
    seconds = time.perf_counter() - started
    said = (folder / "log").read_text(errors="replace").replace(f"{folder}/", "").strip().splitlines()
    return seconds, usage.ru_maxrss / 1024, status, " | ".join(line[:160] for line in said)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every input's size by this")
    parser.add_argument("--timeout", type=float, default=120.0, help="stop a run after this many seconds")
    parser.add_argument("--only", choices=sorted(CASES), action="append", help="run only this case (repeatable)")
    arguments = parser.parse_args()
    print(f"load average: {Path('/proc/loadavg').read_text().strip()}")
    for name in arguments.only or CASES:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            path = CASES[name](folder, arguments.scale)
            size = path.stat().st_size
            seconds, peak, status, said = run(path, folder, arguments.timeout)
            outcome = "stopped at the timeout" if status is None else f"exit {status}"
            print(f"{name:<22} {size / 1e3:9.0f} KB  {seconds:7.2f} s  peak {peak:7.0f} MB  {outcome}: {said}")


if __name__ == "__main__":
    main()
