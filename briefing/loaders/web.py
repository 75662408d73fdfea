"""Fetching the http(s) URLs the user named: bounded in time, size and redirects.

The standard library's ``urllib`` is enough here (one GET, no sessions or
HTTP/2) and adds no dependency; redirects are followed by hand so that they can
be counted and kept to http(s). One deadline, ``timeout`` after the fetch
starts, covers every hop from connecting to the last byte: the connection and
the TLS handshake may take only the time left when they begin, and every read
from the socket (status line, headers, chunk sizes, body) only the time left
when it is made, so a server that sends one byte a second cannot hold the
briefing past the deadline.
"""

from __future__ import annotations

import functools
import http.client
import io
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import Message
from typing import IO, Any, cast
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


class _BeforeDeadline(io.RawIOBase):
    """A socket's bytes, each read from it allowed only the time left before the deadline."""

    def __init__(self, raw: io.RawIOBase, sock: socket.socket, deadline: float) -> None:
        super().__init__()
        self._raw, self._sock, self._deadline = raw, sock, deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the deadline has passed")
        self._sock.settimeout(left)
        return self._raw.readinto(buffer)

    def close(self) -> None:
        self._raw.close()  # lets the socket close
        super().close()


class _DeadlineResponse(http.client.HTTPResponse):
    """A response read through :class:`_BeforeDeadline`."""

    def __init__(self, sock: socket.socket, *args: Any, deadline: float, **kwargs: Any) -> None:
        super().__init__(sock, *args, **kwargs)
        self.fp = io.BufferedReader(_BeforeDeadline(self.fp.detach(), sock, deadline))


class _WithDeadline(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    """Opens http and https URLs on connections whose responses are read against one deadline."""

    def __init__(self, deadline: float) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection(http.client.HTTPConnection), req)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self._connection(http.client.HTTPSConnection), req)

    def _connection(self, kind: type[http.client.HTTPConnection]) -> Callable[..., http.client.HTTPConnection]:
        def connect(host: str, **kwargs: Any) -> http.client.HTTPConnection:
            connection = kind(host, **kwargs)
            response = functools.partial(_DeadlineResponse, deadline=self.deadline)
            connection.response_class = cast("type[http.client.HTTPResponse]", response)  # only ever called
            return connection

        return connect


def is_url(item: str) -> bool:
    """Whether ``item`` names an http(s) URL rather than a file."""
    return item.lower().startswith(("http://", "https://"))


def fetch(url: str, *, timeout: float, max_bytes: int, max_redirects: int, user_agent: str) -> Fetched:
    """GET ``url``; any failure is a :class:`LoadError` naming it and saying why."""
    deadline = time.monotonic() + timeout
    opener = urllib.request.build_opener(_NoRedirects, _WithDeadline(deadline))
    current = url
    try:
        for _ in range(max_redirects + 1):
            if urlsplit(current).scheme.lower() not in {"http", "https"}:
                raise LoadError(url, f"redirected to a URL that is not http(s): {current}")
            request = urllib.request.Request(current, headers={"User-Agent": user_agent, "Accept": _ACCEPT})  # noqa: S310 (scheme checked above)
            try:
                with opener.open(request, timeout=_left(deadline, timeout)) as response:
                    body = _read(response, url, max_bytes)
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


def _read(response: IO[bytes], url: str, max_bytes: int) -> bytes:
    """The body, refused as soon as it passes ``max_bytes`` (declared or actually sent)."""
    declared = getattr(response, "headers", {}).get("Content-Length", "")
    too_big = LoadError(url, f"larger than the size cap of {describe_size(max_bytes)}")
    if declared.isdigit() and int(declared) > max_bytes:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    read = getattr(response, "read1", response.read)  # what has arrived, so that the cap is checked often
    while chunk := read(_CHUNK):
        size += len(chunk)
        if size > max_bytes:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks)
