"""Write output files atomically: a crash never leaves half a file.

The policy of a careful tool for where `--output` points:

- a regular file, or a name not yet taken: written to a temporary file beside it, then
  renamed over it, so the file appears whole or not at all;
- a symbolic link: the same, at the link's target (the link itself stays), when that
  target is a regular file or not yet there;
- something that is not a regular file (`/dev/stdout`, a pipe, a terminal): written to
  directly, as a stream, since it cannot be replaced;
- a folder: refused.

A temporary file is removed when the write fails or the run is interrupted (Ctrl-C, or
SIGTERM, which `cli.runner` turns into the same unwinding).
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flush it, then rename it into place."""
    with _replacing(path, "wb") as handle:
        handle.write(data)


@contextmanager
def atomic_writer(path: Path, *, newline: str | None = None) -> Iterator[TextIO]:
    """A UTF-8 text stream to `path` that appears there, whole, only when the block succeeds.

    For reports written as they are produced (many dossiers): the same guarantee as
    `write_atomic` without holding the whole text in memory.
    """
    with _replacing(path, "w", encoding="utf-8", newline=newline) as handle:
        yield handle


@contextmanager
def _replacing(path: Path, mode: str, **open_args: Any) -> Iterator[Any]:
    """A temporary file beside the target, synced then renamed over it; removed on failure."""
    target = _target(path)
    if target is None:  # a device or a pipe: a stream, not a file to replace
        with path.open(mode, **open_args) as handle:
            yield handle
        return
    directory = target.parent if str(target.parent) else Path()
    tmp: str | None = None
    try:
        with _signals_held():  # a Ctrl-C or SIGTERM now would leave the file unnamed here
            fd, tmp = tempfile.mkstemp(
                prefix=f".{target.name[:100]}.", suffix=".tmp", dir=directory
            )
        with os.fdopen(fd, mode, **open_args) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if target.exists():
            Path(tmp).chmod(target.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            Path(tmp).chmod(0o666 & ~umask)
        Path(tmp).replace(target)
    except BaseException:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        raise


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back for the block, then delivered (POSIX, main thread)."""
    import signal
    import threading

    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not (
        threading.main_thread()
    ):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _target(path: Path) -> Path | None:
    """The file to replace for `path`, or None when `path` is a stream to write to."""
    real = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        mode = path.stat().st_mode  # through links: /dev/stdout leads to a pipe or a tty
    except FileNotFoundError:
        return real  # a new name, or a link to a file still to be written
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "c'est un dossier", str(path))
    return real if stat.S_ISREG(mode) else None
