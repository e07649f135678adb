"""Where each file of the dossier lands in the site, and what a link to it becomes.

Every link of the site is relative and names a file (`realisations/index.html`,
never a bare folder), so the site works from `file://`, from a domain root and
under a sub-path. A link is resolved as `e4 check` (P003) reads it: from the
page's folder, or from the portfolio's root when it starts with `/`; a `.html`
link may name the `.md` page. What it names then decides:

- a page of the portfolio, or any Markdown file of the dossier: its built page;
- a réalisation's YAML file: the réalisation's generated page;
- another file: a copy in the site, at the same place relative to the portfolio;
- dossier.yaml, an attestation (personal data; `--with-attestations` publishes
  them), the `site/` overrides, hidden files, a folder or a missing file: not
  published; the link becomes plain text and a note says why.

Nothing outside the dossier is ever read: paths go through DossierFS.resolve.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import field
from pathlib import Path, PurePosixPath
from urllib.parse import quote, unquote

from e4cli.dossier.fs import DossierFS, PathOutside, file_kind
from e4cli.dossier.model import Dossier
from e4cli.dossier.portfolio import PAGE_SUFFIXES, SITE_DIR
from e4cli.dossier.proofs import DEFAULT_FOLDER as ATTESTATIONS_FOLDER
from e4cli.util.record import record

OVERRIDES_DIR = "site"  # the candidate's CSS and templates
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_LINK_SCHEMES = ("http", "https", "mailto", "tel")
_SAFE = "/-._~!$&'()*+,;=:@"


@record
class Target:
    """What a link becomes: `url` to write (relative to the page), or text with a `note`.

    `remote` is set for an image on another site: the page links to it instead of
    loading it (no request leaves the site).
    """

    url: str | None
    note: str | None = None
    remote: str | None = None


@record(frozen=False)
class Published:
    """A file of the dossier that the site publishes: its page, or a copy."""

    source: str  # dossier-relative path
    output: str  # site-relative path
    page: bool  # rendered from Markdown (else copied as is)


def page_output(rel: str) -> str:
    """`x.md` → `x.html`: the built name of a Markdown page."""
    suffix = PurePosixPath(rel).suffix
    return rel[: -len(suffix)] + ".html" if suffix.lower() in PAGE_SUFFIXES else rel


def href(from_output: str, to_output: str, fragment: str = "") -> str:
    """A relative, percent-encoded URL from the page `from_output` to `to_output`."""
    base = posixpath.dirname(from_output) or "."
    relative = relative_path(to_output, base)
    return quote(relative, safe=_SAFE) + (f"#{fragment}" if fragment else "")


def relative_path(target: str, base: str) -> str:
    """`posixpath.relpath(target, base)` for two site-relative paths, without the disk.

    relpath makes both absolute with the current folder (two `getcwd` calls per link: a
    third of `e4 site` on a large dossier); between two paths of the same site the
    current folder cancels out, so only their components matter.
    """
    to = [part for part in posixpath.normpath(target).split("/") if part not in ("", ".")]
    start = [part for part in posixpath.normpath(base).split("/") if part not in ("", ".")]
    common = 0
    for mine, theirs in zip(to, start, strict=False):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(start) - common) + to[common:]) or "."


@record(frozen=False)
class SiteMap:
    """The outputs of the site, allocated once each, and the links resolved into them."""

    fs: DossierFS
    dossier: Dossier
    portfolio_dir: str
    with_attestations: bool = False
    published: dict[str, Published] = field(default_factory=dict)  # by source
    generated: dict[str, str] = field(default_factory=dict)  # réalisation file → output
    pending: list[str] = field(default_factory=list)  # Markdown sources left to render
    _taken: set[str] = field(default_factory=set)
    _memo: dict[tuple[str, str, str, bool], Target] = field(default_factory=dict)

    # -- allocation ---------------------------------------------------------------------

    def reserve(self, output: str) -> str:
        """Take `output`, or the first free `name-2.ext`, `name-3.ext`… (case-blind)."""
        stem, suffix = posixpath.splitext(output)
        candidate, number = output, 1
        while candidate.casefold() in self._taken:
            number += 1
            candidate = f"{stem}-{number}{suffix}"
        self._taken.add(candidate.casefold())
        return candidate

    def natural_output(self, rel: str) -> str:
        """Where `rel` lands: its place relative to the portfolio folder, or to the dossier."""
        prefix = "" if self.portfolio_dir == "." else self.portfolio_dir + "/"
        inside = rel[len(prefix) :] if prefix and rel.startswith(prefix) else rel
        return page_output(inside)

    def add_page(self, rel: str, output: str | None = None) -> Published:
        """Publish the Markdown file `rel` as a page (its built path allocated once)."""
        known = self.published.get(rel)
        if known is not None:
            return known
        entry = Published(rel, self.reserve(output or self.natural_output(rel)), page=True)
        self.published[rel] = entry
        self.pending.append(rel)
        return entry

    def add_copy(self, rel: str) -> Published:
        known = self.published.get(rel)
        if known is not None:
            return known
        entry = Published(rel, self.reserve(self.natural_output(rel)), page=False)
        self.published[rel] = entry
        return entry

    # -- resolution ---------------------------------------------------------------------

    def link(self, source: str, page: str, target: str, *, image: bool = False) -> Target:
        """What the link `target`, written in the dossier file `source`, becomes in `page`.

        `source` is "" for a path written from the dossier's root (a production's
        `fichier:`), so it is not read from a page's folder.
        """
        key = (source, page, target, image)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = self._link(source, page, target, image)
        return found

    def _link(self, source: str, page: str, raw: str, image: bool) -> Target:
        target = raw.strip()
        if not target:
            return Target(None, "lien vide")
        if target.startswith("#"):
            return Target(target)
        if target.startswith("//"):
            target = "https:" + target
        scheme = _SCHEME.match(target)
        if scheme:
            name = scheme.group(1).lower()
            if name in ("http", "https") and image:
                return Target(None, None, remote=target)
            if name in _LINK_SCHEMES and not image:
                return Target(target)
            return Target(None, f"adresse « {name}: » non publiée")
        path, fragment = _split(target)
        if not path:
            return Target(f"#{fragment}" if fragment else None)
        rel, why = self._find(source, unquote(path))
        if rel is None:
            return Target(None, why)
        output, why = self._publish(rel)
        if output is None:
            return Target(None, why)
        return Target(href(page, output, fragment))

    def _find(self, source: str, path: str) -> tuple[str | None, str]:
        """The dossier-relative file a link names, or None and why."""
        folder = posixpath.dirname(source)
        if path.startswith("/"):
            stripped = path.lstrip("/")
            bases = [posixpath.join(self.portfolio_dir, stripped), stripped]
        else:
            bases = [posixpath.join(folder, path) if folder else path]
        outside = folder_seen = False
        for base in bases:
            clean = posixpath.normpath(base)
            if clean.startswith(("../", "/")) or clean == "..":
                outside = True
                continue
            for form in _forms(clean, path.endswith("/")):
                try:
                    kind = file_kind(self.fs.resolve(form))
                except PathOutside:
                    outside = True
                    continue
                if kind == "file":
                    return posixpath.normpath(form), ""
                folder_seen = folder_seen or kind == "dir"
        if folder_seen:
            return None, "c'est un dossier, sans index.md"
        if outside:
            return None, "le chemin sort du dossier"
        return None, "fichier absent du dossier"

    def _publish(self, rel: str) -> tuple[str | None, str]:
        """The site path of the dossier file `rel`, publishing it if it may be."""
        known = self.published.get(rel)
        if known is not None:
            return known.output, ""
        if rel in self.generated:
            return self.generated[rel], ""
        why = self.private(rel)
        if why:
            return None, why
        if rel.lower().endswith(PAGE_SUFFIXES):
            return self.add_page(rel).output, ""
        return self.add_copy(rel).output, ""

    def private(self, rel: str) -> str | None:
        """Why the dossier file `rel` is never published, None when it may be."""
        parts = rel.split("/")
        if rel == "dossier.yaml":
            return "dossier.yaml n'est pas publié (numéro de candidat)"
        if any(part.startswith(".") for part in parts):
            return "fichier caché, non publié"
        if parts[0] in (OVERRIDES_DIR, SITE_DIR) and len(parts) > 1:
            return f"le dossier « {parts[0]}/ » n'est pas publié"
        if not self.with_attestations and self.is_attestation(rel):
            return (
                "attestation non publiée (données personnelles ; --with-attestations "
                "la publie)"
            )
        realisations = self.dossier.realisations_dir.strip("/")
        if rel.startswith(realisations + "/") and rel.lower().endswith((".yaml", ".yml")):
            return "fichier de réalisation sans page"
        return None

    def is_attestation(self, rel: str) -> bool:
        declared = {
            posixpath.normpath(s.attestation.replace("\\", "/").strip())
            for s in self.dossier.stages
            if s.attestation
        }
        return rel in declared or rel.startswith(ATTESTATIONS_FOLDER + "/")

    def file_path(self, rel: str) -> Path:
        """The real file behind a published copy (already resolved inside the dossier)."""
        return self.fs.resolve(rel)


def _split(target: str) -> tuple[str, str]:
    """The path and the fragment of a link; a query (`?v=2`) is dropped."""
    path, _, fragment = target.partition("#")
    return path.split("?", 1)[0], fragment


def _forms(path: str, folder: bool) -> list[str]:
    """The path and what a site generator makes of it (page.html from page.md, folder/)."""
    suffix = PurePosixPath(path).suffix.lower()
    forms = [] if folder else [path]
    if suffix in (".html", ".htm"):
        forms.append(path[: -len(suffix)] + ".md")
    elif not suffix and not folder:
        forms.append(path + ".md")
    forms.append(posixpath.join(path, "index.md"))
    return forms
