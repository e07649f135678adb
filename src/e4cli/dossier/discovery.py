"""Which dossiers to check: the paths as given, or every dossier found under a folder.

A dossier is a folder that contains `dossier.yaml`. The search skips hidden
folders and the bulky folders of tools (node_modules, virtual environments,
caches), never looks inside a dossier it found (a dossier holds no other
dossier), and follows a symbolic link only when it stays inside the folder
searched: a link out of the class folder is not followed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from e4cli.util.record import record

MANIFEST = "dossier.yaml"

SKIPPED_FOLDERS = frozenset(
    {
        "node_modules",
        "bower_components",
        "vendor",
        "venv",
        "env",
        "site-packages",
        "__pycache__",
        "_build",
        "_site",  # what `e4 site` builds
        "build",
        "dist",
        "target",
    }
)


@record
class Target:
    """A dossier to check: its path on disk and the name reports give it."""

    path: Path
    display: str


def skipped(name: str) -> bool:
    return name.startswith((".", "~")) or name in SKIPPED_FOLDERS


def find_dossiers(root: Path) -> list[Path]:
    """Every folder under `root` (itself included) that holds a dossier.yaml, sorted."""
    try:
        real_root = root.resolve()
    except (OSError, RuntimeError):
        return []
    found: list[Path] = []
    seen: set[Path] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            real = folder.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            continue
        if real in seen or (real != real_root and real_root not in real.parents):
            continue
        seen.add(real)
        manifest = folder / MANIFEST
        if manifest.exists() or manifest.is_symlink():  # a pipe or a link too: D005, D007
            found.append(folder)
            continue
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if skipped(entry.name):
                continue
            try:
                if entry.is_dir():  # follows links; the check above refuses those out
                    stack.append(Path(entry.path))
            except OSError:
                continue
    return sorted(found, key=lambda p: _sort_key(p, root))


def _sort_key(path: Path, root: Path) -> tuple[str, ...]:
    return tuple(part.casefold() for part in path.relative_to(root).parts)


def targets(paths: Iterable[Path], recursive: bool) -> tuple[list[Target], list[Path]]:
    """The dossiers to check, in a stable order, and the folders searched in vain.

    Without `recursive`, each path is a dossier, in the order given (a shell
    glob is already sorted). With it, each folder is searched; a path that is
    not a folder stays a target, so that it is reported (D001).
    """
    result: list[Target] = []
    empty: list[Path] = []
    for path in paths:
        if not recursive or not path.is_dir():
            result.append(Target(path, str(path)))
            continue
        found = find_dossiers(path)
        if not found:
            empty.append(path)
        result.extend(Target(p, str(p)) for p in found)
    return result, empty


def class_targets(folder: Path) -> list[Target]:
    """The dossiers of a class folder: every dossier found, plus each direct subfolder
    that holds none, so that a student who forgot dossier.yaml is listed (D002)."""
    found = find_dossiers(folder)
    holders = {p.resolve() for p in found}
    try:
        children = sorted(
            (Path(e.path) for e in os.scandir(folder) if not skipped(e.name) and e.is_dir()),
            key=lambda p: p.name.casefold(),
        )
    except OSError:
        children = []
    for child in children:
        real = child.resolve()
        if real in holders or any(real in h.parents or h in real.parents for h in holders):
            continue
        if real != folder.resolve() and folder.resolve() not in real.parents:
            continue  # a link out of the class folder
        found.append(child)
    found.sort(key=lambda p: _sort_key(p, folder))
    return [Target(p, str(p)) for p in found]
