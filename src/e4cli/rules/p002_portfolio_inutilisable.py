"""P002 · error · Portfolio inutilisable

Le portfolio est déclaré mais ne peut pas servir : l'adresse `portfolio.url` n'est pas une
adresse `http(s)` bien formée, ou désigne une machine locale ou un réseau privé (`localhost`,
`192.168.…`, `.local`) ; ou le dossier des pages (`portfolio.chemin`, ou `portfolio/` quand il
n'y a pas d'adresse) n'existe pas, n'a pas de page d'accueil `index.md`, ou celle-ci est vide
ou illisible.

Pourquoi : pénalité officielle « Portfolio inaccessible » : 10 points retirés à la note finale
(comptée une fois avec P001 et P004). Le jury ouvre l'adresse depuis son propre réseau et lit
les pages à partir de leur accueil.

Correct :
    portfolio:
      url: https://lea-martin.github.io/portfolio/
      chemin: portfolio/        # portfolio/index.md existe et n'est pas vide

Fautif :
    portfolio:
      url: http://localhost:8000/
      chemin: mon-portfolio/    # dossier absent
"""

from collections.abc import Iterator
from pathlib import PurePosixPath

from e4cli.dossier.portfolio import INDEX_NAME, PAGE_SUFFIXES, LocalPortfolio
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location
from e4cli.util.weburl import check_url

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier, manifest = ctx.dossier, ctx.dossier.manifest
    if manifest is None or ctx.portfolio is None:
        return
    url = dossier.portfolio_url
    if url is not None:
        verdict = check_url(url)
        if not verdict.ok:
            yield RULE.finding(
                f"L'adresse du portfolio « {url} » est inutilisable : {verdict.reason}.",
                manifest.at("portfolio", "url"),
                verdict.hint,
            )
    portfolio = ctx.portfolio
    if portfolio.declared or url is None:
        where = (
            manifest.at("portfolio", "chemin")
            if portfolio.declared
            else Location(portfolio.directory + "/")
        )
        yield from _local(ctx, portfolio, where)


def _local(ctx: CheckContext, portfolio: LocalPortfolio, where: Location) -> Iterator[Finding]:
    folder = f"« {portfolio.directory}/ »"
    if portfolio.status == "outside":
        yield RULE.finding(
            f"Le dossier du portfolio {folder} est hors du dossier : le jury ne l'aura pas.",
            where,
        )
        return
    if portfolio.status == "not-dir":
        page = PurePosixPath(portfolio.directory)
        yield RULE.finding(
            f"Le portfolio « {portfolio.directory} » n'est pas un dossier.",
            where,
            "« portfolio.chemin » désigne le dossier des pages Markdown, celui qui contient "
            f"index.md : écrivez « {page.parent.as_posix()}/ »."
            if page.suffix.lower() in PAGE_SUFFIXES and page.parent.as_posix() != "."
            else "Rangez les pages Markdown du portfolio (index.md d'abord) dans un dossier, "
            "et donnez ce dossier dans « portfolio.chemin ».",
        )
        return
    if portfolio.status == "absent":
        if portfolio.declared:  # not declared and absent, without an address: that is P001
            yield RULE.finding(
                f"Le dossier du portfolio {folder} n'existe pas.",
                where,
                _near_hint(ctx, portfolio.directory)
                or "Corrigez « portfolio.chemin » ou créez ce dossier avec ses pages Markdown.",
            )
        return
    if not portfolio.own_pages():
        if portfolio.declared:
            yield RULE.finding(
                f"Le dossier du portfolio {folder} ne contient aucune page Markdown (.md).",
                where,
                f"Écrivez au moins sa page d'accueil, {portfolio.index_path}.",
            )
        return
    index = portfolio.index
    if index is None:
        yield RULE.finding(
            f"Le portfolio {folder} n'a pas de page d'accueil « {portfolio.index_path} ».",
            where,
            _near_hint(ctx, portfolio.index_path) or _rename_hint(portfolio),
        )
    elif index.text is None:
        yield RULE.finding(
            f"La page d'accueil « {index.path} » du portfolio ne se lit pas (voir le constat "
            "sur ce fichier).",
            Location(index.path),
            "Enregistrez-la comme un texte UTF-8 de taille raisonnable.",
        )
    elif index.blank:
        yield RULE.finding(
            f"La page d'accueil « {index.path} » du portfolio est vide.",
            Location(index.path),
            "Présentez-vous et donnez les liens vers vos réalisations.",
        )


def _near_hint(ctx: CheckContext, raw: str) -> str | None:
    fact = ctx.facts.paths.get(raw)
    near = fact.near if fact is not None else None
    return near.hint() if near else None


def _rename_hint(portfolio: LocalPortfolio) -> str:
    pages = [p.path for p in portfolio.own_pages()]
    readme = next((p for p in pages if PurePosixPath(p).name.lower() == "readme.md"), None)
    first = readme or pages[0]
    return f"Renommez la page d'accueil (par exemple « {first} ») en {INDEX_NAME}."
