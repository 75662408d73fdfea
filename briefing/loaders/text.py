"""Plain text and Markdown files."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from briefing.errors import LoadError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_HIDDEN = frozenset({"script", "style", "template"})
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "br", "tr"})


def decode(data: bytes, name: str) -> str:
    """The text of ``data``; binary or undecodable bytes are a :class:`LoadError`."""
    if not data.strip():
        raise LoadError(name, "empty file")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise LoadError(name, "binary data, not text")
    try:
        text = data.decode("utf-8-sig") if not data.startswith((b"\xff\xfe", b"\xfe\xff")) else data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise LoadError(name, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    if not any(ch.isalnum() for ch in text):
        raise LoadError(name, "no text in it")
    return text


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines between ``---`` fences at the top, and the body after them."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields, text[match.end() :]


def parse_date(value: str | None) -> dt.date | None:
    """An ISO date (``2026-11-23``, or the date part of a timestamp), else ``None``."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class _TextOfHTML(HTMLParser):
    """The visible text of Markdown-made HTML, one block per line (raw HTML in it included)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in _HIDDEN
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in _HIDDEN and self._hidden > 0
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def markdown_to_text(body: str) -> str:
    """Markdown as plain text, a paragraph per line, so that markup never reaches a summary."""
    import markdown

    parser = _TextOfHTML()
    parser.feed(markdown.markdown(body))
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)
