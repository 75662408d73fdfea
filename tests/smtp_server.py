"""For the e-mail tests: a real SMTP server on 127.0.0.1 (aiosmtpd), a TLS certificate made here, a fake sleep."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import ipaddress
import socket
import ssl
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

USER, PASSWORD = "deskbot", "s3cret-Pa55"


@dataclass
class Mailbox:
    """An aiosmtpd handler that keeps what it receives, or refuses as told."""

    received: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)
    refuse_with: str | None = None
    """A reply such as ``"550 no"`` to give to every message instead of accepting it."""
    transient_failures: int = 0
    """How many messages to answer with ``451`` before accepting."""
    unknown_recipients: tuple[str, ...] = ()
    """Addresses refused with ``550`` while the others are accepted."""

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str, options: Any) -> str:
        if address in self.unknown_recipients:
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse_with:
            return self.refuse_with
        if self.transient_failures > 0:
            self.transient_failures -= 1
            return "451 4.3.0 try again later"
        self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        self.received.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 OK"


class Sleeps(list[float]):
    """A stand-in for ``time.sleep`` that remembers the delays instead of waiting."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def _authenticator(login: bytes, password: bytes) -> Callable[..., AuthResult]:
    """An aiosmtpd authenticator that lets in ``login`` with ``password`` (bytes, as they travel)."""

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login, auth_data.password) == (login, password)
        return AuthResult(success=ok, handled=False)

    return authenticate


