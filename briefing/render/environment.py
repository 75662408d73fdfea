"""The Jinja2 environment: the loader chain, escaping, and the filters templates use."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import jinja2
import markupsafe

from briefing.errors import ConfigError
from briefing.text import controls

_PACKAGED = Path(__file__).resolve().parent.parent / "templates"
_SOURCE_TREE = Path(__file__).resolve().parent.parent.parent / "templates"
HTML_SUFFIXES = (".html.j2", ".htm.j2", ".xml.j2", ".css.j2", ".html", ".htm", ".xml", ".css")
"""Templates with these endings are autoescaped; ``select_autoescape()`` misses ``.html.j2``.

CSS is among them because it is included inside HTML ``<style>``: a value printed
there could otherwise close the style element.
"""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


def without_controls(value: object) -> object:
    """Every ``{{ value }}``, minus control characters (terminal escapes, NULs) that a document may carry.

    Markup (a block's ``super()``, a macro) is the templates' own and passes unchanged.
    """
    if isinstance(value, str) and not isinstance(value, markupsafe.Markup):
        return controls.without_controls(value)
    return value


def packaged_templates() -> Path:
    """The default templates: inside the installed package, or beside it in a source checkout."""
    return _PACKAGED if _PACKAGED.is_dir() else _SOURCE_TREE


def template_places(template_dirs: Sequence[str | Path] = ()) -> list[Path]:
    """Where templates are looked up, in order: the user's folders, then the defaults."""
    missing = [str(folder) for folder in template_dirs if not Path(folder).is_dir()]
    if missing:
        raise ConfigError(f"template folder not found: {', '.join(missing)}")
    return [*map(Path, template_dirs), packaged_templates()]


def _autoescape(name: str | None) -> bool:
    return name is not None and name.endswith(HTML_SUFFIXES)


def markdown_escape(value: object) -> str:
    """Text that Markdown shows as written: no markup, no raw HTML, no links."""
    text = " ".join(str(value).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def make_environment(template_dirs: Sequence[str | Path] = ()) -> jinja2.Environment:
    """User template folders first, then the defaults, also reachable as ``default/NAME``."""
    *user_dirs, packaged = template_places(template_dirs)
    defaults = jinja2.FileSystemLoader(packaged)
    loader = jinja2.ChoiceLoader(
        [
            jinja2.FileSystemLoader(user_dirs),
            jinja2.PrefixLoader({"default": defaults}),
            defaults,
        ]
    )
    env = jinja2.Environment(
        loader=loader,
        autoescape=_autoescape,  # noqa: S701 - on for every HTML template, by suffix
        undefined=jinja2.StrictUndefined,
        finalize=without_controls,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_escape
    return env
