"""D002 · error · dossier.yaml absent

Le dossier ne contient pas de fichier `dossier.yaml`, le manifeste qui décrit la session, le
candidat, le portfolio et les stages.

Pourquoi : c'est le seul fichier au nom imposé ; sans lui, e4 ne sait ni la session ni le
candidat.

Correct :
    mon-dossier/dossier.yaml

Fautif :
    mon-dossier/Dossier.yml
"""

from e4cli.dossier.problems import ManifestMissing
from e4cli.rules.base import Description, Rule

RULE = Rule.from_doc(__doc__, needs_manifest=False)


@RULE.describes(ManifestMissing)
def describe(problem: ManifestMissing) -> Description:
    hint = (
        f"Renommez « {problem.near} » en « dossier.yaml »."
        if problem.near
        else "Créez-le (voir « e4 init ») : c'est lui qui décrit le dossier."
    )
    return Description("Le fichier dossier.yaml est absent.", problem.where, hint)
