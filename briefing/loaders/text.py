"""Bytes to text (encodings told apart, newlines normalised), plain text and Markdown."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from html.parser import HTMLParser

from briefing.errors import LoadError
from briefing.languages import language_name
from briefing.loaders.source import Source, web_url
from briefing.models import Document
from briefing.options import LoadOptions
from briefing.text.controls import CONTROLS

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_HIDDEN = frozenset({"script", "style", "template"})
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "br", "tr"})
_BOMS = (  # UTF-32's marks first: UTF-32-LE's begins with UTF-16-LE's
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)
_LATIN_ALPHABETS = ("Basic Latin", "Latin-1 Supplement", "Latin Extended", "General Punctuation", "Currency Symbols")
_C1_CONTROLS = re.compile(rb"[\x80-\x9f]")
_TITLE_MAX = 120
_OPEN_TAG = re.compile(r"<[A-Za-z!/?][^<>]*(?=<|\Z)")
_ANY_TAG = re.compile(r"<[^<>]*>?")
MAX_OPEN_TAGS = 1_000
"""Tags left open beyond which markup is not given to a parser (see :func:`open_tags`)."""
_NON_LATIN_SHARE = 0.3


def decode(data: bytes, name: str, charset: str | None = None) -> str:
    """The text of ``data`` with ``\\n`` newlines; empty, binary or undecodable bytes are a :class:`LoadError`.

    A byte-order mark decides first, then a ``charset`` the sender declared, then
    UTF-8. Other bytes are Windows-1252 when they use its printable 0x80–0x9F
    range and Latin-1 otherwise, unless charset-normalizer sees a non-Latin
    script (Cyrillic, Greek, CJK…): on short Western text its guesses are
    unreliable, while these two rules are exact.
    """
    if not data.strip():
        raise LoadError(name, "empty file")
    text = _decoded(data, name, charset)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\x00" in text or len(CONTROLS.findall(text)) > len(text) // 100:  # one NUL is enough: no writer types it
        raise LoadError(name, "binary data, not text")
    if not any(ch.isalnum() for ch in text):
        raise LoadError(name, "no text in it")
    return text


def _decoded(data: bytes, name: str, charset: str | None) -> str:
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                reason = f"{exc.reason} at byte {exc.start + len(bom)}"
                raise LoadError(name, f"not {label} text despite its byte-order mark ({reason})") from None
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown declared charset: tell the encoding from the bytes
    if b"\x00" not in data[:4096]:  # UTF-16 without a BOM is valid UTF-8 with NULs in it
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            pass
    guessed = _guess(data)
    if guessed is not None:
        return guessed
    if b"\x00" in data:
        raise LoadError(name, "binary data, not text")
    western = "cp1252" if _C1_CONTROLS.search(data) else "latin-1"
    try:
        return data.decode(western)
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined: not text a person wrote
        raise LoadError(name, "binary data, not text") from None


def _guess(data: bytes) -> str | None:
    """charset-normalizer's reading, when it sees a script other than Latin (and UTF-16 without a BOM).

    Only bytes that are mostly non-ASCII can be a non-Latin script: Western text
    is mostly ASCII with a few accents, and on it charset-normalizer may see
    Arabic or Cyrillic code pages.
    """
    from charset_normalizer import from_bytes

    sample = data[: 1024 * 1024]
    high = len(sample.translate(None, bytes(range(128))))
    if high < len(sample) * _NON_LATIN_SHARE and b"\x00" not in sample:
        return None
    best = from_bytes(sample).best()
    if best is None or best.encoding in {"ascii", "utf_8"}:
        return None
    latin = all(alphabet.startswith(_LATIN_ALPHABETS) for alphabet in best.alphabets)
    if latin and not best.encoding.startswith("utf_"):
        return None
    try:
        return data.decode(best.encoding)
    except UnicodeDecodeError:
        return None


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
    """The visible text of an HTML fragment, one block per line; nothing it links to is fetched."""

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


def open_tags(html: str) -> int:
    """How many tags of ``html`` open and never close (``<a b='`` with no ``>`` before the next ``<``).

    Python's HTML parser and Python-Markdown look for the end of each such tag
    from where it starts, so their time grows with the square of this count:
    240 KB of ``<a b='`` keeps them busy for minutes. Counting is linear.
    """
    return len(_OPEN_TAG.findall(html))


def fragment_to_text(html: str) -> str:
    """Markdown-made HTML or a feed entry's HTML as plain text, a paragraph per line.

    Markup with more than :data:`MAX_OPEN_TAGS` tags that never close is
    stripped by a linear rule instead of parsed.
    """
    if open_tags(html) > MAX_OPEN_TAGS:
        flat = _ANY_TAG.sub(" ", html)
    else:
        parser = _TextOfHTML()
        parser.feed(html)
        parser.close()
        flat = "".join(parser.parts)
    lines = (" ".join(line.split()) for line in flat.splitlines())
    return "\n".join(line for line in lines if line)


def markdown_to_text(body: str, name: str) -> str:
    """Markdown as plain text, so that markup never reaches a summary; markup too costly to parse is refused."""
    import markdown

    unclosed = open_tags(body)
    if unclosed > MAX_OPEN_TAGS:
        raise LoadError(name, f"markup that never closes ({unclosed:,} tags left open), too costly to read")
    return fragment_to_text(markdown.markdown(body))


def read_text(data: bytes, source: Source, options: LoadOptions) -> list[Document]:
    """A plain-text file, its decoded text unchanged; a short first line is its title."""
    text = decode(data, source.name, source.charset)
    first_line = text.strip().splitlines()[0].strip()
    return [
        Document(
            id=source.id_base,
            text=text,
            title=first_line if len(first_line) <= _TITLE_MAX else None,
            path=source.path,
            url=source.url,
        )
    ]


def read_markdown(data: bytes, source: Source, options: LoadOptions) -> list[Document]:
    """A Markdown file, with optional front matter: title, date, source, url, author, language."""
    fields, body = front_matter(decode(data, source.name, source.charset))
    text = markdown_to_text(body, source.name)
    if not text:
        raise LoadError(source.name, "no text in it")
    return [
        Document(
            id=source.id_base,
            text=text,
            title=fields.get("title") or text.splitlines()[0],
            source=fields.get("source"),
            path=source.path,
            url=source.url or web_url(fields.get("url")),
            published=parse_date(fields.get("date")),
            language=language_name(fields.get("language") or fields.get("lang")),
            author=fields.get("author"),
        )
    ]
