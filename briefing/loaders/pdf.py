"""PDF files: the text layer, page by page, read by pypdf (no OCR), made into running text.

A PDF's text layer is laid-out lines, not prose: compatibility ligatures
(``ﬁ``, ``ﬀ``), words hyphenated at the end of a line, running heads and page
numbers on every page. :func:`pdf_text` mends those, so that the document's
text reads as the author wrote it. Pages that draw the same content stream are
read once, and reading stops at the character cap: a 95 KB file whose pages
share one stream would otherwise yield 85 million characters.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

from briefing.errors import LoadError
from briefing.languages import SUPPORTED_LANGUAGES, language_name
from briefing.loaders.source import PartlyRead, Source
from briefing.models import Document
from briefing.options import LoadOptions

MAX_PAGES = 500
"""Pages read at most, so that one huge report cannot stall the briefing."""
_TITLE_MAX = 120
_LIGATURES = str.maketrans(
    dict(zip("\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06", ("ff", "fi", "fl", "ffi", "ffl", "st", "st"), strict=True))
)
"""U+FB00–FB06 as the letters they join (what NFKC gives them); no other character is changed."""
_HYPHENATED = re.compile(r"(\w+)[-\u2010\u00ad](?:[ \t]*\n\s*|[ \t](?=[a-zß-ÿ]))(\w+)")
"""A word broken at the end of a line (or page): ``dan-\\ngerous``, or ``dan- gerous`` where the break became a space
(by a hyphen-minus, the Unicode hyphen U+2010 WeasyPrint and others write, or a soft hyphen)."""
_WORD = re.compile(r"\w+(?:-\w+)*")
_PAGE_NUMBER = re.compile(
    r"(?i)[-–—\s]*(?:(?:page|seite|p\.|s\.)\s*)?\d{1,4}(?:\s*(?:/|of|von|sur|de)\s*\d{1,4})?[-–—\s]*"
)
_NOT_A_TITLE = re.compile(
    r"(?i)^(?:microsoft\s+\w+\s+-|untitled|document\d*$|binder\d*|slide\s*\d+$)|\.(?:pdf|docx?|odt|rtf|tex|dvi|ps|indd|pptx?|xlsx?)$"
)
_EDGE_LINES = 2
"""Lines at the top and at the bottom of a page where running heads and page numbers sit."""
_MONTHS = {
    name: number
    for names in (
        "january february march april may june july august september october november december",
        "januar februar märz april mai juni juli august september oktober november dezember",
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    )
    for number, name in enumerate(names.split(), 1)
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE = re.compile(
    rf"(?i)\b(?:(\d{{4}})-(\d{{2}})-(\d{{2}})|(\d{{1,2}})\.?\s+({_MONTH})\s+(\d{{4}})|({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}}))\b"
)


def read_pdf(data: bytes, source: Source, options: LoadOptions) -> list[Document]:
    """A PDF's text; a PDF without a text layer (a scan) or a damaged one is a :class:`LoadError`."""
    from pypdf import PdfReader

    if not data.strip():
        raise LoadError(source.name, "empty file")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(source.name, "encrypted PDF")
        page_count = len(reader.pages)
        pages, stopped = _page_texts(reader.pages[:MAX_PAGES], options.max_characters)
        info = reader.metadata
        title = str(info.title).strip() if info and info.title else None
        author = str(info.author).strip() if info and info.author else None
        made = _metadata_date(info)
        lang = reader.root_object.get("/Lang")
    except LoadError:
        raise
    except Exception as exc:  # pypdf fails in many ways on a damaged file; each one means "unreadable"
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise LoadError(source.name, f"not a readable PDF ({detail})") from None
    text = pdf_text(pages)
    if not any(ch.isalnum() for ch in text):
        raise LoadError(source.name, "no text layer in the PDF (a scan? briefing does no OCR)")
    first_line = text.splitlines()[0].strip()
    documents = [
        Document(
            id=source.id_base,
            text=text,
            title=title if title and looks_like_title(title) else _first_line_title(first_line),
            path=source.path,
            url=source.url,
            published=made or first_date(text.split("\n\n", 1)[0]),
            language=language_name(str(lang)) if lang else None,
            author=author,
        )
    ]
    if stopped is not None:
        cap = f"the cap of {options.max_characters:,} characters"
        raise PartlyRead(source.name, f"read only its first {stopped} pages: they reach {cap}", documents)
    if page_count > MAX_PAGES:
        raise PartlyRead(source.name, f"read only the first {MAX_PAGES} of its {page_count} pages", documents)
    return documents


def _first_line_title(line: str) -> str | None:
    return line if len(line) <= _TITLE_MAX else None


def _page_texts(pages: Iterable[Any], max_characters: int) -> tuple[list[str], int | None]:
    """Each page's text, a page that draws content already read counting as empty; and the page where the
    character cap was reached, if it was."""
    texts: list[str] = []
    seen: set[object] = set()
    size = 0
    for number, page in enumerate(pages, 1):
        contents = page.raw_get("/Contents") if "/Contents" in page else None
        key = _reference(contents)
        if key is not None and key in seen:
            texts.append("")
            continue
        seen.add(key)
        text = (page.extract_text() or "").replace("\r\n", "\n").replace("\r", "\n")
        texts.append(text)
        size += len(text)
        if size >= max_characters:
            return texts, number
    return texts, None