def free_port() -> int:
    """A port nothing listens on (for a server that is down, or one about to start)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class Certificates:
    """A CA the client trusts and a server certificate for 127.0.0.1 that it signed."""

    server: ssl.SSLContext
    client: ssl.SSLContext


def make_certificates(folder: Path) -> Certificates:
    now = dt.datetime.now(dt.timezone.utc)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "briefing test CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256())
    )
    cert_file, key_file = folder / "server.pem", folder / "server.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    server = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server.load_cert_chain(cert_file, key_file)
    client = ssl.create_default_context(cadata=ca.public_bytes(serialization.Encoding.PEM).decode())
    return Certificates(server=server, client=client)


@contextlib.contextmanager
def running_server(
    mailbox: Mailbox,
    *,
    port: int | None = None,
    starttls: ssl.SSLContext | None = None,
    implicit_tls: ssl.SSLContext | None = None,
    auth: bool = False,
    credentials: tuple[bytes, bytes] = (USER.encode(), PASSWORD.encode()),
    mechanisms_left_out: tuple[str, ...] = (),
) -> Iterator[int]:
    """An SMTP server on 127.0.0.1 for the ``with`` block; yields its port.

    With ``auth``, it asks for a login with ``credentials``, by PLAIN or LOGIN
    (less ``mechanisms_left_out``).
    """
    kwargs: dict[str, Any] = {}
    if starttls is not None:
        kwargs.update(tls_context=starttls, require_starttls=True)
    if implicit_tls is not None:
        kwargs.update(ssl_context=implicit_tls, server_hostname="127.0.0.1")
    if auth:
        kwargs.update(
            authenticator=_authenticator(*credentials),
            auth_required=True,
            auth_require_tls=starttls is not None,
            auth_exclude_mechanism=mechanisms_left_out,
        )
    controller = Controller(mailbox, hostname="127.0.0.1", port=port or free_port(), **kwargs)
    controller.start()
    try:
        yield controller.port
    finally:
        controller.stop()


STEPS = ("greeting", "EHLO", "MAIL", "RCPT", "DATA", "end of data", "accepted", "QUIT")
"""The steps of one SMTP session, in order, as :class:`UnrulyServer` names them."""


@dataclass
class UnrulyServer:
    """An SMTP server of our own (asyncio, in a thread, on 127.0.0.1) that misbehaves as it is told.

    It keeps a message as it answers 250 to the end of DATA, as a real server
    takes responsibility for it then. ``steps`` lists the steps reached
    (``STEPS``), each when it is reached and again (``"EHLO answered"``) once
    its answer is sent.
    """

    quit_reply: str | None = "221 2.0.0 bye"
    """The answer to QUIT; ``None`` closes the connection instead."""
    drop_after_accept: bool = False
    """Close the connection right after the 250 to the end of DATA."""
    data_delay: float = 0.0
    """Seconds to wait before answering the end of DATA."""
    stall_at: str | None = None
    """A step at which the server stops answering (for a test that kills the client there)."""
    before: dict[str, Callable[[], None]] = field(default_factory=dict)
    """Called (in the server's thread) when a step is reached, before the server answers it."""
    accepted: list[bytes] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    _reached: threading.Condition = field(default_factory=threading.Condition)
    _sessions: set[asyncio.Task[None] | None] = field(default_factory=set)
    """Held here: a stalled session whose client died is referenced by nothing else, and would be collected."""

    @property
    def received(self) -> list[EmailMessage]:
        return [message_from_bytes(data, policy=policy.default) for data in self.accepted]

    def wait_for(self, step: str, timeout: float = 60.0) -> None:
        """Wait until the server reaches ``step`` (of any session)."""
        with self._reached:
            if not self._reached.wait_for(lambda: step in self.steps, timeout):
                raise AssertionError(f"the server never reached {step!r}; it reached {self.steps}")

    def _reach(self, step: str) -> None:
        with self._reached:
            self.steps.append(step)
            self._reached.notify_all()

    async def _answer(self, writer: asyncio.StreamWriter, step: str, *lines: str) -> None:
        self._reach(step)
        if step in self.before:
            self.before[step]()
        if step == self.stall_at:
            await asyncio.Event().wait()  # until the test stops the server
        for index, line in enumerate(lines):
            writer.write(f"{line[:3]}{'-' if index < len(lines) - 1 else ' '}{line[4:]}\r\n".encode())
        await writer.drain()
        self._reach(f"{step} answered")

    async def _session(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        replies = {"EHLO": ("250 127.0.0.1", "250 8BITMIME"), "MAIL": ("250 OK",), "RCPT": ("250 OK",)}
        self._sessions.add(asyncio.current_task())
        try:
            await self._answer(writer, "greeting", "220 127.0.0.1 unruly ESMTP")
            while line := await reader.readline():
                verb = line.split(b" ", 1)[0].strip().upper().decode(errors="replace")
                if verb == "QUIT":
                    if self.quit_reply is not None:
                        await self._answer(writer, "QUIT", self.quit_reply)
                    return
                if verb == "DATA":
                    await self._answer(writer, "DATA", "354 end with <CRLF>.<CRLF>")
                    if not await self._message(reader, writer):
                        return
                else:
                    await self._answer(writer, "EHLO" if verb == "HELO" else verb, *replies.get(verb, ("250 OK",)))
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.CancelledError):
            pass  # the client went away, or the test stopped the server
        finally:
            writer.close()
            with contextlib.suppress(ConnectionError, asyncio.CancelledError):
                await writer.wait_closed()

    async def _message(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        """Read one message after DATA and answer it; whether the session goes on."""
        lines = []
        while (line := await reader.readline()) != b".\r\n":
            if not line:
                return False
            lines.append(line[1:] if line.startswith(b"..") else line)
        await asyncio.sleep(self.data_delay)
        await self._answer(writer, "end of data")
        self.accepted.append(b"".join(lines))
        await self._answer(writer, "accepted", "250 2.0.0 queued")
        return not self.drop_after_accept


@contextlib.contextmanager
def unruly_server(server: UnrulyServer, port: int | None = None) -> Iterator[int]:
    """Run ``server`` on 127.0.0.1 for the ``with`` block; yields its port."""
    loop = asyncio.new_event_loop()
    started = loop.run_until_complete(asyncio.start_server(server._session, "127.0.0.1", port or 0))
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    try:
        yield int(started.sockets[0].getsockname()[1])
    finally:

        async def stop() -> None:
            started.close()
            while tasks := [task for task in asyncio.all_tasks() if task is not asyncio.current_task()]:
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)
            await started.wait_closed()

        asyncio.run_coroutine_threadsafe(stop(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)
        loop.close()
