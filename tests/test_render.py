"""Rendering: golden Markdown and HTML, the PDF read back, themes, and the template commands.

Regenerate the golden files after a deliberate change to the templates with
``UPDATE_GOLDEN=1 pytest tests/test_render.py`` and review the diff.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass, replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pypdf import PdfReader

from briefing import Briefing, Document, InputWarning, RenderError, Statement, Story, SummarySentence, render
from briefing._version import __version__
from briefing.cli import main
from briefing.errors import ConfigError
from briefing.models import Conflict, ConflictValue, Mention, Quantity, StatementKind
from briefing.options import RenderOptions
from briefing.render.context import safe_link
from briefing.render.environment import make_environment, markdown_escape

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"
DATE = dt.date(2026, 11, 23)


def _summary(doc: Document, *sentences: str) -> tuple[SummarySentence, ...]:
    """Summary sentences found in ``doc``'s text, with their true offsets."""
    found = []
    for sentence in sentences:
        start = doc.text.index(sentence)
        found.append(SummarySentence(sentence, start, start + len(sentence), 1.0, doc.id))
    return tuple(found)


def _value(doc: Document, text: str) -> ConflictValue:
    """One value of a disagreement, as ``doc`` writes it."""
    start = doc.text.index(text)
    number = float(next(word for word in text.split() if word.isdigit()))
    mention = Mention(doc.id, start, start + len(text), text)
    return ConflictValue(text, Quantity((number,), number, number), (mention,))


def _quote(
    doc: Document, text: str, speaker: str | None, cue: str | None, kind: StatementKind, title: str | None = None
) -> Statement:
    start = doc.text.index(text)
    end = start + len(text)
    return Statement(text, start, end, speaker, cue, kind, doc.id, speaker_title=title, named=speaker is not None)


def sample_briefing(date: dt.date = DATE, stories: int = 1) -> Briefing:
    """Two stories from three documents; ``stories`` > 1 repeats the first to make a long, multi-page briefing."""
    ferry = Document(
        "ferry",
        "Ferry crews on the Northgate line walked out on Friday, cancelling 42 crossings. "
        '"We did not choose this fight," said union secretary Maria Jensen. '
        "The operator said the strike would cost about 600,000 euros a day.",
        title="Ferry crews strike over new rosters",
        source="Harbour Gazette",
        url="https://gazette.example.org/ferry strike (update)",
        published=dt.date(2026, 11, 21),
    )
    ferry_wire = Document(
        "ferry-wire",
        "Talks between Bluewater Lines and the crews' union are due to resume on Monday at the labour ministry. "
        "Zoë Łukasiewicz, a transport economist in Gdańsk, warned that the dispute could spread to the ports. "
        "The union said the walkout had cancelled 40 crossings.",
        title="Ferry talks to resume on Monday",
        path="wire/ferry-talks.txt",
    )
    orchard = Document(
        "orchard",
        "Growers in the Arden valley picked 81,000 tonnes of apples, the most since 1990. "
        "Exporters in Αθήνα and Kraków ordered more than ever, and the crop sold in القاهرة and नई दिल्ली too.",
        title="Apple growers report record harvest",
        source="Valley Farmer",
        url="javascript:alert(1)",
        published=dt.date(2026, 9, 14),
    )
    (walkout,) = _summary(ferry, "Ferry crews on the Northgate line walked out on Friday, cancelling 42 crossings.")
    (talks,) = _summary(
        ferry_wire,
        "Talks between Bluewater Lines and the crews' union are due to resume on Monday at the labour ministry.",
    )
    ferry_story = Story(
        "Ferry crews strike over new rosters",
        ("ferry", "ferry-wire"),
        (
            replace(walkout, sources=("ferry", "ferry-wire"), repeated_from=dt.date(2026, 11, 22)),
            replace(talks, sources=("ferry-wire",), single_source=True),
        ),
        (
            _quote(ferry, "We did not choose this fight,", "Maria Jensen", "said", "direct", "union secretary"),
            _quote(ferry_wire, "the dispute could spread to the ports", "Zoë Łukasiewicz", "warned", "indirect"),
            _quote(ferry, "the strike would cost about 600,000 euros a day", None, None, "claim"),
        ),
        conflicts=(
            Conflict(
                "crossing",
                "differ",
                (_value(ferry, "42 crossings"), _value(ferry_wire, "cancelled 40 crossings")),
            ),
        ),
        first_seen=dt.date(2026, 11, 21),
        previous=(dt.date(2026, 11, 21), dt.date(2026, 11, 22)),
    )
    orchard_story = Story(
        "Apple growers report record harvest",
        ("orchard",),
        _summary(
            orchard,
            "Growers in the Arden valley picked 81,000 tonnes of apples, the most since 1990.",
            "Exporters in Αθήνα and Kraków ordered more than ever, and the crop sold in القاهرة and नई दिल्ली too.",
        ),
    )
    return Briefing(
        "Morning brief",
        date,
        (ferry, ferry_wire, orchard),
        (ferry_story, *[ferry_story] * (stories - 1), orchard_story),
        (InputWarning("inbox/empty.txt", "no text"),),
    )


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_golden(fmt: str) -> None:
    golden = GOLDEN / f"brief.{fmt}"
    output = render(sample_briefing(), fmt)
    assert isinstance(output, str)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(output, encoding="utf-8")
    assert golden.exists(), f"{golden} is missing; run UPDATE_GOLDEN=1 pytest {__file__}"
    assert output == golden.read_text(encoding="utf-8"), "output changed; if on purpose, run with UPDATE_GOLDEN=1"


