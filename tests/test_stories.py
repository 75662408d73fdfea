"""Stories: grouping documents about one event, one summary across them, and a title."""

from __future__ import annotations

import pytest

from briefing.models import Document
from briefing.options import SummaryOptions
from briefing.summarize import group_stories, story_title, summarize_story

FLOOD_A = Document(
    id="a",
    title="Floods cut off Valdora after record rain",
    text=(
        "Floodwater cut off the mountain town of Valdora on Tuesday after record rainfall"
        " swelled the Rena river.\n"
        "Rescue teams used boats to reach about 300 residents trapped in the lower streets.\n"
        "The regional governor, Marta Ilvesk, declared a state of emergency for the Rena valley.\n"
        "Forecasters expect more rain in the valley until Thursday.\n"
    ),
)
FLOOD_B = Document(
    id="b",
    title="State of emergency in Rena valley",
    text=(
        "Governor Marta Ilvesk declared a state of emergency in the Rena valley"
        " as the river burst its banks.\n"
        "In Valdora, boats carried trapped residents to safety from flooded streets overnight.\n"
        "The Rena river reached its highest level since records began, the water agency said.\n"
        "Schools across the valley will stay closed until the floodwater recedes.\n"
    ),
)
CHESS = Document(
    id="c",
    title="Teenager wins national chess title",
    text=(
        "A sixteen-year-old from Portlen won the national chess championship on Sunday.\n"
        "She beat the defending champion in a tense final game that lasted six hours.\n"
        "Her coach said she had trained every evening for three years.\n"
    ),
)


def test_documents_about_one_event_form_one_story_and_others_stay_apart() -> None:
    stories = group_stories([FLOOD_A, CHESS, FLOOD_B])
    assert [[doc.id for doc in story] for story in stories] == [["a", "b"], ["c"]]


def test_grouping_of_nothing_and_of_one_document() -> None:
    assert group_stories([]) == []
    assert group_stories([CHESS]) == [[CHESS]]


def test_grouping_a_thousand_documents_pairs_each_event_with_its_twin() -> None:
    places = [f"Place{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}{chr(97 + i // 676)}" for i in range(600)]
    documents = []
    for n, place in enumerate(places):
        person = f"Mayor{place[5:]}"
        for copy in ("x", "y"):
            documents.append(
                Document(
                    id=f"{n}{copy}",
                    text=(
                        f"{person} opened a new bridge in {place} on Friday.\n"
                        f"The {place} bridge took {n % 7 + 2} years to build, {person} said.\n"
                        + ("Traffic in the town is expected to ease." if copy == "x" else "Residents welcomed it.")
                    ),
                )
            )
    stories = group_stories(documents)
    assert len(stories) == 600
    assert all(len(story) == 2 and story[0].id[:-1] == story[1].id[:-1] for story in stories)


def test_a_story_summary_draws_on_every_document_without_repeating_itself() -> None:
    echo = Document(id="e", text=FLOOD_A.text.splitlines()[0] + "\nLocal shops stayed shut all day.\n")
    documents = [FLOOD_A, FLOOD_B, echo]
    summary = summarize_story(documents, SummaryOptions(sentences=4))
    by_id = {doc.id: doc for doc in documents}
    assert len(summary) == 4
    assert {s.document for s in summary} >= {"a", "b"}
    for sentence in summary:
        assert sentence.document is not None
        assert by_id[sentence.document].text[sentence.start : sentence.end] == sentence.text
    assert sum("Floodwater cut off the mountain town" in s.text for s in summary) == 1


def test_a_story_summary_reads_leads_first() -> None:
    summary = summarize_story([FLOOD_A, FLOOD_B], SummaryOptions(sentences=3))
    firsts = [s for s in summary if s.start == 0]
    assert summary[: len(firsts)] == firsts and firsts


def test_story_title_is_the_most_central_documents_title() -> None:
    assert story_title([CHESS]) == "Teenager wins national chess title"
    assert story_title([FLOOD_A, FLOOD_B]) in {FLOOD_A.title, FLOOD_B.title}


def test_story_title_falls_back_to_a_headline_line_then_to_the_lead() -> None:
    headline = Document(id="h", text="Bridge reopens in Portlen\nThe bridge reopened on Friday after repairs.")
    assert story_title([headline]) == "Bridge reopens in Portlen"
    untitled = Document(id="u", text=FLOOD_A.text)
    assert story_title([untitled]) == "Floodwater cut off the mountain town of Valdora on Tuesday"
    short = Document(id="s", text="The bridge reopened on Friday.")
    assert story_title([short]) == "The bridge reopened on Friday"


def test_story_title_is_one_clean_line_and_never_empty() -> None:
    messy = Document(id="m", title="Bridge\r\nreopens\x00 today ", text="Text.")
    assert story_title([messy]) == "Bridge reopens today"
    assert story_title([]) == "Untitled story"
    assert story_title([Document(id="z", text="   ")]) == "Untitled story"


def test_two_reports_of_one_fact_in_other_words_come_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.summarize import news

    gazette = Document(
        "gazette",
        "The council approved the harbour tram line on Tuesday night.\n"
        "Councillors voted 23 to 14 in favour after a debate that ran past midnight.\n"
        "Shopkeepers on Quay Street asked for compensation during the works.\n",
        title="Council approves harbour tram line",
    )
    courier = Document(
        "courier",
        "Port Averley's council backed a tram line to the harbour on Tuesday.\n"
        "The decision passed by 23 votes against 14 in a session that ended late.\n"
        "The line will link the central station with the new housing at Saltmarsh.\n"
        "Engineers chose the cheapest of the four routes studied.\n",
        title="Port Averley says yes to harbour trams",
    )

    def votes() -> int:
        return sum(" 14 " in s.text for s in summarize_story([gazette, courier], SummaryOptions(sentences=5)))

    assert votes() == 1
    monkeypatch.setattr(news, "SAME_FIGURES", 99)  # words alone do not tell these two apart
    assert votes() == 2
