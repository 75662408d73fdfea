"""The wheel carries the default templates, and the public surface stays pinned."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import briefing

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_templates(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    [wheel] = tmp_path.glob("briefing-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (ROOT / "templates").rglob("*"):
        if template.is_file():
            assert f"briefing/templates/{template.relative_to(ROOT / 'templates').as_posix()}" in names
    assert "briefing/py.typed" in names


def test_public_surface() -> None:
    assert set(briefing.__all__) == {
        "FORMATS",
        "METHODS",
        "Briefing",
        "BriefingError",
        "BuildOptions",
        "ConfigError",
        "DeliveryError",
        "Document",
        "HeadlineSource",
        "InputWarning",
        "LeftOutError",
        "LoadError",
        "LoadOptions",
        "LoadResult",
        "NoInputError",
        "RenderError",
        "RenderOptions",
        "RunOptions",
        "Sentence",
        "StateError",
        "Person",
        "Statement",
        "Story",
        "SummaryOptions",
        "SummarySentence",
        "__version__",
        "assemble_briefing",
        "build_briefing",
        "extract_statements",
        "load_documents",
        "render",
        "render_text",
        "summarize",
        "who_is_who",
    }
    for name in briefing.__all__:
        assert hasattr(briefing, name)
