"""Themes: which file each template name loads, and a copy of the defaults to start one."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from briefing.deliver.files import write_atomic
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
    """Copy the default templates into ``directory``, never writing through a symbolic link.

    A name already there, a symbolic link (dangling or not) included, is
    refused unless ``overwrite``; then the copy replaces it: a link itself is
    replaced, and what it points to is left as it was. A folder inside
    ``directory`` that is a symbolic link is always refused.
    """
    target, defaults = Path(directory), packaged_templates()
    names = _template_names(defaults)
    folders = {folder for name in names for folder in (target / name).parents if target in folder.parents}
    linked = sorted(str(folder) for folder in folders if folder.is_symlink())
    if linked:
        raise DeliveryError(f"{linked[0]} is a symbolic link; templates are copied only into real folders")
    existing = [name for name in names if os.path.lexists(target / name)]
    if existing and not overwrite:
        raise DeliveryError(f"{target} already has {', '.join(existing)}; use --force to replace them")
    try:
        return [write_atomic(target / name, (defaults / name).read_bytes()) for name in names]
    except OSError as exc:
        raise DeliveryError(f"cannot copy the templates to {target}: {exc.strerror or exc}") from None
