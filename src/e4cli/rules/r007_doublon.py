"""R007 · error · Réalisations en double

Deux réalisations ont le même identifiant (nom de fichier ou clé `id`) ou le même intitulé
(sans tenir compte des majuscules, des accents ni des espaces).

Pourquoi : chaque ligne du tableau de synthèse doit désigner une seule réalisation ; deux
lignes identiques sèment le doute chez le jury.

Correct :
    realisations/01-glpi.yaml    intitule: Déploiement de GLPI
    realisations/02-ocs.yaml     intitule: Inventaire avec OCS Inventory

Fautif :
    realisations/01-glpi.yaml    intitule: Déploiement de GLPI
    realisations/05-glpi.yaml    intitule: Déploiement de GLPI
"""

from collections.abc import Iterator

from e4cli.dossier.model import Realisation
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding
from e4cli.util.textnorm import fold

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    by_id: dict[str, Realisation] = {}
    by_title: dict[str, Realisation] = {}
    for real in ctx.dossier.realisations:
        first = by_id.setdefault(real.id, real)
        if first is not real:
            yield RULE.finding(
                f"L'identifiant « {real.id} » est déjà celui de {first.file}.",
                real.anchor.at("id") if real.anchor.has("id") else real.anchor.at(),
                "Donnez à chaque réalisation un identifiant unique.",
            )
        if real.intitule is None:
            continue
        first = by_title.setdefault(fold(real.intitule), real)
        if first is not real:
            yield RULE.finding(
                f"L'intitulé {real.label} est déjà celui de {first.file}.",
                real.anchor.at("intitule"),
                "Fusionnez les deux réalisations, ou précisez ce qui distingue celle-ci dans "
                "son intitulé.",
            )
