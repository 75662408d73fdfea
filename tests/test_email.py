"""E-mail: messages built, bodies rendered, and sent to a real SMTP server on 127.0.0.1."""

from __future__ import annotations

import datetime as dt
import ssl
from email.message import EmailMessage
from pathlib import Path

import pytest
from smtp_server import (
    PASSWORD,
    USER,
    Mailbox,
    Sleeps,
    UnrulyServer,
    free_port,
    make_certificates,
    running_server,
    unruly_server,
)

from briefing.deliver.email import SmtpServer, compose, safe_filename, send_message
from briefing.errors import ConfigError, DeliveryError
from briefing.models import Briefing, Document, Statement, Story, SummarySentence
from briefing.render.email import render_email
from briefing.text.controls import one_line

PDF = b"%PDF-1.7\n% a tiny stand-in: the daily tests attach a real one\n%%EOF\n"
TEXT = (
    "Ferry crews strike\x1b[31m over rosters\n"
    'Crews cancelled 42 crossings on Friday. "We will not accept it," said Maria Jensen. <b>bold</b>\n'
)


def briefing() -> Briefing:
    doc = Document(id="ferry", text=TEXT, title="Ferry crews strike\x1b[31m over rosters", source="Harbour <News>")
    first = TEXT.index("Crews")
    quote = TEXT.index("We will")
    return Briefing(
        title="Morning brief",
        date=dt.date(2026, 11, 23),
        documents=(doc,),
        stories=(
            Story(
                title=doc.title or "",
                documents=("ferry",),
                summary=(SummarySentence(TEXT[first : first + 39], first, first + 39, 1.0, "ferry"),),
                statements=(
                    Statement("We will not accept it,", quote, quote + 22, "Maria Jensen", "said", "direct", "ferry"),
                ),
            ),
        ),
    )


def message(recipients: tuple[str, ...] = ("desk@example.org",)) -> EmailMessage:
    text, html = render_email(briefing())
    return compose(
        sender="brief@example.org",
        recipients=recipients,
        subject="Morning brief — 2026-11-23",
        text=text,
        html=html,
        attachments=[("morning-brief-2026-11-23.pdf", PDF)],
    )


