"""The daily job: brief what is new since the last briefing, keep the files, mail the PDF once.

One run for a day, under :func:`briefing.state.run_lock`:

1. load every source; the first run for a day takes the documents no earlier
   briefing covered, a later run for the same day takes the same documents again;
2. build the briefing and write ``brief-YYYY-MM-DD.<format>`` atomically into
   ``output_dir``, then remember the day and its documents;
3. if e-mail is configured and the day was not sent yet (or ``force``), send it
   and remember the outcome. A failed send leaves the files in place and makes
   the next run for that day send them: nothing is lost, nothing is sent twice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import ssl
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from briefing.config import Config, EmailSettings
from briefing.deliver.email import Security, SmtpServer, compose, safe_filename, send_message
from briefing.deliver.files import write_atomic
from briefing.errors import ConfigError, DeliveryError, NoInputError
from briefing.loaders import NO_MATCH, finish, load_documents
from briefing.loaders.source import describe_size
from briefing.models import Briefing, Document, InputWarning
from briefing.pipeline import assemble_briefing, left_out
from briefing.render import render
from briefing.render.email import render_email
from briefing.state import State, content_hash, run_lock
from briefing.text.controls import one_line


@dataclass(frozen=True)
class DailyResult:
    """What one run did, for the log line and for callers that check it."""

    date: dt.date
    documents: tuple[str, ...]
    files: tuple[Path, ...]
    rebuilt: bool
    sent_to: tuple[str, ...]
    message: str


def output_path(config: Config, date: dt.date, fmt: str) -> Path:
    """Where the day's briefing in ``fmt`` is kept: ``output_dir/brief-YYYY-MM-DD.<suffix>``."""
    return config.output_dir / f"brief-{date.isoformat()}.{fmt}"


def smtp_server(settings: EmailSettings, environ: Mapping[str, str]) -> SmtpServer:
    """The SMTP server of ``settings``, with credentials read from the variables it names."""

    def secret(variable: str | None, key: str) -> str | None:
        if variable is None:
            return None
        if variable not in environ:
            raise ConfigError(f"the environment variable {variable} (email.{key}) is not set")
        return environ[variable]

    return SmtpServer(
        host=settings.smtp_host,
        port=settings.port,
        security=cast(Security, settings.security),
        username=secret(settings.username_env, "username_env"),
        password=secret(settings.password_env, "password_env"),
        timeout=settings.timeout,
    )


def subject_line(settings: EmailSettings, title: str, date: dt.date) -> str:
    """The configured subject with ``{title}`` and ``{date}`` filled in."""
    return settings.subject.format(title=title, date=date.isoformat())


def _select(documents: Sequence[Document], state: State, date: dt.date) -> tuple[list[Document], bool, int]:
    """The day's documents, whether the day was built before, and how many of its documents are gone.

    A day built before takes its own documents again, preferring the copy found
    where it was found the first time; a new day takes what no briefing covered.
    """
    previous = state.briefing_documents(date)
    chosen: dict[str, Document] = {}
    for doc in documents:
        digest = content_hash(doc)
        if previous is None:
            if state.covered_by(doc) is None:
                chosen.setdefault(digest, doc)
        elif digest in previous and (digest not in chosen or (doc.path or doc.url) == previous[digest]):
            chosen[digest] = doc
    missing = len(previous.keys() - chosen.keys()) if previous is not None else 0
    return list(chosen.values()), previous is not None, missing


def _deliver(
    state: State,
    config: Config,
    email: EmailSettings,
    server: SmtpServer,
    briefing: Briefing,
    pdf: bytes,
    *,
    sleep: Callable[[float], None],
    ssl_context: ssl.SSLContext | None,
    warn: Callable[[InputWarning], None],
) -> tuple[str, ...]:
    """Mail the briefing with its PDF and remember the outcome; returns who got it."""
    text, html = render_email(briefing, config.build.render)
    message = compose(
        sender=email.sender,
        recipients=email.to,
        subject=subject_line(email, config.title, briefing.date),
        text=text,
        html=html,
        attachments=[(f"{safe_filename(config.title)}-{briefing.date.isoformat()}.pdf", pdf)],
    )
    date = briefing.date
    try:
        refused = sorted(
            send_message(message, server, retry_delays=email.retry_delays, sleep=sleep, ssl_context=ssl_context)
        )
    except DeliveryError as exc:
        state.record_delivery(date, email.to, "failed", str(exc))
        raise DeliveryError(
            f"{date}: briefing kept in {config.output_dir} but not sent: {exc}; the next run for {date} sends it"
        ) from None
    state.record_delivery(date, email.to, "sent", f"refused: {', '.join(refused)}" if refused else "")
    if refused:
        warn(InputWarning(server.host, f"the server refused {', '.join(refused)}; the others got the briefing"))
    return tuple(to for to in email.to if to not in refused)


