"""P001 · error · Pas de portfolio

Le dossier ne présente aucun portfolio : ni adresse `portfolio.url`, ni pages Markdown dans le
dossier du portfolio (`portfolio/` par défaut, ou `portfolio.chemin`).

Pourquoi : le portfolio doit être accessible sous forme électronique et le candidat en est seul
responsable ; pénalité officielle « Portfolio inaccessible » : 10 points retirés à la note
finale (comptée une fois avec P002 et P004).

Correct :
    portfolio:
      url: https://lea-martin.github.io/portfolio/
      chemin: portfolio/        # avec portfolio/index.md

Fautif :
    # ni clé « portfolio », ni dossier portfolio/ avec des pages .md
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier, portfolio = ctx.dossier, ctx.portfolio
    if dossier.portfolio_url or portfolio is None or portfolio.declared:
        return  # an address or a declared folder: P002 judges whether it is usable
    if portfolio.status == "ok" and portfolio.own_pages():
        return
    manifest = dossier.manifest
    where = (
        manifest.key("portfolio")
        if manifest is not None and manifest.has("portfolio")
        else Location(manifest.path if manifest else None)
    )
    yield RULE.finding(
        f"Aucun portfolio : ni adresse « portfolio.url » dans dossier.yaml, ni page Markdown "
        f"dans « {portfolio.directory}/ ».",
        where,
        "Donnez l'adresse du portfolio en ligne (portfolio: {url: https://…}) et/ou écrivez ses "
        f"pages dans « {portfolio.directory}/ », en commençant par index.md.",
    )
