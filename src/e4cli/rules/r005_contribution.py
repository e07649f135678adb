"""R005 · error · Réalisation en équipe sans contribution

Une réalisation `modalite: equipe` doit dire, dans `contribution`, ce que le candidat a fait
lui-même.

Pourquoi : la grille d'évaluation note la « Capacité à rendre compte d'un travail réalisé au
sein d'une équipe projet en mettant clairement en évidence sa contribution personnelle ».

Correct :
    modalite: equipe
    contribution: J'ai configuré FreeRADIUS et rédigé la procédure de test.

Fautif :
    modalite: equipe
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    for real in ctx.dossier.realisations:
        if real.modalite == "equipe" and not real.contribution:
            yield RULE.finding(
                f"La réalisation {real.label} est faite en équipe mais ne dit pas votre "
                "contribution personnelle.",
                real.anchor.at("modalite"),
                "Ajoutez « contribution: » : ce que vous avez fait vous-même, en une ou deux "
                "phrases.",
            )
