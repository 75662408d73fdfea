"""Every setting of a briefing, defined once: frozen records, one per concern.

    BuildOptions      one briefing: its title, and
     ├── LoadOptions     what to load: size and work caps, a URL's deadline, redirects, links
     ├── StoryOptions    how documents are grouped into stories: a time window
     ├── SummaryOptions  how stories are summarised: method, sentences, language
     ├── RenderOptions   how it is rendered: template folders, paper size
     └── RunOptions      how the work is run: worker processes or a Dask cluster, strictness

Each field carries a :class:`Setting`: its key in the config file, its flag,
the kind of value it takes and one line of help. The config file's
validation (:mod:`briefing.config`), the flags of ``build`` and ``daily``
(:mod:`briefing.cli`) and the README's tables are all made from these, so a
setting is named, typed, defaulted and explained in one place. A record
checks its values when it is made, so a library caller gets the same
:class:`~briefing.errors.ConfigError` as a config file would.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from briefing.errors import ConfigError
from briefing.languages import DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES

Record = TypeVar("Record")

MB = 1024 * 1024
FORMATS = ("md", "html", "pdf", "json")
"""Every format a briefing is rendered to."""


@dataclass(frozen=True)
class Kind:
    """A kind of value: how it is written, read from a flag, and checked (and converted) from the config file."""

    describe: str
    """What the value must be, for error messages: ``a whole number of at least 1``."""
    check: Callable[[object], object]
    """The config file's value as the record holds it; raises ValueError saying what is wrong."""
    parse: Callable[[str], object] | None = None
    """A flag's text as the record holds it (``None``: the same as :attr:`check` on the text)."""
    choices: Callable[[], Sequence[str]] | None = None
    """The allowed values, asked for only when needed (they may live in modules loaded later)."""
    repeated: bool = False
    """A list in the config file, a flag given once per item."""
    path: bool = False
    """Relative paths are relative to the config file's folder (to the current folder on the command line)."""

    def from_text(self, text: str) -> object:
        return self.parse(text) if self.parse else self.check(text)


def as_text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a string")
    return value


def _whole(value: object) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError("must be a whole number of at least 1")
    return value


def _seconds(value: object, *, zero: bool = False, unit: str = "seconds") -> float:
    if isinstance(value, str):
        try:
            value = float(value)
        except ValueError:
            raise ValueError(f"must be a number of {unit}") from None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not (0 <= value < float("inf")):
        raise ValueError(f"must be a number of {unit}")
    if value == 0 and not zero:
        raise ValueError(f"must be a positive number of {unit}")
    return float(value)


def _size(value: object) -> int:
    """``20MB``, ``500KB``, ``1.5M`` or a number of bytes."""
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    match = (
        re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*", str(value).lower()) if isinstance(value, str) else None
    )
    if not match or float(match.group(1)) <= 0:
        raise ValueError("must be a size such as 20MB, 500KB or 100000 (bytes)")
    return int(float(match.group(1)) * 1024 ** " kmg".index(match.group(2) or " "))


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def list_of(item: Callable[[object], object]) -> Callable[[object], tuple[object, ...]]:
    def check(value: object) -> tuple[object, ...]:
        if not isinstance(value, (list, tuple)):
            raise ValueError("must be a list")
        return tuple(item(one) for one in value)

    return check


def choice(values: Callable[[], Sequence[str]]) -> Kind:
    """One of ``values()``, in any case: ``Letter`` and ``letter`` are the same paper."""

    def check(value: object) -> str:
        allowed = values()
        text = as_text(value)
        for name in allowed:
            if name.lower() == text.strip().lower():
                return name
        raise ValueError(f"must be one of {', '.join(allowed)}, not {text!r}")

    return Kind(describe="one of the choices", check=check, choices=values)


TEXT = Kind("a string", as_text)
TEXTS = Kind("a list of strings", list_of(as_text), parse=as_text, repeated=True)
WHOLE = Kind("a whole number of at least 1", _whole)
SECONDS = Kind("a positive number of seconds", _seconds)
WAIT = Kind("a number of seconds", lambda value: _seconds(value, zero=True))
DAYS = Kind("a positive number of days", lambda value: _seconds(value, unit="days"))
SIZE = Kind("a size such as 20MB", _size)
FLAG = Kind("true or false", _flag)


def _path(value: object) -> Path:
    return value if isinstance(value, Path) else Path(as_text(value)).expanduser()


