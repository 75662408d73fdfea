"""The loading flags of ``briefing build``: --max-size and --timeout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import given_settings, main, make_parser
from briefing.config import load_config


@pytest.mark.parametrize(
    ("flag", "expected"),
    [("100000", 100_000), ("500KB", 512_000), ("20MB", 20 * 1024 * 1024), ("1.5m", 1_572_864), ("2 GiB", 2 << 30)],
)
def test_max_size_accepts_sizes_as_people_write_them(flag: str, expected: int) -> None:
    args = make_parser().parse_args(["build", "x.txt", "-o", "out.md", "--max-size", flag])
    assert args.max_size == expected  # the flag's dest is its config key


def test_defaults_are_the_documented_ones() -> None:
    args = make_parser().parse_args(["build", "x.txt", "-o", "out.md"])
    load = load_config(None, given_settings(args)).build.load
    assert (load.max_bytes, load.timeout) == (20 * 1024 * 1024, 10.0)


@pytest.mark.parametrize(("flag", "value"), [("--max-size", "lots"), ("--max-size", "0"), ("--timeout", "-1")])
def test_bad_values_are_usage_errors(flag: str, value: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["build", "x.txt", "-o", "out.md", flag, value])
    assert exit_info.value.code == 2
    assert f"{value!r}" in capsys.readouterr().err


def test_max_size_leaves_out_larger_inputs(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "short.txt").write_text("Ferry crews walked out on Friday, cancelling 42 crossings.\n")
    (tmp_path / "long.txt").write_text("The council met again on Monday to discuss the harbour budget. " * 40)
    out = tmp_path / "brief.json"
    inputs = [str(tmp_path / "short.txt"), str(tmp_path / "long.txt")]
    assert main(["build", *inputs, "-o", str(out), "--max-size", "1KB"]) == 0
    assert capsys.readouterr().err == f"briefing: warning: {tmp_path / 'long.txt'}: larger than the size cap of 1 KB\n"
    data = json.loads(out.read_text())
    assert [d["id"] for d in data["documents"]] == ["short"]
    assert data["warnings"] == [{"path": str(tmp_path / "long.txt"), "message": "larger than the size cap of 1 KB"}]