def test_markdown_shows_what_a_briefing_needs() -> None:
    text = str(render(sample_briefing(), "md"))
    assert text.startswith("# Morning brief\n\nMonday 23 November 2026 · 3 documents · 2 stories\n")
    assert "1. Ferry crews strike over new rosters\n2. Apple growers report record harvest\n" in text
    assert "[1] [Harbour Gazette](https://gazette.example.org/ferry%20strike%20%28update%29), 21 November 2026" in text
    assert "cancelling 42 crossings. [1, 2] *(also in the brief of 22 November)*\n" in text
    assert "labour ministry. [2] *single source*\n" in text
    assert "\n*Developing · day 3, since 21 November*\n" in text
    assert "\n**Reports differ:** 42 crossings [1] · cancelled 40 crossings [2]\n" in text
    assert "> “We did not choose this fight”\n>\n> — Maria Jensen, union secretary, said [1]\n" in text
    assert "> the dispute could spread to the ports\n>\n> — Zoë Łukasiewicz warned [2]\n" in text
    assert "> the strike would cost about 600,000 euros a day\n>\n> — Claim [1]\n" in text
    assert "3. Valley Farmer: Apple growers report record harvest, 14 September 2026\n" in text  # no javascript: link
    assert "- inbox/empty.txt: no text\n" in text


def test_html_is_standalone_and_linked() -> None:
    html = str(render(sample_briefing(), "html"))
    assert html.startswith("<!DOCTYPE html>")
    assert "<link" not in html and "<script" not in html and "src=" not in html
    assert "<style>" in html and "font-family" in html
    assert '<a href="#story-2">Apple growers report record harvest</a>' in html
    assert '<section class="story" id="story-1">' in html
    assert (
        '<li id="source-3">Valley Farmer: <cite>Apple growers report record harvest</cite>, 14 September 2026</li>'
        in html
    )
    assert '<br><a class="url" href="https://gazette.example.org/ferry%20strike%20%28update%29">' in html
    assert "running-header" not in html and "@page" not in html  # print-only parts stay in the PDF


def test_markdown_escape_keeps_text_as_written() -> None:
    assert markdown_escape("a *b* [c](d) <e> `f` #g\n  h|i ~j~") == r"a \*b\* \[c\](d) \<e\> \`f\` \#g h\|i \~j\~"


@pytest.mark.parametrize(
    ("url", "link"),
    [
        ("https://example.org/a b(c)", "https://example.org/a%20b%28c%29"),
        ("HTTP://Example.org/?q=1&r=2#x", "HTTP://Example.org/?q=1&r=2#x"),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("data:text/html,<script>", None),
        ("https:///no-host", None),
        ("https://example.org/\nnext", None),
        ("http://[::1", None),
        (None, None),
    ],
)
def test_safe_link(url: str | None, link: str | None) -> None:
    assert safe_link(url) == link


def test_autoescape_is_chosen_by_extension(tmp_path: Path) -> None:
    for name in ("page.html.j2", "page.md.j2", "page.css"):
        (tmp_path / name).write_text("{{ value }}", encoding="utf-8")
    env = make_environment([tmp_path])
    rendered = {
        name: env.get_template(name).render(value="<b>&</b>") for name in ("page.html.j2", "page.md.j2", "page.css")
    }
    escaped = "&lt;b&gt;&amp;&lt;/b&gt;"
    assert rendered == {"page.html.j2": escaped, "page.md.j2": "<b>&</b>", "page.css": escaped}  # CSS sits in <style>


