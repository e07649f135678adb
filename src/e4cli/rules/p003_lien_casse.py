"""P003 · warning · Lien cassé dans le portfolio

Un lien ou une image d'une page Markdown du portfolio mène à un fichier qui n'existe pas dans
le dossier. Le chemin d'un lien part du dossier de la page ; une différence de casse
(`Capture.PNG` pour `capture.png`) ou d'accents décomposés (noms venus de macOS) est signalée
comme telle. Un lien qui sort du dossier est signalé par D005 et n'est pas suivi.

Pourquoi : le jury lit le portfolio ; une capture ou un document qui ne s'ouvre pas, c'est une
preuve qui manque à l'oral.

Correct :
    ![Schéma](images/schema.png)        # portfolio/images/schema.png existe

Fautif :
    [Procédure](../productions/proc.pdf)  # fichier absent du dossier
"""

import posixpath
from collections.abc import Iterator
from pathlib import PurePosixPath

from e4cli.dossier.fs import DossierFS, PathOutside, file_kind
from e4cli.dossier.load import outside_finding
from e4cli.dossier.markdown_links import Link, local_target
from e4cli.dossier.nearfile import NameFinder
from e4cli.dossier.portfolio import LocalPortfolio, Page
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.portfolio is None:
        return
    portfolio = ctx.portfolio
    finder = NameFinder(ctx.fs)
    # P002 reports a missing home page once; each page's link back to it would repeat it
    known_missing = portfolio.index_path if _index_reported(ctx, portfolio) else None
    for page in portfolio.pages.values():
        for link in page.links:
            target = local_target(link.target)
            if target is not None:
                yield from _check_link(
                    ctx.fs, finder, page, link, target, portfolio.directory, known_missing
                )


def _index_reported(ctx: CheckContext, portfolio: LocalPortfolio) -> bool:
    """Whether P002 says the portfolio has no home page (see its `_local`)."""
    return (
        (portfolio.declared or ctx.dossier.portfolio_url is None)
        and portfolio.status == "ok"
        and bool(portfolio.own_pages())
        and portfolio.index is None
    )


def _check_link(
    fs: DossierFS,
    finder: NameFinder,
    page: Page,
    link: Link,
    target: str,
    site_root: str,
    known_missing: str | None,
) -> Iterator[Finding]:
    where = Location(page.path, link.line, link.column)
    folder = posixpath.dirname(page.path)
    if target.startswith("/"):  # from the site's root: the portfolio folder, or the dossier's
        candidates = [posixpath.join(site_root, target.lstrip("/")), target.lstrip("/")]
    else:
        candidates = [posixpath.join(folder, target) if folder else target]
    refusals: list[PathOutside] = []
    for candidate in candidates:
        try:
            if any(_exists(fs, form) for form in _forms(candidate)):
                return
        except PathOutside as exc:
            refusals.append(PathOutside(link.written, exc.reason))
    if len(refusals) == len(candidates):  # it leads outside whichever way it is read
        yield outside_finding(refusals[0], where)
        return
    shown = posixpath.normpath(candidates[0])
    if shown == known_missing:
        return
    what = f"L'image « {link.written} »" if link.image else f"Le lien « {link.written} »"
    near = finder.find(shown)
    if near:
        hint = near.hint()
    elif target.startswith("/"):
        hint = (
            f"Un lien qui commence par « / » part de la racine du site (« {site_root}/ » dans "
            "le dossier) : corrigez le chemin ou ajoutez le fichier."
        )
    else:
        hint = (
            f"Un lien part du dossier de la page (« {folder or '.'}/ ») : corrigez le chemin "
            "ou ajoutez le fichier."
        )
    yield RULE.finding(f"{what} mène à un fichier absent : « {shown} ».", where, hint)


def _forms(candidate: str) -> list[str]:
    """The path, and what a site generator makes of it (page.html from page.md)."""
    forms = [candidate]
    suffix = PurePosixPath(candidate).suffix.lower()
    if suffix in (".html", ".htm"):
        forms.append(candidate[: -len(suffix)] + ".md")
    elif not suffix and not candidate.endswith("/"):
        forms.append(candidate + ".md")
    return forms


def _exists(fs: DossierFS, raw: str) -> bool:
    return file_kind(fs.resolve(raw)) is not None
