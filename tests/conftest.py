"""Fixtures the project writes itself: short news articles in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest

ARTICLES = {
    "ferry-strike.txt": (
        "Ferry crews strike over new rosters\n\n"
        "Ferry crews on the Northgate line walked out on Friday in a dispute over new rosters, "
        "cancelling 42 crossings.\n"
        "The operator, Bluewater Lines, said the strike would cost it about 600,000 euros a day.\n"
        '"We did not choose this fight, but we will not accept twelve-hour shifts," said union '
        "secretary Maria Jensen.\n"
        "Talks are due to resume on Monday at the labour ministry.\n"
    ),
    "orchard-harvest.md": (
        "---\n"
        "title: Apple growers report record harvest\n"
        "source: Valley Farmer\n"
        "date: 2026-09-14\n"
        "url: https://valley.example.org/apples\n"
        "---\n\n"
        "# Apple growers report record harvest\n\n"
        "Growers in the Arden valley picked 81,000 tonnes of apples this season, the most since 1990.\n\n"
        '"The weather was kind to us from blossom to picking," said grower **Tom Ashby**.\n\n'
        "Prices fell by 8 per cent as supermarkets bought less fruit from abroad.\n"
    ),
}


@pytest.fixture(autouse=True)
def no_config_of_the_user(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the config file of whoever runs the tests: the user's config folder is an empty one."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config-home")))
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder of two unrelated articles, one text and one Markdown with front matter."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
