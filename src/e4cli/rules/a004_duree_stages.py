"""A004 · warning · Durée de stage insuffisante

Les stages déclarés totalisent moins que la durée exigée pour le statut du candidat :
10 semaines pour la voie scolaire (8 au minimum sur décision motivée du recteur), 10 semaines
en formation continue (première formation ou reconversion). En apprentissage et pour
l'expérience professionnelle, un certificat de travail remplace le stage : pas de minimum.
Une semaine se termine le vendredi : un stage du lundi au vendredi 5 semaines plus tard compte
5 semaines.

Pourquoi : référentiel du BTS SIO, annexe III.B (stages) ; un dossier sous la durée exigée
risque d'être déclaré non conforme.

Correct :
    stages:
      - {organisation: Mairie de Lannion, annee: 1, debut: 2026-05-25, fin: 2026-06-26}
      - {organisation: Armor Info, annee: 2, debut: 2027-01-11, fin: 2027-02-19}

Fautif :
    stages:
      - {organisation: Mairie de Lannion, annee: 1, debut: 2026-05-25, fin: 2026-06-12}
"""

from collections.abc import Iterator

from e4cli.dossier.model import Stage
from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__)


def stage_weeks(stage: Stage) -> float:
    """Calendar weeks, a stage ending on a Friday or Saturday closing its week."""
    if stage.debut is None or stage.fin is None or stage.fin < stage.debut:
        return 0.0
    end = stage.fin.toordinal()  # an ordinal cannot overflow where 9999-12-31 + 1 day would
    if stage.fin.weekday() in (4, 5):  # Friday, Saturday
        end += 6 - stage.fin.weekday()
    return (end - stage.debut.toordinal() + 1) / 7


def weeks_fr(weeks: float) -> str:
    number = f"{weeks:.1f}".replace(".", ",").removesuffix(",0")
    return f"{number} semaine" + ("s" if weeks >= 2 else "")


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier = ctx.dossier
    statut = dossier.candidat.statut
    rule = dossier.referential.stage_rules.get(statut)
    if rule is None or not rule.weeks or dossier.manifest is None:
        return
    if dossier.stages_unread or any(
        s.debut is None or s.fin is None or s.fin < s.debut for s in dossier.stages
    ):
        return  # a total would be false; S001 or A005 names the stage to fix first
    total = sum(stage_weeks(s) for s in dossier.stages)
    if total + 1e-9 >= rule.weeks:
        return
    anchor = dossier.manifest
    where = anchor.key("stages") if anchor.has("stages") else anchor.at()
    floor = ""
    if rule.floor:
        floor = f" ; {rule.floor:g} semaines au minimum sur décision motivée du recteur" + (
            " (atteint)" if total + 1e-9 >= rule.floor else ""
        )
    yield RULE.finding(
        f"Les stages totalisent {weeks_fr(total)} ; le statut « {statut} » en exige "
        f"{rule.weeks:g}{floor}.",
        where,
        rule.rule,
    )
