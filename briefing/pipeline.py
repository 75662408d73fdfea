"""The whole job as one function: load, group, summarise, extract, assemble."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from os import PathLike

from briefing.errors import NoInputError
from briefing.loaders import LoadOptions, load_documents
from briefing.models import Briefing, Document, InputWarning, Story
from briefing.statements import story_statements
from briefing.summarize import group_stories, story_title, summarize_story
from briefing.text import check_language


def assemble_briefing(
    documents: Sequence[Document],
    *,
    title: str = "Briefing",
    date: dt.date,
    warnings: Sequence[InputWarning] = (),
    method: str | None = None,
    sentences: int | None = None,
    language: str = "english",
) -> Briefing:
    """A briefing of documents already loaded: one story per event, summarised, the most reported first."""
    language = check_language(language)
    stories = []
    # The story more outlets report comes first; ties keep the order documents arrived in.
    for group in sorted(group_stories(documents), key=len, reverse=True):
        summary = summarize_story(group, method=method, sentences=sentences, language=language)
        stories.append(
            Story(
                title=story_title(group),
                documents=tuple(doc.id for doc in group),
                summary=tuple(summary),
                statements=tuple(story_statements(group, summary, language=language)),
            )
        )
    return Briefing(
        title=title, date=date, documents=tuple(documents), stories=tuple(stories), warnings=tuple(warnings)
    )


def build_briefing(
    inputs: Sequence[str | PathLike[str]],
    *,
    title: str = "Briefing",
    date: dt.date,
    method: str | None = None,
    sentences: int | None = None,
    language: str = "english",
    on_warning: Callable[[InputWarning], None] | None = None,
    load_options: LoadOptions | None = None,
) -> Briefing:
    """Load ``inputs`` and brief them; raises :class:`NoInputError` when none was usable.

    ``date`` is required so that the same inputs always give the same briefing;
    ``on_warning`` hears of each input left out as soon as it is found;
    ``load_options`` caps each input's size and a URL's time.
    """
    check_language(language)
    loaded = load_documents(inputs, on_warning=on_warning, options=load_options)
    if not loaded.documents:
        count = len(loaded.warnings)
        raise NoInputError(f"no usable input: all {count} input{'s' if count != 1 else ''} were left out")
    return assemble_briefing(
        loaded.documents,
        title=title,
        date=date,
        warnings=loaded.warnings,
        method=method,
        sentences=sentences,
        language=language,
    )
