"""Finding inputs, choosing a reader for each, and turning what failed into warnings.

Loading has two steps so that it can run in parallel and still give the same
result: :func:`load_input` reads one input (a module-level function of
picklable arguments, which a process pool can map), then :func:`finish` merges
duplicates and assigns ids in input order, whatever order the inputs finished in.
"""

from __future__ import annotations

import importlib.util
import logging
import re
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from os import PathLike
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, BinaryIO
from urllib.parse import urlsplit

from briefing._version import __version__
from briefing.errors import LoadError
from briefing.loaders.dedupe import band_keys, merge_duplicates
from briefing.loaders.feeds import FEED_TYPES, looks_like_feed, read_feed
from briefing.loaders.html import read_html
from briefing.loaders.links import LinkMemory, follow_links
from briefing.loaders.pdf import read_pdf
from briefing.loaders.source import PartlyRead, Source, describe_size, slug
from briefing.loaders.text import read_markdown, read_text
from briefing.loaders.web import fetch, is_url
from briefing.models import Document, InputWarning
from briefing.options import LoadOptions
from briefing.text.controls import one_line

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "pypdf", "charset_normalizer", "feedparser")
_GLOB_CHARS = frozenset("*?[")
_CHUNK = 1024 * 1024
_HTML_PROLOG = re.compile(rb"\A(?:\xef\xbb\xbf|\s|<!--.*?-->|<\?xml[^>]*>)*", re.S)
_HTML_TAGS = re.compile(rb"<(?:head|body)[\s>]")


NO_MATCH = "no files match this pattern"
"""The warning for a glob that matched nothing: a quiet day for a scheduled job, not a failure."""


Mapper = Callable[[Callable[[str], "Loaded"], Sequence[str]], Iterable["Loaded"]]
"""How per-input loading is run over the inputs: ``map``, or a pool's map that keeps order."""


@dataclass(frozen=True)
class Reader:
    """One kind of input: how to read it, and the suffixes and content types that name it."""

    kind: str
    read: Callable[[bytes, Source, LoadOptions], list[Document]]
    suffixes: tuple[str, ...]
    content_types: tuple[str, ...]
    needs: str | None = None
    """The package the reader imports, so that its absence is a clear message, not an ImportError."""

    def unavailable(self) -> str | None:
        """Why this reader cannot run here, or ``None`` when it can."""
        if self.needs and importlib.util.find_spec(self.needs) is None:
            return f"reading {self.kind} needs the {self.needs} package (pip install {self.needs})"
        return None


READERS = {
    reader.kind: reader
    for reader in (
        Reader("text", read_text, (".txt", ".text"), ("text/plain",)),
        Reader("Markdown", read_markdown, (".md", ".markdown"), ("text/markdown", "text/x-markdown"), "markdown"),
        Reader("HTML", read_html, (".html", ".htm", ".xhtml"), ("text/html", "application/xhtml+xml"), "trafilatura"),
        Reader("PDF", read_pdf, (".pdf",), ("application/pdf",), "pypdf"),
        Reader("feeds", read_feed, (".rss", ".atom", ".xml", ".rdf"), FEED_TYPES, "feedparser"),
    )
}
"""Every reader by its kind."""
LOADERS = {suffix: reader for reader in READERS.values() for suffix in reader.suffixes}
"""The reader for each known file suffix."""
_BY_CONTENT_TYPE = {content_type: reader for reader in READERS.values() for content_type in reader.content_types}


@dataclass(frozen=True)
class LoadResult:
    """The documents that loaded, and a warning for each input that did not."""

    documents: tuple[Document, ...]
    warnings: tuple[InputWarning, ...]


def expand_inputs(
    inputs: Iterable[str | PathLike[str]], *, on_warning: Callable[[InputWarning], None] | None = None
) -> list[str]:
    """Each input as given, a folder as its known files (sorted, recursively), a glob as its matches.

    A file that a folder or a glob finds is left out, with a warning to
    ``on_warning``, when it is a symbolic link that leads out of that folder
    (for a glob, the folder before its first wildcard): ``in/notes.txt ->
    ../secret.txt`` is not briefed, nor mailed. A file named directly is read
    wherever it leads.
    """
    items: list[str] = []
    for item in map(str, inputs):
        path = Path(item)
        if item == "-" or is_url(item):
            items.append(item)
        elif path.is_dir():
            found = [p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in LOADERS]
            items.extend(_within(path, found, on_warning))
        elif not path.exists() and _GLOB_CHARS & set(item) and (matches := _glob(item)):
            items.extend(_within(_glob_folder(item), matches, on_warning))
        else:
            items.append(item)
    return items


def _glob(pattern: str) -> list[Path]:
    """Files matching ``pattern`` (``in/*.txt``, ``in/**/*.html``), sorted; relative or absolute."""
    folder = _glob_folder(pattern)
    rest = Path(*Path(pattern).parts[len(folder.parts) :])
    return sorted(p for p in folder.glob(str(rest)) if p.is_file())


