"""The body of the daily e-mail: the briefing as plain text and as HTML, from templates.

Both bodies carry the whole briefing, so it reads well in a mail client that
never opens the attached PDF.
"""

from __future__ import annotations

from briefing.models import Briefing
from briefing.options import RenderOptions
from briefing.render.core import fill_template
from briefing.text.controls import without_controls

TEMPLATES = ("email.txt.j2", "email.html.j2")


def render_email(briefing: Briefing, options: RenderOptions | None = None) -> tuple[str, str]:
    """The plain-text and HTML bodies of the e-mail that carries ``briefing``."""
    options = options or RenderOptions()
    text, html = (
        fill_template(
            briefing, name, template_dirs=options.template_dirs, format="html", page_size=options.page_size, email=True
        )[0]
        for name in TEMPLATES
    )
    return without_controls(text), without_controls(html)
