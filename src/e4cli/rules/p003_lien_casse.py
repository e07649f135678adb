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

from collections.abc import Iterator

from e4cli.check.facts import LinkFact
from e4cli.dossier.portfolio import LocalPortfolio
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    if ctx.portfolio is None:
        return
    portfolio = ctx.portfolio
    # P002 reports a missing home page once; each page's link back to it would repeat it
    known_missing = portfolio.index_path if _index_reported(ctx, portfolio) else None
    for fact in ctx.facts.links:
        if not fact.exists and not fact.outside and fact.shown != known_missing:
            yield _broken(fact, portfolio.directory)


def _index_reported(ctx: CheckContext, portfolio: LocalPortfolio) -> bool:
    """Whether P002 says the portfolio has no home page (see its `_local`)."""
    return (
        (portfolio.declared or ctx.dossier.portfolio_url is None)
        and portfolio.status == "ok"
        and bool(portfolio.own_pages())
        and portfolio.index is None
    )


def _broken(fact: LinkFact, site_root: str) -> Finding:
    link = fact.link
    where = Location(fact.page, link.line, link.column)
    what = f"L'image « {link.written} »" if link.image else f"Le lien « {link.written} »"
    if fact.near:
        hint = fact.near.hint()
    elif fact.target.startswith("/"):
        hint = (
            f"Un lien qui commence par « / » part de la racine du site (« {site_root}/ » dans "
            "le dossier) : corrigez le chemin ou ajoutez le fichier."
        )
    else:
        hint = (
            f"Un lien part du dossier de la page (« {fact.folder or '.'}/ ») : corrigez le "
            "chemin ou ajoutez le fichier."
        )
    return RULE.finding(f"{what} mène à un fichier absent : « {fact.shown} ».", where, hint)
