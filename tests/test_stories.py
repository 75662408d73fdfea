"""Stories: grouping documents about one event, one summary across them, and a title."""

from __future__ import annotations

import pytest

from briefing.models import Document
from briefing.options import SummaryOptions
from briefing.summarize import group_stories, story_title, summarize_story
from briefing.summarize.length import summary_size
from briefing.text import split_sentences

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


FERRY = [
    Document(
        "a",
        "Ferry crews on the Northgate line walked out on Friday, cancelling 42 crossings.\n"
        "The operator, Bluewater Lines, said the strike would cost it about 600,000 euros a day.\n"
        "Talks are due to resume on Monday at the labour ministry.\n"
        "The union wants shorter shifts for its members who work at sea all week.\n",
    ),
    Document(
        "b",
        "Bluewater Lines cancelled 42 crossings on Friday as ferry crews walked out over new rosters.\n"
        "Passengers queued for hours at the Northgate terminal before the last boat of the day left.\n"
        "Talks between the union and Bluewater Lines are due to resume on Monday at the labour ministry.\n",
    ),
    Document(
        "c",
        "A strike by ferry crews halted the Northgate line on Friday morning.\n"
        "Talks are due to resume on Monday at the labour ministry, the union said.\n"
        "A café owner at the harbour said that her trade had halved since the start of the dispute.\n",
    ),
    Document(
        "d",
        "Ferry crews walked out on Friday in a long dispute over their new rosters.\n"
        "The strike cost Bluewater Lines about 600,000 euros a day, the company said.\n"
        "Talks are due to resume on Monday, both sides said.\n",
    ),
]
"""Four reports of one strike: what most of them say (the walkout, the talks, the cost) and what one
alone adds (queues, a café, shifts)."""


def test_a_story_summary_opens_with_a_lead_and_tells_what_the_reports_share() -> None:
    summary = summarize_story(FERRY, SummaryOptions(sentences=3))
    assert summary[0].start == 0  # one report's first sentence
    told = " ".join(s.text for s in summary)
    assert "walked out on Friday" in told and "resume on Monday" in told and "600,000 euros" in told
    assert not any(detail in told for detail in ("queued", "café", "shifts"))


def test_a_story_summary_ends_rather_than_repeat_itself() -> None:
    summary = summarize_story(FERRY, SummaryOptions(sentences=12))
    assert 4 <= len(summary) < 12
    assert sum("resume on Monday" in s.text for s in summary) == 1
    assert sum("600,000" in s.text for s in summary) == 1


def test_a_story_summary_grows_a_little_with_its_documents() -> None:
    sentences = split_sentences(" ".join(doc.text for doc in FERRY) * 3)
    sizes = [summary_size(sentences, documents=n) for n in (1, 2, 4, 16, 25, 1000)]
    assert sizes == [5, 6, 7, 9, 9, 10]
    assert len(summarize_story(FERRY, SummaryOptions(method="lead"))) == 7
    assert len(summarize_story(FERRY[:1], SummaryOptions(method="lead"))) == 4  # all it has


def test_neighbouring_picks_of_one_document_read_in_text_order(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.summarize import methods
    from briefing.summarize.pool import Pool

    def ranker(pool: Pool, k: int) -> list[tuple[int, float]]:  # best first: b's third, a's first, b's second
        return [(6, 0.9), (0, 0.8), (5, 0.7)]

    monkeypatch.setitem(methods.METHODS, "lead", ranker)
    summary = summarize_story(FERRY[:2], SummaryOptions(method="lead"))
    assert [(s.document, s.text[:20]) for s in summary] == [
        ("b", "Passengers queued fo"),
        ("b", "Talks between the un"),
        ("a", "Ferry crews on the N"),
    ]


def test_a_dateline_is_left_off_the_sentence_it_opens() -> None:
    lead = "Ferry crews walked out on Friday, cancelling 42 crossings on the Northgate line."
    wire = Document("w", f"PORTLEN (AP) _ {lead}\nMore later.")
    paper = Document(
        "p", "On Friday ferry crews walked out in Portlen, and the operator cancelled 42 crossings on its network."
    )
    opening = summarize_story([wire, paper], SummaryOptions(sentences=2))[0]
    assert opening.document == "w" and opening.text == lead
    assert wire.text[opening.start : opening.end] == opening.text


def test_each_document_is_read_in_its_own_language() -> None:
    french = Document("fr", "Le maire habite av. Foch depuis dix ans avec sa famille et ses chiens.", language="french")
    english = Document("en", "The mayor has lived in Foch avenue for ten years with his family.")
    unknown = Document("nl", "De burgemeester woont al tien jaar aan de Fochlaan.", language="dutch")  # read as English
    summary = summarize_story([french, english, unknown], SummaryOptions(sentences=3, language="english"))
    assert french.text in {s.text for s in summary}  # French Punkt knows "av."; English would split there
    for sentence in summary:
        document = {"fr": french, "en": english, "nl": unknown}[str(sentence.document)]
        assert document.text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize(
    "texts",
    [
        ["Hello.", "World."],
        ["Ferry crews walked out.", "Apples fell from trees in the valley orchard."],
        ["", "   "],
        ["Les équipages des ferries ont fait grève vendredi.", "Die Fährleute streikten am Freitag."],
        ["no sentence end at all", "nor here, only words"],
    ],
)
def test_odd_stories_give_a_defined_summary(texts: list[str]) -> None:
    documents = [Document(f"d{n}", text) for n, text in enumerate(texts)]
    summary = summarize_story(documents)
    assert len(summary) <= sum(len(text.split()) for text in texts)
    for sentence in summary:
        assert documents[int(str(sentence.document)[1:])].text[sentence.start : sentence.end] == sentence.text


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
    from briefing.summarize import coverage, news

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
    monkeypatch.setattr(news, "SAME_FIGURES", 99)  # words alone do not tell these two apart,
    monkeypatch.setattr(coverage, "TOLD", 1.0)  # nor the word pairs the reports share
    assert votes() == 2
