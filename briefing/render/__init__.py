"""Briefings as Markdown, HTML, PDF and JSON, from Jinja2 templates."""

from briefing.options import FORMATS
from briefing.render.core import render, render_text

__all__ = ["FORMATS", "render", "render_text"]
