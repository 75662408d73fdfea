"""Loading every kind of file and standard input; bad inputs become one warning each."""

from __future__ import annotations

import datetime as dt
import importlib.util
import io
import logging
import pickle
from pathlib import Path

import pytest

from briefing import load_documents
from briefing.loaders import LoadOptions, expand_inputs, finish, load_input
from briefing.render.pdf import html_to_pdf

ARTICLE = (
    "The harbour council voted on Tuesday to build a new tram line to the port, after three years of debate.\n"
    '"This is a good day for the city," said mayor Ann Lee, who has backed the plan since 2023.\n'
    "Work is due to start next spring and last four years, the council said.\n"
)

PAGE = """<!doctype html>
<html lang="fr"><head><title>Tram vote | The Gazette</title>
<meta name="author" content="Ann Lee">
<meta property="og:site_name" content="The Gazette">
<meta property="article:published_time" content="2026-11-20T08:00:00Z">
<link rel="canonical" href="https://gazette.example/tram">
<link rel="stylesheet" href="file:///etc/passwd">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour council backs tram line</h1>
<p>Le conseil du port a voté mardi pour une nouvelle ligne de tramway, après trois ans de débat sur son coût.</p>
<img src="file:///etc/hostname">
<p>« C'est un beau jour pour la ville », a déclaré la maire Ann Lee, qui soutient le projet depuis 2023.</p>
<p>Les travaux doivent commencer au printemps prochain et durer quatre ans.</p>
</article>
<footer>Copyright 2026 The Gazette. All rights reserved.</footer>
</body></html>
"""

FIXTURES = Path(__file__).parent / "fixtures"
RSS = (FIXTURES / "wire.rss").read_text(encoding="utf-8")
"""An RSS 2.0 feed of three entries, one of them without text."""
ATOM = (FIXTURES / "river.atom").read_text(encoding="utf-8")
"""An Atom feed of one entry."""


def load(*paths: Path | str, **options: int | float) -> tuple[list, dict[str, str]]:
    """The documents, and each warning's message by the input's file name."""
    result = load_documents(list(paths), options=LoadOptions(**options))  # type: ignore[arg-type]
    return list(result.documents), {Path(w.path).name: w.message for w in result.warnings}


def test_markdown_front_matter_and_plain_text(articles: Path) -> None:
    [doc] = load_documents([articles / "orchard-harvest.md"]).documents
    assert doc.title == "Apple growers report record harvest"
    assert doc.source == "Valley Farmer"
    assert doc.published == dt.date(2026, 9, 14)
    assert doc.url == "https://valley.example.org/apples"
    assert "**" not in doc.text
    assert "said grower Tom Ashby." in doc.text


def test_folders_are_read_recursively_known_suffixes_only(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("A deep story about rivers and rain.\n")
    (tmp_path / "a" / "top.md").write_text("A top story about roads and rail.\n")
    (tmp_path / "a" / "notes.docx").write_bytes(b"PK\x03\x04")
    result = load_documents([tmp_path / "a"])
    assert [d.id for d in result.documents] == ["deep", "top"]
    assert result.warnings == ()


def test_globs_expand_to_sorted_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "in").mkdir()
    for name in ("b.txt", "a.txt", "c.md"):
        (tmp_path / "in" / name).write_text(f"Story {name} about the harbour and its ferries.\n")
    monkeypatch.chdir(tmp_path)
    assert expand_inputs(["in/*.txt"]) == [str(Path("in/a.txt")), str(Path("in/b.txt"))]
    assert expand_inputs([str(tmp_path / "in" / "*.md")]) == [str(tmp_path / "in" / "c.md")]
    docs, warnings = load("in/*.txt", "out/*.txt")
    assert [d.id for d in docs] == ["a", "b"]
    assert warnings == {"*.txt": "no files match this pattern"}