def _glob_folder(pattern: str) -> Path:
    """The folder ``pattern`` starts from: its parts before the first wildcard (``in`` for ``in/**/*.md``)."""
    parts = Path(pattern).parts
    first = next(index for index, part in enumerate(parts) if _GLOB_CHARS & set(part))
    return Path(*parts[:first]) if first else Path()


def _within(folder: Path, files: Iterable[Path], on_warning: Callable[[InputWarning], None] | None) -> list[str]:
    """The ``files`` that are inside ``folder`` once symbolic links are followed; a warning for each other."""
    real = folder.resolve()
    inside: list[str] = []
    for file in files:
        if real in file.resolve().parents:
            inside.append(str(file))
        elif on_warning:
            where = str(folder) if folder.parts else "the current folder"
            on_warning(InputWarning(str(file), f"a symbolic link that leads out of {where}; left out"))
    return inside


def sniff(data: bytes) -> Reader | None:
    """The reader that the bytes themselves name (a PDF, a feed, an HTML page), or ``None``."""
    if data.startswith(b"%PDF-"):
        return READERS["PDF"]
    if looks_like_feed(data):
        return READERS["feeds"]
    head = _HTML_PROLOG.sub(b"", data[:4096].lower(), count=1)
    if head.startswith((b"<!doctype html", b"<html")) or _HTML_TAGS.search(head):
        return READERS["HTML"]
    return None


@dataclass(frozen=True)
class Loaded:
    """What one input gave: its documents (ids not yet unique), its warnings, and each document's
    near-copy band keys (:func:`~briefing.loaders.dedupe.band_keys`, made where the input was read)."""

    documents: tuple[Document, ...] = ()
    warnings: tuple[InputWarning, ...] = ()
    keys: tuple[NDArray[np.uint64], ...] = ()


def load_input(
    item: str, *, options: LoadOptions, stdin: BinaryIO | None = None, memory: LinkMemory | None = None
) -> Loaded:
    """Read one file, URL or ``-`` (standard input); never raises for a bad input, it warns instead.

    Whatever a reader's library raises becomes a warning too; a document
    longer than ``options.max_characters`` keeps only its first characters.
    With ``options.follow_links``, a feed's teasers are replaced by the
    articles at their links (``memory`` holds pages fetched before).
    """
    loaded, kind = _read_input(item, options, stdin)
    if options.follow_links and kind == "feeds" and loaded.documents:
        followed = follow_links(loaded.documents, item, partial(_page, options=options), memory)
        loaded = Loaded(followed.documents, (*loaded.warnings, *followed.warnings))
    capped = _capped(loaded, item, options.max_characters)
    return replace(capped, keys=tuple(band_keys(doc.text) for doc in capped.documents))


def _page(url: str, options: LoadOptions) -> tuple[Sequence[Document], Sequence[InputWarning]]:
    """The documents of a linked page, read as a URL input is (its own links are not followed)."""
    loaded = load_input(url, options=replace(options, follow_links=False))
    return loaded.documents, loaded.warnings


def _read_input(item: str, options: LoadOptions, stdin: BinaryIO | None) -> tuple[Loaded, str | None]:
    """What the reader made of one input, and the reader's kind (``None``: the input could not be opened)."""
    kind = None
    try:
        with _quiet_libraries():
            data, source, reader = _open(item, options, stdin)
            kind = reader.kind
            reason = reader.unavailable()
            if reason:
                raise LoadError(source.name, reason)
            return Loaded(tuple(reader.read(data, source, options))), kind
    except PartlyRead as exc:
        return Loaded(tuple(exc.documents), (InputWarning(exc.path, exc.reason),)), kind
    except LoadError as exc:
        return Loaded(warnings=(InputWarning(exc.path, exc.reason),)), kind
    except (Exception, RecursionError) as exc:  # a library's own failure on input it cannot handle
        return Loaded(warnings=(InputWarning(item, f"could not be read ({type(exc).__name__}: {exc})"),)), kind


def _capped(loaded: Loaded, item: str, max_characters: int) -> Loaded:
    """Each document cut to ``max_characters`` (at a line break where there is one), with a warning for each cut."""
    documents, warnings = [], list(loaded.warnings)
    for doc in loaded.documents:
        if len(doc.text) <= max_characters:
            documents.append(doc)
            continue
        cut = doc.text.rfind("\n", 0, max_characters + 1)
        end = cut if cut > max_characters // 2 else max_characters
        reason = f"{len(doc.text):,} characters; kept the first {end:,} (the cap is {max_characters:,})"
        name = one_line(doc.title or doc.url or doc.id)
        warnings.append(InputWarning(item, f"{name}: {reason}" if len(loaded.documents) > 1 else reason))
        documents.append(replace(doc, text=doc.text[:end]))
    return Loaded(tuple(documents), tuple(warnings))


