"""Loading URLs from an HTTP server the test starts on 127.0.0.1: redirects, timeouts, errors, caps."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from briefing import load_documents
from briefing.loaders import LoadOptions
from briefing.render.pdf import html_to_pdf

FIXTURES = Path(__file__).parent / "fixtures"
PAGE = """<!doctype html><html lang="en"><head><title>Tram vote</title>
<link rel="stylesheet" href="/style.css"><meta property="og:site_name" content="The Gazette"></head>
<body><article><h1>Harbour council backs tram line</h1>
<p>The harbour council voted on Tuesday to build a new tram line to the port, after three years of debate.</p>
<img src="/tracker.png">
<p>"This is a good day for the city," said mayor Ann Lee, who has backed the plan since 2023.</p>
</article></body></html>
"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Wire</title>
<item><title>Ferry crews strike</title><link>{base}/entry-1</link>
<description>Ferry crews on the Northgate line walked out on Friday, cancelling 42 crossings.</description></item>
</channel></rss>
"""

Reply = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class Server:
    """The test server: its base URL, the routes it answers, and the requests it received."""

    base: str = ""
    routes: dict[str, Reply] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)


def send(status: int, content_type: str | None, body: bytes, **headers: str) -> Reply:
    def reply(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        if content_type:
            handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", headers.pop("length", str(len(body))))
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)

    return reply


def redirect(location: str) -> Reply:
    return send(302, "text/plain", b"moved", Location=location)


def slow(handler: BaseHTTPRequestHandler) -> None:
    time.sleep(3.0)
    send(200, "text/plain", b"Too late to be read, the test has moved on.")(handler)


def dripping(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    for _ in range(30):
        handler.wfile.write(b"word ")
        handler.wfile.flush()
        time.sleep(0.1)


def unbounded(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.end_headers()
    handler.wfile.write(b"word " * 4000)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    state = Server()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, self.headers.get("User-Agent", "")))
            reply = state.routes.get(self.path, send(404, "text/plain", b"not here"))
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up first
                reply(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield state
    httpd.shutdown()
    httpd.server_close()


def test_pages_feeds_and_pdfs_by_content_type(server: Server, tmp_path: Path) -> None:
    pdf = html_to_pdf("<h1>River report</h1><p>The river fell to its lowest level in forty years.</p>", tmp_path)
    server.routes.update(
        {
            "/news/tram.html": send(200, "text/html; charset=utf-8", PAGE.encode()),
            "/feed": send(200, "application/rss+xml", FEED.format(base=server.base).encode()),
            "/report": send(200, "application/octet-stream", pdf),
            "/latin": send(200, "text/plain; charset=iso-8859-1", "Café crème at the harbour.".encode("latin-1")),
        }
    )
    urls = [server.base + path for path in ("/news/tram.html", "/feed", "/report", "/latin")]
    result = load_documents(urls)
    assert result.warnings == ()
    page, entry, report, latin = result.documents
    assert (page.id, page.title) == ("tram", "Harbour council backs tram line")
    assert (page.source, page.path) == ("The Gazette", None)
    assert page.url == urls[0]
    assert "said mayor Ann Lee" in page.text
    assert (entry.source, entry.url, entry.path) == ("Harbour Wire", f"{server.base}/entry-1", urls[1])
    assert report.text.startswith("River report")
    assert latin.text == "Café crème at the harbour."
    paths = [path for path, _ in server.requests]
    assert sorted(paths) == ["/feed", "/latin", "/news/tram.html", "/report"]  # no stylesheet, image or entry link
    assert all(agent.startswith("briefing/") for _, agent in server.requests)


def test_redirects_are_followed_a_few_times_and_only_to_http(server: Server) -> None:
    server.routes.update(
        {
            "/old": redirect("/new"),
            "/new": send(200, "text/plain", b"The story moved here, and it is read from here."),
            "/loop": redirect("/loop"),
            "/escape": redirect("file:///etc/passwd"),
        }
    )
    result = load_documents([server.base + p for p in ("/old", "/loop", "/escape")])
    [doc] = result.documents
    assert doc.url == server.base + "/new"
    assert [(w.path, w.message) for w in result.warnings] == [
        (server.base + "/loop", "more than 5 redirects"),
        (server.base + "/escape", "redirected to a URL that is not http(s): file:///etc/passwd"),
    ]
    assert [p for p, _ in server.requests].count("/loop") == 6


def test_failures_each_give_one_warning(server: Server) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    server.routes.update(
        {
            "/slow": slow,
            "/drip": dripping,
            "/image": send(200, "image/png", b"\x89PNG\r\n\x1a\n"),
            "/declared-big": send(200, "text/plain", b"small", length="999999"),
            "/big": unbounded,
            "/empty": send(200, "text/html", b""),
        }
    )
    urls = [server.base + p for p in ("/slow", "/drip", "/missing", "/image", "/declared-big", "/big", "/empty")]
    urls.append(f"http://127.0.0.1:{closed_port}/gone")
    started = time.monotonic()
    result = load_documents(urls, options=LoadOptions(timeout=1, max_bytes=10_000))
    assert time.monotonic() - started < 5.0  # two deadlines of 1 s; the slow and dripping servers take 3 s each
    assert result.documents == ()
    assert [w.message for w in result.warnings] == [
        "no answer within 1 s (timeout)",
        "no answer within 1 s (timeout)",
        "HTTP 404 Not Found",
        "unsupported content type image/png",
        "larger than the size cap of 10000 bytes",
        "larger than the size cap of 10000 bytes",
        "empty file",
        "unreachable (Connection refused)",
    ]
    assert [w.path for w in result.warnings] == urls


def test_a_file_its_url_and_a_feed_entry_are_one_document(server: Server, tmp_path: Path) -> None:
    feed = FEED.replace("{base}/entry-1", "{base}/tram").format(base=server.base)
    server.routes["/tram"] = send(200, "text/html", PAGE.encode())
    server.routes["/feed"] = send(200, "text/xml", feed.encode())
    (tmp_path / "tram.html").write_text(PAGE)
    [doc] = load_documents([tmp_path / "tram.html", server.base + "/tram", server.base + "/feed"]).documents
    assert (doc.id, doc.path) == ("tram", str(tmp_path / "tram.html"))
    assert doc.duplicates == (server.base + "/tram", server.base + "/feed")


def test_cli_builds_from_every_kind_of_input_good_and_bad(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main

    server.routes.update({"/tram": send(200, "text/html", PAGE.encode()), "/slow": slow})
    inputs = tmp_path / "in"
    inputs.mkdir()
    pdf = html_to_pdf("<h1>River report</h1><p>The river fell to its lowest level in forty years.</p>", tmp_path)
    files = {
        "a-ferry.txt": b"Ferry crews strike\n\nFerry crews walked out on Friday, cancelling 42 crossings.\n",
        "b-latin.txt": "Café owners on the quay say trade fell by a third this summer.".encode("latin-1"),
        "c-river.pdf": pdf,
        "d-wire.rss": (FIXTURES / "wire.rss").read_bytes(),
        "e-river.xml": (FIXTURES / "river.atom").read_bytes(),
        "f-blank.md": b"\n \n",
        "g-cut.pdf": pdf[:300],
        "h-broken.atom": b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><title>Cut",
        "i-big.txt": b"word " * 3000,
    }
    for name, data in files.items():
        (inputs / name).write_bytes(data)
    out = tmp_path / "brief.json"
    urls = [server.base + "/tram", server.base + "/missing", server.base + "/slow"]
    args = ["build", str(inputs), *urls, "-o", str(out), "--date", "2026-11-23", "--max-size", "10KB"]
    assert main([*args, "--timeout", "1"]) == 0
    stderr = capsys.readouterr().err.splitlines()
    data = json.loads(out.read_text())
    assert stderr == [f"briefing: warning: {w['path']}: {w['message']}" for w in data["warnings"]]
    warned = {Path(w["path"]).name: w["message"] for w in data["warnings"]}
    assert warned == {
        "f-blank.md": "empty file",
        "g-cut.pdf": warned["g-cut.pdf"],
        "h-broken.atom": warned["h-broken.atom"],
        "i-big.txt": "larger than the size cap of 10 KB",
        "missing": "HTTP 404 Not Found",
        "slow": "no answer within 1 s (timeout)",
    }
    assert warned["g-cut.pdf"].startswith(("not a readable PDF", "no text layer"))
    assert warned["h-broken.atom"].startswith("malformed feed: ")
    titles = {doc["title"] for doc in data["documents"]}
    assert {"Ferry crews strike", "River report", "Farmers pray for rain", "Harbour council backs tram line"} <= titles

    none = tmp_path / "none.json"
    assert main(["build", str(inputs / "f-blank.md"), server.base + "/missing", "-o", str(none)]) == 1
    assert capsys.readouterr().err.splitlines()[-1] == "briefing: error: no usable input: all 2 inputs were left out"
    assert not none.exists()


TRICKLED = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"


@contextlib.contextmanager
def trickling(where: str, seconds: float = 0.25) -> Iterator[str]:
    """A server that sends the status line, the headers or the chunk-size lines one byte at a time."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    head = {"status line": 17, "headers": len(TRICKLED), "chunk sizes": 0}[where]
    body = b"0" * 30 + b"1\r\nx\r\n0\r\n\r\n"  # one chunk whose size line is 33 bytes long

    def serve() -> None:
        connection, _ = listener.accept()
        with connection, contextlib.suppress(OSError):
            connection.recv(65536)
            slow, fast = (TRICKLED[:head], TRICKLED[head:] + body) if head else (body, b"")
            connection.sendall(TRICKLED if not head else b"")
            for byte in slow:
                connection.sendall(bytes([byte]))
                time.sleep(seconds)
            connection.sendall(fast)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/trickle"
    finally:
        listener.close()


