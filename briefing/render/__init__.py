"""Briefings as Markdown, HTML, PDF and JSON, from Jinja2 templates."""

from briefing.options import FORMATS
from briefing.render.core import render

__all__ = ["FORMATS", "render"]
