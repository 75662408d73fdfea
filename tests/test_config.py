"""The daily job's config: defaults < TOML file < flags, with errors that name the key and the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import Config, load_config
from briefing.errors import ConfigError

FULL = """
title = "Morning brief"
sources = ["in/*.txt", "https://example.org/feed.xml"]
output_dir = "out"
formats = ["pdf", "md"]

[summary]
method = "lead"
sentences = 2

[email]
smtp_host = "smtp.example.org"
smtp_port = 2525
starttls = true
username_env = "BRIEFING_SMTP_USER"
password_env = "BRIEFING_SMTP_PASSWORD"
from = "brief@example.org"
to = ["desk@example.org"]
subject = "{title} — {date}"
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "conf" / "briefing.toml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_file_is_read_and_paths_are_relative_to_it(tmp_path: Path) -> None:
    folder = (tmp_path / "conf").resolve()
    config = load_config(write(tmp_path, FULL))
    assert config.title == "Morning brief"
    assert config.sources == (str(folder / "in/*.txt"), "https://example.org/feed.xml")
    assert config.output_dir == folder / "out"
    assert config.state == folder / "out" / "briefing.sqlite3"
    assert config.formats == ("pdf", "md")
    assert (config.summary.method, config.summary.sentences, config.summary.language) == ("lead", 2, "english")
    assert config.email is not None
    assert config.email.smtp_port == 2525
    assert (config.email.starttls, config.email.ssl) == (True, False)
    assert config.email.to == ("desk@example.org",)
    assert config.email.username_env == "BRIEFING_SMTP_USER"


def test_defaults_without_a_file() -> None:
    config = load_config()
    assert config == Config(origin="command line")
    assert config.email is None


def test_flags_override_the_file_and_are_relative_to_the_current_folder(tmp_path: Path) -> None:
    config = load_config(
        write(tmp_path, FULL),
        {"title": "Evening brief", "output_dir": "elsewhere", "email.to": ["night@example.org"], "formats": None},
    )
    assert config.title == "Evening brief"
    assert config.output_dir == Path("elsewhere")
    assert config.formats == ("pdf", "md")
    assert config.email is not None
    assert config.email.to == ("night@example.org",)
    assert config.email.smtp_host == "smtp.example.org"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('titel = "typo"\n', ["titel", "unknown key"]),
        ("[email]\nsmtp_hots = 'x'\n", ["email.smtp_hots", "unknown key"]),
        ("title = 3\n", ["title", "must be a string", "int"]),
        ("sources = 'in/*.txt'\n", ["sources", "a list of strings"]),
        ("[summary]\nsentences = '3'\n", ["summary.sentences", "a whole number"]),
        ("[email]\nstarttls = 'yes'\n", ["email.starttls", "true or false"]),
        ("email = 'smtp.example.org'\n", ["[email]", "table"]),
        ("formats = ['pdf', 'docx']\n", ["formats", "docx"]),
        ("title = \n", ["not valid TOML"]),
        ("[email]\nsmtp_host = 'h'\nfrom = 'a@b'\n", ["email.to", "required"]),
        ("[email]\nsmtp_host = 'h'\nfrom = 'a@b'\nto = []\n", ["email.to", "at least one"]),
        ("[email]\nsmtp_host = 'h'\nfrom = 'a@b'\nto = ['c@d']\nssl = true\nstarttls = true\n", ["both"]),
        ("[email]\nsmtp_host = 'h'\nfrom = 'a@b'\nto = ['c@d']\nsubject = '{title} {secret}'\n", ["secret"]),
        ("[email]\nsmtp_host = 'h'\nfrom = 'a@b'\nto = ['c@d\\nBcc: x@y']\n", ["email.to", "not an e-mail address"]),
        ("[email]\nsmtp_host = 'h'\nfrom = 'a@b'\nto = ['c@d']\nsmtp_port = 70000\n", ["email.smtp_port"]),
        ("[summary]\nsentences = 0\n", ["summary.sentences"]),
    ],
)
def test_bad_settings_name_the_key_and_the_file(tmp_path: Path, text: str, words: list[str]) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert str(path) in message
    for word in words:
        assert word in message


def test_a_bad_flag_is_named_as_a_flag(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"command line: email\.smtp_port must be a whole number"):
        load_config(write(tmp_path, FULL), {"email.smtp_port": "25"})


def test_missing_or_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00title")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(binary)


def test_ports_follow_the_security(tmp_path: Path) -> None:
    base = "[email]\nsmtp_host = 'h'\nfrom = 'a@b'\nto = ['c@d']\n"
    ssl = load_config(write(tmp_path, base + "ssl = true\n")).email
    plain = load_config(write(tmp_path, base + "starttls = false\n")).email
    starttls = load_config(write(tmp_path, base)).email
    assert ssl is not None and plain is not None and starttls is not None
    assert (ssl.smtp_port, ssl.starttls) == (465, False)
    assert (plain.smtp_port, plain.starttls, plain.ssl) == (25, False, False)
    assert (starttls.smtp_port, starttls.starttls) == (587, True)


def test_the_example_config_is_valid() -> None:
    example = Path(__file__).resolve().parent.parent / "examples" / "briefing.toml"
    config = load_config(example)
    assert config.email is not None
    assert config.sources


def test_a_theme_and_page_size_for_the_daily_files(tmp_path: Path) -> None:
    (tmp_path / "conf").mkdir()
    path = tmp_path / "conf" / "briefing.toml"
    path.write_text('template_dirs = ["theme"]\npage_size = "Letter"\n', encoding="utf-8")
    config = load_config(path)
    assert config.template_dirs == (tmp_path / "conf" / "theme",)
    assert config.page_size == "Letter"
