"""Write a built site to its folder, whole or not at all.

The site is written to a temporary folder beside the target, then put in place by
renaming, so a reader (or `e4 site --serve`) never sees half a site. An existing
target is replaced only when e4 made it (it holds MARKER) or it is empty: a
mistyped `--output ~/Documents` is refused, never emptied.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from e4cli.site.build import BuiltSite

MARKER = ".e4-site"
MARKER_TEXT = b"Site construit par e4 site ; ce dossier est remplace a chaque construction.\n"


class WriteFailure(Exception):
    """The site cannot be written where asked; the message says why, in French."""


def replaceable(target: Path) -> bool:
    if not target.exists() and not target.is_symlink():
        return True
    if target.is_symlink() or not target.is_dir():
        return False
    if (target / MARKER).is_file():
        return True
    try:
        return not any(target.iterdir())
    except OSError:
        return False


def write_site(site: BuiltSite, target: Path) -> None:
    if not replaceable(target):
        raise WriteFailure(
            f"« {target} » existe et n'a pas été créé par e4 site : choisissez un autre "
            "--output (ou videz ce dossier)."
        )
    parent = target.parent if str(target.parent) else Path()
    try:
        parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        why = exc.strerror or exc
        raise WriteFailure(f"impossible d'écrire dans « {parent} » : {why}") from exc
    try:
        _fill(site, staging)
        staging.chmod(0o755 & ~_umask())
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
            old.rmdir()
            target.rename(old)
        staging.rename(target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise WriteFailure(f"impossible d'écrire « {target} » : {exc.strerror or exc}") from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _fill(site: BuiltSite, root: Path) -> None:
    for rel, data in sorted(site.files.items()):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    for rel, source in sorted(site.copies.items()):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, path)
    (root / MARKER).write_bytes(MARKER_TEXT)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
