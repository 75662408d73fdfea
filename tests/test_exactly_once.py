"""Each brief is sent exactly once, against SMTP servers of our own that misbehave after taking the message."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from smtp_server import UnrulyServer, free_port, unruly_server

from briefing.config import Config, load_config
from briefing.daily import run_daily
from briefing.deliver.email import Attempt, SmtpServer, compose, send_message
from briefing.errors import DeliveryError
from briefing.state import State, run_lock

ROOT = Path(__file__).resolve().parent.parent
DAY = dt.date(2026, 11, 23)
FERRY = "Ferry crews strike\n\nFerry crews walked out on Friday, cancelling 42 crossings, the union said.\n"


def daily_config(
    folder: Path, port: int, *, timeout: float = 0.5, data_timeout: float = 30.0, sources: tuple[str, ...] = ("in",)
) -> Config:
    (folder / "in").mkdir(exist_ok=True)
    (folder / "in" / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (folder / "briefing.toml").write_text(
        f"""
sources = {json.dumps(list(sources))}
timeout = {timeout}
jobs = 1
formats = ["json"]
[email]
smtp_host = "127.0.0.1"
smtp_port = {port}
security = "none"
from = "brief@example.org"
to = ["desk@example.org"]
timeout = {timeout}
data_timeout = {data_timeout}
retry_delays = [0, 0, 0]
""",
        encoding="utf-8",
    )
    return load_config(folder / "briefing.toml")


def outcomes(config: Config) -> list[str]:
    with State.open(config.state_file) as state:
        return [delivery.outcome for delivery in state.deliveries(DAY)]


@pytest.mark.parametrize(
    "server",
    [
        UnrulyServer(quit_reply="421 4.3.2 shutting down"),
        UnrulyServer(quit_reply="554 5.3.0 no more today"),
        UnrulyServer(quit_reply=None),  # closes the connection instead of answering QUIT
        UnrulyServer(drop_after_accept=True),
        UnrulyServer(data_delay=1.5),  # three times the timeout of the other replies
    ],
    ids=["QUIT 421", "QUIT 554", "no reply to QUIT", "drop after 250", "slow end of DATA"],
)
def test_a_message_the_server_took_is_sent_once_whatever_follows(server: UnrulyServer, tmp_path: Path) -> None:
    with unruly_server(server) as port:
        config = daily_config(tmp_path, port)
        results = [run_daily(config, date=DAY) for _ in range(3)]
    assert len(server.accepted) == 1
    assert results[0].sent_to == ("desk@example.org",)
    assert [result.message.rpartition("; ")[2] for result in results[1:]] == [
        "already sent, not sending again (--force resends)"
    ] * 2
    assert outcomes(config) == ["sent"]


def test_a_server_slower_than_the_data_timeout_leaves_a_doubt_worth_one_copy_at_most(tmp_path: Path) -> None:
    server = UnrulyServer(data_delay=1.5)
    with unruly_server(server) as port:
        config = daily_config(tmp_path, port, data_timeout=0.3)
        with pytest.raises(DeliveryError) as caught:
            run_daily(config, date=DAY)
        assert outcomes(config) == ["unknown"]  # one attempt only, though three retries are allowed
        server.wait_for("accepted answered")  # the server took it after the client gave up
        server.data_delay = 0
        again = run_daily(config, date=DAY)
        run_daily(config, date=DAY)
    assert str(caught.value) == (
        f"2026-11-23: briefing kept in {config.output_dir} but perhaps not sent: 127.0.0.1:{port} gave no reply "
        "to the end of the message (none within 0.3 s): it may have arrived; not sent again in this run; "
        "the next run for 2026-11-23 sends it"
    )
    assert "was cut short or had no answer: it may have arrived" in again.message
    assert len(server.accepted) == 2  # the one duplicate a doubt can cost
    assert outcomes(config) == ["unknown", "sent"]


def test_the_sending_is_told_between_the_250_and_quit(tmp_path: Path) -> None:
    server = UnrulyServer()
    heard: list[tuple[Attempt, list[str]]] = []
    message = compose(sender="brief@example.org", recipients=["desk@example.org"], subject="s", text="text\n.\n")
    with unruly_server(server) as port:
        send_message(
            message,
            SmtpServer("127.0.0.1", port, security="none"),
            retry_delays=(),
            on_attempt=lambda attempt: heard.append((attempt, list(server.steps))),
        )
    [(starting, _), (sent, steps)] = heard
    assert (starting.outcome, sent.outcome) == ("sending", "sent")
    assert steps[-1] == "accepted answered" and "QUIT" not in steps
    assert server.steps[-1] == "QUIT answered"
    assert server.received[0].get_content().splitlines() == ["text", "."]  # a line of one dot is not the end


KILL_POINTS = (
    "waiting for another run's lock",
    "waiting for the state another process writes",
    "loading a URL",
    "greeting",
    "EHLO",
    "MAIL",
    "RCPT",
    "DATA",
    "end of data",
    "between the server's 250 and the state's commit",
    "QUIT",
)
"""Where a daily run is killed: before the SMTP session, and at each step of it (named as the server names them).

