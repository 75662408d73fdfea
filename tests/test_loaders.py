"""Loading text and Markdown, folders and standard input; bad inputs become warnings."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from briefing import load_documents


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


def test_same_names_get_unique_ids(tmp_path: Path) -> None:
    for folder in ("x", "y", "z"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"Story number {folder} about the harbour.\n")
    ids = [d.id for d in load_documents([tmp_path]).documents]
    assert ids == ["story", "story-2", "story-3"]


def test_standard_input_and_markup_in_markdown(tmp_path: Path) -> None:
    stdin = io.BytesIO("\ufeffA text from a pipe, with a byte-order mark.\n".encode())
    [doc] = load_documents(["-"], stdin=stdin).documents
    assert doc.id == "stdin"
    assert doc.text.startswith("A text from a pipe")
    hostile = tmp_path / "hostile.md"
    hostile.write_text("Before <script>alert('x')</script> after.\n")
    [doc] = load_documents([hostile]).documents
    assert "alert" not in doc.text
    assert doc.text == "Before after."


def test_bad_inputs_become_warnings(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text("   \n\n")
    (tmp_path / "latin.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "symbols.txt").write_text("--- *** ---\n")
    (tmp_path / "report.xyz").write_text("text")
    seen = []
    names = ["blank.txt", "latin.txt", "symbols.txt", "report.xyz", "missing.md"]
    result = load_documents([tmp_path / n for n in names], on_warning=seen.append)
    assert result.documents == ()
    assert list(result.warnings) == seen
    reasons = {Path(w.path).name: w.message for w in result.warnings}
    assert reasons["blank.txt"] == "empty file"
    assert reasons["symbols.txt"] == "no text in it"
    assert reasons["missing.md"] == "no such file"
    assert "unknown kind of file" in reasons["report.xyz"]
    assert reasons["latin.txt"].startswith("not UTF-8 text")
