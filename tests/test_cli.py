"""The command line end to end, to every format, with good and bad inputs."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

import briefing
from briefing.cli import main

DATE = ["--date", "2026-11-23"]


def test_markdown_from_a_folder(articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "brief.md"
    assert main(["build", str(articles), "-o", str(out), "--title", "Morning brief", *DATE]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Morning brief\n")
    assert "2026-11-23" in text
    assert "cancelling 42 crossings" in text
    assert "Arden valley" in text
    assert capsys.readouterr().err == ""


def test_html_escapes_and_names_the_date(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.html"
    assert main(["build", str(articles), "-o", str(out), *DATE]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "&#34;We did not choose this fight" in html or "We did not choose this fight" in html
    assert "<title>Briefing — 2026-11-23</title>" in html


def test_pdf_reads_back(articles: Path, tmp_path: Path) -> None:
    out = tmp_path / "brief.pdf"
    assert main(["build", str(articles), "-o", str(out), "--title", "Harvest and ferries", *DATE]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) >= 1
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Harvest and ferries" in text
    assert "Ferry crews" in text
    assert reader.metadata is not None
    assert reader.metadata.title == "Harvest and ferries — 2026-11-23"


def test_json_to_stdout_needs_format(articles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(articles), "-o", "-", *DATE]) == 1
    assert "needs --format" in capsys.readouterr().err
    assert main(["build", str(articles), "-o", "-", "--format", "json", *DATE]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["date"] == "2026-11-23"
    assert len(data["documents"]) == 2


def test_standard_input(tmp_path: Path) -> None:
    text = "Bridge closed for repairs\nThe old bridge will close for six weeks from Monday, the council said.\n"
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "build", "-", "-o", "-", "-f", "json", *DATE],
        input=text.encode(),
        capture_output=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert data["documents"][0]["id"] == "stdin"
    sentence = data["stories"][0]["summary"][0]
    assert text[sentence["start"] : sentence["end"]] == sentence["text"]


def test_bad_inputs_warn_and_the_rest_is_built(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "brief.json"
    inputs = [str(articles), str(tmp_path / "empty.txt"), str(tmp_path / "binary.txt"), str(tmp_path / "gone.txt")]
    assert main(["build", *inputs, "-o", str(out), *DATE]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 3
    assert all(line.startswith("briefing: warning: ") for line in err)
    warnings = {Path(w["path"]).name: w["message"] for w in json.loads(out.read_text())["warnings"]}
    assert warnings == {"empty.txt": "empty file", "binary.txt": "binary data, not text", "gone.txt": "no such file"}


def test_no_usable_input_fails_cleanly(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    out = tmp_path / "brief.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "briefing", "build", str(tmp_path / "empty.txt"), "-o", str(out), *DATE],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 2  # the warning and the error, nothing else
    assert "Traceback" not in result.stderr
    assert "no usable input" in result.stderr
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [tmp_path / "empty.txt"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "23/11/2026"], "not a date"),
        (["--sentences", "0"], "must be a whole number of at least 1: '0'"),
        (["-o", "/nonexistent/brief.docx"], "cannot tell the format"),
        (["--method", "magic"], "must be one of news, lead,"),
        (["--language", "klingon"], "must be one of czech, english,"),
    ],
)
def test_bad_options_are_one_line(articles: Path, tmp_path: Path, args: list[str], message: str) -> None:
    base = ["build", str(articles), "-o", str(tmp_path / "b.md")]
    result = subprocess.run([sys.executable, "-m", "briefing", *base, *args], capture_output=True, text=True)
    assert result.returncode in (1, 2)
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_version_names_the_libraries_that_shape_the_output() -> None:
    result = subprocess.run([sys.executable, "-m", "briefing", "--version"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith(f"briefing {briefing.__version__} (sumy ")
    for library in ("weasyprint", "trafilatura"):
        assert f"{library} {importlib.metadata.version(library)}" in result.stdout


def test_help_shows_choices_defaults_and_exit_codes() -> None:
    result = subprocess.run([sys.executable, "-m", "briefing", "build", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    assert "{news,lead," in text and "summary method (default: news)" in text
    assert "{czech,english," in text and "(default: english)" in text
    assert "3 --strict, and an input was left out" in text and "70 an internal error" in text


def test_the_story_more_outlets_report_comes_first(articles: Path, tmp_path: Path) -> None:
    second = (
        "Ferry strike enters second day\n\n"
        "Ferry crews on the Northgate line stayed on strike on Saturday, cancelling 40 more crossings "
        "in the dispute over new rosters.\n"
        "Bluewater Lines said the strike was costing it about 600,000 euros a day.\n"
        "Union secretary Maria Jensen said crews would not accept twelve-hour shifts.\n"
    )
    (articles / "zz-ferry-strike-day-two.txt").write_text(second, encoding="utf-8")
    out = tmp_path / "brief.json"
    assert main(["build", str(articles / "orchard-harvest.md"), str(articles), "-o", str(out), *DATE]) == 0
    stories = json.loads(out.read_text(encoding="utf-8"))["stories"]
    assert [len(story["documents"]) for story in stories] == [2, 1]
    assert "zz-ferry-strike-day-two" in stories[0]["documents"]


def test_several_outputs_in_one_run_are_the_bytes_of_one_run_each(articles: Path, tmp_path: Path) -> None:
    together = tmp_path / "together"
    names = ["brief.md", "brief.html", "brief.json", "brief.pdf"]
    assert main(["build", str(articles), *[f"-o{together / name}" for name in names], *DATE]) == 0
    for name in names:
        alone = tmp_path / "alone" / name
        assert main(["build", str(articles), "-o", str(alone), *DATE]) == 0
        assert (together / name).read_bytes() == alone.read_bytes(), name


def test_strict_stops_before_writing(articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (articles / "empty.txt").write_bytes(b"")
    out = tmp_path / "brief.md"
    assert main(["build", str(articles), "-o", str(out), "--strict", *DATE]) == 3
    err = capsys.readouterr().err.splitlines()
    assert err[0].endswith("empty.txt: empty file")
    assert err[1] == "briefing: error: 1 input was left out, and the run is strict"
    assert not out.exists()
    assert main(["build", str(articles), "-o", str(out), *DATE]) == 0  # without --strict, the rest is built


def test_settings_come_from_a_config_file_found_in_the_current_folder(
    articles: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("briefing.toml").write_text('title = "From the file"\n[summary]\nsentences = 1\n', encoding="utf-8")
    assert main(["build", str(articles), "-o", "a.json", *DATE]) == 0
    data = json.loads(Path("a.json").read_text(encoding="utf-8"))
    assert data["title"] == "From the file"
    assert all(len(story["summary"]) == 1 for story in data["stories"])
    assert main(["build", str(articles), "-o", "b.json", "--title", "From the flag", *DATE]) == 0
    assert json.loads(Path("b.json").read_text(encoding="utf-8"))["title"] == "From the flag"
    Path("briefing.toml").write_text("titel = 'typo'\n", encoding="utf-8")
    assert main(["build", str(articles), "-o", "c.json", *DATE]) == 1
    assert not Path("c.json").exists()


def test_init_then_a_dry_run_of_the_daily_job(articles: Path, tmp_path: Path) -> None:
    desk = tmp_path / "desk"
    init = subprocess.run([sys.executable, "-m", "briefing", "init", str(desk)], capture_output=True, text=True)
    assert init.returncode == 0, init.stderr
    assert "cron:" in init.stdout and "systemd:" in init.stdout and str(desk / "briefing.toml") in init.stdout
    for article in articles.iterdir():
        (desk / "in" / article.name).write_bytes(article.read_bytes())
    config = ["--config", str(desk / "briefing.toml"), "--date", "2026-11-23"]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    daily = [sys.executable, "-m", "briefing", "daily", *config, "--dry-run"]
    dry = subprocess.run(daily, capture_output=True, text=True, cwd=elsewhere)
    assert dry.returncode == 0, dry.stderr
    assert "dry run, nothing done; would brief 2 documents" in dry.stdout
    assert f"write {desk.resolve() / 'out' / 'brief-2026-11-23.pdf'}; send nothing" in dry.stdout
    assert list(elsewhere.iterdir()) == []  # the default output_dir is beside the config file, not here
    assert sorted(path.name for path in desk.iterdir()) == ["briefing.toml", "in"]  # a dry run writes nothing
    again = subprocess.run([sys.executable, "-m", "briefing", "init", str(desk)], capture_output=True, text=True)
    assert again.returncode == 1 and "exists already" in again.stderr


def test_a_warning_about_an_optional_system_library_never_ends_a_run(articles: Path, tmp_path: Path) -> None:
    """Even with every warning an error (``-W error``), WeasyPrint's note about HarfBuzz-Subset is not fatal."""
    out = tmp_path / "brief.pdf"
    command = [sys.executable, "-W", "error", "-m", "briefing", "build", str(articles), "-o", str(out), *DATE]
    run = subprocess.run(command, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    assert out.read_bytes().startswith(b"%PDF-")
