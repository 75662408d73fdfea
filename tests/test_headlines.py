"""Story headlines: titles without the site's furniture, or the lead without its dateline, cut at a clause."""

from __future__ import annotations

import pytest

from briefing.models import Document, HeadlineSource
from briefing.summarize import story_headline, story_title
from briefing.summarize.headline import site_furniture_removed


@pytest.mark.parametrize(
    ("lead", "language", "headline"),
    [
        (
            "MUNICH, Germany (AP) _ Prosecutors in Munich have asked for a 20-day extension to present"
            " evidence against the former bank chief, his lawyer said on Friday.",
            "english",
            "Prosecutors in Munich have asked for a 20-day extension to present evidence",
        ),
        (
            "ISLAMABAD: The defence minister on Wednesday warned the border militias that any new"
            " attack would be answered, his office said.",
            "english",
            "The defence minister on Wednesday warned the border militias that any new attack would be answered",
        ),
        (
            "WASHINGTON (Reuters) - The Senate passed a bill on Tuesday to keep the government open.",
            "english",
            "The Senate passed a bill on Tuesday to keep the government open",
        ),
        (
            "PARIS, 3 mars (AFP) - Le gouvernement a annoncé mardi une hausse de 5 % du budget de la"
            " culture pour l'an prochain, selon le ministère.",
            "french",
            "Le gouvernement a annoncé mardi une hausse de 5 % du budget",
        ),
        (
            "BERLIN (dpa) - Die Regierung will die Förderung für Wärmepumpen im kommenden Jahr deutlich"
            " erhöhen, wie das Ministerium mitteilte.",
            "german",
            "Die Regierung will die Förderung für Wärmepumpen im kommenden Jahr deutlich erhöhen",
        ),
    ],
    ids=["ap", "colon", "reuters", "afp-french", "dpa-german"],
)
def test_a_headline_from_the_lead_drops_the_dateline_and_ends_at_a_clause(
    lead: str, language: str, headline: str
) -> None:
    doc = Document(id="d", text=lead, language=language)
    text, source = story_headline([doc])
    assert text == headline
    assert source == HeadlineSource(document="d", kind="sentence", start=source.start, end=source.end)
    assert source.start is not None and doc.text[source.start : source.end] == headline


def test_a_long_lead_without_a_clause_boundary_is_cut_before_a_phrase_not_inside_one() -> None:
    lead = "Floodwater cut off the mountain town of Valdora on Tuesday after record rainfall swelled the river."
    assert story_title([Document(id="d", text=lead)]) == "Floodwater cut off the mountain town of Valdora on Tuesday"
    warning = (
        "Pakistan's defence minister on Wednesday issued a stark warning to the neighbouring rulers about"
        " attacks on the border posts."
    )
    assert story_title([Document(id="w", text=warning)]) == (
        "Pakistan's defence minister on Wednesday issued a stark warning to the neighbouring rulers"
    )


def test_a_short_lead_is_the_headline_whole() -> None:
    assert story_title([Document(id="s", text="The bridge reopened on Friday.")]) == "The bridge reopened on Friday"


SITE = Document(id="x", text="Text.", source="The Averley Courier", url="https://www.dw.com/en/story")


@pytest.mark.parametrize(
    ("title", "cleaned"),
    [
        ("Parliament votes on pensions | DW | 19.01.2020", "Parliament votes on pensions"),
        ("Senate passes stopgap bill - Reuters", "Senate passes stopgap bill"),
        ("Council backs harbour tram | Kulu Media", "Council backs harbour tram"),
        ("Court rules against the ministry — The Guardian", "Court rules against the ministry"),
        ("Tram line approved - The Averley Courier", "Tram line approved"),  # the document's source
        ("Pension reform explained – dw.com", "Pension reform explained"),
        ("Pension reform explained - DW", "Pension reform explained"),  # the URL's host
        ("Ministers need a rest - Okafor", "Ministers need a rest - Okafor"),  # a real part after a dash
        ("Brexit - what happens next", "Brexit - what happens next"),
        ("Averley - Kingsford City", "Averley - Kingsford City"),
        ("Bridge\r\nreopens\x00 today ", "Bridge reopens today"),
    ],
)
def test_site_furniture_is_cut_from_titles_by_its_shape(title: str, cleaned: str) -> None:
    assert site_furniture_removed(title, SITE) == cleaned


def test_an_ending_that_several_titles_of_the_story_share_is_the_sites() -> None:
    first = Document(id="a", text="The tram line was approved.", title="Tram line approved - Okafor")
    second = Document(id="b", text="Councillors voted for the tram.", title="Tram vote ends late - Okafor")
    assert story_title([first]) == "Tram line approved - Okafor"
    assert story_title([first, second]) in {"Tram line approved", "Tram vote ends late"}


def test_the_headline_is_the_most_central_documents_title_and_says_so() -> None:
    chess = Document(id="c", text="She won the chess final.", title="Teenager wins chess title | Kulu Media")
    text, source = story_headline([chess])
    assert (text, source) == ("Teenager wins chess title", HeadlineSource(document="c", kind="title"))


def test_without_title_or_words_the_headline_says_so() -> None:
    assert story_headline([]) == ("Untitled story", None)
    assert story_headline([Document(id="z", text="   ")]) == ("Untitled story", None)
    assert story_title([Document(id="p", text="— — —")]) == "Untitled story"
