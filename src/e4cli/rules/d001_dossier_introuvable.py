"""D001 · error · Dossier introuvable

Le chemin donné à `e4 check` n'existe pas ou n'est pas un dossier.

Pourquoi : sans dossier, rien ne peut être vérifié ; le candidat remet un dossier numérique complet.

Correct :
    e4 check mon-dossier/

Fautif :
    e4 check mon-dossier/dossier.yaml
"""

from e4cli.dossier.problems import FolderMissing
from e4cli.rules.base import Description, Rule

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.describes(FolderMissing)
def describe(problem: FolderMissing) -> Description:
    what = "n'est pas un dossier" if problem.exists else "n'existe pas"
    return Description(
        f"Le chemin « {problem.display} » {what}.",
        problem.where,
        "Donnez le dossier qui contient dossier.yaml, ou créez-en un avec « e4 init ».",
    )
