"""Key statements: quotes, indirect speech and claims, with who made them."""

from briefing.statements.extract import extract_statements
from briefing.statements.story import story_statements

__all__ = ["extract_statements", "story_statements"]
