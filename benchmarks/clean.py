"""How much the cleaning stage drops as furniture, and how well it tells each document's language.

    PYTHONPATH=. python benchmarks/clean.py [DATA.jsonl ...] [--pages DIR] [--show 20]

For each JSON Lines file (rows with the text in ``article`` or ``text``, or
``documents``: a list of texts), every text is cleaned as the pipeline cleans
it, and the report gives the share of its sentences that fall in furniture
(clean news should lose close to none), how many texts are "not an article",
and the language each was read in. ``--pages DIR`` does the same for the
pages, feeds and PDFs in a folder, loaded by the loaders (the project's own
page fixtures, say). ``--show N`` prints N of the lines dropped, to read them.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from briefing.loaders import load_documents
from briefing.models import Document
from briefing.text import split_sentences
from briefing.text.clean import clean_document


def texts_of(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8") as rows:
        for line in rows:
            row = json.loads(line)
            if "documents" in row:
                yield from row["documents"]
            else:
                yield row.get("article") or row["text"]


def report(name: str, documents: Iterable[Document], show: int) -> None:
    sentences = dropped = texts = left_out = 0
    languages: Counter[str] = Counter()
    examples: list[str] = []
    started = time.perf_counter()
    for doc in documents:
        texts += 1
        cleaned = clean_document(doc, "english")
        languages[cleaned.document.language or "?"] += 1
        if cleaned.not_an_article:
            left_out += 1
            examples.append(f"[left out: {cleaned.not_an_article}] {doc.text[:80]!r}")
        spans = cleaned.document.furniture
        for sentence in split_sentences(doc.text, doc.id, cleaned.document.language or "english"):
            sentences += 1
            if any(start < sentence.end and sentence.start < end for start, end in spans):
                dropped += 1
        examples += [doc.text[start:end] for start, end in spans]
    seconds = time.perf_counter() - started
    share = dropped / max(1, sentences)
    print(
        f"{name}: {texts} texts, {sentences} sentences, {dropped} in furniture ({100 * share:.2f}%), "
        f"{left_out} not an article; languages {dict(languages.most_common())}; {seconds:.1f} s"
    )
    for line in examples[:show]:
        print(f"    {line[:150]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="*", type=Path, help="JSON Lines files of clean texts")
    parser.add_argument("--pages", type=Path, help="a folder of pages, feeds and PDFs to load and clean")
    parser.add_argument("--show", type=int, default=0, help="print this many dropped lines")
    arguments = parser.parse_args()
    print(f"load average: {Path('/proc/loadavg').read_text().strip()}")
    for path in arguments.data:
        documents = (Document(id=f"{path.stem}-{n}", text=text) for n, text in enumerate(texts_of(path)))
        report(path.name, documents, arguments.show)
    if arguments.pages:
        report(str(arguments.pages), load_documents([arguments.pages]).documents, arguments.show)


if __name__ == "__main__":
    main()
