"""The daily job's settings: defaults < TOML file < command-line flags, one validated object.

Every key is listed in :data:`KEYS` with the type it must have, so an unknown key
or a wrong type is a :class:`ConfigError` that names the key and where it came
from. Relative paths in the file are resolved against the file's folder, those
on the command line against the current folder. Secrets are never settings:
the file names the environment variables that hold them.
"""

from __future__ import annotations

import string
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from briefing.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

FORMATS = ("md", "html", "pdf", "json")
SECTIONS = ("summary", "email")
SUBJECT_FIELDS = frozenset({"title", "date"})


def _is_str(value: object) -> bool:
    return isinstance(value, str)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: object) -> bool:
    return _is_int(value) or isinstance(value, float)


def _is_bool(value: object) -> bool:
    return isinstance(value, bool)


def _is_strings(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value)


def _is_numbers(value: object) -> bool:
    return isinstance(value, (list, tuple)) and all(_is_number(item) for item in value)


KEYS: dict[str, tuple[Callable[[object], bool], str]] = {
    "title": (_is_str, "a string"),
    "sources": (_is_strings, "a list of strings"),
    "output_dir": (_is_str, "a string"),
    "formats": (_is_strings, "a list of strings"),
    "state": (_is_str, "a string"),
    "lock_timeout": (_is_number, "a number of seconds"),
    "template_dirs": (_is_strings, "a list of strings"),
    "page_size": (_is_str, "a string"),
    "summary.method": (_is_str, "a string"),
    "summary.sentences": (_is_int, "a whole number"),
    "summary.language": (_is_str, "a string"),
    "email.smtp_host": (_is_str, "a string"),
    "email.smtp_port": (_is_int, "a whole number"),
    "email.starttls": (_is_bool, "true or false"),
    "email.ssl": (_is_bool, "true or false"),
    "email.username_env": (_is_str, "a string"),
    "email.password_env": (_is_str, "a string"),
    "email.from": (_is_str, "a string"),
    "email.to": (_is_strings, "a list of strings"),
    "email.subject": (_is_str, "a string"),
    "email.timeout": (_is_number, "a number of seconds"),
    "email.retry_delays": (_is_numbers, "a list of numbers of seconds"),
}
"""Every key the config file (and the flags that override it) may set, dotted by section."""


@dataclass(frozen=True)
class SummarySettings:
    """How each story is summarised (``None`` leaves the choice to the summariser)."""

    method: str | None = None
    sentences: int | None = None
    language: str = "english"


@dataclass(frozen=True)
class EmailSettings:
    """Where and how the daily brief is mailed; credentials are named, never held."""

    smtp_host: str
    sender: str
    to: tuple[str, ...]
    smtp_port: int
    starttls: bool = True
    ssl: bool = False
    username_env: str | None = None
    password_env: str | None = None
    subject: str = "{title} — {date}"
    timeout: float = 30.0
    retry_delays: tuple[float, ...] = (5.0, 30.0, 120.0)


@dataclass(frozen=True)
class Config:
    """Everything the daily job needs, validated; ``origin`` names where it came from."""

    origin: str = "defaults"
    title: str = "Briefing"
    sources: tuple[str, ...] = ()
    output_dir: Path = Path("out")
    formats: tuple[str, ...] = ("pdf",)
    state: Path = Path("out/briefing.sqlite3")
    lock_timeout: float = 60.0
    template_dirs: tuple[Path, ...] = ()
    page_size: str = "A4"
    summary: SummarySettings = field(default_factory=SummarySettings)
    email: EmailSettings | None = None


def _read_toml(path: Path) -> dict[str, object]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def _flatten(data: Mapping[str, object], origin: str) -> dict[str, object]:
    """``{"email": {"to": …}}`` as ``{"email.to": …}``; an unknown key is an error."""
    flat: dict[str, object] = {}
    for key, value in data.items():
        if key in SECTIONS:
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: [{key}] must be a table")
            flat.update((f"{key}.{sub}", item) for sub, item in value.items())
        else:
            flat[key] = value
    for key, value in flat.items():
        if key not in KEYS:
            raise ConfigError(f"{origin}: unknown key {key!r}; known keys: {', '.join(KEYS)}")
        check, expected = KEYS[key]
        if not check(value):
            raise ConfigError(f"{origin}: {key} must be {expected}, not {type(value).__name__} {value!r}")
    return flat


def _resolve(value: str, base: Path) -> str:
    """A path relative to ``base``; URLs stay as they are."""
    return value if "://" in value else str(base / Path(value).expanduser())


def _check_subject(subject: str, origin: str) -> None:
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(subject) if name is not None}
    except ValueError as exc:
        raise ConfigError(f"{origin}: email.subject: {exc}") from None
    if not names <= SUBJECT_FIELDS:
        unknown = ", ".join(sorted(names - SUBJECT_FIELDS))
        raise ConfigError(f"{origin}: email.subject may use {{title}} and {{date}}, not {unknown}")


