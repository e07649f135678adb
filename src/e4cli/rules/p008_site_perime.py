"""P008 · warning · Portfolio en ligne construit d'une autre version du dossier

Avec `e4 check --online` seulement : chaque page construite par `e4 site` porte l'empreinte
du dossier dont elle vient (`<meta name="e4-dossier" content="sha256:…">`, calculée sur
`dossier.yaml`, les réalisations, les pages du portfolio et les fichiers des productions). Si
le site publié porte une autre empreinte que le dossier vérifié, il a été construit d'une
autre version : le dernier état du dossier n'a pas été déployé. Un site qui n'a pas été
construit par `e4 site` (sans empreinte) n'est pas concerné.

Pourquoi : la commission consulte le site publié ; ce que vous avez corrigé depuis dans le
dossier, elle ne le voit pas.

Correct :
    e4 site && git push   # le site publié porte l'empreinte du dossier actuel

Fautif :
    # dossier.yaml modifié après le dernier déploiement du site
"""

from __future__ import annotations

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__, silent_when=("P005",))


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    url, manifest, crawl = ctx.dossier.portfolio_url, ctx.dossier.manifest, ctx.facts.crawl
    ours = ctx.facts.fingerprint
    if crawl is None or ours is None or url is None or manifest is None:
        return
    stale = [page for page in crawl.pages if page.fingerprint and page.fingerprint != ours]
    if not stale:
        return
    theirs = stale[0].fingerprint or ""
    yield RULE.finding(
        f"Le portfolio en ligne est plus ancien que votre dossier : il a été construit par "
        f"e4 site d'une autre version (empreinte {_short(theirs)} sur {len(stale)} page"
        f"{'s' if len(stale) > 1 else ''}, dont {stale[0].url} ; dossier actuel : "
        f"{_short(ours)}). Il n'a pas été déployé.",
        manifest.at("portfolio", "url"),
        "Reconstruisez le site (e4 site) et publiez-le (git push, ou le déploiement de "
        "l'hébergeur), puis relancez e4 check --online.",
    )


def _short(fingerprint: str) -> str:
    return fingerprint.removeprefix("sha256:")[:12]
