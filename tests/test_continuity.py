"""A story followed from day to day by the daily job: developing, since when, and what is new each morning."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

from smtp_server import Mailbox, free_port, running_server

from briefing.config import load_config
from briefing.continuity import EarlierStory, follow
from briefing.daily import run_daily
from briefing.models import Profile
from briefing.state import State

BRIDGE = Path(__file__).parent / "fixtures" / "bridge"
DAYS = [dt.date(2026, 11, 23), dt.date(2026, 11, 24), dt.date(2026, 11, 25)]


def write_config(folder: Path, port: int) -> Path:
    path = folder / "briefing.toml"
    path.write_text(
        f"""
title = "Varnholm brief"
sources = ["in/*.md"]
output_dir = "out"
formats = ["json"]
[email]
smtp_host = "127.0.0.1"
smtp_port = {port}
security = "none"
from = "brief@example.org"
to = ["desk@example.org"]
retry_delays = [1]
""",
        encoding="utf-8",
    )
    return path


def plain_body(mailbox: Mailbox, day: int) -> str:
    body = mailbox.received[day].get_body(preferencelist=("plain",))
    assert body is not None
    return str(body.get_content()).replace("\r\n", "\n")


def test_a_story_across_three_days_is_marked_developing_and_leads_with_what_is_new(tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, free_port()))
    assert config.email is not None
    sources = tmp_path / "in"
    sources.mkdir()
    mailbox = Mailbox()
    summaries: list[list[str]] = []
    with running_server(mailbox, port=config.email.port):
        for number, date in enumerate(DAYS, start=1):
            for report in (BRIDGE / f"day{number}").iterdir():
                shutil.copy(report, sources / f"day{number}-{report.name}")
            result = run_daily(config, date=date)
            assert result.sent_to == ("desk@example.org",)
            [story] = json.loads((config.output_dir / f"brief-{date}.json").read_text(encoding="utf-8"))["stories"]
            summaries.append([sentence["text"] for sentence in story["summary"]])
    first, second, third = (plain_body(mailbox, day) for day in range(3))
    assert "Developing" not in first and "Reports differ: 23 people [" in first
    assert "   Developing · day 2, since 23 November\n" in second
    assert "   Developing · day 3, since 23 November\n" in third
    assert "Karl Ostberg" in third and "resigned on Wednesday" in third
    told = set(summaries[0]) | set(summaries[1])
    assert not told & set(summaries[2]) and not set(summaries[0]) & set(summaries[1])
    # Told again in other words by the Post on day 3: the point of day 2 is not a point of day 3.
    assert not any("heavy corrosion" in point.lower() for point in summaries[2])
    assert "also in the brief of" not in third
    with State.open(config.state_file, snapshot=True) as state:
        [kept] = state.earlier_stories(dt.date(2026, 11, 26), days=1)
        assert kept.date == DAYS[2] and kept.first_seen == DAYS[0] and kept.previous == tuple(DAYS[:2])
        assert len(state.earlier_stories(dt.date(2026, 11, 26), days=7)) == 3
        assert state.earlier_stories(dt.date(2026, 12, 10), days=7) == []


def story(date: dt.date, terms: dict[str, float], documents: int = 2) -> EarlierStory:
    profile = Profile.of(documents, terms)
    return EarlierStory(date=date, title="Bridge", profile=profile, summary=(f"Point of {date}.",), first_seen=date)


def test_a_story_follows_every_earlier_story_the_grouping_would_merge_it_with() -> None:
    bridge = {"bridg": 0.5, "varnholm": 0.5, "collaps": 0.4, "tessel": 0.3}
    harvest = {"appl": 0.6, "harvest": 0.5, "grower": 0.4}
    earlier = [story(DAYS[0], bridge), story(DAYS[1], bridge), story(DAYS[1], harvest), story(DAYS[2], bridge)]
    found = follow([Profile.of(2, bridge), Profile.of(1, {"ferri": 1.0})], earlier, DAYS[2])
    assert found[1] is None
    continuation = found[0]
    assert continuation is not None
    assert continuation.first_seen == DAYS[0] and continuation.previous == tuple(DAYS[:2])  # not the day itself
    assert [day for _, day in continuation.points] == DAYS[:2]
