"""The cleaning stage: furniture out of what is summarised and quoted, offsets kept, non-articles warned of."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefing import build_briefing, load_documents
from briefing.cli import main
from briefing.models import Document
from briefing.text.clean import clean_document, furniture_spans

PAGES = Path(__file__).parent / "fixtures" / "pages"
DATE = dt.date(2026, 7, 3)
FURNITURE = (
    "Update July 3rd",
    "Sign up",
    "letter to the editor",
    "Photo:",
    "Foto:",
    "am Kiosk",
    "Newsletter",
    "cookies",
    "Share",
    "All rights reserved",
)


def furniture_lines(doc: Document) -> list[str]:
    return [doc.text[start:end] for start, end in doc.furniture]


def brief_of(*names: str, tmp_path: Path, language: str = "english") -> dict:
    out = tmp_path / "brief.json"
    inputs = [str(PAGES / name) for name in names]
    assert main(["build", *inputs, "-o", str(out), "--date", "2026-07-03", "--language", language, "-q"]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_article_page_keeps_its_prose_and_drops_its_furniture() -> None:
    [page] = load_documents([PAGES / "harbour-article.html"]).documents
    cleaned = clean_document(page, "english")
    assert cleaned.not_an_article is None
    assert furniture_lines(cleaned.document) == [
        "Update July 3rd, 8:05AM ET: Added the council's vote count and a statement from the port authority.",
        "Sign up for our free morning newsletter to get the latest harbour news in your inbox.",
        "Submit your letter to the editor via this form. Letters may be edited for length.",
    ]
    prose = cleaned.document.prose
    assert len(prose) == len(page.text)
    assert [i for i, ch in enumerate(prose) if ch == "\n"] == [i for i, ch in enumerate(page.text) if ch == "\n"]
    assert "said mayor Ann Lee" in prose
    assert "newsletter" not in prose


def test_furniture_never_reaches_a_summary_or_a_statement(tmp_path: Path) -> None:
    data = brief_of("harbour-article.html", "stadtrat-artikel.html", tmp_path=tmp_path)
    texts = {doc["id"]: doc for doc in data["documents"]}
    assert {doc["language"] for doc in data["documents"]} == {"english", "german"}
    picked = [item for story in data["stories"] for item in (*story["summary"], *story["statements"])]
    assert picked
    for item in picked:
        assert not any(word.lower() in item["text"].lower() for word in FURNITURE), item["text"]
    # Offsets still point into each document's text as it was loaded.
    loaded = {
        doc.id: doc.text
        for doc in load_documents([PAGES / "stadtrat-artikel.html", PAGES / "harbour-article.html"]).documents
    }
    for item in picked:
        assert loaded[item["document"]][item["start"] : item["end"]] == item["text"]
    assert set(texts) == set(loaded)


def test_german_page_is_read_in_german_with_its_quotes(tmp_path: Path) -> None:
    [page] = load_documents([PAGES / "stadtrat-artikel.html"]).documents
    assert page.language is None  # the page does not say
    cleaned = clean_document(page, "english")
    assert cleaned.document.language == "german"
    assert furniture_lines(cleaned.document) == [
        "Mehr über die Geschichte des Hafens lesen Sie in unserem neuen Sonderheft "
        "(jetzt am Kiosk oder hier zu bestellen).",
        "Foto: dpa",
        "Jetzt den Newsletter abonnieren und keine Nachricht aus dem Hafen verpassen!",
    ]
    data = brief_of("stadtrat-artikel.html", tmp_path=tmp_path)
    [story] = data["stories"]
    assert story["summary"][0]["text"].startswith("Nach drei Jahren Streit hat der Stadtrat")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("placeholders.html", "not an article: its text is template placeholders"),
        ("caption-only.html", "not an article: a picture's caption and credit"),
    ],
)
def test_pages_that_are_not_articles_are_one_warning_each(name: str, reason: str, tmp_path: Path) -> None:
    briefing = build_briefing([PAGES / name, PAGES / "harbour-article.html"], date=DATE)
    assert [(Path(w.path).name, w.message) for w in briefing.warnings] == [(name, reason)]
    assert [doc.id for doc in briefing.documents] == ["harbour-article"]


def test_markup_and_non_prose_saved_as_text_are_not_articles(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text((PAGES / "placeholders.html").read_text().replace("{{", "<span>{"))
    (tmp_path / "markup.txt").write_text(
        '<!DOCTYPE html>\n<html><head>\n<link rel="stylesheet" href="/a.css">\n<script src="/b.js"></script>\n'
        '<meta name="viewport" content="width=device-width">\n</head><body><div id="root"></div></body></html>\n'
    )
    (tmp_path / "initials.txt").write_text("Bb. " * 2_000)
    (tmp_path / "story.txt").write_text("Ferry crews walked out on Friday, cancelling 42 crossings.\n")
    briefing = build_briefing(sorted(tmp_path.glob("*.txt")), date=DATE)
    reasons = {Path(w.path).name: w.message for w in briefing.warnings}
    assert reasons == {
        "initials.txt": "not an article: hardly any of its 2,000 words is a common English word",
        "markup.txt": "not an article: its text is markup (an HTML page served as plain text?)",
        "page.txt": reasons["page.txt"],
    }
    assert reasons["page.txt"].startswith("not an article: ")
    assert [doc.id for doc in briefing.documents] == ["story"]


def test_download_page_labels_sizes_and_bullets_are_furniture() -> None:
    text = (
        "Карта города для телефона\n"
        "Разработчик:\n"
        "Городское бюро\n"
        "360 x 640 (34,56 килобайт)\n"
        "•\n"
        "Version: 2.4\n"
        "Size: 34 MB\n"
        "Licence: free\n"
        "The map shows every tram stop in the city and works without a network connection.\n"
    )
    found = [text[start:end] for start, end in furniture_spans(text)]
    assert found == [
        "Разработчик:",
        "360 x 640 (34,56 килобайт)",
        "•",
        "Version: 2.4",
        "Size: 34 MB",
        "Licence: free",
    ]


def test_clean_news_loses_nothing(articles: Path) -> None:
    for doc in load_documents([articles]).documents:
        cleaned = clean_document(doc, "english")
        assert (cleaned.document.furniture, cleaned.not_an_article) == ((), None)
        assert cleaned.document.prose is cleaned.document.text


def test_a_declared_language_is_kept_and_an_unsupported_one_is_read_in_the_default(tmp_path: Path) -> None:
    russian = (
        "---\nlanguage: ru\n---\nГородской совет во вторник одобрил строительство новой трамвайной линии в порт.\n"
    )
    (tmp_path / "moscow.md").write_text(russian, encoding="utf-8")
    (tmp_path / "tram.md").write_text(
        "---\nlanguage: fr\n---\nLe conseil du port a voté mardi pour une nouvelle ligne de tramway vers le port.\n"
    )
    briefing = build_briefing([tmp_path / "moscow.md", tmp_path / "tram.md"], date=DATE)
    assert [(doc.id, doc.language) for doc in briefing.documents] == [("moscow", "english"), ("tram", "french")]
    assert [w.message for w in briefing.warnings] == [
        "its language is Russian, which briefing does not read; read as English"
    ]


def test_a_page_that_is_not_an_article_stops_a_strict_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "brief.md"
    inputs = [str(PAGES / "placeholders.html"), str(PAGES / "harbour-article.html")]
    assert main(["build", *inputs, "-o", str(out), "--strict", "-q"]) == 3
    assert not out.exists()
    assert "placeholders.html: not an article: its text is template placeholders" in capsys.readouterr().err
    assert main(["build", str(PAGES / "placeholders.html"), "-o", str(out), "-q"]) == 1
    assert "no usable input: the only document is not an article" in capsys.readouterr().err
