"""Key statements: quotes and claims, with who made them."""

from briefing.statements.extract import extract_statements, story_statements

__all__ = ["extract_statements", "story_statements"]
