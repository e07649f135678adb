"""P006 · warning · Réalisation absente du portfolio en ligne

Avec `e4 check --online` seulement : e4 parcourt le portfolio publié comme la commission (les
pages du même site sous la même adresse, en suivant les liens ; 200 pages et 30 secondes au
plus) et cherche chaque réalisation du dossier. Une réalisation est trouvée quand son
intitulé paraît sur une page, en ignorant la casse, les accents, la ponctuation et les espaces
en trop, ou, pour un site construit par `e4 site`, quand sa page
(`realisations/<fichier>.html`) a été lue.

Pourquoi : la commission lit le tableau de synthèse et cherche chaque réalisation dans le
portfolio ; une réalisation qu'elle ne trouve pas n'est pas présentée.

Correct :
    intitule: Supervision avec Zabbix   # la page « Supervision avec Zabbix » est publiée

Fautif :
    intitule: Supervision avec Zabbix   # le site publié n'en parle pas
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from e4cli.dossier.model import Realisation
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding
from e4cli.util.textnorm import contains_words, words

RULE = Rule.from_doc(__doc__, silent_when=("P005",))


def page_stem(real: Realisation) -> str:
    """The name `e4 site` gives a réalisation's page: its file's stem, made safe."""
    stem = PurePosixPath(real.file).stem
    return re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.").lower()


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    url, manifest, crawl = ctx.dossier.portfolio_url, ctx.dossier.manifest, ctx.facts.crawl
    if crawl is None or not crawl.pages or url is None or manifest is None:
        return
    built = any(page.fingerprint for page in crawl.pages)
    paths = {unquote(urlsplit(page.url).path).lower() for page in crawl.pages}
    stopped = f" (parcours arrêté : {crawl.stopped})" if crawl.stopped else ""
    for real in ctx.dossier.realisations:
        if not real.intitule:
            continue
        wanted = words(real.intitule)
        if any(contains_words(page.text, wanted) for page in crawl.pages):
            continue
        if built and any(p.endswith(f"/realisations/{page_stem(real)}.html") for p in paths):
            continue
        count = len(crawl.pages)
        yield RULE.finding(
            f"La réalisation « {real.intitule} » ({real.file}) ne figure sur aucune des "
            f"{count} page{'s' if count > 1 else ''} du portfolio en ligne{stopped}.",
            manifest.at("portfolio", "url"),
            "Publiez une page qui la présente sous ce même intitulé, liée depuis l'accueil, "
            "puis redéployez le site.",
        )
