"""R002 · warning · Réalisation hors de son stage

La période d'une réalisation `cadre: stage` déborde des dates du stage qu'elle désigne. (Une
réalisation en stage qui ne désigne aucun stage connu n'a pas de section dans le tableau :
c'est une erreur, T004.)

Pourquoi : une réalisation datée hors du stage sera questionnée par le jury et par le contrôle
de conformité.

Correct :
    cadre: stage
    stage: stage2
    periode: {debut: 2027-01-19, fin: 2027-02-12}

Fautif :
    cadre: stage
    stage: stage2
    periode: {debut: 2027-03-01, fin: 2027-03-12}   # après la fin du stage
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier = ctx.dossier
    for real in dossier.realisations:
        if real.cadre != "stage" or real.stage is None:
            continue
        stage = dossier.stage_by_id(real.stage)
        if stage is None:
            continue  # in no section of the table: T004
        if not (stage.debut and stage.fin and real.debut and real.fin) or stage.fin < stage.debut:
            continue  # dates unknown, or the stage's own are inverted (A005)
        if real.debut < stage.debut or real.fin > stage.fin:
            yield RULE.finding(
                f"La période de {real.label} ({real.debut:%d/%m/%Y} – {real.fin:%d/%m/%Y}) sort "
                f"du stage {stage.label} ({stage.debut:%d/%m/%Y} – {stage.fin:%d/%m/%Y}).",
                real.anchor.at("periode", "debut" if real.debut < stage.debut else "fin"),
                "Corrigez les dates, ou classez la réalisation « cadre: formation » si elle a "
                "été faite hors du stage.",
            )
