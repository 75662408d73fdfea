"""Time and peak memory of loading large inputs, and of merging duplicates among many documents.

The inputs are made here from a paragraph this project wrote, so the figures
need no data set:

    PYTHONPATH=. python benchmarks/loaders.py [--scale 1.0]

Peak memory is what tracemalloc saw Python allocate while one input loaded (a
second, traced run; the time is from an untraced run); memory that C libraries
such as lxml allocate themselves is not in it. The hostile inputs of
``benchmarks/hostile.py`` (small files that cost a lot) are loaded too, at
``--scale``; that script times them through the whole ``briefing build``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from benchmarks.hostile import CASES as HOSTILE
from briefing.loaders import LoadOptions, load_documents

PARAGRAPH = (
    "The harbour council voted on Tuesday to build a new tram line to the port, after three years of debate "
    'about its cost. "This is a good day for the city," said mayor Ann Lee, who has backed the plan since '
    "2023. Work is due to start next spring and last four years, and the line will carry {n} passengers a day."
)


def paragraphs(count: int) -> list[str]:
    """``count`` paragraphs, each with words of its own, so that no two are near copies."""
    return [PARAGRAPH.format(n=1000 + i) + " " + " ".join(f"w{i}x{k}" for k in range(12)) for i in range(count)]


def make_text(folder: Path, megabytes: float) -> Path:
    path = folder / "big.txt"
    count = int(megabytes * 1024 * 1024 / (len(paragraphs(1)[0]) + 2))
    path.write_text("\n\n".join(paragraphs(count)), encoding="cp1252")
    return path


def make_html(folder: Path, megabytes: float) -> Path:
    path = folder / "big.html"
    count = int(megabytes * 1024 * 1024 / (len(paragraphs(1)[0]) + 7))
    body = "".join(f"<p>{p}</p>" for p in paragraphs(count))
    path.write_text(f"<html><head><title>Tram</title></head><body><article>{body}</article></body></html>")
    return path


def make_feed(folder: Path, entries: int) -> Path:
    path = folder / "big.rss"
    items = "".join(
        f"<item><title>Story {i}</title><link>https://wire.example/{i}</link>"
        f"<pubDate>Fri, 20 Nov 2026 09:00:00 GMT</pubDate><description>{p}</description></item>"
        for i, p in enumerate(paragraphs(entries))
    )
    path.write_text(f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>')
    return path


def make_pdf(folder: Path, pages: int) -> Path:
    from briefing.render.pdf import html_to_pdf

    path = folder / "big.pdf"
    html = "".join(f"<p style='page-break-after: always'>{p}</p>" for p in paragraphs(pages))
    path.write_bytes(html_to_pdf(html, folder))
    return path


def make_copies(folder: Path, documents: int) -> Path:
    """``documents`` short articles, every tenth a near copy of the one before it."""
    sub = folder / "many"
    sub.mkdir()
    for i in range(documents):
        source = i - 1 if i % 10 == 9 else i
        text = " ".join(f"Story {source} word{source * 7 + k} about the harbour." for k in range(30))
        (sub / f"doc{i:05d}.txt").write_text(text + ("\nReporting by Ola Berg." if source != i else ""))
    return sub


def measure(name: str, path: Path, options: LoadOptions) -> None:
    started = time.perf_counter()
    result = load_documents([path], options=options)
    seconds = time.perf_counter() - started
    tracemalloc.start()
    tracemalloc.reset_peak()
    load_documents([path], options=options)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size = sum(p.stat().st_size for p in ([path] if path.is_file() else path.iterdir()))
    chars = sum(len(d.text) for d in result.documents)
    print(
        f"{name:<28} {size / 1e6:7.2f} MB in  {len(result.documents):6d} docs  {chars / 1e6:6.2f} M chars  "
        f"{seconds:6.2f} s  Python peak {peak / 1e6:7.1f} MB  warnings {len(result.warnings)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every input's size by this")
    scale = parser.parse_args().scale
    options = LoadOptions(max_bytes=100 * 1024 * 1024, max_characters=200_000_000, max_documents=100_000)  # big
    cases: list[tuple[str, Callable[[Path], Path]]] = [
        (f"text, Windows-1252, {20 * scale:g} MB", lambda d: make_text(d, 20 * scale)),
        (f"HTML page, {5 * scale:g} MB", lambda d: make_html(d, 5 * scale)),
        (f"RSS feed, {int(2000 * scale)} entries", lambda d: make_feed(d, int(2000 * scale))),
        (f"PDF, {int(100 * scale)} pages", lambda d: make_pdf(d, int(100 * scale))),
        (f"{int(2000 * scale)} texts, 10% near copies", lambda d: make_copies(d, int(2000 * scale))),
    ]
    for name, make in cases:
        with tempfile.TemporaryDirectory() as folder:
            measure(name, make(Path(folder)), options)
    with tempfile.TemporaryDirectory() as folder:
        path = make_text(Path(folder), 25 * scale)
        measure("text over the 20 MB cap", path, LoadOptions())
    for name, make_hostile in HOSTILE.items():
        with tempfile.TemporaryDirectory() as folder:
            measure(f"hostile: {name}", make_hostile(Path(folder), scale), LoadOptions())


if __name__ == "__main__":
    main()