PATH = Kind("a path", _path, path=True)
PATHS = Kind("a list of paths", list_of(_path), parse=_path, repeated=True, path=True)


@dataclass(frozen=True)
class Setting:
    """How one field of a record is set: its config key, its flags, its kind and its help."""

    key: str
    """Its key in the config file, dotted by table: ``title``, ``summary.method``, ``email.to``."""
    kind: Kind
    help: str
    flags: tuple[str, ...] = ()
    """Its command-line flags (none: the config file only)."""
    metavar: str | None = None
    default_text: str | None = None
    """The default as the help says it, where the field's own default does not say it well."""
    example: object = None
    """The value a starter config file shows (default: the field's default)."""

    def shown_default(self, default: object) -> str:
        """The default as a person reads it: ``20MB``, ``off``, ``pdf, md``, ``60``."""
        if self.default_text is not None:
            return self.default_text
        if isinstance(default, bool):
            return "on" if default else "off"
        if isinstance(default, float):
            return f"{default:g}"
        if isinstance(default, tuple):
            return ", ".join(map(str, default)) or "none"
        return str(default)


def option(
    default: Any,
    key: str,
    kind: Kind,
    help: str,
    *flags: str,
    metavar: str | None = None,
    default_text: str | None = None,
    example: object = None,
) -> Any:
    """A dataclass field with its :class:`Setting`."""
    setting = Setting(key, kind, help, flags, metavar, default_text, example)
    return field(default=default, metadata={"setting": setting})


def setting_of(item: dataclasses.Field[Any]) -> Setting | None:
    setting = item.metadata.get("setting")
    return setting if isinstance(setting, Setting) else None


def _is_record(item: dataclasses.Field[Any]) -> bool:
    return isinstance(item.default_factory, type) and dataclasses.is_dataclass(item.default_factory)


def records(record: type) -> Iterator[type]:
    """``record`` and the records inside it (``BuildOptions`` holds ``LoadOptions``…), depth first."""
    yield record
    for item in dataclasses.fields(record):
        if _is_record(item):
            yield from records(item.default_factory)  # type: ignore[arg-type]


def own_settings(record: type) -> Iterator[tuple[Setting, Any]]:
    """The settings of ``record``'s own fields, in field order, each with its default."""
    for item in dataclasses.fields(record):
        setting = setting_of(item)
        if setting is not None:
            yield setting, item.default


def settings(record: type) -> Iterator[tuple[Setting, Any]]:
    """Every setting of ``record`` and of the records inside it, with its default."""
    for each in records(record):
        yield from own_settings(each)


def check_record(record: object) -> None:
    """Check each field of ``record`` against its kind: the same rules for code as for a config file."""
    for item in dataclasses.fields(record):  # type: ignore[arg-type]
        setting = setting_of(item)
        value = getattr(record, item.name)
        if setting is None or value is None:
            continue
        try:
            checked = setting.kind.check(value)
        except ValueError as exc:
            raise ConfigError(f"{setting.key} {exc}") from None
        object.__setattr__(record, item.name, checked)  # normalised: "letter" is "Letter", a list a tuple


def make_record(record: type[Record], values: Mapping[str, object]) -> Record:
    """``record`` with the values given by key (dotted as in the config file); the rest keep their defaults."""
    arguments: dict[str, object] = {}
    for item in dataclasses.fields(record):  # type: ignore[arg-type]
        setting = setting_of(item)
        if setting is not None and setting.key in values:
            arguments[item.name] = values[setting.key]
        elif setting is None and _is_record(item):
            arguments[item.name] = make_record(item.default_factory, values)  # type: ignore[arg-type]
        elif setting is not None and item.default is dataclasses.MISSING:
            raise ConfigError(f"{setting.key} is required")
    return record(**arguments)


def _method_names() -> tuple[str, ...]:
    from briefing.summarize import METHODS

    return tuple(METHODS)


def _languages() -> tuple[str, ...]:
    return SUPPORTED_LANGUAGES


def _page_sizes() -> tuple[str, ...]:
    return ("A4", "Letter")


