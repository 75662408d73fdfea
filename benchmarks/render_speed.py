"""How long a 20-story briefing takes to render, per format (median of several runs).

    PYTHONPATH=. python benchmarks/render_speed.py [FOLDER] [--stories 20] [--runs 5]

Wall time depends on what else the machine runs; CPU time (this process) much
less. The stories are made from the text files in FOLDER (default: examples/articles):
each story cites three documents and has five summary sentences and three
statements, so the PDF has a realistic length. Only rendering is timed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import re
import statistics
import time
from pathlib import Path

from pypdf import PdfReader

from briefing import Briefing, Document, Statement, Story, SummarySentence, render
from briefing.loaders import load_documents

SENTENCE = re.compile(r"[^.!?\n]+[.!?]")


def make_briefing(folder: Path, stories: int) -> Briefing:
    """``stories`` stories, each of three documents, cycling through the texts in ``folder``."""
    texts = [doc for doc in load_documents([folder]).documents if len(SENTENCE.findall(doc.text)) >= 5]
    documents, built = [], []
    for number in range(stories):
        group = []
        for copy in range(3):
            base = texts[(number * 3 + copy) % len(texts)]
            group.append(
                Document(
                    f"{base.id}-{number}-{copy}",
                    base.text,
                    base.title,
                    f"Outlet {copy + 1}",
                    url=f"https://news.example.org/{number}/{copy}",
                    published=dt.date(2026, 11, 20),
                )
            )
        documents += group
        spans = [(doc, match) for doc in group for match in SENTENCE.finditer(doc.text)]
        summary = tuple(SummarySentence(m.group().strip(), m.start(), m.end(), 1.0, d.id) for d, m in spans[:5])
        statements = tuple(
            Statement(m.group().strip(), m.start(), m.end(), "A. Speaker", "said", "direct", d.id, "minister")
            for d, m in spans[5:8]
        )
        built.append(Story(group[0].title or f"Story {number + 1}", tuple(d.id for d in group), summary, statements))
    return Briefing("Benchmark brief", dt.date(2026, 11, 23), tuple(documents), tuple(built))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="examples/articles", type=Path)
    parser.add_argument("--stories", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    briefing = make_briefing(args.folder, args.stories)
    render(briefing, "pdf")  # warm up: imports, fonts
    for fmt in ("md", "html", "pdf"):
        wall, cpu, output = [], [], b""
        for _ in range(args.runs):
            start, start_cpu = time.perf_counter(), time.process_time()
            result = render(briefing, fmt)
            wall.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
            output = result if isinstance(result, bytes) else result.encode()
        extra = f", {len(PdfReader(io.BytesIO(output)).pages)} pages" if fmt == "pdf" else ""
        print(
            f"{fmt:4} {len(briefing.stories)} stories: median {statistics.median(wall):.3f} s wall "
            f"(min {min(wall):.3f}, max {max(wall):.3f}), {statistics.median(cpu):.3f} s CPU, "
            f"{args.runs} runs, {len(output):,} bytes{extra}"
        )


if __name__ == "__main__":
    main()
