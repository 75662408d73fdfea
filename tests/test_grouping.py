"""Story grouping: events found across outlets, languages and days; unrelated news apart; bounded memory."""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc

import pytest

from briefing.models import Document
from briefing.summarize import group_stories
from briefing.summarize.cluster import merge_threshold, same_story, story_profile
from briefing.summarize.terms import function_words
from briefing.text import SUPPORTED_LANGUAGES

# Two outlets report one event, as the project's seed articles do: long leads, no title line,
# one with a dateline, in different words, with background paragraphs of their own.
OUTLET_ONE = Document(
    id="morva-warning",
    text=(
        "Water Minister Ilse Varkonen warned the Morva basin authority that Talvia will not accept"
        " any further cut in the river's flow, saying her government is ready to take the dispute to"
        " the regional court if the Drasko dam keeps its gates closed.\n"
        "Varkonen said Talvia had agreed to mediation at the request of neighbouring states, but that"
        " the authority's latest statements showed no wish to share the water fairly.\n"
        "The minister accused the dam's operators of filling the reservoir to sell power abroad while"
        " farmers downstream lost their harvests, and called the closure a breach of the 1994 treaty.\n"
        "She stressed that Talvia still prefers talks, yet left no doubt that it would defend its"
        " farmers, adding that the river is the life of the whole Morva valley.\n"
    ),
)
OUTLET_TWO = Document(
    id="morva-talks",
    text=(
        "KESTRA: Talvia's water minister Ilse Varkonen on Thursday gave a stern warning to the Morva"
        " basin authority, saying the closure of the Drasko dam would be met with legal action.\n"
        "Her statement followed the collapse of mediation talks held in Kestra, where envoys of both"
        " sides failed to agree on how much water the dam should release each month.\n"
        "Since the reservoir began filling in spring, the river's flow at the border has fallen by"
        " half, and farmers in the lower Morva valley have lost much of their wheat.\n"
        "“We have waited long enough,” Varkonen told reporters. “The treaty of 1994 is clear, and the"
        " court will say so.”\n"
    ),
)
CHESS = Document(
    id="chess",
    text=(
        "A sixteen-year-old from Portlen won the national chess championship on Sunday.\n"
        "She beat the defending champion in a tense final game that lasted six hours.\n"
        "Her coach said she had trained every evening for three years.\n"
    ),
)


def ids(stories: list[list[Document]]) -> list[list[str]]:
    return [[doc.id for doc in story] for story in stories]


def test_two_outlets_reporting_one_event_make_one_story() -> None:
    assert ids(group_stories([OUTLET_ONE, CHESS, OUTLET_TWO])) == [["morva-warning", "morva-talks"], ["chess"]]


def test_reports_of_one_event_in_different_words_make_one_story() -> None:
    wire = Document(
        id="wire",
        text=(
            "Fire crews evacuated 200 homes in Orlen Ridge on Monday as a wildfire spread through the"
            " pine forest above the town.\n"
            "The Orlen Ridge fire chief, Dana Whitcombe, said strong winds had pushed the flames"
            " towards the valley road.\n"
        ),
    )
    paper = Document(
        id="paper",
        text=(
            "Residents of Orlen Ridge fled their houses as flames raced across the forested slopes"
            " overnight.\n"
            "Chief Dana Whitcombe told the paper that gusts had driven the wildfire down to the valley"
            " road, where crews were digging breaks.\n"
        ),
    )
    assert ids(group_stories([wire, CHESS, paper])) == [["wire", "paper"], ["chess"]]