@dataclass(frozen=True)
class LoadOptions:
    """Limits on what one input may cost; picklable, so that a process pool can be given them."""

    heading: ClassVar[str] = "loading"

    max_bytes: int = option(
        20 * MB,
        "max_size",
        SIZE,
        "refuse any input larger than this",
        "--max-size",
        metavar="SIZE",
        default_text="20MB",
        example="20MB",
    )
    timeout: float = option(
        10.0,
        "timeout",
        SECONDS,
        "time allowed per URL, from connecting to the last byte",
        "--timeout",
        metavar="SECONDS",
    )
    max_redirects: int = option(5, "max_redirects", WHOLE, "redirects a URL may take", "--max-redirects", metavar="N")
    user_agent: str | None = option(
        None,
        "user_agent",
        TEXT,
        "sent with every request",
        "--user-agent",
        metavar="TEXT",
        default_text="briefing/VERSION",
        example="briefing (news desk)",
    )
    max_characters: int = option(
        1_000_000,
        "max_characters",
        WHOLE,
        "characters one document may hold, however it expands; the rest is left out",
        "--max-characters",
        metavar="N",
        example=1_000_000,
    )
    max_documents: int = option(
        1_000, "max_documents", WHOLE, "documents one input (a feed) may yield", "--max-documents", metavar="N"
    )
    follow_links: bool = option(
        False,
        "follow_links",
        FLAG,
        "replace a feed entry that is only a teaser by the article at its link",
        "--follow-links",
    )

    def __post_init__(self) -> None:
        check_record(self)


@dataclass(frozen=True)
class SummaryOptions:
    """How each story is summarised."""

    heading: ClassVar[str] = "summaries"

    method: str = option("news", "summary.method", choice(_method_names), "summary method", "--method")
    sentences: int | None = option(
        None,
        "summary.sentences",
        WHOLE,
        "summary sentences per story",
        "--sentences",
        metavar="N",
        default_text="by the story's length",
        example=4,
    )
    language: str = option(
        DEFAULT_LANGUAGE,
        "summary.language",
        choice(_languages),
        "the language of a document that neither says nor shows its own",
        "--language",
    )

    def __post_init__(self) -> None:
        check_record(self)


@dataclass(frozen=True)
class StoryOptions:
    """How documents are grouped into stories."""

    heading: ClassVar[str] = "stories"

    window_days: float | None = option(
        None,
        "stories.window",
        DAYS,
        "never group documents published farther apart than this (an archive's stories then cannot run "
        "into each other across months)",
        "--window",
        metavar="DAYS",
        default_text="none",
        example=3,
    )

    def __post_init__(self) -> None:
        check_record(self)


@dataclass(frozen=True)
class RenderOptions:
    """How a briefing becomes a file."""

    heading: ClassVar[str] = "rendering"

    template_dirs: tuple[Path, ...] = option(
        (),
        "template_dirs",
        PATHS,
        "template folders searched before the defaults",
        "--template-dir",
        metavar="DIR",
        default_text="none",
    )
    page_size: str = option("A4", "page_size", choice(_page_sizes), "the PDF's paper", "--page-size")

    def __post_init__(self) -> None:
        check_record(self)


@dataclass(frozen=True)
class RunOptions:
    """How the work is run; none of these changes what the briefing says."""

    heading: ClassVar[str] = "running"

    jobs: int | None = option(
        None,
        "jobs",
        WHOLE,
        "worker processes; the output is the same for any N",
        "-j",
        "--jobs",
        metavar="N",
        default_text="one per core",
        example=2,
    )
    strict: bool = option(False, "strict", FLAG, "fail (exit status 3) when any input was left out", "--strict")
    scheduler: str | None = option(
        None,
        "dask.scheduler",
        TEXT,
        "run the work on this Dask scheduler (tcp://HOST:8786), or on a cluster of --jobs local workers "
        "with local (needs briefing[dask])",
        "--scheduler",
        metavar="ADDRESS",
        default_text="none: this machine's processes",
        example="tcp://127.0.0.1:8786",
    )

    def __post_init__(self) -> None:
        check_record(self)


@dataclass(frozen=True)
class BuildOptions:
    """Everything that decides one briefing, apart from its inputs and its date."""

    heading: ClassVar[str] = "the briefing"

    title: str = option("Briefing", "title", TEXT, "the briefing's title", "--title")
    previous: tuple[Path, ...] = option(
        (),
        "previous",
        PATHS,
        "an earlier JSON brief: its stories are followed (developing, what is new)",
        "--previous",
        metavar="FILE",
        default_text="none",
    )
    load: LoadOptions = field(default_factory=LoadOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)
    summary: SummaryOptions = field(default_factory=SummaryOptions)
    render: RenderOptions = field(default_factory=RenderOptions)
    run: RunOptions = field(default_factory=RunOptions)

    def __post_init__(self) -> None:
        check_record(self)
