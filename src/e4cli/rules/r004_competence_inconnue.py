"""R004 · error · Compétence inconnue

Une compétence citée par une réalisation n'existe pas dans le référentiel. On cite une
compétence par son code (`B1.3`), un item par le sien (`B1.3.2`), ou par l'intitulé exact
(sans tenir compte des majuscules ni des accents), ou par un alias (`projet`, `patrimoine`).
La référence valide la plus proche est proposée.

Pourquoi : une compétence mal citée ne compte pas dans la couverture du bloc, ni dans le
tableau de synthèse.

Correct :
    competences: [B1.4, B1.5.2, Travailler en mode projet]

Fautif :
    competences: [B1.7, B14]
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    referential = ctx.dossier.referential
    for real in ctx.dossier.realisations:
        for ref in real.competences:
            if ref.resolved is not None:
                continue
            suggestion = referential.suggest(ref.raw)
            hint = (
                f"Vouliez-vous dire « {suggestion} » ?"
                if suggestion
                else "Codes valides : B1.1 à B1.6 et leurs items (B1.1.1 … B1.6.4)."
            )
            yield RULE.finding(
                f"Compétence inconnue « {ref.raw} » dans {real.label}.",
                real.anchor.at("competences", ref.index),
                hint,
            )
