"""Hostile documents: no output may fetch, embed, run or link anything a document names.

A web server on 127.0.0.1 counts every request; a canary file holds a secret.
The hostile text goes in through every field a template shows: document text,
title, source, URL and path, story titles, summaries, statements (speaker,
title, cue), warnings, and the briefing's own title.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import struct
import subprocess
import sys
import threading
import zlib
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import markdown
import pytest
from pypdf import PdfReader

from briefing import Briefing, Document, InputWarning, Statement, Story, SummarySentence, render
from briefing.render.pdf import html_to_pdf

SECRET = "CANARY-5f1e9b27-do-not-leak"


class Server:
    """A web server that remembers the path of every request it gets."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        requests = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "text/css")
                self.end_headers()
                self.wfile.write(b"body { background: red; }")

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"


@pytest.fixture
def server() -> Iterator[Server]:
    served = Server()
    thread = threading.Thread(target=served.httpd.serve_forever, daemon=True)
    thread.start()
    yield served
    served.httpd.shutdown()
    served.httpd.server_close()
    thread.join()


@pytest.fixture
def canary(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET, encoding="utf-8")
    return path


def hostile_html(server: Server, canary: Path) -> str:
    """Everything a page could use to fetch, embed, run or link."""
    file_url = canary.as_uri()
    return (
        f'<img src="{file_url}"> <img src="{server.url}/img.png"> '
        f'<a rel="attachment" href="{file_url}">annex</a> <a href="{file_url}">file link</a> '
        f'<link rel="stylesheet" href="{server.url}/sheet.css"> '
        f"<style>@import url({server.url}/import.css); body {{ background: url({file_url}) }}</style> "
        f'<script>alert("{SECRET[:6]}")</script> <a href="javascript:alert(1)">click</a> '
        f'<iframe src="{server.url}/frame"></iframe> <object data="{file_url}"></object> '
        f'<svg><image href="{file_url}"/></svg> <img src=x onerror="alert(1)">'
    )


def hostile_markdown(server: Server, canary: Path) -> str:
    file_url = canary.as_uri()
    return (
        f"![img]({file_url}) ![remote]({server.url}/md.png) [file]({file_url}) "
        f"[js](javascript:alert(1)) <{server.url}/auto> [ref][r]\n\n[r]: {file_url}\n"
    )


def hostile_briefing(server: Server, canary: Path) -> Briefing:
    """Every field a template shows, filled with something hostile."""
    attack = hostile_html(server, canary) + " " + hostile_markdown(server, canary)
    doc = Document(
        "hostile",
        f"Ordinary start. {attack} Ordinary end.",
        title=f"<script>alert(1)</script>{attack}",
        source=f'<img src="{canary.as_uri()}">',
        url=f"javascript:fetch('{server.url}/url')",
        path=f"{canary}",
        published=dt.date(2026, 11, 20),
    )
    other = Document("other", attack, title="Plain", url=canary.as_uri())
    statement = Statement(
        attack, 0, len(attack), f"<b>{attack}</b>", f"said {attack}", "direct", "hostile", speaker_title=attack
    )
    story = Story(
        f"# Title {attack}",
        ("hostile", "other"),
        (SummarySentence(attack, 0, len(attack), 1.0, "hostile"), SummarySentence(attack, 0, 1, 0.5, "other")),
        (statement, Statement(attack, 0, 1, None, None, "claim", "other")),
    )
    return Briefing(f"Brief {attack}", dt.date(2026, 11, 23), (doc, other), (story,), (InputWarning(attack, attack),))


