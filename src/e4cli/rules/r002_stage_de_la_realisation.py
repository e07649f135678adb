"""R002 · warning · Réalisation hors de son stage

Une réalisation `cadre: stage` ne désigne aucun stage du dossier (clé `stage` absente ou
inconnue), ou sa période déborde des dates de ce stage.

Pourquoi : la section du tableau (première ou seconde année) vient du stage ; une réalisation
datée hors du stage sera questionnée par le jury et par le contrôle de conformité.

Correct :
    cadre: stage
    stage: stage2
    periode: {debut: 2027-01-19, fin: 2027-02-12}

Fautif :
    cadre: stage
    stage: stage3
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier = ctx.dossier
    known = (
        ", ".join(dict.fromkeys(s.id for s in dossier.stages))
        or "aucun stage déclaré dans dossier.yaml"
    )
    for real in dossier.realisations:
        if real.cadre != "stage":
            continue
        if real.stage is None:
            if real.anchor.written_as("stage") not in (None, str):
                continue  # `stage: 2`: the schema says it must be text (S001)
            yield RULE.finding(
                f"La réalisation {real.label} est en stage mais ne dit pas lequel.",
                real.anchor.at("cadre"),
                f"Ajoutez « stage: » avec l'identifiant d'un stage ({known}).",
            )
            continue
        stage = dossier.stage_by_id(real.stage)
        if stage is None:
            if dossier.stages_unread:
                continue  # it may be the stage the schema could not read (S001)
            yield RULE.finding(
                f"La réalisation {real.label} cite le stage « {real.stage} », absent de "
                "dossier.yaml.",
                real.anchor.at("stage"),
                f"Stages connus : {known}.",
            )
            continue
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
