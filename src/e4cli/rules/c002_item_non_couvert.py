"""C002 · info · Item de compétence non cité

Aucun item d'une compétence n'est cité tel quel par une réalisation (la compétence elle-même
peut être couverte). C'est une information : le tableau officiel coche les compétences, pas
les items, mais le jury interroge sur les items.

Pourquoi : savoir quels items aucune réalisation n'illustre permet de préparer l'oral ou de
compléter une réalisation.

Correct :
    competences: [B1.1.5]   # « Gérer des sauvegardes » est cité

Fautif :
    competences: [B1.1]     # B1.1 couverte, mais aucun item précisé
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.dossier.realisations:
        return
    where = Location(ctx.dossier.realisations_dir + "/")
    referential = ctx.dossier.referential
    for comp in ctx.coverage.competences.values():
        labels = {i.code: i.label for i in referential.competence(comp.code).items}
        for item, reals in comp.items.items():
            if not reals:
                yield RULE.finding(
                    f"L'item {item} « {labels[item]} » n'est cité par aucune réalisation.",
                    where,
                    f"Si une réalisation le met en œuvre, citez « {item} » dans ses compétences.",
                )