# Unrelated articles that share many function words and nothing else.
FRENCH_SPEECH = Document(
    id="fr-parole",
    language="french",
    text=(
        "Selon nos collègues, la parole publique ne se porte pas bien : de plus en plus de citoyens"
        " se disent lassés des discours, et une majorité ne croit plus à ce qu'on leur dit.\n"
        "Pour nous, il faut donc que les élus reviennent à une parole simple, sans promesses qu'ils ne"
        " peuvent pas tenir, et qu'ils se montrent plus souvent sur le terrain.\n"
    ),
)
FRENCH_JOURNALS = Document(
    id="fr-revues",
    language="french",
    text=(
        "Selon nos informations, le classement des revues savantes ne se fera plus de la même façon :"
        " de nombreux chercheurs se plaignent des indicateurs, et une partie ne veut plus y participer.\n"
        "Pour eux, il faut donc que les universités reviennent à une lecture des articles, sans"
        " compter qu'ils ne citent pas toujours les travaux qu'ils ont lus.\n"
    ),
)
GERMAN_RAIL = Document(
    id="de-bahn",
    language="german",
    text=(
        "Die Bahn hat bereits angekündigt, dass sie ihre Fahrpläne im Winter jedoch nicht ändern will,"
        " obwohl sich die Fahrgäste immer wieder über Verspätungen beschweren.\n"
        "Dabei wäre es doch längst an der Zeit, dass man auch die Stellwerke erneuert, sagen"
        " die Pendler, die jeden Morgen auf ihre Züge warten.\n"
    ),
)
GERMAN_BAKERY = Document(
    id="de-baeckerei",
    language="german",
    text=(
        "Die Bäckerei hat bereits angekündigt, dass sie ihre Preise im Winter jedoch nicht erhöhen will,"
        " obwohl sich die Kosten für Mehl immer wieder verteuert haben.\n"
        "Dabei wäre es doch längst an der Zeit, dass man auch die Öfen ersetzt, sagen die"
        " Bäcker, die jeden Morgen um drei Uhr mit der Arbeit beginnen.\n"
    ),
)


@pytest.mark.parametrize(
    ("first", "second"), [(FRENCH_SPEECH, FRENCH_JOURNALS), (GERMAN_RAIL, GERMAN_BAKERY)], ids=["fr", "de"]
)
def test_unrelated_articles_sharing_only_function_words_stay_apart(first: Document, second: Document) -> None:
    assert ids(group_stories([first, second])) == [[first.id], [second.id]]


def test_each_document_is_read_in_its_own_language() -> None:
    as_english = [Document(id=d.id, text=d.text) for d in (FRENCH_SPEECH, FRENCH_JOURNALS)]
    assert len(group_stories(as_english)) == 1  # read as English, French function words look shared
    assert len(group_stories([FRENCH_SPEECH, FRENCH_JOURNALS])) == 2


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_language_has_a_full_list_of_function_words(language: str) -> None:
    assert len(function_words(language)) >= 250


def test_french_function_words_that_sumy_misses_are_there() -> None:
    assert {"de", "à", "un", "une", "se", "ne", "nos"} <= function_words("french")


def _day(n: int) -> dt.date:
    return dt.date(2026, 11, 1) + dt.timedelta(days=n)


DEVELOPING = [
    Document(
        id="day1",
        published=_day(0),
        text=(
            "A cargo ship, the Helga Marit, ran aground off Skarn Point on Monday with 18 crew on board.\n"
            "The coastguard said the hull was damaged and that fuel oil was leaking near the Skarn Point"
            " lighthouse.\n"
        ),
    ),
    Document(
        id="day2",
        published=_day(1),
        text=(
            "Salvage teams reached the Helga Marit off Skarn Point on Tuesday as the oil slick spread"
            " along the coast.\n"
            "All 18 crew were lifted off by the coastguard overnight; booms were laid to keep the fuel"
            " oil away from the Skarn Point lighthouse beaches.\n"
        ),
    ),
    Document(
        id="day3",
        published=_day(2),
        text=(
            "The owners of the Helga Marit said on Wednesday that the ship would be towed from Skarn Point"
            " once the salvage teams had pumped out its remaining fuel oil.\n"
            "Volunteers cleaned oil from beaches near the lighthouse, and the coastguard kept the area"
            " closed to fishing boats.\n"
        ),
    ),
]


def test_a_developing_story_across_three_dates_is_one_story() -> None:
    assert ids(group_stories([DEVELOPING[0], CHESS, DEVELOPING[1], DEVELOPING[2]])) == [
        ["day1", "day2", "day3"],
        ["chess"],
    ]


