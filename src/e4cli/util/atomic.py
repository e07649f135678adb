"""Write output files atomically: a crash never leaves half a file."""

from __future__ import annotations

import os
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
    """A temporary file beside `path`, synced then renamed over it; removed on failure."""
    directory = path.parent if str(path.parent) else Path()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, mode, **open_args) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            Path(tmp).chmod(path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            Path(tmp).chmod(0o666 & ~umask)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
