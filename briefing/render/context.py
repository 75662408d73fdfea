"""What a template receives: the briefing, with its sources numbered for citation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing.models import Briefing, Document, Story, SummarySentence


@dataclass(frozen=True)
class Source:
    """A document as the reader sees it in the list of sources, with its citation number."""

    number: int
    document: Document

    @property
    def label(self) -> str:
        doc = self.document
        return doc.source or doc.title or doc.path or doc.url or doc.id


def template_context(briefing: Briefing, **settings: Any) -> dict[str, Any]:
    """The variables every template gets; see the README for what each holds."""
    sources = {doc.id: Source(number, doc) for number, doc in enumerate(briefing.documents, start=1)}

    def cite(item: SummarySentence | Story | str) -> Source:
        doc_id = item if isinstance(item, str) else getattr(item, "document", None)
        return sources[str(doc_id)]

    return {
        "briefing": briefing,
        "title": briefing.title,
        "date": briefing.date.isoformat(),
        "stories": briefing.stories,
        "sources": list(sources.values()),
        "source": cite,
        "warnings": briefing.warnings,
        "settings": settings,
    }
