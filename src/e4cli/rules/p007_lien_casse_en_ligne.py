"""P007 · warning · Lien cassé sur le portfolio en ligne

Avec `e4 check --online` seulement : un lien du portfolio publié vers l'une de ses propres
pages ou l'un de ses fichiers, ou vers une production que le dossier déclare par son adresse
(`productions: - url:`), répond par une erreur (404, 500…), ne répond pas dans le délai, ou
ne se connecte pas. Les autres sites ne sont jamais contactés ; un lien vers un fichier ou une
production est seulement interrogé (requête HEAD, puis GET sans lire le contenu).

Pourquoi : la commission clique sur les liens du portfolio ; un lien mort, c'est une preuve qui
manque.

Correct :
    [Rapport de supervision](productions/zabbix.pdf)   # publié avec le site

Fautif :
    [Rapport de supervision](productions/zabix.pdf)    # 404 sur le site publié
"""

from __future__ import annotations

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__, silent_when=("P005",))

MAX_REPORTED = 20


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    url, manifest, crawl = ctx.dossier.portfolio_url, ctx.dossier.manifest, ctx.facts.crawl
    if crawl is None or url is None or manifest is None:
        return
    where = manifest.at("portfolio", "url")
    for link in crawl.broken[:MAX_REPORTED]:
        if link.status is None:
            answer = f"ne répond pas ({link.detail})" if link.detail else "ne répond pas"
        else:
            answer = f"répond « {f'{link.status} {link.detail}'.strip()} »"
        pages = ", ".join(link.pages[:3]) + (" …" if len(link.pages) > 3 else "")
        what = "la production" if link.production else "le lien"
        yield RULE.finding(
            f"Sur le portfolio en ligne, {what} « {link.target} » {answer} (lié depuis "
            f"{pages}).",
            where,
            "Corrigez le lien ou publiez la page ou le fichier, puis redéployez le site."
            if not link.production
            else "Vérifiez que la production est en ligne et publique, ou corrigez son adresse.",
        )
    extra = len(crawl.broken) - MAX_REPORTED
    if extra > 0:
        yield RULE.finding(
            f"Sur le portfolio en ligne, {extra} autre{'s' if extra > 1 else ''} lien"
            f"{'s' if extra > 1 else ''} cassé{'s' if extra > 1 else ''}.",
            where,
            "Corrigez d'abord les liens listés, puis relancez e4 check --online.",
        )
