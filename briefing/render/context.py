"""What a template receives: the briefing, with its sources numbered for citation.

The names here are a stable interface: the default templates, user themes and
the e-mail bodies all read them. The README lists each one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import quote, urlsplit

from briefing._version import __version__
from briefing.languages import SUPPORTED_LANGUAGES
from briefing.models import Briefing, ConflictValue, Document, Statement, Story, SummarySentence
from briefing.statements import who_is_who
from briefing.statements.lexicon import lexicon

_MONTHS = (
    *("January", "February", "March", "April", "May", "June"),
    *("July", "August", "September", "October", "November", "December"),
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_URL_SAFE = ":/?#@!$&'*+,;=%~"
"""Characters a link keeps as they are; everything else (spaces, quotes, ``()<>``) is percent-encoded."""


def long_date(day: dt.date | None, *, weekday: bool = False) -> str:
    """``23 November 2026`` (or ``Monday 23 November 2026``): unambiguous, and the same in every locale."""
    if day is None:
        return ""
    text = f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS[day.weekday()]} {text}" if weekday else text


def safe_link(url: str | None) -> str | None:
    """``url`` if it is a web address, percent-encoded so no output format can read more into it; else None.

    Document metadata is untrusted: ``javascript:``, ``file:`` and ``data:`` never become links.
    """
    if not url or any(ord(char) < 32 or ord(char) == 127 for char in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return quote(url, safe=_URL_SAFE)


@dataclass(frozen=True)
class Source:
    """A document as the reader sees it in the list of sources, with its citation number."""

    number: int
    document: Document

    @property
    def label(self) -> str:
        """The outlet, else the title, else where it came from."""
        doc = self.document
        return doc.source or doc.title or doc.path or doc.url or doc.id

    @property
    def headline(self) -> str | None:
        """The document's title when the label is the outlet (so both can be shown)."""
        doc = self.document
        return doc.title if doc.source and doc.title else None

    @property
    def link(self) -> str | None:
        """The document's web address, only if it is safe to link to."""
        return safe_link(self.document.url)

    @property
    def date(self) -> str:
        """The publication date in words, or an empty string."""
        return long_date(self.document.published)


def short_date(day: dt.date | None, today: dt.date) -> str:
    """``28 November``, with its year when that is not ``today``'s: how a brief names a recent day."""
    if day is None:
        return ""
    return long_date(day) if day.year != today.year else f"{day.day} {_MONTHS[day.month - 1]}"


def attribution(statement: Statement) -> str:
    """Who said it and how: ``Maria Jensen, union secretary, said``, ``According to the police``.

    ``Unattributed`` when no speaker is known (``Claim`` for a claim).
    """
    if not statement.speaker:
        return "Claim" if statement.kind == "claim" else "Unattributed"
    who = f"{statement.speaker}, {statement.speaker_title}" if statement.speaker_title else statement.speaker
    cue = statement.cue or ""
    cue = cue[:1].lower() + cue[1:]  # "Said" opened its sentence; "wrote on X" keeps its X
    if cue.startswith("according to"):  # a cue that stands before its speaker
        return f"According to {who}"
    if not cue or cue.split()[0] in _gerunds():  # "…, saying “…”": "Asif, saying" is no sentence
        return who
    return f"{who}, {cue}" if statement.speaker_title else f"{who} {cue}"


@cache
def _gerunds() -> frozenset[str]:
    """Every language's cues that carry a clause on ("saying", "ajoutant", "diciendo")."""
    return frozenset().union(*(lexicon(language).gerunds for language in SUPPORTED_LANGUAGES))


def template_context(briefing: Briefing, **settings: Any) -> dict[str, Any]:
    """The variables every template gets; see the README for what each holds."""
    # Sources are numbered as the reader meets them: story by story, then any left over.
    cited = dict.fromkeys(doc_id for story in briefing.stories for doc_id in story.documents)
    in_order = [briefing.document(doc_id) for doc_id in cited]
    in_order += [doc for doc in briefing.documents if doc.id not in cited]
    sources = {doc.id: Source(number, doc) for number, doc in enumerate(in_order, start=1)}

    def cite(item: SummarySentence | Statement | str) -> Source:
        doc_id = item if isinstance(item, str) else item.document
        return sources[str(doc_id)]

    def story_sources(story: Story) -> list[Source]:
        return [sources[doc_id] for doc_id in story.documents]

    def citations(item: SummarySentence | ConflictValue) -> list[Source]:
        """Every document that carries a summary point or gives a value, by citation number."""
        cited = item.documents if isinstance(item, ConflictValue) else item.sources or (str(item.document),)
        return sorted((sources[doc_id] for doc_id in cited), key=lambda src: src.number)

    def several_outlets(story: Story) -> bool:
        """Whether more than one outlet reports the story (else marking a point "single source" says nothing)."""
        return len({briefing.document(doc_id).outlet for doc_id in story.documents}) > 1

    def first_reported(value: ConflictValue) -> str:
        """The day the first document giving a value was published, as ``28 November``."""
        days = [d for d in (briefing.document(doc_id).published for doc_id in value.documents) if d]
        return short_date(min(days), briefing.date) if days else ""

    return {
        "briefing": briefing,
        "title": briefing.title,
        "date": briefing.date.isoformat(),
        "long_date": long_date(briefing.date, weekday=True),
        "stories": briefing.stories,
        "people": who_is_who(briefing.stories),
        "sources": list(sources.values()),
        "source": cite,
        "story_sources": story_sources,
        "citations": citations,
        "several_outlets": several_outlets,
        "first_reported": first_reported,
        "story_day": lambda story: story.day(briefing.date),
        "day": lambda day: short_date(day, briefing.date),
        "attribution": attribution,
        "warnings": briefing.warnings,
        "generator": f"briefing {__version__}",
        "settings": settings,
    }
