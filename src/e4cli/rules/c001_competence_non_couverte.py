"""C001 · error · Compétence du bloc non couverte

Une des six compétences du bloc n'est mobilisée par aucune réalisation (un item cité compte
pour sa compétence).

Pourquoi : les réalisations « doivent, dans leur ensemble, mobiliser toutes les compétences
du bloc » ; une compétence absente affaiblit tout l'oral, le jury ne pouvant pas l'évaluer.

Correct :
    # l'ensemble des réalisations cite B1.1, B1.2, B1.3, B1.4, B1.5 et B1.6

Fautif :
    # aucune réalisation ne cite B1.3 ni l'un de ses items B1.3.1 à B1.3.3
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding, Location

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    if not ctx.dossier.realisations:
        return  # T001 already says there is nothing; six C001 would only add noise
    where = Location(ctx.dossier.realisations_dir + "/")
    for comp in ctx.coverage.uncovered():
        if comp.unplaced:
            names = ", ".join(comp.unplaced)
            many = len(comp.unplaced) > 1
            placed_word = "ne sont placées" if many else "n'est placée"
            hint = (
                f"{names} la cite{'nt' if many else ''}, mais "
                f"{placed_word} dans aucune section du "
                "tableau de synthèse : corrigez son cadre ou son stage pour qu'elle compte."
            )
        else:
            hint = (
                f"Ajoutez {comp.code} (ou l'un de ses items) aux compétences d'une réalisation "
                "qui la met réellement en œuvre, ou prévoyez une réalisation qui la mobilise."
            )
        yield RULE.finding(
            f"La compétence {comp.code} « {comp.label} » n'est mobilisée par aucune réalisation.",
            where,
            hint,
        )
