"""Every supported language end to end: told from the text, split, stemmed, summarised and quoted in it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.languages import SUPPORTED_LANGUAGES, language_name
from briefing.models import Document
from briefing.text.clean import clean_document, detect_language

LANGUAGES = Path(__file__).parent / "fixtures" / "languages"
"""One short article per supported language, the same news told in each, no language declared."""


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
@pytest.mark.parametrize("method", ["news", "lsa", "luhn"])
def test_each_language_is_briefed_in_its_own_language(
    language: str, method: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "brief.json"
    source = LANGUAGES / f"{language}.txt"
    # The run's default is another language: the document's own must win.
    default = "german" if language == "english" else "english"
    assert main(["build", str(source), "-o", str(out), "--method", method, "--language", default, "-q"]) == 0
    assert capsys.readouterr() == ("", "")  # no library's warnings on the terminal
    data = json.loads(out.read_text(encoding="utf-8"))
    [doc] = data["documents"]
    assert doc["language"] == language
    [story] = data["stories"]
    text = source.read_text(encoding="utf-8")
    assert story["summary"]
    for item in (*story["summary"], *story["statements"]):
        assert text[item["start"] : item["end"]] == item["text"]


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_each_language_is_told_from_one_sentence(language: str) -> None:
    sentences = (LANGUAGES / f"{language}.txt").read_text(encoding="utf-8").splitlines()[2:]
    assert [detect_language(sentence) for sentence in sentences] == [language] * len(sentences)


def test_what_cannot_be_told_gets_the_default() -> None:
    for text in ("Photo: AP", "OK", "Bb. Bb. Bb.", "12 345 678"):
        assert detect_language(text) is None
    doc = clean_document(Document(id="x", text="Ahoj! Tak co?"), "swedish").document
    assert doc.language == "swedish"


def test_language_codes_are_named_never_silently_english() -> None:
    assert [language_name(code) for code in ("en-GB", "de_AT", "FR", "Greek", "ru", "x-klingon", "", None)] == [
        "english",
        "german",
        "french",
        "greek",
        "russian",
        "x",
        None,
        None,
    ]
