"""Settings from a TOML file and the command line: defaults < file < flags, one validated object.

Every key is a field of a record in :mod:`briefing.options` (what every
briefing needs) or here (what the daily job and e-mail add), so an unknown key
or a wrong value is a :class:`ConfigError` naming the key and where it came
from, with the nearest known key when one is close. Relative paths in the file
are resolved against the file's folder, those on the command line against the
current folder. Secrets are never settings: the file names the environment
variables that hold them.

The file is found (:func:`find_config`) from ``--config``, then
``$BRIEFING_CONFIG``, then ``./briefing.toml``, then ``briefing.toml`` in the
user's config folder.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import string
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, cast

from briefing.errors import ConfigError
from briefing.options import (
    FORMATS,
    PATH,
    SECONDS,
    TEXT,
    WAIT,
    WHOLE,
    BuildOptions,
    Kind,
    Setting,
    as_text,
    check_record,
    choice,
    list_of,
    make_record,
    option,
    settings,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

CONFIG_NAME = "briefing.toml"
SUBJECT_FIELDS = frozenset({"title", "date"})
SECURITY_PORTS = {"starttls": 587, "ssl": 465, "none": 25}
RENAMED = {
    "email.starttls": 'email.security = "starttls" (or "none")',
    "email.ssl": 'email.security = "ssl"',
}
"""Keys of briefing 0.1 and what replaced them, so an old file gets a message that says what to write."""


def _address(value: object) -> str:
    address = as_text(value)
    if "@" not in address or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in address):
        raise ValueError(f"has something that is not an e-mail address: {address!r}")
    return address


def _addresses(value: object) -> tuple[str, ...]:
    found = list_of(_address)(value)
    if not found:
        raise ValueError("must name at least one address")
    return tuple(str(address) for address in found)


def _subject(value: object) -> str:
    subject = as_text(value)
    names = {name for _, name, _, _ in string.Formatter().parse(subject) if name is not None}
    if not names <= SUBJECT_FIELDS:
        raise ValueError(f"may use {{title}} and {{date}}, not {', '.join(sorted(names - SUBJECT_FIELDS))}")
    return subject


def _port(value: object) -> int:
    port = int(value) if isinstance(value, str) and value.isdigit() else value
    if not isinstance(port, int) or isinstance(port, bool) or not 0 < port < 65536:
        raise ValueError("must be a port number between 1 and 65535")
    return port


def _delays(value: object) -> tuple[float, ...]:
    return cast("tuple[float, ...]", list_of(WAIT.check)(value))


def _sources(value: object) -> tuple[str, ...]:
    return tuple(str(source) for source in list_of(as_text)(value))


ADDRESS = Kind("an e-mail address", _address)
ADDRESSES = Kind("a list of e-mail addresses", _addresses, parse=_address, repeated=True)
SUBJECT = Kind("a subject line", _subject)
PORT = Kind("a port number", _port)
DELAYS = Kind("a list of numbers of seconds", _delays, parse=WAIT.check, repeated=True)
SOURCES = Kind("a list of files, patterns or URLs", _sources, parse=as_text, repeated=True, path=True)
_FORMAT = choice(lambda: FORMATS)
OUTPUT_FORMATS = Kind(
    "a list of formats", list_of(_FORMAT.check), parse=_FORMAT.check, choices=_FORMAT.choices, repeated=True
)


@dataclass(frozen=True)
class EmailSettings:
    """Where and how the daily brief is mailed; credentials are named, never held."""

    heading: ClassVar[str] = "e-mail"

    smtp_host: str = option(
        dataclasses.MISSING,
        "email.smtp_host",
        TEXT,
        "the SMTP server",
        "--smtp-host",
        metavar="HOST",
        default_text="required for e-mail",
        example="smtp.example.org",
    )
    sender: str = option(
        dataclasses.MISSING,
        "email.from",
        ADDRESS,
        "the sender's address",
        "--from",
        metavar="ADDR",
        default_text="required for e-mail",
        example="brief@example.org",
    )
    to: tuple[str, ...] = option(
        dataclasses.MISSING,
        "email.to",
        ADDRESSES,
        "the recipients",
        "--to",
        metavar="ADDR",
        default_text="required for e-mail",
        example=("desk@example.org",),
    )
    security: str = option(
        "starttls",
        "email.security",
        choice(lambda: tuple(SECURITY_PORTS)),
        "how the connection is protected",
        "--security",
    )
    smtp_port: int | None = option(
        None,
        "email.smtp_port",
        PORT,
        "the server's port",
        "--smtp-port",
        metavar="PORT",
        default_text="587 with starttls, 465 with ssl, 25 with none",
        example=587,
    )
    username_env: str | None = option(
        None,
        "email.username_env",
        TEXT,
        "the name of the environment variable holding the SMTP user name",
        "--username-env",
        metavar="VAR",
        default_text="no login",
        example="BRIEFING_SMTP_USER",
    )
    password_env: str | None = option(
        None,
        "email.password_env",
        TEXT,
        "the name of the environment variable holding the SMTP password",
        "--password-env",
        metavar="VAR",
        default_text="no login",
        example="BRIEFING_SMTP_PASSWORD",
    )
    subject: str = option(
        "{title} — {date}", "email.subject", SUBJECT, "the subject; may use {title} and {date}", "--subject"
    )
    timeout: float = option(
        30.0,
        "email.timeout",
        SECONDS,
        "seconds to wait for each answer of the server",
        "--smtp-timeout",
        metavar="SECONDS",
    )
    data_timeout: float = option(
        600.0,
        "email.data_timeout",
        SECONDS,
        "seconds to send the message and wait for the server to accept it (RFC 5321 allows 10 minutes)",
        "--smtp-data-timeout",
        metavar="SECONDS",
    )
    retry_delays: tuple[float, ...] = option(
        (5.0, 30.0, 120.0),
        "email.retry_delays",
        DELAYS,
        "seconds between tries after a transient failure",
        "--retry-delay",
        metavar="SECONDS",
        default_text="5, 30, 120",
    )

    def __post_init__(self) -> None:
        check_record(self)

    @property
    def port(self) -> int:
        """The port to connect to: the one set, else the usual one for the security."""
        return self.smtp_port or SECURITY_PORTS[self.security]


@dataclass(frozen=True)
class Config:
    """Everything the daily job needs, validated; ``origin`` names where it came from."""

    heading: ClassVar[str] = "the daily job"

    sources: tuple[str, ...] = option(
        (), "sources", SOURCES, "files, glob patterns (** recurses) and URLs to brief", default_text="required"
    )
    output_dir: Path = option(
        Path("out"), "output_dir", PATH, "where brief-YYYY-MM-DD.* are kept", "--output-dir", metavar="DIR"
    )
    formats: tuple[str, ...] = option(
        ("pdf",),
        "formats",
        OUTPUT_FORMATS,
        "the formats kept; pdf is always made when e-mail is set",
        "--format",
    )
    state: Path | None = option(
        None,
        "state",
        PATH,
        "the SQLite state file",
        "--state",
        metavar="FILE",
        default_text="OUTPUT_DIR/briefing.sqlite3",
        example="out/briefing.sqlite3",
    )
    lock_timeout: float = option(
        60.0, "lock_timeout", WAIT, "seconds to wait for a run already going", "--wait", metavar="SECONDS"
    )
    follow_days: int = option(
        7,
        "follow_days",
        WHOLE,
        "a story that ran in a brief of the last N days is followed: marked developing, its new points first",
        "--follow-days",
        metavar="N",
    )
    build: BuildOptions = field(default_factory=BuildOptions)
    email: EmailSettings | None = None
    origin: str = "defaults"

    def __post_init__(self) -> None:
        check_record(self)
        object.__setattr__(self, "formats", tuple(dict.fromkeys(self.formats)))
        if not self.formats:
            raise ConfigError("formats must name at least one of md, html, pdf, json")

    @property
    def title(self) -> str:
        return self.build.title

    @property
    def state_file(self) -> Path:
        return self.state or self.output_dir / "briefing.sqlite3"


DAILY_RECORDS: tuple[type, ...] = (Config, EmailSettings)
"""The records whose settings a config file may hold (``Config`` holds :class:`BuildOptions`)."""


def all_settings(*records: type) -> Iterator[tuple[Setting, Any]]:
    """Every setting of ``records`` (default: all of them), with its default."""
    for record in records or DAILY_RECORDS:
        yield from settings(record)


KEYS: dict[str, Setting] = {setting.key: setting for setting, _ in all_settings()}
"""Every key the config file (and the flags that override it) may set, dotted by table."""


def find_config(explicit: str | os.PathLike[str] | None, environ: Mapping[str, str] = os.environ) -> Path | None:
    """The config file to read: ``explicit``, ``$BRIEFING_CONFIG``, ``./briefing.toml``, the user's, or none.

    An explicit or environment-named file must exist (reading it says so if
    not); the two usual places are used only when a file is there.
    """
    if explicit:
        return Path(explicit)
    if environ.get("BRIEFING_CONFIG"):
        return Path(environ["BRIEFING_CONFIG"])
    from platformdirs import user_config_path

    for candidate in (Path(CONFIG_NAME), user_config_path("briefing") / CONFIG_NAME):
        if candidate.is_file():
            return candidate
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            data: dict[str, Any] = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such config file") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    return data


def _unknown(key: str, origin: str) -> ConfigError:
    if key in RENAMED:
        return ConfigError(f"{origin}: {key} is gone; write {RENAMED[key]}")
    close = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.7)
    hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(KEYS)}"
    return ConfigError(f"{origin}: unknown key {key!r}{hint}")


def _flatten(data: Mapping[str, object], origin: str) -> dict[str, object]:
    """``{"email": {"to": …}}`` as ``{"email.to": …}``; an unknown key is an error."""
    tables = {key.split(".")[0] for key in KEYS if "." in key}
    flat: dict[str, object] = {}
    for key, value in data.items():
        if key in tables:
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: [{key}] must be a table")
            flat.update((f"{key}.{sub}", item) for sub, item in value.items())
        else:
            flat[key] = value
    for key in flat:
        if key not in KEYS:
            raise _unknown(key, origin)
    return flat


def _checked(values: Mapping[str, object], origin: str, base: Path | None) -> dict[str, object]:
    """Each value as its record holds it; paths relative to ``base`` (the file's folder), URLs as they are."""
    checked: dict[str, object] = {}
    for key, value in values.items():
        kind = KEYS[key].kind
        try:
            converted = kind.check(value)
        except ValueError as exc:
            shown = f"{type(value).__name__} {value!r}"
            raise ConfigError(f"{origin}: {key} {exc} (it is {shown})") from None
        if base is not None and kind.path:
            converted = _resolved(converted, base)
        checked[key] = converted
    return checked


def _resolved(value: object, base: Path) -> object:
    if isinstance(value, tuple):
        return tuple(_resolved(item, base) for item in value)
    if isinstance(value, str):
        return value if "://" in value else str(base / Path(value).expanduser())
    return base / Path(str(value))


def load_config(path: str | os.PathLike[str] | None = None, overrides: Mapping[str, object] | None = None) -> Config:
    """The settings from ``path`` (optional), with ``overrides`` (dotted keys; ``None`` = not given) on top.

    Paths in the file are relative to its folder; paths in ``overrides`` to the
    current folder.
    """
    values: dict[str, object] = {}
    origin = "command line"
    if path is not None:
        origin = str(path)
        file = Path(path)
        base = file.resolve().parent
        values = _checked(_flatten(_read_toml(file), origin), origin, base)
        # A default path (output_dir = "out") is relative to the file's folder too, as if the file said it.
        values |= {
            setting.key: _resolved(default, base)
            for setting, default in all_settings()
            if setting.kind.path and default and setting.key not in values
        }
    given = {key: value for key, value in (overrides or {}).items() if value is not None}
    for key in given:
        if key not in KEYS:
            raise _unknown(key, "command line")
    values.update(_checked(given, "command line", None))
    if path is not None and given:
        origin = f"{origin} (with flags)"
    try:
        email = None
        if any(key.startswith("email.") for key in values):
            try:
                email = make_record(EmailSettings, values)
            except ConfigError as exc:
                raise ConfigError(f"{exc} when e-mail is configured") from None
        return dataclasses.replace(make_record(Config, values), email=email, origin=origin)
    except ConfigError as exc:
        raise ConfigError(f"{origin}: {exc}") from None


def _toml_value(value: object) -> str:
    """``value`` as TOML writes it (strings as basic strings, which JSON's escapes are)."""
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}" if isinstance(value, float) else str(value)
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)


