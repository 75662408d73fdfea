"""Key statements: quotes, indirect speech and claims, with who made them."""

from briefing.statements.extract import extract_statements
from briefing.statements.people import who_is_who
from briefing.statements.story import story_statements

__all__ = ["extract_statements", "story_statements", "who_is_who"]
