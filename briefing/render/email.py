"""The body of the daily e-mail: the briefing as plain text and as HTML, from templates.

Both bodies carry the whole briefing, so it reads well in a mail client that
never opens the attached PDF.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from briefing.models import Briefing
from briefing.render.core import fill_template

TEMPLATES = ("email.txt.j2", "email.html.j2")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
"""Control characters other than tab and newline: nothing a message body should carry."""


def render_email(briefing: Briefing, *, template_dirs: Sequence[str | Path] = ()) -> tuple[str, str]:
    """The plain-text and HTML bodies of the e-mail that carries ``briefing``."""
    text, html = (
        fill_template(briefing, name, template_dirs=template_dirs, format="html", page_size="A4", email=True)[0]
        for name in TEMPLATES
    )
    return _CONTROL.sub("", text), _CONTROL.sub("", html)
