"""S007 · warning · Forme de l'épreuve absente

dossier.yaml ne dit pas la forme de l'épreuve (`forme: ponctuelle` ou `forme: ccf`, contrôle en
cours de formation). La grille d'aide à l'évaluation et la fiche d'appréciation (`e4 grille`,
`e4 note`) ne cochent alors aucune case « Forme » : la commission devra le faire à la main.
`e4 check` et `e4 grille` le disent dans les mêmes mots.

Pourquoi : la forme figure en tête de la grille et de la fiche officielles ; elle dépend du
statut et de l'établissement du candidat (sa convocation l'indique), e4 ne la devine pas.

Correct :
    forme: ccf

Fautif :
    # forme absente de dossier.yaml
"""

from collections.abc import Iterator

from e4cli.rules.base import CheckContext, Rule
from e4cli.rules.findings import Finding

RULE = Rule.from_doc(__doc__)

MESSAGE = (
    "forme absente (ponctuelle ou ccf) : la grille et la fiche de la commission ne cochent "
    "aucune case de forme."
)
HINT = (
    "Ajoutez « forme: ponctuelle » ou « forme: ccf » (contrôle en cours de formation) à "
    "dossier.yaml, comme l'indique la convocation."
)


@RULE.checks
def check(ctx: CheckContext) -> Iterator[Finding]:
    dossier = ctx.dossier
    if dossier.manifest is None or dossier.manifest.written_as("forme") is not None:
        return  # written: right, or refused by the schema (S001)
    yield RULE.finding(MESSAGE[0].upper() + MESSAGE[1:], dossier.manifest.at(), HINT)
