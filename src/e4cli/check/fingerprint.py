"""The fingerprint of a dossier's content: which version of the dossier a site was built from.

`e4 site` embeds it in every page it builds, as

    <meta name="e4-dossier" content="sha256:…">

and `e4 check --online` reads it back from the published pages (P008): when
it differs from the dossier's own, the site was built from another version of
the dossier and the new one was not deployed.

It covers what the site publishes and nothing else: `dossier.yaml`, every
réalisation file, every page a réalisation names, the Markdown pages of the
portfolio folder and the productions' files; their paths and bytes, in a fixed
order, so that the same dossier gives the same fingerprint on any machine.
Files that cannot be read (absent, outside the dossier, too big) count by their
name alone: the fingerprint never fails.
"""

from __future__ import annotations

import hashlib
import os
from typing import TYPE_CHECKING

from e4cli.dossier.fs import DossierFS, FileRefused, PathOutside

if TYPE_CHECKING:
    from e4cli.dossier.model import Dossier

META_NAME = "e4-dossier"
PREFIX = "sha256:"
_MAX_FILE = 64 << 20
_MAX_PAGES = 2000


def dossier_fingerprint(dossier: Dossier, fs: DossierFS | None = None) -> str:
    """"sha256:<hex>" of the files the dossier's site is built from."""
    fs = fs or DossierFS(dossier.root)
    digest = hashlib.sha256(b"e4-dossier 1\n")
    for name in sorted(set(_sources(dossier, fs))):
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(_file_digest(fs, name) + b"\n")
    return PREFIX + digest.hexdigest()


def meta_tag(fingerprint: str) -> str:
    """The tag `e4 site` writes in each page's <head>."""
    return f'<meta name="{META_NAME}" content="{fingerprint}">'


def _sources(dossier: Dossier, fs: DossierFS) -> list[str]:
    names: list[str] = []
    if dossier.manifest is not None:
        names.append(dossier.manifest.doc.path)
    for real in dossier.realisations:
        names.append(real.file)
        if real.page:
            names.append(real.page)
        names.extend(prod.fichier for prod in real.productions if prod.fichier)
    names.extend(_markdown_pages(fs, dossier.portfolio_dir))
    return [name.replace("\\", "/").removeprefix("./") for name in names]


def _markdown_pages(fs: DossierFS, folder: str) -> list[str]:
    try:
        base = fs.resolve(folder)
    except PathOutside:
        return []
    if not base.is_dir():
        return []
    pages: list[str] = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in sorted(filenames):
            if name.lower().endswith(".md"):
                pages.append(fs.relative(base.joinpath(dirpath, name)))
                if len(pages) >= _MAX_PAGES:
                    return pages
    return pages


def _file_digest(fs: DossierFS, name: str) -> bytes:
    try:
        path = fs.resolve(name)
        return hashlib.sha256(fs.read_bytes(path, _MAX_FILE)).hexdigest().encode()
    except (PathOutside, FileRefused, OSError):
        return b"-"
