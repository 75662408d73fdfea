"""The JSON briefing: its shape, and offsets that find every span in its source."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from briefing import build_briefing, load_documents, render
from briefing.options import BuildOptions, SummaryOptions
from briefing.render import render_text
from briefing.render.core import briefing_to_dict

SHAPE: dict[str, Any] = {
    "title": str,
    "date": str,
    "documents": [
        {
            "id": str,
            "title": (str, type(None)),
            "source": (str, type(None)),
            "path": (str, type(None)),
            "url": (str, type(None)),
        }
    ],
    "stories": [
        {
            "title": str,
            "documents": [str],
            "summary": [{"text": str, "document": str, "start": int, "end": int}],
            "statements": [
                {
                    "text": str,
                    "speaker": (str, type(None)),
                    "cue": (str, type(None)),
                    "kind": str,
                    "document": str,
                    "start": int,
                    "end": int,
                    "parts": [[int]],
                    "shown": bool,
                }
            ],
        }
    ],
    "people": [
        {
            "name": str,
            "title": (str, type(None)),
            "stories": [int],
            "statements": [{"story": int, "statement": int, "text": str, "shown": bool}],
        }
    ],
    "warnings": [{"path": str, "message": str}],
}


def check_shape(value: Any, shape: Any, where: str = "$") -> None:
    if isinstance(shape, dict):
        assert isinstance(value, dict), where
        for key, sub in shape.items():
            assert key in value, f"{where}.{key} missing"
            check_shape(value[key], sub, f"{where}.{key}")
    elif isinstance(shape, list):
        assert isinstance(value, list), where
        for index, item in enumerate(value):
            check_shape(item, shape[0], f"{where}[{index}]")
    else:
        assert isinstance(value, shape), f"{where}: {value!r} is not {shape}"


def test_shape_and_offsets(articles: Path) -> None:
    briefing = build_briefing(
        [articles], BuildOptions(title="Test", summary=SummaryOptions(sentences=1)), date=dt.date(2026, 11, 23)
    )
    data = json.loads(render(briefing, "json"))
    check_shape(data, SHAPE)
    texts = {doc.id: doc.text for doc in load_documents([articles]).documents}
    assert any(story["statements"] for story in data["stories"])
    for story in data["stories"]:
        for item in story["summary"]:
            assert texts[item["document"]][item["start"] : item["end"]] == item["text"]
        for item in story["statements"]:
            pieces = item["parts"] or [[item["start"], item["end"]]]
            assert " … ".join(texts[item["document"]][start:end] for start, end in pieces) == item["text"]
    assert all(s["kind"] in {"direct", "indirect", "claim"} for st in data["stories"] for s in st["statements"])


def test_every_statement_is_in_the_json_and_the_shown_ones_in_the_brief(articles: Path) -> None:
    options = BuildOptions(title="Test", summary=SummaryOptions(sentences=1))
    briefing = build_briefing([articles], options, date=dt.date(2026, 11, 23))
    data = json.loads(render(briefing, "json"))
    markdown = str(render(briefing, "md"))
    statements = [s for story in data["stories"] for s in story["statements"]]
    assert any(not s["shown"] for s in statements)
    for statement in statements:
        said = " ".join(statement["text"].strip(" ,;:").split())
        assert (said in " ".join(markdown.split()).replace("\\", "")) or not statement["shown"]


def test_people_point_to_their_statements(articles: Path) -> None:
    briefing = build_briefing([articles], BuildOptions(title="Test"), date=dt.date(2026, 11, 23))
    data = json.loads(render(briefing, "json"))
    assert data["people"]
    for person in data["people"]:
        assert person["stories"] == sorted(set(person["stories"]), key=person["stories"].index)
        for said in person["statements"]:
            statement = data["stories"][said["story"]]["statements"][said["statement"]]
            assert (statement["text"], statement["shown"]) == (said["text"], said["shown"])
            assert statement["named"] and said["story"] in person["stories"]
            assert statement["speaker"] in {person["name"], person["name"].split()[-1]}


def test_text_file_is_kept_unchanged(articles: Path) -> None:
    path = articles / "ferry-strike.txt"
    [doc] = load_documents([path]).documents
    assert doc.text == path.read_text(encoding="utf-8")


def test_each_story_says_where_its_headline_comes_from(articles: Path) -> None:
    lead = (  # longer than a title line: the text loader gives this document no title
        "HARBOURTON: The lighthouse keepers' union called a two-day strike on the island ferries on Monday,"
        " saying that the pay talks with the harbour board had failed.\n"
    )
    (articles / "untitled.txt").write_text(lead, encoding="utf-8")
    options = BuildOptions(title="Test", summary=SummaryOptions(sentences=1))
    briefing = build_briefing([articles], options, date=dt.date(2026, 11, 23))
    data = json.loads(render(briefing, "json"))
    documents = {doc.id: doc for doc in load_documents([articles]).documents}
    kinds = set()
    for story in data["stories"]:
        source = story["headline_source"]
        assert set(source) == {"document", "kind", "start", "end"}
        assert source["document"] in story["documents"]
        kinds.add(source["kind"])
        doc = documents[source["document"]]
        if source["kind"] == "title":
            assert source["start"] is None and story["title"] == doc.title
        else:
            assert " ".join(doc.text[source["start"] : source["end"]].split()) == story["title"]
    assert kinds == {"title", "sentence"}


def test_json_is_written_a_piece_at_a_time_as_json_dumps_would_write_it_whole(articles: Path) -> None:
    briefing = build_briefing([articles], BuildOptions(title="Test"), date=dt.date(2026, 11, 23))
    lean = replace(briefing, stories=(), warnings=())  # empty lists: "[]", as json.dumps writes them
    for each in (briefing, lean):
        pieces = list(render_text(each, "json"))
        assert "".join(pieces) == json.dumps(briefing_to_dict(each), ensure_ascii=False, indent=2) + "\n"
        assert len(pieces) > len(each.documents) + len(each.stories)  # one piece at least per entry
    assert briefing.stories and briefing.warnings == ()
