"""Who's who: the people quoted in a briefing, by full name, with their titles, stories and statements."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from briefing import Briefing, Document, RenderOptions, Statement, Story, render, who_is_who


def said(speaker: str | None, text: str, *, named: bool = True, title: str | None = None) -> Statement:
    return Statement(text, 0, len(text), speaker, "said", "direct", "doc", speaker_title=title, named=named)


def test_people_in_the_order_a_reader_meets_them_with_full_names_across_stories() -> None:
    first = Story(
        "Talks collapse",
        ("doc",),
        statements=(
            said("Attaullah Tarar", "The talks failed", title="Information Minister"),
            said("Khawaja Asif", "We will respond"),
        ),
    )
    second = Story("Border clashes", ("doc",), statements=(said("Asif", "Test our resolve at your peril"),))
    people = who_is_who([first, second])
    assert [(p.name, p.title, p.stories) for p in people] == [
        ("Attaullah Tarar", "Information Minister", (0,)),
        ("Khawaja Asif", None, (0, 1)),
    ]
    assert [s.text for s in people[1].statements] == ["We will respond", "Test our resolve at your peril"]


def test_descriptions_and_claims_are_nobody_to_look_up() -> None:
    story = Story(
        "Storm",
        ("doc",),
        statements=(
            said("a senior official", "The roads are closed", named=False),
            said(None, "Rain fell for 40 hours", named=False),
            said("NOAA", "The season will be above normal"),
        ),
    )
    assert [p.name for p in who_is_who([story])] == ["NOAA"]


def test_shown_statements_come_first() -> None:
    hidden = Statement("An older remark", 0, 5, "Ana Ruiz", "said", "direct", "doc", named=True, shown=False)
    story = Story("Port", ("doc",), statements=(hidden, said("Ana Ruiz", "The port will open")))
    (person,) = who_is_who([story])
    assert [s.text for s in person.statements] == ["The port will open", "An older remark"]


def test_a_theme_can_drop_the_people_section(tmp_path: Path) -> None:
    document = Document("doc", "“The port will open in May,” said Ana Ruiz.")
    story = Story("Port", ("doc",), statements=(said("Ana Ruiz", "The port will open in May"),))
    briefing = Briefing("Brief", dt.date(2026, 11, 23), (document,), (story,))
    assert "Who's who" in str(render(briefing, "md"))
    (tmp_path / "brief.md.j2").write_text(
        '{% extends "default/brief.md.j2" %}{% block people %}{% endblock %}', encoding="utf-8"
    )
    assert "Who's who" not in render(briefing, "md", RenderOptions(template_dirs=(tmp_path,)))
