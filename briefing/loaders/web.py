"""Fetching the http(s) URLs the user named: bounded in time, size and redirects.

The standard library's ``urllib`` is enough here (one GET, no sessions or
HTTP/2) and adds no dependency; redirects are followed by hand so that they can
be counted and kept to http(s), and the body is read in chunks against one
deadline, so a slow server cannot hold the briefing longer than ``timeout``.
"""

from __future__ import annotations

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import IO, Any
from urllib.parse import urljoin, urlsplit

from briefing.errors import LoadError
from briefing.loaders.source import describe_size

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024
_ACCEPT = (
    "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/pdf, "
    "application/xml;q=0.9, text/xml;q=0.9, text/plain;q=0.8, text/markdown;q=0.8, */*;q=0.1"
)


@dataclass(frozen=True)
class Fetched:
    """A response body and what the server said it is."""

    url: str
    """The URL after redirects."""
    body: bytes
    content_type: str
    charset: str | None


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hands 3xx responses back as errors, so that :func:`fetch` follows them itself."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def is_url(item: str) -> bool:
    """Whether ``item`` names an http(s) URL rather than a file."""
    return item.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float, max_bytes: int, max_redirects: int, user_agent: str) -> Fetched:
    """GET ``url``; any failure is a :class:`LoadError` naming it and saying why."""
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_NoRedirects)
    current = url
    try:
        for _ in range(max_redirects + 1):
            if urlsplit(current).scheme.lower() not in {"http", "https"}:
                raise LoadError(url, f"redirected to a URL that is not http(s): {current}")
            request = urllib.request.Request(current, headers={"User-Agent": user_agent, "Accept": _ACCEPT})  # noqa: S310 (scheme checked above)
            try:
                with opener.open(request, timeout=_left(deadline, timeout)) as response:
                    body = _read(response, url, deadline, timeout, max_bytes)
                    headers: Message = response.headers
                    return Fetched(
                        current,
                        body,
                        headers.get_content_type() if headers.get("Content-Type") else "",
                        headers.get_content_charset(),
                    )
            except urllib.error.HTTPError as exc:
                exc.close()
                location = exc.headers.get("Location") if exc.code in _REDIRECTS else None
                if not location:
                    raise LoadError(url, f"HTTP {exc.code} {exc.reason}") from None
                current = urljoin(current, location)
        raise LoadError(url, f"more than {max_redirects} redirects")
    except TimeoutError:
        raise LoadError(url, f"no answer within {timeout:g} s (timeout)") from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise LoadError(url, f"no answer within {timeout:g} s (timeout)") from None
        raise LoadError(url, f"unreachable ({getattr(reason, 'strerror', None) or reason})") from None
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise LoadError(url, f"the connection failed ({type(exc).__name__}: {exc})") from None


def _left(deadline: float, timeout: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError
    return min(left, timeout)


def _read(response: IO[bytes], url: str, deadline: float, timeout: float, max_bytes: int) -> bytes:
    """The body, refused as soon as it passes ``max_bytes`` (declared or actually sent)."""
    declared = getattr(response, "headers", {}).get("Content-Length", "")
    too_big = LoadError(url, f"larger than the size cap of {describe_size(max_bytes)}")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    read = getattr(response, "read1", response.read)  # what has arrived, so the deadline is checked often
    while chunk := read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise too_big
        chunks.append(chunk)
        _left(deadline, timeout)
    return b"".join(chunks)
