"""Direct-quote quality on PolNeAR, and extraction speed on a long text.

Usage: PYTHONPATH=. python benchmarks/quotes.py PATH/polnear-dev.jsonl [--speed]

Protocol (from the data's README): a gold direct quote is an attribution whose
content lies mostly inside quotation marks. A predicted direct quote is right
when at least half of its characters lie inside one gold quote's content; a gold
quote is found when predicted quotes cover at least half of it. The speaker is
right when it shares a capitalised name with the annotated source, counted over
the found gold quotes whose source names someone ("he" or "the campaign" do not).
A quote told in pieces is scored by the characters of its pieces.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

from briefing.models import Statement
from briefing.statements import extract_statements

_NOT_A_NAME = {
    "the", "a", "an", "he", "she", "i", "we", "they", "it", "his", "her", "their", "its", "who", "which",
    "mr", "ms", "mrs", "dr", "sen", "rep", "gov", "president", "senator", "governor", "said",
}  # fmt: skip
_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


@dataclass(frozen=True)
class Gold:
    spans: tuple[tuple[int, int], ...]
    source: str


def quoted_mask(text: str) -> bytearray:
    """1 for every character inside quotation marks; an unclosed quote ends with its paragraph."""
    mask = bytearray(len(text))
    offset = 0
    for paragraph in text.split("\n"):
        curly = straight = -1
        for i, ch in enumerate(paragraph, offset):
            if ch == "“" and curly < 0:
                curly = i
            elif ch == "”" and curly >= 0:
                mask[curly : i + 1] = b"\x01" * (i + 1 - curly)
                curly = -1
            elif ch == '"':
                if straight < 0:
                    straight = i
                else:
                    mask[straight : i + 1] = b"\x01" * (i + 1 - straight)
                    straight = -1
        end = offset + len(paragraph)
        for opened in (curly, straight):
            if opened >= 0:
                mask[opened:end] = b"\x01" * (end - opened)
        offset = end + 1
    return mask


def gold_quotes(row: dict[str, object]) -> list[Gold]:
    text = str(row["text"])
    mask = quoted_mask(text)
    golds = []
    for attribution in row["attributions"]:  # type: ignore[attr-defined]
        spans = tuple((s["start"], s["end"]) for s in attribution["content"])
        chars = [i for start, end in spans for i in range(start, end) if not text[i].isspace()]
        if chars and sum(mask[i] for i in chars) > len(chars) / 2:
            golds.append(Gold(spans, " ".join(s["text"] for s in attribution["source"])))
    return golds


def names(words: str | None) -> set[str]:
    found = {w.lower().removesuffix("’s").removesuffix("'s") for w in _CAPITALISED.findall(words or "")}
    return found - _NOT_A_NAME


def overlap(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for s, e in spans)


def shared(statement: Statement, spans: tuple[tuple[int, int], ...]) -> int:
    """Characters of a statement (each piece of a quote told in pieces) inside ``spans``."""
    return sum(overlap(start, end, spans) for start, end in statement.spans)


def size(statement: Statement) -> int:
    return sum(end - start for start, end in statement.spans)


def evaluate(rows: list[dict[str, object]]) -> None:
    predicted = right = gold_total = found = named = speaker_right = 0
    for row in rows:
        golds = gold_quotes(row)
        quotes = [s for s in extract_statements(str(row["text"])) if s.kind == "direct"]
        predicted += len(quotes)
        gold_total += len(golds)
        right += sum(any(2 * shared(q, g.spans) >= size(q) for g in golds) for q in quotes)
        for gold in golds:
            covered = sum(shared(q, gold.spans) for q in quotes)
            if 2 * covered < sum(e - s for s, e in gold.spans):
                continue
            found += 1
            if names(gold.source):
                named += 1
                best: Statement = max(quotes, key=lambda q: shared(q, gold.spans))
                speaker_right += bool(names(gold.source) & names(best.speaker))
    precision = right / predicted if predicted else 0.0
    recall = found / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"articles {len(rows)}  gold direct quotes {gold_total}  predicted {predicted}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"speaker right {speaker_right}/{named} = {speaker_right / named if named else 0:.3f}")


def speed(rows: list[dict[str, object]], size: int = 1_000_000) -> None:
    articles = [str(row["text"]) for row in rows]
    text = ""
    while len(text) < size:
        text += "\n\n".join(articles) + "\n\n"
    text = text[:size]
    for length in (size // 4, size):
        wall, cpu = time.perf_counter(), time.process_time()
        count = len(extract_statements(text[:length]))
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{length / 1e6:.2f} MB: {wall:.2f} s wall, {cpu:.2f} s CPU, {count} statements")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--speed", action="store_true", help="also time extraction on 0.25 MB and 1 MB")
    args = parser.parse_args()
    with args.path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    evaluate(rows)
    if args.speed:
        speed(rows)


if __name__ == "__main__":
    main()
