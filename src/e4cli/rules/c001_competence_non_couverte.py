"""C001 · error · Compétence du bloc non couverte

Une des six compétences du bloc n'est mobilisée par aucune réalisation (un item cité compte
pour sa compétence). Seules comptent les réalisations que le tableau de synthèse montre : une
compétence citée par une réalisation placée dans aucune section n'est pas couverte, et le
constat qui dit pourquoi (T004, ou S001 pour son cadre ou son stage) suffit.

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
            # a réalisation cites it but has no section of the table: the finding that says
            # why (T004, or S001 for its cadre or stage) already makes the dossier fail
            continue
        yield RULE.finding(
            f"La compétence {comp.code} « {comp.label} » n'est mobilisée par aucune réalisation.",
            where,
            f"Ajoutez {comp.code} (ou l'un de ses items) aux compétences d'une réalisation qui "
            "la met réellement en œuvre, ou prévoyez une réalisation qui la mobilise.",
        )
