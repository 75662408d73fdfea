"""Where briefing reads and writes: links that leave a folder, FIFOs and devices, long names, leftovers, stdout."""

from __future__ import annotations

import fcntl
import json
import os
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing import load_documents
from briefing.cli import main
from briefing.deliver.files import remove_leftovers, write_atomic
from briefing.errors import DeliveryError
from briefing.render import themes
from briefing.render.themes import copy_templates

ROOT = Path(__file__).resolve().parent.parent
FERRY = "Ferry crews strike\n\nFerry crews walked out on Friday, cancelling 42 crossings, the union said.\n"
SECRET = "Salaries\n\nThe salary list says that the director earns 900,000 euros a year.\n"


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT), "HOME": os.environ.get("HOME", "/")}
    return subprocess.run([sys.executable, "-m", "briefing", *args], env=env, capture_output=True)


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """``in/`` with an article, a link to a file beside ``in/``, and a link that stays inside it."""
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "in" / "notes.txt").symlink_to("../secret.txt")
    (tmp_path / "in" / "sub" / "again.txt").symlink_to("../ferry.txt")
    return tmp_path


@pytest.mark.parametrize("given", ["in", "in/*.txt", "in/**/*.txt"])
def test_a_folder_or_glob_does_not_follow_links_out_of_it(
    desk: Path, given: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(desk)
    result = load_documents([given])
    assert [doc.path for doc in result.documents] == ["in/ferry.txt"]  # in/sub/again.txt is the same text, merged
    assert [(w.path, w.message) for w in result.warnings] == [
        ("in/notes.txt", "a symbolic link that leads out of in; left out")
    ]


def test_a_file_named_directly_is_read_wherever_it_leads(desk: Path) -> None:
    [doc] = load_documents([desk / "in" / "notes.txt"]).documents
    assert "900,000 euros" in doc.text


def test_a_glob_from_the_current_folder_says_so(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(desk / "in")
    assert [w.message for w in load_documents(["*.txt"]).warnings] == [
        "a symbolic link that leads out of the current folder; left out"
    ]


def test_templates_copy_never_writes_through_a_link(tmp_path: Path) -> None:
    theme, outside = tmp_path / "theme", tmp_path / "outside.css"
    theme.mkdir()
    outside.write_text("/* mine */\n")
    (theme / "brief.css").symlink_to(outside)
    with pytest.raises(DeliveryError, match=r"already has brief\.css; use --force"):
        copy_templates(theme)
    copied = copy_templates(theme, overwrite=True)
    assert outside.read_text() == "/* mine */\n"
    assert not (theme / "brief.css").is_symlink() and (theme / "brief.css").read_text().startswith("/*")
    assert theme / "brief.css" in copied


def test_templates_copy_counts_a_dangling_link_as_there(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "print.css").symlink_to(tmp_path / "nowhere.css")
    with pytest.raises(DeliveryError, match=r"already has print\.css"):
        copy_templates(theme)
    assert not (tmp_path / "nowhere.css").exists()
    assert sorted(path.name for path in theme.iterdir()) == ["print.css"]


def test_templates_copy_refuses_a_linked_folder_inside_the_theme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    defaults = tmp_path / "defaults"
    (defaults / "email").mkdir(parents=True)
    (defaults / "email" / "body.txt.j2").write_text("{{ title }}\n")
    monkeypatch.setattr(themes, "packaged_templates", lambda: defaults)
    theme, elsewhere = tmp_path / "theme", tmp_path / "elsewhere"
    theme.mkdir()
    elsewhere.mkdir()
    (theme / "email").symlink_to(elsewhere)
    with pytest.raises(DeliveryError, match=r"email is a symbolic link"):
        copy_templates(theme, overwrite=True)
    assert list(elsewhere.iterdir()) == []


def test_output_into_a_fifo_is_written_into_it(desk: Path) -> None:
    fifo = desk / "brief.md"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert main(["build", str(desk / "in" / "ferry.txt"), "-o", str(fifo), "-q"]) == 0
    reader.join(timeout=60)
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got[0].startswith(b"# Briefing")


def test_output_to_dev_stdout_and_dev_null_goes_there(desk: Path) -> None:
    to_stdout = run("build", str(desk / "in" / "ferry.txt"), "-o", "/dev/stdout", "-f", "md", "-q")
    assert to_stdout.returncode == 0, to_stdout.stderr
    assert to_stdout.stdout.startswith(b"# Briefing")
    assert main(["build", str(desk / "in" / "ferry.txt"), "-o", "/dev/null", "-f", "md", "-q"]) == 0
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


@pytest.mark.parametrize("what", ["a link to a file", "a folder"])
def test_output_onto_anything_else_is_refused(desk: Path, what: str, capsys: pytest.CaptureFixture[str]) -> None:
    target = desk / "brief.md"
    if what == "a folder":
        target.mkdir()
    else:
        target.symlink_to(desk / "secret.txt")
    assert main(["build", str(desk / "in" / "ferry.txt"), "-o", str(target), "-q"]) == 1
    kind = "a folder" if what == "a folder" else "a symbolic link"
    assert capsys.readouterr().err == (
        f"briefing: error: {target} is {kind}; -o writes a new file, replaces a regular file, "
        "or writes into a FIFO or a device (use -o - for standard output)\n"
    )
    assert (desk / "secret.txt").read_text() == SECRET


def test_a_long_output_name_works_and_leaves_no_temporary_file(desk: Path) -> None:
    name = "b" * 250 + ".json"
    assert main(["build", str(desk / "in" / "ferry.txt"), "-o", str(desk / name), "-q"]) == 0
    assert json.loads((desk / name).read_text())["documents"][0]["id"] == "ferry"
    assert sorted(path.name for path in desk.iterdir()) == sorted([name, "in", "secret.txt"])


def test_a_write_removes_what_a_killed_writer_left(tmp_path: Path) -> None:
    old, fresh, held = (tmp_path / f".brief-{name}.tmp" for name in ("old00001", "new00001", "held0001"))
    for leftover in (old, fresh, held):
        leftover.write_bytes(b"half a brief")
    an_hour_ago = time.time() - 3600
    for leftover in (old, held):
        os.utime(leftover, (an_hour_ago, an_hour_ago))
    with held.open("rb") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # a writer still at work (however slow)
        write_atomic(tmp_path / "brief.md", "# Briefing\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == [held.name, fresh.name, "brief.md"]
    remove_leftovers(tmp_path)
    assert not held.exists()


def test_a_kill_during_a_write_leaves_a_temporary_file_that_the_next_run_removes(tmp_path: Path) -> None:
    writer = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from briefing.deliver import files;"
            "files.os.fsync = lambda fd: (print('writing', flush=True), time.sleep(60));"
            f"files.write_atomic({str(tmp_path / 'brief.md')!r}, 'half')",
        ],
        env={"PYTHONPATH": str(ROOT)},
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    writer.kill()
    writer.communicate()
    [leftover] = tmp_path.glob(".brief-*.tmp")
    os.utime(leftover, (time.time() - 3600, time.time() - 3600))
    write_atomic(tmp_path / "brief.md", "# Briefing\n")
    assert [path.name for path in tmp_path.iterdir()] == ["brief.md"]


@pytest.mark.parametrize(
    ("redirect", "message"),
    [("exec 1>&-", "it is closed"), ("exec 1>/dev/full", "No space left on device")],
    ids=["closed", "full"],
)
def test_standard_output_closed_or_full_is_a_clear_error(desk: Path, redirect: str, message: str) -> None:
    command = f'{redirect}; exec "$0" -m briefing build "$1" -o - -f md -q'
    result = subprocess.run(
        ["sh", "-c", command, sys.executable, str(desk / "in" / "ferry.txt")],
        env={"PATH": os.environ.get("PATH", ""), "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr == f"briefing: error: cannot write to standard output: {message}\n"


def test_a_file_name_cannot_colour_the_terminal_or_forge_a_line(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "ferry.txt").write_text(FERRY, encoding="utf-8")
    (tmp_path / "in" / "x\x1b[2Jy\nbriefing: error: forged.txt").write_bytes(b"")
    result = run("build", str(tmp_path / "in"), "-o", str(tmp_path / "brief.md"), "-q")
    assert result.returncode == 0
    assert result.stderr.decode().splitlines() == [
        f"briefing: warning: {tmp_path}/in/x\\x1b[2Jy\\nbriefing: error: forged.txt: empty file"
    ]


def test_outputs_are_put_in_place_together_or_not_at_all(desk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    theme = desk / "theme"
    theme.mkdir()
    (theme / "brief.md.j2").write_text("{{ briefing.title }}\n{{ no_such_thing.at_all }}\n", encoding="utf-8")
    (desk / "brief.json").write_text("yesterday's\n", encoding="utf-8")
    args = ["build", str(desk / "in" / "ferry.txt"), "-o", str(desk / "brief.json"), "-o", str(desk / "brief.md")]
    assert main([*args, "--template-dir", str(theme), "-q"]) == 1
    assert "no_such_thing" in capsys.readouterr().err
    assert (desk / "brief.json").read_text() == "yesterday's\n"  # written in full, then given up with the rest
    assert sorted(path.name for path in desk.iterdir()) == ["brief.json", "in", "secret.txt", "theme"]
    assert main([*args, "-q"]) == 0
    assert json.loads((desk / "brief.json").read_text())["documents"][0]["id"] == "ferry"


def test_text_written_in_pieces_is_whole_or_not_there(tmp_path: Path) -> None:
    def pieces(fail: bool) -> Iterator[str]:
        yield "# Brief"
        if fail:
            raise DeliveryError("the renderer gave up")
        yield "ing\n"

    write_atomic(tmp_path / "brief.md", pieces(fail=False))
    assert (tmp_path / "brief.md").read_text() == "# Briefing\n"
    with pytest.raises(DeliveryError, match="gave up"):
        write_atomic(tmp_path / "brief.md", pieces(fail=True))
    assert [path.name for path in tmp_path.iterdir()] == ["brief.md"]
    assert (tmp_path / "brief.md").read_text() == "# Briefing\n"
