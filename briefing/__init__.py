"""briefing: turn a pile of documents into a briefing a busy person reads in five minutes.

The public API is what ``__all__`` lists; the CLI is a thin layer over it.
Heavy parts (sumy, WeasyPrint) are imported only when they are used.
"""

from briefing._version import __version__
from briefing.errors import (
    BriefingError,
    ConfigError,
    DeliveryError,
    LeftOutError,
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
    Person,
    Sentence,
    Statement,
    Story,
    SummarySentence,
)
from briefing.options import BuildOptions, LoadOptions, RenderOptions, RunOptions, SummaryOptions
from briefing.pipeline import assemble_briefing, build_briefing
from briefing.render import FORMATS, render, render_text
from briefing.statements import extract_statements, who_is_who
from briefing.summarize import METHODS, summarize

__all__ = [
    "FORMATS",
    "METHODS",
    "Briefing",
    "BriefingError",
    "BuildOptions",
    "ConfigError",
    "DeliveryError",
    "Document",
    "HeadlineSource",
    "InputWarning",
    "LeftOutError",
    "LoadError",
    "LoadOptions",
    "LoadResult",
    "NoInputError",
    "Person",
    "RenderError",
    "RenderOptions",
    "RunOptions",
    "Sentence",
    "StateError",
    "Statement",
    "Story",
    "SummaryOptions",
    "SummarySentence",
    "__version__",
    "assemble_briefing",
    "build_briefing",
    "extract_statements",
    "load_documents",
    "render",
    "render_text",
    "summarize",
    "who_is_who",
]
