"""Sending a briefing by e-mail over SMTP: each message handed over once, each attempt told as it goes.

An attempt is one SMTP session, driven command by command (not with
``with smtplib.SMTP(...)``, whose exit raises when QUIT is not answered 221,
after the server has taken the message). The moment the server answers 250 to
the end of DATA the message is the server's: the caller hears of it at once
(an :class:`Attempt` whose outcome is ``sent``; the daily job records it
there), and whatever QUIT then brings is only logged. The message and that
final reply have their own, long timeout (``data_timeout``; RFC 5321 allows
ten minutes for the reply), the other replies ``timeout``.

Before that moment, a 4xx reply or a refused, reset or timed-out connection is
transient and retried after each of ``retry_delays`` in turn; a 5xx reply, a
TLS failure or a server without STARTTLS is permanent. No reply at all to the
end of DATA (a time-out, a closed connection) leaves it unknown whether the
message arrived: that attempt is the call's last, so such a doubt costs one
copy at most. A :class:`DeliveryError` names the server and its reply, never a
credential; credentials are sent as the bytes the environment holds, so a
password in any encoding works.
"""

from __future__ import annotations

import base64
import datetime as dt
import email.policy
import io
import logging
import mimetypes
import os
import re
import smtplib
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from email.generator import BytesGenerator
from email.message import EmailMessage
from email.utils import format_datetime, getaddresses, make_msgid, parseaddr
from typing import Literal

from briefing.errors import ConfigError, DeliveryError
from briefing.text.controls import one_line

LOGGER = logging.getLogger(__name__)
Security = Literal["starttls", "ssl", "none"]
Outcome = Literal["sending", "sent", "failed", "unknown"]
"""An attempt under way, the message accepted, not accepted, or no reply to the end of DATA."""
Refused = dict[str, tuple[int, bytes]]
"""Recipients the server refused while it accepted the others, with its reply to each."""


@dataclass(frozen=True)
class SmtpServer:
    """Where to send, and as whom; the password is kept out of ``repr``."""

    host: str
    port: int
    security: Security = "starttls"
    username: str | None = None
    password: str | None = field(default=None, repr=False)
    timeout: float = 30.0
    """Seconds to wait for each reply of the server, and to connect."""
    data_timeout: float = 600.0
    """Seconds to send the message and wait for the reply to its end (RFC 5321: ten minutes)."""

    def __str__(self) -> str:
        return f"{self.host}:{self.port}"


@dataclass(frozen=True)
class Attempt:
    """One try at sending, as the caller hears of it: when it starts (``sending``), then how it ended."""

    number: int
    outcome: Outcome
    detail: str = ""
    refused: tuple[str, ...] = ()


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


class _Unanswered(Exception):
    """The end of DATA was sent and no reply came: the message may or may not have arrived."""


@dataclass(frozen=True)
class _Failure:
    outcome: Outcome
    transient: bool
    reason: str


def _reply(code: int, text: bytes | str) -> str:
    shown = text.decode("utf-8", "replace") if isinstance(text, bytes) else text
    return one_line(f"{code} {shown}")


def _failure(exc: Exception) -> _Failure:
    """Whether a failure may pass if tried again, and what to tell the reader about it."""
    if isinstance(exc, _Unanswered):
        return _Failure("unknown", False, f"no reply to the end of the message ({exc}): it may have arrived")
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        replies = [f"{to}: {_reply(code, text)}" for to, (code, text) in exc.recipients.items()]
        transient = all(400 <= code < 500 for code, _ in exc.recipients.values())
        return _Failure("failed", transient, "recipients refused: " + "; ".join(replies))
    if isinstance(exc, smtplib.SMTPResponseException):
        return _Failure("failed", 400 <= exc.smtp_code < 500, _reply(exc.smtp_code, exc.smtp_error))
    if isinstance(exc, ssl.SSLError):
        return _Failure("failed", False, f"TLS failed: {exc.reason or exc}")
    if isinstance(exc, smtplib.SMTPException) and not isinstance(exc, smtplib.SMTPServerDisconnected):
        return _Failure("failed", False, str(exc))
    if isinstance(exc, OSError):
        return _Failure("failed", True, exc.strerror or str(exc) or type(exc).__name__)
    raise exc


def _credential(text: str, what: str) -> bytes:
    """``text`` as the bytes the environment held (any encoding); never shown, even when it cannot be encoded."""
    try:
        return os.fsencode(text)
    except UnicodeError:
        raise ConfigError(f"the SMTP {what} holds characters that cannot be sent") from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _login(smtp: smtplib.SMTP, username: str, password: str) -> None:
    """AUTH PLAIN, else AUTH LOGIN, with the credentials as bytes (smtplib would encode them as ASCII)."""
    user, secret = _credential(username, "user name"), _credential(password, "password")
    smtp.ehlo_or_helo_if_needed()
    offered = smtp.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" in offered:
        code, reply = smtp.docmd("AUTH", "PLAIN " + _b64(b"\0" + user + b"\0" + secret))
    elif "LOGIN" in offered:
        code, reply = smtp.docmd("AUTH", "LOGIN " + _b64(user))
        if code == 334:
            code, reply = smtp.docmd(_b64(secret))
    else:
        known = ", ".join(offered) or "none"
        raise smtplib.SMTPNotSupportedError(f"briefing logs in with PLAIN or LOGIN; the server offers {known}")
    if code not in (235, 503):  # 503: already logged in
        raise smtplib.SMTPAuthenticationError(code, reply)


