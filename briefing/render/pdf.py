"""PDF from the HTML briefing, with a URL fetcher that reads nothing a document names."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse


def _fetcher_class(assets: Path) -> Any:
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class AssetsOnlyFetcher(URLFetcher):  # type: ignore[misc]
        """Serves ``data:`` URLs and files inside the templates folder; refuses everything else."""

        def fetch(self, url: str, headers: Any = None) -> Any:
            if url.startswith("data:"):
                return super().fetch(url, headers)
            parsed = urlparse(url)
            if parsed.scheme == "file":
                path = Path(unquote(parsed.path)).resolve()
                if path.is_relative_to(assets) and path.is_file():
                    return URLFetcherResponse(url, body=path.read_bytes())
            raise ValueError(f"briefing does not fetch {url[:80]!r}")

    return AssetsOnlyFetcher


def html_to_pdf(html: str, assets: Path) -> bytes:
    """Render ``html``; relative URLs resolve inside ``assets`` and nowhere else."""
    from weasyprint import HTML

    fetcher = _fetcher_class(assets.resolve())(allowed_protocols=("data", "file"))
    document = HTML(string=html, base_url=str(assets.resolve()) + "/", url_fetcher=fetcher)
    pdf: bytes = document.write_pdf()
    return pdf
