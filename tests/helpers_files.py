"""Helpers for the tests of the files behind the data: portfolio, productions, attestations."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from conftest import check_json, valid_files, write_tree

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"


def build(root: Path, changes: Mapping[str, str | bytes | None] | None = None) -> Path:
    """The valid dossier of conftest under `root`, with `changes` (None deletes a file)."""
    files: dict[str, str | bytes | None] = dict(valid_files())
    files.update(changes or {})
    return write_tree(root, files)


def manifest_with(old: str, new: str) -> str:
    """The valid manifest with one exact piece of text replaced."""
    text = str(valid_files()["dossier.yaml"])
    assert old in text, old
    return text.replace(old, new, 1)


def findings(path: Path) -> list[dict[str, Any]]:
    """The findings of `e4 check --format json` on `path`."""
    return list(check_json(path)["findings"])


def located(path: Path, code: str) -> list[tuple[str | None, int | None, int | None]]:
    """Where each finding of `code` points: (path, line, column)."""
    return [(f["path"], f["line"], f["column"]) for f in findings(path) if f["code"] == code]


def only(path: Path, code: str) -> dict[str, Any]:
    """The one finding of `code`; fails if there are none or several."""
    matches = [f for f in findings(path) if f["code"] == code]
    assert len(matches) == 1, findings(path)
    return matches[0]


def codes(path: Path) -> set[str]:
    return {f["code"] for f in findings(path)}


def line_of(text: str, needle: str) -> int:
    """1-based line of the first occurrence of `needle` in `text`."""
    index = text.index(needle)
    return text.count("\n", 0, index) + 1


def snapshot(root: Path) -> dict[str, tuple[int, int, str]]:
    """Every entry of a tree: mode, mtime (ns) and a digest of regular files' content.

    Special files (FIFOs, devices) are never opened; symlinks are not followed.
    """
    state: dict[str, tuple[int, int, str]] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in [*dirnames, *filenames]:
            path = Path(dirpath) / name
            info = path.lstat()
            digest = ""
            if stat.S_ISREG(info.st_mode) and info.st_size <= 16 << 20:
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
            elif stat.S_ISREG(info.st_mode):  # a huge (sparse) test file: size and mtime tell
                digest = f"{info.st_size} bytes"
            elif stat.S_ISLNK(info.st_mode):
                digest = str(path.readlink())
            state[str(path.relative_to(root))] = (info.st_mode, info.st_mtime_ns, digest)
    return state
