"""Inputs that cost far more than their size, feeds of every shape, and PDFs made into running text."""

from __future__ import annotations

import codecs
import datetime as dt
import zlib
from pathlib import Path

import pytest

from briefing import build_briefing, load_documents
from briefing.loaders import LoadOptions, load_input
from briefing.loaders.pdf import join_hyphenated, looks_like_title, pdf_text
from briefing.render.pdf import html_to_pdf

ENTRY = "<item><title>Ferry strike</title><description>{}</description></item>"
TEXT = "Ferry crews on the Northgate line walked out on Friday, cancelling 42 crossings."
OTHER = "The river fell to its lowest level in forty years, and barges were left stranded at the lock."
THIRD = "Grain prices rose by a tenth at the port market after the harvest came in late."


def feed(items: str, head: str = '<?xml version="1.0" encoding="utf-8"?>\n') -> str:
    return f'{head}<rss version="2.0"><channel><title>Harbour Wire</title>{items}</channel></rss>\n'


def warnings_of(*paths: Path, **options: int) -> dict[str, str]:
    result = load_documents(list(paths), options=LoadOptions(**options))  # type: ignore[arg-type]
    return {Path(w.path).name: w.message for w in result.warnings}


def test_an_entity_referenced_many_times_is_weighed_before_it_is_expanded(tmp_path: Path) -> None:
    entity = "The harbour tram was approved. " * 100
    bomb = feed(ENTRY.format("&e;" * 400), head=f'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY e "{entity}">\n]>\n')
    (tmp_path / "bomb.rss").write_text(bomb)
    nested = '<!DOCTYPE rss [\n<!ENTITY a "ferry ferry ferry ferry">\n<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n'
    (tmp_path / "nested.rss").write_text(feed(ENTRY.format("&b;" * 2_000), head=nested))
    (tmp_path / "fine.rss").write_text(
        feed(ENTRY.format(f"{TEXT} &e;"), head='<!DOCTYPE rss [\n<!ENTITY e "Ahoy.">\n]>\n')
    )
    result = load_documents(sorted(tmp_path.iterdir()), options=LoadOptions(max_characters=100_000))
    assert {Path(w.path).name: w.message for w in result.warnings} == {
        "bomb.rss": "its entities expand to 1,238,800 characters, over the cap of 100,000",
        "nested.rss": "its entities expand to 362,000 characters, over the cap of 100,000",
    }
    assert [doc.text for doc in result.documents] == [f"{TEXT} Ahoy."]


def shared_stream_pdf(pages: int, lines: int) -> bytes:
    """A PDF written byte by byte: ``pages`` pages that all draw one content stream of ``lines`` lines."""
    text = "".join(
        f"BT /F1 9 Tf 40 {800 - 10 * (n % 75)} Td (Line {n} of the harbour report.) Tj ET\n" for n in range(lines)
    )
    stream = zlib.compress(text.encode("ascii"))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + n) for n in range(pages)) + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        *[page + b"/Contents 4 0 R >>"] * pages,
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def test_pages_that_share_one_content_stream_are_read_once(tmp_path: Path) -> None:
    (tmp_path / "shared.pdf").write_bytes(shared_stream_pdf(pages=200, lines=60))
    [doc] = load_documents([tmp_path / "shared.pdf"]).documents
    assert doc.text.count("Line 7 of the harbour report.") == 1


def test_long_documents_and_many_entries_are_capped(tmp_path: Path) -> None:
    report = "\n".join(f"Line {n} of a long report on the harbour." for n in range(2_000))
    (tmp_path / "long.txt").write_text(report)
    entries = "".join(
        ENTRY.replace("Ferry strike", f"Ferry {n}").format(f"{TEXT} Crew {n} of {n * 7}.") for n in range(30)
    )
    (tmp_path / "many.rss").write_text(feed(entries))
    options = LoadOptions(max_characters=10_000, max_documents=12)
    result = load_documents([tmp_path / "long.txt", tmp_path / "many.rss"], options=options)
    long, *kept = result.documents
    assert len(long.text) <= 10_000
    assert report.startswith(long.text + "\n")  # cut at a line break
    assert len(kept) == 12
    assert [(Path(w.path).name, w.message) for w in result.warnings] == [
        ("long.txt", f"{len(report):,} characters; kept the first {len(long.text):,} (the cap is 10,000)"),
        ("many.rss", "kept the first 12 entries of its 30 (the cap on documents per input)"),
    ]


def test_markup_that_never_closes_is_not_given_to_a_quadratic_parser(tmp_path: Path) -> None:
    (tmp_path / "quotes.md").write_text("<a b='" * 1_500)
    (tmp_path / "quotes.rss").write_text(feed(ENTRY.format("&lt;a b='" * 1_500 + TEXT)))
    assert warnings_of(tmp_path / "quotes.md") == {
        "quotes.md": "markup that never closes (1,500 tags left open), too costly to read"
    }
    [entry] = load_documents([tmp_path / "quotes.rss"]).documents
    assert entry.text.endswith(TEXT)


