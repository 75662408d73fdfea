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
from briefing.render.environment import make_environment, packaged_templates, template_places
from briefing.render.pdf import html_to_pdf

FORMATS = ("md", "html", "pdf", "json")
TEMPLATES = {"md": "brief.md.j2", "html": "brief.html.j2", "pdf": "brief.pdf.html.j2"}
PAGE_SIZES = {"a4": "A4", "letter": "Letter"}


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
                "headline_source": asdict(story.headline_source) if story.headline_source else None,
                "documents": list(story.documents),
                "summary": [asdict(s) for s in story.summary],
                "statements": [asdict(s) for s in story.statements],
            }
            for story in briefing.stories
        ],
        "warnings": [asdict(w) for w in briefing.warnings],
    }


def fill_template(
    briefing: Briefing, name: str, *, template_dirs: Sequence[str | Path] = (), **settings: Any
) -> tuple[str, jinja2.Template]:
    """The template ``name`` filled with the briefing's context; any template failure is a RenderError."""
    env = make_environment(template_dirs)
    try:
        template = env.get_template(name)
        return template.render(template_context(briefing, **settings)), template
    except jinja2.TemplateNotFound as exc:
        places = ", ".join(map(str, template_places(template_dirs)))
        raise RenderError(f"template {exc.name!r} not found in: {places}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template error in {exc.filename or exc.name}, line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from None


def render(
    briefing: Briefing,
    fmt: str,
    *,
    template_dirs: Sequence[str | Path] = (),
    page_size: str = "A4",
) -> str | bytes:
    """The briefing as ``md``, ``html`` or ``json`` text, or ``pdf`` bytes.

    Templates are looked up in ``template_dirs`` first, then among the defaults;
    ``page_size`` (``A4`` or ``Letter``) is the PDF's paper.
    """
    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if page_size.lower() not in PAGE_SIZES:
        raise RenderError(f"unknown page size {page_size!r}; choose one of: {', '.join(PAGE_SIZES.values())}")
    if fmt == "json":
        return json.dumps(briefing_to_dict(briefing), ensure_ascii=False, indent=2) + "\n"
    text, template = fill_template(
        briefing, TEMPLATES[fmt], template_dirs=template_dirs, format=fmt, page_size=PAGE_SIZES[page_size.lower()]
    )
    if fmt == "pdf":
        base = Path(template.filename).parent if template.filename else packaged_templates()
        return html_to_pdf(text, base, [*map(Path, template_dirs), packaged_templates()])
    return text