def check_received(received: EmailMessage) -> None:
    assert received.get_content_type() == "multipart/mixed"
    body = received.get_body(preferencelist=("plain",))
    html = received.get_body(preferencelist=("html",))
    assert body is not None and html is not None
    assert "Crews cancelled 42 crossings on Friday." in body.get_content()
    assert "Maria Jensen" in html.get_content()
    [attachment] = list(received.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "morning-brief-2026-11-23.pdf"
    assert attachment.get_content() == PDF
    assert received["Subject"] == "Morning brief — 2026-11-23"


def test_bodies_carry_the_briefing_without_control_characters_or_markup() -> None:
    text, html = render_email(briefing())
    assert text.startswith("Morning brief — 2026-11-23\n")
    assert "Crews cancelled 42 crossings on Friday." in text
    assert "We will not accept it," in text and "Maria Jensen" in text
    assert "\x1b" not in text and "\x1b" not in html
    assert "attached" in text
    assert "<b>bold</b>" not in html
    assert "Harbour &lt;News&gt;" in html
    assert "<style>" in html and "Crews cancelled 42 crossings" in html


def test_message_parts() -> None:
    built = message()
    assert built.get_content_type() == "multipart/mixed"
    alternative = next(part for part in built.iter_parts() if part.get_content_type() == "multipart/alternative")
    assert [p.get_content_type() for p in alternative.iter_parts()] == ["text/plain", "text/html"]
    assert built["Message-ID"].endswith("@example.org>")


def test_control_characters_never_reach_headers_or_file_names() -> None:
    built = compose(
        sender="brief@example.org",
        recipients=["desk@example.org"],
        subject="Strike\r\nBcc: everyone@example.org\x00\u202e",
        text="body",
        attachments=[("../bad\nname.pdf", PDF)],
    )
    assert built["Subject"] == "Strike Bcc: everyone@example.org"
    assert "Bcc" not in built
    assert one_line("a\tb\x7fc\u200bd") == "a b c d"
    assert safe_filename("Morning brief — 23/11\x1b") == "morning-brief-23-11"
    assert safe_filename("\x00\x01") == "briefing"


def test_plain_smtp() -> None:
    mailbox = Mailbox()
    with running_server(mailbox) as port:
        refused = send_message(message(), SmtpServer("127.0.0.1", port, security="none"), retry_delays=())
    assert refused == {}
    [received] = mailbox.received
    check_received(received)
    assert mailbox.envelopes == [("brief@example.org", ["desk@example.org"])]


def test_starttls_with_login(tmp_path: Path) -> None:
    certs = make_certificates(tmp_path)
    mailbox = Mailbox()
    server = SmtpServer("127.0.0.1", 0, security="starttls", username=USER, password=PASSWORD)
    assert PASSWORD not in repr(server)
    with running_server(mailbox, starttls=certs.server, auth=True) as port:
        send_message(
            message(), SmtpServer(**{**server.__dict__, "port": port}), ssl_context=certs.client, retry_delays=()
        )
    [received] = mailbox.received
    check_received(received)


def test_implicit_tls(tmp_path: Path) -> None:
    certs = make_certificates(tmp_path)
    mailbox = Mailbox()
    with running_server(mailbox, implicit_tls=certs.server) as port:
        send_message(
            message(), SmtpServer("127.0.0.1", port, security="ssl"), ssl_context=certs.client, retry_delays=()
        )
    assert len(mailbox.received) == 1


def test_an_untrusted_certificate_is_permanent(tmp_path: Path) -> None:
    certs = make_certificates(tmp_path)
    sleeps = Sleeps()
    with running_server(Mailbox(), starttls=certs.server) as port, pytest.raises(DeliveryError, match="TLS failed"):
        send_message(
            message(),
            SmtpServer("127.0.0.1", port),
            sleep=sleeps,
            ssl_context=ssl.create_default_context(),
            retry_delays=(),
        )
    assert sleeps == []


def test_a_wrong_password_is_permanent_and_never_shown(tmp_path: Path) -> None:
    certs = make_certificates(tmp_path)
    sleeps = Sleeps()
    wrong = "wrong-Pa55word"
    with running_server(Mailbox(), starttls=certs.server, auth=True) as port, pytest.raises(DeliveryError) as caught:
        send_message(
            message(),
            SmtpServer("127.0.0.1", port, username=USER, password=wrong),
            sleep=sleeps,
            ssl_context=certs.client,
            retry_delays=(),
        )
    assert "535" in str(caught.value)
    assert wrong not in str(caught.value)
    assert sleeps == []


def test_a_refusing_server_is_reported_at_once() -> None:
    sleeps = Sleeps()
    mailbox = Mailbox(refuse_with="554 5.7.1 message rejected as spam")
    with running_server(mailbox) as port, pytest.raises(DeliveryError) as caught:
        send_message(message(), SmtpServer("127.0.0.1", port, security="none"), sleep=sleeps, retry_delays=())
    assert f"127.0.0.1:{port} refused the message: 554 5.7.1 message rejected as spam" in str(caught.value)
    assert sleeps == []
    assert mailbox.received == []


def test_transient_replies_are_retried_with_backoff() -> None:
    sleeps = Sleeps()
    mailbox = Mailbox(transient_failures=2)
    with running_server(mailbox) as port:
        send_message(
            message(), SmtpServer("127.0.0.1", port, security="none"), retry_delays=(1.0, 4.0, 16.0), sleep=sleeps
        )
    assert sleeps == [1.0, 4.0]
    assert len(mailbox.received) == 1


def test_a_server_that_is_down_is_retried_then_reported() -> None:
    sleeps = Sleeps()
    port = free_port()
    with pytest.raises(DeliveryError) as caught:
        send_message(message(), SmtpServer("127.0.0.1", port, security="none"), retry_delays=(1.0, 2.0), sleep=sleeps)
    assert sleeps == [1.0, 2.0]
    assert f"cannot send through 127.0.0.1:{port}" in str(caught.value)
    assert "gave up after 3 attempts" in str(caught.value)


def test_some_recipients_refused_is_returned() -> None:
    mailbox = Mailbox(unknown_recipients=("gone@example.org",))
    with running_server(mailbox) as port:
        refused = send_message(
            message(("desk@example.org", "gone@example.org")),
            SmtpServer("127.0.0.1", port, security="none"),
            retry_delays=(),
        )
    assert list(refused) == ["gone@example.org"]
    assert mailbox.envelopes == [("brief@example.org", ["desk@example.org"])]


@pytest.mark.parametrize("mechanism", ["PLAIN", "LOGIN"])
@pytest.mark.parametrize(
    ("password", "sent_as"),
    [
        ("Kennwort-é-€-ß-密码", "Kennwort-é-€-ß-密码".encode()),
        ("geheim-\udce9", b"geheim-\xe9"),  # a Latin-1 byte in the environment, as Python holds it
    ],
    ids=["UTF-8", "Latin-1 bytes"],
)
def test_a_password_in_any_encoding_logs_in(tmp_path: Path, mechanism: str, password: str, sent_as: bytes) -> None:
    certs = make_certificates(tmp_path)
    mailbox = Mailbox()
    left_out = tuple({"PLAIN", "LOGIN"} - {mechanism})
    login = "desk-bot-ü"
    with running_server(
        mailbox, starttls=certs.server, auth=True, credentials=(login.encode(), sent_as), mechanisms_left_out=left_out
    ) as port:
        server = SmtpServer("127.0.0.1", port, username=login, password=password)
        send_message(message(), server, ssl_context=certs.client, retry_delays=())
    assert len(mailbox.received) == 1


def test_no_message_names_any_part_of_a_wrong_password(tmp_path: Path) -> None:
    certs = make_certificates(tmp_path)
    wrong = "falsch-é-€-Kennwort"
    with running_server(Mailbox(), starttls=certs.server, auth=True) as port, pytest.raises(DeliveryError) as caught:
        send_message(
            message(),
            SmtpServer("127.0.0.1", port, username=USER, password=wrong),
            ssl_context=certs.client,
            retry_delays=(),
        )
    shown = str(caught.value)
    assert shown.startswith(f"127.0.0.1:{port} refused the message: 535")
    assert not any(wrong[i : i + 4] in shown for i in range(len(wrong) - 3)), shown
    assert "é" not in shown and "€" not in shown


def test_a_password_that_cannot_be_sent_is_a_setting_error_that_shows_none_of_it() -> None:
    with running_server(Mailbox()) as port, pytest.raises(ConfigError) as caught:
        server = SmtpServer("127.0.0.1", port, security="none", username=USER, password="pass\ud800word")
        send_message(message(), server, retry_delays=())
    assert str(caught.value) == "the SMTP password holds characters that cannot be sent"


def test_a_server_that_echoes_the_credentials_has_them_blotted_out() -> None:
    server = UnrulyServer()
    secret = "s3cret-Pa55"
    with unruly_server(server) as port, pytest.raises(DeliveryError) as caught:
        send_message(
            message(),
            SmtpServer("127.0.0.1", port, security="none", username=USER, password=secret),
            retry_delays=(),
        )
    assert "offers none" in str(caught.value)  # the unruly server offers no AUTH at all
    assert secret not in str(caught.value)