def _reference(contents: object) -> object:
    """What identifies a page's content streams: their object numbers (``None`` for inline content)."""
    if hasattr(contents, "idnum"):
        return (contents.idnum, contents.generation)  # type: ignore[attr-defined]
    if isinstance(contents, list):
        parts = tuple(_reference(part) for part in contents)
        return parts if all(part is not None for part in parts) else None
    return None


def pdf_text(pages: Sequence[str]) -> str:
    """The pages as running text: running heads and page numbers gone, ligatures unfolded, hyphenation joined.

    Pages are separated by a blank line.
    """
    lines = [[line.strip() for line in page.split("\n")] for page in pages]
    repeated = _running_lines(lines)
    kept = []
    for page in lines:
        edge = {*range(_EDGE_LINES), *range(len(page) - _EDGE_LINES, len(page))}
        body = [
            line
            for n, line in enumerate(page)
            if not (n in edge and (_shape(line) in repeated or _PAGE_NUMBER.fullmatch(line)))
        ]
        if "\n".join(body).strip():
            kept.append("\n".join(body).strip())
    return join_hyphenated("\n\n".join(kept).translate(_LIGATURES))


def _shape(line: str) -> str:
    """A line with its figures blurred: "Annual report 2026 — page 3" is the same running head on every page."""
    return re.sub(r"\d+", "#", line.lower())


def _running_lines(pages: Sequence[Sequence[str]]) -> set[str]:
    """Lines found at the top or bottom of most pages (three at least): running heads and feet."""
    if len(pages) < 3:
        return set()
    counts = Counter(
        shape
        for page in pages
        for shape in {_shape(line) for line in (*page[:_EDGE_LINES], *page[-_EDGE_LINES:]) if line}
    )
    return {shape for shape, count in counts.items() if count >= max(3, len(pages) // 2 + 1)}


@cache
def _common_words() -> frozenset[str]:
    """The stop words of every supported language: short words that stand on their own."""
    from importlib import resources

    folder = resources.files("sumy") / "data" / "stopwords"
    return frozenset(
        word.strip().lower()
        for language in SUPPORTED_LANGUAGES
        for word in (folder / f"{language}.txt").read_text(encoding="utf-8").splitlines()
    )


def join_hyphenated(text: str) -> str:
    """Words hyphenated at a line end made whole ("dan-gerous" → "dangerous"), real hyphens kept ("well-known").

    The document's own words decide: the joined word is taken if the document
    uses it elsewhere. Otherwise, across a line break, the hyphen stays if the
    document writes the hyphenated form elsewhere, if both halves are words on
    their own (in the document, or common words of a supported language), or
    if the second half starts with a capital or the first is a figure; where
    the break became a space ("dan- gerous"), the words are joined only if
    neither half is a word ("pre- and post-war" stays).
    """
    vocabulary = Counter(word.lower() for word in _WORD.findall(_HYPHENATED.sub(" ", text)))
    common = _common_words()

    def is_word(part: str) -> bool:
        return bool(vocabulary[part.lower()]) or part.lower() in common

    def mend(match: re.Match[str]) -> str:
        first, second = match.group(1), match.group(2)
        if vocabulary[(first + second).lower()]:
            return first + second
        if "\n" not in match.group():
            return match.group() if is_word(first) or is_word(second) else first + second
        keep = (
            vocabulary[f"{first}-{second}".lower()]
            or (is_word(first) and is_word(second))
            or second[:1].isupper()
            or first[-1:].isdigit()
        )
        return f"{first}-{second}" if keep else first + second

    return _HYPHENATED.sub(mend, text)


def looks_like_title(title: str) -> bool:
    """Whether a PDF's metadata title names the document, rather than the file or the program that made it."""
    value = title.strip()
    words = value.split()
    return (
        2 <= len(value) <= _TITLE_MAX
        and any(ch.isalpha() for ch in value)
        and _NOT_A_TITLE.search(value) is None
        and not (len(words) == 1 and re.search(r"[_.]|\d", value))  # report_final2, scan0001
    )


def _metadata_date(info: Any) -> dt.date | None:
    """The document's creation date, else its modification date, from the PDF's metadata."""
    for name in ("creation_date", "modification_date"):
        try:
            value = getattr(info, name, None) if info else None
        except (ValueError, TypeError):  # a malformed date string in the metadata
            continue
        if isinstance(value, dt.datetime):
            return value.date()
    return None


def first_date(text: str) -> dt.date | None:
    """The first full date written in ``text`` (2026-07-03, 3 July 2026, 3. Juli 2026, July 3, 2026)."""
    for match in _DATE.finditer(text):
        iso_year, iso_month, iso_day, day, month, year, us_month, us_day, us_year = match.groups()
        try:
            if iso_year:
                return dt.date(int(iso_year), int(iso_month), int(iso_day))
            if day:
                return dt.date(int(year), _MONTHS[month.lower()], int(day))
            return dt.date(int(us_year), _MONTHS[us_month.lower()], int(us_day))
        except ValueError:
            continue
    return None
