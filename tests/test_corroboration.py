"""How many reports carry each point, where they disagree, and what an earlier brief already told.

The reports are this project's own (``tests/fixtures/bridge``): one bridge
collapse told by three outlets on its first day (two give 23 dead, one 25),
then by two outlets on each of the next two days.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.models import Briefing, Document, Story
from briefing.options import BuildOptions, RenderOptions
from briefing.pipeline import assemble_briefing, build_briefing
from briefing.render import render
from briefing.state import dump_briefing, load_briefing
from briefing.summarize.conflicts import story_conflicts
from briefing.summarize.corroborate import SAME_POINT, point_scores, story_text

BRIDGE = Path(__file__).parent / "fixtures" / "bridge"
DAY1, DAY2, DAY3 = dt.date(2026, 11, 23), dt.date(2026, 11, 24), dt.date(2026, 11, 25)


def first_day() -> Briefing:
    return build_briefing([BRIDGE / "day1"], date=DAY1)


def outlet_of(briefing: Briefing, doc_id: str) -> str:
    return str(briefing.document(doc_id).source)


def test_each_point_cites_every_report_that_carries_it() -> None:
    briefing = first_day()
    [story] = briefing.stories
    lead = next(s for s in story.summary if "killing 23 people" in s.text)
    assert lead.sources[0] == lead.document
    assert {outlet_of(briefing, doc) for doc in lead.sources} == {"Varnholm Post", "Tessel Courier"}
    assert not lead.single_source
    berg = next(s for s in story.summary if "divers would keep searching" in s.text)
    assert berg.sources == (berg.document,) and berg.single_source


def test_a_report_that_gives_another_figure_does_not_carry_the_point() -> None:
    documents = [
        Document("wire", "Divers recovered more bodies overnight, bringing the number of dead to 29.\n", source="Wire"),
        Document(
            "post", "The number of dead rose to 27 after divers recovered more bodies overnight.\n", source="Post"
        ),
        Document(
            "courier", "Divers recovered more bodies overnight, and the number of dead rose to 29.\n", source="Courier"
        ),
    ]
    text = story_text(documents)
    scores = point_scores(text, [0], [1, 2])[0]
    assert scores[0] < SAME_POINT <= scores[1]


def test_figures_that_differ_for_one_thing_are_set_side_by_side() -> None:
    briefing = first_day()
    [story] = briefing.stories
    [conflict] = story.conflicts
    assert conflict.kind == "differ" and conflict.unit == "peopl"
    assert [value.text for value in conflict.values] == ["23 people", "25 people"]
    assert [[outlet_of(briefing, doc) for doc in value.documents] for value in conflict.values] == [
        ["Varnholm Post"],
        ["Northern Wire"],
    ]
    for value in conflict.values:
        for mention in value.mentions:
            assert briefing.document(mention.document).text[mention.start : mention.end] == mention.text


def test_the_brief_shows_citations_single_sources_and_disagreements() -> None:
    briefing = first_day()
    numbers = {doc.source: n for n, doc in enumerate((briefing.document(d) for d in briefing.stories[0].documents), 1)}
    post, courier, wire = numbers["Varnholm Post"], numbers["Tessel Courier"], numbers["Northern Wire"]
    markdown = render(briefing, "md")
    assert f"killing 23 people, the regional police said. [{min(post, courier)}, {max(post, courier)}]\n" in markdown
    assert "divers would keep searching the river overnight. [" in markdown and "*single source*" in markdown
    assert f"**Reports differ:** 23 people [{post}] · 25 people [{wire}]\n" in markdown
    html = render(briefing, "html")
    assert '<p class="conflict"><strong>Reports differ:</strong> 23 people' in html
    assert '<span class="single-source">single source</span>' in html
    data = json.loads(render(briefing, "json"))
    [story] = data["stories"]
    assert {"sources", "single_source", "repeated_from"} <= set(story["summary"][0])
    [conflict] = story["conflicts"]
    assert conflict["kind"] == "differ" and [v["values"] for v in conflict["values"]] == [[23.0], [25.0]]
    assert story["profile"]["documents"] == 3 and story["first_seen"] == "2026-11-23" and story["previous"] == []


def test_one_report_of_a_story_marks_no_point_single_source() -> None:
    document = Document(
        "solo", "The council closed the old bridge on Monday for six weeks of repairs.\n", source="Post"
    )
    briefing = assemble_briefing([document], date=DAY1)
    assert briefing.stories[0].summary[0].single_source
    assert "single source" not in render(briefing, "md")


def test_a_figure_that_changes_between_days_is_an_update() -> None:
    reports = [
        Document(
            "monday",
            "Police said the collapse of the Varnholm bridge killed 23 people on Monday morning.\n",
            source="Post",
            published=DAY1,
        ),
        Document(
            "tuesday",
            "Police said the collapse of the Varnholm bridge killed 27 people on Monday morning.\n",
            source="Courier",
            published=DAY2,
        ),
    ]
    documents = reports[::-1]  # the later report first: values still come in the order of their days
    [conflict] = story_conflicts(story_text(documents), documents)
    assert conflict.kind == "update"
    assert [value.text for value in conflict.values] == ["23 people", "27 people"]
    story = Story("Bridge", tuple(doc.id for doc in documents), conflicts=(conflict,))
    markdown = render(Briefing("Brief", DAY2, tuple(documents), (story,)), "md")
    assert "**Updated:** 23 people [2] (23 November) → 27 people [1] (24 November)\n" in markdown


@pytest.mark.parametrize(
    "second",
    [
        "The storm killed 25 people in Nicaragua on Monday, officials said.",  # another country
        "The storm injured 25 people in Honduras on Monday, officials said.",  # another count
        "The storm killed 25 cattle in Honduras on Monday, officials said.",  # another unit
        "The storm killed more than 20 people in Honduras on Monday, officials said.",  # agrees
    ],
)
def test_figures_of_different_things_or_that_agree_are_no_conflict(second: str) -> None:
    documents = [
        Document("a", "The storm killed 23 people in Honduras on Monday, officials said.\n", source="A"),
        Document("b", second + "\n", source="B"),
    ]
    assert story_conflicts(story_text(documents), documents) == []


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Only 2.3 percent of the police force came from minorities, the report said.",
         "Only 2 percent of the police force came from minorities, the report said."),  # rounded
        ("One out of 10 children in the region dies of preventable diseases, the report said.",
         "One out of 92,000 children in the region dies of preventable diseases, the report said."),  # too far apart
        ("The boat capsized on Monday, killing his mother and 10 others, the coast guard said.",
         "The boat capsized on Monday, killing his mother and 12 others, the coast guard said."),  # no unit
    ],
)  # fmt: skip
def test_figures_that_round_or_count_nothing_are_no_conflict(first: str, second: str) -> None:
    documents = [Document("a", first + "\n", source="A"), Document("b", second + "\n", source="B")]
    assert story_conflicts(story_text(documents), documents) == []


def test_reports_far_apart_in_time_or_a_report_against_itself_are_no_conflict() -> None:
    monday = "The storm killed 23 people in the north on Monday, officials said.\n"
    later = Document("b", monday.replace("23", "25"), source="B", published=DAY1 + dt.timedelta(days=10))
    documents = [Document("a", monday, source="A", published=DAY1), later]
    assert story_conflicts(story_text(documents), documents) == []
    both = monday + monday.replace("23", "31").replace("north", "south")
    documents = [Document("a", both, source="A"), Document("b", monday.replace("23", "25"), source="B")]
    assert story_conflicts(story_text(documents), documents) == []
    documents = [Document("a", monday, source="A"), Document("b", monday.replace("23", "25"), source="B")]
    assert len(story_conflicts(story_text(documents), documents)) == 1


def test_the_kept_briefing_keeps_every_new_field() -> None:
    briefing = first_day()
    assert load_briefing(dump_briefing(briefing)) == briefing


def test_previous_follows_a_story_and_prefers_what_is_new(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    day1, day2 = tmp_path / "day1.json", tmp_path / "day2.json"
    assert main(["build", str(BRIDGE / "day1"), "-o", str(day1), "--date", "2026-11-23", "-q"]) == 0
    told = [sentence["text"] for sentence in json.loads(day1.read_text(encoding="utf-8"))["stories"][0]["summary"]]
    out = tmp_path / "day2.md"
    assert main(["build", str(BRIDGE / "day2"), "-o", str(out), "-o", str(day2), "--date", "2026-11-24", "-q",
                 "--previous", str(day1)]) == 0  # fmt: skip
    [story] = json.loads(day2.read_text(encoding="utf-8"))["stories"]
    assert story["first_seen"] == "2026-11-23" and story["previous"] == ["2026-11-23"]
    shown = [sentence["text"] for sentence in story["summary"]]
    assert "killing 23 people" in (BRIDGE / "day2" / "post.md").read_text(encoding="utf-8")
    assert not any("killing 23 people" in text for text in shown)  # yesterday's lead, told again by the Post
    assert not set(shown) & set(told)
    assert all(sentence["repeated_from"] is None for sentence in story["summary"])
    assert "*Developing · day 2, since 23 November*" in out.read_text(encoding="utf-8")

    args = ["build", str(BRIDGE / "day3"), "-o", "-", "-f", "json", "--date", "2026-11-25", "-q"]
    assert main([*args, "--previous", str(day1), "--previous", str(day2)]) == 0
    [story] = json.loads(capsys.readouterr().out)["stories"]
    assert story["first_seen"] == "2026-11-23" and story["previous"] == ["2026-11-23", "2026-11-24"]


def test_a_point_told_before_comes_back_only_when_nothing_else_is_new(tmp_path: Path) -> None:
    day1 = tmp_path / "day1.json"
    day1.write_text(render(first_day(), "json"), encoding="utf-8")
    repeat = tmp_path / "repeat.md"
    repeat.write_text((BRIDGE / "day1" / "post.md").read_text(encoding="utf-8"), encoding="utf-8")
    options = BuildOptions(previous=(day1,))
    briefing = build_briefing([repeat], options, date=DAY2)
    [story] = briefing.stories
    assert story.summary and all(sentence.repeated_from == DAY1 for sentence in story.summary[:1])
    assert "*(also in the brief of 23 November)*" in render(briefing, "md")


def test_an_earlier_brief_that_cannot_be_read_is_a_warning(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    out = tmp_path / "brief.md"
    assert main(["build", str(BRIDGE / "day2"), "-o", str(out), "--previous", str(broken), "-q"]) == 0
    assert f"{broken}: not a JSON brief" in capsys.readouterr().err
    assert "Developing" not in out.read_text(encoding="utf-8")


def test_a_theme_drops_each_part_by_its_block(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    blocks = "".join(f"{{% block {name} %}}{{% endblock %}}" for name in ("point_sources", "conflicts", "developing"))
    (theme / "brief.md.j2").write_text('{% extends "default/brief.md.j2" %}' + blocks, encoding="utf-8")
    markdown = render(first_day(), "md", RenderOptions(template_dirs=(theme,)))
    assert "Reports differ" not in markdown and "single source" not in markdown and "[1, 2]" not in markdown
    assert "killing 23 people, the regional police said. \n" in markdown
