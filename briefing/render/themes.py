"""Themes: which file each template name loads, and a copy of the defaults to start one."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

from briefing.errors import DeliveryError
from briefing.render.environment import packaged_templates, template_places


def _template_names(folder: Path) -> list[str]:
    if not folder.is_dir():
        return []
    return sorted(
        path.relative_to(folder).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and not any(part.startswith((".", "__")) for part in path.relative_to(folder).parts)
    )


def list_templates(template_dirs: Sequence[str | Path] = ()) -> list[tuple[str, Path]]:
    """Every template name, with the file the loader chain picks for it (user folders win)."""
    chosen: dict[str, Path] = {}
    for folder in template_places(template_dirs):
        for name in _template_names(folder):
            chosen.setdefault(name, folder / name)
    return sorted(chosen.items())


def copy_templates(directory: str | Path, *, overwrite: bool = False) -> list[Path]:
    """Copy the default templates into ``directory``; refuses to replace files unless ``overwrite``."""
    target, defaults = Path(directory), packaged_templates()
    names = _template_names(defaults)
    existing = [name for name in names if (target / name).exists()]
    if existing and not overwrite:
        raise DeliveryError(f"{target} already has {', '.join(existing)}; use --force to replace them")
    copied = []
    try:
        for name in names:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            copied.append(Path(shutil.copyfile(defaults / name, target / name)))
    except OSError as exc:
        raise DeliveryError(f"cannot copy the templates to {target}: {exc.strerror or exc}") from None
    return copied