class _Values:
    """Validated settings by dotted key; the types were checked against :data:`KEYS` already."""

    def __init__(self, data: Mapping[str, object], origin: str) -> None:
        self.data = data
        self.origin = origin

    def __contains__(self, key: str) -> bool:
        return key in self.data

    def text(self, key: str, default: str) -> str:
        return cast(str, self.data.get(key, default))

    def optional_text(self, key: str) -> str | None:
        return cast("str | None", self.data.get(key))

    def texts(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        return tuple(cast("list[str]", self.data.get(key, default)))

    def number(self, key: str, default: float) -> float:
        return float(cast(float, self.data.get(key, default)))

    def numbers(self, key: str, default: tuple[float, ...]) -> tuple[float, ...]:
        return tuple(float(n) for n in cast("list[float]", self.data.get(key, default)))

    def optional_integer(self, key: str) -> int | None:
        return cast("int | None", self.data.get(key))

    def flag(self, key: str, default: bool) -> bool:
        return cast(bool, self.data.get(key, default))

    def error(self, message: str) -> ConfigError:
        return ConfigError(f"{self.origin}: {message}")


def _address(address: str, key: str, values: _Values) -> str:
    if "@" not in address or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in address):
        raise values.error(f"{key}: not an e-mail address: {address!r}")
    return address


def _email(values: _Values) -> EmailSettings | None:
    if not any(key.startswith("email.") for key in values.data):
        return None
    for required in ("email.smtp_host", "email.from", "email.to"):
        if required not in values:
            raise values.error(f"{required} is required when e-mail is configured")
    use_ssl = values.flag("email.ssl", False)
    starttls = values.flag("email.starttls", not use_ssl)
    if starttls and use_ssl:
        raise values.error("email.starttls and email.ssl cannot both be true")
    port = values.optional_integer("email.smtp_port")
    if port is None:
        port = 465 if use_ssl else 587 if starttls else 25
    if not 0 < port < 65536:
        raise values.error(f"email.smtp_port must be between 1 and 65535, not {port}")
    recipients = values.texts("email.to")
    if not recipients:
        raise values.error("email.to must name at least one address")
    subject = values.text("email.subject", EmailSettings.subject)
    _check_subject(subject, values.origin)
    delays = values.numbers("email.retry_delays", EmailSettings.retry_delays)
    timeout = values.number("email.timeout", EmailSettings.timeout)
    if timeout <= 0 or any(d < 0 for d in delays):
        raise values.error("email.timeout must be positive and email.retry_delays not negative")
    return EmailSettings(
        smtp_host=values.text("email.smtp_host", ""),
        sender=_address(values.text("email.from", ""), "email.from", values),
        to=tuple(_address(r, "email.to", values) for r in recipients),
        smtp_port=port,
        starttls=starttls,
        ssl=use_ssl,
        username_env=values.optional_text("email.username_env"),
        password_env=values.optional_text("email.password_env"),
        subject=subject,
        timeout=timeout,
        retry_delays=delays,
    )


def load_config(path: str | Path | None = None, overrides: Mapping[str, object] | None = None) -> Config:
    """The settings from ``path`` (optional), with ``overrides`` (dotted keys, ``None`` = unset) on top.

    Paths in the file are relative to its folder; paths in ``overrides`` to the
    current folder.
    """
    data: dict[str, object] = {}
    origin = "command line"
    if path is not None:
        origin = str(path)
        data = _flatten(_read_toml(Path(path)), origin)
        base = Path(path).resolve().parent
        for key in ("output_dir", "state"):
            if key in data:
                data[key] = _resolve(cast(str, data[key]), base)
        for key in ("sources", "template_dirs"):
            if key in data:
                data[key] = [_resolve(s, base) for s in cast("list[str]", data[key])]
    flags = _flatten({k: v for k, v in (overrides or {}).items() if v is not None}, "command line")
    data.update(flags)
    if path is not None and flags:
        origin = f"{origin} (with flags)"
    values = _Values(data, origin)

    formats = values.texts("formats", Config.formats)
    if not formats or any(f not in FORMATS for f in formats):
        raise values.error(f"formats must be some of {', '.join(FORMATS)}, not {list(formats)!r}")
    sentences = values.optional_integer("summary.sentences")
    if sentences is not None and sentences < 1:
        raise values.error("summary.sentences must be at least 1")
    lock_timeout = values.number("lock_timeout", Config.lock_timeout)
    if lock_timeout < 0:
        raise values.error("lock_timeout must not be negative")
    output_dir = Path(values.text("output_dir", str(Config.output_dir)))
    return Config(
        origin=origin,
        title=values.text("title", Config.title),
        sources=values.texts("sources"),
        output_dir=output_dir,
        formats=tuple(dict.fromkeys(formats)),
        state=Path(values.text("state", str(output_dir / "briefing.sqlite3"))),
        lock_timeout=lock_timeout,
        template_dirs=tuple(map(Path, values.texts("template_dirs"))),
        page_size=values.text("page_size", Config.page_size),
        summary=SummarySettings(
            method=values.optional_text("summary.method"),
            sentences=sentences,
            language=values.text("summary.language", "english"),
        ),
        email=_email(values),
    )