def test_same_names_get_unique_ids(tmp_path: Path) -> None:
    for folder in ("x", "y", "z"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story number {folder} about the harbour.\n")
    ids = [d.id for d in load_documents([tmp_path]).documents]
    assert ids == ["story", "story-2", "story-3"]


def test_standard_input_is_sniffed(tmp_path: Path) -> None:
    stdin = io.BytesIO("\ufeffA text from a pipe, with a byte-order mark.\n".encode())
    [doc] = load_documents(["-"], stdin=stdin).documents
    assert doc.id == "stdin"
    assert doc.text.startswith("A text from a pipe")
    docs = load_documents(["-"], stdin=io.BytesIO(RSS.encode())).documents
    assert [d.source for d in docs] == ["Harbour Wire", "Harbour Wire"]
    [page] = load_documents(["-"], stdin=io.BytesIO(PAGE.encode())).documents
    assert page.title == "Harbour council backs tram line"
    big = load_documents(["-"], stdin=io.BytesIO(b"word " * 300), options=LoadOptions(max_bytes=1000))
    assert [(w.path, w.message) for w in big.warnings] == [("<stdin>", "larger than the size cap of 1000 bytes")]


def test_markup_in_markdown_is_not_text(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.md"
    hostile.write_text("Before <script>alert('x')</script> after.\n")
    [doc] = load_documents([hostile]).documents
    assert doc.text == "Before after."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("café au lait, crème brûlée et déjà vu.".encode("latin-1"), "café au lait, crème brûlée et déjà vu."),
        ("He said “no” — and left… for €5.".encode("cp1252"), "He said “no” — and left… for €5."),
        ("Zürich\r\nnews of the day\rin full.".encode("utf-16"), "Zürich\nnews of the day\nin full."),
        ("Zürich, news of the day in full.".encode("utf-16-le"), "Zürich, news of the day in full."),
        ("\ufeffÅrhus\r\nharbour".encode(), "Århus\nharbour"),
        ("Новости дня из Москвы: мэр открыл мост.".encode("cp1251"), "Новости дня из Москвы: мэр открыл мост."),
    ],
    ids=["latin-1", "windows-1252", "utf-16-bom", "utf-16le-no-bom", "utf-8-bom-crlf", "cyrillic-1251"],
)
def test_encodings_are_told_apart(tmp_path: Path, raw: bytes, expected: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(raw)
    [doc] = load_documents([path]).documents
    assert doc.text == expected


def test_html_page_main_text_and_metadata_nothing_fetched(tmp_path: Path) -> None:
    (tmp_path / "tram.html").write_text(PAGE, encoding="utf-8")
    [doc], warnings = load(tmp_path / "tram.html")
    assert warnings == {}
    assert doc.title == "Harbour council backs tram line"
    assert (doc.author, doc.source, doc.published) == ("Ann Lee", "The Gazette", dt.date(2026, 11, 20))
    assert (doc.url, doc.language, doc.path) == ("https://gazette.example/tram", "french", str(tmp_path / "tram.html"))
    assert "a déclaré la maire Ann Lee" in doc.text
    assert "Copyright" not in doc.text
    assert "Sport" not in doc.text
    assert "root:" not in doc.text


def test_pdf_made_by_our_renderer(tmp_path: Path) -> None:
    html = "<h1>Harbour council backs tram line</h1>" + "".join(f"<p>{line}</p>" for line in ARTICLE.splitlines())
    (tmp_path / "tram.pdf").write_bytes(html_to_pdf(html, tmp_path))
    [doc], warnings = load(tmp_path / "tram.pdf")
    assert warnings == {}
    assert doc.title == "Harbour council backs tram line"
    assert "said mayor Ann Lee" in doc.text
    assert "\r" not in doc.text


def test_feeds_each_entry_a_document(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS, encoding="utf-8")
    (tmp_path / "river.xml").write_text(ATOM, encoding="utf-8")
    docs, warnings = load(tmp_path / "wire.rss", tmp_path / "river.xml")
    assert warnings == {}
    ferry, tram, drought = docs
    assert ferry.text == (
        "Ferry crews on the Northgate line walked out on Friday, cancelling 42 crossings.\nTalks resume on Monday."
    )
    assert (ferry.id, ferry.source) == ("ferry-crews-strike-over-rosters", "Harbour Wire")
    assert (ferry.url, ferry.published) == ("https://wire.example/ferry", dt.date(2026, 11, 20))
    assert (ferry.path, ferry.language) == (str(tmp_path / "wire.rss"), "english")
    assert tram.url == "https://gazette.example/tram"
    assert (drought.source, drought.author, drought.published) == ("River Post", "Ola Berg", dt.date(2026, 11, 22))
    assert drought.url == "https://river.example/drought"


def test_feed_entities_never_read_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    hostile = RSS.replace(
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE rss [<!ENTITY leak SYSTEM "file://{secret}">]>',
    ).replace("Talks resume on Monday.", "Talks resume &leak; on Monday.")
    (tmp_path / "hostile.rss").write_text(hostile)
    (tmp_path / "path.rss").write_text(str(secret))  # feedparser opens a *string* that names a file
    docs, warnings = load(tmp_path / "hostile.rss", tmp_path / "path.rss")
    assert all("TOP-SECRET" not in doc.text for doc in docs)
    assert warnings["path.rss"] == "not an RSS or Atom feed"


def test_duplicates_become_one_document_with_both_sources(tmp_path: Path) -> None:
    (tmp_path / "a-wire.rss").write_text(RSS)
    (tmp_path / "b-tram.html").write_text(PAGE)
    (tmp_path / "c-copy.rss").write_text(RSS.replace("Harbour Wire", "Coast Wire"))
    (tmp_path / "d-story.txt").write_text(ARTICLE)
    (tmp_path / "e-story-copy.txt").write_text(ARTICLE.replace("four years", "four years.\nReporting by Ola Berg"))
    docs, warnings = load(tmp_path)
    assert warnings == {}
    assert [d.id for d in docs] == ["ferry-crews-strike-over-rosters", "council-backs-tram", "d-story"]
    ferry, tram, story = docs
    assert ferry.duplicates == (str(tmp_path / "c-copy.rss"),)
    assert tram.title == "Harbour council backs tram line"  # the page has the most text, so it is kept
    assert tram.duplicates == (str(tmp_path / "a-wire.rss"), str(tmp_path / "c-copy.rss"))
    assert story.path == str(tmp_path / "e-story-copy.txt")  # the longer copy is kept, in the first one's place
    assert story.duplicates == (str(tmp_path / "d-story.txt"),)


def test_unrelated_short_documents_are_not_merged(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The ferry left at noon.\n")
    (tmp_path / "b.txt").write_text("The tram left at noon.\n")
    docs, _ = load(tmp_path)
    assert [d.duplicates for d in docs] == [(), ()]


def test_bad_inputs_become_one_warning_each(tmp_path: Path) -> None:
    good_pdf = html_to_pdf("<p>" + ARTICLE + "</p>", tmp_path)
    bad = {
        "blank.txt": b"   \n\n",
        "symbols.txt": b"--- *** ---\n",
        "binary.txt": bytes(range(256)) * 8,
        "report.xyz": b"text",
        "empty.md": b"",
        "nav-only.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "binary.html": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "garbage.pdf": b"%PDF-1.7\nnot really a PDF at all",
        "truncated.pdf": good_pdf[: len(good_pdf) // 3],
        "scan.pdf": html_to_pdf("<div style='width:5cm;height:5cm;background:#888'></div>", tmp_path),
        "broken.rss": b"<rss><channel><title>Oops</title><item><title>Cut",
        "not-a-feed.xml": b"<?xml version='1.0'?><config><item>1</item></config>",
        "big.txt": b"word " * 1000,
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
    seen: list = []
    names = [*bad, "missing.md"]
    result = load_documents([tmp_path / n for n in names], on_warning=seen.append, options=LoadOptions(max_bytes=4000))
    assert result.documents == ()
    assert list(result.warnings) == seen
    reasons = {Path(w.path).name: w.message for w in result.warnings}
    assert reasons == {
        "blank.txt": "empty file",
        "symbols.txt": "no text in it",
        "binary.txt": "binary data, not text",
        "report.xyz": "unknown kind of file; known suffixes: "
        ".atom, .htm, .html, .markdown, .md, .pdf, .rdf, .rss, .text, .txt, .xhtml, .xml",
        "empty.md": "empty file",
        "nav-only.html": "no article text found in the page",
        "binary.html": "binary data, not text",
        "garbage.pdf": reasons["garbage.pdf"],
        "truncated.pdf": reasons["truncated.pdf"],
        "scan.pdf": "no text layer in the PDF (a scan? briefing does no OCR)",
        "broken.rss": reasons["broken.rss"],
        "not-a-feed.xml": "not an RSS or Atom feed",
        "big.txt": "larger than the size cap of 4000 bytes",
        "missing.md": "no such file",
    }
    assert reasons["garbage.pdf"].startswith("not a readable PDF (")
    assert reasons["truncated.pdf"].startswith(("not a readable PDF (", "no text layer"))
    assert reasons["broken.rss"].startswith("malformed feed: ")


def test_partly_broken_feed_keeps_what_it_read(tmp_path: Path) -> None:
    cut = RSS.index("<item><title>Council")
    (tmp_path / "cut.rss").write_text(RSS[: cut + 40])
    docs, warnings = load(tmp_path / "cut.rss")
    assert [d.id for d in docs] == ["ferry-crews-strike-over-rosters"]
    assert warnings["cut.rss"].startswith("malformed feed: ")
    assert warnings["cut.rss"].endswith("; kept the 1 entry read before it")


def test_libraries_stay_quiet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    good_pdf = html_to_pdf("<p>" + ARTICLE + "</p>", tmp_path)
    (tmp_path / "truncated.pdf").write_bytes(good_pdf[:-200])
    (tmp_path / "broken.rss").write_bytes(b"<rss><channel><item><title>Cut")
    (tmp_path / "odd.html").write_bytes(b"<html><body><div><p>Short.</div></body>")
    capsys.readouterr()
    with caplog.at_level(logging.DEBUG):
        load_documents([tmp_path])
    assert capsys.readouterr() == ("", "")
    assert caplog.records == []


def test_missing_optional_dependency_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pypdf" else real(name, *a))
    (tmp_path / "report.pdf").write_bytes(html_to_pdf("<p>" + ARTICLE + "</p>", tmp_path))
    _, warnings = load(tmp_path / "report.pdf")
    assert warnings == {"report.pdf": "reading PDF needs the pypdf package (pip install pypdf)"}


def test_per_input_loading_is_picklable_and_order_free(tmp_path: Path) -> None:
    (tmp_path / "wire.rss").write_text(RSS)
    (tmp_path / "tram.html").write_text(PAGE)
    (tmp_path / "story.txt").write_text(ARTICLE)
    (tmp_path / "story.md").write_text(ARTICLE)
    options = LoadOptions(max_bytes=100_000)
    assert pickle.loads(pickle.dumps(load_input)) is load_input
    assert pickle.loads(pickle.dumps(options)) == options
    items = expand_inputs([tmp_path])
    completed = {item: load_input(item, options=options) for item in reversed(items)}
    in_order = [doc for item in items for doc in completed[item].documents]
    assert finish(in_order) == load_documents([tmp_path], options=options).documents


def test_copies_are_found_among_many_texts_sharing_boilerplate(tmp_path: Path) -> None:
    boilerplate = "Subscribe to the Harbour Wire for all the news from the port, the council and the courts. " * 3
    for i in range(60):
        unique = " ".join(f"Ferry {i} crossed the bay carrying {i * 7 + k} passengers." for k in range(12))
        (tmp_path / f"wire-{i:02d}.txt").write_text(f"{boilerplate}\n{unique}\n")
    copy = (tmp_path / "wire-50.txt").read_text().replace("crossed the bay", "crossed the sea", 1)
    (tmp_path / "wire-99.txt").write_text(copy)
    docs, _ = load(tmp_path)
    assert len(docs) == 60
    assert [d.duplicates for d in docs if d.duplicates] == [(str(tmp_path / "wire-99.txt"),)]


def test_long_pdf_is_read_up_to_the_page_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.loaders import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 2)
    pages = "".join(f"<p style='page-break-after: always'>Page {n} of the harbour report.</p>" for n in range(1, 4))
    (tmp_path / "report.pdf").write_bytes(html_to_pdf(pages, tmp_path))
    [doc], warnings = load(tmp_path / "report.pdf")
    assert doc.text == "Page 1 of the harbour report.\n\nPage 2 of the harbour report."
    assert warnings == {"report.pdf": "read only the first 2 of its 3 pages"}


def test_declared_and_marked_encodings(tmp_path: Path) -> None:
    polish = "<html><head><meta charset='iso-8859-2'></head><body><article><p>{}</p></article></body></html>"
    text = "Łódź: rada miasta przegłosowała w środę budowę nowej linii tramwajowej do portu."
    (tmp_path / "lodz.html").write_bytes(polish.format(text).encode("iso-8859-2"))
    (tmp_path / "bad-bom.txt").write_bytes(b"\xef\xbb\xbfGood start, then \xff\xfe bad bytes.")
    docs, warnings = load(tmp_path / "lodz.html", tmp_path / "bad-bom.txt")
    assert [d.text for d in docs] == [text]
    assert warnings == {"bad-bom.txt": "not UTF-8 text despite its byte-order mark (invalid start byte at byte 20)"}