TOP_MARGIN, BOTTOM_MARGIN = 2.2 / 2.54 * 72, 2.0 / 2.54 * 72
"""print.css's page margins in points: the running header sits in the top one, the page number in the bottom."""


@dataclass(frozen=True)
class Page:
    """A PDF page's text as PDFium (Chrome's PDF engine) reads it, by region: pypdf garbles some subset fonts."""

    head: str
    body: str
    foot: str

    @property
    def text(self) -> str:
        return "\n".join((self.head, self.body, self.foot))


def _pdf_pages(pdf: bytes, tmp_path: Path) -> list[Page]:
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    document = pdfium.PdfDocument(path)
    pages = []
    try:
        for page in document:
            width, height = page.get_size()
            text = page.get_textpage()

            def region(bottom: float, top: float, text: pdfium.PdfTextPage = text, width: float = width) -> str:
                return str(text.get_text_bounded(0, bottom, width, top)).replace("\r\n", "\n")

            pages.append(
                Page(
                    head=region(height - TOP_MARGIN, height),
                    body=region(BOTTOM_MARGIN, height - TOP_MARGIN),
                    foot=region(0, BOTTOM_MARGIN),
                )
            )
    finally:
        document.close()
    return pages


def _pdf_text(pdf: bytes, tmp_path: Path) -> list[str]:
    """The whole text of each page."""
    return [page.text for page in _pdf_pages(pdf, tmp_path)]


def test_pdf_reads_back_with_pages_header_and_metadata(tmp_path: Path) -> None:
    pdf = render(sample_briefing(stories=14), "pdf")
    assert isinstance(pdf, bytes)
    pages = _pdf_pages(pdf, tmp_path)
    count = len(pages)
    assert count >= 3
    assert len(PdfReader(tmp_path / "brief.pdf").pages) == count
    assert "Morning brief" in pages[0].body and "Monday 23 November 2026" in pages[0].body
    assert pages[0].head.strip() == ""  # the masthead's page has no running header
    for number, page in enumerate(pages, start=1):
        assert page.foot.strip() == f"Page {number} of {count}"
        if number > 1:  # the running header, on every page after the masthead
            assert page.head.strip() == "Morning brief · Monday 23 November 2026"
    text = "".join(page.text for page in pages)
    assert "Αθήνα" in text and "Kraków" in text and "Zoë Łukasiewicz" in text
    metadata = PdfReader(tmp_path / "brief.pdf").metadata
    assert metadata is not None
    assert metadata.title == "Morning brief — 2026-11-23"
    assert metadata.creator == f"briefing {__version__}"
    assert str(metadata.producer).startswith("WeasyPrint")
    assert str(metadata["/CreationDate"]).startswith("D:20261123")


def test_pdf_fonts_cover_the_text(tmp_path: Path) -> None:
    pdf = render(sample_briefing(), "pdf")
    assert isinstance(pdf, bytes)
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    fonts = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    # DejaVu (which Pango's fontconfig brings) draws Latin, Greek and Polish; each script reads back as written.
    assert any("DejaVu-Serif" in font for font in fonts), fonts
    text = "".join(_pdf_text(pdf, tmp_path))
    for word in ("Αθήνα", "Kraków", "Łukasiewicz", "नई दिल्ली"):
        assert word in text


def test_pdf_headings_stay_with_their_text(tmp_path: Path) -> None:
    pages = _pdf_pages(render(sample_briefing(stories=14), "pdf"), tmp_path)
    for page in pages:
        body = [line.strip() for line in page.body.splitlines() if line.strip()]
        assert body[-1] != "Ferry crews strike over new rosters", "a story title was left at the foot of a page"


def long_briefing(count: int = 50) -> Briefing:
    """``count`` stories on distinct subjects, from two to nine sentences long, some with a statement."""
    documents, stories = [], []
    for n in range(count):
        place = f"Tarn{n:02d}"
        sentences = [
            f"The {place} council reported the {ordinal} result of its long review of the town's harbour and "
            f"its roads on Friday, officials in the district said after the meeting."
            for ordinal in ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
        ][: (2, 9, 4, 7, 3, 8)[n % 6]]
        doc = Document(f"d{n}", " ".join(sentences), title=f"{place} council reports on its review", source="Gazette")
        said = (_quote(doc, "reported the first result", "Ada Brenn", "said", "direct"),) if n % 3 == 0 else ()
        documents.append(doc)
        stories.append(Story(str(doc.title), (doc.id,), _summary(doc, *sentences), said))
    return Briefing("Long brief", DATE, tuple(documents), tuple(stories))


