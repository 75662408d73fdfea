"""``render``: one briefing to one format."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import jinja2

from briefing.errors import RenderError
from briefing.models import Briefing
from briefing.render.context import template_context
from briefing.render.environment import make_environment, packaged_templates
from briefing.render.pdf import html_to_pdf

FORMATS = ("md", "html", "pdf", "json")
TEMPLATES = {"md": "brief.md.j2", "html": "brief.html.j2", "pdf": "brief.html.j2"}


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    """The JSON form of a briefing (the shape in DESIGN.md, with a few more fields)."""
    return {
        "title": briefing.title,
        "date": briefing.date.isoformat(),
        "documents": [
            {
                "id": d.id,
                "title": d.title,
                "source": d.source,
                "path": d.path,
                "url": d.url,
                "published": d.published.isoformat() if d.published else None,
                "author": d.author,
                "language": d.language,
                "duplicates": list(d.duplicates),
            }
            for d in briefing.documents
        ],
        "stories": [
            {
                "title": story.title,
                "documents": list(story.documents),
                "summary": [asdict(s) for s in story.summary],
                "statements": [asdict(s) for s in story.statements],
            }
            for story in briefing.stories
        ],
        "warnings": [asdict(w) for w in briefing.warnings],
    }


def render(
    briefing: Briefing,
    fmt: str,
    *,
    template_dirs: Sequence[str | Path] = (),
    page_size: str = "A4",
) -> str | bytes:
    """The briefing as ``md``, ``html`` or ``json`` text, or ``pdf`` bytes."""
    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt == "json":
        return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2) + "\n"
    env = make_environment(template_dirs)
    try:
        template = env.get_template(TEMPLATES[fmt])
        text = template.render(template_context(briefing, format=fmt, page_size=page_size))
    except jinja2.TemplateNotFound as exc:
        searched = [*map(str, template_dirs), str(packaged_templates())]
        raise RenderError(f"template {exc.name!r} not found in: {', '.join(searched)}") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from None
    if fmt == "pdf":
        return html_to_pdf(text, packaged_templates())
    return text