class LiveParts(HTMLParser):
    """Collects whatever in an HTML page would run, load or link outside the page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "img", "image", "link", "svg", "base", "form"):
            self.found.append(tag)
        for name, raw in attrs:
            value = (raw or "").strip().lower()
            if name.startswith("on") or (name == "rel" and "attachment" in value):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src", "data", "action") and not value.startswith(("#", "https://", "http://")):
                self.found.append(f"{tag} {name}={value[:40]}")
            if name in ("href", "src") and "127.0.0.1" in value:
                self.found.append(f"{tag} {name}={value[:40]}")

    def handle_data(self, data: str) -> None:
        if "@import" in data and self.lasttag == "style" and "127.0.0.1" in data:
            self.found.append("style @import")


def live_parts(html: str) -> list[str]:
    parser = LiveParts()
    parser.feed(html)
    return parser.found


def pdf_problems(pdf: bytes, tmp_path: Path) -> list[str]:
    """Attachments, file or script links, and the canary, anywhere in a PDF."""
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    reader = PdfReader(path)
    problems = [f"attachment {name}" for name in reader.attachments]
    for page in reader.pages:
        for annotation in page.get("/Annots") or ():
            action = annotation.get_object().get("/A")
            uri = str(action.get_object().get("/URI", "")) if action else ""
            if (uri and not uri.startswith(("http://", "https://"))) or "127.0.0.1" in uri:
                problems.append(f"link {uri[:40]}")
            if annotation.get_object().get("/Subtype") == "/FileAttachment":
                problems.append("file attachment annotation")
    if b"/JavaScript" in pdf or b"/EmbeddedFile" in pdf or SECRET.encode() in pdf:
        problems.append("script, embedded file or canary in the raw PDF")
    text = "".join(page.extract_text() for page in reader.pages)
    if SECRET in text:
        problems.append("canary in the text")
    return problems


def test_hostile_briefing_in_every_format(server: Server, canary: Path, tmp_path: Path) -> None:
    briefing = hostile_briefing(server, canary)
    md = str(render(briefing, "md"))
    html = str(render(briefing, "html"))
    pdf = render(briefing, "pdf")
    assert isinstance(pdf, bytes)
    for text in (md, html):
        assert SECRET not in text
    assert live_parts(html) == []
    assert live_parts(markdown.markdown(md)) == []
    assert pdf_problems(pdf, tmp_path) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html  # shown as text, not dropped
    assert r"\<script\>alert(1)\</script\>" in md
    assert server.requests == []


def test_the_fetcher_refuses_what_a_careless_template_lets_through(
    server: Server, canary: Path, tmp_path: Path
) -> None:
    """Even raw hostile HTML (a template that marks document text ``|safe``) reaches nothing."""
    assets = tmp_path / "theme"
    assets.mkdir()
    (assets / "logo.png").write_bytes(_png())
    data_png = "data:image/png;base64," + base64.b64encode(_png()).decode()
    page = f'<img src="logo.png"> <img src="{data_png}"> <img src="../secret.txt"> {hostile_html(server, canary)}'
    pdf = html_to_pdf(f"<html><head><title>t</title></head><body>{page}</body></html>", assets)
    assert server.requests == []
    assert SECRET.encode() not in pdf
    path = tmp_path / "raw.pdf"
    path.write_bytes(pdf)
    reader = PdfReader(path)
    assert reader.attachments == {}
    assert len(reader.pages[0].images) == 2  # the theme's own asset and the data: URL, nothing else


def test_hostile_files_and_title_through_the_command(server: Server, canary: Path, tmp_path: Path) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    attack = hostile_html(server, canary) + "\n\n" + hostile_markdown(server, canary)
    (inputs / "hostile.md").write_text(
        f"---\ntitle: <script>x</script>\nsource: '<img src=\"{canary.as_uri()}\">'\n"
        f"url: javascript:alert(1)\n---\n\n# Council news\n\nThe council met on Monday. {attack}\n\n"
        f'"We will not fetch anything," said the clerk <b>Ann</b>. {attack}\n',
        encoding="utf-8",
    )
    (inputs / "hostile.txt").write_text(
        f"Port news {attack}\n\nThe port opened on Tuesday, the mayor said. {attack}\n", encoding="utf-8"
    )
    (inputs / "hostile.html").write_text(
        f"<html><head><title>Harbour <script>alert(1)</script> news</title>"
        f'<link rel="stylesheet" href="{server.url}/page.css"><base href="https://harbour.example.org/news/">'
        f'<meta property="og:url" content="{canary.as_uri()}"></head><body><article>'
        f"<h1>Harbour works begin</h1><p>Work on the harbour wall began on Monday, the port authority said, "
        f"and should end before the winter storms arrive in the bay. {attack}</p>"
        f"<p>The authority said the wall had been damaged in three storms since 2023 and needed "
        f'urgent repairs. <a href="javascript:alert(2)">More</a> <iframe src="{canary.as_uri()}"></iframe></p>'
        f"</article></body></html>",
        encoding="utf-8",
    )
    title = f"<script>alert(1)</script> {hostile_html(server, canary)}"
    command = [sys.executable, "-m", "briefing", "build", str(inputs), "--title", title, "--date", "2026-11-23"]
    for fmt in ("md", "html", "pdf", "json"):
        result = subprocess.run(
            [*command, "-o", "-", "-f", fmt],
            capture_output=True,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        assert result.stderr == b"", result.stderr.decode()[:300]  # nothing from WeasyPrint reaches the terminal
        if fmt == "pdf":
            assert pdf_problems(result.stdout, tmp_path) == []
        else:
            output = result.stdout.decode()
            assert SECRET not in output
            if fmt == "html":
                assert live_parts(output) == []
            if fmt == "md":
                assert live_parts(markdown.markdown(output)) == []
    assert server.requests == []


def test_weasyprint_log_stays_off_the_root_logger(
    server: Server, canary: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        html_to_pdf(f"<html><body>{hostile_html(server, canary)}</body></html>", tmp_path)
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert any("does not fetch" in r.getMessage() for r in caplog.records if r.name == "briefing.render.pdf")
    assert logging.getLogger("weasyprint").propagate is True  # restored afterwards


def test_control_characters_are_dropped(tmp_path: Path) -> None:
    """A terminal escape or a NUL in a document must not reach a file someone may ``cat``."""
    text = "Red \x1b[31malert\x1b[0m\x00 and \x07bell\x9b."
    doc = Document("d", text, title=text, source=text)
    story = Story(text, ("d",), (SummarySentence(text, 0, len(text), 1.0, "d"),))
    briefing = Briefing(text, dt.date(2026, 11, 23), (doc,), (story,))
    for fmt in ("md", "html"):
        output = str(render(briefing, fmt))
        assert "Red [31malert[0m and bell." in output.replace("\\[", "[")
        assert not any(char in output for char in "\x1b\x00\x07\x9b")
    assert b"\x1b[31m" not in bytes(render(briefing, "pdf"))


def _png() -> bytes:
    """A 2×2 grey PNG, written by hand so the test needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"".join(b"\x00" + b"\x80\x80" for _ in range(2))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 0, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
