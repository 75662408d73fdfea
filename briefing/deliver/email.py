"""Sending a briefing by e-mail over SMTP, retrying what may pass and reporting what will not.

A 4xx reply, a refused, reset or timed-out connection is transient: it is
retried after each of ``retry_delays`` in turn. A 5xx reply, a TLS failure or
a server without STARTTLS is permanent and reported at once. Either way the
caller gets a :class:`DeliveryError` whose message names the server and the
reply, never the credentials.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
import re
import smtplib
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Literal

from briefing.errors import DeliveryError
from briefing.text.controls import one_line

Security = Literal["starttls", "ssl", "none"]


@dataclass(frozen=True)
class SmtpServer:
    """Where to send, and as whom; the password is kept out of ``repr``."""

    host: str
    port: int
    security: Security = "starttls"
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


def safe_filename(text: str, default: str = "briefing") -> str:
    """A file name made from ``text`` that any mail client and file system accepts."""
    stem = re.sub(r"[^\w.-]+", "-", one_line(text).lower(), flags=re.ASCII).strip(".-")
    return stem[:100] or default


def compose(
    *,
    sender: str,
    recipients: Sequence[str],
    subject: str,
    text: str,
    html: str | None = None,
    attachments: Sequence[tuple[str, bytes]] = (),
    now: dt.datetime | None = None,
) -> EmailMessage:
    """A message with a plain-text body, an optional HTML alternative and attached files."""
    message = EmailMessage()
    message["From"] = one_line(sender)
    message["To"] = ", ".join(one_line(r) for r in recipients)
    message["Subject"] = one_line(subject)
    message["Date"] = format_datetime(now or dt.datetime.now(dt.timezone.utc))
    message["Message-ID"] = make_msgid(domain=one_line(sender).rpartition("@")[2] or None)
    message.set_content(text)
    if html is not None:
        message.add_alternative(html, subtype="html")
    for name, data in attachments:
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        maintype, _, subtype = mime.partition("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=one_line(name))
    return message


def _reply(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return one_line(f"{exc.smtp_code} {text}")


def _classify(exc: Exception) -> tuple[bool, str]:
    """Whether a failure may pass if tried again, and what to tell the reader about it."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        replies = [f"{to}: {code} {msg.decode('utf-8', 'replace')}" for to, (code, msg) in exc.recipients.items()]
        transient = all(400 <= code < 500 for code, _ in exc.recipients.values())
        return transient, "recipients refused: " + one_line("; ".join(replies))
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500, _reply(exc)
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return True, f"connection closed: {exc}"
    if isinstance(exc, ssl.SSLError):
        return False, f"TLS failed: {exc.reason or exc}"
    if isinstance(exc, smtplib.SMTPException):
        return False, str(exc)
    if isinstance(exc, OSError):
        return True, exc.strerror or str(exc) or type(exc).__name__
    raise exc


def _send_once(message: EmailMessage, server: SmtpServer, context: ssl.SSLContext) -> dict[str, tuple[int, bytes]]:
    smtp: smtplib.SMTP
    if server.security == "ssl":
        smtp = smtplib.SMTP_SSL(server.host, server.port, timeout=server.timeout, context=context)
    else:
        smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    with smtp:
        if server.security == "starttls":
            smtp.starttls(context=context)
        if server.username is not None:
            smtp.login(server.username, server.password or "")
        return smtp.send_message(message)


def send_message(
    message: EmailMessage,
    server: SmtpServer,
    *,
    retry_delays: Sequence[float],
    sleep: Callable[[float], None] = time.sleep,
    ssl_context: ssl.SSLContext | None = None,
) -> dict[str, tuple[int, bytes]]:
    """Send ``message``; returns the recipients the server refused while accepting others.

    Transient failures are retried once after each delay in ``retry_delays``;
    raises :class:`DeliveryError` when the message was not sent.
    """
    context = ssl_context or ssl.create_default_context()
    pending = list(retry_delays)
    while True:
        try:
            return _send_once(message, server, context)
        except Exception as exc:  # sorted by _classify, which re-raises what it does not know
            transient, reason = _classify(exc)
        if not transient:
            raise DeliveryError(f"{server} refused the message: {reason}")
        if not pending:
            tries = f"{len(retry_delays) + 1} attempt{'s' if retry_delays else ''}"
            raise DeliveryError(f"cannot send through {server}: {reason} (gave up after {tries})")
        sleep(pending.pop(0))
