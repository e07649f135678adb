"""A cache, in the user's cache folder, of results that depend only on some bytes.

`e4 check` reads the same attestations and the same portfolio pages at every
commit; reading them again (a PDF library, OCR, the Markdown parser) would cost
more than checking everything else. A `FileCache` keeps such a result as a small
JSON file named by the SHA-256 of the bytes it was computed from, so a changed
file is a new name and a result is never served for other bytes. The caller
names the version of the code that computed it (`version`): another e4, or
another parser, is another folder.

Where: `$E4_CACHE_DIR` if set (`none` turns every cache off), else the
platform's user cache folder; never the dossier, which e4 does not write into
unasked. An entry that cannot be read back (cut short, edited by hand) is a miss
the caller recomputes; a folder that cannot be written only costs the speed-up.
Each folder is pruned past `MAX_ENTRIES`, the least recently written first.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

ENV_CACHE = "E4_CACHE_DIR"
MAX_ENTRIES = 50_000  # a class's pages and attestations, several times over: ~15 Mo

_OFF = ("", "0", "none", "non", "off")


def cache_root() -> Path | None:
    """The folder holding every cache of e4, or None when caching is turned off."""
    explicit = os.environ.get(ENV_CACHE)
    if explicit is not None:
        return None if explicit.strip().lower() in _OFF else Path(explicit)
    if sys.platform == "win32":
        local = os.environ.get("LOCALAPPDATA")
        return (Path(local) if local else Path.home() / "AppData" / "Local") / "e4" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "e4"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache") / "e4"


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class FileCache:
    """JSON values by key (a digest), on disk between runs.

    Nothing is held in memory: over a class of thousands of dossiers memory stays flat.
    """

    def __init__(self, name: str, version: str) -> None:
        self.name = name
        self.version = version
        self._written = 0

    def folder(self) -> Path | None:
        root = cache_root()  # read each time: tests and users may change the variable
        return None if root is None else root / f"{self.name}-{self.version}"

    def get(self, key: str) -> object | None:
        """The value kept under `key`; None when absent or unreadable (the caller recomputes)."""
        folder = self.folder()
        if folder is None:
            return None
        try:
            value: object = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return value

    def put(self, key: str, value: object) -> None:
        folder = self.folder()
        if folder is None:
            return
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(value, handle, ensure_ascii=False)
                Path(tmp).replace(folder / f"{key}.json")
            except BaseException:
                with contextlib.suppress(OSError):
                    Path(tmp).unlink()
                raise
            self._written += 1
            if self._written % 1000 == 1:  # the first write of a run, then now and then
                _prune(folder)
        except OSError:
            return  # a read-only or full cache folder: the result stands, only not kept


def _prune(folder: Path) -> None:
    """Past MAX_ENTRIES, drop the least recently written quarter."""
    entries = list(folder.glob("*.json"))
    if len(entries) <= MAX_ENTRIES:
        return
    dated = []
    for entry in entries:
        with contextlib.suppress(OSError):
            dated.append((entry.stat().st_mtime, entry))
    dated.sort()
    for _, entry in dated[: len(dated) - MAX_ENTRIES * 3 // 4]:
        with contextlib.suppress(OSError):
            entry.unlink()
