"""P004 · error · Portfolio en ligne inaccessible

Avec `e4 check --online` seulement : e4 ouvre l'adresse `portfolio.url` comme le fera le jury
(délais courts, 5 redirections au plus) et signale un nom de domaine introuvable, une erreur
de connexion sécurisée (certificat), un délai dépassé, une redirection vers une adresse
locale, ou une réponse d'erreur (404 page introuvable, 403 accès refusé, 500…). Sans
`--online`, e4 n'accède jamais au réseau.

Pourquoi : pénalité officielle « Portfolio inaccessible » : 10 points retirés à la note finale
(comptée une fois avec P001 et P002) ; le candidat est seul responsable de l'accès à son
portfolio.

Correct :
    portfolio:
      url: https://lea-martin.github.io/portfolio/   # répond « 200 OK »

Fautif :
    portfolio:
      url: https://lea-martin.github.io/vieux/   # répond « 404 »
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

if TYPE_CHECKING:
    from e4cli.check.probe import Probe

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    url, manifest, result = ctx.dossier.portfolio_url, ctx.dossier.manifest, ctx.facts.probe
    if result is None or url is None or manifest is None or result.ok:
        return  # offline, no address, or an unusable one (P002): not opened
    message, hint = _explain(url, result)
    yield RULE.finding(message, manifest.at("portfolio", "url"), hint)


def _explain(url: str, result: Probe) -> tuple[str, str]:
    from e4cli.check.probe import TIMEOUT, Outcome

    publish = (
        "Vérifiez l'adresse dans un navigateur en navigation privée, et que le site est bien "
        "publié (GitHub Pages : Settings › Pages)."
    )
    outcome = result.outcome
    if outcome is Outcome.DNS:
        return (
            f"Le portfolio « {url} » est introuvable : son nom de domaine n'existe pas "
            f"(DNS : {result.detail}).",
            "Vérifiez l'orthographe de l'adresse ; un nom de domaine expiré ne répond plus.",
        )
    if outcome is Outcome.TLS:
        return (
            f"La connexion sécurisée au portfolio « {url} » échoue ({result.detail}).",
            "Le certificat HTTPS est expiré, invalide ou pour un autre nom : le navigateur du "
            "jury affichera une alerte. Corrigez-le chez l'hébergeur.",
        )
    if outcome is Outcome.TIMEOUT:
        return (
            f"Le portfolio « {url} » ne répond pas ({result.detail}, {TIMEOUT:g} s).",
            publish,
        )
    if outcome is Outcome.PRIVATE:
        return (
            f"Le portfolio « {url} » est inaccessible depuis Internet : {result.detail}.",
            publish,
        )
    if outcome is Outcome.REDIRECTS:
        return (
            f"Le portfolio « {url} » redirige en boucle ou plus de 5 fois.",
            "Donnez l'adresse finale du portfolio, celle qu'affiche le navigateur.",
        )
    if outcome is Outcome.HTTP:
        status = f"{result.status} {result.detail}".strip()
        where = f" (après redirection vers {result.url})" if result.url != url else ""
        message = f"Le portfolio « {url} » répond « {status} »{where}."
        return (message, _status_hint(result, publish))
    return (f"Connexion au portfolio « {url} » impossible : {result.detail}.", publish)


def _status_hint(result: Probe, publish: str) -> str:
    status = result.status or 0
    if status == 404:
        return "Page introuvable : " + publish
    if status in (401, 403):
        return "Accès refusé : le jury n'a ni compte ni mot de passe ; rendez le portfolio public."
    if status >= 500:
        return "Erreur du serveur : réessayez plus tard et prévenez l'hébergeur si elle dure."
    return publish
