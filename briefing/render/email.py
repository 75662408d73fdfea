"""The body of the daily e-mail: the briefing as plain text and as HTML, from templates.

Both bodies carry the whole briefing, so it reads well in a mail client that
never opens the attached PDF.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import jinja2

from briefing.errors import RenderError
from briefing.models import Briefing
from briefing.render.context import template_context
from briefing.render.environment import make_environment, packaged_templates

TEMPLATES = ("email.txt.j2", "email.html.j2")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
"""Control characters other than tab and newline: nothing a message body should carry."""


def render_email(briefing: Briefing, *, template_dirs: Sequence[str | Path] = ()) -> tuple[str, str]:
    """The plain-text and HTML bodies of the e-mail that carries ``briefing``."""
    env = make_environment(template_dirs)
    context = template_context(briefing, format="html", page_size="A4", email=True)
    try:
        text, html = (env.get_template(name).render(context) for name in TEMPLATES)
    except jinja2.TemplateNotFound as exc:
        searched = [*map(str, template_dirs), str(packaged_templates())]
        raise RenderError(f"template {exc.name!r} not found in: {', '.join(searched)}") from None
    except jinja2.TemplateError as exc:
        raise RenderError(f"template error: {exc}") from None
    return _CONTROL.sub("", text), _CONTROL.sub("", html)
