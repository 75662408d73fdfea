"""The daily job: brief what is new since the last briefing, keep it, and mail it exactly once.

A run for a day plans first, then acts, under :func:`briefing.state.run_lock`:

- :func:`plan_day` decides from the state and the documents loaded, and
  changes nothing. A new day briefs the documents no earlier briefing covered;
  a day built before renders again the briefing it kept, unchanged, whatever
  became of its sources since; the day is sent when e-mail is set and it was
  not sent yet (or ``force``). ``--dry-run`` prints the plan (:func:`describe`).
- :func:`carry_out` does it in an order that loses nothing: build, render the
  files and compose the message; keep the briefing; write the files; send.
  The files, the e-mail's bodies and its attachment all come from that one
  briefing.

Each attempt to send is recorded as it starts (``sending``) and as it ends; it
is recorded ``sent`` the moment the server answers 250 to the end of DATA,
before QUIT. A failed send keeps the files and the briefing, and the next run
for the day sends them. One window is left: a crash between the server's 250
and the commit of that one row makes the next run send one more copy, no more.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import ssl
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from email.message import EmailMessage
from pathlib import Path
from typing import cast

from briefing.config import Config, EmailSettings
from briefing.deliver.email import Attempt, Outcome, Security, SmtpServer, compose, safe_filename, send_message
from briefing.deliver.files import write_atomic
from briefing.errors import ConfigError, DeliveryError, NoInputError, StateError
from briefing.loaders import NO_MATCH, finish, load_documents
from briefing.loaders.source import describe_size
from briefing.models import Briefing, Document, InputWarning
from briefing.pipeline import assemble_briefing, left_out
from briefing.render import render
from briefing.render.email import render_email
from briefing.state import State, content_hash, run_lock
from briefing.text.controls import one_line


@dataclass(frozen=True)
class DayPlan:
    """What one run for a day will do, decided before anything is done."""

    date: dt.date
    build: tuple[Document, ...] = ()
    """The documents to brief (then keep the briefing and remember them); empty when the day has a kept briefing."""
    kept: Briefing | None = None
    """The briefing an earlier run built and kept for the day: rendered and sent as it is."""
    send_to: tuple[str, ...] = ()
    """Who gets the briefing in this run; empty: nothing is sent."""
    notes: tuple[str, ...] = ()
    """What the reader of the log should know: already sent, documents gone, an attempt without a reply."""

    @property
    def idle(self) -> bool:
        """Nothing is new and nothing was kept: no briefing to write or send."""
        return self.kept is None and not self.build


@dataclass(frozen=True)
class DailyResult:
    """What one run did, for the log line and for callers that check it."""

    date: dt.date
    documents: tuple[str, ...]
    files: tuple[Path, ...]
    sent_to: tuple[str, ...]
    message: str
    plan: DayPlan


def output_path(config: Config, date: dt.date, fmt: str) -> Path:
    """Where the day's briefing in ``fmt`` is kept: ``output_dir/brief-YYYY-MM-DD.<suffix>``."""
    return config.output_dir / f"brief-{date.isoformat()}.{fmt}"


def output_paths(config: Config, date: dt.date) -> dict[str, Path]:
    """The day's file for each format kept; with e-mail set, the PDF it attaches is one of them."""
    formats = config.formats if config.email is None or "pdf" in config.formats else (*config.formats, "pdf")
    return {fmt: output_path(config, date, fmt) for fmt in formats}


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
        data_timeout=settings.data_timeout,
    )


def subject_line(settings: EmailSettings, title: str, date: dt.date) -> str:
    """The configured subject with ``{title}`` and ``{date}`` filled in."""
    return settings.subject.format(title=title, date=date.isoformat())


