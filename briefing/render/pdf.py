"""PDF from the HTML briefing, with a URL fetcher that reads nothing a document names.

WeasyPrint's own fetcher reads any local file and any URL (and embeds a file
named by ``<a rel="attachment">``). Ours serves ``data:`` URLs and files inside
the template folders, and refuses everything else, so even a template mistake
cannot leak a file or reach the network.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

LOGGER = logging.getLogger(__name__)


def _fetcher_class() -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class AssetsOnlyFetcher(URLFetcher):  # type: ignore[misc]
        """Serves ``data:`` URLs and files inside ``roots``; refuses everything else."""

        def __init__(self, roots: Sequence[Path]) -> None:
            super().__init__(allowed_protocols=("data", "file"))
            self.roots = tuple(root.resolve() for root in roots)

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            parts = urlsplit(url)
            if parts.scheme == "file" and parts.netloc in ("", "localhost"):
                path = Path(unquote(parts.path)).resolve()
                if path.is_file() and any(path.is_relative_to(root) for root in self.roots):
                    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})
            raise ValueError(f"briefing does not fetch {url[:80]!r}")

    return AssetsOnlyFetcher


@contextmanager
def _weasyprint_quietly() -> Iterator[None]:
    """Keep WeasyPrint's log (refused fetches, CSS it skips) off the user's terminal; debug-log it as ours."""

    class Relay(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            LOGGER.debug("weasyprint: %s", record.getMessage())

    weasyprint_logger = logging.getLogger("weasyprint")
    handler, propagate = Relay(logging.DEBUG), weasyprint_logger.propagate
    weasyprint_logger.addHandler(handler)
    weasyprint_logger.propagate = False
    try:
        yield
    finally:
        weasyprint_logger.removeHandler(handler)
        weasyprint_logger.propagate = propagate


@contextmanager
def _fixed_font_timestamps() -> Iterator[None]:
    """Fonts subset without HarfBuzz-Subset get a fixed timestamp, so that the same HTML gives the same PDF.

    WeasyPrint then subsets with fontTools, which stamps each font it writes
    with the time, unless ``SOURCE_DATE_EPOCH`` (the reproducible-builds
    convention) says otherwise. A value the caller set is kept.
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = "0"
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def _import_weasyprint() -> None:
    """Import WeasyPrint with its warnings about optional system libraries (HarfBuzz-Subset) as debug lines.

    Such a warning says how future versions will behave, not that this PDF is
    wrong; under ``-W error`` (or a test suite's) it would end the run instead.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        import weasyprint  # noqa: F401 - imported for its side effect of loading its libraries once
    for warning in caught:
        LOGGER.debug("weasyprint: %s", warning.message)


def html_to_pdf(html: str, base: Path, assets: Sequence[Path] = ()) -> bytes:
    """Render ``html``; relative URLs resolve against ``base`` and only ``base`` and ``assets`` are readable.

    The PDF's identifier is a hash of the HTML and its dates come from the
    template's ``dcterms`` tags, so the same HTML always gives the same bytes.
    """
    _import_weasyprint()
    from weasyprint import HTML

    fetcher = _fetcher_class()([base, *assets])
    identifier = hashlib.sha256(html.encode("utf-8")).hexdigest()[:32].encode("ascii")
    with _weasyprint_quietly(), _fixed_font_timestamps():
        document = HTML(string=html, base_url=base.resolve().as_uri() + "/", url_fetcher=fetcher)
        pdf: bytes = document.write_pdf(pdf_identifier=identifier)
    return pdf
