"""The Jinja2 environment of the site: e4's templates, overridable from the dossier.

A dossier's `site/` folder may hold templates named as e4's (`page.html.j2`,
`base.html.j2`…): they win over e4's, and `e4/NAME` still names e4's own, so a
candidate's `base.html.j2` can extend `e4/base.html.j2`. The candidate's
templates are read through DossierFS (never out of the dossier) and run in
Jinja2's sandbox: a template from a dossier cannot reach Python's internals,
so building a student's site is as safe as checking it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from e4cli.dossier.fs import DossierFS, FileRefused, PathOutside
from e4cli.site.links import OVERRIDES_DIR
from e4cli.util.resources import templates_dir

MAX_TEMPLATE_BYTES = 256 << 10
TEMPLATE_NAMES = (
    "base.html.j2",
    "page.html.j2",
    "accueil.html.j2",
    "realisation.html.j2",
    "realisations.html.j2",
    "competences.html.j2",
    "tableau.html.j2",
    "stages.html.j2",
    "mentions-legales.html.j2",
)


def shipped_dir() -> Path:
    return templates_dir() / "site"


def _candidate_loader(fs: DossierFS) -> jinja2.FunctionLoader:
    def load(name: str) -> tuple[str, str, Callable[[], bool]] | None:
        if name.startswith("e4/") or "\\" in name:
            return None
        rel = f"{OVERRIDES_DIR}/{name}"
        try:
            path = fs.resolve(rel)
            data = fs.read_bytes(path, MAX_TEMPLATE_BYTES)
        except (PathOutside, FileRefused):
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None
        return text, rel, lambda: False

    return jinja2.FunctionLoader(load)


def environment(fs: DossierFS | None) -> SandboxedEnvironment:
    shipped = jinja2.FileSystemLoader(str(shipped_dir()))
    loaders: list[jinja2.BaseLoader] = []
    if fs is not None:
        loaders.append(_candidate_loader(fs))
    loaders += [shipped, jinja2.PrefixLoader({"e4": shipped})]
    return SandboxedEnvironment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )


def shipped_environment() -> SandboxedEnvironment:
    """e4's templates alone: the fallback when a candidate's template fails."""
    return environment(None)


def asset(name: str) -> bytes:
    return (shipped_dir() / name).read_bytes()


def overridden(fs: DossierFS) -> list[str]:
    """The names of e4's templates that the dossier overrides (for e4 site's report)."""
    found = []
    for name in TEMPLATE_NAMES:
        try:
            path = fs.resolve(f"{OVERRIDES_DIR}/{name}")
        except PathOutside:
            continue
        if path.is_file():
            found.append(name)
    return found
