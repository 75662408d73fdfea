"""What servers send as it is, not as they say it is; feed teasers replaced by the articles they link to."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing import load_documents
from briefing.cli import main
from briefing.loaders import LoadOptions, links
from tests.test_loaders_web import Server, send, server

PAGES = Path(__file__).parent / "fixtures" / "pages"
TEASERS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Courier</title><language>en</language>
<item><title>Harbour tram line approved</title><link>{base}/tram</link>
<description>The council voted for the tram line on Tuesday… Read more</description></item>
<item><title>Ferry crews strike</title><link>{base}/gone</link>
<description>Ferry crews walked out on Friday, cancelling 42 crossings.</description></item>
<item><title>Stadtrat beschließt Straßenbahn</title><link>{base}/stadtrat</link>
<description>Der Stadtrat hat am Dienstag den Bau beschlossen.</description></item>
</channel></rss>
"""


__all__ = ["server"]  # the 127.0.0.1 server fixture of the web loader's tests


@pytest.fixture(autouse=True)
def no_pause(monkeypatch: pytest.MonkeyPatch) -> None:
    """One host (the test's server) serves every link: no pause between its requests."""
    monkeypatch.setattr(links, "HOST_PAUSE", 0.0)


def test_feed_media_types_and_pages_served_as_plain_text(server: Server) -> None:
    page = (PAGES / "harbour-article.html").read_bytes()
    rss = TEASERS.format(base=server.base).encode()
    server.routes.update(
        {
            "/wire.rss": send(200, "application/x-rss+xml", rss),
            "/rdf": send(200, "application/rdf+xml", rss),
            "/page.txt": send(200, "text/plain; charset=utf-8", page),
        }
    )
    result = load_documents([f"{server.base}/wire.rss", f"{server.base}/page.txt"], merge=False)
    assert result.warnings == ()
    *entries, article = result.documents
    assert [doc.title for doc in entries] == [
        "Harbour tram line approved",
        "Ferry crews strike",
        "Stadtrat beschließt Straßenbahn",
    ]
    assert article.title == "Harbour tram line approved after three-year fight"
    assert "<link" not in article.text and "DOCTYPE" not in article.text
    assert load_documents([f"{server.base}/rdf"]).warnings == ()


def test_teasers_are_replaced_by_the_articles_they_link_to(server: Server, tmp_path: Path) -> None:
    server.routes.update(
        {
            "/feed": send(200, "application/rss+xml", TEASERS.format(base=server.base).encode()),
            "/tram": send(200, "text/html; charset=utf-8", (PAGES / "harbour-article.html").read_bytes()),
            "/stadtrat": send(200, "text/html; charset=utf-8", (PAGES / "stadtrat-artikel.html").read_bytes()),
        }
    )
    out = tmp_path / "brief.json"
    assert main(["build", f"{server.base}/feed", "--follow-links", "-o", str(out), "-q"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    documents = {doc["title"]: doc for doc in data["documents"]}
    assert documents["Harbour tram line approved"]["url"] == f"{server.base}/tram"
    assert documents["Harbour tram line approved"]["language"] == "english"
    assert documents["Stadtrat beschließt Straßenbahn"]["language"] == "german"
    summary = " ".join(item["text"] for story in data["stories"] for item in story["summary"])
    assert "ending a three-year argument over its cost" in summary  # from the linked page
    assert "Read more" not in summary
    assert "Ferry crews walked out on Friday" in summary  # the teaser kept: its page failed
    assert data["warnings"] == [
        {
            "path": f"{server.base}/feed",
            "message": f"{server.base}/gone: kept the feed's teaser; the page failed (HTTP 404 Not Found)",
        }
    ]
    fetched = sorted(path for path, _ in server.requests)
    assert fetched == ["/feed", "/gone", "/stadtrat", "/tram"]


def test_links_are_not_followed_unless_asked_and_pages_are_fetched_once(server: Server) -> None:
    server.routes.update(
        {
            "/feed": send(200, "application/rss+xml", TEASERS.format(base=server.base).encode()),
            "/tram": send(200, "text/html; charset=utf-8", (PAGES / "harbour-article.html").read_bytes()),
        }
    )
    load_documents([f"{server.base}/feed"])
    assert [path for path, _ in server.requests] == ["/feed"]

    class Memory:
        def __init__(self) -> None:
            self.pages: dict[str, str] = {}

        def page(self, url: str) -> str | None:
            return self.pages.get(url)

        def remember(self, url: str, text: str) -> None:
            self.pages[url] = text

    memory = Memory()
    options = LoadOptions(follow_links=True)
    first = load_documents([f"{server.base}/feed"], options=options, memory=memory)
    server.requests.clear()
    second = load_documents([f"{server.base}/feed"], options=options, memory=memory)
    assert sorted(path for path, _ in server.requests) == ["/feed", "/gone", "/stadtrat"]  # failed pages again
    assert [doc.text for doc in first.documents] == [doc.text for doc in second.documents]
    assert set(memory.pages) == {f"{server.base}/tram"}


def test_the_daily_state_remembers_followed_pages_across_runs(server: Server, tmp_path: Path) -> None:
    from briefing.state import State

    server.routes.update(
        {
            "/feed": send(200, "application/rss+xml", TEASERS.format(base=server.base).encode()),
            "/tram": send(200, "text/html; charset=utf-8", (PAGES / "harbour-article.html").read_bytes()),
        }
    )
    options = LoadOptions(follow_links=True)
    for _ in range(2):
        with State.open(tmp_path / "state.sqlite") as state:
            load_documents([f"{server.base}/feed"], options=options, memory=state)
    assert sorted(path for path, _ in server.requests).count("/tram") == 1
    with State.open(tmp_path / "state.sqlite") as state:
        assert "ending a three-year argument" in (state.page(f"{server.base}/tram") or "")
        assert state.page(f"{server.base}/gone") is None
