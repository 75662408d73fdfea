"""Writing briefings to files: atomically, so that a reader never sees half of one.

The content goes to a temporary file beside the target, named
``.brief-XXXXXXXX.tmp`` (short, so that any name that fits the folder works),
then is renamed into place; the rename replaces whatever has the target's name
(a symbolic link included) and never writes through it. The writer locks its
temporary file as soon as it has made it and holds the lock until the file has
its final name, so a temporary file that nobody holds was left by a writer that
died (``kill -9``, a power cut): the next write into that folder removes it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from briefing.errors import DeliveryError

TEMPORARY = (".brief-", ".tmp")
"""The prefix and suffix of a temporary file."""
LEFT_AFTER = 1.0
"""Seconds after which an unlocked temporary file is a leftover: a live writer locks its file the instant
after making it, and this keeps a sweep from taking a file in that instant."""


Content = str | bytes | Iterable[str]
"""What is written: text, bytes, or text in pieces (:func:`briefing.render.render_text`), each
written as it comes, so that a large briefing is never held whole."""


def write_atomic(path: str | os.PathLike[str], content: Content) -> Path:
    """Write ``content`` to a temporary file beside ``path``, then rename it into place."""
    return StagedFile(path, content).commit()


class StagedFile:
    """``content`` written in full to a locked temporary file beside ``path``, which :meth:`commit`
    renames into place and :meth:`discard` removes: several outputs are all written before any is
    replaced, so that a failure in one leaves every one as it was."""

    def __init__(self, path: str | os.PathLike[str], content: Content) -> None:
        self.target = Path(path)
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            remove_leftovers(self.target.parent)
            fd, tmp = tempfile.mkstemp(prefix=TEMPORARY[0], suffix=TEMPORARY[1], dir=self.target.parent)
        except OSError as exc:
            raise self._failed(exc) from None
        self.temporary: Path | None = Path(tmp)
        self._handle = os.fdopen(fd, "wb")
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            umask = os.umask(0)
            os.umask(umask)
            os.fchmod(fd, 0o666 & ~umask)
            self._handle.writelines(_pieces(content))
            self._handle.flush()
            os.fsync(fd)
        except BaseException as exc:
            self.discard()
            if isinstance(exc, OSError):
                raise self._failed(exc) from None
            raise

    def commit(self) -> Path:
        """Rename the file into place (before it is closed, so it is never unlocked under its own name)."""
        if self.temporary is None:
            raise DeliveryError(f"{self.target} was already put in place or given up")
        try:
            self.temporary.replace(self.target)
        except OSError as exc:
            self.discard()
            raise self._failed(exc) from None
        self.temporary = None
        self._handle.close()
        return self.target

    def discard(self) -> None:
        """Remove the temporary file, unless it was put in place."""
        if self.temporary is not None:
            self.temporary.unlink(missing_ok=True)
            self.temporary = None
            self._handle.close()

    def _failed(self, exc: OSError) -> DeliveryError:
        return DeliveryError(f"cannot write {self.target}: {exc.strerror or exc}")


def _pieces(content: Content) -> Iterator[bytes]:
    if isinstance(content, bytes):
        yield content
    elif isinstance(content, str):
        yield content.encode("utf-8")
    else:
        for piece in content:
            yield piece.encode("utf-8")


def remove_leftovers(folder: Path) -> None:
    """Remove the temporary files in ``folder`` that writers which died left behind."""
    for leftover in folder.glob(f"{TEMPORARY[0]}*{TEMPORARY[1]}"):
        with contextlib.suppress(OSError):  # a live writer's lock, a link, or a file just renamed away
            fd = os.open(leftover, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                info = os.fstat(fd)
                if stat.S_ISREG(info.st_mode) and time.time() - info.st_mtime > LEFT_AFTER:
                    leftover.unlink()
            finally:
                os.close(fd)


def _kind(mode: int) -> str:
    kinds = {stat.S_ISDIR: "a folder", stat.S_ISLNK: "a symbolic link", stat.S_ISSOCK: "a socket"}
    return next((name for test, name in kinds.items() if test(mode)), "not a regular file")


def stage_output(path: str | os.PathLike[str], content: Content) -> StagedFile | None:
    """Write an output the user named (``-o``), by what is there now.

    A new name or a regular file is staged (:class:`StagedFile`: written in
    full, put in place by its ``commit``); a FIFO or a character device, such
    as ``/dev/stdout`` or ``/dev/null``, is written into directly, as it was
    named for that (``None``: nothing to commit); anything else (a folder, a
    symbolic link to a file, a socket) is refused, never replaced.
    """
    target = Path(path)
    try:
        here = target.lstat()
    except FileNotFoundError:
        return StagedFile(target, content)
    except OSError as exc:
        raise DeliveryError(f"cannot write {target}: {exc.strerror or exc}") from None
    if stat.S_ISREG(here.st_mode):
        return StagedFile(target, content)
    try:
        pointed = target.stat().st_mode
    except OSError:
        pointed = here.st_mode
    if not (stat.S_ISFIFO(pointed) or stat.S_ISCHR(pointed)):
        raise DeliveryError(
            f"{target} is {_kind(here.st_mode)}; -o writes a new file, replaces a regular file, "
            "or writes into a FIFO or a device (use -o - for standard output)"
        )
    try:
        with target.open("wb") as handle:
            handle.writelines(_pieces(content))
    except OSError as exc:
        raise DeliveryError(f"cannot write {target}: {exc.strerror or exc}") from None
    return None
