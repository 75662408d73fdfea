"""``render``: one briefing to one format."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Any, Literal, overload

import jinja2

from briefing.errors import RenderError
from briefing.models import Briefing, Conflict, Document, Person, Statement, Story
from briefing.options import FORMATS, RenderOptions
from briefing.render.context import template_context
from briefing.render.environment import make_environment, packaged_templates, template_places
from briefing.render.pdf import html_to_pdf
from briefing.statements import who_is_who

TEMPLATES = {"md": "brief.md.j2", "html": "brief.html.j2", "pdf": "brief.pdf.html.j2"}
TextFormat = Literal["md", "html", "json"]


def briefing_to_dict(briefing: Briefing) -> dict[str, Any]:
    """The JSON form of a briefing (the shape the README shows, with a few more fields)."""
    return {key: value if isinstance(value, str) else list(value) for key, value in _json_fields(briefing).items()}


def _json_fields(briefing: Briefing) -> dict[str, str | Iterable[Any]]:
    """The briefing's JSON fields; the long lists made one entry at a time, as they are written."""
    return {
        "title": briefing.title,
        "date": briefing.date.isoformat(),
        "documents": map(_document_to_dict, briefing.documents),
        "stories": map(_story_to_dict, briefing.stories),
        "people": (_person_to_dict(briefing, person) for person in who_is_who(briefing.stories)),
        "warnings": [asdict(w) for w in briefing.warnings],
    }


def json_chunks(briefing: Briefing) -> Iterator[str]:
    """The briefing as JSON, piece by piece: ``json.dumps(briefing_to_dict(briefing), indent=2)``, but
    never held whole, so that an archive's briefing is written in the memory of one story."""
    encode = partial(json.dumps, ensure_ascii=False, indent=2)
    for number, (key, value) in enumerate(_json_fields(briefing).items()):
        yield ("{" if number == 0 else ",") + "\n  " + encode(key) + ": "
        if isinstance(value, str):
            yield encode(value)
            continue
        empty = True
        for item in value:
            yield ("[" if empty else ",") + "\n    " + encode(item).replace("\n", "\n    ")
            empty = False
        yield "[]" if empty else "\n  ]"
    yield "\n}\n"


def _document_to_dict(d: Document) -> dict[str, Any]:
    return {
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


def _story_to_dict(story: Story) -> dict[str, Any]:
    return {
        "title": story.title,
        "headline_source": asdict(story.headline_source) if story.headline_source else None,
        "documents": list(story.documents),
        "first_seen": _day(story.first_seen),
        "previous": [day.isoformat() for day in story.previous],
        "summary": [{**asdict(s), "repeated_from": _day(s.repeated_from)} for s in story.summary],
        "conflicts": [_conflict_to_dict(conflict) for conflict in story.conflicts],
        "statements": [asdict(s) for s in story.statements],
        "profile": story.profile.plain() if story.profile else None,
    }


def _day(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _conflict_to_dict(conflict: Conflict) -> dict[str, Any]:
    """A disagreement: its kind and unit, and each value with the range its wording allows and every mention."""
    return {
        "kind": conflict.kind,
        "unit": conflict.unit,
        "values": [
            {
                "text": value.text,
                **asdict(value.quantity),
                "documents": list(value.documents),
                "mentions": [asdict(mention) for mention in value.mentions],
            }
            for value in conflict.values
        ],
    }


def _person_to_dict(briefing: Briefing, person: Person) -> dict[str, Any]:
    """A who's-who entry; each statement names its story and its place in that story's ``statements``."""

    def place(statement: Statement) -> dict[str, Any]:
        story = next(index for index in person.stories if statement in briefing.stories[index].statements)
        position = briefing.stories[story].statements.index(statement)
        return {"story": story, "statement": position, "text": statement.text, "shown": statement.shown}

    return {
        "name": person.name,
        "title": person.title,
        "stories": list(person.stories),
        "statements": [place(statement) for statement in person.statements],
    }


def fill_template(
    briefing: Briefing, name: str, *, template_dirs: Sequence[str | Path] = (), **settings: Any
) -> tuple[str, jinja2.Template]:
    """The template ``name`` filled with the briefing's context; any template failure is a RenderError."""
    template = _load_template(name, template_dirs)
    return "".join(_template_chunks(template, briefing, template_dirs, **settings)), template


def _load_template(name: str, template_dirs: Sequence[str | Path]) -> jinja2.Template:
    with _template_errors(template_dirs):
        return make_environment(template_dirs).get_template(name)


def _template_chunks(
    template: jinja2.Template, briefing: Briefing, template_dirs: Sequence[str | Path], **settings: Any
) -> Iterator[str]:
    with _template_errors(template_dirs):
        yield from template.generate(template_context(briefing, **settings))


@contextmanager
def _template_errors(template_dirs: Sequence[str | Path]) -> Iterator[None]:
    """Any template failure as a RenderError that says where."""
    try:
        yield
    except jinja2.TemplateNotFound as exc:
        places = ", ".join(map(str, template_places(template_dirs)))
        raise RenderError(f"template {exc.name!r} not found in: {places}") from None
    except jinja2.TemplateSyntaxError as exc:
        raise RenderError(f"template error in {exc.filename or exc.name}, line {exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from None


@overload
def render(briefing: Briefing, fmt: Literal["pdf"], options: RenderOptions | None = None) -> bytes: ...
@overload
def render(briefing: Briefing, fmt: TextFormat, options: RenderOptions | None = None) -> str: ...
@overload
def render(briefing: Briefing, fmt: str, options: RenderOptions | None = None) -> str | bytes: ...
def render(briefing: Briefing, fmt: str, options: RenderOptions | None = None) -> str | bytes:
    """The briefing as ``md``, ``html`` or ``json`` text, or ``pdf`` bytes.

    Templates are looked up in ``options.template_dirs`` first, then among the
    defaults; ``options.page_size`` is the PDF's paper.
    """
    if fmt != "pdf":
        return "".join(render_text(briefing, fmt, options))
    options = options or RenderOptions()
    html, template = fill_template(
        briefing, TEMPLATES[fmt], template_dirs=options.template_dirs, format=fmt, page_size=options.page_size
    )
    base = Path(template.filename).parent if template.filename else packaged_templates()
    return html_to_pdf(html, base, [*options.template_dirs, packaged_templates()])


def render_text(briefing: Briefing, fmt: str, options: RenderOptions | None = None) -> Iterator[str]:
    """:func:`render` of a text format, piece by piece as it is made, for writing a large briefing
    without holding it whole. An unknown format or a template that cannot be loaded is raised here,
    a template that fails on the way while the pieces are taken."""
    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
    if fmt == "pdf":
        raise RenderError("a PDF is not text: render(briefing, 'pdf') makes its bytes")
    options = options or RenderOptions()
    if fmt == "json":
        return json_chunks(briefing)
    template = _load_template(TEMPLATES[fmt], options.template_dirs)
    return _template_chunks(template, briefing, options.template_dirs, format=fmt, page_size=options.page_size)
