"""Briefings as Markdown, HTML, PDF and JSON, from Jinja2 templates."""

from briefing.render.core import FORMATS, render

__all__ = ["FORMATS", "render"]