def _wire_form(message: EmailMessage, international: bool) -> bytes:
    """The message as DATA carries it: CRLF line ends, dot-stuffed, ended by a line holding one dot."""
    buffer = io.BytesIO()
    BytesGenerator(buffer, policy=email.policy.SMTPUTF8 if international else email.policy.SMTP).flatten(message)
    data = re.sub(rb"(?m)^\.", b"..", buffer.getvalue())
    return data + (b"" if data.endswith(b"\r\n") else b"\r\n") + b".\r\n"


def _hand_over(smtp: smtplib.SMTP, message: EmailMessage, data_timeout: float) -> Refused:
    """MAIL, RCPT and DATA; returns once the server has answered 250 to the end of the message."""
    sender = parseaddr(str(message["From"]))[1]
    recipients = [address for _, address in getaddresses([str(v) for v in message.get_all("To", [])]) if address]
    international = not all(address.isascii() for address in (sender, *recipients))
    smtp.ehlo_or_helo_if_needed()
    code, reply = smtp.mail(sender, ["SMTPUTF8", "BODY=8BITMIME"] if international else [])
    if code != 250:
        raise smtplib.SMTPSenderRefused(code, reply, sender)
    refused: Refused = {}
    for recipient in recipients:
        code, reply = smtp.rcpt(recipient)
        if code not in (250, 251):
            refused[recipient] = (code, reply)
    if len(refused) == len(recipients):
        raise smtplib.SMTPRecipientsRefused(refused)
    code, reply = smtp.docmd("DATA")
    if code != 354:
        raise smtplib.SMTPDataError(code, reply)
    if smtp.sock is not None:
        smtp.sock.settimeout(data_timeout)
    smtp.send(_wire_form(message, international))
    try:
        code, reply = smtp.getreply()
    except OSError as exc:
        timed_out = "timed out" in str(exc)
        raise _Unanswered(f"none within {data_timeout:g} s" if timed_out else "the connection was closed") from None
    if code != 250:
        raise smtplib.SMTPDataError(code, reply)
    return refused


def _open(server: SmtpServer, context: ssl.SSLContext) -> smtplib.SMTP:
    """A session that has been greeted, secured and logged into as ``server`` says."""
    if server.security == "ssl":
        smtp: smtplib.SMTP = smtplib.SMTP_SSL(server.host, server.port, timeout=server.timeout, context=context)
    else:
        smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
    try:
        if server.security == "starttls":
            smtp.starttls(context=context)
        if server.username is not None:
            _login(smtp, server.username, server.password or "")
    except BaseException:
        smtp.close()
        raise
    return smtp


def _quit(smtp: smtplib.SMTP, server: SmtpServer) -> None:
    """Say goodbye; the message is already the server's, so nothing QUIT brings can change that."""
    try:
        if smtp.sock is not None:
            smtp.sock.settimeout(server.timeout)
        code, reply = smtp.docmd("QUIT")
        if code != 221:
            LOGGER.debug("%s answered QUIT with %s", server, _reply(code, reply))
    except OSError as exc:
        LOGGER.debug("%s: QUIT failed: %s", server, exc)
    finally:
        smtp.close()


def _without_secrets(text: str, server: SmtpServer) -> str:
    """``text`` with any credential it repeats (a server may echo one) blotted out."""
    for secret in (server.username, server.password):
        if secret and len(secret) >= 4:  # a shorter one would blot out ordinary words
            text = text.replace(secret, "[secret]")
    return text


def send_message(
    message: EmailMessage,
    server: SmtpServer,
    *,
    retry_delays: Sequence[float],
    sleep: Callable[[float], None] = time.sleep,
    ssl_context: ssl.SSLContext | None = None,
    on_attempt: Callable[[Attempt], None] | None = None,
) -> Refused:
    """Send ``message`` once; returns the recipients the server refused while accepting the others.

    ``on_attempt`` hears of each attempt as it starts and as it ends; it hears
    ``sent`` between the server's 250 and QUIT, and an error it raises then is
    passed on as it is (the message is sent: it is not tried again). Transient
    failures are retried once after each delay in ``retry_delays``; raises
    :class:`DeliveryError` when the message was not sent, or may not have been.
    """
    tell = on_attempt or (lambda _attempt: None)
    context = ssl_context or ssl.create_default_context()
    number = 0
    while True:
        number += 1
        tell(Attempt(number, "sending"))
        try:
            smtp = _open(server, context)
            try:
                refused = _hand_over(smtp, message, server.data_timeout)
            except BaseException:
                smtp.close()
                raise
        except Exception as exc:  # sorted by _failure, which re-raises what it does not know
            failure = _failure(exc)
            reason = _without_secrets(failure.reason, server)
            tell(Attempt(number, failure.outcome, reason))
            if failure.outcome == "unknown":
                raise DeliveryError(f"{server} gave {reason}; not sent again in this run") from None
            if not failure.transient:
                raise DeliveryError(f"{server} refused the message: {reason}") from None
            if number > len(retry_delays):
                tries = f"{number} attempt{'s' if number > 1 else ''}"
                raise DeliveryError(f"cannot send through {server}: {reason} (gave up after {tries})") from None
            sleep(retry_delays[number - 1])
            continue
        try:
            tell(Attempt(number, "sent", refused=tuple(refused)))
        finally:
            _quit(smtp, server)
        return refused
