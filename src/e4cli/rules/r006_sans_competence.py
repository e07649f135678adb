"""R006 · error · Réalisation sans compétence

Une réalisation ne mobilise aucune compétence du bloc (liste `competences` absente, vide, ou
faite uniquement de références inconnues).

Pourquoi : le tableau de synthèse présente, pour chaque réalisation, « les compétences
mobilisées du bloc » ; une ligne sans croix n'apporte rien au dossier.

Correct :
    competences: [B1.2, B1.5]

Fautif :
    competences: []
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    for real in ctx.dossier.realisations:
        if real.competence_codes() or real.anchor.written_as("competences") not in (None, list):
            continue  # a value that is not a list is the schema's finding (S001)
        where = (
            real.anchor.at("competences") if real.anchor.has("competences") else real.anchor.at()
        )
        reason = " valide" if real.competences else ""
        yield RULE.finding(
            f"La réalisation {real.label} ne mobilise aucune compétence{reason}.",
            where,
            "Ajoutez « competences: » avec les codes mobilisés, par exemple [B1.2, B1.5.2].",
        )