@pytest.mark.parametrize("where", ["status line", "headers", "chunk sizes"])
def test_timeout_is_a_deadline_for_a_server_that_trickles(where: str) -> None:
    """Sent whole at a byte every 0.25 s, each part would take 4 s or more; the deadline is 1 s."""
    with trickling(where) as url:
        started = time.monotonic()
        result = load_documents([url], options=LoadOptions(timeout=1))
        took = time.monotonic() - started
    assert [w.message for w in result.warnings] == ["no answer within 1 s (timeout)"]
    assert took < 3.5  # the deadline and some slack for a busy machine; the trickle lasts 4 s or more


def test_text_a_server_controls_reaches_the_terminal_with_its_controls_shown(
    server: Server, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli import main

    def reason(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(403, "Forbidden\x1b]0;owned\x07\x1b[2J")
        handler.end_headers()

    server.routes.update(
        {
            "/reason": reason,
            "/moved": redirect("ftp://example.org/\x1b[31mred\x1b[0m"),
            "/type": send(200, "image/x\x1b[2J", b"\x89PNG"),
        }
    )
    (tmp_path / "ok.txt").write_text("Ferry crews walked out on Friday, cancelling 42 crossings.\n")
    urls = [server.base + path for path in ("/reason", "/moved", "/type")]
    assert main(["build", str(tmp_path / "ok.txt"), *urls, "-o", str(tmp_path / "brief.md")]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    lines = err.splitlines()
    assert len(lines) == 3 and all(line.startswith(f"briefing: warning: {server.base}/") for line in lines)
    assert "Forbidden\\x1b]0;owned\\x07\\x1b[2J" in lines[0]
    assert lines[1].endswith("not http(s): ftp://example.org/\\x1b[31mred\\x1b[0m")
    assert lines[2].endswith("unsupported content type image/x\\x1b[2j")  # as the header parser lowers it
