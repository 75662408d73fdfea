"""Key statements of a story: names resolved across documents, nothing the summary says, nothing twice."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.models import Document, Statement, SummarySentence
from briefing.statements import story_statements

FIRST = Document(
    id="talks-collapse",
    text=(
        "Information Minister Attaullah Tarar announced on Tuesday that the talks had ended.\n"
        "“The other side walked away from a text that was ready to sign,” Tarar said.\n"
    ),
)
SECOND = Document(
    id="talks-reaction",
    text=(
        "The government reacted sharply to the collapse of the talks on Wednesday.\n"
        "“We will defend our borders with everything we have,” Tarar told reporters.\n"
        "“The other side walked away from a text that was ready to sign,” Tarar said again.\n"
    ),
)


def shown(documents: Sequence[Document], summary: Sequence[SummarySentence], **options: int) -> list[Statement]:
    return [statement for statement in story_statements(documents, summary, **options) if statement.shown]


def test_a_surname_in_one_document_gets_the_full_name_from_another() -> None:
    statements = story_statements([FIRST, SECOND], [])
    borders = next(s for s in statements if "defend our borders" in s.text)
    assert borders.document == "talks-reaction"
    assert (borders.speaker, borders.speaker_title) == ("Attaullah Tarar", "Information Minister")


def test_every_statement_names_its_document_and_points_into_it() -> None:
    documents = {doc.id: doc for doc in (FIRST, SECOND)}
    statements = story_statements([FIRST, SECOND], [])
    assert statements
    for statement in statements:
        assert statement.document is not None
        assert documents[statement.document].text[statement.start : statement.end] == statement.text


def test_every_statement_is_kept_ranked_and_a_limited_number_shown() -> None:
    statements = story_statements([FIRST, SECOND], [], limit=2)
    assert len(statements) > 2
    assert [s.score for s in statements] == sorted((s.score for s in statements), reverse=True)
    assert sum(s.shown for s in statements) == 2
    assert not any(s.shown for s in story_statements([FIRST, SECOND], [], limit=0))


def test_each_document_is_read_in_its_own_language() -> None:
    german = Document(
        id="gespraeche",
        text="„Die andere Seite hat einen fertigen Text verlassen“, sagte Informationsminister Attaullah Tarar.\n",
        language="german",
    )
    (quote,) = [s for s in story_statements([german, FIRST], []) if s.document == german.id and s.kind == "direct"]
    assert quote.text == "Die andere Seite hat einen fertigen Text verlassen"
    assert (quote.speaker, quote.speaker_title) == ("Attaullah Tarar", "Informationsminister")


def test_the_same_quote_in_two_reports_comes_once() -> None:
    statements = shown([FIRST, SECOND], [])
    assert sum("walked away from a text" in s.text for s in statements) == 1


def test_a_quote_the_summary_carries_is_not_repeated() -> None:
    start = SECOND.text.index("“We will defend")
    end = SECOND.text.index("\n", start)
    carried = SummarySentence(text=SECOND.text[start:end], start=start, end=end, score=1.0, document=SECOND.id)
    statements = shown([FIRST, SECOND], [carried])
    assert not any("defend our borders" in s.text for s in statements)
    assert any("walked away" in s.text for s in statements)
    kept = [s for s in story_statements([FIRST, SECOND], [carried]) if "defend our borders" in s.text]
    assert [s.shown for s in kept] == [False]  # still in the JSON, only not shown again


def test_a_quote_the_summary_carries_from_another_report_is_not_repeated() -> None:
    start = FIRST.text.index("“The other side")
    end = FIRST.text.index("\n", start)
    carried = SummarySentence(text=FIRST.text[start:end], start=start, end=end, score=1.0, document=FIRST.id)
    statements = shown([FIRST, SECOND], [carried])
    assert not any("walked away" in s.text for s in statements)


def test_a_quote_the_summary_tells_in_other_words_is_not_repeated() -> None:
    told = "Tarar said the other side had walked away from a text that was ready to sign."
    carried = SummarySentence(text=told, start=0, end=len(told), score=1.0, document="another-report")
    statements = shown([FIRST, SECOND], [carried])
    assert not any("walked away" in s.text for s in statements)
    assert any("defend our borders" in s.text for s in statements)


def test_one_voice_does_not_take_every_place() -> None:
    many = Document(
        id="many",
        text="".join(
            f"“This is the {n}th point I want to make about the harbour plan today,” Mayor Rita Osei said.\n"
            for n in range(5, 12)
        )
        + "“The harbour plan will cost far more than the council admits,” said Karl Brandt, an engineer.\n",
    )
    statements = shown([many], [], limit=3)
    assert "Karl Brandt" in {s.speaker for s in statements}


def test_no_documents_no_statements() -> None:
    assert story_statements([], []) == []
