"""The daily job's config: defaults < TOML file < flags, with errors that name the key and the file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.cli import given_settings, make_parser
from briefing.config import KEYS, Config, find_config, load_config, write_starter
from briefing.errors import ConfigError
from briefing.options import BuildOptions, LoadOptions, RenderOptions, RunOptions, SummaryOptions

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
security = "starttls"
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
    assert config.state_file == folder / "out" / "briefing.sqlite3"
    assert config.formats == ("pdf", "md")
    summary = config.build.summary
    assert (summary.method, summary.sentences, summary.language) == ("lead", 2, "english")
    assert config.email is not None
    assert config.email.port == 2525
    assert config.email.security == "starttls"
    assert config.email.to == ("desk@example.org",)
    assert config.email.username_env == "BRIEFING_SMTP_USER"


def test_defaults_without_a_file() -> None:
    config = load_config()
    assert config == Config(origin="command line")
    assert config.email is None
    assert config.build == BuildOptions()
    assert (config.build.load.max_bytes, config.build.load.timeout) == (20 * 1024 * 1024, 10.0)


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
        ('titel = "typo"\n', ["titel", "unknown key", "did you mean 'title'?"]),
        ("[email]\nsmtp_hots = 'x'\n", ["email.smtp_hots", "unknown key", "did you mean 'email.smtp_host'?"]),
        ("colour = 'red'\n", ["unknown key 'colour'", "known keys: sources, output_dir,"]),
        ("title = 3\n", ["title", "must be a string", "int"]),
        ("sources = 'in/*.txt'\n", ["sources", "must be a list"]),
        ("[summary]\nsentences = 'three'\n", ["summary.sentences", "a whole number"]),
        ("[summary]\nmethod = 'magic'\n", ["summary.method", "must be one of news, lead,"]),
        ("[email]\nsecurity = 'yes'\n", ["email.security", "must be one of starttls, ssl, none"]),
        ("[email]\nstarttls = true\n", ["email.starttls is gone", 'email.security = "starttls"']),
        ("max_size = '20 parsecs'\n", ["max_size", "a size such as 20MB"]),
        ("strict = 'yes'\n", ["strict", "true or false"]),
        ("jobs = 0\n", ["jobs", "at least 1"]),
        ("email = 'smtp.example.org'\n", ["[email]", "table"]),
        ("formats = ['pdf', 'docx']\n", ["formats", "docx"]),
        ("title = \n", ["not valid TOML"]),
        ("[email]\nsmtp_host = 'h'\nfrom = 'a@b'\n", ["email.to", "required"]),
        ("[email]\nsmtp_host = 'h'\nfrom = 'a@b'\nto = []\n", ["email.to", "at least one"]),
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
    with pytest.raises(ConfigError, match=r"command line: email\.smtp_port must be a port number"):
        load_config(write(tmp_path, FULL), {"email.smtp_port": "port 25"})
    with pytest.raises(ConfigError, match=r"command line: unknown key 'summary\.metod'; did you mean"):
        load_config(None, {"summary.metod": "lead"})


def test_records_check_themselves_as_the_file_would() -> None:
    with pytest.raises(ConfigError, match=r"summary\.method must be one of"):
        SummaryOptions(method="magic")
    with pytest.raises(ConfigError, match="jobs must be a whole number of at least 1"):
        RunOptions(jobs=0)
    assert RenderOptions(page_size="letter").page_size == "Letter"
    assert LoadOptions(max_bytes="5MB").max_bytes == 5 * 1024 * 1024  # type: ignore[arg-type]


def test_missing_or_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such config file"):
        load_config(tmp_path / "nope.toml")
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00title")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(binary)


def test_ports_follow_the_security(tmp_path: Path) -> None:
    base = "[email]\nsmtp_host = 'h'\nfrom = 'a@b'\nto = ['c@d']\n"
    ssl = load_config(write(tmp_path, base + "security = 'ssl'\n")).email
    plain = load_config(write(tmp_path, base + "security = 'none'\n")).email
    starttls = load_config(write(tmp_path, base)).email
    assert ssl is not None and plain is not None and starttls is not None
    assert (ssl.port, plain.port, starttls.port) == (465, 25, 587)
    assert starttls.security == "starttls"


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
    assert config.build.render.template_dirs == (tmp_path / "conf" / "theme",)
    assert config.build.render.page_size == "Letter"


def test_every_build_setting_is_in_the_file_and_on_the_command_line(tmp_path: Path) -> None:
    text = (
        'title = "T"\nmax_size = "5MB"\ntimeout = 3\nmax_redirects = 2\nuser_agent = "ua"\n'
        'template_dirs = ["theme"]\npage_size = "letter"\njobs = 2\nstrict = true\n'
        '[summary]\nmethod = "lead"\nsentences = 2\nlanguage = "German"\n'
    )
    folder = (tmp_path / "conf").resolve()
    build = load_config(write(tmp_path, text)).build
    expected = BuildOptions(
        title="T",
        load=LoadOptions(max_bytes=5 * 1024 * 1024, timeout=3.0, max_redirects=2, user_agent="ua"),
        summary=SummaryOptions(method="lead", sentences=2, language="german"),
        render=RenderOptions(template_dirs=(folder / "theme",), page_size="Letter"),
        run=RunOptions(jobs=2, strict=True),
    )
    assert build == expected
    args = make_parser().parse_args(
        ["daily", "--max-size", "5MB", "--timeout", "3", "--max-redirects", "2", "--user-agent", "ua",
         "--template-dir", str(folder / "theme"), "--page-size", "letter", "-j", "2", "--strict", "--title", "T",
         "--method", "lead", "--sentences", "2", "--language", "German"]
    )  # fmt: skip
    assert load_config(None, given_settings(args)).build == expected


def test_the_file_is_found_where_people_look(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    user = tmp_path / "home" / ".config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(user))
    monkeypatch.delenv("BRIEFING_CONFIG", raising=False)
    assert find_config(None) is None
    (user / "briefing").mkdir(parents=True)
    (user / "briefing" / "briefing.toml").write_text('title = "user"\n', encoding="utf-8")
    assert find_config(None) == user / "briefing" / "briefing.toml"
    Path("briefing.toml").write_text('title = "here"\n', encoding="utf-8")
    assert find_config(None) == Path("briefing.toml")
    monkeypatch.setenv("BRIEFING_CONFIG", str(tmp_path / "env.toml"))
    assert find_config(None) == tmp_path / "env.toml"
    assert find_config("given.toml") == Path("given.toml")


def test_the_starter_file_holds_every_key_at_its_default(tmp_path: Path) -> None:
    path = write_starter(tmp_path / "desk")
    assert (tmp_path / "desk" / "in").is_dir()
    text = path.read_text(encoding="utf-8")
    folder = (tmp_path / "desk").resolve()
    assert load_config(path) == Config(sources=(str(folder / "in"),), output_dir=folder / "out", origin=str(path))
    for key in KEYS:
        assert re.search(rf"^(# )?{re.escape(key.rpartition('.')[2])} = ", text, re.MULTILINE), key
    # Every line can be uncommented as it stands: together they make a valid file that mails the brief.
    path.write_text(re.sub(r"^# (\w+ = )", r"\1", text, flags=re.MULTILINE), encoding="utf-8")
    config = load_config(path)
    assert config.build.title == "Briefing" and config.build.load.max_bytes == 20 * 1024 * 1024
    assert config.email is not None and config.email.to == ("desk@example.org",)
    with pytest.raises(ConfigError, match="exists already"):
        write_starter(tmp_path / "desk")