def _open(item: str, options: LoadOptions, stdin: BinaryIO | None) -> tuple[bytes, Source, Reader]:
    if item == "-":
        data = _read_capped(stdin or sys.stdin.buffer, "<stdin>", options.max_bytes)
        return data, Source("<stdin>", "stdin"), sniff(data) or READERS["text"]
    if is_url(item):
        return _open_url(item, options)
    path = Path(item)
    if _GLOB_CHARS & set(item) and not path.exists():
        raise LoadError(item, NO_MATCH)
    reader = LOADERS.get(path.suffix.lower())
    if reader is None:
        if not path.exists():
            raise LoadError(item, "no such file")
        raise LoadError(item, f"unknown kind of file; known suffixes: {', '.join(sorted(LOADERS))}")
    try:
        with path.open("rb") as handle:
            data = _read_capped(handle, item, options.max_bytes)
    except FileNotFoundError:
        raise LoadError(item, "no such file") from None
    except OSError as exc:
        raise LoadError(item, exc.strerror or str(exc)) from None
    return data, Source(item, slug(path.stem), path=item), reader


def _open_url(url: str, options: LoadOptions) -> tuple[bytes, Source, Reader]:
    fetched = fetch(
        url,
        timeout=options.timeout,
        max_bytes=options.max_bytes,
        max_redirects=options.max_redirects,
        user_agent=options.user_agent or f"briefing/{__version__}",
    )
    parts = urlsplit(fetched.url)
    name = PurePosixPath(parts.path).stem or parts.hostname or "page"
    source = Source(url, slug(name), url=fetched.url, charset=fetched.charset, content_type=fetched.content_type)
    # What the bytes are decides, whatever the server says: pages are served as text/plain, feeds as text/html.
    reader = sniff(fetched.body) or _BY_CONTENT_TYPE.get(fetched.content_type)
    if reader is None and fetched.content_type in {"", "application/octet-stream"}:
        reader = READERS["text"]
    if reader is None:
        raise LoadError(url, f"unsupported content type {fetched.content_type}")
    return fetched.body, source, reader


def _read_capped(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """All of ``stream``, read in chunks so that memory follows its size, not the cap; refused past the cap."""
    chunks: list[bytes] = []
    size = 0
    while chunk := stream.read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise LoadError(name, f"larger than the size cap of {describe_size(max_bytes)}")
        chunks.append(chunk)
    return b"".join(chunks)


@contextmanager
def _quiet_libraries() -> Iterator[None]:
    """Silence the readers' libraries: one warning per bad input is ours to give, through ``on_warning``."""
    loggers = [logging.getLogger(name) for name in _QUIET_LOGGERS]
    saved = [logger.level for logger in loggers]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for logger in loggers:
            logger.setLevel(logging.CRITICAL + 1)  # children (pypdf._reader…) inherit it
        try:
            yield
        finally:
            for logger, level in zip(loggers, saved, strict=True):
                logger.setLevel(level)


def finish(documents: Sequence[Document], keys: Sequence[NDArray[np.uint64]] | None = None) -> tuple[Document, ...]:
    """Duplicates merged, then ids made unique in input order (``story``, ``story-2``…): deterministic.
    ``keys`` are the documents' band keys, when they were made already."""
    taken: set[str] = set()
    unique = []
    for doc in merge_duplicates(documents, keys):
        doc_id, copy = doc.id, 1
        while doc_id in taken:
            copy += 1
            doc_id = f"{doc.id}-{copy}"
        taken.add(doc_id)
        unique.append(replace(doc, id=doc_id))
    return tuple(unique)


def load_documents(
    inputs: Sequence[str | PathLike[str]],
    *,
    stdin: BinaryIO | None = None,
    on_warning: Callable[[InputWarning], None] | None = None,
    options: LoadOptions | None = None,
    merge: bool = True,
    mapper: Mapper | None = None,
    memory: LinkMemory | None = None,
) -> LoadResult:
    """Load every input (files, folders, globs, http(s) URLs, ``-`` for standard input) that can be loaded.

    ``on_warning`` hears of each bad input as soon as it is found; ``options``
    caps size, time and redirects (:class:`LoadOptions` defaults otherwise).
    With ``merge=False`` copies of one article stay apart and ids may repeat:
    for a caller that chooses among copies before it calls :func:`finish`.
    ``mapper(load, items)`` runs the per-input loading (the built-in ``map``
    by default; a process pool's map for many slow inputs) and must keep order.
    ``memory`` remembers the pages that feed entries link to (with
    ``options.follow_links``); it is used only in this process, so not with a pool's ``mapper``.
    """
    options = options or LoadOptions()
    documents: list[Document] = []
    keys: list[NDArray[np.uint64]] = []
    found: list[InputWarning] = []

    def warn(warning: InputWarning) -> None:
        found.append(warning)
        if on_warning:
            on_warning(warning)

    load = partial(load_input, options=options, stdin=stdin, memory=memory if mapper is None else None)
    for loaded in (mapper or map)(load, expand_inputs(inputs, on_warning=warn)):
        documents.extend(loaded.documents)
        keys.extend(loaded.keys)
        for warning in loaded.warnings:
            warn(warning)
    return LoadResult(finish(documents, keys) if merge else tuple(documents), tuple(found))
