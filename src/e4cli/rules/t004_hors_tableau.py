"""T004 · error · Réalisation placée dans aucune section du tableau

Une réalisation `cadre: stage` ne dit pas de quel stage elle est (`stage:` absent) ou nomme un
stage que dossier.yaml ne déclare pas : elle n'a pas de section dans le tableau de synthèse
(formation, stage de première année, stage de seconde année). `e4 table` la laisse hors du
tableau, et ses compétences ne comptent pas dans la couverture (C001), pas plus que dans la
grille ni le rapport de classe.

Pourquoi : le tableau remis au jury ne montrerait pas cette réalisation ; les compétences qu'elle
seule mobilise seraient absentes du dossier, quoi qu'en dise la réalisation.

Correct :
    cadre: stage
    stage: stage2     # un « id » de la liste « stages » de dossier.yaml

Fautif :
    cadre: stage
    stage: stage3     # aucun stage de ce nom
"""

from collections.abc import Iterator

from e4cli.check.placement import Unplaced
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__)



def _consequence(codes: set[str]) -> str:
    """What being out of the table costs: the competencies it cites count for nothing."""
    cited = f" ({', '.join(sorted(codes))})" if codes else ""
    return (
        "elle ne figurera dans aucune section du tableau de synthèse et ses compétences"
        f"{cited} ne comptent pas"
    )


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier = ctx.dossier
    if dossier.stages_unread:
        return  # the schema reports the stages it could not read (S001)
    known = (
        ", ".join(dict.fromkeys(s.id for s in dossier.stages))
        or "aucun stage déclaré dans dossier.yaml"
    )
    for real in dossier.realisations:
        placement = ctx.facts.placements.get(real.file)
        if placement is None or placement.why is None:
            continue
        if placement.why is Unplaced.NO_STAGE:
            if real.anchor.written_as("stage") not in (None, str):
                continue  # `stage: 2`: the schema says it must be text (S001)
            yield RULE.finding(
                f"La réalisation {real.label} est en stage mais ne dit pas lequel : "
                f"{_consequence(real.competence_codes())}.",
                real.anchor.at("cadre"),
                f"Ajoutez « stage: » avec l'identifiant d'un stage ({known}).",
            )
        elif placement.why is Unplaced.UNKNOWN_STAGE:
            yield RULE.finding(
                f"La réalisation {real.label} cite le stage « {real.stage} », absent de "
                f"dossier.yaml : {_consequence(real.competence_codes())}.",
                real.anchor.at("stage"),
                f"Stages connus : {known}.",
            )
        # no cadre, an unknown cadre, a stage without `annee`: the schema reports each (S001)
