"""Statements in every supported language: each press's quotation marks, cues and speakers.

The fixtures under ``fixtures/quotes`` are articles written for this project
in the styles of the German, French, Spanish and English press, with every
direct quote and its speaker marked; ``benchmarks/quote_fixtures.py`` scores
them, and these floors keep a change from lowering the scores silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.quote_fixtures import read_fixture, score
from briefing.models import Statement
from briefing.statements import extract_statements

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"
FLOORS = {"english": (0.95, 0.9), "german": (0.95, 0.95), "french": (0.95, 0.95), "spanish": (0.95, 0.9)}
"""F1 of direct quotes and share of right speakers each fixture must keep."""


def quotes(text: str, language: str) -> list[Statement]:
    return [s for s in extract_statements(text, language=language) if s.kind == "direct"]


@pytest.mark.parametrize("language", FLOORS)
def test_quotes_and_speakers_in_the_style_of_each_press(language: str) -> None:
    found = score(read_fixture(FIXTURES / f"{language}.txt"))
    f1, speakers = FLOORS[language]
    assert found.gold >= 24
    assert found.f1 >= f1, found.mistakes
    assert found.speaker_accuracy >= speakers, found.mistakes
    assert found.invented == 0, found.mistakes


@pytest.mark.parametrize(
    ("language", "text", "said", "speaker"),
    [
        ("german", "„Wir bauen weiter“, sagte Bürgermeisterin Eva Roth am Montag.", "Wir bauen weiter", "Eva Roth"),
        ("german", "»Das war knapp«, so Trainer Jan Vogt.", "Das war knapp", "Jan Vogt"),
        (
            "french",
            "«\u00a0Nous tiendrons bon\u00a0», a déclaré la maire, Claire Roux.",
            "Nous tiendrons bon",
            "Claire Roux",
        ),
        ("spanish", "«No habrá recortes», afirmó la ministra Ana Gil.", "No habrá recortes", "Ana Gil"),
        ("italian", "«Non ci fermeremo», ha detto il sindaco Marco Neri.", "Non ci fermeremo", "Marco Neri"),
        (
            "portuguese",
            "“Vamos investir no porto”, disse o prefeito João Lima.",
            "Vamos investir no porto",
            "João Lima",
        ),
        ("swedish", "”Vi bygger ut spårvägen”, säger kommunalrådet Eva Berg.", "Vi bygger ut spårvägen", "Eva Berg"),
        ("czech", "„Rozpočet je vyrovnaný,“ řekl ministr Jan Novák.", "Rozpočet je vyrovnaný", "Jan Novák"),
        (
            "polish",
            "„Nie podniesiemy podatków” – powiedział minister Jan Kowalski.",
            "Nie podniesiemy podatków",
            "Jan Kowalski",
        ),
        (
            "greek",
            "«Θα στηρίξουμε τους αγρότες», δήλωσε ο υπουργός Νίκος Παππάς.",
            "Θα στηρίξουμε τους αγρότες",
            "Νίκος Παππάς",
        ),
    ],
)
def test_each_language_reads_its_own_marks_cues_and_titles(language: str, text: str, said: str, speaker: str) -> None:
    (quote,) = quotes(text, language)
    assert (quote.text, quote.speaker) == (said, speaker)


def test_german_marks_are_not_read_inside_out() -> None:
    text = (
        "»Die Preise steigen«, sagt Fabian Stenger, der Deutschland-Chef des Unternehmens. Das spüren die Kunden. "
        "»Wir können das nicht vollständig auffangen«, sagt Stenger. Und das sei erst der Anfang."
    )
    found = quotes(text, "german")
    assert [q.text for q in found] == ["Die Preise steigen", "Wir können das nicht vollständig auffangen"]
    assert {(q.speaker, q.speaker_title) for q in found} == {("Fabian Stenger", "Deutschland-Chef des Unternehmens")}


def test_straight_and_curly_marks_mixed_pair_quote_by_quote() -> None:
    text = (
        '„Wir streiken ab Montag", sagte die Gewerkschafterin Lea Kraus. Die Bahn reagierte gelassen. '
        "„Ein Notfahrplan steht bereit“, sagte ein Bahnsprecher. "
        '"Die Fahrgäste werden informiert", fügte er hinzu.'
    )
    found = quotes(text, "german")
    assert [q.text for q in found] == [
        "Wir streiken ab Montag",
        "Ein Notfahrplan steht bereit",
        "Die Fahrgäste werden informiert",
    ]
    assert [q.speaker for q in found] == ["Lea Kraus", "ein Bahnsprecher", "ein Bahnsprecher"]


def test_french_spaces_inside_the_marks_and_the_pronoun_on_the_verb() -> None:
    text = (
        "La présidente de la région, Carole Delga, a présenté le plan. "
        "«\u202fC’est une étape décisive\u202f», a-t-elle affirmé. «\u00a0Nous irons plus loin\u00a0», dit-elle."
    )
    found = quotes(text, "french")
    assert [(q.text, q.speaker) for q in found] == [
        ("C’est une étape décisive", "Carole Delga"),
        ("Nous irons plus loin", "Carole Delga"),
    ]


def test_a_spanish_cue_with_no_subject_is_the_person_before() -> None:
    text = (
        "El alcalde de Valencia, Joan Ribó, visitó el barrio inundado. «Vamos a reconstruir cada casa», dijo. "
        "La vecina Rosa Martí lo escuchó en silencio. «Lo hemos perdido todo», lamentó."
    )
    assert [q.speaker for q in quotes(text, "spanish")] == ["Joan Ribó", "Rosa Martí"]


def test_a_headline_question_in_marks_is_no_statement_in_any_language() -> None:
    for language, text in [
        ("german", "»Wie lange soll das noch gehen?«\nDie Gewerkschaft streikt erneut."),
        ("french", "«\u00a0Faut-il relancer le nucléaire\u00a0?\u00a0»\nLe gouvernement a tranché."),
        ("spanish", "«¿Quién va a atender a nuestros mayores?»\nFaltan enfermeras."),
    ]:
        assert quotes(text, language) == []
