"""The daily job day to day, against a real SMTP server: first run, re-run, next day, SMTP down then up."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from smtp_server import Mailbox, Sleeps, free_port, running_server

from briefing.cli import main
from briefing.config import Config, load_config
from briefing.daily import run_daily
from briefing.errors import ConfigError, DeliveryError, NoInputError, StateError
from briefing.loaders import load_documents
from briefing.models import InputWarning
from briefing.state import MIGRATIONS, State, content_hash, run_lock

DAY1, DAY2, DAY3 = dt.date(2026, 11, 23), dt.date(2026, 11, 24), dt.date(2026, 11, 25)
BRIDGE = (
    "Old bridge closes for repairs\n\n"
    "The old bridge over the Lenne will close for six weeks from Monday, the council said.\n"
    "Buses will use the ring road, adding about ten minutes to each trip.\n"
)
ROOT = Path(__file__).resolve().parent.parent


def write_config(folder: Path, port: int, extra: str = "") -> Path:
    path = folder / "briefing.toml"
    path.write_text(
        f"""
title = "Morning brief"
sources = ["articles/*.txt", "articles/**/*.md", "gone/*.txt"]
output_dir = "out"
formats = ["json"]
lock_timeout = 30
[summary]
sentences = 2
[email]
smtp_host = "127.0.0.1"
smtp_port = {port}
security = "none"
from = "brief@example.org"
to = ["desk@example.org", "editor@example.org"]
retry_delays = [1, 2]
{extra}
""",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def config_file(articles: Path) -> Path:
    return write_config(articles.parent, free_port())


def briefed(config: Config, date: dt.date) -> dict[str, object]:
    data: dict[str, object] = json.loads((config.output_dir / f"brief-{date}.json").read_text(encoding="utf-8"))
    return data


def doc_ids(config: Config, date: dt.date) -> list[str]:
    return [str(doc["id"]) for doc in briefed(config, date)["documents"]]  # type: ignore[attr-defined]


def test_day_to_day(config_file: Path, articles: Path) -> None:
    config = load_config(config_file)
    mailbox = Mailbox()
    warnings: list[InputWarning] = []
    with running_server(mailbox, port=config.email.port if config.email else 0):
        first = run_daily(config, date=DAY1, on_warning=warnings.append)
        assert first.sent_to == ("desk@example.org", "editor@example.org")
        assert sorted(first.documents) == ["ferry-strike", "orchard-harvest"]
        assert [w.message for w in warnings] == ["no files match this pattern"]
        [mail] = mailbox.received
        assert mail["Subject"] == "Morning brief — 2026-11-23"
        [attachment] = list(mail.iter_attachments())
        assert attachment.get_filename() == "morning-brief-2026-11-23.pdf"
        kept_pdf = (config.output_dir / "brief-2026-11-23.pdf").read_bytes()
        assert attachment.get_content() == kept_pdf
        pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(kept_pdf)).pages)
        assert "Morning brief" in pdf_text and "Ferry crews" in pdf_text
        body = mail.get_body(preferencelist=("plain",))
        assert body is not None and "cancelling 42 crossings" in body.get_content()
        kept_json = (config.output_dir / "brief-2026-11-23.json").read_bytes()

        again = run_daily(config, date=DAY1)
        assert again.plan.kept is not None and again.sent_to == ()
        assert "already sent" in again.message
        assert (config.output_dir / "brief-2026-11-23.json").read_bytes() == kept_json
        assert len(mailbox.received) == 1

        (articles / "bridge.txt").write_text(BRIDGE, encoding="utf-8")
        (articles / "ferry-copy.txt").write_text((articles / "ferry-strike.txt").read_text(encoding="utf-8"))
        second = run_daily(config, date=DAY2)
        assert second.documents == ("bridge",)
        assert doc_ids(config, DAY2) == ["bridge"]
        assert len(mailbox.received) == 2
        assert mailbox.received[1]["Subject"] == "Morning brief — 2026-11-24"

        run_daily(config, date=DAY1)
        assert doc_ids(config, DAY1) == ["ferry-strike", "orchard-harvest"]
        assert len(mailbox.received) == 2

        forced = run_daily(config, date=DAY1, force=True)
        assert forced.sent_to and len(mailbox.received) == 3

        quiet = run_daily(config, date=DAY3)
        assert "nothing new" in quiet.message
        assert not (config.output_dir / "brief-2026-11-25.json").exists()
        assert len(mailbox.received) == 3

    with State.open(config.state_file) as state:
        assert [d.outcome for d in state.deliveries(DAY1)] == ["sent", "sent"]
        assert state.briefing_documents(DAY3) is None


def test_smtp_down_then_up(config_file: Path) -> None:
    config = load_config(config_file)
    assert config.email is not None
    sleeps = Sleeps()
    with pytest.raises(DeliveryError) as caught:
        run_daily(config, date=DAY1, sleep=sleeps)
    message = str(caught.value)
    assert "kept in" in message and "the next run for 2026-11-23 sends it" in message
    assert "gave up after 3 attempts" in message
    assert sleeps == [1.0, 2.0]
    kept = {path.name: path.read_bytes() for path in config.output_dir.glob("brief-*")}
    assert sorted(kept) == ["brief-2026-11-23.json", "brief-2026-11-23.pdf"]

    mailbox = Mailbox()
    with running_server(mailbox, port=config.email.port):
        result = run_daily(config, date=DAY1)
        assert result.sent_to == config.email.to
        run_daily(config, date=DAY1)
    [mail] = mailbox.received
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_content() == kept["brief-2026-11-23.pdf"]
    assert {path.name: path.read_bytes() for path in config.output_dir.glob("brief-*")} == kept
    with State.open(config.state_file) as state:
        deliveries = state.deliveries(DAY1)
    assert [d.outcome for d in deliveries] == ["failed", "failed", "failed", "sent"]  # each attempt, in order
    assert "Connection refused" in deliveries[0].detail


def test_a_refusing_server_fails_the_run_and_keeps_the_files(config_file: Path) -> None:
    config = load_config(config_file)
    assert config.email is not None
    sleeps = Sleeps()
    refusing = Mailbox(refuse_with="554 5.7.1 no thanks")
    with running_server(refusing, port=config.email.port), pytest.raises(DeliveryError, match=r"554 5\.7\.1 no"):
        run_daily(config, date=DAY1, sleep=sleeps)
    assert sleeps == []
    assert (config.output_dir / "brief-2026-11-23.pdf").exists()


def test_dry_run_prints_the_plan_and_changes_nothing(config_file: Path) -> None:
    config = load_config(config_file)
    result = run_daily(config, date=DAY1, dry_run=True)
    out = config.output_dir
    assert result.message == (
        "2026-11-23: dry run, nothing done; would brief 2 documents (ferry-strike, orchard-harvest); "
        f"keep the briefing in {config.state_file}; write {out / 'brief-2026-11-23.json'}, "
        f"{out / 'brief-2026-11-23.pdf'}; send it to desk@example.org, editor@example.org"
    )
    assert sorted(result.documents) == ["ferry-strike", "orchard-harvest"]
    assert not out.exists()

    assert config.email is not None
    with running_server(Mailbox(), port=config.email.port):
        run_daily(config, date=DAY1)
    state_bytes = config.state_file.read_bytes()
    again = run_daily(config, date=DAY1, dry_run=True)
    assert again.message.endswith(
        "would use the briefing kept for 2026-11-23 (2 documents); write nothing (its files are there); "
        "send nothing; already sent, not sending again (--force resends)"
    )
    assert "send it to desk@example.org" in run_daily(config, date=DAY1, dry_run=True, force=True).message
    assert run_daily(config, date=DAY2, dry_run=True).message == (
        "2026-11-24: dry run, nothing done; nothing new to brief, so nothing would be written or sent"
    )
    assert config.state_file.read_bytes() == state_bytes


def test_secrets_come_from_the_environment(articles: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_TEST_PASSWORD", raising=False)
    config = load_config(
        write_config(
            articles.parent,
            free_port(),
            'username_env = "BRIEFING_TEST_USER"\npassword_env = "BRIEFING_TEST_PASSWORD"',
        )
    )
    monkeypatch.setenv("BRIEFING_TEST_USER", "deskbot")
    with pytest.raises(ConfigError, match=r"BRIEFING_TEST_PASSWORD \(email.password_env\) is not set"):
        run_daily(config, date=DAY1)
    assert not config.output_dir.exists()


def test_a_damaged_state_is_a_state_error(config_file: Path) -> None:
    config = load_config(config_file)
    config.state_file.parent.mkdir(parents=True)
    config.state_file.write_bytes(b"this is not a database, " * 100)
    with pytest.raises(StateError, match=r"briefing\.sqlite3"):
        run_daily(config, date=DAY1)


def daily_process(config_file: Path, *args: str) -> subprocess.Popen[str]:
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), "HOME": str(config_file.parent)}
    return subprocess.Popen(
        [sys.executable, "-m", "briefing", "daily", "--config", str(config_file), "--date", str(DAY1), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_runs_at_once_send_once(config_file: Path) -> None:
    config = load_config(config_file)
    assert config.email is not None
    mailbox = Mailbox()
    with running_server(mailbox, port=config.email.port):
        runs = [daily_process(config_file), daily_process(config_file)]
        outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    messages = sorted(out for out, _ in outputs)
    assert "already sent" in messages[0] and "sent to desk@example.org" in messages[1]
    assert len(mailbox.received) == 1


def test_a_run_refuses_when_another_holds_the_lock(config_file: Path) -> None:
    config = load_config(config_file)
    with run_lock(config.state_file, timeout=0):
        run = daily_process(config_file, "--wait", "0")
        _, err = run.communicate(timeout=120)
    assert run.returncode == 1
    assert "another run holds" in err and err.count("\n") == 1  # the error alone: nothing was loaded
    assert not config.output_dir.joinpath("brief-2026-11-23.pdf").exists()


def test_the_command_line(config_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = load_config(config_file)
    assert config.email is not None
    mailbox = Mailbox()
    with running_server(mailbox, port=config.email.port):
        status = main(["daily", "--config", str(config_file), "--date", "2026-11-23", "--to", "night@example.org"])
        assert status == 0
        assert "sent to night@example.org" in capsys.readouterr().out
        pdf = config.output_dir / "brief-2026-11-23.pdf"
        status = main(["send", str(pdf), "--config", str(config_file), "--to", "archive@example.org"])
        assert status == 0
    assert [envelope[1] for envelope in mailbox.envelopes] == [["night@example.org"], ["archive@example.org"]]
    [attachment] = list(mailbox.received[1].iter_attachments())
    assert attachment.get_filename() == "brief-2026-11-23.pdf"
    assert attachment.get_content() == pdf.read_bytes()
    assert mailbox.received[1]["Subject"] == "Morning brief — 2026-11-23"

    assert main(["send", str(pdf), "--to", "a@example.org"]) == 1
    assert "email.smtp_host is required" in capsys.readouterr().err
    assert main(["daily", "--config", str(config_file.parent / "nope.toml")]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_nothing_to_load_is_quiet_but_nothing_loadable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    quiet = load_config(None, {"sources": [f"{tmp_path}/in/*.txt"], "output_dir": str(tmp_path / "out")})
    assert "nothing new" in run_daily(quiet, date=DAY1).message
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    with pytest.raises(NoInputError, match="none of the 1 inputs could be loaded"):
        run_daily(quiet, date=DAY1)
    assert list((tmp_path / "out").glob("brief-*")) == []


def test_after_a_failed_send_the_mail_is_the_kept_briefing_even_if_a_source_is_gone(
    config_file: Path, articles: Path
) -> None:
    config = load_config(config_file)
    assert config.email is not None
    with pytest.raises(DeliveryError):
        run_daily(config, date=DAY1, sleep=Sleeps())  # no server yet: the briefing is kept, not sent
    kept = {path.name: path.read_bytes() for path in config.output_dir.glob("brief-*")}
    (articles / "orchard-harvest.md").unlink()
    mailbox = Mailbox()
    with running_server(mailbox, port=config.email.port):
        result = run_daily(config, date=DAY1)
    assert result.documents == ("ferry-strike", "orchard-harvest")
    assert result.message.startswith("2026-11-23: 2 documents briefed into 2 files; sent to desk@example.org")
    assert {path.name: path.read_bytes() for path in config.output_dir.glob("brief-*")} == kept
    [mail] = mailbox.received
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None and "Arden valley" in body.get_content()  # the article that is gone from the sources
    [attachment] = list(mail.iter_attachments())
    assert attachment.get_content() == kept["brief-2026-11-23.pdf"]


def test_a_state_of_the_first_schema_is_brought_up_to_date(config_file: Path, articles: Path) -> None:
    """A day built by a briefing that kept no briefing is briefed again from what is left of its documents."""
    config = load_config(config_file)
    assert config.email is not None
    documents = load_documents([str(articles)]).documents
    config.state_file.parent.mkdir(parents=True)
    with sqlite3.connect(config.state_file) as db:
        for statement in MIGRATIONS[0].split(";"):
            db.execute(statement)
        db.execute("PRAGMA user_version = 1")
        db.execute("INSERT INTO briefings VALUES ('2026-11-23', 'Morning brief', '2026-11-23T06:30:00+00:00', '[]')")
        db.executemany(
            "INSERT INTO documents VALUES (?, ?, ?, ?, '2026-11-23')",
            [(content_hash(doc), doc.url, doc.path, doc.title) for doc in documents],
        )
        db.execute("INSERT INTO deliveries VALUES (1, '2026-11-23', '2026-11-23T06:31:00+00:00', 'desk', 'failed', '')")
    db.close()
    (articles / "orchard-harvest.md").unlink()
    mailbox = Mailbox()
    with running_server(mailbox, port=config.email.port):
        result = run_daily(config, date=DAY1)
    assert result.documents == ("ferry-strike",)
    assert "1 of 2026-11-23's documents are no longer in the sources; briefed without them" in result.message
    assert len(mailbox.received) == 1
    with State.open(config.state_file) as state:
        assert [d.outcome for d in state.deliveries(DAY1)] == ["failed", "sent"]
        kept = state.kept_briefing(DAY1)
    assert kept is not None and [doc.id for doc in kept.documents] == ["ferry-strike"]
    with sqlite3.connect(config.state_file) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (len(MIGRATIONS),)
    db.close()


def test_recipients_refused_while_others_got_it_are_not_sent_again(config_file: Path) -> None:
    config = load_config(config_file)
    assert config.email is not None
    mailbox = Mailbox(unknown_recipients=("editor@example.org",))
    warnings: list[InputWarning] = []
    with running_server(mailbox, port=config.email.port):
        result = run_daily(config, date=DAY1, on_warning=warnings.append)
        assert result.sent_to == ("desk@example.org",)
        assert "refused editor@example.org" in warnings[-1].message
        run_daily(config, date=DAY1)
    assert mailbox.envelopes == [("brief@example.org", ["desk@example.org"])]
    with State.open(config.state_file) as state:
        [delivery] = state.deliveries(DAY1)
    assert (delivery.outcome, delivery.detail) == ("sent", "refused: editor@example.org")


def test_send_takes_files_after_to_and_else_the_recipients_of_the_config(config_file: Path, tmp_path: Path) -> None:
    config = load_config(config_file)
    assert config.email is not None
    pdf = tmp_path / "brief-2026-11-24.pdf"
    pdf.write_bytes(b"%PDF-1.7\n% a stand-in\n%%EOF\n")
    mailbox = Mailbox()
    with running_server(mailbox, port=config.email.port):
        assert main(["send", "--config", str(config_file), "--to", "night@example.org", str(pdf)]) == 0
        assert main(["send", "--config", str(config_file), str(pdf), str(pdf)]) == 0
    assert [envelope[1] for envelope in mailbox.envelopes] == [
        ["night@example.org"],
        ["desk@example.org", "editor@example.org"],
    ]
    assert [len(list(mail.iter_attachments())) for mail in mailbox.received] == [1, 2]
    assert mailbox.received[0]["Subject"] == "Morning brief — 2026-11-24"


def test_send_reads_no_more_than_the_size_cap(config_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = load_config(config_file)
    assert config.email is not None
    mailbox = Mailbox()
    with running_server(mailbox, port=config.email.port):
        assert main(["send", "--config", str(config_file), "/dev/zero"]) == 1
    assert capsys.readouterr().err == "briefing: error: /dev/zero is larger than the size cap of 20 MB\n"
    assert mailbox.received == []
