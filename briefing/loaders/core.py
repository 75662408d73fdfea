"""Finding inputs, choosing a loader for each, and collecting what failed."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import BinaryIO

from briefing.errors import LoadError
from briefing.loaders.text import decode, front_matter, markdown_to_text, parse_date
from briefing.models import Document, InputWarning

Loader = Callable[[bytes, str, str], list[Document]]
"""``(data, name, doc_id) -> documents``; raises :class:`LoadError` for a bad input."""

MAX_BYTES = 20 * 1024 * 1024
"""Inputs larger than this are refused, so that one dump cannot stall the briefing."""


@dataclass(frozen=True)
class LoadResult:
    """The documents that loaded, and a warning for each input that did not."""

    documents: tuple[Document, ...]
    warnings: tuple[InputWarning, ...]


def _load_text(data: bytes, name: str, doc_id: str) -> list[Document]:
    text = decode(data, name)
    first_line = text.strip().splitlines()[0].strip()
    title = first_line if len(first_line) <= 120 else None
    return [Document(id=doc_id, text=text, title=title, path=name)]


def _load_markdown(data: bytes, name: str, doc_id: str) -> list[Document]:
    fields, body = front_matter(decode(data, name))
    text = markdown_to_text(body)
    if not text:
        raise LoadError(name, "no text in it")
    return [
        Document(
            id=doc_id,
            text=text,
            title=fields.get("title") or text.splitlines()[0],
            source=fields.get("source"),
            path=name,
            url=fields.get("url"),
            published=parse_date(fields.get("date")),
            author=fields.get("author"),
        )
    ]


LOADERS: dict[str, Loader] = {
    ".txt": _load_text,
    ".text": _load_text,
    ".md": _load_markdown,
    ".markdown": _load_markdown,
}


def _expand(inputs: Iterable[str | PathLike[str]]) -> Iterable[str | Path]:
    """Each input as given, and a folder as its known files, sorted, recursively."""
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in LOADERS)
        else:
            yield path


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "document"


def _read(item: str | Path, stdin: BinaryIO) -> tuple[bytes, str, Loader]:
    if item == "-":
        return stdin.read(MAX_BYTES + 1), "<stdin>", _load_text
    path = Path(item)
    loader = LOADERS.get(path.suffix.lower())
    if loader is None:
        raise LoadError(str(path), f"unknown kind of file; known suffixes: {', '.join(sorted(LOADERS))}")
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise LoadError(str(path), "no such file") from None
    except OSError as exc:
        raise LoadError(str(path), exc.strerror or str(exc)) from None
    return data, str(path), loader


def load_documents(
    inputs: Sequence[str | PathLike[str]],
    *,
    stdin: BinaryIO | None = None,
    on_warning: Callable[[InputWarning], None] | None = None,
) -> LoadResult:
    """Load every input (files, folders, ``-`` for standard input) that can be loaded.

    Document ids are slugs of the file names, made unique in input order.
    ``on_warning`` hears of each bad input as soon as it is found.
    """
    documents: list[Document] = []
    warnings: list[InputWarning] = []
    taken: set[str] = set()
    for item in _expand(inputs):
        try:
            data, name, loader = _read(item, stdin or sys.stdin.buffer)
            if len(data) > MAX_BYTES:
                raise LoadError(name, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
            base = _slug("stdin" if item == "-" else Path(item).stem)
            doc_id, copy = base, 1
            while doc_id in taken:
                copy += 1
                doc_id = f"{base}-{copy}"
            loaded = loader(data, name, doc_id)
        except LoadError as exc:
            warnings.append(InputWarning(path=exc.path, message=exc.reason))
            if on_warning:
                on_warning(warnings[-1])
            continue
        for doc in loaded:
            taken.add(doc.id)
            documents.append(doc)
    return LoadResult(tuple(documents), tuple(warnings))
