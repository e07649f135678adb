"""P005 · error · Portfolio inaccessible

Avec `e4 check --online` seulement : le portfolio, ou sa page d'accueil après redirections, est
derrière une connexion ou une demande d'accès. e4 le voit comme la commission, sans compte :
une redirection vers la page de connexion d'un fournisseur d'identité (Google, Microsoft,
GitHub, GitLab, Notion… : e4 lit l'en-tête `Location` et ne la suit jamais), une réponse 401 ou
403, une page « Demander l'accès » de Google Drive, Docs ou Sites, la page 404 « There isn't a
GitHub Pages site here », ou une page Wix ou WordPress « site non publié » ou « privé ».

Pourquoi : pénalité officielle « Portfolio inaccessible » : 10 points retirés à la note finale
(comptée une fois avec P001, P002 et P004) ; la commission n'a ni compte ni mot de passe.

Correct :
    portfolio:
      url: https://lea-martin.github.io/portfolio/   # public

Fautif :
    portfolio:
      url: https://sites.google.com/view/lea-portfolio   # « Demander l'accès »
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

if TYPE_CHECKING:
    from e4cli.check.probe import Blocked

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    url, manifest, crawl = ctx.dossier.portfolio_url, ctx.dossier.manifest, ctx.facts.crawl
    if crawl is None or crawl.blocked is None or url is None or manifest is None:
        return
    message, hint = _explain(url, crawl.blocked)
    yield RULE.finding(message, manifest.at("portfolio", "url"), hint)


def _explain(url: str, blocked: Blocked) -> tuple[str, str]:
    from e4cli.check.probe import Gate

    subject = f"Le portfolio « {url} »"
    gate = blocked.gate
    if gate is Gate.SIGN_IN:
        hints = {
            "Google": "Partagez-le à « Tous les utilisateurs disposant du lien » (Google Drive, "
            "Docs) ou publiez le site pour tout le monde (Google Sites › Publier).",
            "Microsoft": "Partagez-le avec « Tout le monde » (OneDrive, SharePoint) ou publiez-"
            "le ailleurs, sans compte.",
            "GitHub": "Rendez le dépôt public (Settings › General › Danger Zone) et publiez "
            "le site avec GitHub Pages.",
            "GitLab": "Rendez le projet et ses Pages publics (Settings › General › "
            "Visibility › Pages : « Everyone »).",
            "Notion": "Publiez la page sur le Web (Partager › Publier) pour tout le monde.",
        }
        return (
            f"{subject} demande de se connecter : il redirige vers la page de connexion de "
            f"{blocked.provider} ({blocked.url}). La commission, sans compte, ne verra que "
            "cette page.",
            hints.get(
                blocked.provider, "Rendez le portfolio public, consultable sans compte."
            ),
        )
    if gate is Gate.STATUS:
        return (
            f"{subject} répond « {blocked.status} » (accès refusé) : la commission verra un "
            "refus d'accès au lieu du portfolio.",
            "Retirez le mot de passe ou la restriction d'accès de l'hébergeur ; vérifiez dans "
            "un navigateur en navigation privée.",
        )
    if gate is Gate.REQUEST_ACCESS:
        return (
            f"{subject} affiche « Demander l'accès » de Google : il n'est pas partagé, la "
            "commission ne verra que cette demande.",
            "Partagez-le à « Tous les utilisateurs disposant du lien » (lecteur), ou publiez "
            "le site Google Sites pour tout le monde.",
        )
    if gate is Gate.NO_PAGES_SITE:
        return (
            f"{subject} affiche la page GitHub « There isn't a GitHub Pages site here » : le "
            "site n'est pas publié à cette adresse.",
            "Activez GitHub Pages (Settings › Pages) sur un dépôt public, attendez la fin du "
            "déploiement (onglet Actions), et vérifiez l'adresse indiquée par GitHub.",
        )
    return (
        f"{subject} affiche une page {blocked.provider} « site non publié » ou « privé » : la "
        "commission ne verra pas le portfolio.",
        f"Publiez le site et rendez-le public dans les réglages de {blocked.provider} ; "
        "vérifiez dans un navigateur en navigation privée.",
    )
