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

from e4cli.rules.base import Rule

RULE = Rule.from_doc(__doc__)