def _empty_below(image: Image.Image) -> float:
    """How much of a page's text area, as a share of its height, lies empty below the last ink."""
    top, bottom = round(image.height * TOP_MARGIN / 842), round(image.height * (1 - BOTTOM_MARGIN / 842))
    gray = image.convert("L")
    inked = [row for row in range(top, bottom) if gray.crop((0, row, image.width, row + 1)).getextrema()[0] < 128]
    return (bottom - (inked[-1] if inked else top)) / (bottom - top)


def test_a_long_brief_fills_its_pages(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(bytes(render(long_briefing(), "pdf")))
    first_page = PdfReader(path).pages[0].extract_text()
    assert "Long brief" in first_page and "IN THIS BRIEFING" in first_page  # the contents start under the masthead
    assert "Tarn00 council reports on its review" in first_page
    document = pdfium.PdfDocument(path)
    try:
        empty = [_empty_below(page.render(scale=40 / 72).to_pil()) for page in document]
    finally:
        document.close()
    assert len(empty) > 10
    pushed = [(number, round(share, 2)) for number, share in enumerate(empty[:-1], start=1) if share > 1 / 3]
    assert not pushed, f"pages left more than a third empty: {pushed}"


def test_pdf_is_deterministic(articles: Path, tmp_path: Path) -> None:
    first = render(sample_briefing(), "pdf")
    assert render(sample_briefing(), "pdf") == first
    command = [sys.executable, "-m", "briefing", "build", str(articles), "-f", "pdf", "--date", "2026-11-23", "-o"]
    runs = [subprocess.run([*command, "-"], capture_output=True, check=True, cwd=ROOT).stdout for _ in range(2)]
    assert runs[0] == runs[1] and runs[0].startswith(b"%PDF")  # in fresh processes too (font subset names, ids)
    assert render(sample_briefing(), "html") == render(sample_briefing(), "html")
    assert render(sample_briefing(date=dt.date(2026, 11, 24)), "pdf") != first


@pytest.mark.parametrize(("size", "box"), [("A4", (595, 842)), ("Letter", (612, 792)), ("letter", (612, 792))])
def test_pdf_page_size(size: str, box: tuple[int, int], tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(bytes(render(sample_briefing(), "pdf", RenderOptions(page_size=size))))
    page = PdfReader(path).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == box


def test_unknown_page_size_and_format() -> None:
    with pytest.raises(ConfigError, match="page_size must be one of A4, Letter, not 'A3'"):
        render(sample_briefing(), "pdf", RenderOptions(page_size="A3"))
    with pytest.raises(RenderError, match="unknown format 'docx'"):
        render(sample_briefing(), "docx")


def test_pdf_pages_become_png(tmp_path: Path) -> None:
    path = tmp_path / "brief.pdf"
    path.write_bytes(bytes(render(sample_briefing(stories=6), "pdf")))
    document = pdfium.PdfDocument(path)
    images = [page.render(scale=40 / 72).to_pil() for page in document]
    document.close()
    assert len(images) == len(PdfReader(path).pages)
    for number, image in enumerate(images, start=1):  # each page drawn: A4 at 40 dpi, dark text on white
        assert image.size == (331, 468)
        histogram = image.convert("L").histogram()
        assert sum(histogram[:128]) > (500 if number < len(images) else 50)  # the last page may hold a few lines
        assert sum(histogram[200:]) > 0.5 * sum(histogram)


def test_example_theme_overrides_one_block(tmp_path: Path) -> None:
    theme = ROOT / "examples" / "theme"
    html = str(render(sample_briefing(), "html", RenderOptions(template_dirs=(theme,))))
    assert "Ministry of Transport · Private Office" in html
    assert "Prepared Monday 23 November 2026 from 3 documents" in html
    assert html.count("<h1>") == 1
    default = str(render(sample_briefing(), "html"))
    themed_rest = html[html.index('<nav class="contents"') :]
    assert themed_rest == default[default.index('<nav class="contents"') :]
    assert render(sample_briefing(), "md", RenderOptions(template_dirs=(theme,))) == render(sample_briefing(), "md")
    pages = _pdf_text(bytes(render(sample_briefing(), "pdf", RenderOptions(template_dirs=(theme,)))), tmp_path)
    assert "Prepared Monday 23 November 2026" in pages[0]


def test_a_theme_can_restyle_through_brief_css(tmp_path: Path) -> None:
    (tmp_path / "brief.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    html = str(render(sample_briefing(), "html", RenderOptions(template_dirs=(tmp_path,))))
    assert "body { color: #123456; }" in html and "DejaVu Serif" not in html


def test_missing_template_names_the_places_searched(tmp_path: Path) -> None:
    (tmp_path / "brief.html.j2").write_text('{% extends "default/nothing.html.j2" %}', encoding="utf-8")
    with pytest.raises(RenderError) as caught:
        render(sample_briefing(), "html", RenderOptions(template_dirs=(tmp_path,)))
    message = str(caught.value)
    assert "'default/nothing.html.j2' not found" in message
    assert str(tmp_path) in message and str(ROOT / "templates") in message


def test_broken_template_is_a_render_error(tmp_path: Path) -> None:
    (tmp_path / "brief.md.j2").write_text("line one\n{% for x in %}\n", encoding="utf-8")
    with pytest.raises(RenderError, match=r"brief.md.j2, line 2"):
        render(sample_briefing(), "md", RenderOptions(template_dirs=(tmp_path,)))
    (tmp_path / "brief.md.j2").write_text("{{ no_such_thing }}", encoding="utf-8")
    with pytest.raises(RenderError, match="no_such_thing"):
        render(sample_briefing(), "md", RenderOptions(template_dirs=(tmp_path,)))
    with pytest.raises(ConfigError, match="template folder not found"):
        render(sample_briefing(), "md", RenderOptions(template_dirs=(tmp_path / "gone",)))
    assert main(["templates", "list", "--template-dir", str(tmp_path / "gone")]) == 1


def test_templates_list_and_copy(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "list", "--template-dir", str(ROOT / "examples" / "theme")]) == 0
    listing = dict(line.split("\t") for line in capsys.readouterr().out.splitlines())
    assert listing["brief.html.j2"] == str(ROOT / "examples" / "theme" / "brief.html.j2")
    assert listing["brief.md.j2"] == str(ROOT / "templates" / "brief.md.j2")
    assert {"brief.css", "print.css", "brief.pdf.html.j2"} <= set(listing)

    theme = tmp_path / "theme"
    assert main(["templates", "copy", str(theme)]) == 0
    assert {path.name for path in theme.iterdir()} >= {"brief.html.j2", "brief.md.j2", "print.css"}
    assert render(sample_briefing(), "html", RenderOptions(template_dirs=(theme,))) == render(sample_briefing(), "html")
    capsys.readouterr()
    assert main(["templates", "copy", str(theme)]) == 1
    assert "already has brief.css" in capsys.readouterr().err
    assert main(["templates", "copy", str(theme), "--force"]) == 0


def test_build_with_template_dir_and_page_size(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    theme = ROOT / "examples" / "theme"
    args = ["build", str(articles), "-o", str(out), "--date", "2026-11-23"]
    assert main([*args, "--template-dir", str(theme), "--page-size", "Letter"]) == 0
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 612
    assert "Prepared Monday 23 November 2026 from 2 documents" in _pdf_text(out.read_bytes(), tmp_path)[0]


def test_attribution_reads_as_a_sentence() -> None:
    from briefing.models import Statement
    from briefing.render.context import attribution

    said = Statement("x", 0, 1, "Maria Jensen", "Said", "direct", speaker_title="union secretary")
    according = Statement("x", 0, 1, "Pakistani officials", "According to", "indirect")
    claim = Statement("x", 0, 1, None, None, "claim")
    posted = Statement("x", 0, 1, "Khawaja Asif", "wrote on X", "direct", speaker_title="Defence Minister")
    assert attribution(posted) == "Khawaja Asif, Defence Minister, wrote on X"
    assert attribution(said) == "Maria Jensen, union secretary, said"
    assert attribution(replace(said, speaker_title=None)) == "Maria Jensen said"
    assert attribution(according) == "According to Pakistani officials"
    assert attribution(claim) == "Claim"
    # "…, saying “…”" / "…, ajoutant « … »": the speaker alone, not "Khawaja Asif, saying"
    assert attribution(replace(posted, cue="saying")) == "Khawaja Asif, Defence Minister"
    assert attribution(replace(said, cue="ajoutant", speaker_title=None)) == "Maria Jensen"


def test_sources_are_numbered_as_the_reader_meets_them() -> None:
    briefing = sample_briefing()
    later_first = replace(briefing, documents=(briefing.documents[2], *briefing.documents[:2]))
    text = str(render(later_first, "md"))
    assert "Northgate line walked out on Friday, cancelling 42 crossings. [1, 2]" in text
    assert "picked 81,000 tonnes of apples, the most since 1990. [3]" in text
