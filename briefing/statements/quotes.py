"""Quotation marks paired into quotes, in one pass and without ever failing.

News text mixes curly and straight marks, forgets closing marks, and runs a
quote over paragraphs by opening each new paragraph with a mark and closing only
the last. A straight mark is read as opening or closing from what touches it.
Stray marks are skipped; an unclosed quote ends with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPENING = "“„«"
_CLOSING = "”»"
_EVENTS = re.compile(r'[“„«”»"]|\n')
_BEFORE_OPENING = "([{—–-/:"
_AFTER_CLOSING = ".,;:!?)]}—–-"
_TRIM = " \t\r\n\u00a0,"


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


def _straight_role(text: str, pos: int, is_open: bool) -> str:
    """Whether a ``"`` opens or closes a quote, judged by its neighbours."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    opener_like = before.isspace() or before in _BEFORE_OPENING
    closer_like = not before.isspace() and (after.isspace() or after in _AFTER_CLOSING)
    if is_open:
        return "open" if opener_like and not closer_like else "close"
    return "close" if closer_like and not opener_like else "open"


def _role(text: str, pos: int, is_open: bool) -> str:
    """ "open" or "close": curly marks say so themselves, straight ones by their neighbours."""
    mark = text[pos]
    if mark in _OPENING:
        return "open"
    if mark in _CLOSING:
        return "close"
    return _straight_role(text, pos, is_open)


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


def find_quotes(text: str) -> list[Quote]:
    """Every quote in ``text``, in order; linear in the length of the text.

    Marks of the other kind inside a quote ("“… ‘Shark Tank’ …" written with
    double marks of both kinds) nest instead of ending it.
    """
    quotes: list[Quote | None] = []
    opening = -1
    nested = newlines = 0
    line_end = last_newline = -1
    for event in _EVENTS.finditer(text):
        pos, mark = event.start(), event.group()
        if mark == "\n":
            if opening >= 0:
                newlines += 1
                if newlines == 1:
                    line_end = pos
            last_newline = pos
            continue
        role = _role(text, pos, opening >= 0)
        other_kind = opening >= 0 and not newlines and (mark == '"') != (text[opening] == '"')
        if other_kind and (role == "open" or nested):
            nested += 1 if role == "open" else -1
            continue
        if opening >= 0 and newlines:
            starts_line = not text[last_newline + 1 : pos].strip()
            if role == "close" and newlines == 1:
                quotes.append(_quote(text, opening, pos, closed=True, continued=False))
                opening = -1
                continue
            continued = role == "open" and starts_line
            quotes.append(_quote(text, opening, line_end, closed=False, continued=continued))
            opening = -1
        if role == "open":
            opening, newlines, nested = pos, 0, 0
        elif opening >= 0:
            quotes.append(_quote(text, opening, pos, closed=True, continued=False))
            opening = -1
    if opening >= 0:
        end = line_end if newlines else len(text)
        quotes.append(_quote(text, opening, end, closed=False, continued=False))
    return [quote for quote in quotes if quote is not None]