def test_feeds_of_every_shape(tmp_path: Path) -> None:
    empty = feed("", head='<?xml version="1.0" encoding="utf-16"?>\n')
    (tmp_path / "empty-utf16.rss").write_bytes(codecs.BOM_UTF16_LE + empty.encode("utf-16-le"))
    (tmp_path / "empty.atom").write_text(
        '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Quiet</title></feed>'
    )
    prolog = '<?xml version="1.0"?>\n' + "".join(
        f"<!-- a comment of the feed's generator, number {n} -->\n" for n in range(200)
    )
    (tmp_path / "prolog.rss").write_text(feed(ENTRY.format(OTHER), head=prolog))
    nonsense = '<?xml version="1.0" encoding="undefined"?>\n'
    (tmp_path / "nonsense.rss").write_text(feed(ENTRY.format(THIRD), head=nonsense))
    no_content = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>River</title>'
        '<entry><title></title><content type="xhtml"></content></entry>'
    )
    (tmp_path / "no-content.atom").write_text(
        no_content + f"<entry><title>Flood</title><summary>{TEXT}</summary></entry></feed>"
    )
    result = load_documents(sorted(tmp_path.iterdir()))
    assert {Path(w.path).name: w.message for w in result.warnings} == {
        "empty-utf16.rss": "a feed with no entries",
        "empty.atom": "a feed with no entries",
    }
    assert [(Path(doc.path or "").name, doc.text) for doc in result.documents] == [
        ("no-content.atom", TEXT),
        ("nonsense.rss", THIRD),
        ("prolog.rss", OTHER),
    ]


def test_load_input_never_raises_whatever_the_library_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import feedparser

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("the parser fell over")

    monkeypatch.setattr(feedparser, "parse", broken)
    (tmp_path / "wire.rss").write_text(feed(ENTRY.format(TEXT)))
    loaded = load_input(str(tmp_path / "wire.rss"), options=LoadOptions())
    assert [w.message for w in loaded.warnings] == ["not a readable feed (RuntimeError: the parser fell over)"]


PARAGRAPH = (
    "The committee found that the dangerous crossing at the eastern quay had been neglected for many years, "
    "and that the responsible authorities had repeatedly postponed the necessary maintenance of the embankment "
    "along the river. Paragraph {n} says the firm acted differently, following a well-known pattern of delay."
)


def test_a_typeset_pdf_becomes_running_text(tmp_path: Path) -> None:
    body = "".join(
        f"<p>{PARAGRAPH.format(n=n)}</p>".replace("ffer", "\ufb00er").replace("fi", "\ufb01") for n in range(8)
    )
    html = f"""<html lang="en"><head><title>Binder1.pdf</title><meta name="dcterms.created" content="2026-07-03">
<style>@page {{ size: A6; margin: 2cm 1.5cm; @top-center {{ content: "Harbour Inquiry — Final Report"; font-size: 7pt }}
@bottom-center {{ content: "Page " counter(page); font-size: 7pt }} }}
p {{ hyphens: auto; text-align: justify; font-size: 10pt }} h1 {{ font-size: 12pt }}</style></head>
<body><h1>Harbour inquiry</h1>{body}</body></html>"""
    (tmp_path / "report.pdf").write_bytes(html_to_pdf(html, tmp_path))
    [doc] = load_documents([tmp_path / "report.pdf"]).documents
    assert not any("\ufb00" <= ch <= "\ufb06" for ch in doc.text)
    assert "differently" in doc.text and "firm" in doc.text
    assert "well-known" in doc.text
    assert "\u2010" not in doc.text and "dan-" not in doc.text and "dan- " not in doc.text
    assert "Harbour Inquiry" not in doc.text and "Page 2" not in doc.text
    assert doc.title == "Harbour inquiry"  # not the file name in its metadata
    assert doc.published == dt.date(2026, 7, 3)


def test_pdf_text_rules() -> None:
    assert join_hyphenated("a dan-\ngerous crossing on the Poto- mac; a well-\nknown, well known road") == (
        "a dangerous crossing on the Potomac; a well-known, well known road"
    )
    assert join_hyphenated("pre- and post-war, 10- to 12-year terms, the anti-\nAmerican line") == (
        "pre- and post-war, 10- to 12-year terms, the anti-American line"
    )
    assert join_hyphenated("the reconstruction of the quay; its recon-\nstruction") == (
        "the reconstruction of the quay; its reconstruction"
    )
    words = ["ferry", "tram", "quay", "bridge"]
    bodies = [f"The {w} was discussed.\nWitnesses spoke of the {w}.\nThe {w} needs repair." for w in words]
    pages = [f"Annual report 2026\n{body}\n{n}" for n, body in enumerate(bodies, 1)]
    assert pdf_text(pages) == "\n\n".join(bodies)
    assert [
        looks_like_title(t) for t in ("Microsoft Word - minutes.doc", "Binder1", "untitled", "scan_0001", "report.pdf")
    ] == [False] * 5
    assert looks_like_title("Harbour inquiry: final report")


def test_pdf_date_from_its_first_page(tmp_path: Path) -> None:
    html = (
        "<p>Press release, 3. Juli 2026</p><p>Der Stadtrat hat am Dienstag den Bau einer Straßenbahn beschlossen.</p>"
    )
    (tmp_path / "release.pdf").write_bytes(
        html_to_pdf(f"<html><head><title>Pressemitteilung</title></head><body>{html}</body></html>", tmp_path)
    )
    briefing = build_briefing([tmp_path / "release.pdf"], date=dt.date(2026, 7, 4))
    [doc] = briefing.documents
    assert (doc.published, doc.language) in {(dt.date(2026, 7, 3), "german")}
