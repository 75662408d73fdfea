"""The README says what the command line does: its option tables are the parser's, its commands run.

The tables between ``<!-- table: NAME -->`` and ``<!-- end table -->`` are made
from the parser and the settings records; after a deliberate change, rewrite
them with ``UPDATE_README=1 pytest tests/test_docs.py`` and review the diff.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from briefing.cli import EXIT_STATUS, make_parser
from briefing.config import all_settings

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
TABLE = re.compile(r"(<!-- table: (?P<name>[\w -]+) -->\n)(?P<body>.*?)(<!-- end table -->)", re.DOTALL)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _subparser(name: str) -> argparse.ArgumentParser:
    parser = make_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices[name]  # type: ignore[no-any-return]
    raise LookupError(name)


def _flags(action: argparse.Action) -> str:
    metavar = action.metavar if isinstance(action.metavar, str) else None
    if action.nargs == 0 or (metavar is None and action.choices is None):
        shown = ", ".join(f"`{flag}`" for flag in action.option_strings)
    else:
        value = metavar or "{" + ",".join(map(str, action.choices or ())) + "}"
        shown = ", ".join(f"`{flag} {value}`" for flag in action.option_strings)
    return _cell(shown)


def build_options_table() -> str:
    """Every flag of ``briefing build``, as its help says it."""
    rows = ["| option | meaning |", "| --- | --- |"]
    for action in _subparser("build")._actions:
        if action.option_strings and action.help != argparse.SUPPRESS:
            rows.append(f"| {_flags(action)} | {_cell(str(action.help).replace('%%', '%'))} |")
    return "\n".join(rows) + "\n"


def config_keys_table() -> str:
    """Every key of the config file, with its flag, help and default."""
    rows = ["| key | flag | meaning (default) |", "| --- | --- | --- |"]
    for setting, default in all_settings():
        table, _, key = setting.key.rpartition(".")
        name = f"`[{table}]` `{key}`" if table else f"`{key}`"
        flags = ", ".join(f"`{flag}`" for flag in setting.flags) or "—"
        rows.append(f"| {name} | {flags} | {_cell(setting.help)} ({_cell(setting.shown_default(default))}) |")
    return "\n".join(rows) + "\n"


TABLES = {"build options": build_options_table, "config keys": config_keys_table}


def test_readme_tables_are_the_parsers() -> None:
    text = README.read_text(encoding="utf-8")
    names = [match.group("name") for match in TABLE.finditer(text)]
    assert sorted(names) == sorted(TABLES)
    expected = TABLE.sub(lambda m: m.group(1) + TABLES[m.group("name")]() + m.group(4), text)
    if os.environ.get("UPDATE_README"):
        README.write_text(expected, encoding="utf-8")
        text = expected
    assert text == expected, "the README's tables differ from the parser; run UPDATE_README=1 pytest tests/test_docs.py"


def test_readme_lists_the_exit_status() -> None:
    assert EXIT_STATUS in README.read_text(encoding="utf-8")


def readme_command(marker: str) -> str:
    """The first line of the fenced block after ``<!-- marker -->``, as ``.ci/run`` reads it."""
    text = README.read_text(encoding="utf-8")
    block = text.split(f"<!-- {marker} -->\n```sh\n", 1)[1]
    return block.split("\n", 1)[0]


def briefing_parts(command: str) -> Iterator[list[str]]:
    """The ``briefing …`` commands of a shell line, as argument lists."""
    for part in command.split("&&"):
        words = shlex.split(part)
        if words and words[0] == "briefing":
            yield words[1:]


def test_the_readme_run_command_builds_the_example(tmp_path: Path) -> None:
    command = readme_command("run command")
    assert command.startswith("pip install . && briefing ")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    [arguments] = briefing_parts(command)
    run = subprocess.run([sys.executable, "-m", "briefing", *arguments], cwd=tmp_path, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    output = arguments[arguments.index("-o") + 1]
    assert (tmp_path / output).read_bytes().startswith(b"%PDF-")
    assert readme_command("test command").startswith('pip install ".[test]" && pytest')


def test_the_readme_regenerates_the_examples_as_they_are(tmp_path: Path) -> None:
    """The README's command for examples/ makes exactly the files committed there."""
    command = readme_command("examples command")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    for arguments in briefing_parts(command):
        run = subprocess.run(
            [sys.executable, "-m", "briefing", *arguments], cwd=tmp_path, capture_output=True, text=True
        )
        assert run.returncode == 0, run.stderr
    for name in ("brief.md", "brief.html", "brief.json"):
        assert (tmp_path / "examples" / name).read_bytes() == (ROOT / "examples" / name).read_bytes(), name
    # The PDF's bytes depend on the fonts of the machine; what it says does not.
    assert _pdf_text(tmp_path / "examples" / "brief.pdf") == _pdf_text(ROOT / "examples" / "brief.pdf")


def _pdf_text(path: Path) -> list[str]:
    document = pdfium.PdfDocument(path)
    try:
        return [str(page.get_textpage().get_text_bounded()) for page in document]
    finally:
        document.close()


@pytest.mark.parametrize("shell", ["bash", "zsh"])
def test_shell_completion(shell: str) -> None:
    run = subprocess.run([sys.executable, "-m", "briefing", "completion", shell], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    for word in ("build", "daily", "send", "--max-size", "--template-dir", "lexrank"):
        assert word in run.stdout
