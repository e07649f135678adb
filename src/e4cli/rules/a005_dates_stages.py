"""A005 · error · Stage incohérent ou chevauchement

Un stage finit avant de commencer, ou deux stages se chevauchent.

Pourquoi : les attestations portent les dates des stages ; des dates incohérentes font douter
le contrôle de conformité de toute la partie professionnelle du dossier.

Correct :
    - {organisation: Mairie de Lannion, annee: 1, debut: 2026-05-25, fin: 2026-06-26}
    - {organisation: Armor Info, annee: 2, debut: 2027-01-11, fin: 2027-02-19}

Fautif :
    - {organisation: Mairie de Lannion, annee: 1, debut: 2026-05-25, fin: 2026-06-26}
    - {organisation: Armor Info, annee: 1, debut: 2026-06-15, fin: 2026-07-10}
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    valid = []
    for stage in ctx.dossier.stages:
        if stage.debut is None or stage.fin is None:
            continue
        if stage.fin < stage.debut:
            yield RULE.finding(
                f"Le stage {stage.label} finit ({stage.fin:%d/%m/%Y}) avant de commencer "
                f"({stage.debut:%d/%m/%Y}).",
                stage.anchor.at("fin"),
                "Vérifiez les dates sur l'attestation de stage.",
            )
            continue
        valid.append(stage)
    for i, first in enumerate(valid):
        for second in valid[i + 1 :]:
            assert first.debut and first.fin and second.debut and second.fin
            if first.debut <= second.fin and second.debut <= first.fin:
                yield RULE.finding(
                    f"Les stages {first.label} et {second.label} se chevauchent "
                    f"({max(first.debut, second.debut):%d/%m/%Y} – "
                    f"{min(first.fin, second.fin):%d/%m/%Y}).",
                    second.anchor.at("debut"),
                    "Vérifiez les dates sur les deux attestations.",
                )
