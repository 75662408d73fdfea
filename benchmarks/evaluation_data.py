"""Reading the labelled references of ``benchmarks/*.jsonl`` against an evaluation set kept elsewhere.

The project holds no text of the evaluation sets: a label names a row of the
set, a document of that row, a span of its text and the first eight hex
digits of the SHA-256 of that span, so that a changed set is noticed rather
than scored. The scripts read the text from the set given on their command line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from briefing.models import Document


def short_hash(text: str) -> str:
    """The first eight hex digits of the SHA-256 of ``text``: enough to see that a span changed."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]


@dataclass(frozen=True)
class Span:
    """A labelled span: document ``document`` of its row, ``text[start:end]``, with its short hash."""

    document: int
    start: int
    end: int
    digest: str

    @classmethod
    def read(cls, value: object) -> Span:
        """A span from its JSON form ``[document, start, end, digest]``."""
        if not isinstance(value, list) or len(value) != 4:
            raise ValueError(f"not a labelled span: {value!r}")
        document, start, end, digest = value
        return cls(int(document), int(start), int(end), str(digest))

    def plain(self) -> list[object]:
        return [self.document, self.start, self.end, self.digest]


def read_rows(path: Path) -> dict[str, dict[str, object]]:
    """The rows of a JSON Lines evaluation set by id."""
    with path.open(encoding="utf-8") as lines:
        return {row["id"]: row for row in map(json.loads, lines)}


def row_documents(row: dict[str, object], language: str = "english") -> list[Document]:
    """A cluster row's documents, with their dates, as the pipeline would hold them (ids ``0``, ``1``…)."""
    texts = row["documents"]
    assert isinstance(texts, list)
    dates = row.get("dates") or [None] * len(texts)
    assert isinstance(dates, list)
    return [
        Document(id=str(n), text=text, published=dt.date.fromisoformat(date) if date else None, language=language)
        for n, (text, date) in enumerate(zip(texts, dates, strict=True))
    ]


def span_text(documents: Sequence[Document], span: Span) -> str | None:
    """The text of ``span``, or None when it is not what was labelled (the set changed)."""
    if span.document >= len(documents):
        return None
    text = documents[span.document].text[span.start : span.end]
    return text if short_hash(text) == span.digest else None


def read_labels(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8") as lines:
        yield from (json.loads(line) for line in lines if line.strip())


def precision_recall(found: int, wrong: int, missed: int) -> str:
    """``P 0.864 R 0.662 F1 0.750 (51 right, 8 wrong, 26 missed)``."""
    precision = found / (found + wrong) if found + wrong else 0.0
    recall = found / (found + missed) if found + missed else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f"P {precision:.3f} R {recall:.3f} F1 {f1:.3f} ({found} right, {wrong} wrong, {missed} missed)"