def run_daily(
    config: Config,
    *,
    date: dt.date,
    dry_run: bool = False,
    force: bool = False,
    environ: Mapping[str, str] = os.environ,
    sleep: Callable[[float], None] = time.sleep,
    ssl_context: ssl.SSLContext | None = None,
    on_warning: Callable[[InputWarning], None] | None = None,
) -> DailyResult:
    """Build, keep and (once) send the briefing for ``date``; see the module docstring.

    ``dry_run`` builds in memory and writes, records and sends nothing; ``force``
    sends again a day already sent. Raises :class:`DeliveryError` when sending
    failed (the files are kept and the next run sends them).
    """

    def warn(warning: InputWarning) -> None:
        if on_warning:
            on_warning(warning)

    if not config.sources:
        raise ConfigError(f"{config.origin}: sources is empty; name the files, patterns or URLs to brief")
    email = config.email
    server = smtp_server(email, environ) if email is not None else None
    formats = config.formats if email is None or "pdf" in config.formats else (*config.formats, "pdf")
    paths = {fmt: output_path(config, date, fmt) for fmt in formats}
    # A dry run takes no lock and makes no state file: with none yet, it plans against an empty memory.
    lock = contextlib.nullcontext() if dry_run else run_lock(config.state_file, timeout=config.lock_timeout)
    state_file = config.state_file if not dry_run or config.state_file.exists() else Path(":memory:")
    with lock, State.open(state_file) as state:
        # Copies are picked before duplicates are merged, so that a day built again
        # keeps the copy it was built from.
        memory = None if dry_run else state  # pages followed from feed entries are fetched once
        loaded = load_documents(
            config.sources, on_warning=on_warning, options=config.build.load, merge=False, memory=memory
        )
        failed = [w for w in loaded.warnings if w.message != NO_MATCH]
        if failed and not loaded.documents:
            raise NoInputError(f"no usable input: none of the {len(failed)} inputs could be loaded")
        if failed and config.build.run.strict:
            raise left_out(failed)
        chosen, rebuilt, missing = _select(loaded.documents, state, date)
        documents = list(finish(chosen))
        if not documents:
            return DailyResult(date, (), (), rebuilt, (), f"{date}: nothing new to brief; no briefing built")
        briefing = assemble_briefing(
            documents, config.build, date=date, warnings=loaded.warnings, on_warning=on_warning
        )
        keep = missing > 0 and all(path.exists() for path in paths.values())
        if keep:
            gone = f"{missing} of {date}'s documents are no longer in the sources; files kept as they were"
            warn(InputWarning(str(config.output_dir), gone))
        contents = {
            fmt: paths[fmt].read_bytes() if keep else render(briefing, fmt, config.build.render) for fmt in formats
        }
        ids = tuple(doc.id for doc in documents)
        due = email is not None and (force or not state.delivered(date))
        if dry_run:
            to = f"; would send to {', '.join(email.to)}" if email is not None and due else ""
            names = ", ".join(str(path) for path in paths.values())
            return DailyResult(date, ids, (), rebuilt, (), f"{date}: dry run: would write {names}{to}")
        if not keep:
            for fmt, content in contents.items():
                write_atomic(paths[fmt], content)
            state.record_briefing(date, config.title, documents, paths.values())
        files = tuple(paths.values())
        done = f"{date}: {len(documents)} document{'s' if len(documents) != 1 else ''} briefed into {len(files)} files"
        if email is None or server is None or not due:
            note = "" if email is None else "; already sent, not sending again (--force resends)"
            return DailyResult(date, ids, files, rebuilt, (), done + note)
        pdf = contents["pdf"]
        sent_to = _deliver(
            state,
            config,
            email,
            server,
            briefing,
            pdf if isinstance(pdf, bytes) else pdf.encode(),
            sleep=sleep,
            ssl_context=ssl_context,
            warn=warn,
        )
        return DailyResult(date, ids, files, rebuilt, sent_to, f"{done}; sent to {', '.join(sent_to)}")


def _attachment(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, read no further than the size cap (``/dev/zero`` ends there too)."""
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as exc:
        raise DeliveryError(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise DeliveryError(f"{path} is larger than the size cap of {describe_size(max_bytes)}")
    return data


def send_files(
    config: Config,
    paths: Sequence[str | Path],
    *,
    environ: Mapping[str, str] = os.environ,
    sleep: Callable[[float], None] = time.sleep,
    ssl_context: ssl.SSLContext | None = None,
) -> tuple[str, ...]:
    """Mail files (briefings kept earlier, say) as one message with ``config.email``; returns who got it.

    The subject's ``{date}`` is the first date in the files' names, or today's.
    """
    email = config.email
    if email is None:
        raise ConfigError(
            "sending needs the SMTP settings: a config file with an [email] table, or --smtp-host, --from and --to"
        )
    server = smtp_server(email, environ)
    files = [Path(path) for path in paths]
    attachments = [(file.name, _attachment(file, config.build.load.max_bytes)) for file in files]
    date = dt.date.today()
    for found in (re.search(r"\d{4}-\d{2}-\d{2}", file.name) for file in files):
        if found:
            with contextlib.suppress(ValueError):
                date = dt.date.fromisoformat(found.group())
                break
    names = ", ".join(one_line(file.name) for file in files)
    message = compose(
        sender=email.sender,
        recipients=email.to,
        subject=subject_line(email, config.title, date),
        text=f"{names} {'is' if len(files) == 1 else 'are'} attached.\n",
        attachments=attachments,
    )
    refused = send_message(message, server, retry_delays=email.retry_delays, sleep=sleep, ssl_context=ssl_context)
    return tuple(to for to in email.to if to not in refused)