STARTER_SOURCES = ("in",)
"""The starter file's sources: the folder beside it that ``briefing init`` makes."""


def starter_config() -> str:
    """A config file with every setting, each commented out at its default and explained in one line.

    Only ``sources`` is set (to the folder ``in`` beside the file). Top-level
    keys come first, then each table, as TOML requires; a setting without a
    default shows an example, so that any line can be uncommented as it is.
    """
    lines = [
        "# briefing's settings: `briefing daily` reads them all, `briefing build` all but the daily ones.",
        "# Each key is shown at its default; remove the '#' to change one. Relative paths are relative",
        "# to this file's folder. Secrets never go here: name the environment variables that hold them.",
    ]
    by_table: dict[str, list[tuple[Setting, Any]]] = {}
    for setting, default in all_settings():
        by_table.setdefault(setting.key.rpartition(".")[0], []).append((setting, default))
    for table in sorted(by_table, key=bool):  # the top level ("") first
        lines += ["", f"[{table}]"] if table else [""]
        if table == "email":
            lines.append("# Set smtp_host, from and to to e-mail each day's brief (with the PDF attached).")
        for setting, default in by_table[table]:
            key = setting.key.rpartition(".")[2]
            value = STARTER_SOURCES if key == "sources" else setting.example if setting.example is not None else default
            note = setting.help + (f" (default: {setting.default_text})" if setting.default_text else "")
            assignment = f"{'' if key == 'sources' else '# '}{key} = {_toml_value(value)}"
            lines.append(f"{assignment:<44} # {note}")
    return "\n".join(lines) + "\n"


def write_starter(directory: Path, *, overwrite: bool = False) -> Path:
    """Write ``directory/briefing.toml`` (:func:`starter_config`) and an empty ``in`` folder beside it."""
    from briefing.deliver.files import write_atomic

    path = directory / CONFIG_NAME
    if path.exists() and not overwrite:
        raise ConfigError(f"{path} exists already; --force replaces it")
    try:
        (directory / STARTER_SOURCES[0]).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot make {directory / STARTER_SOURCES[0]}: {exc.strerror or exc}") from None
    write_atomic(path, starter_config())
    return path
