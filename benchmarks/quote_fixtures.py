"""Direct quotes and their speakers on the project's own annotated pages, in any language.

Usage: PYTHONPATH=. python benchmarks/quote_fixtures.py tests/fixtures/quotes/*.txt [--errors]

A fixture holds articles written for the project, with each direct quote marked
``[[words|Speaker]]`` (see the head of each file). Scoring follows the PolNeAR
protocol of ``benchmarks/quotes.py``: a predicted direct quote is right when at
least half of its characters lie inside one gold quote; a gold quote is found
when predicted quotes cover at least half of it. The speaker is right when it is
the gold speaker's full name (a description may be cut short: "un médecin" for
"un médecin urgentiste de Bordeaux"); a gold quote marked "-" must get no
speaker. A speaker is invented when it is none of the people an article lists,
nor a part of one of their names ("Stenger" of "Fabian Stenger" is short, not
invented; "Paulo" of "São Paulo" is invented).
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from briefing.models import Statement
from briefing.statements import extract_statements

_MARK = re.compile(r"\[\[(?P<words>.+?)\|(?P<speaker>[^\]#]+)(?:#(?P<tag>\w+))?\]\]", re.DOTALL)


@dataclass(frozen=True)
class GoldQuote:
    spans: tuple[tuple[int, int], ...]
    speaker: str | None


@dataclass(frozen=True)
class Article:
    name: str
    language: str
    text: str
    quotes: tuple[GoldQuote, ...]
    people: tuple[str, ...]


def _article(name: str, language: str, lines: list[str]) -> Article:
    people = next((line.removeprefix("people:") for line in lines if line.startswith("people:")), "")
    marked = "\n".join(line for line in lines if not line.startswith("people:")).strip("\n") + "\n"
    text, pieces, position = [], {}, 0
    order: list[str] = []
    for index, match in enumerate(_MARK.finditer(marked)):
        text.append(marked[position : match.start()])
        start = sum(map(len, text))
        text.append(match.group("words"))
        key = match.group("tag") or f"quote-{index}"
        if key not in pieces:
            order.append(key)
        speaker = match.group("speaker").strip()
        spans, _ = pieces.get(key, ((), None))
        pieces[key] = ((*spans, (start, start + len(match.group("words")))), None if speaker == "-" else speaker)
        position = match.end()
    text.append(marked[position:])
    quotes = tuple(GoldQuote(*pieces[key]) for key in order)
    return Article(name, language, "".join(text), quotes, tuple(p.strip() for p in people.split(";") if p.strip()))


def read_fixture(path: Path) -> list[Article]:
    """The articles of one fixture file."""
    language, name, lines = "english", "", []
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            if name:
                articles.append(_article(name, language, lines))
            name, lines = line[3:].strip(), []
        elif line.startswith("language:"):
            language = line.split(":", 1)[1].strip()
        elif name:
            lines.append(line)
        elif not line.startswith("#") and line.strip():
            raise ValueError(f"{path}: text before the first article: {line!r}")
    if name:
        articles.append(_article(name, language, lines))
    return articles


def _overlap(statement: Statement, spans: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(end, e) - max(start, s)) for start, end in statement.spans for s, e in spans)


def _size(spans: Iterable[tuple[int, int]]) -> int:
    return sum(end - start for start, end in spans)


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    """Whether a predicted speaker is the gold one: the full name, or a description cut short."""
    if predicted is None or gold is None:
        return predicted == gold
    predicted, gold = predicted.casefold(), gold.casefold()
    if predicted == gold:
        return True
    short = min(predicted, gold, key=len)
    return not short[:1].isupper() and len(short.split()) >= 2 and max(predicted, gold, key=len).startswith(short)


def invented(speaker: str, people: Sequence[str]) -> bool:
    """Whether a speaker names nobody the article names: not one of its people, nor words of one's name."""
    bare = speaker.split(maxsplit=1)[-1] if speaker[:1].islower() else speaker  # "la Cour des comptes"
    if any(same_speaker(speaker, person) or same_speaker(bare, person) for person in people):
        return False
    words = set(speaker.split())
    return not any(words <= set(person.split()) for person in people if speaker[:1].isupper())


@dataclass
class Scores:
    """Counts over some articles, and the mistakes behind them."""

    predicted: int = 0
    right: int = 0
    gold: int = 0
    found: int = 0
    speaker_right: int = 0
    with_speaker: int = 0
    invented: int = 0
    mistakes: list[str] = field(default_factory=list)

    def add(self, article: Article) -> None:
        statements = extract_statements(article.text, language=article.language)
        quotes = [s for s in statements if s.kind == "direct"]
        self.predicted += len(quotes)
        self.gold += len(article.quotes)
        for quote in quotes:
            if any(2 * _overlap(quote, gold.spans) >= _size(quote.spans) for gold in article.quotes):
                self.right += 1
            else:
                self.mistakes.append(f"{article.name}: not a quote: {quote.text[:70]!r} ({quote.speaker})")
        for gold in article.quotes:
            if 2 * sum(_overlap(quote, gold.spans) for quote in quotes) < _size(gold.spans):
                self.mistakes.append(f"{article.name}: missed: {article.text[slice(*gold.spans[0])][:70]!r}")
                continue
            self.found += 1
            best = max(quotes, key=lambda quote: _overlap(quote, gold.spans))
            if same_speaker(best.speaker, gold.speaker):
                self.speaker_right += 1
            else:
                self.mistakes.append(
                    f"{article.name}: speaker {best.speaker!r}, not {gold.speaker!r}: {best.text[:50]!r}"
                )
        for statement in statements:
            if statement.speaker is not None:
                self.with_speaker += 1
                if invented(statement.speaker, article.people):
                    self.invented += 1
                    self.mistakes.append(f"{article.name}: invented speaker {statement.speaker!r} ({statement.cue})")

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.found if self.found else 0.0


def score(articles: Iterable[Article]) -> Scores:
    scores = Scores()
    for article in articles:
        scores.add(article)
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", type=Path, nargs="+")
    parser.add_argument("--errors", action="store_true", help="list every mistake")
    args = parser.parse_args()
    for path in args.paths:
        articles = read_fixture(path)
        found = score(articles)
        print(
            f"{path.stem}: articles {len(articles)}  gold direct quotes {found.gold}  predicted {found.predicted}\n"
            f"  precision {found.precision:.3f}  recall {found.recall:.3f}  F1 {found.f1:.3f}\n"
            f"  speaker right {found.speaker_right}/{found.found} = {found.speaker_accuracy:.3f}\n"
            f"  invented speakers {found.invented}/{found.with_speaker} statements with a speaker"
        )
        if args.errors:
            for mistake in found.mistakes:
                print("   ", mistake)


if __name__ == "__main__":
    main()
