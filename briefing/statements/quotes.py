"""Quotation marks paired into quotes, in one pass and without ever failing.

Each language pairs its own marks (“…”, „…“, »…«, «…», ”…”, ‹…›), and one
character may open in one pairing and close in another (German „…“ closes with
the mark English opens with). A mark closes the open quote when it is one of
that quote's closing marks, else opens a quote when it can, else is a stray
and is skipped. A straight mark is read as opening or closing from what
touches it, and may close a curly quote (or a straight one be closed by a
curly mark) when it stands like a closing mark. News text forgets closing
marks and runs a quote over paragraphs by opening each new paragraph with a
mark and closing only the last: an unclosed quote ends with its line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

_STRAIGHT = '"'
_CURLY_CLOSERS = "”“«»"
"""Curly marks that may close a quote opened with a straight mark ("…“ in a German text)."""
_BEFORE_OPENING = "([{—–-/:"
_AFTER_CLOSING = ".,;:!?)]}—–-…"
_TRIM = " \t\r\n\u00a0\u202f\u2009,"
_MAX_NESTING = 4
"""Quotes inside quotes deeper than this are read as text."""


@dataclass(frozen=True)
class Quote:
    """Words inside quotation marks: ``start``/``end`` bound the words, ``opening``/``closing`` the marks.

    ``closing`` is the offset just after the closing mark, or the end of the line
    for a quote that is never closed. ``continued`` says that the next paragraph
    carries the same quote on.
    """

    opening: int
    closing: int
    start: int
    end: int
    closed: bool
    continued: bool


@dataclass(frozen=True)
class _Marks:
    """The pairs of one language: which marks open, and which close each opening mark."""

    closers: dict[str, str]
    events: re.Pattern[str]


@cache
def _marks(pairs: tuple[str, ...]) -> _Marks:
    closers: dict[str, str] = {}
    for pair in (*pairs, _STRAIGHT * 2):
        closers[pair[0]] = closers.get(pair[0], "") + pair[1]
    characters = "".join(sorted(set("".join(closers) + "".join(closers.values()))))
    return _Marks(closers, re.compile(f"[{re.escape(characters)}]|\n"))


def _opener_like(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    return before.isspace() or before in _BEFORE_OPENING


def _closer_like(text: str, pos: int) -> bool:
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in _AFTER_CLOSING or after in _CURLY_CLOSERS)


def _straight_opens(text: str, pos: int, is_open: bool) -> bool:
    """Whether a ``"`` opens a quote, judged by its neighbours (inside a quote, only when clearly so)."""
    opener, closer = _opener_like(text, pos), _closer_like(text, pos)
    return opener and not closer if is_open else not (closer and not opener)


def _closes(text: str, pos: int, opening: str, marks: _Marks) -> bool:
    """Whether the mark at ``pos`` closes a quote opened with ``opening``."""
    mark = text[pos]
    if mark == _STRAIGHT:
        return not _straight_opens(text, pos, is_open=True) and (opening == _STRAIGHT or _closer_like(text, pos))
    if mark in marks.closers[opening]:
        return True
    return opening == _STRAIGHT and mark in _CURLY_CLOSERS and _closer_like(text, pos)


def _opens(text: str, pos: int, marks: _Marks, is_open: bool) -> bool:
    mark = text[pos]
    if mark == _STRAIGHT:
        return _straight_opens(text, pos, is_open)
    return mark in marks.closers


def _quote(text: str, opening: int, end: int, *, closed: bool, continued: bool) -> Quote | None:
    start = opening + 1
    closing = end + 1 if closed else end
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    if start == end:
        return None
    return Quote(opening, closing, start, end, closed, continued)


def find_quotes(text: str, pairs: Sequence[str] = ("“”",)) -> list[Quote]:
    """Every quote in ``text``, in order; linear in the length of the text.

    ``pairs`` are the language's marks, opening then closing ("„“", "»«");
    straight marks are always understood. Marks inside a quote nest instead of
    ending it unless they close it ("“… ‘Shark Tank’ …", "„… »Tatort« …“").
    """
    marks = _marks(tuple(pairs))
    quotes: list[Quote | None] = []
    stack: list[int] = []
    newlines = 0
    line_end = last_newline = -1
    for event in marks.events.finditer(text):
        pos, mark = event.start(), event.group()
        if mark == "\n":
            if stack:
                newlines += 1
                line_end = pos if newlines == 1 else line_end
                del stack[1:]
            last_newline = pos
            continue
        if stack and newlines:
            if newlines == 1 and _closes(text, pos, text[stack[0]], marks):
                quotes.append(_quote(text, stack[0], pos, closed=True, continued=False))
                stack = []
                continue
            opens = _opens(text, pos, marks, is_open=False)
            continued = opens and not text[last_newline + 1 : pos].strip()
            quotes.append(_quote(text, stack[0], line_end, closed=False, continued=continued))
            stack = []
        if stack and _closes(text, pos, text[stack[-1]], marks):
            first = stack[0]
            stack.pop()
            if not stack:
                quotes.append(_quote(text, first, pos, closed=True, continued=False))
        elif _opens(text, pos, marks, is_open=bool(stack)):
            if not stack or mark == text[stack[-1]]:  # a second “ inside “…: the first was never closed
                stack, newlines = [pos], 0
            elif len(stack) < _MAX_NESTING:
                stack.append(pos)
    if stack:
        end = line_end if newlines else len(text)
        quotes.append(_quote(text, stack[0], end, closed=False, continued=False))
    return [quote for quote in quotes if quote is not None]
