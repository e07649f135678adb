"""Safe access to the files of a dossier.

Every path a candidate writes is relative to the dossier root and must stay
inside it. `DossierFS.resolve` is the only way the rest of e4 turns such a
path into a filesystem path: it refuses absolute paths, `..` escapes and
symlinks leading outside, without ever opening the target.
"""

from __future__ import annotations

import os
import stat
from dataclasses import field
from functools import cached_property
from pathlib import Path, PurePosixPath

from e4cli.dossier.problems import NotText
from e4cli.rules.findings import Location
from e4cli.util.record import record


class PathOutside(Exception):
    """A dossier path that leads outside the dossier."""

    def __init__(self, raw: str, reason: str) -> None:
        super().__init__(raw)
        self.raw = raw
        self.reason = reason


class FileRefused(Exception):
    """A file that e4 will not read: too large, or not a regular file."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@record
class DossierFS:
    root: Path
    # real paths of the folders already resolved: a dossier cites hundreds of files in a
    # few folders, and resolving each path from the root would lstat every component again
    _real_dirs: dict[tuple[str, ...], str] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def real_root(self) -> str:
        return os.path.realpath(self.root)

    def _real_path(self, parts: tuple[str, ...]) -> str:
        """Component by component from the real root, one lstat for each one never seen.

        Every prefix is resolved before the next part is added, so `..` after a symlink
        goes up from where the link really leads, as the operating system would.
        """
        real = self.real_root
        last = len(parts) - 1
        for index, part in enumerate(parts):
            prefix = parts[: index + 1]
            cached = self._real_dirs.get(prefix)
            if cached is not None:
                real = cached
                continue
            if part == "..":
                real = os.path.dirname(real)
            else:
                real = os.path.join(real, part)
                if os.path.islink(real):
                    real = _realpath(real)
            if index < last:  # folders are shared by many paths; files seldom
                self._real_dirs[prefix] = real
        return real

    def resolve(self, raw: str) -> Path:
        """The real path for `raw`, which must stay inside the dossier."""
        text = raw.replace("\\", "/")
        if "\x00" in text:
            raise PathOutside(raw, "caractère nul dans le chemin")
        if text.startswith("/") or (len(text) > 1 and text[1] == ":"):
            raise PathOutside(raw, "chemin absolu")
        parts = tuple(p for p in text.split("/") if p not in ("", "."))
        if ".." in parts:
            depth = 0
            for part in parts:
                depth += -1 if part == ".." else 1
                if depth < 0:
                    raise PathOutside(raw, "« .. » remonte hors du dossier")
        candidate = Path(os.path.join(self.root, *parts)) if parts else self.root
        try:
            real = self._real_path(parts)
        except (OSError, RuntimeError) as exc:  # a symlink loop
            raise PathOutside(raw, "lien symbolique en boucle") from exc
        except ValueError as exc:  # a name the operating system refuses
            raise PathOutside(raw, "nom de fichier impossible") from exc
        root = self.real_root
        if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
            raise PathOutside(raw, "lien symbolique vers l'extérieur du dossier")
        return candidate

    def relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def read_bytes(self, path: Path, limit: int) -> bytes:
        """Read a regular file of at most `limit` bytes; never blocks on a FIFO."""
        try:
            st = path.stat()
        except OSError as exc:
            raise FileRefused(f"illisible ({exc.strerror})") from exc
        if not stat.S_ISREG(st.st_mode):
            raise FileRefused("ce n'est pas un fichier ordinaire")
        if st.st_size > limit:
            raise FileRefused(f"{_human(st.st_size)}, au-delà de la limite de {_human(limit)}")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(path, flags)
        except OSError as exc:
            raise FileRefused(f"illisible ({exc.strerror})") from exc
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise FileRefused(f"plus de {_human(limit)}")
        return data

    def read_head(self, path: Path, size: int) -> bytes:
        """The first `size` bytes of a regular file (a signature check reads no more)."""
        kind = file_kind(path)
        if kind is None:
            raise FileRefused("fichier absent ou illisible")
        if kind != "file":
            raise FileRefused("ce n'est pas un fichier ordinaire")
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(path, flags)
        except OSError as exc:
            raise FileRefused(f"illisible ({exc.strerror})") from exc
        with os.fdopen(fd, "rb") as handle:
            return handle.read(size)


def file_kind(path: Path) -> str | None:
    """The kind of `path` after symlinks: "file", "dir", "other" (FIFO, device…) or None.

    Never raises: a name too long or a permission error counts as absent.
    """
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "dir"
    return "other"


def modified_time(path: Path) -> float | None:
    """The modification time of `path`, or None if it cannot be read."""
    try:
        return path.stat().st_mtime
    except (OSError, ValueError):
        return None


def _realpath(path: str) -> str:
    """os.path.realpath, but a symlink loop raises (realpath leaves the link unresolved)."""
    real = os.path.realpath(path)
    if os.path.islink(real):
        raise OSError(f"symlink loop at {real}")
    return real


def _human(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} Mio"
    if size >= 1 << 10:
        return f"{size / (1 << 10):.0f} Kio"
    return f"{size} octets"


def decode_text(data: bytes, path: str) -> tuple[str | None, NotText | None]:
    """Decode UTF-8 (BOM allowed); else the problem, at the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    name = PurePosixPath(path).name
    nul = data.find(b"\x00")
    if nul >= 0 and data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
        line = data.count(b"\n", 0, nul) + 1
        where = Location(path, line, nul - (data.rfind(b"\n", 0, nul) + 1) + 1)
        return None, NotText(where, nul=True, byte=None, guess="UTF-16", name=name)
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        # in characters, as editors count: what precedes the bad byte is valid UTF-8
        column = len(data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8")) + 1
        guess = "UTF-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "WINDOWS-1252"
        where = Location(path, line, column)
        return None, NotText(where, nul=False, byte=data[exc.start], guess=guess, name=name)
