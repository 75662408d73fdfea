"""Figures in sentences: a number, what it counts, the range its wording allows; dates, times and ages are none."""

from __future__ import annotations

import pytest

from briefing.models import Quantity
from briefing.summarize.figures import Figure, parse_number, sentence_figures


def figures(text: str, language: str = "english") -> list[tuple[str, str, tuple[float, ...]]]:
    return [(figure.text, figure.unit, figure.quantity.values) for figure in sentence_figures(text, language)]


def only(text: str, language: str = "english") -> Figure:
    [figure] = sentence_figures(text, language)
    return figure


def test_a_figure_counts_the_word_after_it_or_before_it() -> None:
    assert figures("The blast killed 23 people and injured 41 in the old town.") == [
        ("23 people", "peopl", (23.0,)),
        ("injured 41", "injur", (41.0,)),
    ]
    assert figures("The 122-seat assembly met.") == [("122-seat", "seat", (122.0,))]


def test_money_and_shares_are_read_with_their_multipliers() -> None:
    assert figures("AOL will pay $4.2 billion, or $4.2bn, and dlrs 30 billion later.") == [
        ("$4.2 billion", "USD", (4.2e9,)),
        ("$4.2bn", "USD", (4.2e9,)),
        ("dlrs 30 billion", "USD", (3e10,)),
    ]
    assert figures("Turnout was 62 percent, up from 58%.") == [("62 percent", "%", (62.0,)), ("58%", "%", (58.0,))]


def test_a_vote_or_a_score_is_one_figure_of_two_values() -> None:
    assert figures("The council voted 23 to 14 in favour.") == [("voted 23 to 14", "vote", (23.0, 14.0))]
    assert figures("After the 23-14 vote the mayor spoke.") == [("23-14 vote", "vote", (23.0, 14.0))]


@pytest.mark.parametrize(
    "text",
    [
        "He was arrested on Oct. 16 in London.",
        "The talks ended on 16 October.",
        "It happened in 1998.",
        "The train left at 10:30 and arrived at 3 p.m. on time.",
        "Pinochet, 82, was arrested.",
        "A 45-year-old man was detained.",
        "The 14-year war ended two years later.",
        "It was his 16th visit.",
        "A Boeing 747 landed.",
        "The toll rose from 23 to 25.",
        "Officials met for 3 days.",
    ],
)
def test_dates_times_ages_durations_and_names_are_not_figures(text: str) -> None:
    assert sentence_figures(text, "english") == []


def test_hedges_widen_what_a_figure_allows() -> None:
    at_least, about, exact = (
        only("The fire killed at least 60 people."),
        only("About 180 people were hurt."),
        only("The fire killed 62 people."),
    )
    assert at_least.text == "at least 60 people" and at_least.quantity == Quantity((60.0,), 60.0, None)
    assert about.quantity.low == pytest.approx(153) and about.quantity.high == pytest.approx(207)
    assert at_least.agrees(exact) and not exact.agrees(only("The fire killed 65 people."))
    assert only("More than 200 players were paid.").agrees(only("More than 220 players were paid."))
    assert not only("The council voted 23 to 14.").agrees(only("The council voted 23 to 13."))


def test_other_languages_have_their_own_marks_and_words() -> None:
    assert figures("Bei dem Brand starben mindestens 23 Menschen, der Schaden liegt bei 4,2 Mrd. Euro.", "german") == [
        ("mindestens 23 Menschen", "mensch", (23.0,)),
        ("4,2 Mrd. Euro", "EUR", (4.2e9,)),
    ]
    assert sentence_figures("Am 3. Oktober um 10 Uhr begann die Sitzung.", "german") == []
    assert figures("Le bilan est de 1 500 morts et de 4,5 milliards d'euros.", "french") == [
        ("1 500 morts", "mort", (1500.0,)),
        ("4,5 milliards d'euros", "EUR", (4.5e9,)),
    ]


@pytest.mark.parametrize(
    ("text", "decimal", "value"),
    [("1,500", ".", 1500.0), ("1.500", ",", 1500.0), ("4.2", ".", 4.2), ("4,2", ",", 4.2), ("1,234.5", ".", 1234.5)],
)
def test_numbers_are_read_with_the_language_s_decimal_mark(text: str, decimal: str, value: float) -> None:
    assert parse_number(text, decimal) == value


def test_offsets_point_into_the_text_a_sentence_comes_from() -> None:
    text = "Intro. The blast killed 23 people."
    start = text.index("The")
    figure = only(text[start:])
    [moved] = sentence_figures(text[start:], "english", start)
    assert text[moved.start : moved.end] == figure.text == "23 people"