Up to the greeting the run is a day's first; from EHLO on it is the run after a failed send (the same steps,
and no PDF to render again, which keeps the test short).
"""
DUPLICATE_AT = "between the server's 250 and the state's commit"
"""The one point where a kill costs a copy: the server has taken the message and the state cannot know it yet."""


@pytest.fixture(scope="module")
def failed_day(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The output folder of a day's first run whose send failed: its files, kept briefing and failed attempts."""
    folder = tmp_path_factory.mktemp("failed-day")
    config = daily_config(folder, free_port())
    with pytest.raises(DeliveryError):
        run_daily(config, date=DAY)
    return config.output_dir


@contextlib.contextmanager
def writing(state_file: Path) -> Iterator[None]:
    """Another process's write transaction on the state (a connection any thread may close)."""
    db = sqlite3.connect(state_file, isolation_level=None, check_same_thread=False)
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    finally:
        db.execute("ROLLBACK")
        db.close()


@contextlib.contextmanager
def stalling_page() -> Iterator[tuple[str, threading.Event, threading.Event]]:
    """A URL whose server says nothing until ``release`` is set; ``asked`` is set when it is requested."""
    asked, release = threading.Event(), threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.set()
            release.wait(60)
            with contextlib.suppress(OSError):
                body = FERRY.replace("Ferry crews", "Tram drivers").encode()
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/tram", asked, release
    finally:
        release.set()
        httpd.shutdown()
        httpd.server_close()


def daily_process(config_file: Path) -> subprocess.Popen[str]:
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), "HOME": str(config_file.parent)}
    command = [sys.executable, "-m", "briefing", "daily", "--config", str(config_file), "--date", str(DAY)]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_until_open(run: subprocess.Popen[str], path: Path) -> None:
    """Wait until the process has ``path`` open (it then waits for the lock another holds)."""
    for _ in range(600):
        with contextlib.suppress(OSError):
            if any(fd.readlink() == path for fd in Path(f"/proc/{run.pid}/fd").iterdir()):
                return
        time.sleep(0.1)
    raise AssertionError(f"the run never opened {path}")


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="finds what a process holds open in /proc")
@pytest.mark.parametrize("point", KILL_POINTS)
def test_kill_9_at_any_point_never_loses_the_brief_and_sends_it_once(
    point: str, tmp_path: Path, failed_day: Path
) -> None:
    if KILL_POINTS.index(point) > KILL_POINTS.index("greeting"):
        shutil.copytree(failed_day, tmp_path / "out")
    server = UnrulyServer(stall_at=point)
    with unruly_server(server) as port, stalling_page() as (url, asked, release), contextlib.ExitStack() as held:
        sources = ("in", url) if point == "loading a URL" else ("in",)
        config = daily_config(tmp_path, port, timeout=60, sources=sources)
        config_file = tmp_path / "briefing.toml"
        if point == "waiting for another run's lock":
            held.enter_context(run_lock(config.state_file, timeout=0))
        if point == "waiting for the state another process writes":
            with State.open(config.state_file):
                pass
            held.enter_context(writing(config.state_file))
        if point == DUPLICATE_AT:
            server.before["accepted"] = lambda: held.enter_context(writing(config.state_file))
        run = daily_process(config_file)
        if point == "waiting for another run's lock":
            wait_until_open(run, Path(f"{config.state_file}.lock"))
        elif point == "waiting for the state another process writes":
            wait_until_open(run, config.state_file)
        elif point == "loading a URL":
            assert asked.wait(60)
        else:
            server.wait_for("accepted answered" if point == DUPLICATE_AT else point)
        run.kill()
        run.communicate(timeout=60)
        held.close()
        release.set()
        server.stall_at = None
        server.before.clear()
        again = daily_process(config_file)
        out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert out.endswith(
        "already sent, not sending again (--force resends)\n" if point == "QUIT" else "sent to desk@example.org\n"
    )
    assert len(server.accepted) == (2 if point == DUPLICATE_AT else 1)
    assert outcomes(config)[-1] == "sent"
    assert sorted(path.name for path in config.output_dir.iterdir() if path.name.startswith(("brief-", ".brief-"))) == [
        "brief-2026-11-23.json",
        "brief-2026-11-23.pdf",
    ]
