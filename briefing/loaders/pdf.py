"""PDF files: the text layer, page by page, read by pypdf (no OCR)."""

from __future__ import annotations

import io

from briefing.errors import LoadError
from briefing.languages import language_name
from briefing.loaders.source import PartlyRead, Source
from briefing.models import Document

MAX_PAGES = 500
"""Pages read at most, so that one huge report cannot stall the briefing."""


def read_pdf(data: bytes, source: Source) -> list[Document]:
    """A PDF's text; a PDF without a text layer (a scan) or a damaged one is a :class:`LoadError`."""
    from pypdf import PdfReader

    if not data.strip():
        raise LoadError(source.name, "empty file")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise LoadError(source.name, "encrypted PDF")
        page_count = len(reader.pages)
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
        info = reader.metadata
        title = str(info.title).strip() if info and info.title else None
        author = str(info.author).strip() if info and info.author else None
        lang = reader.root_object.get("/Lang")
    except LoadError:
        raise
    except Exception as exc:  # pypdf fails in many ways on a damaged file; each one means "unreadable"
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise LoadError(source.name, f"not a readable PDF ({detail})") from None
    text = "\n\n".join(page.replace("\r\n", "\n").replace("\r", "\n").strip() for page in pages if page.strip())
    if not any(ch.isalnum() for ch in text):
        raise LoadError(source.name, "no text layer in the PDF (a scan? briefing does no OCR)")
    first_line = text.splitlines()[0].strip()
    documents = [
        Document(
            id=source.id_base,
            text=text,
            title=title or (first_line if len(first_line) <= 120 else None),
            path=source.path,
            url=source.url,
            language=language_name(str(lang) if lang else None),
            author=author,
        )
    ]
    if page_count > MAX_PAGES:
        raise PartlyRead(source.name, f"read only the first {MAX_PAGES} of its {page_count} pages", documents)
    return documents