def _select(documents: Sequence[Document], state: State, date: dt.date) -> tuple[list[Document], int]:
    """The day's documents, and how many of those it was built from before are gone.

    A day built before (by a briefing that kept no briefing) takes its own
    documents again, preferring the copy found where it was found the first
    time; a new day takes what no briefing covered.
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
    return list(chosen.values()), missing


def plan_day(
    state: State,
    documents: Sequence[Document],
    date: dt.date,
    *,
    recipients: Sequence[str] = (),
    force: bool = False,
) -> DayPlan:
    """What a run for ``date`` does; it reads ``state`` and changes nothing.

    ``documents`` are those loaded, copies not merged yet (a day built again
    keeps the copy it was built from); ``recipients`` those of the e-mail, none
    when there is no e-mail; ``force`` sends a day already sent.
    """
    notes: list[str] = []
    kept = state.kept_briefing(date)
    build: tuple[Document, ...] = ()
    if kept is None:
        chosen, missing = _select(documents, state, date)
        build = finish(chosen)
        if missing:
            notes.append(f"{missing} of {date}'s documents are no longer in the sources; briefed without them")
    if kept is None and not build:
        return DayPlan(date, notes=tuple(notes))
    deliveries = state.deliveries(date)
    sent = any(delivery.outcome == "sent" for delivery in deliveries)
    if deliveries and not sent and deliveries[-1].outcome in ("sending", "unknown"):
        notes.append(
            f"the attempt of {deliveries[-1].attempted_at} was cut short or had no answer: it may have arrived"
        )
    if recipients and sent and not force:
        notes.append("already sent, not sending again (--force resends)")
    send_to = tuple(recipients) if recipients and (force or not sent) else ()
    return DayPlan(date, build, kept, send_to, tuple(notes))


def to_write(plan: DayPlan, paths: Mapping[str, Path]) -> dict[str, Path]:
    """The files a run writes: all of a briefing built now; those missing of a kept one (rendered from it)."""
    return {fmt: path for fmt, path in paths.items() if plan.kept is None or not path.is_file()}


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def describe(plan: DayPlan, files: Iterable[Path], state_file: Path) -> str:
    """The plan in one line: what a run would do (``--dry-run``)."""
    if plan.idle:
        return f"{plan.date}: dry run, nothing done; nothing new to brief, so nothing would be written or sent"
    if plan.kept is not None:
        steps = [f"use the briefing kept for {plan.date} ({_counted(len(plan.kept.documents), 'document')})"]
    else:
        ids = ", ".join(doc.id for doc in plan.build)
        steps = [f"brief {_counted(len(plan.build), 'document')} ({ids})", f"keep the briefing in {state_file}"]
    written = ", ".join(map(str, files))
    steps.append(f"write {written}" if written else "write nothing (its files are there)")
    steps.append(f"send it to {', '.join(plan.send_to)}" if plan.send_to else "send nothing")
    return f"{plan.date}: dry run, nothing done; would " + "; ".join([*steps, *plan.notes])


def _compose(config: Config, email: EmailSettings, briefing: Briefing, pdf: bytes, to: Sequence[str]) -> EmailMessage:
    """The day's message: its bodies from ``briefing``, the PDF rendered from it attached."""
    text, html = render_email(briefing, config.build.render)
    day = briefing.date.isoformat()
    return compose(
        sender=email.sender,
        recipients=to,
        subject=subject_line(email, briefing.title, briefing.date),
        text=text,
        html=html,
        attachments=[(f"{safe_filename(briefing.title)}-{day}.pdf", pdf)],
    )


def _deliver(
    state: State,
    config: Config,
    plan: DayPlan,
    message: EmailMessage,
    server: SmtpServer,
    email: EmailSettings,
    *,
    sleep: Callable[[float], None],
    ssl_context: ssl.SSLContext | None,
    warn: Callable[[InputWarning], None],
) -> tuple[str, ...]:
    """Send the message, each attempt recorded as it starts and ends; returns who got it."""
    date = plan.date
    attempts: list[int] = []
    outcomes: list[Outcome] = []

    def remember(attempt: Attempt) -> None:
        if attempt.outcome == "sending":
            attempts.append(state.start_delivery(date, plan.send_to))
            return
        outcomes.append(attempt.outcome)
        detail = f"refused: {', '.join(attempt.refused)}" if attempt.refused else attempt.detail
        try:
            state.end_delivery(attempts[-1], attempt.outcome, detail)
        except StateError as exc:
            if attempt.outcome != "sent":
                raise
            raise StateError(f"{exc}; {date} was sent, but the next run for {date} will send it again") from None

    try:
        refused = send_message(
            message, server, retry_delays=email.retry_delays, sleep=sleep, ssl_context=ssl_context, on_attempt=remember
        )
    except DeliveryError as exc:
        sent = "perhaps not sent" if outcomes[-1:] == ["unknown"] else "not sent"
        raise DeliveryError(
            f"{date}: briefing kept in {config.output_dir} but {sent}: {exc}; the next run for {date} sends it"
        ) from None
    if refused:
        warn(InputWarning(server.host, f"the server refused {', '.join(refused)}; the others got the briefing"))
    return tuple(to for to in plan.send_to if to not in refused)


