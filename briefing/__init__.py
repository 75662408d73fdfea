"""briefing: turn a pile of documents into a briefing a busy person reads in five minutes.

The public API is what ``__all__`` lists; the CLI is a thin layer over it.
Heavy parts (sumy, WeasyPrint) are imported only when they are used.
"""

from briefing.errors import (
    BriefingError,
    ConfigError,
    DeliveryError,
    LoadError,
    NoInputError,
    RenderError,
    StateError,
)
from briefing.loaders import LoadResult, load_documents
from briefing.models import (
    Briefing,
    Document,
    HeadlineSource,
    InputWarning,
    Sentence,
    Statement,
    Story,
    SummarySentence,
)
from briefing.pipeline import assemble_briefing, build_briefing
from briefing.render import FORMATS, render
from briefing.statements import extract_statements
from briefing.summarize import METHODS, summarize

__version__ = "0.1.0"

__all__ = [
    "FORMATS",
    "METHODS",
    "Briefing",
    "BriefingError",
    "ConfigError",
    "DeliveryError",
    "Document",
    "HeadlineSource",
    "InputWarning",
    "LoadError",
    "LoadResult",
    "NoInputError",
    "RenderError",
    "Sentence",
    "StateError",
    "Statement",
    "Story",
    "SummarySentence",
    "__version__",
    "assemble_briefing",
    "build_briefing",
    "extract_statements",
    "load_documents",
    "render",
    "summarize",
]
