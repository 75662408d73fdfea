"""Summaries of one text: every method, every length, every language, and bad input."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest
from scipy.sparse import random as sparse_random

from briefing.errors import ConfigError
from briefing.summarize import DEFAULT_METHOD, METHODS, summarize
from briefing.summarize.lexrank import lexrank
from briefing.summarize.methods import sumy_method
from briefing.summarize.news import directed_centrality
from briefing.summarize.pool import Pool
from briefing.text import SUPPORTED_LANGUAGES, split_sentences

HARBOUR = """Harbour bridge to close for repairs
The city council voted on Monday to close the Harbour Bridge for six weeks of urgent repairs.
Engineers found cracks in two steel cables during a routine inspection in March.
The bridge carries about 40,000 vehicles a day between the old town and the port.
Buses will be diverted through the tunnel, adding twenty minutes to most journeys.
Shop owners in the old town said the closure would hurt trade before the summer.
"We cannot take risks with a structure this old," the mayor told reporters.
The repairs will cost an estimated 12 million euros, paid from the transport budget.
Cyclists and pedestrians will still be allowed to cross on the eastern walkway.
The council said the cables would be replaced one at a time to keep the walkway open.
Work is due to start on 1 June and to finish by mid-July.
A second inspection of the bridge cables is planned for next year.
"""


def _check_spans(text: str, picked: list) -> None:
    assert [s.start for s in picked] == sorted(s.start for s in picked)
    for sentence in picked:
        assert text[sentence.start : sentence.end] == sentence.text


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_picks_the_asked_number_of_real_sentences(method: str) -> None:
    picked = summarize(HARBOUR, method=method, sentences=3)
    assert len(picked) == 3
    assert len({s.start for s in picked}) == 3
    _check_spans(HARBOUR, picked)


def test_method_names_are_the_documented_ones() -> None:
    assert set(METHODS) == {
        "news",
        "lead",
        "lexrank",
        "textrank",
        "lsa",
        "luhn",
        "edmundson",
        "sumbasic",
        "kl",
        "reduction",
    }
    assert DEFAULT_METHOD == "news"


def test_lead_takes_the_first_sentences() -> None:
    picked = summarize(HARBOUR, method="lead", sentences=2)
    assert [s.text for s in picked] == [
        "Harbour bridge to close for repairs",
        "The city council voted on Monday to close the Harbour Bridge for six weeks of urgent repairs.",
    ]


def test_default_leads_with_the_news_not_the_headline() -> None:
    picked = summarize(HARBOUR, sentences=3)
    assert picked[0].text.startswith("The city council voted on Monday")
    assert all(s.text != "Harbour bridge to close for repairs" for s in picked)


def test_default_picks_caption_lines_only_when_the_prose_runs_out() -> None:
    caption = "Pictured: the Harbour Bridge repairs and the council vote\n"
    captioned = HARBOUR.replace("Buses will be diverted", caption + "Buses will be diverted")
    assert all(not s.text.startswith("Pictured") for s in summarize(captioned, sentences=11))
    assert any(s.text.startswith("Pictured") for s in summarize(captioned, sentences=12))


def test_default_skips_a_sentence_that_repeats_a_chosen_one() -> None:
    repeated = HARBOUR.replace(
        "Engineers found cracks",
        "The city council voted on Monday to close the Harbour Bridge for six weeks of repairs. Engineers found cracks",
    )
    picked = summarize(repeated, sentences=4)
    assert sum("voted on Monday to close" in s.text for s in picked) == 1


def test_a_long_summary_reaches_past_the_lead_for_what_the_text_keeps_returning_to() -> None:
    picked = summarize(HARBOUR, sentences=5)
    assert any("cables" in s.text for s in picked[3:])


@pytest.mark.parametrize(
    ("options", "count"),
    [({"sentences": 4}, 4), ({"ratio": 0.5}, 6), ({"words": 30}, 2), ({}, 5), ({"sentences": 50}, 12)],
)
def test_length_by_sentences_words_or_ratio(options: dict, count: int) -> None:
    assert len(summarize(HARBOUR, **options)) == count


@pytest.mark.parametrize("options", [{"sentences": 0}, {"ratio": 1.5}, {"words": -3}, {"sentences": 2, "ratio": 0.5}])
def test_impossible_lengths_are_config_errors(options: dict) -> None:
    with pytest.raises(ConfigError):
        summarize(HARBOUR, **options)


def test_unknown_method_and_language_are_config_errors_that_list_the_choices() -> None:
    with pytest.raises(ConfigError, match="lexrank"):
        summarize(HARBOUR, method="bert")
    with pytest.raises(ConfigError, match="english"):
        summarize(HARBOUR, language="klingon")


def test_method_names_ignore_case_and_spaces() -> None:
    assert summarize(HARBOUR, method=" LexRank ", sentences=2)


FRENCH = (
    "Le conseil municipal a voté lundi la fermeture du pont du port pour six semaines. "
    "Des ingénieurs ont trouvé des fissures dans deux câbles du pont. "
    "Les bus passeront par le tunnel pendant les travaux. "
    "Les commerçants craignent une baisse de leurs ventes avant l'été."
)


@pytest.mark.parametrize("language", SUPPORTED_LANGUAGES)
def test_every_supported_language_has_stop_words_and_a_stemmer(language: str) -> None:
    picked = summarize(FRENCH, sentences=2, language=language)
    assert len(picked) == 2
    _check_spans(FRENCH, picked)


@pytest.mark.parametrize("method", ["news", "lexrank", "luhn"])
def test_non_english_text_through_sumy_and_ours(method: str) -> None:
    picked = summarize(FRENCH, method=method, sentences=2, language="french")
    assert len(picked) == 2


@pytest.mark.parametrize("method", sorted(METHODS))
@pytest.mark.parametrize("text", ["", "   \n\n ", "!!! ??? ... ---", "Only one sentence here.", "The the. A a. Of of."])
def test_bad_input_gives_a_defined_result(method: str, text: str) -> None:
    picked = summarize(text, method=method, sentences=3)
    assert len(picked) <= 3
    _check_spans(text, picked)
    if not any(ch.isalnum() for ch in text):
        assert picked == []


def test_a_hundred_thousand_sentences_with_the_default_method() -> None:
    text = "\n".join(f"Report {n} says the river rose by {n % 97} centimetres overnight." for n in range(100_000))
    picked = summarize(text, sentences=5)
    assert len(picked) == 5
    _check_spans(text, picked)


def test_slow_sumy_methods_refuse_huge_texts_instead_of_running_for_hours() -> None:
    text = " ".join(f"Sentence number {n} is here." for n in range(1_500))
    with pytest.raises(ConfigError, match="news"):
        summarize(text, method="textrank")


def test_directed_centrality_equals_the_sum_it_stands_for() -> None:
    matrix = sparse_random(30, 50, density=0.2, format="csr", random_state=1)
    starts = np.array([0, 7, 20])
    backward = -0.7
    similarity = (matrix @ matrix.T).toarray()
    segment = np.repeat(np.arange(3), np.diff(np.append(starts, 30)))
    expected = np.zeros(30)
    for i in range(30):
        for j in range(30):
            if i == j:
                continue
            if segment[i] != segment[j] or j > i:
                expected[i] += similarity[i, j]
            else:
                expected[i] += backward * similarity[i, j]
    assert np.allclose(directed_centrality(matrix, starts, backward), expected)


def test_importing_the_package_does_not_import_the_heavy_libraries() -> None:
    code = (
        "import sys, briefing.summarize; "
        "print(sorted(m for m in ('numpy', 'scipy', 'nltk', 'sumy', 'snowballstemmer') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


_NEWS_WORDS = (
    "council bridge river flood minister police court judge market shares profit bank election vote "
    "party leader strike union workers school teachers hospital doctors fire crews storm rain town "
    "city port road rail trains airport prices fuel energy power plant report inquiry trial verdict"
)


def _generated_news(sentences: int, seed: int) -> str:
    """Sentences of words drawn from a small vocabulary, some words far more common than others."""
    vocabulary = _NEWS_WORDS.split()
    rng = random.Random(seed)
    lines = []
    for _ in range(sentences):
        chosen = rng.choices(vocabulary, weights=range(len(vocabulary), 0, -1), k=rng.randint(5, 14))
        lines.append("The " + " and the ".join(chosen) + " were named today.")
    return " ".join(lines)


@pytest.mark.parametrize(("size", "seed"), [(30, 1), (30, 2), (100, 3), (300, 4)])
def test_fast_lexrank_picks_what_sumys_lexrank_picks(size: int, seed: int) -> None:
    pool = Pool(split_sentences(_generated_news(size, seed)))
    sumys = sumy_method("lexrank")
    for k in (1, 5, 10):
        assert sorted(index for index, _ in lexrank(pool, k)) == sorted(index for index, _ in sumys(pool, k))


def test_fast_lexrank_ranks_texts_too_long_for_sumys() -> None:
    text = _generated_news(1_500, 5)
    assert len(summarize(text, method="lexrank", sentences=5)) == 5


def test_a_sentence_that_points_back_is_not_picked_without_its_antecedent(monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.summarize import news

    text = (
        "The harbour council approved the tram plan on Tuesday after a long debate.\n"
        "Mayor Helena Okafor backed the tram plan for the harbour district.\n"
        "The opposition said the harbour tram plan would cost too much.\n"
        "Shopkeepers asked for help while the street is dug up.\n"
        "Engineers will survey the quay in January before any digging.\n"
        "He called the harbour tram plan the council's best decision in years.\n"
        "The harbour tram plan will be paid for mostly by a national grant.\n"
    )
    picked = [s.text for s in summarize(text, sentences=4)]
    assert not any(sentence.startswith("He ") for sentence in picked)
    monkeypatch.setattr(news, "_BACK_REFERENCES", {})
    assert any(s.text.startswith("He ") for s in summarize(text, sentences=4))
