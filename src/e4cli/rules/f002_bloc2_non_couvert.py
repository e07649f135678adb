"""F002 · error · Compétence du bloc 2 non mobilisée par les deux réalisations E6

Une compétence du bloc 2 de l'option du candidat (SISR : B2.1 concevoir, B2.2 installer,
tester et déployer, B2.3 exploiter, dépanner et superviser une solution d'infrastructure
réseau ; SLAM : B2.1 concevoir et développer une solution applicative, B2.2 assurer la
maintenance corrective ou évolutive, B2.3 gérer les données) n'est citée dans le bloc `e6:`
d'aucune des réalisations choisies pour l'épreuve E6. Un item cité (`B2.3.2`) compte pour
sa compétence. Le constat est à la ligne du bloc `e6:` de la réalisation n°1.

Pourquoi : « Les deux réalisations présentées doivent, dans leur ensemble, mobiliser toutes
les compétences du bloc » ; la fiche descriptive coche les compétences travaillées, et une
compétence qu'aucune ne coche ne peut pas être évaluée.

Correct :
    # réalisation n°1 (SLAM)
    e6:
      competences: [B2.1, B2.3]
    # réalisation n°2
    e6:
      competences: [B2.2.3, Gérer les données]

Fautif :
    # réalisation n°1 (SLAM)
    e6:
      competences: [B2.1]
    # réalisation n°2
    e6:
      competences: [B2.3]     # B2.2 (maintenance) n'est mobilisée par aucune des deux
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.f001_deux_realisations_e6 import epreuve
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    coverage = ctx.coverage_e6
    chosen = ctx.dossier.e6_realisations()
    if coverage is None or not chosen:
        return
    first = chosen[0]
    assert first.e6 is not None
    where = first.anchor.key("e6")
    option = ctx.dossier.candidat.option
    for comp in coverage.uncovered():
        yield RULE.finding(
            f"La compétence {comp.code} « {comp.label} » du bloc 2 ({option}) n'est mobilisée "
            f"par aucune des réalisations présentées à l'épreuve {epreuve(ctx.dossier)}.",
            where,
            f"Ajoutez {comp.code} (ou l'un de ses items) aux « competences » du bloc « e6: » de "
            "la réalisation qui la met réellement en œuvre.",
        )