def test_documents_farther_apart_than_the_window_are_never_linked() -> None:
    later = Document(id="later", text=DEVELOPING[0].text, published=_day(30))
    undated = Document(id="undated", text=DEVELOPING[0].text + "Tugs stood by.\n")
    assert ids(group_stories([DEVELOPING[0], later])) == [["day1", "later"]]
    assert ids(group_stories([DEVELOPING[0], later], window_days=7)) == [["day1"], ["later"]]
    assert ids(group_stories([undated, later], window_days=7)) == [["undated", "later"]]
    assert ids(group_stories(DEVELOPING, window_days=7)) == [["day1", "day2", "day3"]]


def test_odd_piles_give_a_defined_grouping() -> None:
    one_word = [Document(id=f"w{n}", text=word) for n, word in enumerate(["storm", "storm", "election", "the"])]
    assert ids(group_stories(one_word)) == [["w0", "w1"], ["w2"], ["w3"]]
    nothing_shared = [Document(id=f"n{n}", text=f"Word{n} alpha{n} beta{n}.") for n in range(50)]
    assert len(group_stories(nothing_shared)) == 50
    empty = [Document(id=f"e{n}", text=text) for n, text in enumerate(["", "   ", "and the of", "2026 14:00"])]
    assert len(group_stories(empty)) == 4
    languages = [
        Document(id="en", text="The council of Velm met in the harbour hall."),
        Document(id="fr", text="La tempête a fermé le port de Velm.", language="french"),
        Document(id="pl", text="Burza zamknęła port w Velm.", language="polish"),
        Document(id="xx", text="Storm closes Velm port.", language="klingon"),  # read as English
    ]
    assert ids(group_stories(languages)) == [["en"], ["fr", "pl", "xx"]]  # "port" and "Velm" are shared


def test_copies_of_one_entry_with_other_figures_are_one_story() -> None:
    copies = [
        Document(
            id=f"c{n}", text=f"Storm warning for the coast of Velm from {n % 12 + 1} pm: {n * 7} homes without power."
        )
        for n in range(1_000)
    ]
    other = Document(id="other", text="The Velm library reopens after repairs to its roof.")
    assert sorted(map(len, group_stories([*copies, other]))) == [1, 1_000]


def _tiny_pile(count: int) -> list[Document]:
    """Short entries on 200 events, each event reported 100 times with a few words of its own."""
    return [
        Document(
            id=f"t{n}",
            text=f"Event{n % 200} news: crowd{n % 200} gathers at place{n % 200} as reporter{n} files copy{n}.",
        )
        for n in range(count)
    ]


def test_grouping_never_builds_a_dense_similarity() -> None:
    documents = _tiny_pile(8_000)
    tracemalloc.start()
    try:
        stories = group_stories(documents)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 128 * 2**20  # a dense 8,000 × 8,000 similarity alone is 512 MB
    assert sorted(map(len, stories)) == [40] * 200
    assert all(len({int(doc.id[1:]) % 200 for doc in story}) == 1 for story in stories)


def test_a_story_profile_is_stored_as_json_and_recognises_its_story_the_next_day() -> None:
    yesterday = story_profile(DEVELOPING[:2], [*DEVELOPING[:2], CHESS])
    stored = json.loads(json.dumps(yesterday))
    assert stored["documents"] == 2 and all(isinstance(w, float) for w in stored["terms"].values())
    assert same_story(story_profile([DEVELOPING[2]], [DEVELOPING[2], OUTLET_ONE]), stored)
    assert not same_story(story_profile([CHESS], [CHESS, OUTLET_ONE]), stored)
    assert not same_story(story_profile([OUTLET_TWO], [OUTLET_TWO, CHESS]), stored)


def test_the_merge_threshold_asks_more_of_fewer_pairs() -> None:
    assert merge_threshold(1) > merge_threshold(4) > merge_threshold(100) > 0
