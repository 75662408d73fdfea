"""Bad input gives a defined result: odd marks, nothing but quotes, no quotes, long texts, any text at all."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.errors import ConfigError
from briefing.models import Statement
from briefing.statements import extract_statements
from briefing.statements.extract import JOINER
from briefing.statements.quotes import find_quotes
from briefing.text import SUPPORTED_LANGUAGES


def points_into(text: str, statement: Statement) -> bool:
    """Whether each piece of ``statement`` is a span of ``text`` and its text is those pieces joined."""
    spans = statement.spans
    in_order = all(0 <= start < end <= len(text) for start, end in spans) and all(
        first[1] <= second[0] for first, second in itertools.pairwise(spans)
    )
    joined = JOINER.join(text[start:end] for start, end in spans)
    return in_order and joined == statement.text and (statement.start, statement.end) == (spans[0][0], spans[-1][1])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "No quotes here at all, just a plain sentence about the weather.",
        "“",
        "”",
        '"',
        "““““““",
        "”””””",
        '""""""""',
        "“Unclosed quote that runs to the end of the text, he said",
        "A closing mark with no opening one,” she said.",
        "“Nested “quotes” inside “other” quotes,” said Ana Ruiz.",
        "“One” “two” “three” “four” “five” “six” “seven”",
        "He said: “",
        "said said said said",
        "according to",
        "According to , the",
        ", he said.",
        "“…,” he said, “…”",
        "according to   \u201er d a",
        "selon   «",
        "„“ so „ so“",
        "»«»«",
        "laut , zufolge",
        "«», dijo.",
        "” ”, säger hon ”",
    ],
)
@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_odd_input_gives_statements_that_point_into_the_text(text: str, language: str) -> None:
    for statement in extract_statements(text, language=language):
        assert points_into(text, statement)
        assert statement.text.strip()


def test_unbalanced_marks_do_not_swallow_the_next_quote() -> None:
    text = (
        "The report called it “a turning point and moved on.\n"
        "“We will publish the full figures on Friday,” said Dana Okafor.\n"
    )
    quotes = [s for s in extract_statements(text) if s.kind == "direct"]
    assert [q.text for q in quotes][-1] == "We will publish the full figures on Friday"
    assert quotes[-1].speaker == "Dana Okafor"


def test_a_text_that_is_all_quotes() -> None:
    text = "“This whole text is a quote from start to end and nobody is named in it.”"
    (quote,) = extract_statements(text)
    assert quote.kind == "direct"
    assert quote.speaker is None


def test_a_long_text_is_handled_whole() -> None:
    paragraph = (
        "“The reservoir is at its lowest level since records began,” said Hana Sato, the water board chair.\n"
        "Officials said rationing would start in June if the rain did not come.\n"
    )
    text = paragraph * 2000
    statements = extract_statements(text)
    direct = [s for s in statements if s.kind == "direct"]
    assert len(direct) == 2000
    assert {s.speaker for s in direct} == {"Hana Sato"}


_PIECES = st.sampled_from(
    ["“", "”", '"', "‘", "’", "«", "»", "„", "‹", "›", "\n", "\n\n", " ", ",", ".", ":", " said ", " he ", " Tarar ",
     "according to ", "Ms. ", "Minister ", "the minister ", "We will", " act now", "x", "É", "\u00a0", "\u202f",
     " sagte ", " so ", " laut ", " zufolge", " a déclaré ", "-t-il", " selon ", " dijo", " según ", " ha detto ",
     " säger ", " řekl ", " powiedział ", " δήλωσε ", " ο ", "São Paulo", " Der ", " la ", " of the ", " and ",
     "Mr", "NOAA", "(R-Utah)"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=40).map("".join),
    st.sampled_from(SUPPORTED_LANGUAGES),
)
def test_any_text_in_any_language_gives_statements_that_point_into_it(text: str, language: str) -> None:
    """Never an exception, and every offset indexes the text (the pieces of a quote too)."""
    for statement in extract_statements(text, language=language):
        assert points_into(text, statement)
        assert statement.kind in {"direct", "indirect", "claim"}


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from('“”"«»„‹›ab \n,.'), max_size=60),
    st.sampled_from([("“”",), ("„“", "»«", "“”"), ("«»", "‹›"), ("””", "»»")]),
)
def test_quotes_are_ordered_and_never_overlap(text: str, pairs: tuple[str, ...]) -> None:
    quotes = find_quotes(text, pairs)
    for quote in quotes:
        assert quote.opening < quote.start < quote.end <= quote.closing <= len(text)
    for first, second in itertools.pairwise(quotes):
        assert first.closing <= second.opening


@pytest.mark.parametrize("text", ["", "“Some quoted words here,” she said."])
def test_an_unknown_language_is_a_config_error(text: str) -> None:
    with pytest.raises(ConfigError):
        extract_statements(text, language="klingon")


def test_a_long_text_without_full_stops_or_line_breaks() -> None:
    text = "Ana Lopez said “we will rebuild the school before the rains come” and then " * 3000
    direct = [s for s in extract_statements(text) if s.kind == "direct"]
    assert len(direct) == 3000
    assert {s.speaker for s in direct} == {"Ana Lopez"}
