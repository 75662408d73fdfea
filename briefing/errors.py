"""One exception tree for everything briefing expects to go wrong.

    BriefingError
     ├── LoadError          an input could not be read or holds no usable text
     ├── NoInputError       not one input was usable
     ├── LeftOutError       an input was left out, and the run was asked to be strict
     ├── ConfigError        a setting, option or config file is invalid
     ├── RenderError        a template is missing or broken, or a format is unknown
     ├── DeliveryError      the briefing could not be written or sent
     └── StateError         the daily job's state is busy or damaged

The CLI turns any ``BriefingError`` into one line on standard error and a
non-zero exit; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Base of every error briefing raises on purpose."""


class LoadError(BriefingError):
    """An input could not be loaded; ``path`` names it."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class NoInputError(BriefingError):
    """No input was usable, so there is nothing to brief."""


class LeftOutError(BriefingError):
    """Some input was left out and the run was strict (``--strict``), so nothing was written."""


class ConfigError(BriefingError):
    """An option, setting or config file is invalid."""


class RenderError(BriefingError):
    """The briefing could not be rendered."""


class DeliveryError(BriefingError):
    """The briefing could not be written or delivered."""


class StateError(BriefingError):
    """The daily job's state could not be used."""