def carry_out(
    plan: DayPlan,
    state: State,
    config: Config,
    *,
    warnings: Sequence[InputWarning] = (),
    server: SmtpServer | None = None,
    sleep: Callable[[float], None] = time.sleep,
    ssl_context: ssl.SSLContext | None = None,
    on_warning: Callable[[InputWarning], None] | None = None,
) -> DailyResult:
    """Do what ``plan`` says: everything made from one briefing before anything is kept, written or sent.

    ``warnings`` are the inputs left out of a briefing built now; ``server``
    is where the e-mail goes (needed when the plan sends).
    """
    date = plan.date
    briefing = plan.kept or assemble_briefing(
        plan.build,
        config.build,
        date=date,
        warnings=warnings,
        history=state.earlier_stories(date, config.follow_days),
        on_warning=on_warning,
    )
    paths = output_paths(config, date)
    contents = {fmt: render(briefing, fmt, config.build.render) for fmt in to_write(plan, paths)}
    outgoing: tuple[EmailMessage, SmtpServer, EmailSettings] | None = None
    if plan.send_to:
        if server is None or config.email is None:
            raise ConfigError("the plan sends the briefing: carry_out needs the e-mail settings and the server")
        pdf = contents.get("pdf") or _attachment(paths["pdf"], config.build.load.max_bytes)
        attached = pdf if isinstance(pdf, bytes) else pdf.encode()
        outgoing = (_compose(config, config.email, briefing, attached, plan.send_to), server, config.email)
    if plan.build:
        state.record_briefing(briefing, paths.values())
    for fmt, content in contents.items():
        write_atomic(paths[fmt], content)
    ids = tuple(doc.id for doc in briefing.documents)
    files = tuple(paths.values())
    done = f"{date}: {_counted(len(ids), 'document')} briefed into {_counted(len(files), 'file')}"
    done += "".join(f"; {note}" for note in plan.notes)
    if outgoing is None:
        return DailyResult(date, ids, files, (), done, plan)
    warn = on_warning or (lambda _warning: None)
    sent_to = _deliver(state, config, plan, *outgoing, sleep=sleep, ssl_context=ssl_context, warn=warn)
    return DailyResult(date, ids, files, sent_to, f"{done}; sent to {', '.join(sent_to)}", plan)


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
    """Plan the run for ``date``, then carry it out; see the module docstring.

    ``dry_run`` plans against a copy of the state and stops there: it takes no
    lock and writes, records and sends nothing; ``force`` sends again a day
    already sent. Raises :class:`DeliveryError` when sending failed (the files
    and the briefing are kept and the next run sends them).
    """
    if not config.sources:
        raise ConfigError(f"{config.origin}: sources is empty; name the files, patterns or URLs to brief")
    email = config.email
    server = smtp_server(email, environ) if email is not None else None
    lock = contextlib.nullcontext() if dry_run else run_lock(config.state_file, timeout=config.lock_timeout)
    with lock, State.open(config.state_file, snapshot=dry_run) as state:
        # Copies are picked before duplicates are merged, so that a day built again
        # keeps the copy it was built from.
        # The state remembers the pages feed entries link to, so each is fetched once (a dry
        # run's state is a copy in memory, so what it learns there is forgotten).
        loaded = load_documents(
            config.sources, on_warning=on_warning, options=config.build.load, merge=False, memory=state
        )
        plan = plan_day(state, loaded.documents, date, recipients=email.to if email else (), force=force)
        failed = [w for w in loaded.warnings if w.message != NO_MATCH]
        if plan.kept is None and failed and not loaded.documents:
            raise NoInputError(f"no usable input: none of the {len(failed)} inputs could be loaded")
        if plan.build and failed and config.build.run.strict:
            raise left_out(failed)
        if dry_run:
            files = to_write(plan, output_paths(config, date)).values()
            ids = tuple(doc.id for doc in (plan.kept.documents if plan.kept else plan.build))
            return DailyResult(date, ids, (), (), describe(plan, files, config.state_file), plan)
        if plan.idle:
            return DailyResult(date, (), (), (), f"{date}: nothing new to brief; no briefing built", plan)
        return carry_out(
            plan,
            state,
            config,
            warnings=loaded.warnings,
            server=server,
            sleep=sleep,
            ssl_context=ssl_context,
            on_warning=on_warning,
        )


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
